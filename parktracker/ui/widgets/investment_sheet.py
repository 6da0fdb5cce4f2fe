"""The park investment grid's table view: the revenue grid's spreadsheet keys
(:class:`~parktracker.ui.widgets.sheet_view.SheetView`), and Undo / Redo of its own.

Ctrl+V asks the dialog to paste the clipboard (the dialog parses the whole block and stores it,
or refuses it whole).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHeaderView, QWidget

from parktracker.ui.models.park_investment_model import ParkInvestmentModel
from parktracker.ui.widgets.sheet_view import SheetView


def _is_ctrl_y(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


NAME_WIDTH = 260  # project names longer than this are cut; the full name is the tooltip


class InvestmentSheet(SheetView):
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, model: ParkInvestmentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, row_height=24)
        self.sheet = model
        self.setModel(model)
        self.verticalHeader().setMaximumWidth(NAME_WIDTH)
        self.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(56)

    def last_entry_row(self) -> int:
        return len(self.sheet.projects) - 1

    def _command(self, event: QKeyEvent) -> Callable[[], object] | None:
        """Copy, Paste, and Undo / Redo from the grid itself: its window is not the main
        window, whose Edit menu shortcuts do not reach here."""
        if event.matches(QKeySequence.StandardKey.Undo):
            return self.undo_requested.emit
        if event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event):
            return self.redo_requested.emit
        return super()._command(event)
