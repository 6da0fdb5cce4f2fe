"""The demo file shipped in resources/data is what build_demo makes, and --demo starts from it.

Rebuild it with ``python packaging/build_demo_db.py`` when this fails after a change to the demo
data or the schema.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from parktracker.services import workspace
from parktracker.storage import card_snapshot
from parktracker.storage.database import DATABASE_ID
from parktracker.storage.versions import SCHEMA_VERSION

# What differs between two builds: when and by whom rows were written, and the database's id.
TIME_COLUMNS = {"at", "applied_at", "os_user"}
# The database's id, and the dashboard's kept figures (stamped with the file's change counter).
VARYING_META = {DATABASE_ID, card_snapshot.KEY}


def contents(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out: dict[str, object] = {
            "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "schema": sorted(
                tuple(r)
                for r in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
            ),
        }
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
            kept = [c for c in columns if c not in TIME_COLUMNS]
            rows = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in kept)} FROM [{table}]")
            out[table] = sorted(
                (tuple(r) for r in rows if not (table == "meta" and r[0] in VARYING_META)),
                key=repr,
            )
        return out
    finally:
        conn.close()


def test_the_shipped_demo_equals_a_fresh_build(demo_template: Path) -> None:
    shipped = workspace.shipped_demo()
    assert shipped is not None, "resources/data/demo.db is missing: packaging/build_demo_db.py"
    expected, found = contents(demo_template), contents(shipped)
    assert found["user_version"] == SCHEMA_VERSION
    assert found.keys() == expected.keys()
    for key in expected:
        assert found[key] == expected[key], f"{key} differs: run packaging/build_demo_db.py"


def test_a_demo_copy_is_a_new_file_with_its_own_id(demo_template: Path) -> None:
    shipped = workspace.shipped_demo()
    assert shipped is not None
    before = shipped.read_bytes()
    first, second = workspace.demo_copy(), workspace.demo_copy()
    try:
        assert first.path not in (second.path, shipped)
        ids = {first.meta(DATABASE_ID), second.meta(DATABASE_ID)}
        assert len(ids) == 2 and None not in ids
        assert first.scalar("SELECT count(*) FROM projects") == 88
        assert not first.readonly
    finally:
        first.close()
        second.close()
    assert shipped.read_bytes() == before  # the shipped file is never written
    assert contents(first.path)["projects"] == contents(demo_template)["projects"]
