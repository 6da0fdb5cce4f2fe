"""Table headers and park names are not cut off at 1280×720, in English and in Chinese:
long headers go on two or three lines, each line within its column, the full text in the
header's tooltip; the projects' park column fits the longest park name. Renders are kept in
test-artifacts/tables/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators, register_fonts
from parktracker.i18n import set_language
from parktracker.storage.database import Database
from parktracker.ui.pages.funds import FundsPage
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session
from parktracker.ui.widgets.header_text import one_line, two_lines

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "tables"


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    set_language(request.param)
    register_fonts()
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


def _check_headers(view: QTableView) -> None:
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    for column in range(model.columnCount()):
        text = str(model.headerData(column, Qt.Orientation.Horizontal))
        tip = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
        assert "\n" not in tip and one_line(text) == tip
        longest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        assert longest + 8 <= header.sectionSize(column), (text, header.sectionSize(column))


def test_projects_headers_and_park_names_fit(
    qtbot: QtBot, demo_db: Database, language: str
) -> None:
    page = ProjectsPage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1050, 680)  # the page's share of a 1280×720 window
    page.show()
    qtbot.waitExposed(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(ARTIFACTS / f"{language}-projects.png"))
    view = page.view
    _check_headers(view)
    percent = str(view.model().headerData(6, Qt.Orientation.Horizontal))
    assert "\n" in percent  # "Completed of plan (%)" no longer one long line
    metrics = view.fontMetrics()
    parks = [page.park_filter.itemText(i) for i in range(1, page.park_filter.count())]
    widest = max(metrics.horizontalAdvance(name) for name in parks)
    assert widest + 8 <= view.horizontalHeader().sectionSize(0)
    # A cell cut short still shows its whole text on hover.
    index = view.model().index(0, 1)
    assert view.model().data(index, Qt.ItemDataRole.ToolTipRole) == index.data()


def test_funds_headers_fit(qtbot: QtBot, demo_db: Database, language: str) -> None:
    page = FundsPage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1050, 680)
    page.show()
    qtbot.waitExposed(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(ARTIFACTS / f"{language}-funds.png"))
    _check_headers(page.view)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Completed of plan (%)", "Completed\nof plan\n(%)"),
        ("累计完成投资（亿元）", "累计完成投资\n（亿元）"),
        ("Invested / paid-in", "Invested /\npaid-in"),
        ("Park", "Park"),
        ("Under\nconstruction", "Under\nconstruction"),
    ],
)
def test_two_lines_and_back(text: str, shown: str) -> None:
    assert two_lines(text) == shown
    assert one_line(shown) == text.replace("\n", " ")
