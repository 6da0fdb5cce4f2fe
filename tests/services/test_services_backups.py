"""Backups as a service: retention, listing, the newest good backup, daily backups, and a
restore that backs up first and never lets an old journal meet the restored file."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parktracker.domain.models import Park
from parktracker.services import backups, workspace
from parktracker.services.backups import DatabaseOpenElsewhere, Reason
from parktracker.services.parks import add_park
from parktracker.storage import backup as storage_backup
from parktracker.storage.database import Database, open_database
from parktracker.storage.errors import DatabaseDamaged
from parktracker.storage.lock import hostname, lock_path
from parktracker.storage.restore import DatabaseInUse

NOW = dt.datetime(2024, 3, 31, 12, 0)


def parks_in(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM parks").fetchone()[0])
    finally:
        conn.close()


def add_test_park(db: Database, name: str = "青岛市测试产业园") -> None:
    add_park(db, park=Park(name=name, short_name=name[3:7], industry="测试"))


def flip_page(path: Path, page: int = 4) -> None:
    data = bytearray(path.read_bytes())
    start = 4096 * (page - 1) + 8
    data[start : start + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))


# ---------------------------------------------------------------- retention
def make_files(folder: Path, stem: str, items: list[tuple[dt.datetime, Reason]]) -> None:
    """Backups of the database ``<folder's parent>/<stem>.db``: retention deletes only files
    that are ParkTracker backups of that database, so each is a real one (hard links to one
    backup, which costs no space for hundreds of them)."""
    folder.mkdir(parents=True, exist_ok=True)
    template = folder.parent / f".{stem}-template.db"
    if not template.exists():
        storage_backup.copy_file(folder.parent / f"{stem}.db", template)
    for when, reason in items:
        os.link(template, folder / storage_backup.backup_name(stem, when, reason))


def names(items: list[tuple[dt.datetime, Reason]], stem: str = "demo") -> set[str]:
    return {storage_backup.backup_name(stem, when, reason) for when, reason in items}


def test_retention_keeps_exactly_the_policy_set(demo_path: Path) -> None:
    day = dt.timedelta(days=1)
    dailies = []
    when = dt.datetime(2023, 1, 1, 9, 0)
    while when < NOW:
        dailies.append((when, Reason.DAILY))
        when += day
    others = [
        (NOW - day, Reason.MANUAL),
        (dt.datetime(2024, 1, 2, 9, 0), Reason.MANUAL),  # 89 days old
        (NOW - 89 * day, Reason.PRE_IMPORT),
        (dt.datetime(2023, 12, 31, 11, 0), Reason.PRE_IMPORT),  # 91 days old
        (NOW - 91 * day, Reason.PRE_MIGRATION),
        (NOW - 400 * day, Reason.PRE_RESTORE),
    ]
    folder = demo_path.parent / "demo-backups"
    make_files(folder, "demo", dailies + others)

    removed = backups.prune(demo_path, now=NOW)

    def at(y: int, m: int, d: int) -> tuple[dt.datetime, Reason]:
        return (dt.datetime(y, m, d, 9, 0), Reason.DAILY)

    newest_seven = [at(2024, 3, d) for d in range(25, 32)]
    weekly = [at(2024, 3, 24), at(2024, 3, 17), at(2024, 3, 10)]  # + 31 March (week 13)
    monthly = [
        at(2024, 2, 29), at(2024, 1, 31), at(2023, 12, 31), at(2023, 11, 30),
        at(2023, 10, 31), at(2023, 9, 30), at(2023, 8, 31), at(2023, 7, 31),
        at(2023, 6, 30), at(2023, 5, 31), at(2023, 4, 30),
    ]  # fmt: skip
    recent_others = others[:3]
    expected = names(newest_seven + weekly + monthly + recent_others)
    assert {p.name for p in folder.iterdir()} == expected
    assert len(removed) == len(dailies) + len(others) - len(expected)


def test_retention_counts_weeks_and_months_that_have_backups(demo_path: Path) -> None:
    """An officer who opens the file now and then: buckets are weeks/months with a backup."""
    dates = [dt.datetime(2023, m, 3, 9, 0) for m in (2, 5, 9)] + [
        dt.datetime(2024, 1, d, 9, 0) for d in (8, 9, 22)
    ]
    folder = demo_path.parent / "demo-backups"
    make_files(folder, "demo", [(d, Reason.DAILY) for d in dates])
    backups.prune(demo_path, now=NOW)
    assert len(list(folder.iterdir())) == len(dates)  # fewer than 7: all kept


def test_pruning_never_deletes_the_newest_backup(demo_path: Path) -> None:
    folder = demo_path.parent / "demo-backups"
    old = [
        (NOW - dt.timedelta(days=300), Reason.MANUAL),
        (NOW - dt.timedelta(days=200), Reason.MANUAL),
    ]
    make_files(folder, "demo", old)
    backups.prune(demo_path, now=NOW)
    assert {p.name for p in folder.iterdir()} == names(old[1:])


def test_pruning_removes_stale_temporaries_only(demo_path: Path) -> None:
    folder = demo_path.parent / "demo-backups"
    folder.mkdir()
    stale = folder / ".demo-2024-03-01T090000-daily.db.saving-123-456"
    # a backup in progress: its process is alive (this one)
    fresh = folder / f".demo-2024-03-31T115900-manual.db.saving-{os.getpid()}-789"
    for path in (stale, fresh):
        path.write_bytes(b"partial")
    two_days_ago = (dt.datetime.now() - dt.timedelta(days=2)).timestamp()
    os.utime(stale, (two_days_ago, two_days_ago))
    backups.prune(demo_path)
    assert not stale.exists()
    assert fresh.exists()


def test_every_backup_prunes(demo_db: Database) -> None:
    folder = demo_db.path.parent / "demo-backups"
    make_files(folder, "demo", [(dt.datetime(2020, 1, 1), Reason.MANUAL)])
    made = backups.backup_now(demo_db)
    assert [p.name for p in folder.iterdir()] == [made.name]


# ---------------------------------------------------------------- listing
def test_list_backups_with_counts_and_damaged_ones_not_ok(demo_db: Database) -> None:
    first = backups.backup_now(demo_db, Reason.MANUAL)
    add_test_park(demo_db)
    second = storage_backup.write_backup(
        demo_db.path,
        Reason.PRE_IMPORT,
        source=demo_db,
        when=dt.datetime.now() + dt.timedelta(seconds=5),
    )
    listed = backups.list_backups(demo_db.path)

    assert [b.path for b in listed] == [second, first]
    assert [b.reason for b in listed] == [Reason.PRE_IMPORT, Reason.MANUAL]
    assert [b.counts.parks for b in listed if b.counts] == [9, 8]
    assert all(b.ok for b in listed)
    assert listed[0].size_bytes == second.stat().st_size
    assert backups.newest_good_backup(demo_db.path) == listed[0]

    flip_page(second)
    listed = backups.list_backups(demo_db.path)
    assert [b.ok for b in listed] == [False, True]
    assert isinstance(listed[0].error, DatabaseDamaged)
    assert listed[0].counts is None
    newest = backups.newest_good_backup(demo_db.path)
    assert newest is not None and newest.path == first


def test_no_backups_no_newest(demo_path: Path) -> None:
    assert backups.list_backups(demo_path) == []
    assert backups.newest_good_backup(demo_path) is None


def test_backup_before_import_hook(demo_db: Database) -> None:
    made = backups.backup_before_import(demo_db)
    assert made.name.endswith("-pre-import.db")
    assert backups.list_backups(demo_db.path)[0].reason is Reason.PRE_IMPORT


# ---------------------------------------------------------------- daily
def test_daily_backup_once_a_day(demo_path: Path) -> None:
    first = workspace.open_for_editing(demo_path)
    first.close()
    assert first.backup_due
    made = backups.backup_daily_if_due(demo_path)
    assert made is not None and made.name.endswith("-daily.db")

    again = workspace.open_for_editing(demo_path)
    again.close()
    assert not again.backup_due
    assert backups.backup_daily_if_due(demo_path) is None
    assert len(backups.list_backups(demo_path)) == 1
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert backups.daily_backup_due(demo_path, today=tomorrow)


def test_no_daily_backup_for_a_new_or_read_only_file(tmp_path: Path, demo_path: Path) -> None:
    created = workspace.open_for_editing(tmp_path / "brand-new.db")
    created.close()
    assert created.created and not created.backup_due
    read_only = workspace.open_for_editing(demo_path, readonly=True)
    read_only.close()
    assert not read_only.backup_due


def test_backups_fall_back_to_the_workspace_data_folder() -> None:
    assert storage_backup.user_data_dir() == workspace.data_dir()


# ---------------------------------------------------------------- restore
def test_restore_backs_up_first_then_holds_the_backups_content(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        old = backups.backup_now(db)
        add_test_park(db)
        add_test_park(db, "青岛市第二测试园")
    assert parks_in(demo_path) == 10

    kept = backups.restore_backup(demo_path, old)

    assert parks_in(demo_path) == 8  # the backup's content
    assert kept is not None and kept.name.endswith("-pre-restore.db")
    assert parks_in(kept) == 10  # the state before the restore
    with open_database(demo_path) as db:
        assert db.scalar("PRAGMA quick_check") == "ok"
    assert not Path(f"{demo_path}-journal").exists()
    assert not lock_path(demo_path).exists()  # the restore's lock was released
    listed = backups.list_backups(demo_path)
    assert {b.reason for b in listed} == {Reason.MANUAL, Reason.PRE_RESTORE}


def test_damaged_backup_is_refused_and_nothing_changes(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        made = backups.backup_now(db)
        add_test_park(db)
    flip_page(made)
    before = demo_path.read_bytes()
    with pytest.raises(DatabaseDamaged):
        backups.restore_backup(demo_path, made)
    assert demo_path.read_bytes() == before
    assert [b.reason for b in backups.list_backups(demo_path)] == [Reason.MANUAL]
    assert sorted(p.name for p in demo_path.parent.iterdir()) == ["demo-backups", "demo.db"]


def test_restore_over_a_damaged_file_keeps_it_as_damaged(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        good = backups.backup_now(db)
    flip_page(demo_path, 2)
    damaged = demo_path.read_bytes()
    journal = Path(f"{demo_path}-journal")
    journal.write_bytes(b"\x00" * 512)  # a stale journal of the damaged file

    kept = backups.restore_backup(demo_path, good, now=NOW)

    assert kept == demo_path.with_name("demo.db.damaged-2024-03-31T120000")
    assert kept.read_bytes() == damaged
    assert Path(f"{kept}-journal").read_bytes() == b"\x00" * 512
    assert not journal.exists()
    assert parks_in(demo_path) == 8
    with open_database(demo_path) as db:
        assert db.scalar("PRAGMA integrity_check") == "ok"


HOT_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill pages to the file mid-transaction
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE parks SET notes = 'half-written'")
for _ in range(400):
    conn.execute("INSERT INTO meta (key, value) VALUES (hex(randomblob(8)), hex(randomblob(3000)))")
os._exit(0)  # die inside the transaction: the journal is hot
"""


def test_restore_never_lets_a_hot_journal_touch_the_restored_file(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        good = backups.backup_now(db)
        add_test_park(db)
    subprocess.run([sys.executable, "-c", HOT_WRITER, str(demo_path)], check=True)
    journal = Path(f"{demo_path}-journal")
    assert journal.exists() and journal.stat().st_size > 0

    kept = backups.restore_backup(demo_path, good, now=NOW)

    # The old file could not be read without rolling its journal back: kept with it, intact.
    assert kept is not None and kept.name == "demo.db.damaged-2024-03-31T120000"
    assert Path(f"{kept}-journal").exists()
    assert not journal.exists()
    with open_database(demo_path) as db:  # the restored file: the backup, untouched
        assert db.scalar("PRAGMA integrity_check") == "ok"
        assert db.scalar("SELECT count(*) FROM parks") == 8
        assert db.scalar("SELECT count(*) FROM parks WHERE notes = 'half-written'") == 0
    conn = sqlite3.connect(kept)  # the kept pair rolls back to the last commit
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM parks").fetchone()[0] == 9
        assert (
            conn.execute("SELECT count(*) FROM parks WHERE notes = 'half-written'").fetchone()[0]
            == 0
        )
    finally:
        conn.close()


def test_restore_refused_while_another_parktracker_has_the_file(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        made = backups.backup_now(db)
    holder = {"host": hostname(), "user": "同事", "pid": 1, "since": "2024-03-31T09:00:00+08:00"}
    lock_path(demo_path).write_text(json.dumps(holder), encoding="utf-8")  # pid 1 is alive
    before = demo_path.read_bytes()
    with pytest.raises(DatabaseOpenElsewhere) as refused:
        backups.restore_backup(demo_path, made)
    assert "同事" in str(refused.value)
    assert demo_path.read_bytes() == before
    assert lock_path(demo_path).exists()


def test_restore_refused_while_another_connection_writes(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        made = backups.backup_now(db)
    writer = sqlite3.connect(demo_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseInUse):
            backups.restore_backup(demo_path, made)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert parks_in(demo_path) == 8
    assert not lock_path(demo_path).exists()


def test_restore_onto_a_missing_file(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        made = backups.backup_now(db)
    demo_path.unlink()
    assert backups.restore_backup(demo_path, made) is None
    assert parks_in(demo_path) == 8
