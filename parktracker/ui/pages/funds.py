"""The Funds page (work in progress: replaced by the full page in this issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session


class FundsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title(), self))

    def title(self) -> str:
        return self.tr("Funds")
