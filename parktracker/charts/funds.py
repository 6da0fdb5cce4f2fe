"""Chart 4: industry funds per park (and city-wide): scale, then paid-in, then invested."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from parktracker.charts import style
from parktracker.charts.axes_text import bar_end_label, park_labels, value_axis
from parktracker.charts.frame import PT, style_axes
from parktracker.charts.labels import amount_label, amount_value
from parktracker.charts.options import (
    ChartOptions,
    Translate,
    default_translate,
    no_data_text,
    open_frame,
)
from parktracker.domain.chart_data import FundsByPark
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP

T_TITLE = QT_TRANSLATE_NOOP("Charts", "%1: industry fund scale, paid-in and invested")
T_TITLE_FUNDS = QT_TRANSLATE_NOOP("Charts", "%1: scale, paid-in and invested of each fund")
T_SCALE = QT_TRANSLATE_NOOP("Charts", "Total scale")
T_PAID_IN = QT_TRANSLATE_NOOP("Charts", "Paid-in")
T_INVESTED = QT_TRANSLATE_NOOP("Charts", "Invested")

BAR = 0.27  # each of the three bars, as a share of one group's row


def funds_figure(
    data: FundsByPark, options: ChartOptions | None = None, tr: Translate | None = None
) -> Figure:
    options = options or ChartOptions()
    tr = tr or default_translate()
    unit = options.unit
    series = [
        (tr(T_SCALE), data.scale, style.LIGHT_BLUE),
        (tr(T_PAID_IN), data.paid_in, style.BLUE),
        (tr(T_INVESTED), data.invested, style.NAVY),
    ]
    has_data = data.has_data
    frame = open_frame(
        data.context,
        options,
        tr,
        default_title=tr(T_TITLE_FUNDS if data.context.one_park else T_TITLE, data.context.scope),
        unit_text=unit.label,
    )
    if not has_data:
        frame.finish()
        frame.no_data(no_data_text(tr))
        return frame.figure
    frame.legend([Patch(color=c) for _, _, c in series], [label for label, _, _ in series])
    frame.finish()
    typo = frame.type
    ax = frame.axes()
    style_axes(ax, typo, value_axis="x")
    n = len(data.groups)
    row_labels = park_labels(data.groups, options.size)
    label_in = max(
        frame.measure(line, typo.tick) for text in row_labels for line in text.split("\n")
    )
    _plot_w, plot_h = frame.plot_size_estimate(label_in + 4 * PT)
    # Value labels only where each bar is tall enough for a line of text of its own.
    labelled = plot_h / n * BAR >= typo.label * PT * 1.15
    top = 0.0
    for k, (_label, amounts, colour) in enumerate(series):
        offset = (k - 1) * BAR
        values = [amount_value(m, unit) for m in amounts]
        top = max(top, *values)
        ax.barh(
            [row + offset for row in range(n)], values, height=BAR * 0.92, color=colour, zorder=2
        )
        if labelled:
            for row, (value, amount) in enumerate(zip(values, amounts, strict=True)):
                bar_end_label(
                    ax,
                    value,
                    row + offset,
                    amount_label(amount, unit, options.number_format),
                    typo,
                    color=style.MUTED,
                )
    ax.set_yticks(list(range(n)), row_labels)
    ax.invert_yaxis()
    ax.set_xlim(0, top * (1.14 if labelled else 1.04))
    value_axis(ax, "x", options.size)
    return frame.figure
