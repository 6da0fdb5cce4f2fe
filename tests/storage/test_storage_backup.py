"""Backup files: consistent while another connection writes, atomic, verified, well placed,
and a backup before every migration of a file that holds data."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from parktracker.storage import backup
from parktracker.storage.backup import BackupFailed, Reason, find_backups, inspect, write_backup
from parktracker.storage.database import APPLICATION_ID, create_database, open_database
from parktracker.storage.errors import DatabaseDamaged, DatabaseTooNew, NotParkTracker
from parktracker.storage.schema import migrations
from parktracker.storage.versions import SCHEMA_VERSION

WHEN = dt.datetime(2024, 3, 31, 10, 15, 0)


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def flip_page(path: Path, page: int) -> None:
    """Overwrite the middle of one page with garbage (the file keeps its size)."""
    page_size = count(path, "PRAGMA page_size")
    data = bytearray(path.read_bytes())
    start = page_size * (page - 1) + 8
    data[start : start + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def test_backup_is_named_placed_and_verified(demo_path: Path) -> None:
    made = write_backup(demo_path, Reason.MANUAL, when=WHEN)

    assert made == demo_path.parent / "demo-backups" / "demo-2024-03-31T101500-manual.db"
    assert inspect(made).ok
    assert count(made, "PRAGMA application_id") == APPLICATION_ID
    assert count(made, "SELECT count(*) FROM projects") == count(
        demo_path, "SELECT count(*) FROM projects"
    )
    # Nothing but the backup in the folder: no temporary or journal file left behind.
    assert [p.name for p in made.parent.iterdir()] == [made.name]
    # Two in the same second get distinct names.
    again = write_backup(demo_path, Reason.MANUAL, when=WHEN)
    assert again.name == "demo-2024-03-31T101500-manual-2.db"
    assert [b.path for b in find_backups(demo_path)] == [again, made]


def test_backup_ignores_an_uncommitted_write_of_another_connection(demo_path: Path) -> None:
    writer = sqlite3.connect(demo_path, isolation_level=None)
    before = count(demo_path, "SELECT count(*) FROM meta")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO meta (key, value) VALUES ('uncommitted', 'x')")
    try:
        during = write_backup(demo_path, Reason.MANUAL, when=WHEN)
    finally:
        writer.execute("COMMIT")
        writer.close()
    after = write_backup(demo_path, Reason.MANUAL, when=WHEN + dt.timedelta(seconds=1))

    assert count(during, "SELECT count(*) FROM meta") == before
    assert count(after, "SELECT count(*) FROM meta") == before + 1
    assert inspect(during).ok and inspect(after).ok


@contextlib.contextmanager
def busy_writer(path: Path) -> Iterator[list[int]]:
    """Another connection inserting a pair of rows per transaction (the list grows with each
    pair) until the block ends; the block starts once five pairs are in."""
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE pairs (n INTEGER, side TEXT, pad BLOB)")
    setup.commit()
    setup.close()
    stop = threading.Event()
    written: list[int] = []

    def write_pairs() -> None:
        conn = sqlite3.connect(path, timeout=10)
        n = 0
        while not stop.is_set():
            with conn:
                for side in ("a", "b"):
                    conn.execute("INSERT INTO pairs VALUES (?, ?, randomblob(3000))", (n, side))
            n += 1
            written.append(n)
            stop.wait(0.005)  # a busy writer, yet one that lets readers in now and then
        conn.close()

    thread = threading.Thread(target=write_pairs)
    thread.start()
    try:
        while len(written) < 5:
            stop.wait(0.01)
        yield written
    finally:
        stop.set()
        thread.join()


def assert_whole_pairs(path: Path) -> None:
    # intact (quick_check, application id); the test's own table "pairs" is foreign to
    # ParkTracker's schema, which inspect() reports, so verify() is asked instead
    assert backup.verify(path) is None
    a = count(path, "SELECT count(*) FROM pairs WHERE side = 'a'")
    b = count(path, "SELECT count(*) FROM pairs WHERE side = 'b'")
    assert a == b > 0


def test_backup_stays_consistent_while_another_connection_keeps_writing(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every write inserts a pair of rows in one transaction; a backup taken meanwhile (one
    page per step, so the writer gets in between steps) holds whole pairs only."""
    monkeypatch.setattr(backup, "STEP_PAGES", 1)
    with busy_writer(demo_path) as written:
        started_at = len(written)
        made = [
            write_backup(demo_path, Reason.MANUAL, when=WHEN + dt.timedelta(seconds=i))
            for i in range(3)
        ]
        ended_at = len(written)
    assert ended_at > started_at  # the writer really wrote while the backups ran
    for path in made:
        assert_whole_pairs(path)


class WriteMidway:
    """The source connection of a backup, as :func:`backup.open_source` returns it, except
    that once the stepwise copy is ``after`` pages along another connection commits a write:
    the copy must start again (or, out of patience, be made in one step)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, after: int) -> None:
        self.conn, self.path, self.after = conn, path, after
        self.wrote = False

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)

    def backup(self, dest: sqlite3.Connection, **options: object) -> None:
        progress = options.get("progress")
        if progress is None:
            self.conn.backup(dest)
            return

        def midway(status: int, remaining: int, total: int) -> None:
            if not self.wrote and total - remaining >= self.after:
                self.wrote = True
                writer = sqlite3.connect(self.path, timeout=10)
                with writer:
                    writer.execute("INSERT INTO meta VALUES ('midway', 'written')")
                writer.close()
            progress(status, remaining, total)  # type: ignore[operator]

        self.conn.backup(dest, **{**options, "progress": midway})  # type: ignore[arg-type]


def test_a_copy_that_gives_up_stepping_starts_again_on_an_empty_file(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source that keeps changing past the patience is copied in one step. That copy starts
    on an empty file: on the half-written one (no journal, pages of the abandoned copy already
    in it) it failed with "file is not a database", the flaky failure of the test above on a
    loaded machine, where its backups took over a minute."""
    monkeypatch.setattr(backup, "STEP_PAGES", 100)
    monkeypatch.setattr(backup, "RESTART_PATIENCE", 0.0)  # give up at the first restart
    opened: list[WriteMidway] = []
    real_open = backup.open_source

    def open_source(path: Path) -> WriteMidway:
        opened.append(WriteMidway(real_open(path), path, after=3000))
        return opened[-1]

    monkeypatch.setattr(backup, "open_source", open_source)
    filler = sqlite3.connect(demo_path)  # ~3000 pages: more than the copy's page cache holds
    with filler:
        filler.execute("CREATE TABLE filler (pad BLOB)")
        filler.executemany("INSERT INTO filler VALUES (randomblob(3000))", [()] * 3000)
    filler.close()
    before = count(demo_path, "SELECT count(*) FROM meta")
    made = write_backup(demo_path, Reason.MANUAL, when=WHEN)
    assert opened[0].wrote  # the write came in the middle of the stepwise copy
    assert backup.verify(made) is None
    assert count(made, "SELECT count(*) FROM meta") == before + 1  # the one-step copy is whole
    assert not list(made.parent.glob(".*.saving-*"))


def test_failed_verification_leaves_no_file(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "verify", lambda _path: "database disk image is malformed")
    with pytest.raises(DatabaseDamaged):
        write_backup(demo_path, Reason.MANUAL, when=WHEN)
    assert list((demo_path.parent / "demo-backups").iterdir()) == []


def test_damaged_database_is_not_backed_up(demo_path: Path) -> None:
    flip_page(demo_path, 5)
    with pytest.raises(DatabaseDamaged):
        write_backup(demo_path, Reason.MANUAL, when=WHEN)
    assert find_backups(demo_path) == []


def test_foreign_file_is_not_backed_up(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotParkTracker):
        write_backup(other, Reason.MANUAL, when=WHEN)


def test_unwritable_folder_falls_back_to_the_data_folder(demo_path: Path) -> None:
    # A file where the backups folder should be: the folder cannot be made there.
    (demo_path.parent / "demo-backups").write_text("not a folder", encoding="utf-8")
    made = write_backup(demo_path, Reason.MANUAL, when=WHEN)

    assert made.parent == backup.backup_folders(demo_path)[1]
    assert made.parent.parent == backup.user_data_dir() / "backups"
    assert made.parent.name.startswith("demo-")
    assert [b.path for b in find_backups(demo_path)] == [made]


def test_no_folder_at_all_is_a_clear_failure(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (demo_path.parent / "demo-backups").write_text("x", encoding="utf-8")
    blocker = tmp_path / "blocked"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("PARKTRACKER_DATA_DIR", str(blocker / "data"))
    with pytest.raises(BackupFailed):
        write_backup(demo_path, Reason.MANUAL, when=WHEN)


def test_find_backups_reads_names_only_and_skips_other_files(demo_path: Path) -> None:
    folder = demo_path.parent / "demo-backups"
    folder.mkdir()
    names = [
        "demo-2024-03-30T090000-daily.db",
        "demo-2024-03-31T101500-pre-migration.db",
        "demo-2024-03-29T235959-pre-restore.db",
        ".demo-2024-03-31T120000-manual.db.saving-1-2",  # a copy being written
        "demo-2024-03-31T120000-unknown.db",
        "other-2024-03-31T120000-manual.db",
        "demo-copy.db",
    ]
    for name in names:
        (folder / name).write_bytes(b"")
    found = find_backups(demo_path)
    assert [(b.created, b.reason) for b in found] == [
        (dt.datetime(2024, 3, 31, 10, 15), Reason.PRE_MIGRATION),
        (dt.datetime(2024, 3, 30, 9, 0), Reason.DAILY),
        (dt.datetime(2024, 3, 29, 23, 59, 59), Reason.PRE_RESTORE),
    ]


def test_inspect_tells_good_from_damaged_truncated_and_too_new(demo_path: Path) -> None:
    good = write_backup(demo_path, Reason.MANUAL, when=WHEN)
    result = inspect(good)
    assert result.ok and result.counts is not None
    assert result.counts.parks == 8 and result.counts.projects > 0

    flipped = good.with_name("demo-2024-03-31T101501-manual.db")
    flipped.write_bytes(good.read_bytes())
    flip_page(flipped, 3)
    assert isinstance(inspect(flipped).error, DatabaseDamaged)

    truncated = good.with_name("demo-2024-03-31T101502-manual.db")
    truncated.write_bytes(good.read_bytes()[: 4096 * 3])
    assert isinstance(inspect(truncated).error, DatabaseDamaged)

    newer = good.with_name("demo-2024-03-31T101503-manual.db")
    newer.write_bytes(good.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    assert isinstance(inspect(newer).error, DatabaseTooNew)


# ---------------------------------------------------------------- before a migration
def version_1_file(path: Path) -> Path:
    """A ParkTracker file as version 1 wrote it (the first migration only), with data."""
    conn = sqlite3.connect(path)
    su = sqlite_utils.Database(conn)
    migrations.apply(su, stop_before="0002_project_listing")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO parks (name, short_name, industry) VALUES ('青岛市测试园', '测试园', '测试')"
    )
    conn.execute("INSERT INTO projects (park_id, name, stage) VALUES (1, '老版本项目', 'signed')")
    conn.commit()
    conn.close()
    assert count(path, "PRAGMA user_version") == 1
    return path


def test_a_version_1_file_is_backed_up_before_it_is_upgraded(tmp_path: Path) -> None:
    path = version_1_file(tmp_path / "old.db")
    before = dump(path)

    with open_database(path) as db:
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION

    [made] = find_backups(path)
    assert made.reason is Reason.PRE_MIGRATION
    assert dump(made.path) == before  # the old version's schema and rows, all of them
    assert count(made.path, "PRAGMA user_version") == 1
    assert count(made.path, "SELECT count(*) FROM projects") == 1
    # Opening the upgraded file again makes no further backup.
    open_database(path).close()
    assert len(find_backups(path)) == 1


def test_new_and_current_files_are_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    create_database(path).close()
    open_database(path).close()
    assert find_backups(path) == []
    assert not (tmp_path / "new-backups").exists()


def test_no_upgrade_without_its_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = version_1_file(tmp_path / "old.db")
    before = path.read_bytes()

    def fail(*_args: object, **_kwargs: object) -> Path:
        raise BackupFailed(path, "No space left on device")

    monkeypatch.setattr(backup, "write_backup", fail)
    with pytest.raises(BackupFailed):
        open_database(path)
    assert path.read_bytes() == before
    assert count(path, "PRAGMA user_version") == 1
