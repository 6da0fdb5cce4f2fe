"""Locks and races: one writer, whatever the lock file says and however many processes race.

Issue 13, items 2, 3, 15 and 24: ``demo --force`` and every other command that replaces a file
respect the lock; taking over a stale lock is atomic (exactly one of eight racing processes
wins, in every one of 30 trials); a lock file with any invalid content is stale, never a crash;
backups started together all get their own file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_support import ROOT, cli, cli_process, count, dead_pid, digest, race

from parktracker.services import backups
from parktracker.storage import lock as lock_module
from parktracker.storage.backup import Reason, verify, write_backup
from parktracker.storage.lock import DatabaseLock, LockInfo, acquire, hostname, lock_path

TRIALS = 30
RACERS = 8


def write_lock(db_path: Path, content: str) -> Path:
    path = lock_path(db_path)
    path.write_text(content, "utf-8")
    return path


def stale_lock(db_path: Path) -> Path:
    data = {"host": hostname(), "user": "crashed", "pid": dead_pid(), "since": "2024-05-06"}
    return write_lock(db_path, json.dumps(data))


def _take(db_path: Path) -> str:
    held = acquire(db_path)
    return "won" if isinstance(held, DatabaseLock) else f"lost to {held.pid}"


# ---------------------------------------------------------------- item 3: atomic takeover


@pytest.mark.parametrize("start", ["stale-lock", "no-lock", "garbage-lock"])
def test_exactly_one_of_many_racing_processes_takes_the_lock(start: str, tmp_path: Path) -> None:
    """30 trials × 8 processes released at one instant; each winner holds the lock until all
    have tried. Exactly one wins every time, and the losers name the winner."""
    if not hasattr(os, "fork"):
        pytest.skip("needs fork")
    db_path = tmp_path / "race.db"
    for trial in range(TRIALS):
        lock_path(db_path).unlink(missing_ok=True)
        if start == "stale-lock":
            stale_lock(db_path)
        elif start == "garbage-lock":
            write_lock(db_path, '{"pid": 1099511627776, "host": ')
        results = race(RACERS, lambda _i: _take(db_path))
        winners = [r for r in results if r == "won"]
        assert len(winners) == 1, (trial, results)
        losers = {r for r in results if r != "won"}
        assert len(losers) == 1 and "lost to 0" not in losers, (trial, results)


def test_a_crashed_holders_lock_goes_to_exactly_one_successor(tmp_path: Path) -> None:
    """The real crash: a process holding the lock is killed; of eight starting together after
    it, one takes the lock."""
    db_path = tmp_path / "crash.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from parktracker.storage.lock import acquire;"
            " lock = acquire(Path(sys.argv[1])); print(type(lock).__name__, flush=True);"
            " sys.stdin.read()",
            str(db_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "DatabaseLock"
    assert isinstance(acquire(db_path), LockInfo)  # held while it lives
    holder.kill()
    holder.wait(timeout=30)
    holder.stdout.close()
    assert holder.stdin is not None
    holder.stdin.close()
    results = race(RACERS, lambda _i: _take(db_path))
    assert results.count("won") == 1, results


# ---------------------------------------------------------------- item 15: invalid content

INVALID_LOCKS = {
    "pid-2^40": {"host": "HOST", "user": "u", "pid": 2**40, "since": "2024"},
    "pid-2^63": {"host": "HOST", "user": "u", "pid": 2**63, "since": "2024"},
    "pid-negative": {"host": "HOST", "user": "u", "pid": -5, "since": "2024"},
    "pid-zero": {"host": "HOST", "user": "u", "pid": 0, "since": "2024"},
    "pid-text": {"host": "HOST", "user": "u", "pid": "12x", "since": "2024"},
    "pid-float": {"host": "HOST", "user": "u", "pid": 1.5, "since": "2024"},
    "pid-true": {"host": "HOST", "user": "u", "pid": True, "since": "2024"},
    "pid-null": {"host": "HOST", "user": "u", "pid": None, "since": "2024"},
    "host-number": {"host": 7, "user": "u", "pid": 1, "since": "2024"},
    "no-since": {"host": "HOST", "user": "u", "pid": 1},
    "a-list": [1, 2, 3],
    "a-string": "locked",
}
RAW_LOCKS = {
    "binary": "\x00\xff\xfe garbage",
    "half-json": '{"host": "',
    "empty": "",
    "huge-number": '{"host":"HOST","user":"u","pid":' + "9" * 5000 + ',"since":"x"}',
}


def _invalid_lock_text(name: str) -> str:
    if name in RAW_LOCKS:
        return RAW_LOCKS[name]
    return json.dumps(INVALID_LOCKS[name]).replace("HOST", hostname())


@pytest.mark.parametrize("name", [*INVALID_LOCKS, *RAW_LOCKS])
def test_a_lock_file_with_invalid_content_is_stale_and_taken_over(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock_module.time, "sleep", lambda _s: None)
    db_path = tmp_path / "a.db"
    write_lock(db_path, _invalid_lock_text(name))
    held = acquire(db_path)
    assert isinstance(held, DatabaseLock)
    assert json.loads(lock_path(db_path).read_text("utf-8"))["pid"] == os.getpid()
    held.release()
    assert not lock_path(db_path).exists()


@pytest.mark.parametrize("name", ["pid-2^40", "pid-2^63", "huge-number"])
def test_restore_is_not_stopped_by_an_invalid_lock(
    name: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The probe's crash: ``restore`` with a lock naming pid 2^40 raised OverflowError."""
    backup = tmp_path / "copy.db"
    backup.write_bytes(demo_path.read_bytes())
    write_lock(demo_path, _invalid_lock_text(name))
    run = cli(capsys, "restore", "--db", str(demo_path), "--from", str(backup))
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    assert not lock_path(demo_path).exists()


def test_the_gui_open_takes_over_a_lock_naming_pid_2_to_the_40(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The probe's GUI exit at start: opening for editing with such a lock."""
    from parktracker.services.workspace import lock_holder, open_for_editing

    write_lock(demo_path, _invalid_lock_text("pid-2^40"))
    assert lock_holder(demo_path) is None
    opened = open_for_editing(demo_path)
    try:
        assert opened.lock is not None and not opened.db.readonly
    finally:
        opened.close()


# ---------------------------------------------------------------- item 2: demo --force


def _hold_lock_in_another_process(db_path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from parktracker.services.workspace import"
            " open_for_editing; o = open_for_editing(Path(sys.argv[1]));"
            " print('OPEN', o.lock is not None, flush=True); sys.stdin.read(); o.close()",
            str(db_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "OPEN True"
    return proc


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()


def test_demo_force_refuses_a_database_another_parktracker_has_open(
    new_db: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.db"
    new_db.close()  # type: ignore[attr-defined]
    other = _hold_lock_in_another_process(path)
    try:
        before = digest(path)
        run = cli(capsys, "demo", "--db", str(path), "--force")
        line = run.one_line_error()
        assert str(other.pid) in line and "open in ParkTracker" in line
        assert digest(path) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db", "new.db.lock"]
    finally:
        _release(other)


def test_demo_force_backs_up_the_file_it_replaces(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE parks SET notes = '我的笔记'")
    conn.commit()
    conn.close()
    projects_before = count(demo_path)
    run = cli(capsys, "demo", "--db", str(demo_path), "--force")
    assert run.code == 0, run.err
    [kept] = (demo_path.parent / "demo-backups").iterdir()
    assert str(kept) in run.out
    assert verify(kept) is None
    assert count(kept) == projects_before
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM parks WHERE notes = '我的笔记'").fetchone()[0] == 8
    conn.close()
    assert not lock_path(demo_path).exists()


def test_demo_force_keeps_a_file_that_is_not_parktracker_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.db"
    path.write_text("我的重要笔记", "utf-8")
    run = cli(capsys, "demo", "--db", str(path), "--force")
    assert run.code == 0, run.err
    [kept] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert kept.read_text("utf-8") == "我的重要笔记"
    assert str(kept) in run.out


def test_backup_out_refuses_to_replace_a_database_another_parktracker_has_open(
    demo_path: Path, new_db: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audit of the other writing commands: ``backup --out X --force`` would replace X."""
    target = tmp_path / "new.db"
    new_db.close()  # type: ignore[attr-defined]
    other = _hold_lock_in_another_process(target)
    try:
        before = digest(target)
        run = cli(capsys, "backup", "--db", str(demo_path), "--out", str(target), "--force")
        assert str(other.pid) in run.one_line_error()
        assert digest(target) == before
    finally:
        _release(other)


def test_restore_refuses_a_database_another_parktracker_has_open(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "copy.db"
    backup.write_bytes(demo_path.read_bytes())
    other = _hold_lock_in_another_process(demo_path)
    try:
        before = digest(demo_path)
        run = cli(capsys, "restore", "--db", str(demo_path), "--from", str(backup))
        assert str(other.pid) in run.one_line_error()
        assert digest(demo_path) == before
    finally:
        _release(other)


# ---------------------------------------------------------------- item 24: backups together

BACKUP_TRIALS = 5
BACKUPS_AT_ONCE = 6


def test_backups_started_together_each_get_their_own_file(demo_path: Path) -> None:
    """Six backups of one database in the same second, five times over: every reported file
    exists, is distinct and intact; none was overwritten by another."""
    when = dt.datetime(2024, 3, 31, 10, 15, 0)
    seen: set[str] = set()
    for _ in range(BACKUP_TRIALS):
        results = race(
            BACKUPS_AT_ONCE, lambda _i: str(write_backup(demo_path, Reason.MANUAL, when=when))
        )
        assert all(not r.startswith("ERROR") for r in results), results
        assert len(set(results)) == BACKUPS_AT_ONCE, results
        assert not seen & set(results)
        seen |= set(results)
        for made in results:
            assert verify(Path(made)) is None
    folder = demo_path.parent / "demo-backups"
    assert {str(p) for p in folder.iterdir()} == seen


def test_four_cli_backups_at_once_print_four_different_existing_files(demo_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "parktracker", "--lang", "en", "backup", "--db", str(demo_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(4)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
    written = [out.split(" written to ")[1].rsplit(" (", 1)[0] for out, _ in outs]
    assert len(set(written)) == 4, written
    for made in written:
        assert Path(made).is_file() and verify(Path(made)) is None
    assert len(backups.list_backups(demo_path)) == 4


def test_a_cli_backup_process_reports_the_file_it_wrote(demo_path: Path) -> None:
    run = cli_process("backup", "--db", str(demo_path))
    assert run.code == 0, run.err
    [made] = (demo_path.parent / "demo-backups").iterdir()
    assert str(made) in run.out
