"""Files made before database ids were kept get one the first time they are opened for
writing: from a file of every released schema and from a current file without one; the rest
of the file is unchanged, a read-only open writes nothing, and the id then stays."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from parktracker.services.backups import list_backups
from parktracker.storage.backup import Reason, identify, write_backup
from parktracker.storage.database import DATABASE_ID, create_database, open_database
from parktracker.storage.versions import SCHEMA_VERSION

SAMPLES = Path(__file__).resolve().parent / "schemas"
HEX_ID = re.compile(r"^[0-9a-f]{32}$")


def rows_without_id(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out: list[tuple[object, ...]] = []
        for table in ("parks", "projects", "funds", "revenue", "meta"):
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1")
            out += [(table, *r) for r in rows if not (table == "meta" and r[0] == DATABASE_ID)]
        return out
    finally:
        conn.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_an_old_file_gets_an_id_on_its_first_open(version: int, tmp_path: Path) -> None:
    path = tmp_path / f"old-v{version}.db"
    shutil.copyfile(SAMPLES / f"v{version}.db", path)
    assert identify(path) == (True, None)  # made before ids were kept
    with open_database(path) as db:
        first = db.meta(DATABASE_ID)
    assert first is not None and HEX_ID.match(first)
    assert identify(path) == (True, first)
    with open_database(path) as db:  # the next open keeps it
        assert db.meta(DATABASE_ID) == first


def test_the_id_is_the_only_change_and_a_read_only_open_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "current.db"
    create_database(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM meta WHERE key = ?", [DATABASE_ID])
    conn.close()
    before = rows_without_id(path)
    bytes_before = path.read_bytes()
    with open_database(path, readonly=True) as db:
        assert db.meta(DATABASE_ID) is None
    assert path.read_bytes() == bytes_before
    with open_database(path) as db:
        given = db.meta(DATABASE_ID)
    assert given is not None and HEX_ID.match(given)
    assert rows_without_id(path) == before


def test_backups_from_before_the_id_stay_listed_and_new_ones_carry_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(SAMPLES / f"v{SCHEMA_VERSION}.db", path)
    when = dt.datetime(2024, 3, 31, 10, 0, 0)
    old_backup = write_backup(path, Reason.MANUAL, when=when)
    assert identify(old_backup) == (True, None)
    with open_database(path) as db:
        given = db.meta(DATABASE_ID)
        assert given is not None
        new_backup = write_backup(path, Reason.MANUAL, source=db, when=when.replace(hour=11))
    assert identify(new_backup) == (True, given)
    assert {b.path for b in list_backups(path)} == {old_backup, new_backup}
