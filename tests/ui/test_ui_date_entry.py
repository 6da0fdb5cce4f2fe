"""Dates typed as people type them, with real keystrokes: the project form stores the day
typed (whatever the separators), refuses an impossible day beside the field, leaves an empty
date empty, never fills in today, and picks a day from the calendar; a signed project needs
its signing date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators
from parktracker.domain.dates import MSG_NEEDS_DAY, MSG_NO_SUCH_DAY
from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.domain.validation import M_SIGNED_NEEDS_DATE, M_STAGE_NEEDS_DATE
from parktracker.i18n import language_from_environment, set_language
from parktracker.services.projects import create_project, get_project, stage_history
from parktracker.storage.database import Database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.date_field import DateField

D = dt.date
PARK = 1


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left dirty by a failing test must not block the run with its question."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    set_language("zh_CN")
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    set_language(language_from_environment())


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` as a user would: ASCII (digits, "-", "/", ".") as key clicks, Chinese
    (年月日) as input-method commits, since QTest cannot click keys outside Latin-1."""
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def open_form(qtbot: QtBot, db: Database, project: Project | None = None) -> ProjectForm:
    form = ProjectForm(Session(db), project, park_id=PARK)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def click_into(qtbot: QtBot, field: DateField) -> None:
    qtbot.mouseClick(field.line, Qt.MouseButton.LeftButton)
    assert field.line.hasFocus()


def stored(db: Database, name: str) -> Project:
    pid = db.scalar("SELECT id FROM projects WHERE name = ?", [name])
    project = get_project(db, int(pid))
    assert project is not None
    return project


def add_stored(db: Database, project: Project, history: list[tuple[Stage, dt.date]]) -> Project:
    pid = create_project(db, project=project, history=history)
    fresh = get_project(db, pid)
    assert fresh is not None
    return fresh


@pytest.mark.parametrize(
    "typed", ["2024-03-15", "2024/3/15", "2024.3.15", "20240315", "2024年3月15日"]
)
def test_typed_signing_date_is_the_day_stored(
    qtbot: QtBot, new_db: Database, chinese: None, typed: str
) -> None:
    form = open_form(qtbot, new_db)
    assert form.stage.currentData() is Stage.SIGNED
    type_text(qtbot, form.name, "测试项目")
    field = form.dates["signed_date"]
    click_into(qtbot, field)
    type_text(qtbot, field.line, typed)  # ASCII as key clicks, 年月日 as input-method commits
    assert field.line.text() == typed  # what was typed stays as typed...
    assert field.echo.text() == "2024年3月15日"  # ...and the field says what it understood
    assert not form.messages["signed_date"].isVisible()
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)
    assert form.save_button.isEnabled()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # Enter saves
    assert not form.isVisible()
    project = stored(new_db, "测试项目")
    assert project.signed_date == D(2024, 3, 15)
    assert new_db.scalar("SELECT signed_date FROM projects WHERE id = ?", [project.id]).startswith(
        "2024-03-15"
    )
    assert project.id is not None
    assert [(h.stage, h.date) for h in stage_history(new_db, project.id)] == [
        (Stage.SIGNED, D(2024, 3, 15))
    ]


def test_english_echo_writes_the_iso_day(qtbot: QtBot, new_db: Database) -> None:
    form = open_form(qtbot, new_db)
    field = form.dates["planned_start_date"]
    click_into(qtbot, field)
    qtbot.keyClicks(field.line, "2024.12.31")
    assert field.echo.text() == "2024-12-31"
    assert field.value() == D(2024, 12, 31)


def test_impossible_day_is_an_error_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, new_db: Database
) -> None:
    project = add_stored(
        new_db,
        Project(PARK, "在建项目", Stage.UNDER_CONSTRUCTION, signed_date=D(2024, 1, 10)),
        [(Stage.SIGNED, D(2024, 1, 10)), (Stage.UNDER_CONSTRUCTION, D(2024, 2, 1))],
    )
    form = open_form(qtbot, new_db, project)
    field = form.dates["actual_start_date"]
    click_into(qtbot, field)
    qtbot.keyClicks(field.line, "2024-02-30")
    message = form.messages["actual_start_date"]
    assert message.isVisible()
    assert message.text() == qt_tr(MSG_NO_SUCH_DAY, "2024-02-30")
    assert field.echo.text() == ""  # no day understood, none shown
    assert not form.save_button.isEnabled()
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    qtbot.keyClick(field.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible()
    assert stored(new_db, "在建项目").actual_start_date is None  # unchanged

    # A month alone is not a day: the field says it needs one.
    field.line.selectAll()
    qtbot.keyClicks(field.line, "2024-03")
    assert not message.isVisible()  # on its way to a day: no complaint while typing...
    assert not form.save_button.isEnabled()  # ...but nothing to save either
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)  # left as it is: a month is not a day
    assert message.isVisible()
    assert message.text() == qt_tr(MSG_NEEDS_DAY, "2024-03")
    assert not form.save_button.isEnabled()
    field.line.setFocus()

    field.line.selectAll()
    qtbot.keyClicks(field.line, "2024-02-29")  # a leap day is a day
    assert not message.isVisible()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert stored(new_db, "在建项目").actual_start_date == D(2024, 2, 29)


def test_empty_optional_dates_stay_empty_and_save_as_null(qtbot: QtBot, new_db: Database) -> None:
    form = open_form(qtbot, new_db)
    for name, field in form.dates.items():  # nothing starts as today
        assert field.line.text() == "", name
        assert field.value() is None
    form.stage.setCurrentIndex(form.stage.findData(Stage.NEGOTIATING))
    type_text(qtbot, form.name, "在谈项目")
    click_into(qtbot, form.dates["planned_start_date"])  # visited, left empty
    qtbot.keyClick(form.dates["planned_start_date"].line, Qt.Key.Key_Tab)
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    project = stored(new_db, "在谈项目")
    (row,) = new_db.query(
        "SELECT signed_date, planned_start_date, actual_start_date, planned_completion_date,"
        " production_date FROM projects WHERE id = ?",
        [project.id],
    )
    assert tuple(row) == (None, None, None, None, None)


def test_clearing_a_date_stores_null(qtbot: QtBot, new_db: Database) -> None:
    project = add_stored(
        new_db,
        Project(PARK, "已签约项目", Stage.SIGNED, signed_date=D(2024, 1, 10)),
        [(Stage.SIGNED, D(2024, 1, 10))],
    )
    form = open_form(qtbot, new_db, project)
    form.dates["planned_start_date"].set_value(D(2024, 6, 1))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert stored(new_db, "已签约项目").planned_start_date == D(2024, 6, 1)
    form = open_form(qtbot, new_db, stored(new_db, "已签约项目"))
    field = form.dates["planned_start_date"]
    assert field.line.text() == "2024-06-01"
    click_into(qtbot, field)
    qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field.line, Qt.Key.Key_Backspace)
    assert field.value() is None and field.echo.text() == ""
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert stored(new_db, "已签约项目").planned_start_date is None


def test_clicking_into_a_date_and_typing_never_leaves_today(qtbot: QtBot, new_db: Database) -> None:
    form = open_form(qtbot, new_db)
    type_text(qtbot, form.name, "开工项目")
    form.stage.setCurrentIndex(form.stage.findData(Stage.UNDER_CONSTRUCTION))
    qtbot.keyClicks(form.dates["signed_date"].line, "2024-01-05")
    start = form.dates["actual_start_date"]
    click_into(qtbot, start)
    qtbot.keyClicks(start.line, "2024-03-15")
    qtbot.keyClick(start.line, Qt.Key.Key_Tab)
    assert start.value() == D(2024, 3, 15)
    assert dt.date.today().isoformat() not in start.line.text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    project = stored(new_db, "开工项目")
    assert project.actual_start_date == D(2024, 3, 15)
    assert project.id is not None
    assert [(h.stage, h.date) for h in stage_history(new_db, project.id)] == [
        (Stage.SIGNED, D(2024, 1, 5)),
        (Stage.UNDER_CONSTRUCTION, D(2024, 3, 15)),
    ]


def test_typing_into_a_filled_date_is_read_as_typed_not_merged_silently(
    qtbot: QtBot, new_db: Database
) -> None:
    form = open_form(qtbot, new_db)
    field = form.dates["planned_start_date"]
    field.set_value(D(2024, 1, 10))
    click_into(qtbot, field)
    qtbot.keyClick(field.line, Qt.Key.Key_End)
    qtbot.keyClicks(field.line, "2024-03-15")  # added to what was there: not a day
    assert field.line.text() == "2024-01-102024-03-15"
    assert form.messages["planned_start_date"].isVisible()
    assert not form.save_button.isEnabled()


def test_calendar_popup_picks_a_day(qtbot: QtBot, new_db: Database) -> None:
    form = open_form(qtbot, new_db)
    field = form.dates["signed_date"]
    qtbot.keyClicks(field.line, "2024-03-01")
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    popup = field.popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    calendar = popup.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2024, 3)
    view = calendar.findChild(QTableView)
    assert view is not None
    model = view.model()
    cells = [
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data() in (15, "15")
    ]
    assert len(cells) == 1  # the 15th appears once in a month's sheet
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cells[0]).center()
    )
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert field.line.text() == "2024-03-15"
    assert field.value() == D(2024, 3, 15)
    assert field.echo.text() == "2024-03-15"


def test_calendar_opens_from_the_keyboard_on_an_empty_field(qtbot: QtBot, new_db: Database) -> None:
    form = open_form(qtbot, new_db)
    field = form.dates["production_date"]
    click_into(qtbot, field)
    qtbot.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.popup is not None
    qtbot.waitUntil(field.popup.isVisible)
    qtbot.keyClick(field.popup.calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: field.popup is not None and not field.popup.isVisible())
    assert field.line.text() == ""  # opening the calendar fills in nothing


def test_signed_project_without_signing_date_cannot_be_saved(
    qtbot: QtBot, new_db: Database
) -> None:
    form = open_form(qtbot, new_db)
    type_text(qtbot, form.name, "无日期项目")
    assert form.stage.currentData() is Stage.SIGNED
    message = form.messages["signed_date"]
    assert message.isVisible() and message.text() == qt_tr(M_SIGNED_NEEDS_DATE)
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.keyClick(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible()
    assert new_db.scalar("SELECT count(*) FROM projects") == 0

    # In production: its production date dates the stage, so it is asked for too.
    form.stage.setCurrentIndex(form.stage.findData(Stage.IN_PRODUCTION))
    qtbot.keyClicks(form.dates["signed_date"].line, "2023-05-01")
    production = form.messages["production_date"]
    assert production.isVisible()
    assert production.text() == qt_tr(M_STAGE_NEEDS_DATE, qt_tr(Stage.IN_PRODUCTION.text))
    assert not form.save_button.isEnabled()
    qtbot.keyClicks(form.dates["production_date"].line, "2024/2/1")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    project = stored(new_db, "无日期项目")
    assert project.id is not None
    assert [(h.stage, h.date) for h in stage_history(new_db, project.id)] == [
        (Stage.SIGNED, D(2023, 5, 1)),
        (Stage.IN_PRODUCTION, D(2024, 2, 1)),
    ]


def test_editing_a_signed_project_asks_for_its_signing_date(qtbot: QtBot, new_db: Database) -> None:
    # As older data and imports may hold it: a signed project with no signing date.
    project = add_stored(
        new_db, Project(PARK, "旧项目", Stage.SIGNED), [(Stage.SIGNED, D(2024, 2, 2))]
    )
    form = open_form(qtbot, new_db, project)
    assert form.messages["signed_date"].text() == qt_tr(M_SIGNED_NEEDS_DATE)
    assert not form.save_button.isEnabled()
    qtbot.keyClicks(form.dates["signed_date"].line, "20240202")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert stored(new_db, "旧项目").signed_date == D(2024, 2, 2)
