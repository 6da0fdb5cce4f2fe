"""Migrations: every one applies from a blank file, and an opened file has the right settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from parktracker.storage.database import APPLICATION_ID, Database, open_database
from parktracker.storage.errors import NeedsUpgradeReadOnly
from parktracker.storage.schema import migrations
from parktracker.storage.versions import SCHEMA_VERSION

EXPECTED_TABLES = {
    "_sqlite_migrations",
    "meta",
    "parks",
    "projects",
    "project_stage_history",
    "project_monthly_investment",
    "project_annual_plan",
    "funds",
    "fund_updates",
    "revenue",
    "targets",
    "platforms",
    "enterprises",
    "audit_log",
    "problems",
    "problem_notes",
    "settings",
}


def registered_names() -> list[str]:
    """Every registered migration, in order (all of them are pending on a blank database)."""
    return [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]


def blank_sqlite_file(path: Path) -> Path:
    """A SQLite file with a header page but no schema at all (application_id and version 0)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")  # writes page 1, so the file is not 0 bytes
    conn.commit()
    conn.close()
    assert path.stat().st_size > 0
    return path


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_schema_version_is_the_number_of_registered_migrations() -> None:
    names = registered_names()
    assert len(names) == SCHEMA_VERSION
    assert len(set(names)) == len(names)


def test_blank_sqlite_file_is_accepted_and_migrated(tmp_path: Path) -> None:
    path = blank_sqlite_file(tmp_path / "blank.db")

    with open_database(path) as db:
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert db.scalar("PRAGMA application_id") == APPLICATION_ID
        assert tables(db.conn) >= EXPECTED_TABLES
        applied = [m.name for m in migrations.applied(db.su)]
        assert applied == registered_names()

    # The upgrade was committed: a fresh connection sees the same schema.
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert tables(conn) >= EXPECTED_TABLES
    finally:
        conn.close()


def test_each_migration_applies_in_turn_and_sets_its_version(tmp_path: Path) -> None:
    """Apply the migrations one at a time from a blank file; each leaves user_version at its
    ordinal and the file passes SQLite's integrity check."""
    path = blank_sqlite_file(tmp_path / "stepwise.db")
    names = registered_names()
    conn = sqlite3.connect(path)
    try:
        su = sqlite_utils.Database(conn)
        for ordinal, name in enumerate(names, start=1):
            following = names[ordinal] if ordinal < len(names) else None
            migrations.apply(su, stop_before=following)
            assert [m.name for m in migrations.applied(su)] == names[:ordinal]
            assert conn.execute("PRAGMA user_version").fetchone()[0] == ordinal, name
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert tables(conn) >= EXPECTED_TABLES
        assert migrations.pending(su) == []
    finally:
        conn.close()


def test_reopening_a_current_file_applies_nothing_again(new_db: Database, tmp_path: Path) -> None:
    path = new_db.path
    applied_before = [(m.name, m.applied_at) for m in migrations.applied(new_db.su)]
    new_db.close()
    with open_database(path) as db:
        assert [(m.name, m.applied_at) for m in migrations.applied(db.su)] == applied_before
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION


def test_opened_connection_settings(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA synchronous") == 2  # FULL
        assert db.scalar("PRAGMA journal_mode") == "delete"


def test_read_only_connection_settings(demo_path: Path) -> None:
    with open_database(demo_path, readonly=True) as db:
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA synchronous") == 2
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.conn.execute("DELETE FROM meta")


def test_new_database_uses_the_rollback_journal_in_the_file(new_db: Database) -> None:
    """journal_mode=DELETE is stored in the file header (bytes 18/19 are 1, not WAL's 2)."""
    header = new_db.path.read_bytes()[:100]
    assert header[18] == 1
    assert header[19] == 1


def test_blank_file_cannot_be_upgraded_read_only(tmp_path: Path) -> None:
    path = blank_sqlite_file(tmp_path / "blank.db")
    before = path.read_bytes()
    with pytest.raises(NeedsUpgradeReadOnly):
        open_database(path, readonly=True)
    assert path.read_bytes() == before


def test_foreign_keys_are_enforced(new_db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), new_db.atomic():
        new_db.conn.execute(
            "INSERT INTO projects (park_id, name, stage) VALUES (9999, '无园区项目', 'signed')"
        )
    assert new_db.scalar("SELECT count(*) FROM projects") == 0
