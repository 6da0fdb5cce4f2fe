"""Ctrl+C on a table: the selected rows as tab-separated text with the column headers, as
Excel and WPS read a paste.

Amounts go out as plain numbers (no thousands separators, no unit), so the spreadsheet takes
them as numbers: a model may give the exact text under :data:`COPY_ROLE`; otherwise the cell's
display text is used, with the separators taken out of anything that reads as a number.
Tabs and line breaks inside a cell become spaces, so one row stays one line.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QTableView

from parktracker.ui.widgets.header_text import one_line

COPY_ROLE = Qt.ItemDataRole.UserRole + 20  # a cell's text for the clipboard (exact, plain)

_GROUPED_NUMBER = re.compile(r"^[+\-−]?\d{1,3}(,\d{3})+(\.\d+)?%?$")


def plain_cell(text: str) -> str:
    """``text`` as one spreadsheet cell: grouped numbers without separators, one line."""
    text = text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    stripped = text.strip()
    if _GROUPED_NUMBER.match(stripped):
        return stripped.replace(",", "").replace("−", "-")
    return text


def _cell(model: QAbstractItemModel, row: int, column: int) -> str:
    index = model.index(row, column)
    value = model.data(index, COPY_ROLE)
    if value is None:
        value = model.data(index, Qt.ItemDataRole.DisplayRole)
    return plain_cell("" if value is None else str(value))


def selected_rows_text(view: QTableView) -> str:
    """The rows selected in ``view`` (or the current row), top to bottom, under a header line;
    the columns as the view shows them (moved columns in their place, hidden ones left out).
    Empty when nothing is selected."""
    model = view.model()
    selection = view.selectionModel()
    if model is None or selection is None:
        return ""
    rows = sorted({index.row() for index in selection.selectedIndexes()})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    if not rows:
        return ""
    header = view.horizontalHeader()
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]
    titles = [
        plain_cell(one_line(str(model.headerData(c, Qt.Orientation.Horizontal) or "")))
        for c in columns
    ]
    lines = ["\t".join(titles)]
    lines += ["\t".join(_cell(model, row, column) for column in columns) for row in rows]
    return "".join(line + "\n" for line in lines)


def copy_selected_rows(view: QTableView) -> str:
    """Put the selected rows on the clipboard; returns the text (empty: nothing copied)."""
    text = selected_rows_text(view)
    if text:
        QApplication.clipboard().setText(text)
    return text


class _CopyKey(QObject):
    """Takes the Copy key on the view before QAbstractItemView does (it would copy only the
    current cell's text)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                copy_selected_rows(self.view)
            return True
        return super().eventFilter(watched, event)


def install_copy(view: QTableView) -> QAction:
    """Ctrl+C (the platform's Copy key) on ``view`` copies its selected rows; the returned
    action (Copy, for a context menu) does the same."""
    action = QAction(QCoreApplication.translate("TableCopy", "Copy"), view)
    action.setObjectName("copyRows")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))  # shown in menus
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda: copy_selected_rows(view))
    view.addAction(action)
    view.installEventFilter(_CopyKey(view))
    return action
