"""Unexpected errors: logged with their traceback, and shown to the officer in plain words.

:class:`ErrorReporter` replaces ``sys.excepthook`` (which PySide6 also calls for an exception
raised in a slot) and ``threading.excepthook``. Each unexpected exception is written to the log,
then a calm dialog (:mod:`parktracker.ui.dialogs.unexpected_error`) says that something went
wrong, that the data is safe (every change is committed whole or rolled back), and offers to
copy the details or open the log folder.
Errors from other threads reach the dialog through a queued signal, on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from parktracker.ui.dialogs.unexpected_error import ErrorDialog

log = logging.getLogger("parktracker.errors")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager (creating it if needed)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ErrorReporter(QObject):
    """Installs the exception hooks; logs each unexpected error and shows one dialog."""

    reported = Signal(str)

    def __init__(
        self, parent: QObject | None, log_folder: Path | Callable[[], Path] | None
    ) -> None:
        """``log_folder`` may be given as a function, called when an error is shown: finding
        the data folder loads platformdirs, which a start need not wait for."""
        super().__init__(parent)
        self._log_folder = log_folder
        self.dialog: ErrorDialog | None = None
        self._previous: ExceptHook | None = None
        self._previous_thread: Callable[[threading.ExceptHookArgs], object] | None = None
        # Queued: an error raised in a worker thread is shown by the GUI thread.
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @property
    def log_folder(self) -> Path | None:
        folder = self._log_folder
        return folder() if callable(folder) else folder

    def install(self) -> None:
        self._previous = sys.excepthook
        self._previous_thread = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
        if self._previous_thread is not None:
            threading.excepthook = self._previous_thread

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        trace = "".join(traceback.format_exception(kind, error, tb))
        log.error("Unexpected error\n%s", trace.rstrip())
        self.reported.emit(trace)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _show(self, trace: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(trace)
            return
        # Its module loads with the first error, not on the way to the first paint. Should it
        # not load, the error stays in the log: raising here would report itself again.
        try:
            from parktracker.ui.dialogs.unexpected_error import ErrorDialog
        except Exception:  # any failure: the log has the error already
            log.exception("The error dialog could not be shown")
            return
        parent = QApplication.activeWindow()
        self.dialog = ErrorDialog(parent, trace, self.log_folder)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.open()

    def _forget(self) -> None:
        self.dialog = None
