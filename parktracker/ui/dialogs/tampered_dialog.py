"""Asked when a database holds schema parts ParkTracker did not create (a hidden trigger, view,
index or table): editing it is refused, as such a part can erase audit rows or rewrite amounts
as they are saved; it can be opened read-only, where no trigger runs."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from parktracker.storage.errors import ForeignSchema
from parktracker.ui.text import storage_error_text


class TamperedDialog(QMessageBox):
    """``read_only_button`` opens the file read-only; ``cancel_button`` (Esc) leaves it alone."""

    def __init__(self, error: ForeignSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tamperedDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Database changed outside ParkTracker"))
        self.setText(storage_error_text(error))
        self.setInformativeText(
            self.tr(
                "It cannot be opened for editing. Open it read-only to look at it, or restore"
                " a backup made before the change."
            )
        )
        self.read_only_button: QPushButton = self.addButton(
            self.tr("Open Read-Only"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.read_only_button)
        self.setEscapeButton(self.cancel_button)

    def chose_read_only(self) -> bool:
        return self.clickedButton() is self.read_only_button


def ask_open_tampered_read_only(error: ForeignSchema, parent: QWidget | None = None) -> bool:
    """Ask the user; True to open the file read-only, False to cancel."""
    dialog = TamperedDialog(error, parent)
    dialog.exec()
    return dialog.chose_read_only()
