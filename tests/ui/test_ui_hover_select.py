"""Card figures can be selected with the mouse once it enters the card (and not before: a
selectable label lays its text out as a whole document, which slowed the first page)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication

from parktracker.ui.widgets.kpi_card import KpiCard

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


def test_card_labels_become_selectable_when_the_mouse_enters(qtbot):
    card = KpiCard("项目集聚")
    qtbot.addWidget(card)
    card.set_values(headline="在建项目 12 个", lines=["计划总投资 1351.4 亿元"])
    card.show()
    labels = (card.headline, card.body, card.comparison)
    assert not any(label.textInteractionFlags() & SELECTABLE for label in labels)
    point = QPointF(5, 5)
    QApplication.sendEvent(card, QEnterEvent(point, point, card.mapToGlobal(point)))
    assert all(label.textInteractionFlags() & SELECTABLE for label in labels)
    card.body.setSelection(0, 4)
    assert card.body.selectedText() == "计划总投资"[:4]
