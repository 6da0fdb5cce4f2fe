"""What a Figure draws, read back from its matplotlib artists: bars, line points and texts."""

from __future__ import annotations

from typing import Any

from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from parktracker.charts import style

_COLOR_NAMES = {
    getattr(style, name).lower(): name
    for name in dir(style)
    if name.isupper() and isinstance(getattr(style, name), str) and getattr(style, name)[:1] == "#"
}

Bar = tuple[float, float, float, float]  # x, y, width, height
Point = tuple[float, float]


def _r(value: float) -> float:
    return round(float(value), 4) + 0.0  # + 0.0 turns -0.0 into 0.0


def bars(fig: Figure) -> dict[str, list[Bar]]:
    """The data axes' rectangles, by fill colour name (style.NAVY → "NAVY"), in drawing order."""
    found: dict[str, list[Bar]] = {}
    for ax in fig.axes:
        if not ax.axison:
            continue
        for patch in ax.patches:
            if not isinstance(patch, Rectangle):
                continue
            colour = to_hex(patch.get_facecolor()).lower()
            name = _COLOR_NAMES.get(colour, colour)
            box = (patch.get_x(), patch.get_y(), patch.get_width(), patch.get_height())
            found.setdefault(name, []).append(tuple(_r(v) for v in box))  # type: ignore[arg-type]
    return found


def lines(fig: Figure) -> list[list[Point]]:
    """Every line of the data axes, as its (x, y) points in drawing order."""
    return [
        [(_r(x), _r(y)) for x, y in line.get_xydata()]
        for ax in fig.axes
        if ax.axison
        for line in ax.lines
    ]


def heights(items: list[Bar], *, horizontal: bool) -> list[float]:
    """The value each bar shows: its width for horizontal bars, its height otherwise."""
    return [b[2] if horizontal else b[3] for b in items]


def describe(fig: Figure) -> dict[str, Any]:
    from chart_helpers import texts

    return {
        "bars": bars(fig),
        "lines": lines(fig),
        "texts": [t.get_text() for t in texts(fig)],
        "y_down": [ax.yaxis_inverted() for ax in fig.axes if ax.axison],  # first row on top
    }
