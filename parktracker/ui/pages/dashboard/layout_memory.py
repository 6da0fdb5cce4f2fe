"""Where each dashboard chart's plot sat when the window last closed, kept with the page's state.

A chart's layout (:class:`~parktracker.charts.band_layout.BandLayout`) fits the plot between
the header and the footer in passes, starting from a first guess; started where the plot sat
last time, the first drawing at start-up usually fits in one pass (measured: 5-10 % of drawing
the five charts, whose data rarely moves the plot between sessions). The layout corrects any
guess, so a stale or odd one only costs a pass. Kept as plain text: ``name=x0 y0 x1 y1`` (figure
fractions) per chart, ``;`` between them; anything unreadable is ignored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

Extents = tuple[float, float, float, float]


def encode(extents: Mapping[str, Extents]) -> str:
    """``extents``: chart name -> the plot's (x0, y0, x1, y1) in figure fractions."""
    return ";".join(f"{name}=" + " ".join(f"{v:.5f}" for v in box) for name, box in extents.items())


def extents_of(seed: Any) -> Extents | None:
    """A matplotlib Bbox's extents (None for None)."""
    if seed is None:
        return None
    x0, y0, x1, y1 = (float(v) for v in seed.extents)
    return (x0, y0, x1, y1)


def decode(text: object) -> dict[str, Extents]:
    """The extents kept by :func:`encode`; nothing for what is not a sensible box."""
    found: dict[str, Extents] = {}
    if not isinstance(text, str):
        return found
    for part in text.split(";"):
        name, _, numbers = part.partition("=")
        try:
            values = tuple(float(v) for v in numbers.split())
        except ValueError:
            continue
        if len(values) != 4 or not all(math.isfinite(v) and -1 <= v <= 2 for v in values):
            continue
        x0, y0, x1, y1 = values
        if name and x0 < x1 and y0 < y1:
            found[name] = (x0, y0, x1, y1)
    return found


def seed_from(extents: Extents | None) -> Any:
    """A Bbox to start the layout from (matplotlib is loaded by then), or None."""
    if extents is None:
        return None
    from matplotlib.transforms import Bbox

    return Bbox.from_extents(*extents)
