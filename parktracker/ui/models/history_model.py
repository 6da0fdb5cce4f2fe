"""Edit → History's table: the audit log newest first, fetched from the service a page at a
time as the view scrolls (Qt's canFetchMore / fetchMore), so a log of a million changes opens
as quickly as a short one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from parktracker.domain.i18n_markers import Text, fill
from parktracker.domain.periods import YearMonth, message_args
from parktracker.services.handles import Database
from parktracker.services.history import FieldChange, HistoryEntry, HistoryFilter, history_page
from parktracker.ui.text import qt_tr

Index = QModelIndex | QPersistentModelIndex
TIME, USER, KIND, RECORD, ACTION, CHANGES = range(6)


def value_text(value: str | Text | dt.date | YearMonth | None) -> str:
    """A value as the UI language writes it: a Text translated, a date 2024年3月31日, a month
    2024年3月 (2024-03-31 and 2024-03 in English)."""
    return "" if value is None else message_args((value,), qt_tr)[0]


def record_text(entry: HistoryEntry) -> str:
    """The record's name, with the date, month or year of a dated part ("测试项目 · 2024年3月1日")."""
    detail = entry.detail
    if detail is None:
        return entry.label
    shown = str(detail) if isinstance(detail, int) else value_text(detail)
    return fill(QCoreApplication.translate("HistoryModel", "%1 · %2"), (entry.label, shown))


def change_text(change: FieldChange) -> str:
    """``field: old → new`` (a change), or ``field: value`` (what was added or deleted)."""
    field = value_text(change.field)
    if change.before is not None and change.after is not None:
        return fill(
            QCoreApplication.translate("HistoryModel", "%1: %2 → %3"),
            (field, value_text(change.before), value_text(change.after)),
        )
    value = value_text(change.after if change.after is not None else change.before)
    return fill(QCoreApplication.translate("HistoryModel", "%1: %2"), (field, value))


def changes_text(changes: tuple[FieldChange, ...]) -> str:
    """Every change of an entry on one line."""
    separator = QCoreApplication.translate("HistoryModel", "; ")
    return separator.join(change_text(c) for c in changes)


class HistoryModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.where = HistoryFilter()
        self.entries: list[HistoryEntry] = []
        self._more = True
        self.page_size = 200
        self.headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Kind of record"),
            self.tr("Record"),
            self.tr("Action"),
            self.tr("What changed"),
        ]

    def set_filter(self, where: HistoryFilter) -> None:
        """Show the entries matching ``where`` (the first page is read at once)."""
        self.beginResetModel()
        self.where = where
        self.entries = []
        self._more = True
        self.endResetModel()
        self.fetchMore()

    # ---------------------------------------------------------------- lazy loading
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or not self._more:
            return
        after = self.entries[-1].cursor if self.entries else None
        page = history_page(self.db, where=self.where, after=after, limit=self.page_size)
        self._more = len(page) == self.page_size
        if page:
            start = len(self.entries)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.entries += page
            self.endInsertRows()

    # ---------------------------------------------------------------- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return super().headerData(section, orientation, role)

    def text(self, row: int, column: int) -> str:
        entry = self.entries[row]
        if column == TIME:
            return entry.when
        if column == USER:
            return entry.user
        if column == KIND:
            return entry.table if entry.kind is None else qt_tr(entry.kind.text)
        if column == RECORD:
            return record_text(entry)
        if column == ACTION:
            return qt_tr(entry.action.text)
        return changes_text(entry.changes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == CHANGES:
                entry = self.entries[index.row()]
                return "\n".join(change_text(c) for c in entry.changes)
            return self.text(index.row(), index.column())
        return None
