"""Chart 1: cumulative year-to-date revenue against the year's target."""

from __future__ import annotations

from collections.abc import Hashable
from itertools import pairwise

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from parktracker.charts import refill, style
from parktracker.charts.axes_text import MONTHS, value_axis
from parktracker.charts.frame import PT, ChartFrame, style_axes
from parktracker.charts.labels import amount_text, amount_value, percent_number
from parktracker.charts.options import (
    ChartOptions,
    Translate,
    default_translate,
    no_data_text,
    open_frame,
)
from parktracker.domain.chart_data import RevenueProgress
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.money import Unit
from parktracker.domain.number_format import NumberFormat

T_TITLE = QT_TRANSLATE_NOOP("Charts", "%1: revenue in %2 against the year's target")
T_TITLE_NO_TARGET = QT_TRANSLATE_NOOP("Charts", "%1: revenue in %2")
T_NOTE_NO_TARGET = QT_TRANSLATE_NOOP(
    "Charts",
    "Note: no target is set for this scope; the dashed line carries the average monthly revenue"
    " so far on to December.",
)
T_CUMULATIVE = QT_TRANSLATE_NOOP("Charts", "Revenue to date")
T_TARGET = QT_TRANSLATE_NOOP("Charts", "Target (%1)")
T_PACE = QT_TRANSLATE_NOOP("Charts", "Even pace")
T_PROJECTION = QT_TRANSLATE_NOOP("Charts", "Projection at current rate")
T_LATEST = QT_TRANSLATE_NOOP("Charts", "Year to date, end of %1: %2")
T_SHARE = QT_TRANSLATE_NOOP("Charts", "%1% of the year's target")
T_NOTE = QT_TRANSLATE_NOOP(
    "Charts",
    "Note: the even pace is the target × months elapsed ÷ 12; the dashed line carries"
    " the average monthly revenue so far on to December.",
)


X_MAX = 12.3
GAP_FRAC = 0.05  # between a callout and the nearest line, as a share of the plot height


def revenue_progress_figure(
    data: RevenueProgress, options: ChartOptions | None = None, tr: Translate | None = None
) -> Figure:
    options = options or ChartOptions()
    tr = tr or default_translate()
    unit = options.unit
    has_data = data.has_data
    projects = len(data.projection) >= 2  # nothing to project once December is in
    frame = open_frame(
        data.context,
        options,
        tr,
        default_title=tr(
            T_TITLE if data.target is not None else T_TITLE_NO_TARGET,
            data.context.scope,
            data.year,
        ),
        unit_text=unit.label,
        notes=[tr(T_NOTE if data.target is not None else T_NOTE_NO_TARGET)]
        if has_data and projects
        else [],
    )
    if not has_data:
        frame.finish()
        frame.no_data(no_data_text(tr))
        return frame.figure
    pens = _Pens(options.size.compact)
    frame.legend(*_legend(data, unit, tr, pens, projects=projects, fmt=options.number_format))
    frame.finish()
    ax = frame.axes()
    style_axes(ax, frame.type, value_axis="y")
    framed = {id(artist) for artist in (*ax.lines, *ax.texts)}

    def draw(new: RevenueProgress) -> float:
        """The lines and the callout (in place of those drawn before); the value axis's top."""
        for artist in [*ax.lines, *ax.texts]:
            if id(artist) not in framed:
                artist.remove()
        y_top = _draw_lines(ax, new, unit, pens, projects=projects) * 1.08
        _annotate_latest(
            ax, frame, data=new, unit=unit, tr=tr, pens=pens, y_top=y_top, fmt=options.number_format
        )
        return y_top

    y_top = draw(data)
    ticks = list(range(2, 13, 2)) if options.size.compact else list(range(1, 13))
    ax.set_xticks(ticks, [tr(MONTHS[m - 1]) for m in ticks])
    ax.set_xlim(0, X_MAX)
    value_axis(ax, "y", options.size)
    ax.set_ylim(0, y_top)

    def apply(new: RevenueProgress) -> None:
        ax.set_ylim(0, draw(new))

    refill.offer(frame.figure, structure(data, options, tr), apply)
    return frame.figure


def structure(data: RevenueProgress, options: ChartOptions, tr: Translate) -> Hashable | None:
    """What a figure of ``data`` is made of besides the year-to-date figures: its words (the
    legend names the target), the target and even pace, and whether a projection is drawn."""
    if not data.has_data:
        return None
    projects = len(data.projection) >= 2
    pens = _Pens(options.size.compact)
    _, legend = _legend(data, options.unit, tr, pens, projects=projects, fmt=options.number_format)
    words = (
        tr(
            T_TITLE if data.target is not None else T_TITLE_NO_TARGET, data.context.scope, data.year
        ),
        tr(T_NOTE if data.target is not None else T_NOTE_NO_TARGET),
        *legend,
    )
    shape = (data.year, data.target, tuple(data.pace), projects)
    return ("revenue-progress", data.context, shape, options, words)


class _Pens:
    """Line widths and marker sizes for the figure's size."""

    def __init__(self, compact: bool) -> None:
        self.width = 1.2 if compact else 1.6
        self.marker = 3.0 if compact else 4.0


PROJECTION_DASH = (0, (4, 2.5))
PACE_DOTS = (0, (1, 1.5))


def _legend(
    data: RevenueProgress,
    unit: Unit,
    tr: Translate,
    pens: _Pens,
    *,
    projects: bool,
    fmt: NumberFormat,
) -> tuple[list[Line2D], list[str]]:
    entries = [
        (
            Line2D([], [], color=style.NAVY, lw=pens.width, marker="o", ms=pens.marker),
            tr(T_CUMULATIVE),
        ),
    ]
    if projects:
        entries.append(
            (Line2D([], [], color=style.NAVY, lw=pens.width, ls=PROJECTION_DASH), tr(T_PROJECTION))
        )
    if data.pace:
        entries.append((Line2D([], [], color=style.PACE_GREY, lw=1.0, ls=PACE_DOTS), tr(T_PACE)))
    if data.target is not None:
        entries.append(
            (
                Line2D([], [], color=style.TARGET_RED, lw=1.0),
                tr(T_TARGET, fmt.amount(data.target, unit)),
            )
        )
    return [h for h, _ in entries], [label for _, label in entries]


def _draw_lines(
    ax: Axes, data: RevenueProgress, unit: Unit, pens: _Pens, *, projects: bool
) -> float:
    """Target, pace, projection and the year to date; returns the highest value drawn."""
    cumulative = [amount_value(m, unit) for m in data.cumulative]
    top = max(cumulative)
    if data.target is not None:
        target = amount_value(data.target, unit)
        top = max(top, target)
        ax.axhline(target, color=style.TARGET_RED, lw=1.0, zorder=2)
    if data.pace:
        pace = [amount_value(m, unit) for m in data.pace]
        ax.plot(range(len(pace)), pace, color=style.PACE_GREY, lw=1.0, ls=PACE_DOTS, zorder=2)
    if projects:
        ys = [amount_value(m, unit) for _, m in data.projection]
        top = max(top, *ys)
        ax.plot(
            [month for month, _ in data.projection],
            ys,
            color=style.NAVY,
            lw=pens.width,
            ls=PROJECTION_DASH,
            zorder=3,
        )
    ax.plot(
        data.months,
        cumulative,
        color=style.NAVY,
        lw=pens.width,
        marker="o",
        ms=pens.marker,
        zorder=4,
        clip_on=False,
    )
    ax.plot(  # the latest point, a little larger
        [data.months[-1]],
        [cumulative[-1]],
        marker="o",
        ms=pens.marker + 1.5,
        color=style.NAVY,
        markeredgecolor="white",
        markeredgewidth=0.8,
        zorder=5,
        clip_on=False,
    )
    return top


def _annotate_latest(
    ax: Axes,
    frame: ChartFrame,
    *,
    data: RevenueProgress,
    unit: Unit,
    tr: Translate,
    pens: _Pens,
    y_top: float,
    fmt: NumberFormat,
) -> None:
    """The latest point's value and share of the target, in a callout placed where no line
    runs and joined to the point by a thin leader."""
    typo = frame.type
    last_month = data.months[-1]
    value = amount_value(data.cumulative[-1], unit)
    lines = [tr(T_LATEST, tr(MONTHS[last_month - 1]), amount_text(data.cumulative[-1], unit, fmt))]
    if data.latest_share_of_target is not None:
        lines.append(tr(T_SHARE, percent_number(data.latest_share_of_target)))
    # The callout's box: the text as laid out, its white padding (0.3 em a side) and a point.
    block_w, block_h = frame.measure_block("\n".join(lines), typo.label, "bold", 1.35)
    pad = 2 * 0.3 * typo.label * PT + 2 * PT
    text_w, text_h = block_w + pad, block_h + pad
    plot_w, plot_h = frame.plot_size_estimate(frame.measure("0000", typo.tick) + 6 * PT)
    x_frac, y_frac, va = _callout_position(
        _curves(data, unit),
        last_month,
        value,
        target=amount_value(data.target, unit) if data.target is not None else None,
        x_max=X_MAX,
        y_max=y_top,
        w_frac=text_w / plot_w,
        h_frac=text_h / plot_h,
    )
    # The position is the text's edge; keep its white box (half the padding) inside the room.
    half_pad = (0.3 * typo.label + 1) * PT / plot_h
    y_frac += -half_pad if va == "top" else half_pad
    ax.annotate(
        "\n".join(lines),
        xy=(last_month, value),
        xytext=(x_frac, y_frac),
        textcoords="axes fraction",
        ha="left",
        va=va,
        fontsize=typo.label,
        color=style.NAVY,
        fontweight="bold",
        linespacing=1.35,
        annotation_clip=False,
        zorder=6,
        bbox={"boxstyle": "square,pad=0.3", "facecolor": "white", "edgecolor": "none"},
        arrowprops={
            "arrowstyle": "-",
            "color": style.NAVY,
            "lw": 0.6,
            "shrinkA": 1,
            "shrinkB": pens.marker,
        },
    )


Curve = list[tuple[float, float]]


def _curves(data: RevenueProgress, unit: Unit) -> list[Curve]:
    """The lines drawn, as (month, value) points; each rises (or stays level) month by month."""
    curves: list[Curve] = [
        [
            (float(m), amount_value(v, unit))
            for m, v in zip(data.months, data.cumulative, strict=True)
        ]
    ]
    if data.pace:
        curves.append([(float(m), amount_value(v, unit)) for m, v in enumerate(data.pace)])
    if data.projection:
        curves.append([(float(m), amount_value(v, unit)) for m, v in data.projection])
    return curves


def _value_at(curve: Curve, x: float) -> float | None:
    """Linear interpolation; None outside the curve's months."""
    for (x0, y0), (x1, y1) in pairwise(curve):
        if x0 <= x <= x1:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    if curve and curve[-1][0] == x:
        return curve[-1][1]
    return None


def _callout_position(
    curves: list[Curve],
    month: int,
    value: float,
    *,
    target: float | None,
    x_max: float,
    y_max: float,
    w_frac: float,
    h_frac: float,
) -> tuple[float, float, str]:
    """Where the callout goes, in axes fractions: (left, y, vertical alignment).

    First choice: just above the point and every line over the callout's width, under the
    target line. Then below every line, to the right of the point, then to its left. Last
    resort: the upper left corner, which lines starting at zero in January reach last.
    """

    def highest(x0: float, x1: float) -> float:
        values = [v for c in curves for x in (x0, x1) if (v := _value_at(c, x)) is not None]
        return max(values, default=0.0) / y_max

    def lowest(x0: float, x1: float) -> float:
        values = [v for c in curves for x in (x0, x1) if (v := _value_at(c, x)) is not None]
        return min(values, default=0.0) / y_max

    px = month / x_max
    py = value / y_max
    ceiling = (target / y_max if target is not None else 1.0) - GAP_FRAC / 2
    left = min(max(px - w_frac / 2, 0.02), 0.98 - w_frac)
    span = (left * x_max, (left + w_frac) * x_max)
    bottom = max(highest(*span), py) + GAP_FRAC
    if bottom + h_frac <= ceiling:
        return left, bottom, "bottom"
    left = min(px + 0.03, 0.98 - w_frac)
    span = (left * x_max, (left + w_frac) * x_max)
    top = min(lowest(*span), py) - GAP_FRAC
    if left > px and top - h_frac >= 0.02:
        return left, top, "top"
    left = max(px - 0.03 - w_frac, 0.02)
    span = (left * x_max, (left + w_frac) * x_max)
    top = lowest(*span) - GAP_FRAC
    if left + w_frac < px and top - h_frac >= 0.02:
        return left, top, "top"
    return 0.02, ceiling, "top"
