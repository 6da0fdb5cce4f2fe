"""Small helpers shared by the builders: category labels, value formatters, data labels."""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

from parktracker.charts import style
from parktracker.charts.glyphs import drawable, shortened
from parktracker.charts.labels import wrap_label
from parktracker.charts.style import ChartSize, Typography
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.models import compact_park_name

MONTHS = (
    QT_TRANSLATE_NOOP("Charts", "Jan"),
    QT_TRANSLATE_NOOP("Charts", "Feb"),
    QT_TRANSLATE_NOOP("Charts", "Mar"),
    QT_TRANSLATE_NOOP("Charts", "Apr"),
    QT_TRANSLATE_NOOP("Charts", "May"),
    QT_TRANSLATE_NOOP("Charts", "Jun"),
    QT_TRANSLATE_NOOP("Charts", "Jul"),
    QT_TRANSLATE_NOOP("Charts", "Aug"),
    QT_TRANSLATE_NOOP("Charts", "Sep"),
    QT_TRANSLATE_NOOP("Charts", "Oct"),
    QT_TRANSLATE_NOOP("Charts", "Nov"),
    QT_TRANSLATE_NOOP("Charts", "Dec"),
)
T_JAN_OF_YEAR = QT_TRANSLATE_NOOP("Charts", "Jan\n%1")


def park_labels(names: list[str], size: ChartSize) -> list[str]:
    """Park names as category labels: without the shared “产业园”, long ones on two lines, very
    long ones cut with an ellipsis, characters the fonts lack replaced."""
    width = 6 if size.compact else 9
    return [wrap_label(drawable(shortened(compact_park_name(n))), width) for n in names]


def value_axis(ax: Axes, axis: str, size: ChartSize) -> None:
    """Round ticks, plain numbers (no offsets or scientific notation)."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(
        MaxNLocator(nbins=4 if size.compact else 6, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3)
    )
    target.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:.10g}"))


def bar_end_label(ax: Axes, x: float, y: float, text: str, typo: Typography, **kwargs: Any) -> None:
    """A label just past the end of a horizontal bar."""
    ax.annotate(
        text,
        xy=(x, y),
        xytext=(2.5, 0),
        textcoords="offset points",
        va="center",
        ha="left",
        fontsize=typo.label,
        color=kwargs.pop("color", style.TEXT),
        annotation_clip=False,
        **kwargs,
    )
