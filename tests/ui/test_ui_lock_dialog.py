"""One writer: a second ParkTracker is told who holds the file and chooses read-only or cancel."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators
from parktracker.domain.models import Park
from parktracker.i18n import set_language
from parktracker.services import workspace
from parktracker.services.parks import add_park
from parktracker.services.workspace import since_text
from parktracker.storage import lock as lock_module
from parktracker.storage.errors import DatabaseReadOnly
from parktracker.storage.lock import LockInfo, acquire, hostname, lock_path
from parktracker.ui.dialogs.lock_dialog import LockDialog

HOLDER = LockInfo(host="发改委-笔记本", user="li.ming", pid=4242, since="2024-05-06T09:30:15+08:00")


def tr(text: str) -> str:
    return QCoreApplication.translate("LockDialog", text)


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[Controller]:
    set_language("zh_CN")
    ctrl = Controller(qapp)
    ctrl.translators = install_translators(qapp, "zh_CN")
    yield ctrl
    ctrl.shutdown()
    for translator in ctrl.translators:
        qapp.removeTranslator(translator)


def write_lock(db_path: Path, **fields: object) -> Path:
    data = {"host": hostname(), "user": "wang.fang", "pid": os.getppid(), "since": "2024-05-06"}
    data.update(fields)
    path = lock_path(db_path)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


class Answer:
    """Stands in for the user at the lock dialog (exec() patched: no modal loop in tests)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, choice: str) -> None:
        self.asked: list[LockDialog] = []
        self.texts: list[str] = []
        answer = self

        def exec_(dialog: LockDialog) -> int:
            answer.asked.append(dialog)
            answer.texts.append(dialog.text())
            dialog.show()
            if choice == "read-only":
                dialog.read_only_button.click()
            else:
                dialog.cancel_button.click()
            return dialog.result()

        monkeypatch.setattr(LockDialog, "exec", exec_)


# ---------------------------------------------------------------- the dialog itself


def test_dialog_names_who_holds_the_file_and_offers_read_only_or_cancel(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = LockDialog(tmp_path / "园区.db", HOLDER)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.text()
    for part in ("li.ming", "发改委-笔记本", "4242"):
        assert part in text
    # Since when, in this computer's time zone, to the minute.
    assert since_text(HOLDER.since) in text
    assert str(tmp_path / "园区.db") in dialog.informativeText()
    assert dialog.read_only_button.text() == tr("Open Read-Only")
    assert dialog.defaultButton() is dialog.read_only_button
    assert dialog.escapeButton() is dialog.cancel_button
    qtbot.mouseClick(dialog.read_only_button, Qt.MouseButton.LeftButton)
    assert dialog.chose_read_only()


def test_escape_cancels(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = LockDialog(tmp_path / "a.db", HOLDER)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not dialog.chose_read_only()


def test_since_is_shown_in_local_time_and_odd_values_as_written() -> None:
    import datetime as dt

    moment = dt.datetime.fromisoformat("2024-05-06T09:30:15+08:00").astimezone()
    assert since_text("2024-05-06T09:30:15+08:00") == moment.strftime("%Y-%m-%d %H:%M")
    assert since_text("2024-05-06T09:30:15") == "2024-05-06 09:30"
    assert since_text("not a time") == "not a time"


# ---------------------------------------------------------------- through the application


def test_open_read_only_when_another_instance_holds_it(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_file = write_lock(
        demo_path, user="wang.fang", pid=os.getppid(), since="2024-05-06T09:30:15+08:00"
    )
    lock_before = lock_file.read_bytes()
    before = demo_path.read_bytes()
    answer = Answer(monkeypatch, "read-only")

    assert controller.open(demo_path)

    assert len(answer.asked) == 1
    assert "wang.fang" in answer.texts[0] and hostname() in answer.texts[0]
    assert str(os.getppid()) in answer.texts[0]
    session, window = controller.session, controller.window
    assert session is not None and window is not None
    assert session.readonly and session.db.readonly
    assert window.banner.isVisible() and str(os.getppid()) in window.banner.text()
    assert since_text("2024-05-06T09:30:15+08:00") in window.banner.text()
    assert "wang.fang" in window.banner.text()
    assert not window.menus.add.isEnabled()
    park = Park(name="青岛市锁测试园", short_name="锁测试园", industry="测试")
    with pytest.raises(DatabaseReadOnly):
        session.perform("新增园区", lambda db: add_park(db, park=park))
    with pytest.raises(sqlite3.OperationalError):  # mode=ro: SQLite itself refuses
        session.db.conn.execute("DELETE FROM parks")
    controller.shutdown()
    assert demo_path.read_bytes() == before
    assert lock_file.read_bytes() == lock_before  # the other instance's lock is left alone


def test_a_real_second_process_then_its_crash(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process really holds the lock: asked; once it is killed, its lock is stale and
    taken over without asking."""
    import subprocess
    import sys

    holder_code = (
        "import sys, time; from pathlib import Path; from parktracker.storage.lock import acquire;"
        " lock = acquire(Path(sys.argv[1])); print(type(lock).__name__, flush=True);"
        " time.sleep(120)"
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder_code, str(demo_path)], stdout=subprocess.PIPE, text=True
    ) as other:
        try:
            assert other.stdout is not None
            assert other.stdout.readline().strip() == "DatabaseLock"
            answer = Answer(monkeypatch, "read-only")
            assert controller.open(demo_path)
            assert len(answer.asked) == 1 and str(other.pid) in answer.texts[0]
            assert controller.session is not None and controller.session.readonly
            controller.shutdown()
        finally:
            other.kill()
            other.wait()
    assert other.returncode == -9  # killed, as by a crash: its lock file stays behind
    assert json.loads(lock_path(demo_path).read_text("utf-8"))["pid"] == other.pid
    answer = Answer(monkeypatch, "cancel")
    assert controller.open(demo_path)
    assert answer.asked == []
    assert controller.session is not None and not controller.session.readonly


def test_cancel_with_nothing_open_opens_nothing(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_file = write_lock(demo_path)
    lock_before, before = lock_file.read_bytes(), demo_path.read_bytes()
    answer = Answer(monkeypatch, "cancel")

    assert controller.open(demo_path) is False  # run_gui then exits

    assert len(answer.asked) == 1
    assert controller.window is None and controller.session is None and controller.opened is None
    assert demo_path.read_bytes() == before
    assert lock_file.read_bytes() == lock_before


def test_cancel_keeps_the_database_that_was_open(
    controller: Controller, demo_path: Path, new_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Path(new_db.path)  # type: ignore[attr-defined]
    new_db.close()  # type: ignore[attr-defined]
    assert controller.open(other)
    window, session = controller.window, controller.session
    assert session is not None and not session.readonly
    write_lock(demo_path)
    answer = Answer(monkeypatch, "cancel")

    assert controller.open(demo_path) is False

    assert len(answer.asked) == 1
    assert answer.asked[0].parent() is window  # asked over the window that was open
    assert controller.window is window and controller.session is session
    assert session.db.path == other and not session.readonly
    park = Park(name="青岛市仍可编辑园", short_name="仍可编辑园", industry="测试")
    session.perform("新增园区", lambda db: add_park(db, park=park))
    assert session.db.scalar("SELECT count(*) FROM parks WHERE name = '青岛市仍可编辑园'") == 1


def test_a_lock_from_another_computer_is_respected(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No process 99999999 runs here, but the lock names another host: that computer may be
    # writing over a network share, so it is not stale.
    lock_file = write_lock(demo_path, host="档案室-PC", user="zhao.lei", pid=99_999_999)
    lock_before = lock_file.read_bytes()
    answer = Answer(monkeypatch, "read-only")

    assert controller.open(demo_path)

    assert len(answer.asked) == 1 and "档案室-PC" in answer.texts[0]
    assert controller.session is not None and controller.session.readonly
    controller.shutdown()
    assert lock_file.read_bytes() == lock_before


def test_a_lock_from_another_computer_with_our_process_id_is_respected(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Process ids are per computer: the same number elsewhere is not this process.
    lock_file = write_lock(demo_path, host="档案室-PC", pid=os.getpid())
    lock_before = lock_file.read_bytes()
    held = acquire(demo_path)
    assert isinstance(held, LockInfo) and held.host == "档案室-PC"
    answer = Answer(monkeypatch, "read-only")

    assert controller.open(demo_path)

    assert len(answer.asked) == 1
    assert controller.session is not None and controller.session.readonly
    controller.shutdown()
    assert lock_file.read_bytes() == lock_before


def test_a_stale_lock_is_taken_over_without_asking(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_file = write_lock(demo_path, pid=99_999_999)  # this host, no such process: a crash
    answer = Answer(monkeypatch, "cancel")

    assert controller.open(demo_path)

    assert answer.asked == []
    assert controller.session is not None and not controller.session.readonly
    assert json.loads(lock_file.read_text("utf-8"))["pid"] == os.getpid()
    park = Park(name="青岛市接管测试园", short_name="接管测试园", industry="测试")
    controller.session.perform("新增园区", lambda db: add_park(db, park=park))
    controller.shutdown()
    assert not lock_file.exists()


def test_a_lock_taken_between_asking_and_opening_still_opens_read_only(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The question is asked before opening; open_for_editing takes the lock atomically and
    # falls back to read-only with the reason if another instance won in between.
    monkeypatch.setattr(workspace, "lock_holder", lambda _path: None)
    write_lock(demo_path, user="wang.fang")
    assert controller.open(demo_path)
    assert controller.session is not None and controller.session.readonly
    assert controller.window is not None and "wang.fang" in controller.window.banner.text()


def test_a_lock_being_written_is_read_again_before_being_taken_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another instance has just claimed the lock file (its OS lock) but not yet written who it
    # is: the empty file is read again, and never taken over while its OS lock is held.
    fcntl = pytest.importorskip("fcntl")
    db_path = tmp_path / "a.db"
    lock_path(db_path).write_text("", "utf-8")
    other = os.open(lock_path(db_path), os.O_RDWR)  # another open file: another claimant
    fcntl.flock(other, fcntl.LOCK_EX)

    def other_instance_finishes_writing(_seconds: float) -> None:
        write_lock(db_path, user="wang.fang", pid=os.getppid())

    monkeypatch.setattr(lock_module.time, "sleep", other_instance_finishes_writing)
    try:
        held = acquire(db_path)
    finally:
        os.close(other)
    assert isinstance(held, LockInfo) and held.user == "wang.fang"


def test_an_unreadable_lock_is_taken_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "a.db"
    lock_path(db_path).write_text("{not json", "utf-8")
    monkeypatch.setattr(lock_module.time, "sleep", lambda _s: None)
    held = acquire(db_path)
    assert isinstance(held, lock_module.DatabaseLock)
    assert json.loads(lock_path(db_path).read_text("utf-8"))["pid"] == os.getpid()
    held.release()
