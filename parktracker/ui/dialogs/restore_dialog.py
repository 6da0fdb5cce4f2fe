"""File → Restore from Backup…, and the offer to restore when a file cannot be opened.

:class:`RestoreDialog` lists the backups of the open database (date, reason, size, record
counts, and whether each one passed its check), with the current file's counts in the first
row for comparison. Backups are checked in the background (:mod:`parktracker.ui.backup_runner`).
Choosing one asks for confirmation; the application then closes the database, restores (the
current state is backed up first) and reopens it.

:class:`RecoveryPrompt` is the message shown when a file is damaged, foreign, truncated or too
new: what is wrong, and "Restore the newest good backup" / "Open another file…" / Cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.services.backups import BackupInfo, RecordCounts
from parktracker.storage.errors import StorageError
from parktracker.ui import backup_runner
from parktracker.ui.text import qt_tr, storage_error_text

DATE_FORMAT = "%Y-%m-%d %H:%M"
COUNT_COLUMNS = (3, 4, 5, 6)


def _size(size_bytes: int) -> str:
    return QLocale().formattedDataSize(
        size_bytes, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


class RestoreDialog(QDialog):
    """Lists backups; ``chosen`` is the backup to restore once the user confirmed one."""

    restore_chosen = Signal(object)  # Path of the confirmed backup
    loaded = Signal()

    def __init__(
        self, db_path: Path, current: RecordCounts | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.current = current
        self.backups: list[BackupInfo] = []
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.resize(960, 480)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a backup to restore. The current state is backed up first, so nothing is lost."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Reason"),
                self.tr("Size"),
                self.tr("Parks"),
                self.tr("Projects"),
                self.tr("Funds"),
                self.tr("Revenue months"),
                self.tr("Check"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore_clicked())
        layout.addWidget(self.table, 1)

        self.status = QLabel(self.tr("Checking the backups…"), self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        policy = QLabel(
            self.tr(
                "Kept: the 7 newest daily backups, the newest of each of 4 weeks and of 12 months; other backups for 90 days. The newest backup is always kept."
            ),
            self,
        )
        policy.setWordWrap(True)
        policy.setStyleSheet("color:#555;")
        layout.addWidget(policy)

        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)  # Qt translates its label
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_clicked)
        layout.addWidget(buttons)

        self._show_current()
        self._job = backup_runner.start_listing(self.db_path)
        self._job.succeeded.connect(self.populate)
        self._job.failed.connect(self._listing_failed)

    # ---------------------------------------------------------------- rows
    def _show_current(self) -> None:
        self.table.setRowCount(1)
        cells = [self.tr("Current file"), "", _file_size(self.db_path)]
        counts = self.current
        cells += [""] * 4 if counts is None else [str(n) for n in _counts(counts)]
        cells.append("")
        font = QFont(self.font())
        font.setBold(True)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setFont(font)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setBackground(QBrush(QColor("#eef2f6")))
            if column >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(0, column, item)

    def populate(self, infos: object) -> None:
        """Show the listed backups (newest first) below the current file's row."""
        assert isinstance(infos, list)
        self.backups = list(infos)
        self.table.setRowCount(1 + len(self.backups))
        for row, info in enumerate(self.backups, start=1):
            counts = [""] * 4 if info.counts is None else [str(n) for n in _counts(info.counts)]
            check = self.tr("OK") if info.ok else self.tr("Cannot be restored")
            cells = [
                info.created.strftime(DATE_FORMAT),
                qt_tr(info.reason_text),
                _size(info.size_bytes),
                *counts,
                check,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2 and column < 7:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not info.ok:
                    item.setForeground(QBrush(QColor("#a61b1b")))
                    assert info.error is not None
                    item.setToolTip(storage_error_text(info.error))
                else:
                    item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        total = sum(info.size_bytes for info in self.backups)
        if self.backups:
            folders = sorted({str(info.path.parent) for info in self.backups})
            self.status.setText(
                fill(
                    self.tr("%1 backups, %2 in all, in %3"),
                    (len(self.backups), _size(total), "; ".join(folders)),
                )
            )
        else:
            self.status.setText(self.tr("There are no backups of this database yet."))
        good = next((r for r, info in enumerate(self.backups, start=1) if info.ok), None)
        if good is not None:
            self.table.selectRow(good)
        self.table.setFocus()
        self.loaded.emit()

    def _listing_failed(self, error: object) -> None:
        text = storage_error_text(error) if isinstance(error, StorageError) else str(error)
        self.status.setText(text)
        self.loaded.emit()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() == 0:
            return None
        return self.backups[rows[0].row() - 1]

    def _selection_changed(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.ok)

    # ---------------------------------------------------------------- restoring
    def _restore_clicked(self) -> None:
        info = self.selected()
        if info is None or not info.ok:
            return
        question = fill(
            self.tr(
                "Replace the current database with the backup of %1 (%2)?\n\nThe current state is backed up first. ParkTracker then reopens the restored file."
            ),
            (info.created.strftime(DATE_FORMAT), qt_tr(info.reason_text)),
        )
        answer = QMessageBox.question(
            self,
            self.tr("Restore Backup"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.chosen = info.path
        self.restore_chosen.emit(info.path)
        self.accept()


def _counts(counts: RecordCounts) -> tuple[int, int, int, int]:
    return (counts.parks, counts.projects, counts.funds, counts.revenue_months)


def _file_size(path: Path) -> str:
    try:
        return _size(path.stat().st_size)
    except OSError:
        return ""


class RecoveryPrompt(QMessageBox):
    """Says why a file cannot be opened and offers a way out; ``choice()`` after ``exec()``."""

    RESTORE = "restore"
    OPEN_OTHER = "open"
    CANCEL = "cancel"

    def __init__(self, parent: QWidget | None, problem: str, newest: BackupInfo | None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("ParkTracker"))
        self.setText(problem)
        self.restore_button: QPushButton | None = None
        if newest is not None:
            counts = newest.counts
            projects = counts.projects if counts is not None else 0
            self.setInformativeText(
                fill(
                    self.tr("The newest good backup is from %1 (%2, %3 projects)."),
                    (newest.created.strftime(DATE_FORMAT), qt_tr(newest.reason_text), projects),
                )
            )
            self.restore_button = self.addButton(
                self.tr("Restore the newest good backup"), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            self.setInformativeText(self.tr("No good backup of this file was found."))
        self.open_button = self.addButton(
            self.tr("Open another file…"), QMessageBox.ButtonRole.ActionRole
        )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.restore_button or self.open_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            return self.RESTORE
        if clicked is self.open_button:
            return self.OPEN_OTHER
        return self.CANCEL
