"""The Warnings page's table: every red and yellow light, filtered in one pass over prepared
rows (no proxy model), so a keystroke on tens of thousands of lights stays quick."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from parktracker.domain.warnings import Finding, Level

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 3

RED_BACKGROUND = QColor("#fde2e1")
RED_TEXT = QColor("#b42318")
YELLOW_BACKGROUND = QColor("#fef3c7")
YELLOW_TEXT = QColor("#8a5a00")


@dataclass(frozen=True, slots=True)
class WarningRow:
    finding: Finding
    cells: tuple[str, str, str, str, str]  # level, park, project, rule, reason (translated)
    needle: str  # what find-as-you-type searches, folded


class WarningsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.all_rows: list[WarningRow] = []
        self.rows: list[WarningRow] = []
        self._needles: list[str] = []
        self._last: tuple[int | None, Level | None, str] = (None, None, "\0")
        self._brushes = {
            Level.RED: (QBrush(RED_BACKGROUND), QBrush(RED_TEXT)),
            Level.YELLOW: (QBrush(YELLOW_BACKGROUND), QBrush(YELLOW_TEXT)),
        }

    def set_rows(self, rows: Sequence[WarningRow]) -> None:
        """The rows to filter, red ones first (as services.warnings.findings gives them);
        shown once :meth:`apply` is called."""
        self.all_rows = sorted(rows, key=lambda r: r.finding.level is not Level.RED)
        self._needles = [r.needle for r in self.all_rows]  # searched without attribute look-ups
        self._last = (None, None, "\0")  # nothing applied yet: the next apply starts afresh

    def apply(
        self, *, text: str = "", park_id: int | None = None, level: Level | None = None
    ) -> None:
        """Show the rows of ``park_id`` (None: every park) and ``level`` (None: both) whose
        park, project, rule or reason contains ``text``."""
        needle = text.strip().casefold()
        last_park, last_level, last_needle = self._last
        narrowing = (park_id, level) == (last_park, last_level) and last_needle in needle
        if narrowing:
            rows = self.rows  # typing on narrows what is shown: search only that
        else:
            rows = self.all_rows
            if park_id is not None:
                rows = [r for r in rows if r.finding.park_id == park_id]
            if level is not None:
                rows = [r for r in rows if r.finding.level is level]
        if needle and not (narrowing and needle == last_needle):
            needles = self._needles if rows is self.all_rows else [r.needle for r in rows]
            rows = list(compress(rows, [needle in hay for hay in needles]))
        self._last = (park_id, level, needle)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def red_count(self) -> int:
        """Red lights among the rows shown (the rows come red first, so a binary search)."""
        return bisect.bisect_left(self.rows, True, key=lambda r: r.finding.level is not Level.RED)

    def row_at(self, row: int) -> Finding:
        return self.rows[row].finding

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[index.column()]
        if role == FINDING_ROLE:
            return row.finding
        if index.column() == 0 and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            background, foreground = self._brushes[row.finding.level]
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        return None
