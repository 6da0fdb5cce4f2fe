"""Adding, editing and deleting parks from the Parks page: the form, the refusals, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QFocusEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from parktracker.services.parks import get_park, list_parks
from parktracker.storage.database import Database, open_database
from parktracker.ui.dialogs.park_form import ParkForm, split_list
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.parks import ParksPage
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window

XINXING = "青岛市新型显示产业园"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box a test does not expect fails it (instead of blocking the run)."""

    def unexpected(*args: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:]}")

    for name in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database) -> Iterator[MainWindow]:
    win = build_window(Session(demo_db, demo=True))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    page = win.page_of(ParksPage)
    assert page is not None
    win.show_page(page)
    yield win


def parks_page(window: MainWindow) -> ParksPage:
    page = window.page_of(ParksPage)
    assert isinstance(page, ParksPage)
    return page


def recorder(texts: list[str], answer: object) -> Any:
    """A stand-in for a static QMessageBox function: notes the text, gives ``answer``."""

    def box(_parent: object, _title: str, text: str, *_rest: object) -> object:
        texts.append(text)
        return answer

    return box


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does (QTest.keyClicks knows ASCII keys only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def replace_text(qtbot: QtBot, widget: Any, text: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def column_texts(page: ParksPage, header: str) -> dict[str, str]:
    model = page.table.model
    column = next(i for i, c in enumerate(model.columns) if c.header == header)
    proxy = page.table.proxy
    return {
        str(proxy.index(r, 0).data()): str(proxy.index(r, column).data())
        for r in range(proxy.rowCount())
    }


def select(page: ParksPage, name: str) -> None:
    page.table.select_where(lambda r: r.park.name == name)
    assert page.table.selected_record().park.name == name


def open_form(qtbot: QtBot, page: ParksPage, action: Any) -> ParkForm:
    action.trigger()
    form = page.table.form
    assert isinstance(form, ParkForm)
    qtbot.waitExposed(form)
    form.activateWindow()  # keyboard focus and shortcuts, as on screen
    qtbot.waitUntil(form.isActiveWindow)
    return form


def park_named(db: Database, name: str) -> Any:
    return next((p for p in list_parks(db) if p.name == name), None)


def test_editing_the_location_updates_table_and_database_and_undo_restores(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    page = parks_page(window)
    select(page, XINXING)
    before = park_named(demo_db, XINXING)
    assert before.location == "青岛经济技术开发区"
    form = open_form(qtbot, page, window.menus.edit)
    assert form.location.text() == "青岛经济技术开发区"
    assert form.chain_leaders.text() == "京东方"
    replace_text(qtbot, form.location, "西海岸新区")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert column_texts(page, "Location")[XINXING] == "西海岸新区"
    after = get_park(demo_db, before.id)
    assert after is not None and after.location == "西海岸新区"
    assert after.partner_parks == before.partner_parks  # untouched fields kept
    assert page.session.undo_stack.undoText() == f"Edit park “{XINXING}”"
    assert page.table.selected_record().park.name == XINXING

    window.menus.undo.trigger()
    assert column_texts(page, "Location")[XINXING] == "青岛经济技术开发区"
    restored = get_park(demo_db, before.id)
    assert restored == before


def test_form_shows_problems_beside_the_fields(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = parks_page(window)
    form = open_form(qtbot, page, window.menus.add)
    assert form.windowTitle() == "Add park"
    assert not form.save_button.isEnabled()
    # An empty new form does not scold before the user has been anywhere...
    assert not form.messages["name"].isVisible()
    # ...but an attempt to save (Ctrl+Enter; the button is disabled) says what is missing.
    qtbot.keyClick(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible()
    assert form.messages["name"].isVisible()
    assert form.messages["name"].text() == "This field is required."
    type_text(form.name, XINXING)
    type_text(form.short_name, "新型显示")
    type_text(form.industry, "新型显示")
    message = form.messages["name"]
    assert message.isVisible()
    assert message.text() == f"Another park is already named “{XINXING}”."
    assert not form.save_button.isEnabled()
    replace_text(qtbot, form.name, "青岛市新型显示产业园二期")
    assert not message.isVisible()
    assert form.save_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", recorder(asked, QMessageBox.StandardButton.Discard)
    )
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # typed text: asks before throwing it away
    assert len(asked) == 1
    assert not form.isVisible()
    assert park_named(page.session.db, "青岛市新型显示产业园二期") is None
    assert page.session.undo_stack.count() == 0


def test_deleting_a_park_with_projects_is_refused_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    translator = QTranslator()
    assert translator.load("parktracker_zh_CN", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    shown: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", recorder(shown, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", recorder(asked, QMessageBox.StandardButton.Yes))
    try:
        page = parks_page(window)
        select(page, XINXING)
        park = park_named(demo_db, XINXING)
        projects = demo_db.scalar("SELECT count(*) FROM projects WHERE park_id = ?", [park.id])
        window.menus.delete.trigger()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert len(shown) == 1
    assert XINXING in shown[0]
    assert f"该园区仍有项目{projects}个" in shown[0]
    assert asked == []  # nothing to confirm: it cannot be done
    assert page.table.proxy.rowCount() == 8
    assert get_park(demo_db, park.id) == park
    assert page.session.undo_stack.count() == 0


def test_add_then_delete_a_park_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = parks_page(window)
    form = open_form(qtbot, page, window.menus.add)
    type_text(form.name, "青岛市测试产业园")
    type_text(form.short_name, "测试产业园")
    type_text(form.industry, "测试")
    type_text(form.location, "城阳区")
    type_text(form.chain_leaders, "甲公司、乙公司, 丙公司")
    type_text(form.partner_parks, "丁园")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert page.table.proxy.rowCount() == 9
    added = park_named(demo_db, "青岛市测试产业园")
    assert added is not None
    assert added.chain_leaders == ["甲公司", "乙公司", "丙公司"]
    assert added.partner_parks == ["丁园"]
    assert added.sort_order > max(p.sort_order for p in list_parks(demo_db) if p != added)
    names = [str(page.table.proxy.index(r, 0).data()) for r in range(9)]
    assert names[-1] == "青岛市测试产业园"  # after the eight, in sort order
    assert page.table.selected_record().park.name == "青岛市测试产业园"
    assert page.session.undo_stack.undoText() == "Add park “青岛市测试产业园”"

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", recorder(asked, QMessageBox.StandardButton.Yes))
    window.menus.delete.trigger()
    assert len(asked) == 1 and "青岛市测试产业园" in asked[0]
    assert page.table.proxy.rowCount() == 8
    assert get_park(demo_db, added.id) is None
    assert page.session.undo_stack.undoText() == "Delete park “青岛市测试产业园”"

    window.menus.undo.trigger()
    assert page.table.proxy.rowCount() == 9
    assert get_park(demo_db, added.id) == added


def test_declining_the_confirmation_keeps_the_park(
    qtbot: QtBot, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = parks_page(window)
    form = open_form(qtbot, page, window.menus.add)
    for edit, text in ((form.name, "空园区"), (form.short_name, "空园区"), (form.industry, "无")):
        type_text(edit, text)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    window.menus.delete.trigger()
    assert park_named(demo_db, "空园区") is not None
    assert page.table.proxy.rowCount() == 9


def test_edit_and_delete_from_the_detail_view(
    qtbot: QtBot, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = parks_page(window)
    form = open_form(qtbot, page, window.menus.add)
    for edit, text in ((form.name, "临时园区"), (form.short_name, "临时"), (form.industry, "无")):
        type_text(edit, text)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    page.table.open_selected()
    assert page.showing_detail() and page.detail.heading.text() == "临时园区"
    assert window.menus.edit.isEnabled() and window.menus.delete.isEnabled()

    form = open_form(qtbot, page, window.menus.edit)
    type_text(form.notes, "二〇二四年新设")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert page.detail.facts["notes"].text() == "二〇二四年新设"

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.menus.delete.trigger()
    assert not page.showing_detail()
    assert park_named(demo_db, "临时园区") is None

    # Undoing the deletion and then the addition while the park is open returns to the list.
    window.menus.undo.trigger()
    page.open_park(park_named(demo_db, "临时园区").id)
    assert page.showing_detail()
    window.menus.undo.trigger()  # the notes
    window.menus.undo.trigger()  # the addition
    assert not page.showing_detail()
    assert page.table.proxy.rowCount() == 8


def test_read_only_session_disables_add_edit_delete(qtbot: QtBot, demo_path: Path) -> None:
    db = open_database(demo_path, readonly=True)
    try:
        win = build_window(Session(db))
        qtbot.addWidget(win)
        win.show()
        page = parks_page(win)
        win.show_page(page)
        select(page, XINXING)
        assert not page.can_add() and not page.can_edit() and not page.can_delete()
        assert not win.menus.add.isEnabled()
        assert not win.menus.edit.isEnabled()
        assert not win.menus.delete.isEnabled()
        page.add()
        page.edit()
        page.delete()
        assert page.table.form is None
        # Reading still works: the park opens in detail.
        page.table.open_selected()
        assert page.showing_detail()
        assert not win.menus.edit.isEnabled()
    finally:
        db.close()


def test_split_list_accepts_the_separators_of_reports() -> None:
    assert split_list("京东方、海信，歌尔; 京东方\n  ") == ["京东方", "海信", "歌尔"]
    assert split_list("  ") == []


def test_a_required_field_speaks_up_once_it_is_left_empty(qtbot: QtBot, window: MainWindow) -> None:
    page = parks_page(window)
    form = open_form(qtbot, page, window.menus.add)
    form.name.setFocus()
    assert not form.messages["name"].isVisible()
    # Another window or a menu taking the focus is not leaving the field.
    for reason in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
        QApplication.sendEvent(form.name, QFocusEvent(QEvent.Type.FocusOut, reason))
    for _ in range(5):
        QApplication.processEvents()
    assert not form.messages["name"].isVisible()
    form.short_name.setFocus()  # left without typing
    qtbot.waitUntil(form.messages["name"].isVisible)
    assert form.messages["name"].text() == "This field is required."
    assert not form.messages["industry"].isVisible()  # not visited yet
    assert not form.save_button.isEnabled()
    form.reject()


def test_a_disabled_save_says_why_in_its_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    page = parks_page(window)
    form = open_form(qtbot, page, window.menus.add)
    assert not form.save_button.isEnabled()
    tip = form.save_button.toolTip()
    assert tip.startswith("Not ready to save:")
    # Said here before it is said beside the field, under the label without its mnemonic.
    assert "\nName: This field is required." in tip
    type_text(form.name, "青岛市新型显示产业园二期")
    type_text(form.short_name, "显示二期")
    type_text(form.industry, "新型显示")
    assert form.save_button.isEnabled()
    assert form.save_button.toolTip() == ""
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
