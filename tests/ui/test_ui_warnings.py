"""The Warnings page on a database built by the test: what the officer sees, filtering with
real keystrokes and the combo boxes, double-click to the project form or the park, and the
warning rules dialog changing the lights (and undo bringing them back)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators
from parktracker.services.reference import seed_reference
from parktracker.storage.database import Database, create_database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.dialogs.thresholds_dialog import ThresholdsDialog
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.parks import ParksPage
from parktracker.ui.pages.warnings import WarningsPage
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window
from tests.services.warning_db import build
from tests.ui.test_ui_projects import type_text


@pytest.fixture
def built_db(tmp_path: Path) -> Iterator[Database]:
    db = create_database(tmp_path / "built.db", populate=seed_reference)
    build(db)
    yield db
    db.close()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The app's Chinese translations installed, as the application starts by default."""
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def window(qtbot: QtBot, built_db: Database, chinese: None) -> MainWindow:
    win = build_window(Session(built_db))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def warnings_page(qtbot: QtBot, window: MainWindow) -> WarningsPage:
    page = window.page_of(WarningsPage)
    assert isinstance(page, WarningsPage)
    window.show_page(page)
    page.date_edit.setDate(QDate(2024, 6, 30))
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot: QtBot, page: WarningsPage) -> None:
    """The lights are worked out in the background: wait for them."""
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() > 0)


def cells(page: WarningsPage, column: int) -> list[str]:
    model = page.view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def drive(monkeypatch: pytest.MonkeyPatch, cls: type, steps: Callable[[object], None]) -> None:
    def fake_exec(dialog: object) -> int:
        dialog.show()  # type: ignore[attr-defined]
        steps(dialog)
        return int(dialog.result())  # type: ignore[attr-defined]

    monkeypatch.setattr(cls, "exec", fake_exec)


def test_every_light_with_its_reason_red_first(qtbot: QtBot, window: MainWindow) -> None:
    page = warnings_page(qtbot, window)
    assert cells(page, 0) == ["红灯", "红灯", "黄灯", "黄灯", "黄灯", "黄灯"]
    reasons = cells(page, 4)
    assert "计划2024年2月开工，已逾期4个月未开工" in reasons
    assert "年度投资完成率15.0%，低于序时进度35.0个百分点" in reasons
    assert page.summary.text() == "截至2024年6月30日：红灯2个，黄灯4个（共6个）"
    assert "(the park)" not in cells(page, 2)


def test_filter_by_text_park_and_colour(qtbot: QtBot, window: MainWindow) -> None:
    page = warnings_page(qtbot, window)
    page.search.setFocus()
    type_text(qtbot, page.search, "签约")
    assert cells(page, 2) == ["签约久未开工项目"]
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    assert len(cells(page, 0)) == 6
    # colour: yellow only, with the keyboard
    page.level_filter.setFocus()
    qtbot.keyClick(page.level_filter, Qt.Key.Key_Down)
    assert set(cells(page, 0)) == {"红灯"}
    qtbot.keyClick(page.level_filter, Qt.Key.Key_Down)
    assert set(cells(page, 0)) == {"黄灯"}
    assert len(cells(page, 0)) == 4
    # park: the second park only
    park_b = int(page.model.all_rows[0].finding.park_id or 0)
    page.park_filter.setCurrentIndex(page.park_filter.findData(park_b))
    assert set(cells(page, 1)) == {page.park_filter.currentText()}


def test_double_click_opens_the_project_form(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = warnings_page(qtbot, window)
    row = cells(page, 2).index("逾期未开工项目")
    seen: list[str] = []

    def steps(form: object) -> None:
        assert isinstance(form, ProjectForm)
        seen.append(form.windowTitle())
        form.reject()

    drive(monkeypatch, ProjectForm, steps)
    rect = page.view.visualRect(page.model.index(row, 2))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == ["修改项目“逾期未开工项目”"]


def test_double_click_on_a_park_light_opens_the_park(qtbot: QtBot, window: MainWindow) -> None:
    page = warnings_page(qtbot, window)
    row = cells(page, 3).index("营收慢于序时进度")
    park_name = cells(page, 1)[row]
    rect = page.view.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    parks = window.current_page()
    assert isinstance(parks, ParksPage)
    assert parks.showing_detail()
    assert parks.detail.park_id == int(
        window.session.db.scalar("SELECT id FROM parks WHERE name = ?", [park_name])
    )


def test_rules_dialog_changes_the_lights_and_undo_restores(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = warnings_page(qtbot, window)

    def steps(dialog: object) -> None:
        assert isinstance(dialog, ThresholdsDialog)
        box = dialog.spins["signed_yellow_months"]
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, "12")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    drive(monkeypatch, ThresholdsDialog, steps)
    qtbot.mouseClick(page.rules_button, Qt.MouseButton.LeftButton)
    db = window.session.db
    assert (
        db.scalar("SELECT value FROM settings WHERE key = 'warnings.signed_yellow_months'") == "12"
    )
    qtbot.waitUntil(lambda: not page.loading and "签约久未开工项目" not in cells(page, 2))
    window.session.undo()
    assert db.scalar("SELECT count(*) FROM settings") == 0
    qtbot.waitUntil(lambda: not page.loading and "签约久未开工项目" in cells(page, 2))


def test_search_then_park_then_erase_shows_the_right_rows(qtbot: QtBot, window: MainWindow) -> None:
    """Narrowing as one types, then changing the park with the same text, then erasing."""
    page = warnings_page(qtbot, window)
    page.search.setFocus()
    type_text(qtbot, page.search, "项目")
    assert len(cells(page, 0)) == 4  # the projects' lights, not the parks' own
    park_a = page.park_filter.findText(cells(page, 1)[cells(page, 2).index("逾期未开工项目")])
    page.park_filter.setCurrentIndex(park_a)
    assert sorted(cells(page, 2)) == ["签约久未开工项目", "逾期未开工项目"]
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    assert len(cells(page, 0)) == 3  # the park's fund light too
    page.park_filter.setCurrentIndex(0)
    assert len(cells(page, 0)) == 6


def test_dashboard_counts_the_lights_and_opens_the_warnings(
    qtbot: QtBot, window: MainWindow
) -> None:
    from parktracker.ui.pages.dashboard.page import DashboardPage

    dashboard = window.page_of(DashboardPage)
    assert isinstance(dashboard, DashboardPage)
    window.show_page(dashboard)
    dashboard.as_of_edit.setDate(QDate(2024, 6, 30))
    qtbot.waitUntil(lambda: dashboard.warnings_button.text() == "预警 红2·黄4")
    qtbot.mouseClick(dashboard.warnings_button, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert isinstance(page, WarningsPage)
    assert page.as_of == dt.date(2024, 6, 30)
    qtbot.waitUntil(lambda: not page.loading and len(cells(page, 0)) == 6)


def test_parks_list_shows_the_counts(qtbot: QtBot, window: MainWindow, built_db: Database) -> None:
    from parktracker.ui.pages.parks import ParksPage

    parks = window.page_of(ParksPage)
    assert isinstance(parks, ParksPage)
    window.show_page(parks)
    model = parks.table.view.model()
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = header.index("预警\n（红/黄）")
    texts = {
        model.index(r, 0).data(): model.index(r, column).data() for r in range(model.rowCount())
    }
    # the as-of date is the latest data (2024-06): park b has the red investment light,
    # the revenue light and the overdue problem
    park_b = built_db.scalar(
        "SELECT k.name FROM parks k JOIN projects p ON p.park_id = k.id"
        " WHERE p.name = '投资滞后项目'"
    )
    assert texts[park_b] == "红1/黄2"
