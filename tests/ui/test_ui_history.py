"""Edit → History (修改记录): a change made through the UI shows with its old → new value, for
the selected record and for the whole database, and the filters (dates, user, kind of record)
narrow the list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators, register_fonts
from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.history import RecordKind
from parktracker.services.projects import advance_stage, get_project, record_investment
from parktracker.storage.audit import os_user
from parktracker.storage.database import Database
from parktracker.ui.dialogs.history_dialog import HistoryDialog
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.main_window import MainWindow
from parktracker.ui.models.history_model import ACTION, CHANGES, KIND, RECORD, USER
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "history"
KEXIN = "科新微电子芯片设计总部项目"  # planned 9 亿元, nothing completed yet


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _window_with_edit(qtbot: QtBot, db: Database) -> MainWindow:
    """The main window, after the officer raised KEXIN's planned total from 9 to 12 亿元 in
    the project form (typing, then Save)."""
    register_fonts()
    window = build_window(Session(db))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    page = window.page_of(ProjectsPage)
    assert isinstance(page, ProjectsPage)
    window.show_page(page)
    page.ensure_loaded()
    names = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    page.view.selectRow(names.index(KEXIN))
    project_id = page.selected_id()
    assert project_id is not None
    project = get_project(db, project_id)
    assert project is not None
    form = ProjectForm(window.session, project)
    qtbot.addWidget(form)
    form.show()
    form.planned_total.line.selectAll()
    qtbot.keyClicks(form.planned_total.line, "12")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = get_project(db, project_id)
    assert saved is not None and str(saved.planned_total.format()) == "12 亿元"
    return window


def _open_history(qtbot: QtBot, window: MainWindow) -> HistoryDialog:
    window.menus.history.trigger()  # Edit → History…
    dialog = window.menus.history_dialog
    assert isinstance(dialog, HistoryDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_history_of_the_selected_project_shows_the_change(qtbot: QtBot, demo_db: Database) -> None:
    window = _window_with_edit(qtbot, demo_db)
    dialog = _open_history(qtbot, window)
    assert dialog.only_record.isChecked()
    assert KEXIN in dialog.only_record.text()
    rows = [dialog.row_texts(r) for r in range(dialog.model.rowCount())]
    assert rows, "the selected project has a history"
    newest = rows[0]
    assert newest[KIND] == "Project"
    assert newest[RECORD] == KEXIN
    assert newest[ACTION] == "Changed"
    assert newest[USER] == os_user()
    assert newest[CHANGES] == "Planned total investment: 9 亿元 → 12 亿元"
    # The project's own record only, and its parts: every row is about this project.
    assert all(KEXIN in row[RECORD] for row in rows)
    assert {row[ACTION] for row in rows} >= {"Added", "Changed"}  # demo insert, then the edit


def test_filters_by_date_user_and_kind(qtbot: QtBot, demo_db: Database) -> None:
    window = _window_with_edit(qtbot, demo_db)
    dialog = _open_history(qtbot, window)
    dialog.only_record.setChecked(False)  # the whole database
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "en-history.png"))
    everything = dialog.model.rowCount()
    assert everything == dialog.model.page_size  # one page read; the rest as the view scrolls
    assert dialog.model.canFetchMore()
    assert dialog.row_texts(0)[CHANGES] == "Planned total investment: 9 亿元 → 12 亿元"
    # Kind of record: funds only.
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(RecordKind.FUND))
    kinds = {dialog.row_texts(r)[KIND] for r in range(dialog.model.rowCount())}
    assert kinds == {"Fund"}
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(RecordKind.PROJECT))
    assert dialog.row_texts(0)[RECORD] == KEXIN
    # Dates: from tomorrow nothing; from today the edit.
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    dialog.use_from.setChecked(True)
    dialog.date_from.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert dialog.model.rowCount() == 0
    assert "0 changes" in dialog.count_label.text()
    today = dt.date.today()
    dialog.date_from.setDate(QDate(today.year, today.month, today.day))
    assert dialog.model.rowCount() >= 1
    assert dialog.row_texts(0)[CHANGES] == "Planned total investment: 9 亿元 → 12 亿元"
    # Users: everyone who wrote to the file is offered; another user's changes only.
    users = [dialog.user_box.itemData(i) for i in range(1, dialog.user_box.count())]
    assert os_user() in users
    dialog.user_box.setCurrentIndex(dialog.user_box.findData(os_user()))
    assert dialog.row_texts(0)[USER] == os_user()
    demo_db.conn.execute(
        "UPDATE audit_log SET os_user = 'someone-else' WHERE id = (SELECT max(id) FROM audit_log)"
    )
    dialog.refresh()
    assert all(dialog.row_texts(r)[USER] == os_user() for r in range(dialog.model.rowCount()))
    assert all(
        "9 亿元 → 12 亿元" not in dialog.row_texts(r)[CHANGES]
        for r in range(dialog.model.rowCount())
    )


def test_history_in_chinese_names_kinds_and_fields(
    qtbot: QtBot, demo_db: Database, chinese: None
) -> None:
    window = _window_with_edit(qtbot, demo_db)
    dialog = _open_history(qtbot, window)
    assert dialog.windowTitle() == "修改记录"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "zh_CN-history-record.png"))
    newest = dialog.row_texts(0)
    assert newest[KIND] == "项目"
    assert newest[ACTION] == "修改"
    assert newest[CHANGES] == "计划总投资：9 亿元 → 12 亿元"
    kinds = [dialog.kind_box.itemText(i) for i in range(dialog.kind_box.count())]
    assert "月度完成投资" in kinds and "project_monthly_investment" not in kinds


def test_without_a_selection_the_whole_database_is_shown(qtbot: QtBot, demo_db: Database) -> None:
    window = build_window(Session(demo_db))
    qtbot.addWidget(window)
    window.show()
    dialog = _open_history(qtbot, window)  # the dashboard: no record to select
    assert not dialog.only_record.isEnabled() and not dialog.only_record.isChecked()
    assert dialog.model.rowCount() > 0


def test_an_undo_shows_in_the_history(qtbot: QtBot, demo_db: Database) -> None:
    window = _window_with_edit(qtbot, demo_db)
    dialog = _open_history(qtbot, window)
    window.session.undo()
    assert dialog.row_texts(0)[CHANGES] == "Planned total investment: 12 亿元 → 9 亿元"


def test_the_date_range_is_typed_as_people_write_it(
    qtbot: QtBot, demo_db: Database, chinese: None
) -> None:
    """From and To are the product's date field: "2024年3月31日", "2024-03-31" and the other
    forms are typed and applied with Enter; the echo says the day in words; a day that does not
    exist is said beside the field and the range in force stays."""
    from test_ui_date_entry import type_text  # ASCII as key clicks, 年月日 as IME commits

    window = _window_with_edit(qtbot, demo_db)
    dialog = _open_history(qtbot, window)
    dialog.only_record.setChecked(False)
    today = dt.date.today()
    tomorrow = today + dt.timedelta(days=1)

    def retype(field: object, text: str) -> None:
        line = field.line  # type: ignore[attr-defined]
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
        qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, line, text)
        qtbot.keyClick(line, Qt.Key.Key_Return)

    qtbot.mouseClick(dialog.use_from, Qt.MouseButton.LeftButton)
    assert dialog.use_from.isChecked() and dialog.date_from.isEnabled()
    retype(dialog.date_from, f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日")
    assert dialog.current_filter().date_from == tomorrow
    assert dialog.date_from.echo.text() == f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日"
    assert dialog.model.rowCount() == 0
    assert dialog.isVisible()  # Enter applied the date; it did not close the dialog
    retype(dialog.date_from, today.isoformat())
    assert dialog.current_filter().date_from == today
    assert dialog.row_texts(0)[CHANGES] == "计划总投资：9 亿元 → 12 亿元"
    retype(dialog.date_from, "2024-02-30")  # no such day: said, and today stays
    assert dialog.date_from.echo.text() == "2024-02-30不是有效日期"
    assert dialog.current_filter().date_from == today
    qtbot.mouseClick(dialog.use_to, Qt.MouseButton.LeftButton)
    retype(dialog.date_to, today.strftime("%Y%m%d"))
    assert dialog.current_filter().date_to == today
    assert dialog.model.rowCount() >= 1
    for _ in range(3):  # let the layout settle after the last keystroke
        QApplication.processEvents()
    echo = dialog.date_from.echo  # the problem is shown whole
    assert echo.width() >= echo.fontMetrics().horizontalAdvance(echo.text())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "zh_CN-history-typed-range.png"))


def test_dates_and_months_are_written_the_ui_languages_way(
    qtbot: QtBot, demo_db: Database, chinese: None
) -> None:
    """A stage change is named by its project and its date, and a month of investment by its
    project and month, as the UI language writes them: 2024年5月6日 and 2024年5月, not ISO."""
    register_fonts()  # the CJK font the app uses: the column widths are measured in it
    window = build_window(Session(demo_db))
    qtbot.addWidget(window)
    window.show()
    page = window.page_of(ProjectsPage)
    assert isinstance(page, ProjectsPage)
    window.show_page(page)
    page.ensure_loaded()
    names = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    page.view.selectRow(names.index(KEXIN))
    project_id = page.selected_id()
    assert project_id is not None
    advance_stage(
        demo_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 5, 6)
    )
    record_investment(
        demo_db,
        entries=[MonthlyInvestment(project_id, YearMonth(2024, 5), Money.wan(300))],
    )
    dialog = _open_history(qtbot, window)
    rows = [dialog.row_texts(n) for n in range(dialog.model.rowCount())]
    stage_row = next(r for r in rows if r[KIND] == "阶段变更" and r[ACTION] == "新增")
    assert stage_row[RECORD] == f"{KEXIN} · 2024年5月6日"
    assert "日期：2024年5月6日" in stage_row[CHANGES].split("；")
    month_row = next(r for r in rows if r[KIND] == "月度完成投资" and r[ACTION] == "新增")
    assert month_row[RECORD] == f"{KEXIN} · 2024年5月"
    assert "月份：2024年5月" in month_row[CHANGES].split("；")
    # the record column is wide enough to read the project with its date whole, not elided
    metrics = dialog.view.fontMetrics()
    record_width = dialog.view.horizontalHeader().sectionSize(RECORD)
    assert record_width > metrics.horizontalAdvance(stage_row[RECORD])
