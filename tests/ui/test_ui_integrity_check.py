"""The integrity check in the GUI: after the window shows, in the background, only when due;
damage it finds gets the damaged-file dialog and the offer to restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators
from parktracker.i18n import set_language
from parktracker.services import backups
from parktracker.services.backups import Reason
from parktracker.storage import check_state
from parktracker.storage.database import open_database
from parktracker.ui import backup_runner, check_runner


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[Controller]:
    set_language("zh_CN")
    ctrl = Controller(qapp)
    ctrl.translators = install_translators(qapp, "zh_CN")
    yield ctrl
    ctrl.shutdown()
    for translator in ctrl.translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every background check the controller starts."""
    calls: list[Path] = []
    real = check_runner.start_check

    def counting(path: Path) -> backup_runner.Job:
        calls.append(Path(path))
        return real(path)

    monkeypatch.setattr(check_runner, "start_check", counting)
    return calls


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: backup_runner.running() == 0, timeout=10000)
    qtbot.wait(20)  # the queued result reaches the GUI thread


def open_until_drawn(controller: Controller, path: Path, qtbot: QtBot) -> None:
    """Open ``path`` and wait for the first page's first paint, its charts still to come."""
    assert controller.open(path)
    drawn: list[bool] = []
    controller.once_first_page_drawn(lambda: drawn.append(True))
    qtbot.waitUntil(lambda: drawn == [True], timeout=10000)
    assert controller.window is not None
    assert controller.window.current_page().charts_pending()  # type: ignore[attr-defined]


def recorded(path: Path) -> tuple[str | None, str | None]:
    with open_database(path, readonly=True) as db:
        return db.meta(check_state.CHECKED_AT), db.meta(check_state.RESULT)


def test_first_open_checks_in_the_background_and_records_ok(
    controller: Controller, demo_path: Path, qtbot: QtBot, started: list[Path]
) -> None:
    assert controller.open(demo_path)
    assert controller.window is not None and controller.window.isVisible()
    assert started == []  # not before the first page is painted
    qtbot.waitUntil(lambda: started == [demo_path], timeout=10000)
    settle(qtbot)
    controller.shutdown()
    when, result = recorded(demo_path)
    assert result == "ok" and when is not None


def test_the_check_and_the_daily_backup_wait_for_the_dashboards_charts(
    controller: Controller, demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both read the whole file: started while the charts are drawn, they competed with them
    (on 100,000 projects the charts took 1.85-2.1 s instead of 1.5 s)."""
    pending: dict[str, bool] = {}

    def charts_pending() -> bool:
        assert controller.window is not None
        page = controller.window.current_page()
        return bool(page.charts_pending())  # type: ignore[attr-defined]

    real_check, real_backup = check_runner.start_check, backup_runner.start_backup

    def check(path: Path) -> backup_runner.Job:
        pending["check"] = charts_pending()
        return real_check(path)

    def backup(path: Path, reason: Reason = Reason.MANUAL) -> backup_runner.Job:
        pending["backup"] = charts_pending()
        return real_backup(path, reason)

    monkeypatch.setattr(check_runner, "start_check", check)
    monkeypatch.setattr(backup_runner, "start_backup", backup)
    assert controller.open(demo_path)
    assert controller.window is not None
    assert type(controller.window.current_page()).__name__ == "DashboardPage"
    qtbot.waitUntil(lambda: len(pending) == 2, timeout=20000)
    assert pending == {"check": False, "backup": False}
    settle(qtbot)


def test_a_window_closed_before_its_charts_leaves_the_check_due(
    controller: Controller, demo_path: Path, qtbot: QtBot, started: list[Path]
) -> None:
    """The check starts once the charts are drawn: a window closed before then has not
    checked the file, so its close must not record it as closed cleanly (a file changed
    outside ParkTracker would then never be checked)."""
    assert controller.open(demo_path)
    qtbot.waitUntil(lambda: started == [demo_path], timeout=20000)
    settle(qtbot)
    controller.shutdown()  # checked and closed cleanly
    with sqlite3.connect(demo_path) as outside:  # another program writes to it
        outside.execute("INSERT INTO meta (key, value) VALUES ('written_outside', '1')")
    outside.close()

    open_until_drawn(controller, demo_path, qtbot)
    controller.shutdown()  # before the charts: the check has not started
    assert started == [demo_path]
    with open_database(demo_path, readonly=True, verify=False) as db:
        assert check_state.reason_to_check(db) == check_state.CHANGED
    assert controller.open(demo_path)
    qtbot.waitUntil(lambda: started == [demo_path, demo_path], timeout=20000)
    settle(qtbot)


def test_a_language_switch_before_the_charts_still_checks_once(
    controller: Controller, demo_path: Path, qtbot: QtBot, started: list[Path]
) -> None:
    open_until_drawn(controller, demo_path, qtbot)
    controller.set_language("en")  # a new window: the old page never completes
    qtbot.waitUntil(lambda: started == [demo_path], timeout=20000)
    settle(qtbot)
    qtbot.wait(200)
    assert started == [demo_path]  # once, not once per window
    controller.set_language("zh_CN")


def test_a_clean_close_means_no_check_next_time(
    controller: Controller, demo_path: Path, qtbot: QtBot, started: list[Path]
) -> None:
    assert controller.open(demo_path)
    qtbot.waitUntil(lambda: started == [demo_path], timeout=10000)
    settle(qtbot)
    controller.shutdown()
    assert controller.open(demo_path)
    assert controller.window is not None
    with qtbot.waitSignal(controller.window.first_page_shown, timeout=10000):
        pass
    page = controller.window.current_page()
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=20000)  # type: ignore[attr-defined]
    qtbot.wait(50)  # the background work starts in the next turns of the event loop
    settle(qtbot)
    assert started == [demo_path]  # the first open only


def test_damage_found_in_the_background_shows_the_damaged_file_dialog(
    controller: Controller,
    demo_path: Path,
    qtbot: QtBot,
    started: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert controller.open(demo_path)
    qtbot.waitUntil(lambda: started == [demo_path], timeout=10000)
    settle(qtbot)
    controller.shutdown()  # checked and closed cleanly
    backups.backup_file(demo_path, Reason.MANUAL)
    # Damage inside an index (its entry no longer matches the row): the file still opens,
    # its header and schema are sound; only the full check compares index and table.
    with open_database(demo_path, readonly=True) as db:
        number = int(db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'idx_audit_row'"))
    data = bytearray(demo_path.read_bytes())
    start = (number - 1) * 4096
    data[start + 8 : start + 208] = b"\xa5" * 200
    demo_path.write_bytes(bytes(data))
    shown: list[str] = []

    def cancel(box: QMessageBox) -> int:
        shown.append(box.text())
        box.cancel_button.click()  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)

    assert controller.open(demo_path)  # the window shows first
    assert controller.window is not None and controller.window.isVisible()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    assert started == [demo_path, demo_path]  # changed outside: checked again
    assert str(demo_path) in shown[0]
    assert "损坏" in shown[0]
    assert controller.opened is not None and controller.opened.check_failed
    settle(qtbot)
    controller.shutdown()
    with open_database(demo_path, readonly=True, verify=False) as db:
        assert check_state.reason_to_check(db) == check_state.UNCLEAN  # checked again next time
