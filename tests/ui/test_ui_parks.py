"""The Parks page: the eight parks with their figures, find-as-you-type, and the drill-down."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.domain.money import Money
from parktracker.domain.number_format import DEFAULT_FORMAT, exact_text
from parktracker.services.parks import list_parks
from parktracker.services.projects import create_project
from parktracker.services.summary import default_as_of, summarize
from parktracker.storage.database import Database
from parktracker.ui.models.table_model import Kind
from parktracker.ui.pages.parks import ParksPage
from parktracker.ui.session import Session

XINXING = "青岛市新型显示产业园"


@pytest.fixture
def page(qtbot: QtBot, demo_db: Database) -> Iterator[ParksPage]:
    widget = ParksPage(Session(demo_db))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def column_of(page: ParksPage, header_start: str) -> int:
    for index, column in enumerate(page.table.model.columns):
        if column.header.startswith(header_start):
            return index
    raise AssertionError(header_start)


def cell(page: ParksPage, row: int, column: int) -> str:
    return str(page.table.proxy.index(row, column).data())


def row_of(page: ParksPage, name: str) -> int:
    for row in range(page.table.proxy.rowCount()):
        if cell(page, row, 0) == name:
            return row
    raise AssertionError(name)


def double_click_row(qtbot: QtBot, page: ParksPage, row: int) -> None:
    view = page.table.view
    rect = view.visualRect(page.table.proxy.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does: QTest.keyClicks handles ASCII keys only."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def under_construction_as_of(db: Database, day: dt.date) -> tuple[int, Money]:
    """Independently of the services: projects whose latest stage change by ``day`` is
    under construction, and their planned total."""
    rows = db.query(
        "SELECT p.planned_total_yuan FROM projects p WHERE ("
        " SELECT h.stage FROM project_stage_history h WHERE h.project_id = p.id AND h.date <= ?"
        " ORDER BY h.date DESC, h.id DESC LIMIT 1) = 'under_construction'",
        [day.isoformat()],
    )
    return len(rows), Money(sum(r[0] or 0 for r in rows))


def test_demo_table_shows_the_eight_parks_in_order_with_totals(
    page: ParksPage, demo_db: Database
) -> None:
    table = page.table
    assert table.proxy.rowCount() == 8
    assert page.record_count() == 8
    names = [cell(page, row, 0) for row in range(8)]
    assert names == [p.name for p in list_parks(demo_db)]

    day = default_as_of(demo_db)
    count, planned = under_construction_as_of(demo_db, day)
    assert planned == Money.yi("1351.4")  # the published figure the demo reproduces
    footer = table.footer.text()
    assert f"{count} projects, planned {DEFAULT_FORMAT.amount(planned)}" in footer
    # No thousands separators, as on the dashboard (it was "1,351.4 亿元" here).
    assert "Under construction: 50 projects, planned 1351.4 亿元" in footer
    assert not re.search(r"\d,\d", footer)
    assert "Signed, awaiting start: 13 projects, planned 337.9 亿元" in footer
    assert day.isoformat() in table.as_of_label.text()


def test_row_figures_are_the_summary_of_each_park(page: ParksPage, demo_db: Database) -> None:
    day = default_as_of(demo_db)
    planned = column_of(page, "Under\nconstruction\n(亿元)")
    counted = column_of(page, "Under\nconstruction\n(count)")
    scale = column_of(page, "Fund\nscale")
    revenue = column_of(page, "Revenue")
    for park in list_parks(demo_db):
        s = summarize(demo_db, as_of=day, park=park)
        row = row_of(page, park.name)
        uc = s.pipeline[Stage.UNDER_CONSTRUCTION]
        assert cell(page, row, counted) == str(uc.count)
        assert cell(page, row, planned) == DEFAULT_FORMAT.number(uc.planned_total)
        assert cell(page, row, scale) == DEFAULT_FORMAT.number(s.funds.scale)
        assert cell(page, row, revenue) == DEFAULT_FORMAT.number(s.revenue.ytd)
        tip = page.table.proxy.index(row, revenue).data(Qt.ItemDataRole.ToolTipRole)
        assert tip == exact_text(s.revenue.ytd)  # the exact figure, one hover away
    assert cell(page, row_of(page, XINXING), planned) == "161.6"


def test_amounts_are_right_aligned_with_units_in_their_headers(page: ParksPage) -> None:
    model = page.table.model
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    amounts = [i for i, c in enumerate(model.columns) if c.kind is Kind.AMOUNT]
    assert len(amounts) == 4
    for column in amounts:
        assert "亿元" in model.columns[column].header
        assert model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole) == right


def test_columns_fit_the_park_names_and_the_figures_fit_at_1280(page: ParksPage) -> None:
    view = page.table.view
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    longest = max(metrics.horizontalAdvance(p) for p in ("青岛市生物医药及医疗器械产业园",))
    assert header.sectionSize(0) >= longest
    # The name and every figure column are on screen without scrolling (page at 1280×720
    # minus the navigation, about 1060 px).
    revenue = column_of(page, "Revenue")
    right_edge = header.sectionViewportPosition(revenue) + header.sectionSize(revenue)
    assert right_edge <= 1060 - 24


def test_find_as_you_type_filters_the_parks(qtbot: QtBot, page: ParksPage) -> None:
    type_text(page.table.search, "新型")
    assert page.table.proxy.rowCount() == 1
    assert cell(page, 0, 0) == XINXING
    assert page.table.footer.text().startswith("1 park ")
    assert "161.6 亿元" in page.table.footer.text()
    page.table.search.clear()
    type_text(page.table.search, "崂山")  # location
    assert page.table.proxy.rowCount() == 2
    assert page.record_count() == 2


def test_double_click_opens_the_park_and_back_returns(qtbot: QtBot, page: ParksPage) -> None:
    double_click_row(qtbot, page, row_of(page, XINXING))
    assert page.showing_detail()
    detail = page.detail
    assert detail.heading.text() == XINXING
    assert "翰博光电生产基地项目" in detail.projects.texts(0)
    assert detail.facts["chain_leaders"].text() == "京东方"
    assert detail.facts["partner_parks"].text() == "开投芯屏产业园、融安光电科技园、联东U谷"
    assert detail.tiles["under_construction"].detail.text() == "planned 161.6 亿元"
    qtbot.mouseClick(detail.back_button, Qt.MouseButton.LeftButton)
    assert not page.showing_detail()
    assert page.table.selected_record().park.name == XINXING


def test_enter_opens_and_alt_left_and_backspace_go_back(qtbot: QtBot, page: ParksPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    view = page.table.view
    view.setFocus()
    view.selectRow(row_of(page, XINXING))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.showing_detail()
    qtbot.keyClick(page.detail.tabs, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert not page.showing_detail()
    assert view.hasFocus()
    qtbot.mouseClick(page.table.open_button, Qt.MouseButton.LeftButton)
    assert page.showing_detail()
    qtbot.keyClick(page.detail.tabs, Qt.Key.Key_Backspace)
    assert not page.showing_detail()


def test_detail_tabs_show_the_park_records(qtbot: QtBot, page: ParksPage) -> None:
    page.table.select_park(4)
    page.table.open_selected()
    detail = page.detail
    assert detail.heading.text() == XINXING
    assert detail.revenue.texts(0) == ["2024-01", "2024-02", "2024-03"]
    ytd = detail.tiles["revenue_ytd"].value.text()
    assert detail.revenue.texts(2)[-1] + " 亿元" == ytd
    assert detail.tabs.tabText(0) == f"Projects ({detail.projects.proxy.rowCount()})"
    assert detail.funds.proxy.rowCount() == 3
    assert detail.tiles["under_construction"].value.text() == "6"
    # Stages sort in pipeline order, not alphabetically.
    detail.projects.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    stages = detail.projects.texts(1)
    order = [s.text.source for s in sorted(Stage, key=lambda s: s.rank)]
    assert [order.index(s) for s in stages] == sorted(order.index(s) for s in stages)
    assert stages[0] == "In negotiation" and stages[-1] == "In production"


def test_detail_follows_data_changes(qtbot: QtBot, page: ParksPage, demo_db: Database) -> None:
    page.table.select_park(4)
    page.table.open_selected()
    before = page.detail.projects.proxy.rowCount()
    page.session.perform(
        "add",
        lambda db: create_project(
            db,
            project=Project(4, "新建测试项目", Stage.UNDER_CONSTRUCTION, planned_total=Money.yi(2)),
            # Started within March: it owes no March figure, so March stays the month every
            # park has reported (from 1 March it would, and the default would go back).
            history=[(Stage.UNDER_CONSTRUCTION, dt.date(2024, 3, 15))],
        ),
    )
    assert page.detail.projects.proxy.rowCount() == before + 1
    assert "新建测试项目" in page.detail.projects.texts(0)
    assert page.detail.tiles["under_construction"].detail.text() == "planned 163.6 亿元"
    page.session.undo()
    assert "新建测试项目" not in page.detail.projects.texts(0)
    page.show_list()
    planned = column_of(page, "Under\nconstruction\n(亿元)")
    assert cell(page, row_of(page, XINXING), planned) == "161.6"
