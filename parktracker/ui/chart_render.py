"""Dashboard charts built and rendered off the GUI thread.

Building a chart's matplotlib Figure and drawing it with Agg takes 40–150 ms per chart (a
figure refilled with new numbers, :mod:`parktracker.charts.refill`, 20-40 ms). Done
in the GUI thread, each chart froze the window for that long after every edit. Here a
:class:`RenderJob` does both in a thread of its own and hands back the finished Figure with
its picture (a QImage, which may be made outside the GUI thread); the GUI thread only paints
the picture. The Figure is made in the job and never touched there again once handed over,
so no Figure is ever shared by two threads; the GUI thread keeps it for tests and for the
export dialog's titles (exports build their own figures from the data).

matplotlib's font objects are cached per thread (``font_manager.get_font``), so a job drawing
while the GUI thread exports a chart does not share a FreeType face.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

_running: set[RenderJob] = set()


@dataclass(frozen=True)
class Rendered:
    """A chart built and drawn: its Figure and its picture at the canvas's size."""

    ticket: int
    figure: Any
    image: QImage


def render(
    make: Callable[[], Any], *, width: int, height: int, ratio: float, seed: Any = None
) -> tuple[Any, QImage]:
    """Build a Figure with ``make`` and draw it with Agg at ``width`` × ``height`` logical
    pixels (``ratio`` device pixels each). ``seed`` is where the plot sat in the chart it
    replaces (a :class:`~parktracker.charts.band_layout.BandLayout` seed): usually it fits at
    once. Thread-safe as long as ``make`` makes a new Figure."""
    from matplotlib.backend_bases import FigureCanvasBase

    from parktracker.charts.band_layout import BandLayout
    from parktracker.charts.screen_agg import ScreenCanvasAgg

    figure = make()
    engine = figure.get_layout_engine()
    if seed is not None and isinstance(engine, BandLayout) and engine.seed is None:
        engine.seed = seed
    # A figure drawn again (refilled in place) keeps the dpi it was built with.
    base_dpi = getattr(figure, "_built_dpi", figure.dpi)
    figure._built_dpi = base_dpi
    figure.set_dpi(base_dpi * ratio)
    figure.set_size_inches(
        max(width, 1) * ratio / figure.dpi, max(height, 1) * ratio / figure.dpi, forward=False
    )
    canvas: Any = ScreenCanvasAgg(figure)  # untyped
    canvas.draw()
    columns, rows = canvas.get_width_height(physical=True)
    buffer = canvas.buffer_rgba()  # the renderer's own pixels: not copied here
    image = QImage(buffer, columns, rows, columns * 4, QImage.Format.Format_RGBA8888)
    image = image.copy()  # owns its pixels (one copy; the renderer's go with the canvas)
    image.setDevicePixelRatio(ratio)
    # The Figure is kept (tests, export titles) but never drawn again: a plain canvas in
    # place of the Agg one lets Agg's own copy of the pixels go (~0.6-1.3 MB a chart at
    # 1x, four times that on a 2x screen). Drawing it again makes a new Agg canvas.
    FigureCanvasBase(figure)
    return figure, image


class RenderJob(QThread):
    """Renders one chart in its own thread; ``succeeded(Rendered)`` or ``failed(error)``
    arrive in the thread of the receiver (the GUI thread's page)."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        ticket: int,
        make: Callable[[], Any],
        *,
        width: int,
        height: int,
        ratio: float,
        seed: Any = None,
    ) -> None:
        super().__init__()
        self.ticket = ticket
        self._make = make
        self._size = (width, height, ratio, seed)
        self.finished.connect(self._done)

    def run(self) -> None:
        width, height, ratio, seed = self._size
        try:
            figure, image = render(self._make, width=width, height=height, ratio=ratio, seed=seed)
        except Exception as exc:  # reported in the GUI thread
            self.failed.emit(exc)
        else:
            self.succeeded.emit(Rendered(self.ticket, figure, image))

    def begin(self) -> RenderJob:
        _settle_heap()
        _running.add(self)
        self.start()
        return self

    def _done(self) -> None:
        self.wait()
        _running.discard(self)


def _settle_heap() -> None:
    """Before the first chart: move every object made so far (modules, Qt's wrappers,
    matplotlib and its fonts, about 100,000 objects) out of the garbage collector's sight
    (``gc.freeze``). A full collection then looks at what came after (the figures) only: it
    took 45-110 ms holding the interpreter lock, every few seconds while charts were
    redrawn, and took 10-16 ms after. Nothing is collectable at this point (a collection
    just before found nothing), so nothing is kept alive that would have been freed."""
    if not _settled:
        _settled.append(True)
        gc.freeze()


_settled: list[bool] = []  # once per process


def wait_all() -> None:
    """Block until every chart being rendered is done (before the application quits)."""
    for job in list(_running):
        job.wait()
    _running.difference_update([job for job in _running if job.isFinished()])


atexit.register(wait_all)  # a QThread destroyed while running aborts the process
