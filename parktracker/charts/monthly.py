"""Chart 5: completed investment month by month over 24 months, with the year before."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from parktracker.charts import style
from parktracker.charts.axes_text import MONTHS, T_JAN_OF_YEAR, value_axis
from parktracker.charts.frame import style_axes
from parktracker.charts.labels import amount_label, amount_value
from parktracker.charts.options import (
    ChartOptions,
    Translate,
    default_translate,
    no_data_text,
    open_frame,
)
from parktracker.domain.chart_data import MonthlyInvestmentTrend
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP

T_TITLE = QT_TRANSLATE_NOOP("Charts", "%1: completed investment by month")
T_AMOUNT = QT_TRANSLATE_NOOP("Charts", "Completed investment")
T_YEAR_EARLIER = QT_TRANSLATE_NOOP("Charts", "Same month a year earlier")
T_NOTE = QT_TRANSLATE_NOOP(
    "Charts", "Note: the line starts at the first month with recorded investment a year earlier."
)


BAR_WIDTH = 0.66


def monthly_investment_figure(
    data: MonthlyInvestmentTrend, options: ChartOptions | None = None, tr: Translate | None = None
) -> Figure:
    options = options or ChartOptions()
    tr = tr or default_translate()
    unit = options.unit
    has_data = data.has_data
    # Before the first month with any investment recorded a year earlier the line would only
    # say "nothing recorded"; it starts where records start.
    first_earlier = next((i for i, m in enumerate(data.year_earlier) if m.yuan), None)
    frame = open_frame(
        data.context,
        options,
        tr,
        default_title=tr(T_TITLE, data.context.scope),
        unit_text=unit.label,
        notes=[tr(T_NOTE)] if has_data and first_earlier not in (None, 0) else [],
    )
    if not has_data:
        frame.finish()
        frame.no_data(no_data_text(tr))
        return frame.figure
    compact = options.size.compact
    frame.legend(
        [
            Patch(color=style.BLUE),
            Line2D(
                [], [], color=style.EARLIER_GREY, lw=1.4, marker="o", ms=2.5 if compact else 3.5
            ),
        ],
        [tr(T_AMOUNT), tr(T_YEAR_EARLIER)],
    )
    frame.finish()
    typo = frame.type
    ax = frame.axes()
    style_axes(ax, typo, value_axis="y")
    xs = list(range(len(data.months)))
    amounts = [amount_value(m, unit) for m in data.amounts]
    earlier = [amount_value(m, unit) for m in data.year_earlier]
    ax.bar(xs, amounts, width=BAR_WIDTH, color=style.BLUE, zorder=2)
    if first_earlier is not None:
        ax.plot(
            xs[first_earlier:],
            earlier[first_earlier:],
            color=style.EARLIER_GREY,
            lw=1.4,
            marker="o",
            ms=2.5 if compact else 3.5,
            zorder=3,
        )
    # The latest month's figure beside its bar's top: above it, a label wider than the bar
    # ran over the neighbouring (often taller) bar.
    ax.annotate(
        amount_label(data.amounts[-1], unit, options.number_format),
        xy=(xs[-1] + BAR_WIDTH / 2, amounts[-1]),
        xytext=(2, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        fontsize=typo.label,
        color=style.NAVY,
        fontweight="bold",
        annotation_clip=False,
    )
    step = 3 if compact else 2
    ticks, labels = [], []
    for x, month in zip(xs, data.months, strict=True):
        if (month.month - 1) % step == 0:
            ticks.append(x)
            label = (
                tr(T_JAN_OF_YEAR, month.year) if month.month == 1 else tr(MONTHS[month.month - 1])
            )
            labels.append(label)
    ax.set_xticks(ticks, labels)
    ax.set_xlim(-0.7, len(xs) - 0.3)
    ax.set_ylim(0, max(*amounts, *earlier) * 1.1)
    value_axis(ax, "y", options.size)
    return frame.figure
