"""The Projects page with real widgets on the demo database: filters, search, footer, the
project form (typing, validation beside the fields, Save) and the View menu switch."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import Stage
from parktracker.domain.money import MSG_NOT_A_NUMBER, Money
from parktracker.domain.number_format import DEFAULT_FORMAT, exact_text
from parktracker.domain.validation import M_OVER_PLAN, M_REQUIRED, M_START_BEFORE_SIGNED
from parktracker.services.projects import get_project, stage_history
from parktracker.storage.database import Database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr

HANBO = "翰博光电生产基地项目"


def make_page(qtbot: QtBot, db: Database) -> ProjectsPage:
    page = ProjectsPage(Session(db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def column(page: ProjectsPage, index: int) -> list[str]:
    model = page.view.model()
    return [model.index(row, index).data() for row in range(model.rowCount())]


def column_tips(page: ProjectsPage, index: int) -> list[str]:
    model = page.view.model()
    return [
        model.index(row, index).data(Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())
    ]


def names(page: ProjectsPage) -> list[str]:
    return column(page, 1)


def row_of(page: ProjectsPage, name: str) -> int:
    return names(page).index(name)


def select(page: ProjectsPage, name: str) -> int:
    row = row_of(page, name)
    page.view.selectRow(row)
    assert page.selected_id() is not None
    return row


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` as a user would: ASCII as key clicks, Chinese as input-method commits
    (QTest cannot click keys for characters outside Latin-1), one word at a time."""
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator (its centre may be empty space in a form)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def search(qtbot: QtBot, page: ProjectsPage, text: str) -> None:
    page.search.clear()
    type_text(qtbot, page.search, text)
    qtbot.waitUntil(lambda: not page.search_timer.isActive())


def project_id(db: Database, name: str) -> int:
    return int(db.scalar("SELECT id FROM projects WHERE name = ?", [name]))


def drive(monkeypatch: pytest.MonkeyPatch, cls: type, steps: Callable[[object], None]) -> None:
    """Make ``cls.exec`` show the dialog and run ``steps`` on it instead of blocking."""

    def fake_exec(dialog: object) -> int:
        dialog.show()  # type: ignore[attr-defined]
        steps(dialog)
        return int(dialog.result())  # type: ignore[attr-defined]

    monkeypatch.setattr(cls, "exec", fake_exec)


def message(form: ProjectForm, field: str) -> QLabel:
    label = form.findChild(QLabel, f"message_{field}")
    assert isinstance(label, QLabel)
    return label


# ---------------------------------------------------------------- the table


def test_table_shows_projects_with_translated_stages_and_exact_amounts(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = make_page(qtbot, demo_db)
    row = row_of(page, HANBO)
    texts = [page.view.model().index(row, c).data() for c in range(12)]
    project = get_project(demo_db, project_id(demo_db, HANBO))
    assert project is not None and project.planned_total is not None
    assert texts[0] == "新型显示产业园"
    assert texts[3] == qt_tr(Stage.UNDER_CONSTRUCTION.text)
    assert texts[5] == DEFAULT_FORMAT.number(project.planned_total)
    tip = page.view.model().index(row, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == exact_text(project.planned_total)
    assert texts[8] == str(project.signed_date)
    align = page.view.model().index(row, 5).data(Qt.ItemDataRole.TextAlignmentRole)
    assert align & int(Qt.AlignmentFlag.AlignRight)
    assert "亿元" in page.view.model().headerData(5, Qt.Orientation.Horizontal)
    # Sorting by planned total, then the other way round.
    page.view.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    amounts = [Money.yi(t.replace(",", "")) for t in column(page, 5) if t]
    assert amounts == sorted(amounts)
    page.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    amounts = [Money.yi(t.replace(",", "")) for t in column(page, 5) if t]
    assert amounts == sorted(amounts, reverse=True)


def test_find_as_you_type_with_a_two_character_chinese_word(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = make_page(qtbot, demo_db)
    search(qtbot, page, "光电")
    assert sorted(names(page)) == sorted(
        [HANBO, "万达光电(青岛)智造生产基地", "光电传感器项目（示例）"]
    )
    assert page.record_count() == 3
    search(qtbot, page, "光电生产")
    assert names(page) == [HANBO]
    search(qtbot, page, "没有这样的项目")
    assert names(page) == []
    assert "0" in page.footer.text()
    page.search.clear()
    qtbot.waitUntil(lambda: not page.search_timer.isActive())
    assert len(names(page)) == 86


def test_keys_typed_while_a_search_runs_make_one_search_for_the_last(
    qtbot: QtBot, demo_db: Database
) -> None:
    """The search waits for no pause, but keys that arrive together (typed while the last
    search ran) are answered once, for the text they make."""
    page = make_page(qtbot, demo_db)
    counts: list[int] = []
    page.count_changed.connect(counts.append)
    qtbot.keyClicks(page.search, "HANBO")  # five keys before the event loop runs again
    assert page.search_timer.isActive() and counts == []
    qtbot.waitUntil(lambda: not page.search_timer.isActive())
    assert counts == [0] and names(page) == []
    page.search.clear()
    type_text(qtbot, page.search, "翰博")
    qtbot.waitUntil(lambda: not page.search_timer.isActive())
    assert counts == [0, 1] and names(page) == [HANBO]


def test_terminated_projects_are_hidden_until_switched_on(qtbot: QtBot, demo_db: Database) -> None:
    page = make_page(qtbot, demo_db)
    terminated = qt_tr(Stage.TERMINATED.text)
    assert terminated not in column(page, 3)
    assert page.record_count() == 86
    tick(qtbot, page.show_terminated)
    assert column(page, 3).count(terminated) == 2
    assert page.record_count() == 88
    action = page.view_actions()[0]
    assert action.isCheckable() and action.isChecked()
    action.trigger()  # the View menu's switch
    assert not page.show_terminated.isChecked()
    assert terminated not in column(page, 3)


def test_footer_sums_the_filtered_projects_exactly(qtbot: QtBot, demo_db: Database) -> None:
    page = make_page(qtbot, demo_db)
    page.stage_filter.setCurrentIndex(page.stage_filter.findData(Stage.UNDER_CONSTRUCTION))
    assert page.record_count() == 50
    assert "50" in page.footer.text()
    assert "1351.4 亿元" in page.footer.text()
    park = page.park_filter.findText("新型显示产业园")
    page.park_filter.setCurrentIndex(park)
    shown = column(page, 0)
    assert shown and set(shown) == {"新型显示产业园"}
    # The footer sums the exact figures, not the rounded ones shown in the column.
    tips = column_tips(page, 5)
    planned = Money.total([Money(int(t.split("= ")[1].split(" ")[0])) for t in tips if t])
    assert DEFAULT_FORMAT.amount(planned) in page.footer.text()
    tick(qtbot, page.key_only)
    assert len(names(page)) < len(shown)
    assert set(column(page, 11)) <= {page.model.tr("Yes")}


def test_year_filter_lists_signing_years(qtbot: QtBot, demo_db: Database) -> None:
    page = make_page(qtbot, demo_db)
    years = [page.year_filter.itemData(i) for i in range(1, page.year_filter.count())]
    assert 2024 in years and years == sorted(years, reverse=True)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2024))
    assert column(page, 8) and all(d.startswith("2024") for d in column(page, 8))


def test_page_loads_when_first_shown_and_after_changes_made_while_hidden(
    qtbot: QtBot, demo_db: Database
) -> None:
    from parktracker.services.projects import delete_project

    page = ProjectsPage(Session(demo_db))
    qtbot.addWidget(page)
    assert not page.model.loaded and page.model.rowCount() == 0  # nothing read yet
    page.show()
    qtbot.waitExposed(page)
    assert page.model.loaded and HANBO in names(page)
    page.hide()
    pid = project_id(demo_db, HANBO)
    page.session.perform("delete", lambda db: delete_project(db, project_id=pid))
    assert HANBO in names(page)  # hidden pages wait...
    page.show()
    assert HANBO not in names(page)  # ...and catch up when shown
    assert "85" in page.footer.text()


# ---------------------------------------------------------------- the form


def test_add_a_project_through_the_form(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, demo_db)

    def fill_in(dialog: object) -> None:
        form = dialog
        assert isinstance(form, ProjectForm)
        form.park.setCurrentIndex(form.park.findText("新型显示产业园"))
        type_text(qtbot, form.name, "青岛光电新材料产业化项目")
        type_text(qtbot, form.company, "青岛测试光电科技有限公司")
        form.stage.setCurrentIndex(form.stage.findData(Stage.UNDER_CONSTRUCTION))
        qtbot.keyClicks(form.planned_total.line, "12.5")
        form.dates["signed_date"].set_value(dt.date(2024, 1, 10))
        form.dates["actual_start_date"].set_value(dt.date(2024, 3, 1))
        tick(qtbot, form.is_key)
        assert form.save_button.isEnabled()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, ProjectForm, fill_in)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    new_id = project_id(demo_db, "青岛光电新材料产业化项目")
    project = get_project(demo_db, new_id)
    assert project is not None
    assert project.planned_total == Money.yi("12.5")
    assert project.stage is Stage.UNDER_CONSTRUCTION and project.is_key
    assert [(h.stage, h.date) for h in stage_history(demo_db, new_id)] == [
        (Stage.SIGNED, dt.date(2024, 1, 10)),
        (Stage.UNDER_CONSTRUCTION, dt.date(2024, 3, 1)),
    ]
    row = row_of(page, "青岛光电新材料产业化项目")
    assert page.selected_id() == new_id
    assert page.view.model().index(row, 5).data() == "12.5"  # one fixed decimal
    assert page.view.model().index(row, 3).data() == qt_tr(Stage.UNDER_CONSTRUCTION.text)
    assert page.session.undo_stack.undoText() == page.tr("Add project “%1”").replace(
        "%1", "青岛光电新材料产业化项目"
    )


def test_validation_messages_beside_fields_and_save_disabled(
    qtbot: QtBot, demo_db: Database
) -> None:
    form = ProjectForm(Session(demo_db), park_id=1)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    assert not form.save_button.isEnabled()
    assert not message(form, "name").isVisible()  # quiet until the user has been there
    qtbot.keyClick(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible()  # not saved: the attempt says what is missing
    assert message(form, "name").isVisible()
    assert message(form, "name").text() == qt_tr(M_REQUIRED)
    type_text(qtbot, form.name, "测试项目")
    assert not form.save_button.isEnabled()  # a signed project needs its signing date
    qtbot.keyClicks(form.dates["signed_date"].line, "2024-05-01")
    assert form.save_button.isEnabled()
    assert not message(form, "name").isVisible()

    qtbot.keyClicks(form.planned_total.line, "abc")
    assert message(form, "planned_total").isVisible()
    assert message(form, "planned_total").text() == qt_tr(MSG_NOT_A_NUMBER)
    assert not form.save_button.isEnabled()
    form.planned_total.line.clear()
    qtbot.keyClicks(form.planned_total.line, "1,234.5")
    assert form.save_button.isEnabled()
    assert form.planned_total.value() == Money.yi("1234.5")

    qtbot.keyClicks(form.dates["actual_start_date"].line, "2024-04-01")
    label = message(form, "actual_start_date")
    assert label.isVisible() and label.text() == qt_tr(M_START_BEFORE_SIGNED)
    assert not form.save_button.isEnabled()
    form.dates["actual_start_date"].line.clear()
    qtbot.keyClicks(form.dates["actual_start_date"].line, "2024-05-02")
    assert not label.isVisible()
    assert form.save_button.isEnabled()

    # A name already used in the park is refused beside the name.
    form.name.setText("中微创芯智能功率模块(IPM)项目")
    assert message(form, "name").isVisible()
    assert not form.save_button.isEnabled()


def test_over_plan_reason_appears_and_is_required(qtbot: QtBot, demo_db: Database) -> None:
    project = get_project(demo_db, project_id(demo_db, HANBO))
    assert project is not None
    form = ProjectForm(Session(demo_db), project)
    qtbot.addWidget(form)
    form.show()
    assert not form.over_plan_reason.isVisible()
    form.planned_total.line.clear()
    qtbot.keyClicks(form.planned_total.line, "1")  # far below what was already completed
    assert form.over_plan_reason.isVisible()
    warning = message(form, "over_plan_reason")
    assert warning.isVisible()
    assert warning.text().startswith(qt_tr(M_OVER_PLAN).split("%1")[0])
    assert not form.save_button.isEnabled()
    type_text(qtbot, form.over_plan_reason, "规模调整，追加投资")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = get_project(demo_db, project.id or 0)
    assert saved is not None
    assert saved.planned_total == Money.yi(1)
    assert saved.over_plan_reason == "规模调整，追加投资"


def test_edit_form_shows_stage_read_only_with_history(qtbot: QtBot, demo_db: Database) -> None:
    project = get_project(demo_db, project_id(demo_db, HANBO))
    assert project is not None
    form = ProjectForm(Session(demo_db), project)
    qtbot.addWidget(form)
    form.show()
    assert form.stage_label.text() == qt_tr(Stage.UNDER_CONSTRUCTION.text)
    assert form.advance_button.isEnabled()
    history = stage_history(demo_db, project.id or 0)
    assert form.history.rowCount() == len(history) > 0
    assert form.history.item(0, 0).text() == history[0].date.isoformat()
    assert form.history.item(len(history) - 1, 1).text() == qt_tr(Stage.UNDER_CONSTRUCTION.text)


def test_read_only_session_disables_editing(qtbot: QtBot, demo_path: object) -> None:
    from parktracker.storage.database import open_database

    db = open_database(demo_path, readonly=True)  # type: ignore[arg-type]
    try:
        page = make_page(qtbot, db)
        select(page, HANBO)
        assert not page.can_add() and not page.can_edit()
        assert not page.add_button.isEnabled() and not page.delete_action.isEnabled()
        assert not page.stage_button.isEnabled()
    finally:
        db.close()


def test_enter_edits_the_selected_project(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, demo_db)
    select(page, HANBO)
    opened: list[str] = []

    def look(dialog: object) -> None:
        assert isinstance(dialog, ProjectForm)
        opened.append(dialog.name.text())
        dialog.reject()

    drive(monkeypatch, ProjectForm, look)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    assert opened == [HANBO, HANBO]
