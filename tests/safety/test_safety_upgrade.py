"""Schema upgrades: every released schema has a sample database (tests/storage/schemas/vN.db,
made by make_schemas.py from the demo data), each one upgrades to the current schema with its
content kept, and a file from a newer ParkTracker is refused untouched.

A kill in the middle of an upgrade is in test_safety_kill.py (it leaves the old version).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from safety_support import SCHEMAS, digest, folder_state

from parktracker.cli import EXIT_ERROR, main
from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.i18n import tr
from parktracker.services.check import check_database, is_blocking
from parktracker.services.summary import summarize
from parktracker.storage.database import APPLICATION_ID, create_database, open_database
from parktracker.storage.errors import DatabaseTooNew, NeedsUpgradeReadOnly
from parktracker.storage.schema import migrations
from parktracker.storage.versions import SCHEMA_VERSION

VERSIONS = list(range(1, SCHEMA_VERSION + 1))
OLDER = VERSIONS[:-1]

# What every sample holds, read with SQL that each released schema answers (the tables and
# columns of 0001_initial): the records an upgrade must keep.
CONTENT = {
    "parks": "SELECT id, name, short_name, industry FROM parks ORDER BY id",
    "projects": "SELECT id, park_id, name, stage, planned_total_yuan, signed_date, notes"
    " FROM projects ORDER BY id",
    "history": "SELECT project_id, stage, date FROM project_stage_history ORDER BY id",
    "months": "SELECT project_id, month, completed_yuan FROM project_monthly_investment"
    " ORDER BY id",
    "plans": "SELECT project_id, year, planned_yuan FROM project_annual_plan ORDER BY id",
    "funds": "SELECT f.name, u.date, u.scale_yuan, u.paid_in_yuan, u.invested_yuan"
    " FROM fund_updates u JOIN funds f ON f.id = u.fund_id ORDER BY u.id",
    "revenue": "SELECT park_id, month, amount_yuan FROM revenue ORDER BY id",
    "targets": "SELECT year, park_id, metric, amount_yuan FROM targets ORDER BY id",
    "platforms": "SELECT park_id, name, level, kind FROM platforms ORDER BY id",
    "enterprises": "SELECT park_id, name, is_little_giant FROM enterprises ORDER BY id",
    "audit": "SELECT count(*) FROM audit_log",
}


def sample(version: int) -> Path:
    return SCHEMAS / f"v{version}.db"


def content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {key: [tuple(r) for r in conn.execute(sql)] for key, sql in CONTENT.items()}
    finally:
        conn.close()


def schema_of(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    return {
        (r[0], r[1], r[2])
        for r in conn.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master")
    }


def migration_names() -> list[str]:
    return [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]


@pytest.mark.parametrize("version", VERSIONS)
def test_each_released_schema_has_its_sample(version: int) -> None:
    """v1.db ... vN.db for every migration: a release that adds one adds its sample too."""
    path = sample(version)
    assert path.is_file(), f"{path} is missing: run tests/storage/schemas/make_schemas.py"
    assert path.stat().st_size <= 1_100_000
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied == migration_names()[:version]
        assert conn.execute("SELECT count(*) FROM projects").fetchone()[0] > 50
    finally:
        conn.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_sample_upgrades_to_the_current_schema_with_its_content(
    version: int, tmp_path: Path
) -> None:
    path = tmp_path / "upgraded.db"
    path.write_bytes(sample(version).read_bytes())
    before = content(path)

    with open_database(path) as db:
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert [m.name for m in migrations.applied(db.su)] == migration_names()
        # Every record is still there, the same.
        assert content(path) == before
        # The tables added since are filled: the project listing mirrors every project.
        listing = {
            r["project_id"]: (r["park_id"], r["stage"], r["planned_yuan"], r["completed_yuan"])
            for r in db.query("SELECT * FROM project_listing")
        }
        months: dict[int, int] = {}
        for project_id, _, amount in before["months"]:
            months[int(str(project_id))] = months.get(int(str(project_id)), 0) + int(str(amount))
        assert listing == {
            p[0]: (p[1], p[3], p[4], months.get(int(str(p[0])), 0)) for p in before["projects"]
        }
        # The file passes the full check, and the headline figures of the demo come out.
        assert [f.render() for f in check_database(db) if is_blocking(f)] == []
        summary = summarize(db, as_of=dt.date(2024, 3, 31))
        building = summary.pipeline[Stage.UNDER_CONSTRUCTION]
        assert building.count == 50
        assert building.planned_total == Money.yi("1351.4")

    # The upgraded file has exactly the schema of a file created by this version.
    fresh = create_database(tmp_path / "fresh.db")
    fresh.close()
    upgraded_conn = sqlite3.connect(path)
    fresh_conn = sqlite3.connect(tmp_path / "fresh.db")
    try:
        assert schema_of(upgraded_conn) == schema_of(fresh_conn)
    finally:
        upgraded_conn.close()
        fresh_conn.close()

    # A second open finds nothing to do.
    with open_database(path) as again:
        assert again.scalar("PRAGMA user_version") == SCHEMA_VERSION
    assert content(path) == before


@pytest.mark.parametrize("version", OLDER)
def test_older_sample_is_not_upgraded_read_only(version: int, tmp_path: Path) -> None:
    """Read-only (and ``parktracker check``, which only reads) cannot upgrade: refused, with
    the file untouched."""
    path = tmp_path / "old.db"
    path.write_bytes(sample(version).read_bytes())
    before = folder_state(tmp_path)
    with pytest.raises(NeedsUpgradeReadOnly):
        open_database(path, readonly=True)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("readonly", [False, True], ids=["read-write", "read-only"])
def test_sample_from_a_newer_version_is_refused_untouched(
    readonly: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The current sample as a later ParkTracker would leave it: one more migration (a new
    table, user_version + 1, its record in _sqlite_migrations)."""
    path = tmp_path / "newer.db"
    path.write_bytes(sample(SCHEMA_VERSION).read_bytes())
    newer = SCHEMA_VERSION + 1
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY, what TEXT)")
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('parktracker', '9999_future', '2030-01-01')"
        )
        conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    before = folder_state(tmp_path)

    with pytest.raises(DatabaseTooNew) as caught:
        open_database(path, readonly=readonly)

    assert folder_state(tmp_path) == before
    message = str(caught.value)
    assert str(newer) in message and str(SCHEMA_VERSION) in message
    # `parktracker check` says the same, on one line, and exits with 2.
    capsys.readouterr()
    assert main(["check", "--db", str(path)]) == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    assert line.endswith(caught.value.render(tr))
    assert digest(path) == before[path.name]
