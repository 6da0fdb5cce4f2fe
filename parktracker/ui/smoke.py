"""Smoke mode (``parktracker --smoke OUT.png``): prove that an installed or frozen ParkTracker
really renders.

The application opens a fresh demo copy as usual; this object waits until the dashboard shows
with every chart drawn, saves a screenshot of the whole window and quits with exit code 0. If
the dashboard has not finished within the time limit, or the file cannot be written, it quits
with 1 and says why on stderr. It never touches the user's own database or settings (the
caller points QSettings at a temporary folder).
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

SMOKE_SIZE = (1280, 800)
POLL_MS = 100
SETTLE_POLLS = 3  # the charts must stay drawn this many polls in a row (no pending relayout)


class _Errors(logging.Handler):
    """Collects the errors the application logs (an unexpected exception is logged first)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.first: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.first is None:
            self.first = record.getMessage()


class SmokeShot(QObject):
    """Screenshot ``window`` to ``out`` once its dashboard has drawn its charts, then quit."""

    def __init__(self, window: QMainWindow, out: Path, *, timeout_s: float = 120.0) -> None:
        super().__init__(window)
        self.window = window
        self.out = out
        self.exit_code = 1
        self.deadline = time.monotonic() + timeout_s
        self._settled = 0
        self.errors = _Errors()
        logging.getLogger("parktracker").addHandler(self.errors)
        window.resize(*SMOKE_SIZE)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _dashboard(self) -> object | None:
        from parktracker.ui.pages.dashboard.page import DashboardPage

        page = getattr(self.window, "_built", {}).get(0)
        return page if isinstance(page, DashboardPage) and page.isVisible() else None

    def _poll(self) -> None:
        if self.errors.first is not None:  # fail at once, with the reason, not at the timeout
            self._finish(1, f"parktracker --smoke: an error occurred: {self.errors.first}")
            return
        page = self._dashboard()
        ready = page is not None and not page.charts_pending()  # type: ignore[attr-defined]
        self._settled = self._settled + 1 if ready else 0
        if self._settled >= SETTLE_POLLS:
            self._shoot()
        elif time.monotonic() > self.deadline:
            self._finish(1, "parktracker --smoke: the dashboard did not finish drawing in time")

    def _shoot(self) -> None:
        pixmap = self.window.grab()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        if pixmap.isNull() or not pixmap.save(str(self.out), "PNG"):
            self._finish(1, f"parktracker --smoke: could not write {self.out}")
            return
        self._finish(0, f"{self.out} ({pixmap.width()}x{pixmap.height()})")

    def _finish(self, code: int, message: str) -> None:
        self.timer.stop()
        logging.getLogger("parktracker").removeHandler(self.errors)
        self.exit_code = code
        print(message, file=sys.stdout if code == 0 else sys.stderr, flush=True)
        self.window.close()
        QTimer.singleShot(0, QApplication.quit)


def isolate_settings(folder: Path) -> None:
    """Keep QSettings (window geometry, recent files, language) in ``folder`` for this run."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
