"""The meta table: key/value facts about the file (creator version, sample-data flag)."""

from __future__ import annotations

from parktracker.storage.database import Database

SAMPLE_DATA = "sample_data"
CREATED_BY = "created_by_version"


def set_value(db: Database, key: str, value: str) -> None:
    with db.atomic():
        db.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def get_value(db: Database, key: str) -> str | None:
    return db.meta(key)


def holds_sample_data(db: Database) -> bool:
    """True when any illustrative record is stored (or the file was made as a demo)."""
    if db.meta(SAMPLE_DATA) == "1":
        return True
    for table in ("parks", "projects", "funds", "revenue", "platforms", "enterprises"):
        if db.scalar(f"SELECT 1 FROM {table} WHERE sample = 1 LIMIT 1"):
            return True
    return False
