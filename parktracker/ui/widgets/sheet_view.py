"""What the revenue grid and the park investment sheet share: spreadsheet keys on a table view.

Typing a number starts editing the current cell; Enter stores it and moves down, Delete clears
the selected cells (``clear_requested``), Ctrl+C copies the selection as tab-separated text,
Ctrl+V asks the owner to paste the clipboard (``paste_requested``). These keys are taken before
the window's menu shortcuts see them; keys typed while a cell is open go to its editor.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from parktracker.ui.widgets.cell_delegate import CellDelegate, block_text


class SheetView(QTableView):
    paste_requested = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, row_height: int) -> None:
        super().__init__(parent)
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
        self.setTabKeyNavigation(False)  # Tab leaves the grid when no cell is being edited
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(row_height)

    def last_entry_row(self) -> int:
        """The last row Enter moves down to (the rows below it are totals)."""
        raise NotImplementedError

    # ---------------------------------------------------------------- selection
    def selected_cells(self) -> list[tuple[int, int]]:
        cells = sorted({(i.row(), i.column()) for i in self.selectedIndexes()})
        if not cells and self.currentIndex().isValid():
            cells = [(self.currentIndex().row(), self.currentIndex().column())]
        return cells

    def anchor(self) -> tuple[int, int] | None:
        """The top-left selected cell (or the current one): where a paste begins."""
        cells = self.selected_cells()
        if not cells:
            return None
        return min(r for r, _ in cells), min(c for _, c in cells)

    def go_to(self, row: int, column: int) -> None:
        """Make a cell current and the only one selected (whatever keys are held down)."""
        self.selectionModel().setCurrentIndex(
            self.model().index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def hold_position(self) -> None:
        """Stay on the current cell when the Enter being handled would move down."""
        self._hold = True

    def move_down(self) -> None:
        if self._hold:
            self._hold = False
            return
        index = self.currentIndex()
        if index.isValid() and index.row() < self.last_entry_row():
            self.go_to(index.row() + 1, index.column())

    def copy_selection(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        rows = range(min(r for r, _ in cells), max(r for r, _ in cells) + 1)
        columns = range(min(c for _, c in cells), max(c for _, c in cells) + 1)
        chosen = set(cells)
        model = self.model()
        text = block_text(
            [
                [model.plain_text(r, c) if (r, c) in chosen else "" for c in columns]  # type: ignore[attr-defined]
                for r in rows
            ]
        )
        QApplication.clipboard().setText(text)

    # ---------------------------------------------------------------- keyboard
    def _command(self, event: QKeyEvent) -> Callable[[], object] | None:
        """The action of a command key (Ctrl+C, Ctrl+V), if ``event`` is one."""
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy_selection
        if event.matches(QKeySequence.StandardKey.Paste):
            return self.paste_requested.emit
        return None

    def _handles(self, event: QKeyEvent) -> bool:
        if self._command(event) is not None:
            return True
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        keys = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        return plain and event.key() in keys

    def event(self, event: QEvent) -> bool:
        # Take Delete, Enter, Ctrl+C and Ctrl+V before the window's menu shortcuts do.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._handles(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        editor = self.delegate.editor
        editing = self.state() == QAbstractItemView.State.EditingState
        if editing and editor is not None and shiboken6.isValid(editor):
            # Keys sent to the view while a cell is open belong to the cell's editor.
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
