"""A read-only table model over rows that services return, and its filter/sort proxy.

The model holds the rows (small record types from services, never SQL) and a list of
:class:`Column` descriptions. Amount columns keep their exact :class:`Money` under
``SORT_ROLE`` for sorting and totals, and show it right-aligned with the chosen fixed decimals
(the exact stored amount is the cell's tooltip).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import exact_text, percent_text
from parktracker.ui import number_display
from parktracker.ui.widgets.header_text import one_line, two_lines
from parktracker.ui.widgets.table_copy import COPY_ROLE

R = TypeVar("R")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class Kind(Enum):
    TEXT = "text"
    AMOUNT = "amount"
    COUNT = "count"
    DATE = "date"
    PERCENT = "percent"


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    value: Callable[[R], Any]
    kind: Kind = Kind.TEXT
    unit: Unit = Unit.YI
    searchable: bool = False
    total: bool = False  # sum this column in the footer

    def plain(self, value: Any) -> str:
        """The value for a spreadsheet: an amount as its exact number, no separators, no unit."""
        if self.kind is Kind.AMOUNT and isinstance(value, Money):
            return value.format(self.unit, with_unit=False, grouping=False)
        return self.display(value)

    def display(self, value: Any) -> str:
        """The cell's text: amounts with the chosen fixed decimals and no separators,
        percentages with one decimal (:mod:`parktracker.domain.number_format`)."""
        if value is None:
            return ""
        if self.kind is Kind.AMOUNT and isinstance(value, Money):
            return number_display.current().number(value, self.unit)
        if self.kind is Kind.DATE and isinstance(value, dt.date):
            return value.isoformat()
        if self.kind is Kind.PERCENT and isinstance(value, float):
            return percent_text(value)
        return str(value)

    def tooltip(self, value: Any) -> str:
        """What a hover shows: the exact stored amount for an amount cell."""
        if self.kind is Kind.AMOUNT and isinstance(value, Money):
            return exact_text(value, self.unit)
        return self.display(value)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return two_lines(column.header)
            if role == Qt.ItemDataRole.ToolTipRole:
                return one_line(column.header)
            if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is not Kind.TEXT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911
        if not index.isValid():
            return None
        record = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == ROW_ROLE:
            return record
        value = column.value(record)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(value)
        if role == COPY_ROLE:
            return column.plain(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(value)
        if role == SORT_ROLE:
            if isinstance(value, Money):
                return value.yuan
            if isinstance(value, dt.date):
                return value.isoformat()
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind is Kind.TEXT:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values and filters by find-as-you-type text plus a row predicate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._needle = ""
        self._predicate: Callable[[Any], bool] | None = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        record = model.row_at(source_row)
        if self._predicate is not None and not self._predicate(record):
            return False
        if not self._needle:
            return True
        for column in model.columns:
            if column.searchable:
                value = column.value(record)
                if value and self._needle in str(value).casefold():
                    return True
        return False

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 - Qt API
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def visible_records(self) -> list[Any]:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return [
            model.row_at(self.mapToSource(self.index(row, 0)).row())
            for row in range(self.rowCount())
        ]
