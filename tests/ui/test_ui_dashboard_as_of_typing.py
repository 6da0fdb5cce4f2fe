"""The dashboard's as-of date is typed as people type dates, like every other date field."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from parktracker.storage.database import Database
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.session import Session


@pytest.fixture
def page(qtbot: QtBot, demo_db: Database) -> DashboardPage:
    made = DashboardPage(Session(demo_db))
    qtbot.addWidget(made)
    made.resize(1280, 720)
    made.show()
    qtbot.waitExposed(made)
    return made


@pytest.mark.parametrize("typed", ["2024-02-29", "2024/2/29", "2024.2.29", "20240229"])
def test_typing_a_date_after_clicking_into_the_field_gives_that_date(
    qtbot: QtBot, page: DashboardPage, typed: str
) -> None:
    line = page.as_of_edit.line
    assert page.as_of == dt.date(2024, 3, 31)
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)  # the cursor lands in the middle
    line.selectAll()
    qtbot.keyClicks(line, typed)
    assert page.as_of == dt.date(2024, 3, 31)  # nothing applied half-way through typing
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert page.as_of == dt.date(2024, 2, 29)
    qtbot.waitUntil(lambda: "2024-02-29" in page.heading.text())  # the heading follows


def test_an_impossible_date_is_refused_and_the_shown_date_stays(
    qtbot: QtBot, page: DashboardPage
) -> None:
    line = page.as_of_edit.line
    line.selectAll()
    qtbot.keyClicks(line, "2024-02-30")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert page.as_of == dt.date(2024, 3, 31)
    # said beside the field, in the UI's language (the tests run Qt in English)
    echo = page.as_of_edit.echo
    assert echo.text() == "2024-02-30 is not a day of the calendar"
    assert page.as_of_edit.date().toString("yyyy-MM-dd") == "2024-03-31"
    assert _text_color(echo) == "#b42318"  # said in red
    qtbot.keyClick(line, Qt.Key.Key_Backspace)  # typing again: the problem's red goes
    assert _text_color(echo) == "#475467"


def _text_color(widget: QWidget) -> str:
    """The colour the widget's text is drawn in."""
    return str(widget.palette().color(QPalette.ColorRole.WindowText).name())
