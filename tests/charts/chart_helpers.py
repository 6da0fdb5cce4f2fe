"""Reading a drawn Figure back: its texts and where they landed."""

from __future__ import annotations

import warnings
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text


def draw(fig: Figure) -> Any:
    """Render with Agg, every warning an error (a missing glyph must fail)."""
    canvas = FigureCanvasAgg(fig)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        canvas.draw()
    return canvas.get_renderer()


def _tick_labels(axis: Any) -> list[Text]:
    """Labels of the ticks matplotlib draws: those inside the axis's view limits."""
    low, high = sorted(axis.get_view_interval())
    span = high - low
    return [
        tick.label1
        for tick in axis.get_major_ticks()
        if low - 1e-9 * span <= tick.get_loc() <= high + 1e-9 * span
    ]


def texts(fig: Figure) -> list[Text]:
    """Every text the figure shows: frame, legends, annotations and drawn tick labels."""
    found: list[Text] = list(fig.texts)
    for legend in fig.legends:
        found.extend(legend.get_texts())
    for ax in fig.axes:
        found.extend(ax.texts)
        if ax.axison:
            found.extend(_tick_labels(ax.xaxis))
            found.extend(_tick_labels(ax.yaxis))
    return [t for t in found if t.get_visible() and t.get_text().strip()]


def all_text(fig: Figure) -> str:
    """Every visible string on the figure (tick labels included), one per line."""
    return "\n".join(t.get_text() for t in texts(fig))
