"""Backups in the GUI: Back Up Now in the background, the Restore dialog, restoring through the
application, the offer to restore a damaged file, and the daily backup on open."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators
from parktracker.domain.models import Park
from parktracker.i18n import set_language
from parktracker.services import backups
from parktracker.services.backups import BackupFailed, Reason
from parktracker.services.parks import add_park
from parktracker.storage.database import open_database
from parktracker.ui import backup_runner
from parktracker.ui.dialogs.restore_dialog import RecoveryPrompt, RestoreDialog
from parktracker.ui.text import qt_tr


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[Controller]:
    set_language("zh_CN")
    ctrl = Controller(qapp)
    ctrl.translators = install_translators(qapp, "zh_CN")
    yield ctrl
    ctrl.shutdown()
    for translator in ctrl.translators:
        qapp.removeTranslator(translator)


def parks_in(path: Path) -> int:
    with open_database(path, readonly=True) as db:
        return int(db.scalar("SELECT count(*) FROM parks"))


def add_test_park(controller: Controller, name: str = "青岛市测试产业园") -> None:
    session = controller.session
    assert session is not None
    park = Park(name=name, short_name=name[3:7], industry="测试")
    session.perform(f"新增园区“{name}”", lambda db: add_park(db, park=park))


def flip_page(path: Path, page: int = 3) -> None:
    data = bytearray(path.read_bytes())
    start = 4096 * (page - 1) + 8
    data[start : start + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def open_and_settle(controller: Controller, qtbot: QtBot, path: Path) -> None:
    assert controller.open(path)
    # The daily backup starts once the first page is drawn, and runs in the background.
    qtbot.waitUntil(
        lambda: (
            any(b.reason is Reason.DAILY for b in backups.list_backups(path))
            and backup_runner.running() == 0
        ),
        timeout=10000,
    )


# ---------------------------------------------------------------- Back Up Now
def test_back_up_now_runs_in_the_background(
    controller: Controller, demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_settle(controller, qtbot, demo_path)
    window = controller.window
    assert window is not None
    real = backups.backup_file
    threads: list[int] = []
    released = threading.Event()

    def gated(path: Path, reason: Reason = Reason.MANUAL) -> Path:
        threads.append(threading.get_ident())
        # Finishes only once the GUI thread has run an event: a blocked GUI would time out.
        if not released.wait(10):
            raise RuntimeError("the GUI thread was blocked during the backup")
        return real(path, reason)

    monkeypatch.setattr(backups, "backup_file", gated)
    window.menus.back_up.trigger()
    assert not window.menus.back_up.isEnabled()  # running
    QTimer.singleShot(0, released.set)
    qtbot.waitUntil(window.menus.back_up.isEnabled, timeout=15000)

    manual = [b for b in backups.list_backups(demo_path) if b.reason is Reason.MANUAL]
    assert len(manual) == 1 and manual[0].ok
    assert threads and threads[0] != threading.get_ident()
    assert str(manual[0].path) in window.statusBar().currentMessage()


def test_back_up_now_failure_is_shown(
    controller: Controller, demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_settle(controller, qtbot, demo_path)
    window = controller.window
    assert window is not None

    def fail(path: Path, reason: Reason = Reason.MANUAL) -> Path:
        raise BackupFailed(path, "No space left on device")

    shown: list[str] = []
    monkeypatch.setattr(backups, "backup_file", fail)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(str(args[2])))
    window.menus.back_up.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert "No space left on device" in shown[0] and str(demo_path) in shown[0]
    assert window.menus.back_up.isEnabled()


# ---------------------------------------------------------------- the dialog
def test_restore_dialog_lists_backups_with_counts(
    demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(demo_path) as db:
        older = backups.backup_now(db, Reason.MANUAL)
        add_park(db, park=Park(name="青岛市测试产业园", short_name="测试", industry="测试"))
        current = backups.current_counts(db)
    damaged = older.with_name(older.name.replace("-manual", "-pre-import"))
    damaged.write_bytes(older.read_bytes())
    flip_page(damaged)
    later = older.stat().st_mtime + 1
    os.utime(damaged, (later, later))  # written after: listed first (same second in the name)

    dialog = RestoreDialog(demo_path, current)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.show()

    table = dialog.table

    def row(r: int) -> list[str]:
        return [table.item(r, c).text() for c in range(table.columnCount())]

    listed = backups.list_backups(demo_path)
    assert [b.path for b in listed] == [damaged, older]  # newest first
    assert table.rowCount() == 3
    assert row(0)[0] == dialog.tr("Current file")
    assert row(0)[3:7] == [
        "9",
        str(current.projects),
        str(current.funds),
        str(current.revenue_months),
    ]
    bad, good = row(1), row(2)
    assert bad[1] == qt_tr(backups.REASON_TEXTS[Reason.PRE_IMPORT])
    assert bad[3:7] == ["", "", "", ""] and bad[7] == dialog.tr("Cannot be restored")
    assert good[0] == listed[1].created.strftime("%Y-%m-%d %H:%M")
    assert good[1] == qt_tr(backups.REASON_TEXTS[Reason.MANUAL])
    assert good[3] == "8" and good[7] == dialog.tr("OK")
    assert good[2]  # the size, e.g. "616 KB"
    assert str(older.parent) in dialog.status.text()

    # The newest good backup is selected; a damaged one cannot be restored.
    assert dialog.selected() == listed[1] and dialog.restore_button.isEnabled()
    table.selectRow(1)
    assert not dialog.restore_button.isEnabled()
    table.selectRow(2)
    assert dialog.restore_button.isEnabled()

    asked: list[str] = []

    def yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    with qtbot.waitSignal(dialog.restore_chosen) as chosen:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [older]
    assert dialog.chosen == older and dialog.result() == 1
    assert asked and good[0] in asked[0]


# ---------------------------------------------------------------- restoring in the app
def test_restore_from_the_menu_reopens_the_restored_file(
    controller: Controller, demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_settle(controller, qtbot, demo_path)
    [daily] = backups.list_backups(demo_path)
    add_test_park(controller)
    old_session = controller.session
    assert old_session is not None and parks_in(demo_path) == 9

    def choose_first_good(dialog: RestoreDialog) -> int:
        qtbot.waitUntil(lambda: bool(dialog.backups))
        dialog.table.selectRow(1)
        dialog.restore_button.click()
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", choose_first_good)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert controller.window is not None
    controller.window.menus.restore_backup.trigger()

    assert controller.session is not None and controller.session is not old_session
    assert controller.session.db.scalar("SELECT count(*) FROM parks") == 8
    assert parks_in(demo_path) == 8
    kept = [b for b in backups.list_backups(demo_path) if b.reason is Reason.PRE_RESTORE]
    assert len(kept) == 1 and kept[0].counts is not None and kept[0].counts.parks == 9
    assert daily.path.exists()
    # The old session's connection is closed: it can never write to the replaced file.
    with pytest.raises(Exception, match="closed"):
        old_session.db.scalar("SELECT 1")
    assert controller.window is not None
    assert daily.path.name in controller.window.statusBar().currentMessage()
    assert QApplication.overrideCursor() is None  # the busy cursor went with the work


def test_restore_is_disabled_in_a_read_only_window(
    controller: Controller, demo_path: Path, qtbot: QtBot
) -> None:
    assert controller.open(demo_path, readonly=True)
    assert controller.window is not None
    assert not controller.window.menus.restore_backup.isEnabled()
    assert controller.window.menus.back_up.isEnabled()


# ---------------------------------------------------------------- damaged files
def click(button_name: str, seen: list[str]) -> object:
    def fake_exec(box: QMessageBox) -> int:
        seen.append(box.text() + "\n" + box.informativeText())
        button = getattr(box, button_name, None)
        if button is None:
            return 0
        button.click()
        return 0

    return fake_exec


def test_damaged_file_offers_the_newest_good_backup(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """Damage inside the pages is found by the integrity check that runs in the background
    once the window shows (the file was never closed by ParkTracker here: a check is due)."""
    with open_database(demo_path) as db:
        older = backups.backup_now(db)
        add_park(db, park=Park(name="青岛市测试产业园", short_name="测试", industry="测试"))
    newest = backups.backup_file(demo_path, Reason.MANUAL)
    flip_page(newest)  # the newest backup is damaged too: the older one is the newest good
    flip_page(demo_path, 2)
    damaged = demo_path.read_bytes()
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", click("restore_button", seen))

    assert controller.open(demo_path)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10000)

    assert str(demo_path) in seen[0]
    qtbot.waitUntil(lambda: backup_runner.running() == 0)
    assert controller.session is not None
    assert controller.session.db.scalar("SELECT count(*) FROM parks") == 8  # the older backup
    [kept] = demo_path.parent.glob("demo.db.damaged-*")
    assert kept.read_bytes() == damaged
    assert older.exists() and newest.exists()


def test_damaged_file_without_backups_offers_another_file(
    controller: Controller, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other" / "other.db"
    other.parent.mkdir()
    other.write_bytes(demo_path.read_bytes())
    demo_path.write_bytes(b"")  # an empty file
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", click("open_button", seen))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(other), ""))

    assert controller.open(demo_path)
    assert "restore_button" not in seen[0]
    assert controller.session is not None and controller.session.db.path == other
    assert demo_path.read_bytes() == b""


def test_cancelling_the_offer_leaves_the_file(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups.backup_file(demo_path, Reason.MANUAL)
    demo_path.write_bytes(demo_path.read_bytes()[: 4096 * 2])  # truncated
    before = demo_path.read_bytes()
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", click("cancel_button", seen))
    assert not controller.open(demo_path)
    assert len(seen) == 1
    assert demo_path.read_bytes() == before
    assert list(demo_path.parent.glob("demo.db.damaged-*")) == []


def test_recovery_prompt_buttons(qtbot: QtBot, demo_path: Path) -> None:
    backups.backup_file(demo_path, Reason.MANUAL)
    newest = backups.newest_good_backup(demo_path)
    prompt = RecoveryPrompt(None, "坏了", newest)
    qtbot.addWidget(prompt)
    assert prompt.restore_button is not None
    assert prompt.defaultButton() is prompt.restore_button
    assert prompt.choice() == RecoveryPrompt.CANCEL
    without = RecoveryPrompt(None, "坏了", None)
    qtbot.addWidget(without)
    assert without.restore_button is None
    assert without.defaultButton() is without.open_button


# ---------------------------------------------------------------- daily backup
def test_daily_backup_on_open_at_most_once_a_day(
    controller: Controller, demo_path: Path, qtbot: QtBot
) -> None:
    assert controller.open(demo_path)
    qtbot.waitUntil(lambda: len(backups.list_backups(demo_path)) == 1, timeout=10000)
    [daily] = backups.list_backups(demo_path)
    assert daily.reason is Reason.DAILY and daily.ok
    qtbot.waitUntil(lambda: backup_runner.running() == 0)

    controller.shutdown()
    assert controller.open(demo_path)
    assert controller.opened is not None and not controller.opened.backup_due
    # Other background work (the dashboard's warning count) may run a moment: once it is
    # done, still only the one daily backup.
    qtbot.waitUntil(lambda: backup_runner.running() == 0)
    assert [b.path for b in backups.list_backups(demo_path)] == [daily.path]


def _not_sqlite(path: Path) -> None:
    path.write_text("园区,项目\n新型显示,翰博光电\n", encoding="utf-8")


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()


def _too_new(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


@pytest.mark.parametrize(
    ("spoil", "kept_as"),
    [(_not_sqlite, "damaged"), (_foreign, "damaged"), (_too_new, "pre-restore")],
    ids=["not-sqlite", "foreign", "too-new"],
)
def test_every_unusable_file_is_offered_a_restore(
    controller: Controller,
    demo_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    spoil: object,
    kept_as: str,
) -> None:
    backups.backup_file(demo_path, Reason.MANUAL)
    assert callable(spoil)
    spoil(demo_path)
    unusable = demo_path.read_bytes()
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", click("restore_button", seen))

    assert controller.open(demo_path)

    assert len(seen) == 1 and str(demo_path) in seen[0]
    assert parks_in(demo_path) == 8
    kept = [b for b in backups.list_backups(demo_path) if b.reason is Reason.PRE_RESTORE]
    damaged = list(demo_path.parent.glob("demo.db.damaged-*"))
    if kept_as == "damaged":  # it does not open: kept byte for byte
        assert [p.read_bytes() for p in damaged] == [unusable]
        assert kept == []
    else:  # intact but newer: backed up (and listed as one this version cannot restore)
        assert damaged == []
        assert len(kept) == 1 and not kept[0].ok
