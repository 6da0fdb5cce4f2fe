"""A spreadsheet-like table view for the revenue grid.

Typing a number starts editing the current cell; Enter stores it and moves down, Tab moves right,
Delete clears the selected cells, the arrow keys move, Ctrl+C copies the selection as
tab-separated text and Ctrl+V asks the page to paste the clipboard (the page parses and stores
the block, or refuses it as a whole).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from parktracker.ui.models.revenue_model import MONTHS, RevenueGridModel

Index = QModelIndex | QPersistentModelIndex


def parse_block(text: str) -> list[list[str]]:
    """The rows of cells in spreadsheet clipboard text: one row a line, cells tab-separated."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return [line.split("\t") for line in text.split("\n")]


def block_text(rows: list[list[str]]) -> str:
    """Tab-separated text as Excel and WPS put on the clipboard."""
    return "".join("\t".join(row) + "\n" for row in rows)


class CellDelegate(QStyledItemDelegate):
    """Right-aligned line editor; Enter stores the cell and asks the view to move down."""

    enter_committed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor: QLineEdit | None = None  # the open cell editor, if any

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editor = editor
        return editor

    def destroyEditor(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt API
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_committed.emit()
            return True
        return super().eventFilter(watched, event)


class RevenueGridView(QTableView):
    """The grid's keyboard and clipboard behaviour; writes are left to the page's signals."""

    paste_requested = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._forwarding = False
        self._hold = False
        self._grid_model: RevenueGridModel | None = None
        self.peers: list[RevenueGridView] = []  # views whose columns line up with this one's
        self._metrics = QFontMetrics(self.font())
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
        self.setCornerButtonEnabled(True)
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setMinimumSectionSize(48)
        self.copy_action = self._action(self.tr("Copy"), QKeySequence.StandardKey.Copy)
        self.copy_action.triggered.connect(self.copy_selection)
        self.paste_action = self._action(self.tr("Paste"), QKeySequence.StandardKey.Paste)
        self.paste_action.triggered.connect(self.paste_requested)
        self.clear_action = self._action(self.tr("Clear"), QKeySequence.StandardKey.Delete)
        self.clear_action.triggered.connect(self.clear_requested)

    def _action(self, text: str, key: QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown in the menu only
        return action

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        self._grid_model = model if isinstance(model, RevenueGridModel) else None
        if model is not None:
            model.modelReset.connect(self.fit)
        self.fit()

    # PySide6 6.12 on Python 3.11 loses a reference to None on every call of a C++ function
    # that returns nothing; fit() runs on every refresh, so it only calls setters when a size
    # really changes.
    def fit(self, *_: object) -> None:
        """Month columns of one width, wide enough for every figure (in this view and its
        peers, so grids stacked on the page line up), sharing out spare width; the view no
        taller than its rows, so the grids show whole without scrolling when there is room."""
        views = [self, *self.peers]
        models = [v._grid_model for v in views]
        if any(m is None for m in models):
            return
        count = MONTHS + 1
        hints = [
            max(max(v.text_width(c), v.horizontalHeader().sectionSizeHint(c)) for v in views)
            for c in range(count)
        ]
        month = max(hints[:-1])
        hints = [month] * (count - 1) + [hints[-1]]
        names = max(v.verticalHeader().sizeHint().width() for v in views)
        for view in views:
            header = view.horizontalHeader()
            if view.verticalHeader().width() != names:
                view.verticalHeader().setFixedWidth(names)
            spare = view.viewport().width() - sum(hints)
            widths = list(hints)
            if spare > 0:
                widths = [h + spare // count for h in hints]
                widths[-1] += spare % count
            for column, width in enumerate(widths):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
            view.fit_height(scrolls=sum(widths) > view.viewport().width())

    def text_width(self, column: int) -> int:
        """The width the figures of ``column`` need, with the cell margins."""
        model = self.grid()
        texts = [model.display_text(row, column) for row in range(model.rowCount())]
        return max((self._metrics.horizontalAdvance(t) for t in texts if t), default=0) + 12

    def fit_height(self, *, scrolls: bool) -> None:
        model = self._grid_model
        rows = sum(self.rowHeight(r) for r in range(model.rowCount())) if model else 0
        height = self.horizontalHeader().height() + rows + 2 * self.frameWidth()
        if scrolls:
            height += self.horizontalScrollBar().sizeHint().height()
        height = max(height, 80)
        if self.maximumHeight() != height:
            self.setMaximumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:  # e.g. a scroll bar came or went
            self.fit()
        return handled

    def grid(self) -> RevenueGridModel:
        assert self._grid_model is not None
        return self._grid_model

    # ---------------------------------------------------------------- selection helpers
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
            self.grid().index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def select_block(self, row: int, column: int, rows: int, columns: int) -> None:
        model = self.grid()
        self.go_to(row, column)
        selection = self.selectionModel()
        block = QItemSelection(
            model.index(row, column), model.index(row + rows - 1, column + columns - 1)
        )
        selection.select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def hold_position(self) -> None:
        """Stay on the current cell when the Enter being handled would move down."""
        self._hold = True

    def move_down(self) -> None:
        if self._hold:
            self._hold = False
            return
        index = self.currentIndex()
        last = len(self.grid().parks) - 1
        if index.isValid() and index.row() < last:
            self.go_to(index.row() + 1, index.column())

    def copy_selection(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        rows = range(min(r for r, _ in cells), max(r for r, _ in cells) + 1)
        columns = range(min(c for _, c in cells), max(c for _, c in cells) + 1)
        chosen = set(cells)
        model = self.grid()
        text = block_text(
            [[model.plain_text(r, c) if (r, c) in chosen else "" for c in columns] for r in rows]
        )
        QApplication.clipboard().setText(text)

    # ---------------------------------------------------------------- keyboard
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

    def _handles(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
            QKeySequence.StandardKey.Paste
        ):
            return True
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        keys = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        return plain and event.key() in keys

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
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            return
        if self._handles(event):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_requested.emit()
            else:
                self.move_down()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        menu = QMenu(self)
        editable = self.grid().editable
        self.paste_action.setEnabled(editable)
        self.clear_action.setEnabled(editable)
        menu.addActions([self.copy_action, self.paste_action, self.clear_action])
        menu.exec(event.globalPos())
