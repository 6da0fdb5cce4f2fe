"""The reporting grid (报送情况): parks (rows) by the months of a year (columns), each cell saying
in words and colour whether the park has reported the month's revenue and investment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import CellStatus, Measure, ReportingStatus, cell_status
from parktracker.services.reporting_text import T_MEASURE_TITLE as _MEASURE_TITLES
from parktracker.ui.models.revenue_grid_model import MONTHS, month_name
from parktracker.ui.text import qt_tr

Index = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the CellStatus of a cell (None: month not come)

# (background, text): dark text on a light fill, legible in print and for colour-blind eyes,
# since the words say it too.
_COLOURS = {
    CellStatus.REPORTED: ("#ecfdf3", "#05603a"),
    CellStatus.REVENUE_MISSING: ("#fef3f2", "#b42318"),
    CellStatus.INVESTMENT_MISSING: ("#fffaeb", "#93370d"),
    CellStatus.NOT_REPORTED: ("#fee4e2", "#912018"),
    CellStatus.NOTHING_DUE: ("#f9fafb", "#667085"),
}


class ReportingGridModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.year = 0
        self.status: ReportingStatus | None = None
        self.rows: list[tuple[int, str]] = []  # park id, short name

    def set_status(
        self, year: int, status: ReportingStatus | None, parks: list[tuple[int, str]]
    ) -> None:
        self.beginResetModel()
        self.year = year
        self.status = status
        self.rows = parks
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else MONTHS

    def cell(self, row: int, column: int) -> CellStatus | None:
        month = YearMonth(self.year, column + 1)
        if self.status is None or month not in self.status.months:
            return None
        return cell_status(self.status, self.rows[row][0], month)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        status = self.cell(index.row(), index.column()) if index.isValid() else None
        if role == STATUS_ROLE or status is None:
            return status if role == STATUS_ROLE else None
        values: dict[int, Any] = {
            Qt.ItemDataRole.DisplayRole: lambda: qt_tr(status.text),
            Qt.ItemDataRole.BackgroundRole: lambda: QBrush(QColor(_COLOURS[status][0])),
            Qt.ItemDataRole.ForegroundRole: lambda: QBrush(QColor(_COLOURS[status][1])),
            Qt.ItemDataRole.TextAlignmentRole: lambda: int(Qt.AlignmentFlag.AlignCenter),
            Qt.ItemDataRole.ToolTipRole: lambda: self._tooltip(index.row(), index.column()),
        }
        value = values.get(role)
        return None if value is None else value()

    def _tooltip(self, row: int, column: int) -> str:
        assert self.status is not None
        park_id = self.rows[row][0]
        month = YearMonth(self.year, column + 1)
        return "\n".join(
            f"{qt_tr(_MEASURE_TITLES[m])}: {qt_tr(self.status.status(park_id, month, m).text)}"
            for m in Measure
        )

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return month_name(section + 1)
        return self.rows[section][1] if 0 <= section < len(self.rows) else None
