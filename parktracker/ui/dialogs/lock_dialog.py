"""Asked when another ParkTracker holds the database: open it read-only, or cancel.

Names the holder as its lock file does (user, host, process, since when), as GnuCash does, so
the officer can find the other window, or the colleague, that has the file open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from parktracker.domain.i18n_markers import fill
from parktracker.services.handles import LockInfo
from parktracker.services.workspace import since_text


class LockDialog(QMessageBox):
    """``read_only_button`` opens the file read-only; ``cancel_button`` (Esc) leaves it alone."""

    def __init__(self, path: Path, holder: LockInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Database in use"))
        self.setText(
            fill(
                self.tr("%1 on %2 (process %3) has had this database open since %4."),
                (holder.user, holder.host, str(holder.pid), since_text(holder.since)),
            )
        )
        self.setInformativeText(
            "\n\n".join(
                (
                    self.tr(
                        "Only one ParkTracker can change a database at a time. You can open it read-only to look at it without changing anything, or cancel and close it there first."
                    ),
                    fill(self.tr("File: %1"), (str(path),)),
                )
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


def ask_open_read_only(path: Path, holder: LockInfo, parent: QWidget | None = None) -> bool:
    """Ask the user; True to open ``path`` read-only, False to cancel."""
    dialog = LockDialog(path, holder, parent)
    dialog.exec()
    return dialog.chose_read_only()
