"""Chart 3: projects per park, stacked by stage (counts, or planned 亿元)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from parktracker.charts import refill, style
from parktracker.charts.axes_text import bar_end_label, park_labels, value_axis
from parktracker.charts.frame import PT, ChartFrame, style_axes
from parktracker.charts.labels import amount_label, amount_value
from parktracker.charts.options import (
    T_PROJECTS_UNIT,
    ChartOptions,
    Translate,
    default_translate,
    no_data_text,
    open_frame,
)
from parktracker.domain.chart_data import PipelineByPark
from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import NumberFormat

T_TITLE_COUNT = QT_TRANSLATE_NOOP("Charts", "%1: projects by park and stage")
T_TITLE_AMOUNT = QT_TRANSLATE_NOOP("Charts", "%1: planned investment by park and stage")
T_TITLE_STAGE_COUNT = QT_TRANSLATE_NOOP("Charts", "%1: projects by stage")
T_TITLE_STAGE_AMOUNT = QT_TRANSLATE_NOOP("Charts", "%1: planned investment by stage")

# Further along the pipeline = darker; terminated projects in grey.
STAGE_COLOURS = {
    Stage.NEGOTIATING: style.PALE_BLUE,
    Stage.SIGNED: style.LIGHT_BLUE,
    Stage.UNDER_CONSTRUCTION: style.BLUE,
    Stage.IN_PRODUCTION: style.NAVY,
    Stage.TERMINATED: style.TERMINATED_GREY,
}
_DARK = {Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION}
T = TypeVar("T")


def pipeline_figure(
    data: PipelineByPark, options: ChartOptions | None = None, tr: Translate | None = None
) -> Figure:
    options = options or ChartOptions()
    tr = tr or default_translate()
    unit = options.unit
    by_amount = options.pipeline_measure == "amount"
    stacks = _Stacks(data, by_amount, unit, options.number_format)
    if data.context.one_park:
        title = T_TITLE_STAGE_AMOUNT if by_amount else T_TITLE_STAGE_COUNT
    else:
        title = T_TITLE_AMOUNT if by_amount else T_TITLE_COUNT
    frame = open_frame(
        data.context,
        options,
        tr,
        default_title=tr(title, data.context.scope),
        unit_text=unit.label if by_amount else tr(T_PROJECTS_UNIT),
    )
    if not any(stacks.totals):
        frame.finish()
        frame.no_data(no_data_text(tr))
        return frame.figure
    if data.context.one_park:
        return _stage_bars(frame, data, stacks, options, tr)
    return _stacked_bars(frame, data, stacks, options, tr)


def _stacked_bars(
    frame: ChartFrame, data: PipelineByPark, stacks: _Stacks, options: ChartOptions, tr: Translate
) -> Figure:
    """All parks: a bar per park, stacked by stage, with a number in each segment it fits."""
    unit = options.unit
    by_amount = options.pipeline_measure == "amount"
    frame.legend(
        [Patch(color=STAGE_COLOURS[s]) for s in data.stages], [tr(s.text) for s in data.stages]
    )
    frame.finish()
    typo = frame.type
    ax = frame.axes()
    style_axes(ax, typo, value_axis="x")
    rows = list(range(len(data.parks)))
    row_labels = park_labels(data.parks, options.size)
    stretch = 1.12 if options.size.compact else 1.08
    label_in = max(
        frame.measure(line, typo.tick) for text in row_labels for line in text.split("\n")
    )
    plot_w, _plot_h = frame.plot_size_estimate(label_in + 4 * PT)
    bars = {
        stage: ax.barh(
            rows,
            [0.0] * len(rows),
            height=0.6,
            color=STAGE_COLOURS[stage],
            zorder=2,
            edgecolor="white",
            linewidth=0.5,
        )
        for stage in data.stages
    }
    # One number per segment and one total per bar, made once and given their text and place
    # by fill_in (hidden where a number does not fit): a refill after an edit moves them
    # instead of removing and making 40-50 texts (about a sixth of redrawing the chart).
    inside = {
        stage: [
            ax.text(
                0.0,
                row,
                "",
                ha="center",
                va="center",
                fontsize=typo.label,
                color="white" if stage in _DARK else style.TEXT,
                zorder=3,
                visible=False,
                # Always inside its segment, so inside the plot: the layout, which measures
                # what reaches past the plot, need not measure it (2-3 ms a drawing).
                in_layout=False,
            )
            for row in rows
        ]
        for stage in data.stages
    }
    before = len(ax.texts)
    for row in rows:
        bar_end_label(ax, 0.0, row, "", typo, fontweight="bold")
    totals = list(ax.texts)[before:]

    def fill_in(stacks: _Stacks) -> None:
        """Each segment's place and length, the numbers that fit inside, each total."""
        x_max = max(stacks.totals) * stretch
        inches_per_unit = plot_w / x_max
        left = [0.0] * len(rows)
        for stage in data.stages:
            widths = stacks.values[stage]
            for bar, start, width in zip(bars[stage], left, widths, strict=True):
                bar.set_x(start)
                bar.set_width(width)
            for row, (width, text) in enumerate(zip(widths, stacks.labels[stage], strict=True)):
                # A number inside its segment only where it fits with some air around it.
                label = inside[stage][row]
                room = width * inches_per_unit
                fits = width > 0 and room > frame.measure(text, typo.label) + 4 * PT
                label.set_visible(fits)
                if fits:
                    label.set_position((left[row] + width / 2, row))
                    label.set_text(text)
                left[row] += width
        for row, (total, text) in enumerate(zip(stacks.totals, stacks.total_labels, strict=True)):
            label = totals[row]
            label.xy = (total, row)  # type: ignore[attr-defined]
            label.set_text(text)
        ax.set_xlim(0, x_max)

    fill_in(stacks)
    ax.set_yticks(rows, row_labels)
    ax.invert_yaxis()
    value_axis(ax, "x", options.size)
    if not by_amount:
        locator = ax.xaxis.get_major_locator()
        if isinstance(locator, MaxNLocator):
            locator.set_params(integer=True)

    def apply(new: PipelineByPark) -> None:
        fill_in(_Stacks(new, by_amount, unit, options.number_format))

    refill.offer(frame.figure, structure(data, options, tr), apply)
    return frame.figure


def structure(data: PipelineByPark, options: ChartOptions, tr: Translate) -> Hashable | None:
    """What a figure of ``data`` is made of besides its numbers (None: never refilled, as for
    one park's stage bars or a chart without data)."""
    by_amount = options.pipeline_measure == "amount"
    stacks = _Stacks(data, by_amount, options.unit, options.number_format)
    if data.context.one_park or not any(stacks.totals):
        return None
    words = (
        tr(T_TITLE_AMOUNT if by_amount else T_TITLE_COUNT, data.context.scope),
        tr(T_PROJECTS_UNIT),
        *(tr(s.text) for s in data.stages),
    )
    return ("pipeline", data.context, tuple(data.parks), tuple(data.stages), options, words)


def _stage_bars(
    frame: ChartFrame, data: PipelineByPark, stacks: _Stacks, options: ChartOptions, tr: Translate
) -> Figure:
    """One park: a bar per stage (its colour, its label), rather than one stacked bar."""
    frame.finish()
    typo = frame.type
    ax = frame.axes()
    style_axes(ax, typo, value_axis="x")
    rows = list(range(len(data.stages)))
    values = [stacks.values[s][0] if stacks.values[s] else 0.0 for s in data.stages]
    labels = [stacks.labels[s][0] if stacks.labels[s] else "0" for s in data.stages]
    ax.barh(rows, values, height=0.6, color=[STAGE_COLOURS[s] for s in data.stages], zorder=2)
    for row, (value, text) in enumerate(zip(values, labels, strict=True)):
        bar_end_label(ax, value, row, text, typo, fontweight="bold")
    ax.set_yticks(rows, [tr(s.text) for s in data.stages])
    ax.invert_yaxis()
    ax.set_xlim(0, max(values) * (1.16 if options.size.compact else 1.1))
    value_axis(ax, "x", options.size)
    if options.pipeline_measure != "amount":
        locator = ax.xaxis.get_major_locator()
        if isinstance(locator, MaxNLocator):
            locator.set_params(integer=True)
    return frame.figure


class _Stacks:
    """Segment lengths and labels per stage, and each park's total (exact before rounding)."""

    def __init__(
        self, data: PipelineByPark, by_amount: bool, unit: Unit, fmt: NumberFormat
    ) -> None:
        n = len(data.parks)
        self.values: dict[Stage, list[float]] = {}
        self.labels: dict[Stage, list[str]] = {}
        if by_amount:
            amounts = {s: _padded(data.amounts.get(s, []), n, Money.zero()) for s in data.stages}
            for stage, column in amounts.items():
                self.values[stage] = [amount_value(m, unit) for m in column]
                self.labels[stage] = [amount_label(m, unit, fmt) for m in column]
            sums = [Money.total([amounts[s][i] for s in data.stages]) for i in range(n)]
            self.totals = [amount_value(m, unit) for m in sums]
            self.total_labels = [amount_label(m, unit, fmt) for m in sums]
        else:
            counts = {s: _padded(data.counts.get(s, []), n, 0) for s in data.stages}
            for stage, numbers in counts.items():
                self.values[stage] = [float(c) for c in numbers]
                self.labels[stage] = [str(c) for c in numbers]
            count_sums = [sum(counts[s][i] for s in data.stages) for i in range(n)]
            self.totals = [float(c) for c in count_sums]
            self.total_labels = [str(c) for c in count_sums]


def _padded(values: list[T], n: int, zero: T) -> list[T]:
    return (list(values) + [zero] * n)[:n]
