"""The park investment grid: a park's projects (rows) by the twelve months (columns) of one
year, in 万元, with each project's year total and a total row. Edits are not written here: a
typed cell is announced through :attr:`ParkInvestmentModel.text_entered` and the dialog stores
it through the session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from parktracker.domain.models import Project
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import exact_text
from parktracker.services.park_investment import ParkInvestmentYear
from parktracker.ui.models.revenue_grid_model import MONTHS, TOTAL_TEXT, month_name
from parktracker.ui.text import qt_tr

Index = QModelIndex | QPersistentModelIndex
TOTAL_COLUMN = MONTHS
UNIT = Unit.WAN
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_TOTAL_BACKGROUND = QBrush(QColor("#e8eef5"))


class ParkInvestmentModel(QAbstractTableModel):
    text_entered = Signal(int, int, str)  # row, column, the text typed into the cell

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editable = True
        self.projects: list[Project] = []
        self.figures: dict[tuple[int, int], Money] = {}

    def set_year(self, data: ParkInvestmentYear) -> None:
        self.beginResetModel()
        self.projects = list(data.projects)
        self.figures = dict(data.figures)
        self.endResetModel()

    # ---------------------------------------------------------------- queries
    def project_at(self, row: int) -> Project | None:
        return self.projects[row] if 0 <= row < len(self.projects) else None

    def is_entry_cell(self, row: int, column: int) -> bool:
        return 0 <= row < len(self.projects) and 0 <= column < MONTHS

    def figure(self, row: int, column: int) -> Money | None:
        if row == len(self.projects):  # the total row
            months = range(1, MONTHS + 1) if column == TOTAL_COLUMN else (column + 1,)
            values = [v for (_, m), v in self.figures.items() if m in months]
            return Money.total(values) if values else None
        project = self.project_at(row)
        if project is None or project.id is None:
            return None
        if column == TOTAL_COLUMN:
            values = [v for (p, _), v in self.figures.items() if p == project.id]
            return Money.total(values) if values else None
        return self.figures.get((project.id, column + 1))

    def plain_text(self, row: int, column: int) -> str:
        """Exact digits in 万元, no grouping (for editing and copying)."""
        value = self.figure(row, column)
        return "" if value is None else value.format(UNIT, with_unit=False)

    # ---------------------------------------------------------------- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or not self.projects else len(self.projects) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else MONTHS + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = (index.row(), index.column()) if index.isValid() else (-1, -1)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.plain_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            value = self.figure(row, column)
            return None if value is None else exact_text(value, UNIT)
        if role == Qt.ItemDataRole.BackgroundRole and not self.is_entry_cell(row, column):
            return _TOTAL_BACKGROUND
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        is_total = section == (TOTAL_COLUMN if horizontal else len(self.projects))
        project = None if horizontal else self.project_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if is_total:
                return qt_tr(TOTAL_TEXT)
            return month_name(section + 1) if project is None else project.name
        if role == Qt.ItemDataRole.ToolTipRole and project is not None:
            return project.name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if horizontal else _LEFT
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
        if text.strip() == self.plain_text(index.row(), index.column()):
            return False  # unchanged: no write, no undo step
        self.text_entered.emit(index.row(), index.column(), text)
        return True
