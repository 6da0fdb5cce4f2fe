"""A spreadsheet-like table view for the revenue grid.

Typing a number starts editing the current cell; Enter stores it and moves down, Tab moves right,
Delete clears the selected cells, the arrow keys move, Ctrl+C copies the selection as
tab-separated text and Ctrl+V asks the page to paste the clipboard (the page parses and stores
the block, or refuses it as a whole).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFontMetrics,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QWidget,
)

from parktracker.ui.models.revenue_grid_model import MONTHS, RevenueGridModel
from parktracker.ui.widgets.cell_delegate import CellDelegate, block_text, parse_block
from parktracker.ui.widgets.sheet_view import SheetView

__all__ = ["CellDelegate", "RevenueGridView", "block_text", "parse_block"]


class RevenueGridView(SheetView):
    """The grid's keyboard and clipboard behaviour; writes are left to the page's signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._grid_model: RevenueGridModel | None = None
        super().__init__(parent, row_height=22)
        self.peers: list[RevenueGridView] = []  # views whose columns line up with this one's
        self._metrics = QFontMetrics(self.font())
        self.setCornerButtonEnabled(True)
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
    def last_entry_row(self) -> int:
        return len(self.grid().parks) - 1

    def select_block(self, row: int, column: int, rows: int, columns: int) -> None:
        model = self.grid()
        self.go_to(row, column)
        selection = self.selectionModel()
        block = QItemSelection(
            model.index(row, column), model.index(row + rows - 1, column + columns - 1)
        )
        selection.select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        menu = QMenu(self)
        editable = self.grid().editable
        self.paste_action.setEnabled(editable)
        self.clear_action.setEnabled(editable)
        menu.addActions([self.copy_action, self.paste_action, self.clear_action])
        menu.exec(event.globalPos())
