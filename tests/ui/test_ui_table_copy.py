"""Ctrl+C on a table page copies the selected rows as tab-separated text with the headers,
amounts as plain numbers, ready to paste into Excel or WPS."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.domain.money import Money
from parktracker.services.parks import list_parks
from parktracker.services.projects import create_project
from parktracker.storage.database import Database
from parktracker.ui.pages.funds import FundsPage
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session


def _click_row(qtbot: QtBot, view: QTableView, row: int, modifier: Qt.KeyboardModifier) -> None:
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _ctrl_c(qtbot: QtBot, view: QTableView) -> list[list[str]]:
    QApplication.clipboard().clear()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    assert text.endswith("\n")
    return [line.split("\t") for line in text[:-1].split("\n")]


def test_ctrl_c_copies_the_selected_projects_with_headers_and_plain_amounts(
    qtbot: QtBot, new_db: Database
) -> None:
    park = list_parks(new_db)[0]
    assert park.id is not None
    for name, planned in (("大项目", "1234.5678"), ("小项目", "8.25"), ("第三个", "3")):
        create_project(
            new_db,
            project=Project(
                park.id, name, Stage.NEGOTIATING, planned_total=Money.yi(Decimal(planned))
            ),
        )
    page = ProjectsPage(Session(new_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    view = page.view
    model = view.model()
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    shown = [model.index(r, 5).data() for r in range(model.rowCount())]
    assert "1234.6" in shown  # on screen: the chosen decimals
    first, last = names.index("大项目"), names.index("小项目")
    _click_row(qtbot, view, first, Qt.KeyboardModifier.NoModifier)
    _click_row(qtbot, view, last, Qt.KeyboardModifier.ControlModifier)
    assert page.selected_id() is None  # two rows: Edit and Delete need exactly one
    assert not page.can_edit()
    lines = _ctrl_c(qtbot, view)
    headers = [c.header for c in page.model.columns]  # each on one line
    assert lines[0] == headers
    assert len(lines) == 3
    rows = {line[1]: line for line in lines[1:]}
    assert set(rows) == {"大项目", "小项目"}
    assert rows["大项目"][5] == "1234.5678"  # exact, no separator: Excel reads the number
    assert rows["小项目"][5] == "8.25"
    assert rows["大项目"][0] == park.short_name
    for line in lines[1:]:
        assert len(line) == len(headers)


def test_ctrl_c_on_the_funds_page_copies_one_row_under_the_headers(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = FundsPage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    view = page.view
    _click_row(qtbot, view, 0, Qt.KeyboardModifier.NoModifier)
    record = page.selected_record()
    assert record is not None
    lines = _ctrl_c(qtbot, view)
    assert lines[0] == [c.header for c in page.model.columns]
    assert len(lines) == 2
    cells = dict(zip(lines[0], lines[1], strict=True))
    assert cells[page.model.columns[0].header] == record.name
    scale = cells[page.model.columns[2].header]
    assert Money.yi(Decimal(scale)) == record.scale  # exact, a plain number
    assert "," not in scale and "亿" not in scale


def test_ctrl_a_then_ctrl_c_copies_every_visible_row(qtbot: QtBot, demo_db: Database) -> None:
    page = FundsPage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    lines = _ctrl_c(qtbot, page.view)
    assert len(lines) == 1 + page.proxy.rowCount()
    assert page.selected_record() is None


def test_nothing_selected_copies_nothing(qtbot: QtBot, demo_db: Database) -> None:
    page = FundsPage(Session(demo_db))
    qtbot.addWidget(page)
    page.show()
    page.view.clearSelection()
    page.view.setCurrentIndex(page.proxy.index(-1, -1))
    QApplication.clipboard().setText("before")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "before"
