"""The dialog of an unexpected error (:class:`parktracker.ui.error_dialog.ErrorReporter` shows
it): something went wrong, the data is safe, and the details are one click away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
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
from parktracker.ui.error_dialog import open_folder


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
