"""The revenue grid: the parks (rows) by the twelve months (columns) of one year, with a row
total column and a "合计" row, shown as monthly (当月) or year-to-date (1–N月累计) figures.

The model holds the year's monthly figures as services return them; year-to-date figures and
totals are derived here, exactly (integer yuan). Edits are not written by the model: a typed
cell is announced through :attr:`RevenueGridModel.text_entered` and the page stores it through
the session, then hands the model the new figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.models import Park
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import exact_text
from parktracker.domain.year_to_date import cumulative
from parktracker.ui import number_display
from parktracker.ui.text import qt_tr

Index = QModelIndex | QPersistentModelIndex
MONTHS = 12
TOTAL_COLUMN = MONTHS  # the column after December
MONEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the exact Money of a cell (None when empty)

MONTH_NAMES = (
    QT_TRANSLATE_NOOP("RevenueGrid", "Jan"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Feb"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Mar"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Apr"),
    QT_TRANSLATE_NOOP("RevenueGrid", "May"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Jun"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Jul"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Aug"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Sep"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Oct"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Nov"),
    QT_TRANSLATE_NOOP("RevenueGrid", "Dec"),
)
TOTAL_TEXT = QT_TRANSLATE_NOOP("RevenueGrid", "Total")

_TOTAL_BACKGROUND = QBrush(QColor("#e8eef5"))
_ERROR_BACKGROUND = QBrush(QColor("#fde2e1"))
_ERROR_TEXT = QBrush(QColor("#b42318"))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


_FONTS: dict[str, QFont] = {}


def _bold() -> QFont:
    """Made once, when first needed (a QFont needs the application)."""
    if "bold" not in _FONTS:
        font = QFont()
        font.setBold(True)
        _FONTS["bold"] = font
    return _FONTS["bold"]


def month_name(month: int) -> str:
    """The column header of ``month`` (1–12) in the UI language: "3月" / "Mar"."""
    return qt_tr(MONTH_NAMES[month - 1])


class Form(Enum):
    """How the figures of a grid are expressed."""

    MONTHLY = "monthly"  # 当月
    YEAR_TO_DATE = "ytd"  # 1–N月累计


class RevenueGridModel(QAbstractTableModel):
    """Parks × months of one year; the last row and column hold exact totals."""

    text_entered = Signal(int, int, str)  # row, column, the text typed into the cell

    def __init__(self, form: Form, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.unit = Unit.YI
        self.editable = False
        self.parks: list[Park] = []
        self.monthly: dict[tuple[int, int], Money] = {}
        self._cells: dict[tuple[int, int], Money] = {}
        # Refused entries, by (row, column): the text typed and why it was refused. They stay
        # on their cell (red, the text as typed, the reason as tooltip) until that cell is
        # stored or cleared, whatever is entered elsewhere meanwhile.
        self.errors: dict[tuple[int, int], tuple[str, str]] = {}

    # ---------------------------------------------------------------- content
    def set_figures(self, parks: Sequence[Park], monthly: dict[tuple[int, int], Money]) -> None:
        """Show ``monthly`` (keyed by park id and month) for ``parks``, in the model's form."""
        same_rows = [p.id for p in parks] == [p.id for p in self.parks]
        if not same_rows:
            self.beginResetModel()
        self.parks = list(parks)
        self.monthly = dict(monthly)
        self._cells = self._compute()
        if same_rows:
            self._refresh()
        else:
            self.endResetModel()

    def set_form(self, form: Form) -> None:
        self.form = form
        self._cells = self._compute()
        self._refresh()

    def set_unit(self, unit: Unit) -> None:
        self.unit = unit
        self._refresh()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self._refresh()

    def _refresh(self) -> None:
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def _compute(self) -> dict[tuple[int, int], Money]:
        """Every non-empty cell's figure, keyed by (row, column), totals included."""
        cells: dict[tuple[int, int], Money] = {}
        month_totals: dict[int, Money] = {}
        for row, park in enumerate(self.parks):
            own = {m: a for (p, m), a in self.monthly.items() if p == park.id}
            shown = cumulative(own) if self.form is Form.YEAR_TO_DATE else own
            for month, amount in shown.items():
                cells[(row, month - 1)] = amount
            for month, amount in own.items():
                month_totals[month] = month_totals.get(month, Money.zero()) + amount
            if own:
                cells[(row, TOTAL_COLUMN)] = Money.total(list(own.values()))
        total_row = len(self.parks)
        shown_totals = cumulative(month_totals) if self.form is Form.YEAR_TO_DATE else month_totals
        for month, amount in shown_totals.items():
            cells[(total_row, month - 1)] = amount
        if month_totals:
            cells[(total_row, TOTAL_COLUMN)] = Money.total(list(month_totals.values()))
        return cells

    def set_error(self, row: int, column: int, text: str, reason: str) -> None:
        self.errors[(row, column)] = (text, reason)
        self._changed(row, column)

    def clear_error(self, row: int, column: int) -> None:
        if self.errors.pop((row, column), None) is not None:
            self._changed(row, column)

    def clear_errors(self) -> None:
        cells = list(self.errors)
        self.errors.clear()
        for row, column in cells:
            self._changed(row, column)

    def _changed(self, row: int, column: int) -> None:
        index = self.index(row, column)
        self.dataChanged.emit(index, index)

    # ---------------------------------------------------------------- queries
    def figure(self, row: int, column: int) -> Money | None:
        return self._cells.get((row, column))

    def park_at(self, row: int) -> Park | None:
        return self.parks[row] if 0 <= row < len(self.parks) else None

    def is_entry_cell(self, row: int, column: int) -> bool:
        """A park's month (not a total)."""
        return 0 <= row < len(self.parks) and 0 <= column < MONTHS

    def display_text(self, row: int, column: int) -> str:
        """What the cell shows: a refused entry as typed, else the figure with the chosen fixed
        decimals (the exact figure is the tooltip, and what an edit starts from)."""
        error = self.errors.get((row, column))
        if error is not None:
            return error[0]
        value = self.figure(row, column)
        return "" if value is None else number_display.current().number(value, self.unit)

    def plain_text(self, row: int, column: int) -> str:
        """The figure as exact digits in the grid's unit, no grouping (for editing and copying)."""
        value = self.figure(row, column)
        return "" if value is None else value.format(self.unit, with_unit=False)

    # ---------------------------------------------------------------- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or not self.parks else len(self.parks) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else MONTHS + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911
        row, column = (index.row(), index.column()) if index.isValid() else (-1, -1)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, column)
        error = self.errors.get((row, column))
        if role == Qt.ItemDataRole.EditRole:
            return error[0] if error is not None else self.plain_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        value = self.figure(row, column)
        if role == MONEY_ROLE:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            if error is not None:
                return error[1]
            return None if value is None else exact_text(value, self.unit)
        if role == Qt.ItemDataRole.BackgroundRole:
            if error is not None:
                return _ERROR_BACKGROUND
            if not self.is_entry_cell(row, column):
                return _TOTAL_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and error is not None:
            return _ERROR_TEXT
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        is_total = section == (TOTAL_COLUMN if horizontal else len(self.parks))
        park = None if horizontal else self.park_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if is_total:
                return qt_tr(TOTAL_TEXT)
            return month_name(section + 1) if park is None else park.label
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if horizontal else _LEFT
        if role == Qt.ItemDataRole.FontRole and is_total:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and park is not None:
            return park.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and self.is_entry_cell(index.row(), index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(  # noqa: N802 - Qt API
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = str(value)
        unchanged = text.strip() == self.plain_text(index.row(), index.column())
        if unchanged and (index.row(), index.column()) not in self.errors:
            return False  # unchanged: no write, no undo step
        if unchanged:  # the stored figure typed again over a refused entry: nothing to store
            self.clear_error(index.row(), index.column())
            return False
        self.text_entered.emit(index.row(), index.column(), text)
        return True
