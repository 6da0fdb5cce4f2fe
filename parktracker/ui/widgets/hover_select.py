"""Labels whose text can be selected with the mouse, made selectable when the mouse comes near.

A selectable QLabel lays its text out through a whole text document, and a word-wrapped one does
so again for every width the layout asks about: for the dashboard's cards that was about a fifth
of drawing the first page. A label that is not selectable yet draws the same pixels (the same
wrapping and height) from its plain text layout. The mouse has to enter the host widget before
it can press on a label, so the labels become selectable then, once, before the first press.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class SelectOnHover(QObject):
    """Makes ``labels`` selectable by mouse the first time the mouse enters ``host``."""

    def __init__(self, host: QWidget, labels: Sequence[QLabel]) -> None:
        super().__init__(host)
        self.labels = list(labels)
        host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Enter:
            watched.removeEventFilter(self)
            self.make_selectable()
        return False

    def make_selectable(self) -> None:
        for label in self.labels:
            label.setTextInteractionFlags(SELECTABLE)


def select_on_hover(host: QWidget, *labels: QLabel) -> SelectOnHover:
    """Let the mouse select the text of ``labels`` from the moment it enters ``host``."""
    return SelectOnHover(host, labels)
