"""``check``'s rules run while SQLite's integrity_check reads the file on a connection and a
thread of their own, and their answer counts only for a sound file. Where another connection
would not see what the caller's sees, the check runs first on the caller's connection.
(Real damage found through ``parktracker check`` is in tests/safety/test_safety_damage.py.)"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from parktracker.storage import sound_file
from parktracker.storage.database import Database, open_database
from parktracker.storage.errors import DatabaseDamaged
from parktracker.storage.sound_file import while_checking

CHECK_THREAD = "parktracker-integrity-check"


@pytest.fixture
def db(demo_path: Path) -> Iterator[Database]:
    opened = open_database(demo_path, readonly=True, verify=False)
    yield opened
    opened.close()


def projects(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM projects"))


def checks_seen(
    monkeypatch: pytest.MonkeyPatch, found: list[str]
) -> list[tuple[str, sqlite3.Connection]]:
    """Make the integrity check answer ``found``; record each one's thread and connection."""
    seen: list[tuple[str, sqlite3.Connection]] = []

    def check(db: Database) -> list[str]:
        seen.append((threading.current_thread().name, db.conn))
        return list(found)

    monkeypatch.setattr(sound_file, "sqlite_problems", check)
    return seen


def test_on_a_sound_file_the_check_runs_beside_the_rules(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = checks_seen(monkeypatch, [])
    rules_thread: list[str] = []

    def rules() -> int:
        rules_thread.append(threading.current_thread().name)
        return projects(db)

    assert while_checking(db, rules) == 88
    assert rules_thread == [threading.current_thread().name]
    [(thread, conn)] = seen
    assert thread == CHECK_THREAD and conn is not db.conn
    assert CHECK_THREAD not in {t.name for t in threading.enumerate()}


def test_the_real_check_of_a_sound_file_lets_the_rules_answer(db: Database) -> None:
    assert while_checking(db, lambda: projects(db)) == 88


def test_damage_found_by_the_check_wins_over_the_rules_answer(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks_seen(monkeypatch, ["row 12 missing from index idx_projects_park_stage", "more"])
    with pytest.raises(DatabaseDamaged) as raised:
        while_checking(db, lambda: projects(db))
    assert "row 12 missing from index idx_projects_park_stage" in str(raised.value)
    assert raised.value.path == db.path


@pytest.mark.parametrize(
    "failure",
    [
        sqlite3.DatabaseError("database disk image is malformed"),
        ValueError("'in_prxduction' is not a valid Stage"),  # a stage text that is no stage
    ],
    ids=["sqlite-error", "any-error"],
)
def test_damage_found_by_the_check_wins_over_the_rules_failing(
    db: Database, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    """On damaged pages the rules can fail in any way."""
    checks_seen(monkeypatch, ["*** in database main ***\nPage 7: btreeInitPage() returns 11"])

    def rules() -> int:
        raise failure

    with pytest.raises(DatabaseDamaged) as raised:
        while_checking(db, rules)
    assert "Page 7: btreeInitPage() returns 11" in str(raised.value)


def test_a_rule_failing_on_a_sound_file_is_raised_as_it_is(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks_seen(monkeypatch, [])

    def rules() -> int:
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        while_checking(db, rules)


def test_in_a_transaction_the_check_runs_first_on_the_callers_connection(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = checks_seen(monkeypatch, [])
    db = open_database(demo_path, verify=False)
    try:
        db.conn.execute("DELETE FROM project_stage_history WHERE project_id = 1")
        assert db.conn.in_transaction
        assert while_checking(db, lambda: projects(db)) == 88
        assert seen == [(threading.current_thread().name, db.conn)]
        db.conn.rollback()
    finally:
        db.close()


@pytest.mark.parametrize(
    "refusal",
    [
        sqlite3.OperationalError("unable to open database file"),
        PermissionError(13, "Permission denied"),
    ],
    ids=["sqlite-error", "os-error"],
)
def test_when_no_other_connection_opens_the_check_runs_on_the_callers(
    db: Database, monkeypatch: pytest.MonkeyPatch, refusal: Exception
) -> None:
    seen = checks_seen(monkeypatch, [])

    def refuse(path: Path) -> Database:
        raise refusal

    monkeypatch.setattr(sound_file, "open_reader", refuse)
    assert while_checking(db, lambda: projects(db)) == 88
    assert seen == [(threading.current_thread().name, db.conn)]


@pytest.mark.parametrize("pause", [0.0, 0.3], ids=["running", "not-yet-running"])
def test_interrupting_the_rules_stops_the_check(
    db: Database, monkeypatch: pytest.MonkeyPatch, pause: float
) -> None:
    """Ctrl+C during ``check``: the check's statement is interrupted and its thread ends,
    also when the interrupt comes before the check's statement has started (SQLite forgets
    an interrupt that finds no statement running)."""
    started = threading.Event()
    ended: list[BaseException] = []

    def slow_check(reader: Database) -> list[str]:
        started.set()
        time.sleep(pause)
        try:
            deadline = time.monotonic() + 30  # a test that fails, not one that hangs
            while time.monotonic() < deadline:  # a check that would not end but for interrupt()
                reader.conn.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                    " LIMIT 100000) SELECT count(*) FROM n"
                ).fetchone()
            return []
        except sqlite3.OperationalError as exc:
            ended.append(exc)
            return [str(exc)]

    monkeypatch.setattr(sound_file, "sqlite_problems", slow_check)

    def rules() -> int:
        assert started.wait(10)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        while_checking(db, rules)
    assert [str(e) for e in ended] == ["interrupted"]
    assert CHECK_THREAD not in {t.name for t in threading.enumerate()}
