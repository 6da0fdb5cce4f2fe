"""The clipboard text of spreadsheet cells, and the cell editor of the grids (revenue, park
investment): right-aligned, Enter stores the cell and asks the view to move down."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

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
