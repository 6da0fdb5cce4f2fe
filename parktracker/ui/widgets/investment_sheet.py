"""The park investment grid's table view: spreadsheet keys, as on the revenue grid.

Typing a number starts editing the current cell; Enter stores it and moves down, Delete clears
the selected cells, Ctrl+C copies the selection as tab-separated text, Ctrl+V asks the dialog to
paste the clipboard (the dialog parses the whole block and stores it, or refuses it whole).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from parktracker.ui.models.park_investment_model import ParkInvestmentModel
from parktracker.ui.widgets.revenue_grid import CellDelegate, block_text

_COMMAND_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)


def _is_ctrl_y(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


NAME_WIDTH = 260  # project names longer than this are cut; the full name is the tooltip


class InvestmentSheet(QTableView):
    paste_requested = Signal()
    clear_requested = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, model: ParkInvestmentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = model
        self.setModel(model)
        self._forwarding = False
        self._hold = False
        self.delegate = CellDelegate(self)
        self.delegate.enter_committed.connect(self.move_down)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setMaximumWidth(NAME_WIDTH)
        self.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(56)

    # ---------------------------------------------------------------- selection
    def selected_cells(self) -> list[tuple[int, int]]:
        cells = sorted({(i.row(), i.column()) for i in self.selectedIndexes()})
        if not cells and self.currentIndex().isValid():
            cells = [(self.currentIndex().row(), self.currentIndex().column())]
        return cells

    def anchor(self) -> tuple[int, int] | None:
        cells = self.selected_cells()
        if not cells:
            return None
        return min(r for r, _ in cells), min(c for _, c in cells)

    def go_to(self, row: int, column: int) -> None:
        self.selectionModel().setCurrentIndex(
            self.sheet.index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def hold_position(self) -> None:
        """Stay on the current cell when the Enter being handled would move down."""
        self._hold = True

    def move_down(self) -> None:
        if self._hold:
            self._hold = False
            return
        index = self.currentIndex()
        if index.isValid() and index.row() < len(self.sheet.projects) - 1:
            self.go_to(index.row() + 1, index.column())

    def copy_selection(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        rows = range(min(r for r, _ in cells), max(r for r, _ in cells) + 1)
        columns = range(min(c for _, c in cells), max(c for _, c in cells) + 1)
        chosen = set(cells)
        text = block_text(
            [
                [self.sheet.plain_text(r, c) if (r, c) in chosen else "" for c in columns]
                for r in rows
            ]
        )
        QApplication.clipboard().setText(text)

    # ---------------------------------------------------------------- keyboard
    def _handles(self, event: QKeyEvent) -> bool:
        if any(event.matches(key) for key in _COMMAND_KEYS) or _is_ctrl_y(event):
            return True
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        keys = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        return plain and event.key() in keys

    def event(self, event: QEvent) -> bool:
        # Take Delete, Enter, Ctrl+C and Ctrl+V before the window's shortcuts do.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._handles(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def _command(self, event: QKeyEvent) -> Callable[[], object] | None:
        """Copy, Paste, and Undo / Redo from the grid itself: its window is not the main
        window, whose Edit menu shortcuts do not reach here."""
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy_selection
        if event.matches(QKeySequence.StandardKey.Paste):
            return self.paste_requested.emit
        if event.matches(QKeySequence.StandardKey.Undo):
            return self.undo_requested.emit
        if event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event):
            return self.redo_requested.emit
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        editor = self.delegate.editor
        editing = self.state() == QAbstractItemView.State.EditingState
        if editing and editor is not None and shiboken6.isValid(editor):
            if not self._forwarding:
                self._forwarding = True
                try:
                    QCoreApplication.sendEvent(editor, event)
                finally:
                    self._forwarding = False
                return
            super().keyPressEvent(event)
            return
        command = self._command(event)
        if command is not None:
            command()
            return
        if self._handles(event):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_requested.emit()
            else:
                self.move_down()
            return
        super().keyPressEvent(event)
