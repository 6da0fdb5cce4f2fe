"""Backup and restore: what is verified is what is written, each backup belongs to one
database, retention deletes only verified backups of it, links are restored through, and a
killed restore's leftovers go at the next open.

Issue 13, items 1, 4, 5, 6 and 23.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hardening_support import (
    ROOT,
    add_projects,
    cli,
    count,
    dead_pid,
    digest,
    wal_with_pending_changes,
)

from parktracker.services import backups, workspace
from parktracker.services.demo import build_demo
from parktracker.storage.backup import Reason, backup_name, verify, write_backup
from parktracker.storage.database import create_database, open_database

NOW = dt.datetime(2024, 3, 31, 12, 0)


def journal_mode_bytes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:20]
    return data[18], data[19]


# ---------------------------------------------------------------- item 1: a WAL backup


@pytest.mark.parametrize("how", ["cli", "service"])
def test_restoring_a_wal_file_restores_the_changes_still_in_its_wal(
    how: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = wal_with_pending_changes(demo_path, tmp_path / "wal-source.db", added=28)
    expected = count(demo_path) + 28
    assert backups.inspect(source).counts.projects == expected  # type: ignore[union-attr]
    target = tmp_path / "live.db"
    target.write_bytes(demo_path.read_bytes())
    if how == "cli":
        run = cli(capsys, "restore", "--db", str(target), "--from", str(source))
        assert run.code == 0, run.err
    else:
        backups.restore_backup(target, source)
    assert count(target) == expected
    assert journal_mode_bytes(target) == (1, 1)  # the rollback journal, as ParkTracker keeps
    assert not Path(f"{target}-wal").exists()
    with open_database(target) as db:
        assert db.scalar("SELECT count(*) FROM projects WHERE name LIKE 'WAL项目%'") == 28


def test_backing_up_a_wal_file_copies_the_changes_still_in_its_wal(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = wal_with_pending_changes(demo_path, tmp_path / "wal.db", added=5)
    out = tmp_path / "copy.db"
    run = cli(capsys, "backup", "--db", str(source), "--out", str(out))
    assert run.code == 0, run.err
    assert count(out) == count(demo_path) + 5


# ---------------------------------------------------------------- item 4: one database each


def _two_databases(folder: Path) -> tuple[Path, Path]:
    first = folder / "x.db"
    second = folder / "x.sqlite"
    create_database(first).close()
    build_demo(second).close()
    return first, second


def test_two_databases_of_one_name_never_share_backups(tmp_path: Path) -> None:
    first, second = _two_databases(tmp_path)
    mine = backups.backup_file(first)
    theirs = backups.backup_file(second)
    assert mine.parent != theirs.parent
    assert [b.path for b in backups.list_backups(first)] == [mine]
    assert [b.path for b in backups.list_backups(second)] == [theirs]
    newest = backups.newest_good_backup(first)
    assert newest is not None and newest.path == mine


def test_a_recovery_offer_never_picks_another_databases_backup(tmp_path: Path) -> None:
    first, second = _two_databases(tmp_path)
    backups.backup_file(first)
    theirs = backups.backup_file(second)
    first.write_bytes(b"damaged beyond reading")  # the recovery offer's case
    newest = backups.newest_good_backup(first)
    assert newest is not None and newest.path != theirs
    assert count(newest.path) == 0


def test_a_backup_of_another_database_filed_under_this_name_is_not_listed(
    tmp_path: Path,
) -> None:
    """Two files both named x.db in different places, one backup copied into the other's
    folder under a matching name: the database id inside tells them apart."""
    mine = tmp_path / "x.db"
    create_database(mine).close()
    other_folder = tmp_path / "elsewhere"
    other_folder.mkdir()
    other = other_folder / "x.db"
    build_demo(other).close()
    stray = backups.backup_file(other)
    made = backups.backup_file(mine)
    planted = made.parent / backup_name("x", NOW, Reason.MANUAL)
    shutil.copyfile(stray, planted)
    listed = [b.path for b in backups.list_backups(mine)]
    assert planted not in listed and made in listed
    newest = backups.newest_good_backup(mine)
    assert newest is not None and newest.path == made


def test_retention_counts_each_databases_backups_apart(tmp_path: Path) -> None:
    first, second = _two_databases(tmp_path)
    for day in range(1, 11):
        when = dt.datetime(2024, 3, day, 9, 0)
        write_backup(first, Reason.DAILY, when=when)
        write_backup(second, Reason.DAILY, when=when)
    backups.prune(first, now=NOW)
    assert len(backups.list_backups(first)) == 8  # 7 newest + the newest of ISO week 9
    assert len(backups.list_backups(second)) == 10  # not pruned by the other's retention


# ---------------------------------------------------------------- item 5: stray files


def _stray_text(path: Path, _demo: Path) -> None:
    path.write_text("不是备份", "utf-8")


def _stray_empty(path: Path, _demo: Path) -> None:
    path.write_bytes(b"")


def _stray_foreign_sqlite(path: Path, _demo: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()


def _stray_other_database(path: Path, demo: Path) -> None:
    other = path.parent.parent / "other" / "demo.db"
    other.parent.mkdir(exist_ok=True)
    build_demo(other).close()
    shutil.copyfile(backups.backup_file(other), path)


def _stray_folder(path: Path, _demo: Path) -> None:
    path.mkdir()


STRAYS = {
    "plain-text": _stray_text,
    "empty": _stray_empty,
    "foreign-sqlite": _stray_foreign_sqlite,
    "other-databases-backup": _stray_other_database,
    "a-folder": _stray_folder,
}


@pytest.mark.parametrize("kind", list(STRAYS))
def test_retention_never_deletes_a_file_it_did_not_write(kind: str, demo_path: Path) -> None:
    folder = demo_path.parent / "demo-backups"
    folder.mkdir()
    stray = folder / "demo-2020-01-01T000000-manual.db"
    STRAYS[kind](stray, demo_path)
    before = digest(stray) if stray.is_file() else None
    for day in range(1, 4):
        write_backup(demo_path, Reason.MANUAL, when=dt.datetime(2024, 3, day, 9, 0))
    removed = backups.prune(demo_path, now=NOW)
    assert stray.exists() and stray not in removed
    if before is not None:
        assert digest(stray) == before


def test_retention_still_deletes_this_databases_own_old_backups(demo_path: Path) -> None:
    old = write_backup(demo_path, Reason.MANUAL, when=dt.datetime(2020, 1, 1, 9, 0))
    write_backup(demo_path, Reason.MANUAL, when=dt.datetime(2024, 3, 30, 9, 0))
    assert backups.prune(demo_path, now=NOW) == [old]


# ---------------------------------------------------------------- item 6: symbolic links


@pytest.fixture
def linked(demo_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real = real_folder / "data.db"
    shutil.move(demo_path, real)
    link = tmp_path / "link.db"
    link.symlink_to(real)
    return link, real


def test_restore_onto_a_symlink_restores_its_target(
    linked: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link, real = linked
    backup = tmp_path / "older.db"
    create_database(backup).close()
    run = cli(capsys, "restore", "--db", str(link), "--from", str(backup))
    assert run.code == 0, run.err
    assert link.is_symlink() and link.resolve() == real
    assert count(real) == 0  # the target now holds the restored content
    kept = list((real.parent / "data-backups").iterdir())
    assert len(kept) == 1 and count(kept[0]) > 50  # the previous state, beside the target


def test_demo_force_onto_a_symlink_writes_its_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.db"
    create_database(real).close()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    run = cli(capsys, "demo", "--db", str(link), "--force")
    assert run.code == 0, run.err
    assert link.is_symlink() and count(real) > 50


def test_backup_out_onto_a_symlink_writes_its_target(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real-copy.db"
    real.write_bytes(b"old copy")
    link = tmp_path / "copy-link.db"
    link.symlink_to(real)
    run = cli(capsys, "backup", "--db", str(demo_path), "--out", str(link), "--force")
    assert run.code == 0, run.err
    assert link.is_symlink() and verify(real) is None


def test_the_lock_of_a_link_is_its_targets(linked: tuple[Path, Path]) -> None:
    link, real = linked
    opened = workspace.open_for_editing(link)
    try:
        other = workspace.lock_holder(real)
        assert opened.lock is not None
        assert other is None  # ours
        assert (real.parent / "data.db.lock").exists()
    finally:
        opened.close()


# ---------------------------------------------------------------- item 23: leftovers

KILL_SCRIPT = """
import sys, time
from pathlib import Path
from parktracker.storage import restore

real_stage = restore.stage
def slow_stage(*args, **kwargs):
    staged = real_stage(*args, **kwargs)
    print("STAGED", flush=True)
    time.sleep(60)
    return staged
restore.stage = slow_stage
from parktracker.services.backups import restore_backup
restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_a_killed_restores_copy_is_removed_by_the_retry(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "older.db"
    shutil.copyfile(demo_path, backup)
    conn = sqlite3.connect(backup)
    add_projects(conn, 3)
    conn.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(demo_path), str(backup)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "STAGED"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    leftover = tmp_path / f".demo.db.restoring-{proc.pid}"
    assert leftover.exists() and leftover.stat().st_size > 100_000

    run = cli(capsys, "restore", "--db", str(demo_path), "--from", str(backup))
    assert run.code == 0, run.err
    assert not leftover.exists()
    assert count(demo_path) == count(backup)


LEFTOVER_NAMES = [
    ".demo.db.restoring-{pid}",
    ".demo.db.creating-{pid}",
    ".demo.db.creating-{pid}-journal",
    ".demo.db.saving-{pid}-140230",
    "demo-backups/.demo-2024-03-31T101500-manual.db.saving-{pid}-77",
]


@pytest.mark.parametrize("pattern", LEFTOVER_NAMES)
def test_leftovers_of_dead_processes_go_at_the_next_open(pattern: str, demo_path: Path) -> None:
    dead = demo_path.parent / pattern.format(pid=dead_pid())
    alive = demo_path.parent / pattern.format(pid=os.getppid())
    dead.parent.mkdir(exist_ok=True)
    dead.write_bytes(b"x" * 4096)
    alive.write_bytes(b"y" * 4096)
    opened = workspace.open_for_editing(demo_path)
    opened.close()
    assert not dead.exists()
    assert alive.exists()  # a live process's work in progress is left alone


def test_a_read_only_open_removes_nothing(demo_path: Path) -> None:
    dead = demo_path.parent / f".demo.db.restoring-{dead_pid()}"
    dead.write_bytes(b"x")
    with open_database(demo_path, readonly=True):
        pass
    assert dead.exists()


def test_leftovers_of_other_files_are_left_alone(demo_path: Path) -> None:
    other = demo_path.parent / f".report.db.restoring-{dead_pid()}"
    other.write_bytes(b"x")
    workspace.open_for_editing(demo_path).close()
    assert other.exists()


def test_a_backup_also_clears_dead_leftovers_however_new(demo_path: Path, tmp_path: Path) -> None:
    """The clean-up needs no waiting: a dead process's file goes however new it is."""
    fresh = tmp_path / f".demo.db.saving-{dead_pid()}-1"
    fresh.write_bytes(b"x")
    os.utime(fresh, (time.time(), time.time()))
    backups.backup_file(demo_path)
    assert not fresh.exists()
