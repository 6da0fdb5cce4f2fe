"""The start-up's milestones: when the first page shows its content, and the benchmark's hook
that reports the window's and that page's first paints.

The dashboard fills its cards when it is built, from the figures kept in the file when they
are still current (:mod:`parktracker.services.card_snapshot`), or else from a background
thread, so "the first page is drawn" means the paint after its cards were filled; any other
page is drawn with its first paint.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

BENCH_ENV = "PARKTRACKER_BENCH_FIRST_PAINT"
# Imported only when first needed (charts, Excel, writes), never on the way to the first paint.
HEAVY_MODULES = ("matplotlib", "numpy", "openpyxl", "sqlite_utils")


def bench_hook_wanted() -> bool:
    return bool(os.environ.get(BENCH_ENV))


def when_filled(page: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``page`` holds its content: the dashboard, unless it showed the
    cards kept from the last session, fills its cards from a background thread, so there once
    they are filled; any other page at once."""
    cards_updated = getattr(page, "cards_updated", None)
    if cards_updated is not None and getattr(page, "cards_pending", False):
        cards_updated.connect(callback, Qt.ConnectionType.SingleShotConnection)
    else:
        callback()


class _NextPaint(QObject):
    """Calls back once, at the watched widget's next paint (after the paint has been handled:
    the callback runs in the next turn of the event loop)."""

    def __init__(self, watched: QObject, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self.callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


def when_drawn(page: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``page`` has painted with its content (see :func:`when_filled`)."""

    def watch() -> None:
        _NextPaint(page, callback)
        update = getattr(page, "update", None)
        if update is not None:
            update()  # a paint is due in any case: the content has just been filled in

    when_filled(page, watch)


# How long after its first paint a page's charts may take before what waits for them goes on
# regardless (a chart that failed to draw never reports ready).
COMPLETE_PATIENCE_MS = 15_000


def when_complete(
    page: QObject, callback: Callable[[], None], *, patience_ms: int = COMPLETE_PATIENCE_MS
) -> None:
    """Call ``callback`` once ``page`` is drawn with all of its content: for the dashboard,
    once its charts are drawn as well (``charts_ready``), or ``patience_ms`` after its first
    paint if they are still not; any other page once drawn (:func:`when_drawn`)."""

    def drawn() -> None:
        pending = getattr(page, "charts_pending", None)
        if pending is None or not pending():
            callback()
            return
        called: list[bool] = []

        def once() -> None:
            if not called:
                called.append(True)
                callback()

        page.charts_ready.connect(once, Qt.ConnectionType.SingleShotConnection)  # type: ignore[attr-defined]
        QTimer.singleShot(patience_ms, page, once)

    when_drawn(page, drawn)


class FirstPaint(QObject):
    """Benchmark hook: print the wall-clock time of a widget's first paint.

    On the window it prints ``first-paint``; on the first page (built right after the window's
    first paint) ``content-paint``, and then quits the application.
    """

    def __init__(self, parent: QObject, label: str, *, quit_after: bool) -> None:
        super().__init__(parent)
        self.label = label
        self.quit_after = quit_after

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            heavy = ",".join(m for m in HEAVY_MODULES if m in sys.modules) or "none"
            print(f"{self.label} {time.time():.6f} heavy-modules={heavy}", flush=True)
            if self.quit_after:
                QTimer.singleShot(0, QApplication.quit)
        return False


def watch_page_paint(page: QObject) -> None:
    """Benchmark hook: report the first page's first paint with its content (the dashboard:
    its cards filled), then quit."""

    def watch() -> None:
        page.installEventFilter(FirstPaint(page, "content-paint", quit_after=True))
        update = getattr(page, "update", None)
        if update is not None:
            update()

    when_filled(page, watch)
