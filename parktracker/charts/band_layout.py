"""The plot's place in a chart: the band between the header and the footer, less what the
plot's own labels need.

matplotlib's constrained layout did this job, but it solves a general grid problem in two
passes at every draw and took about half of each chart's drawing time. A chart here has one
plot, so the layout is simpler: put the axes in the band, measure how far its tick labels, axis
labels and data labels reach past the axes box (:meth:`Axes.get_tightbbox`, whose text sizes
matplotlib caches for the draw that follows), and shrink the axes box by that much. A second
pass corrects for labels that move with the box (a label at a bar's end); a third runs only if
something still sticks out.

The search starts from where the plot was last placed (:attr:`BandLayout.seed`): a redraw, or
a figure that replaces one with the same frame (:func:`carry_layout`, after an edit), usually
fits at once, and one pass only checks it.
"""

from __future__ import annotations

from typing import Any

from matplotlib.layout_engine import LayoutEngine
from matplotlib.transforms import Bbox

MAX_PASSES = 3
TOLERANCE_PX = 0.5


class BandLayout(LayoutEngine):
    """Fits the figure's axes between ``header_in`` from the top and ``footer_in`` from the
    bottom (inches), ``side_in`` from the left and right edges, with ``gap_in`` between the
    plot's labels and the header and footer. Recomputed at every draw from the figure's size,
    so a figure in a resizable canvas keeps its frame clear of the plot."""

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(self, *, header_in: float, footer_in: float, side_in: float, gap_in: float):
        super().__init__()
        self._params = {
            "header_in": header_in,
            "footer_in": footer_in,
            "side_in": side_in,
            "gap_in": gap_in,
        }
        self.seed: Bbox | None = None  # the plot's last place, in figure fractions

    def set(self, **kwargs: float) -> None:
        unknown = set(kwargs) - set(self._params)
        if unknown:
            raise TypeError(f"unknown layout parameters: {sorted(unknown)}")
        self._params.update(kwargs)

    def band(self, fig: Any) -> Bbox:
        """The room for the plot and its labels, in display pixels."""
        p = self._params
        dpi = fig.dpi
        width, height = fig.bbox.width, fig.bbox.height
        x0 = p["side_in"] * dpi
        x1 = max(width - p["side_in"] * dpi, x0 + 1)
        y0 = (p["footer_in"] + p["gap_in"]) * dpi
        y1 = max(height - (p["header_in"] + p["gap_in"]) * dpi, y0 + 1)
        return Bbox.from_extents(x0, y0, x1, y1)

    def execute(self, fig: Any) -> None:
        renderer = fig._get_renderer()
        band = self.band(fig)
        to_figure = fig.transFigure.inverted()
        if len(fig.axes) != 1:
            for ax in fig.axes:
                _fit(ax, band, band, renderer, to_figure)
            return
        (ax,) = fig.axes
        start = band if self.seed is None else self.seed.transformed(fig.transFigure)
        _fit(ax, band, start, renderer, to_figure)
        self.seed = ax.get_position()


def carry_layout(old: Any, new: Any) -> None:
    """Start ``new``'s layout from where ``old``'s plot sits (both figures framed by a
    :class:`BandLayout`, e.g. the same chart before and after an edit)."""
    before, after = old.get_layout_engine(), new.get_layout_engine()
    if isinstance(before, BandLayout) and isinstance(after, BandLayout) and after.seed is None:
        after.seed = before.seed


def _fit(ax: Any, band: Bbox, start: Bbox, renderer: Any, to_figure: Any) -> None:
    """Place ``ax`` so that its tight box (axes plus labels) fills ``band``, trying ``start``
    (display pixels) first."""
    x0, y0, x1, y1 = start.x0, start.y0, start.x1, start.y1
    for _ in range(MAX_PASSES):
        # Never collapse the plot: keep at least a sliver so matplotlib can still draw.
        box = Bbox.from_extents(x0, y0, max(x1, x0 + 2), max(y1, y0 + 2))
        ax.set_position(box.transformed(to_figure), which="both")
        tight = ax.get_tightbbox(renderer, for_layout_only=True)
        if tight is None:
            return
        # How far the labels reach past the band on each side (negative: room to spare).
        over = (band.x0 - tight.x0, band.y0 - tight.y0, tight.x1 - band.x1, tight.y1 - band.y1)
        if all(abs(side) <= TOLERANCE_PX for side in over):
            return
        x0, y0 = x0 + over[0], y0 + over[1]
        x1, y1 = x1 - over[2], y1 - over[3]
    # Still moving after the last pass (labels that grow as the plot shrinks): take the last
    # correction unchecked rather than leave a label outside.
    box = Bbox.from_extents(x0, y0, max(x1, x0 + 2), max(y1, y0 + 2))
    ax.set_position(box.transformed(to_figure), which="both")
