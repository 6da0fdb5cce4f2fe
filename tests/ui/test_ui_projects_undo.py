"""Writes from the Projects page — add, edit, stage change, delete and the monthly investment
grid — each one undo step: the table and the database follow undo and redo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_ui_projects import (  # the helpers of the page's own tests
    HANBO,
    column,
    drive,
    make_page,
    names,
    project_id,
    row_of,
    select,
    type_text,
)

from parktracker.domain.enums import Stage
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import DEFAULT_FORMAT
from parktracker.domain.periods import YearMonth
from parktracker.domain.progress import time_in_stage
from parktracker.services.projects import (
    M_DATE_BEFORE_LAST,
    annual_plans,
    get_project,
    monthly_investment,
    stage_history,
)
from parktracker.storage.database import Database
from parktracker.ui.dialogs.investment_grid import InvestmentGrid
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.dialogs.stage_dialog import StageDialog
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.text import qt_tr

SIGNED_PROJECT = "合肥贝斯兰湿法设备总部研发生产基地项目"


def cell(page: ProjectsPage, name: str, col: int) -> str:
    return str(page.view.model().index(row_of(page, name), col).data())


def undo_redo(
    page: ProjectsPage, check_before: Callable[[], None], check_after: Callable[[], None]
) -> None:
    """Undo, redo and undo again, checking the table and database each time."""
    session = page.session
    check_after()
    session.undo()
    check_before()
    session.redo()
    check_after()
    session.undo()
    check_before()


def test_add_then_undo_and_redo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, demo_db)
    name = "氢能重卡示范项目"

    def fill_in(form: object) -> None:
        assert isinstance(form, ProjectForm)
        form.park.setCurrentIndex(form.park.findText("氢能与储能产业园"))
        type_text(qtbot, form.name, name)
        qtbot.keyClicks(form.planned_total.line, "3")
        qtbot.keyClicks(form.dates["signed_date"].line, "2024-02-20")  # signed: its date
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, ProjectForm, fill_in)
    page.add()

    def before() -> None:
        assert name not in names(page)
        assert demo_db.scalar("SELECT count(*) FROM projects WHERE name = ?", [name]) == 0

    def after() -> None:
        assert cell(page, name, 0) == "氢能与储能产业园"
        assert demo_db.scalar("SELECT count(*) FROM projects WHERE name = ?", [name]) == 1

    undo_redo(page, before, after)


def test_edit_then_undo_and_redo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, demo_db)
    select(page, HANBO)
    pid = project_id(demo_db, HANBO)
    old_company = get_project(demo_db, pid).company  # type: ignore[union-attr]

    def change(form: object) -> None:
        assert isinstance(form, ProjectForm)
        form.company.clear()
        type_text(qtbot, form.company, "翰博高新材料（合肥）股份有限公司")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, ProjectForm, change)
    page.edit_action.trigger()  # the table's context menu
    assert page.session.undo_stack.undoText() == page.tr("Edit project “%1”").replace("%1", HANBO)

    def before() -> None:
        assert cell(page, HANBO, 2) == old_company
        assert get_project(demo_db, pid).company == old_company  # type: ignore[union-attr]

    def after() -> None:
        assert cell(page, HANBO, 2) == "翰博高新材料（合肥）股份有限公司"
        assert get_project(demo_db, pid).company == "翰博高新材料（合肥）股份有限公司"  # type: ignore[union-attr]

    undo_redo(page, before, after)


def test_stage_change_with_its_date_then_undo_and_redo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, demo_db)
    select(page, SIGNED_PROJECT)
    pid = project_id(demo_db, SIGNED_PROJECT)
    entries = len(stage_history(demo_db, pid))
    signed_on = stage_history(demo_db, pid)[-1].date  # the entry in force before the change

    def advance(dialog: object) -> None:
        assert isinstance(dialog, StageDialog)
        assert dialog.target() is Stage.UNDER_CONSTRUCTION  # the usual next step first
        dialog.date.set_value(dt.date(2000, 1, 1))  # before the signing: refused beside the date
        message = dialog.messages["date"]
        assert message.isVisible() and not dialog.save_button.isEnabled()
        assert message.text().startswith(qt_tr(M_DATE_BEFORE_LAST).split("%1")[0])
        dialog.date.set_value(dt.date(2024, 6, 3))
        type_text(qtbot, dialog.note, "主体开工")
        assert dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, StageDialog, advance)
    qtbot.mouseClick(page.stage_button, Qt.MouseButton.LeftButton)
    construction = qt_tr(Stage.UNDER_CONSTRUCTION.text)
    signed = qt_tr(Stage.SIGNED.text)
    today = dt.date.today()

    def before() -> None:
        assert cell(page, SIGNED_PROJECT, 3) == signed
        # the time in the stage counts from the entry in force, and follows undo and redo
        assert cell(page, SIGNED_PROJECT, 4) == qt_tr(*time_in_stage(signed_on, today))
        assert cell(page, SIGNED_PROJECT, 9) == ""
        assert len(stage_history(demo_db, pid)) == entries

    def after() -> None:
        assert cell(page, SIGNED_PROJECT, 3) == construction
        assert cell(page, SIGNED_PROJECT, 4) == qt_tr(*time_in_stage(dt.date(2024, 6, 3), today))
        assert cell(page, SIGNED_PROJECT, 9) == "2024-06-03"
        last = stage_history(demo_db, pid)[-1]
        assert (last.stage, last.date, last.note) == (
            Stage.UNDER_CONSTRUCTION,
            dt.date(2024, 6, 3),
            "主体开工",
        )
        assert len(stage_history(demo_db, pid)) == entries + 1

    undo_redo(page, before, after)


def test_advance_stage_from_the_form_updates_it(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = project_id(demo_db, HANBO)
    project = get_project(demo_db, pid)
    assert project is not None
    page = make_page(qtbot, demo_db)
    form = ProjectForm(page.session, project, parent=page)
    qtbot.addWidget(form)
    form.show()
    rows = form.history.rowCount()

    def to_production(dialog: object) -> None:
        assert isinstance(dialog, StageDialog)
        dialog.stage_box.setCurrentIndex(dialog.stage_box.findData(Stage.IN_PRODUCTION))
        dialog.date.set_value(dt.date(2024, 9, 30))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, StageDialog, to_production)
    qtbot.mouseClick(form.advance_button, Qt.MouseButton.LeftButton)
    assert form.stage_label.text() == qt_tr(Stage.IN_PRODUCTION.text)
    assert form.history.rowCount() == rows + 1
    assert form.history.item(rows, 0).text() == "2024-09-30"
    assert form.dates["production_date"].value() == dt.date(2024, 9, 30)
    assert not form.dirty  # the form shows what is stored; Cancel asks nothing
    assert cell(page, HANBO, 3) == qt_tr(Stage.IN_PRODUCTION.text)
    # Saving the form afterwards keeps the date the stage change set.
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = get_project(demo_db, pid)
    assert saved is not None and saved.production_date == dt.date(2024, 9, 30)


def test_delete_with_confirmation_then_undo_and_redo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, demo_db)
    select(page, HANBO)
    pid = project_id(demo_db, HANBO)
    months = len(monthly_investment(demo_db, pid))
    assert months > 0
    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.delete_action.trigger()  # the context menu; "No": nothing happens
    assert HANBO in names(page)
    page.delete_action.trigger()
    assert len(asked) == 2 and HANBO in asked[1]

    def before() -> None:
        assert HANBO in names(page)
        assert len(monthly_investment(demo_db, pid)) == months
        assert len(stage_history(demo_db, pid)) > 0

    def after() -> None:
        assert HANBO not in names(page)
        assert get_project(demo_db, pid) is None
        assert monthly_investment(demo_db, pid) == []

    undo_redo(page, before, after)


def test_investment_grid_edit_then_undo_and_redo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, demo_db)
    select(page, HANBO)
    pid = project_id(demo_db, HANBO)
    saved = {m.month: m.completed for m in monthly_investment(demo_db, pid)}
    march, april = YearMonth(2024, 3), YearMonth(2024, 4)
    assert march in saved and april not in saved
    completed_before = cell(page, HANBO, 6)
    plans_before = {p.year: p.planned for p in annual_plans(demo_db, pid)}
    assert plans_before.get(2024) != Money.yi(8)

    def edit(dialog: object) -> None:
        grid = dialog
        assert isinstance(grid, InvestmentGrid)
        grid.year_box.setCurrentIndex(grid.year_box.findData(2024))
        grid.unit_box.setCurrentIndex(grid.unit_box.findData(Unit.WAN))
        assert not grid.save_button.isEnabled()  # nothing changed yet
        grid.set_month(4, "abc")
        assert grid.messages["months"].isVisible() and not grid.save_button.isEnabled()
        grid.set_month(4, "1,234.5")
        assert not grid.messages["months"].isVisible()
        grid.set_month(3, "")  # clearing a month deletes it
        assert grid.grid.item(3, 2).text() != ""  # cumulative shown for April
        grid.plan.line.clear()
        qtbot.keyClicks(grid.plan.line, "8")
        assert grid.save_button.isEnabled()
        qtbot.mouseClick(grid.save_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, InvestmentGrid, edit)
    qtbot.mouseClick(page.investment_button, Qt.MouseButton.LeftButton)
    assert page.session.undo_stack.count() == 1  # one step for months and plan together

    def stored() -> dict[YearMonth, Money]:
        return {m.month: m.completed for m in monthly_investment(demo_db, pid)}

    def before() -> None:
        assert stored() == saved
        assert cell(page, HANBO, 6) == completed_before
        assert {p.year: p.planned for p in annual_plans(demo_db, pid)} == plans_before

    def after() -> None:
        now = stored()
        assert now[april] == Money.wan("1234.5")
        assert march not in now
        assert {p.year: p.planned for p in annual_plans(demo_db, pid)}[2024] == Money.yi(8)
        total = Money.total(list(now.values()))
        assert cell(page, HANBO, 6) == DEFAULT_FORMAT.number(total)

    undo_redo(page, before, after)


def test_investment_grid_shows_cumulative_and_share(qtbot: QtBot, demo_db: Database) -> None:
    pid = project_id(demo_db, HANBO)
    project = get_project(demo_db, pid)
    assert project is not None and project.planned_total is not None
    page = make_page(qtbot, demo_db)
    grid = InvestmentGrid(page.session, project, year=2024, parent=page)
    qtbot.addWidget(grid)
    grid.show()
    total = Money.total([m.completed for m in monthly_investment(demo_db, pid)])
    assert grid.grid.item(2, 2).text() == DEFAULT_FORMAT.number(total, Unit.WAN)
    assert DEFAULT_FORMAT.amount(total) in grid.summary.text()
    grid.unit_box.setCurrentIndex(grid.unit_box.findData(Unit.YI))
    assert grid.grid.item(2, 2).text() == DEFAULT_FORMAT.number(total, Unit.YI)
    assert "亿元" in grid.grid.horizontalHeaderItem(1).text()
    assert grid.grid.item(2, 3).text().endswith("%")
    assert column(page, 1)  # the page is still there behind the dialog
