"""Unexpected errors: logged with their traceback, and shown to the officer in plain words.

:class:`ErrorReporter` replaces ``sys.excepthook`` (which PySide6 also calls for an exception
raised in a slot) and ``threading.excepthook``. Each unexpected exception is written to the log,
then a calm dialog says that something went wrong, that the data is safe (every change is
committed whole or rolled back), and offers to copy the details or open the log folder.
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

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from parktracker import __version__

log = logging.getLogger("parktracker.errors")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def details_text(trace: str) -> str:
    """What "copy details" puts on the clipboard: versions, system and the traceback."""
    import platform  # not at import: it compiles a dozen patterns on the way to the first paint

    from PySide6 import __version__ as pyside_version

    return (
        f"ParkTracker {__version__}\n"
        f"Python {platform.python_version()}, PySide6 {pyside_version}, "
        f"{platform.platform()}\n\n{trace}"
    )


class ErrorDialog(QDialog):
    """ "An unexpected error happened; your data is safe", with the details one click away."""

    def __init__(self, parent: QWidget | None, trace: str, log_folder: Path | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ParkTracker: unexpected error"))
        self.log_folder = log_folder
        self.trace = trace
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32)
        )
        layout.addWidget(icon)
        self.message = QLabel(
            self.tr(
                "Something unexpected went wrong, and ParkTracker could not finish what it was doing.\n\n"
                "Your data is safe: every change is either saved in full or not saved at all. "
                "You can go on working; if something looks wrong, close ParkTracker and start it again.\n\n"
                "If it happens again, please send the details to your support contact."
            ),
            self,
        )
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(460)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText(details_text(trace))
        self.details.setVisible(False)
        self.details.setMinimumHeight(180)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(self)
        self.show_details = QPushButton(self.tr("Show &Details"), self)
        self.show_details.setCheckable(True)
        self.show_details.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("&Copy Details"), self)
        self.copy_button.clicked.connect(self.copy_details)
        self.open_logs = QPushButton(self.tr("Open &Log Folder"), self)
        self.open_logs.clicked.connect(self.open_log_folder)
        self.open_logs.setEnabled(log_folder is not None)
        for button in (self.show_details, self.copy_button, self.open_logs):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.adjustSize()

    def add(self, trace: str) -> None:
        """Another error while this dialog is open: append it instead of stacking dialogs."""
        self.trace += "\n" + trace
        self.details.setPlainText(details_text(self.trace))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(details_text(self.trace))
        self.copy_button.setText(self.tr("Copied"))

    def open_log_folder(self) -> None:
        if self.log_folder is not None:
            open_folder(self.log_folder)


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

    def __init__(self, parent: QObject | None, log_folder: Path | None) -> None:
        super().__init__(parent)
        self.log_folder = log_folder
        self.dialog: ErrorDialog | None = None
        self._previous: ExceptHook | None = None
        self._previous_thread: Callable[[threading.ExceptHookArgs], object] | None = None
        # Queued: an error raised in a worker thread is shown by the GUI thread.
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

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
        parent = QApplication.activeWindow()
        self.dialog = ErrorDialog(parent, trace, self.log_folder)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.open()

    def _forget(self) -> None:
        self.dialog = None
