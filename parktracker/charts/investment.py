"""Chart 2: planned total investment against completed investment, park by park."""

from __future__ import annotations

from collections.abc import Hashable

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from parktracker.charts import refill, style
from parktracker.charts.axes_text import bar_end_label, park_labels, value_axis
from parktracker.charts.frame import LINE_SPACING, PT, ChartFrame, style_axes
from parktracker.charts.labels import amount_value, percent_label, wrap_label
from parktracker.charts.options import (
    ChartOptions,
    Translate,
    default_translate,
    no_data_text,
    open_frame,
)
from parktracker.domain.chart_data import InvestmentByPark
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP

T_TITLE = QT_TRANSLATE_NOOP("Charts", "%1: planned and completed investment by park")
T_TITLE_PROJECTS = QT_TRANSLATE_NOOP(
    "Charts", "%1: planned and completed investment by project under construction"
)
T_PLANNED = QT_TRANSLATE_NOOP("Charts", "Planned total investment")
T_COMPLETED = QT_TRANSLATE_NOOP("Charts", "Completed investment to date")
T_NOTE = QT_TRANSLATE_NOOP(
    "Charts", "Note: percentages are completed investment as a share of planned total investment."
)


def investment_by_park_figure(
    data: InvestmentByPark, options: ChartOptions | None = None, tr: Translate | None = None
) -> Figure:
    options = options or ChartOptions()
    tr = tr or default_translate()
    unit = options.unit
    has_data = data.has_data
    frame = open_frame(
        data.context,
        options,
        tr,
        default_title=tr(
            T_TITLE_PROJECTS if data.context.one_park else T_TITLE, data.context.scope
        ),
        unit_text=unit.label,
        notes=[tr(T_NOTE)] if has_data else [],
    )
    if not has_data:
        frame.finish()
        frame.no_data(no_data_text(tr))
        return frame.figure
    frame.legend(
        [Patch(color=style.LIGHT_BLUE), Patch(color=style.NAVY)],
        [tr(T_PLANNED), tr(T_COMPLETED)],
    )
    frame.finish()
    typo = frame.type
    ax = frame.axes()
    style_axes(ax, typo, value_axis="x")
    rows = range(len(data.parks))
    planned = [amount_value(m, unit) for m in data.planned]
    completed = [amount_value(m, unit) for m in data.completed]
    planned_bars = ax.barh(rows, planned, height=0.64, color=style.LIGHT_BLUE, zorder=2)
    completed_bars = ax.barh(rows, completed, height=0.32, color=style.NAVY, zorder=3)
    before = len(ax.texts)
    for row, share in enumerate(data.completed_share):
        bar_end_label(ax, max(planned[row], completed[row]), row, percent_label(share), typo)
    end_labels = list(ax.texts)[before:]
    labels = park_labels(data.parks, options.size)
    if data.context.one_park:
        labels = _project_labels(frame, data.parks, options)
    ax.set_yticks(list(rows), labels)
    ax.invert_yaxis()
    stretch = 1.16 if options.size.compact else 1.1
    ax.set_xlim(0, max(*planned, *completed) * stretch)
    value_axis(ax, "x", options.size)

    def apply(new: InvestmentByPark) -> None:
        """The same parks with other figures: bar lengths, end labels, the axis's range."""
        planned = [amount_value(m, unit) for m in new.planned]
        completed = [amount_value(m, unit) for m in new.completed]
        for bars, values in ((planned_bars, planned), (completed_bars, completed)):
            for bar, value in zip(bars, values, strict=True):
                bar.set_width(value)
        for row, (label, share) in enumerate(zip(end_labels, new.completed_share, strict=True)):
            label.xy = (max(planned[row], completed[row]), row)  # type: ignore[attr-defined]
            label.set_text(percent_label(share))
        ax.set_xlim(0, max(*planned, *completed) * stretch)

    refill.offer(frame.figure, structure(data, options, tr), apply)
    return frame.figure


def structure(data: InvestmentByPark, options: ChartOptions, tr: Translate) -> Hashable | None:
    """What a figure of ``data`` is made of besides its numbers (None: never refilled, as for
    one park's projects, whose row labels depend on the plot's room, or a chart without data)."""
    if data.context.one_park or not data.has_data:
        return None
    words = (tr(T_TITLE, data.context.scope), tr(T_PLANNED), tr(T_COMPLETED), tr(T_NOTE))
    return ("investment-by-park", data.context, tuple(data.parks), options, words)


def _project_labels(frame: ChartFrame, names: list[str], options: ChartOptions) -> list[str]:
    """Project names as row labels: on two lines where each row has room for two, otherwise
    on one line, shortened with "…" (the data and the exported file keep the full names)."""
    width = 6 if options.size.compact else 9
    _plot_w, plot_h = frame.plot_size_estimate(width * frame.type.tick * PT)
    two_lines = plot_h / max(len(names), 1) >= 2 * frame.type.tick * PT * LINE_SPACING * 1.1
    if two_lines:
        return [wrap_label(name, width) for name in names]
    return [name if len(name) <= width else name[: width - 1] + "…" for name in names]
