"""A chart updated in place after an edit, instead of built again.

Building a dashboard chart makes a few thousand matplotlib objects (axes, ticks, bars, texts,
their transforms), and dropping the figure it replaces leaves them to the garbage collector:
on the demo file building took 30-50 ms a chart and freeing one 10-20 ms, about two thirds of a
redraw, and a full collection freeing old figures stalled the window for 60-100 ms.

An edit usually changes only the numbers of a chart (a bar's length, its label, the axis
range), not what it is made of (its parks, words, size and options). A builder that can fill
its figure with new numbers offers a :class:`Refill` with the figure: ``structure`` says what the
figure is made of, ``apply`` sets the numbers. :func:`refill_or_build` uses it when the new data
has the same structure and builds a new figure otherwise, so the result is always what
:func:`~parktracker.charts.build.build_figure` would draw for the data (the tests compare the
pixels). Only the dashboard's screen figures are refilled; exports always build their own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from matplotlib.figure import Figure

from parktracker.charts.options import ChartOptions, Translate, default_translate

_ATTRIBUTE = "_parktracker_refill"


@dataclass(frozen=True)
class Refill:
    """How to put new numbers into a figure: ``structure`` is what the figure is made of (a
    new figure for data of another structure would differ in more than its numbers); ``apply``
    sets the numbers of data of the same structure."""

    structure: Hashable
    apply: Callable[[Any], None]


def offer(figure: Figure, structure: Hashable, apply: Callable[[Any], None]) -> None:
    """Let ``figure`` be refilled with data of ``structure`` (called by a builder)."""
    setattr(figure, _ATTRIBUTE, Refill(structure, apply))


def refill(
    figure: Figure | None,
    data: Any,
    options: ChartOptions,
    tr: Translate,
    structure_of: Callable[[Any, ChartOptions, Translate], Hashable | None] | None,
) -> bool:
    """Put ``data``'s numbers into ``figure`` if it was built from data of the same structure
    (True), or leave it as it is (False)."""
    offered: Refill | None = getattr(figure, _ATTRIBUTE, None)
    if offered is None or structure_of is None:
        return False
    structure = structure_of(data, options, tr)
    if structure is None or structure != offered.structure:
        return False
    offered.apply(data)
    return True


def refill_or_build(
    previous: Figure | None,
    data: Any,
    options: ChartOptions | None = None,
    tr: Translate | None = None,
) -> Figure:
    """``previous`` with ``data``'s numbers when only the numbers changed, else a new figure
    (:func:`~parktracker.charts.build.build_figure`). ``previous`` must not be drawn
    elsewhere meanwhile (the dashboard hands it to one drawing thread at a time)."""
    from parktracker.charts.build import build_figure, structure_function

    options = options or ChartOptions()
    tr = tr or default_translate()
    if previous is not None and refill(previous, data, options, tr, structure_function(type(data))):
        return previous
    return build_figure(data, options, tr)
