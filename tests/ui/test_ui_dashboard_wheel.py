"""The mouse wheel over a chart scrolls the dashboard (matplotlib's canvas used to swallow it)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_ui_dashboard import show_page  # the page helper of the dashboard tests

from parktracker.storage.database import Database


def _wheel(widget: object, steps: int) -> None:
    """A real wheel turn of ``steps`` notches (negative: towards the user, i.e. scroll down)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)  # type: ignore[attr-defined]
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),  # type: ignore[attr-defined]
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def test_the_wheel_over_a_chart_scrolls_the_dashboard(qtbot: QtBot, demo_db: Database) -> None:
    page = show_page(qtbot, demo_db)
    bar = page.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    canvas = page.canvases["revenue-progress"].canvas
    assert canvas is not None and canvas.isVisible()
    assert bar.value() == 0
    _wheel(canvas, -1)
    assert bar.value() > 0
    down = bar.value()
    _wheel(canvas, 1)
    assert bar.value() < down
