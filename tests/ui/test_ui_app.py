"""The application controller: language switch, the single-writer lock, undo naming."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators
from parktracker.domain.models import Park
from parktracker.i18n import set_language
from parktracker.services.parks import add_park
from parktracker.storage.lock import acquire
from parktracker.ui.dialogs.lock_dialog import LockDialog


@pytest.fixture
def controller(qapp: QApplication) -> object:
    set_language("zh_CN")
    ctrl = Controller(qapp)
    ctrl.translators = install_translators(qapp, "zh_CN")
    yield ctrl
    ctrl.shutdown()
    for translator in ctrl.translators:
        qapp.removeTranslator(translator)
    set_language("zh_CN")


def _menu_titles(ctrl: Controller) -> list[str]:
    assert ctrl.window is not None
    return [a.text() for a in ctrl.window.menuBar().actions()]


def test_language_switch_retranslates_and_is_remembered(
    controller: Controller, demo_path: Path, qtbot: QtBot
) -> None:
    assert controller.open(demo_path)
    assert _menu_titles(controller)[0] == "文件(&F)"
    assert controller.window is not None and controller.window.nav.item(0).text() == "总览"
    controller.set_language("en")
    assert _menu_titles(controller)[:3] == ["&File", "&Edit", "&View"]
    assert controller.window.nav.item(0).text() == "Dashboard"
    assert QSettings().value("ui/language") == "en"
    controller.set_language("zh_CN")
    assert _menu_titles(controller)[0] == "文件(&F)"
    assert QSettings().value("ui/language") == "zh_CN"


def test_undo_menu_names_the_action_and_survives_a_language_switch(
    controller: Controller, demo_path: Path
) -> None:
    assert controller.open(demo_path)
    session = controller.session
    assert session is not None and controller.window is not None
    park = Park(name="青岛市测试产业园", short_name="测试产业园", industry="测试")
    session.perform("新增园区“青岛市测试产业园”", lambda db: add_park(db, park=park))
    menus = controller.window.menus
    menus.update(controller.window.current_page())
    assert menus.undo.isEnabled()
    assert menus.undo.text() == "撤销(&U) 新增园区“青岛市测试产业园”"
    controller.set_language("en")
    controller.window.menus.update(controller.window.current_page())
    assert controller.window.menus.undo.text() == "&Undo 新增园区“青岛市测试产业园”"
    session.undo()
    names = [r[0] for r in session.db.query("SELECT name FROM parks")]
    assert "青岛市测试产业园" not in names


def test_second_instance_opens_read_only_with_a_banner(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = acquire(demo_path)  # stands for a ParkTracker already running (this process)
    assert not isinstance(other, tuple)
    # Pretend the lock belongs to a live process on this host other than ours.
    lock_file = demo_path.with_name(demo_path.name + ".lock")
    data = json.loads(lock_file.read_text("utf-8"))
    data["pid"] = os.getppid()
    lock_file.write_text(json.dumps(data), "utf-8")
    before = demo_path.read_bytes()
    asked: list[str] = []

    def choose_read_only(dialog: LockDialog) -> int:
        asked.append(dialog.text())
        dialog.show()
        dialog.read_only_button.click()
        return dialog.result()

    monkeypatch.setattr(LockDialog, "exec", choose_read_only)
    assert controller.open(demo_path)
    assert len(asked) == 1 and str(os.getppid()) in asked[0]
    assert controller.session is not None and controller.session.readonly
    assert controller.window is not None
    assert controller.window.banner.isVisible()
    assert "只读" in controller.window.banner.text()
    assert str(os.getppid()) in controller.window.banner.text()
    assert not controller.window.menus.add.isEnabled()
    controller.shutdown()
    assert demo_path.read_bytes() == before
    assert lock_file.exists()  # the other instance's lock is left alone


def test_stale_lock_of_a_dead_process_is_taken_over(
    controller: Controller, demo_path: Path
) -> None:
    lock_file = demo_path.with_name(demo_path.name + ".lock")
    lock_file.write_text(
        json.dumps({"host": socket.gethostname(), "user": "x", "pid": 999_999_9, "since": "2024"}),
        "utf-8",
    )
    assert controller.open(demo_path)
    assert controller.session is not None and not controller.session.readonly
    mine = json.loads(lock_file.read_text("utf-8"))
    assert mine["pid"] == os.getpid()
    controller.shutdown()
    assert not lock_file.exists()


def test_window_state_is_restored(controller: Controller, demo_path: Path) -> None:
    assert controller.open(demo_path)
    window = controller.window
    assert window is not None
    window.resize(1100, 650)
    window.nav.setCurrentRow(3)
    window.splitter.setSizes([230, 870])
    window.close()  # closing saves the window state
    assert controller.open(demo_path)
    again = controller.window
    assert again is not None and again is not window
    assert again.nav.currentRow() == 3
    # The offscreen screen is 800 px wide, so restoreGeometry keeps the width within it; the
    # height fits and comes back exactly.
    assert again.height() == 650
    assert again.splitter.sizes()[0] == 230


def test_qt_own_dialogs_are_translated(controller: Controller) -> None:
    from PySide6.QtCore import QCoreApplication

    # The controller fixture installed the zh_CN translators, Qt's own (qtbase) among them.
    assert QCoreApplication.translate("QPlatformTheme", "Discard") == "丢弃"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："


def test_read_only_open_really_cannot_write(controller: Controller, demo_path: Path) -> None:
    import sqlite3

    from parktracker.storage.errors import DatabaseReadOnly

    before = demo_path.read_bytes()
    assert controller.open(demo_path, readonly=True)
    session, window = controller.session, controller.window
    assert session is not None and window is not None
    assert session.readonly and window.banner.isVisible()
    park = Park(name="青岛市只读测试园", short_name="只读测试园", industry="测试")
    with pytest.raises(DatabaseReadOnly):
        session.perform("新增园区", lambda db: add_park(db, park=park))
    # Not just the app's own guard: SQLite itself refuses (mode=ro; chmod would not stop root).
    with pytest.raises(sqlite3.OperationalError):
        session.db.conn.execute("DELETE FROM parks")
    controller.shutdown()
    assert demo_path.read_bytes() == before
    assert not demo_path.with_name(demo_path.name + ".lock").exists()
