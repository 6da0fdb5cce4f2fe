"""The Platforms & Enterprises page: two tabs, their filters, forms, undo and read-only mode."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from confirm_helpers import DISCARD_QUESTION, close_with_answer
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel
from parktracker.services.platforms_enterprises_listing import (
    get_enterprise,
    get_platform,
    list_enterprises,
    list_platforms,
)
from parktracker.storage.database import Database
from parktracker.ui.dialogs.platform_enterprise_forms import EnterpriseForm, PlatformForm
from parktracker.ui.pages.platforms_enterprises import PlatformsEnterprisesPage, PlatformsTab
from parktracker.ui.session import Session

LAB = "集成电路重点实验室1（示例）"
PILOT = "集成电路中试基地2（示例）"


def _page(qtbot: QtBot, db: Database) -> PlatformsEnterprisesPage:
    page = PlatformsEnterprisesPage(Session(db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` as a user does: ASCII as key presses, Chinese as an input method commits it
    (QTest cannot synthesize key events for non-ASCII characters)."""
    chunk = ""
    for char in [*text, None]:
        if char is not None and not char.isascii():
            chunk += char
            continue
        if chunk:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)
            chunk = ""
        if char is not None:
            qtbot.keyClicks(widget, char)


def _drive(monkeypatch: pytest.MonkeyPatch, cls: type, steps: Callable[[Any], None]) -> None:
    def fake_exec(form: Any) -> int:
        form.show()
        steps(form)
        return int(form.result())

    monkeypatch.setattr(cls, "exec", fake_exec)


def _answer_questions(monkeypatch: pytest.MonkeyPatch, answer: Any) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> Any:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _names(tab: Any) -> list[str]:
    return [tab.proxy.index(i, 0).data() for i in range(tab.proxy.rowCount())]


def _cells(tab: Any, name: str) -> dict[str, str] | None:
    headers = [c.header for c in tab.model.columns]
    for row in range(tab.proxy.rowCount()):
        cells = [tab.proxy.index(row, c).data() for c in range(len(headers))]
        if cells[0] == name:
            return dict(zip(headers, cells, strict=True))
    return None


def _select(tab: Any, name: str) -> None:
    tab.select_where(lambda r: r.name == name)
    assert tab.selected_record() is not None and tab.selected_record().name == name


def _platform(db: Database, name: str) -> Any:
    return next(r.platform for r in list_platforms(db) if r.name == name)


def test_platform_add_with_a_duplicate_name_is_refused_beside_the_name(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db)
    assert page.tabs.currentWidget() is page.platforms
    before = len(list_platforms(demo_db))

    def fill_in(form: PlatformForm) -> None:
        form.park.setCurrentIndex(form.park.findText("生物医药及医疗器械产业园"))
        _type(qtbot, form.name, "康复大学")  # already a platform of this park
        assert form.messages["name"].isVisible()
        assert "康复大学" in form.messages["name"].text()
        assert not form.save_button.isEnabled()
        form.park.setCurrentIndex(form.park.findText("人工智能产业园"))  # another park: fine
        assert not form.messages["name"].isVisible()
        form.level.setCurrentIndex(form.level.findData(PlatformLevel.NATIONAL))
        form.kind.setCurrentIndex(form.kind.findData(PlatformKind.KEY_LAB))
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    _drive(monkeypatch, PlatformForm, fill_in)
    page.add()

    assert len(list_platforms(demo_db)) == before + 1
    added = [r for r in list_platforms(demo_db) if r.name == "康复大学"]
    assert sorted(r.park_name for r in added) == ["人工智能产业园", "生物医药及医疗器械产业园"]
    stored = next(r.platform for r in added if r.park_name == "人工智能产业园")
    assert (stored.level, stored.kind) == (PlatformLevel.NATIONAL, PlatformKind.KEY_LAB)
    assert page.platforms.selected_record().id == stored.id
    assert f"{before + 1} platforms, of which 26 at provincial level or above" in (
        page.platforms.footer.text()
    )
    assert page.session.undo_stack.undoText() == "Add platform “康复大学”"


def test_platform_edit_duplicate_name_then_rename_undo_redo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db)
    lab = _platform(demo_db, LAB)
    _select(page.platforms, LAB)
    assert page.can_edit()

    def rename(form: PlatformForm) -> None:
        assert form.name.text() == LAB
        form.name.clear()
        _type(qtbot, form.name, PILOT)  # another platform of the same park
        assert form.messages["name"].isVisible()
        assert PILOT in form.messages["name"].text()
        assert not form.save_button.isEnabled()
        form.name.clear()
        _type(qtbot, form.name, "青岛集成电路省级重点实验室")
        assert not form.messages["name"].isVisible()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    _drive(monkeypatch, PlatformForm, rename)
    page.edit()

    assert _cells(page.platforms, LAB) is None
    cells = _cells(page.platforms, "青岛集成电路省级重点实验室")
    assert cells is not None and cells["Park"] == "集成电路产业园"
    renamed = get_platform(demo_db, lab.id)
    assert renamed is not None and renamed.name == "青岛集成电路省级重点实验室"
    assert page.session.undo_stack.undoText() == "Edit platform “青岛集成电路省级重点实验室”"

    page.session.undo()
    assert _cells(page.platforms, LAB) is not None
    assert get_platform(demo_db, lab.id) == lab

    page.session.redo()
    assert _cells(page.platforms, "青岛集成电路省级重点实验室") is not None
    again = get_platform(demo_db, lab.id)
    assert again is not None and again.name == "青岛集成电路省级重点实验室"


def test_platform_level_filter_provincial_or_above(qtbot: QtBot, demo_db: Database) -> None:
    page = _page(qtbot, demo_db)
    tab = page.platforms
    tab.level_filter.setCurrentIndex(1)  # provincial or above
    assert tab.record_count() == 25
    assert "25 platforms, of which 25 at provincial level or above" in tab.footer.text()
    levels = {tab.proxy.index(i, 2).data() for i in range(tab.proxy.rowCount())}
    assert levels == {"National", "Provincial"}
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(PlatformKind.INNOVATION_CENTRE))
    expected = [
        r.name
        for r in list_platforms(demo_db)
        if r.platform.level.provincial_or_above
        and r.platform.kind is PlatformKind.INNOVATION_CENTRE
    ]
    assert expected and sorted(_names(tab)) == sorted(expected)


def test_enterprise_tag_filter_little_giants_of_the_ai_park(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = _page(qtbot, demo_db)
    counts: list[int] = []
    page.count_changed.connect(counts.append)
    page.tabs.setCurrentWidget(page.enterprises)
    tab = page.enterprises
    assert page.record_count() == len(list_enterprises(demo_db))
    tab.park_filter.setCurrentIndex(tab.park_filter.findText("人工智能产业园"))
    tab.tag_filter.setCurrentIndex(tab.tag_filter.findData(EnterpriseTag.LITTLE_GIANT))
    assert page.record_count() == 7
    assert counts[-1] == 7  # the status bar follows the visible tab
    assert "7 enterprises, of which 7 little giants" in tab.footer.text()
    assert "(7)" in page.tabs.tabText(1)
    tags = {tab.proxy.index(i, 2).data() for i in range(tab.proxy.rowCount())}
    assert all("Little giant" in t for t in tags)
    expected = sorted(
        r.name
        for r in list_enterprises(demo_db)
        if r.park_name == "人工智能产业园" and EnterpriseTag.LITTLE_GIANT in r.enterprise.tags
    )
    assert sorted(_names(tab)) == expected
    # The platforms tab is not filtered by the enterprises tab.
    assert page.platforms.record_count() == len(list_platforms(demo_db))


def test_enterprise_add_with_tags_routes_to_visible_tab_delete_and_undo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db)
    page.tabs.setCurrentWidget(page.enterprises)
    tab = page.enterprises
    tab.park_filter.setCurrentIndex(tab.park_filter.findText("氢能与储能产业园"))
    opened: list[str] = []
    monkeypatch.setattr(PlatformForm, "exec", lambda form: opened.append("platform") or 0)

    def fill_in(form: EnterpriseForm) -> None:
        opened.append("enterprise")
        assert form.park.currentText() == "氢能与储能产业园"  # the filter's park
        _type(qtbot, form.name, "青岛氢储能源科技有限公司")
        qtbot.mouseClick(form.tags.boxes[EnterpriseTag.LITTLE_GIANT], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(form.tags.boxes[EnterpriseTag.HIGH_TECH], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    _drive(monkeypatch, EnterpriseForm, fill_in)
    page.add()
    assert opened == ["enterprise"]

    cells = _cells(tab, "青岛氢储能源科技有限公司")
    assert cells is not None
    assert cells["Tags"] == "Little giant、High-tech enterprise"
    stored = next(r.enterprise for r in list_enterprises(demo_db) if r.name == cells["Enterprise"])
    assert stored.tags == frozenset({EnterpriseTag.LITTLE_GIANT, EnterpriseTag.HIGH_TECH})
    assert page.session.undo_stack.undoText() == "Add enterprise “青岛氢储能源科技有限公司”"

    asked = _answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    _select(tab, "青岛氢储能源科技有限公司")
    page.delete()
    assert asked and "青岛氢储能源科技有限公司" in asked[0]
    assert _cells(tab, "青岛氢储能源科技有限公司") is None
    assert get_enterprise(demo_db, stored.id) is None
    assert page.session.undo_stack.undoText() == "Delete enterprise “青岛氢储能源科技有限公司”"
    page.session.undo()
    assert _cells(tab, "青岛氢储能源科技有限公司") is not None
    assert get_enterprise(demo_db, stored.id) == stored


def test_each_tab_has_its_own_find_as_you_type(qtbot: QtBot, demo_db: Database) -> None:
    page = _page(qtbot, demo_db)
    page.tabs.setCurrentWidget(page.enterprises)
    with qtbot.waitActive(page):
        page.activateWindow()
    page.focus_search()  # Edit → Find goes to the visible tab's search box
    assert QApplication.focusWidget() is page.enterprises.search
    _type(qtbot, page.enterprises.search, "京东")
    assert _names(page.enterprises) == ["京东方"]
    assert page.record_count() == 1
    assert page.platforms.record_count() == len(list_platforms(demo_db))

    page.tabs.setCurrentWidget(page.platforms)
    _type(qtbot, page.platforms.search, "康复")
    assert _names(page.platforms) == ["康复大学"]
    assert page.record_count() == 1
    assert _names(page.enterprises) == ["京东方"]


def test_read_only_session_disables_add_and_edit_on_both_tabs(
    qtbot: QtBot, demo_path: object
) -> None:
    from parktracker.storage.database import open_database

    db = open_database(demo_path, readonly=True)  # type: ignore[arg-type]
    try:
        page = _page(qtbot, db)
        for tab in (page.platforms, page.enterprises):
            page.tabs.setCurrentWidget(tab)
            tab.view.selectRow(0)
            assert tab.selected_record() is not None
            assert not page.can_add()
            assert not page.can_edit()
            assert not page.can_delete()
        form = PlatformForm(page.session, _platform(db, LAB), parent=page)
        form.name.setText("另一个名称")
        assert not form.save_button.isEnabled()
        # What was typed cannot be saved, but closing still asks before throwing it away:
        # "Cancel" keeps the form open with the text, "Discard" closes it.
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        assert close_with_answer(qtbot, form, QMessageBox.StandardButton.Cancel) == [
            DISCARD_QUESTION
        ]
        assert form.isVisible()
        assert close_with_answer(qtbot, form, QMessageBox.StandardButton.Discard) == [
            DISCARD_QUESTION
        ]
        assert not form.isVisible()
    finally:
        db.close()


def test_tab_titles_and_window_routing_types(qtbot: QtBot, new_db: Database) -> None:
    page = _page(qtbot, new_db)
    assert isinstance(page.current_tab(), PlatformsTab)
    assert page.record_count() == 0
    assert "(0)" in page.tabs.tabText(0)
    assert page.can_add()
    assert not page.can_edit()
