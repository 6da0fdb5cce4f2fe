"""Innovation platforms."""

from __future__ import annotations

import sqlite3
from typing import Any

from parktracker.domain.enums import PlatformKind, PlatformLevel
from parktracker.domain.models import Platform
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, date_out

TABLE = "platforms"


def to_row(platform: Platform) -> dict[str, Any]:
    return {
        "park_id": platform.park_id,
        "name": platform.name.strip(),
        "level": platform.level.value,
        "kind": platform.kind.value,
        "recognized_date": date_out(platform.recognized_date),
        "notes": platform.notes,
        "sample": int(platform.sample),
    }


def from_row(row: sqlite3.Row) -> Platform:
    return Platform(
        id=row["id"],
        park_id=row["park_id"],
        name=row["name"],
        level=PlatformLevel(row["level"]),
        kind=PlatformKind(row["kind"]),
        recognized_date=date_in(row["recognized_date"]),
        notes=row["notes"],
        sample=bool(row["sample"]),
    )


def add(db: Database, platform: Platform) -> int:
    return audit.insert(db, TABLE, to_row(platform))


def save(db: Database, platform: Platform) -> None:
    assert platform.id is not None
    audit.update(db, TABLE, platform.id, to_row(platform))


def in_park(db: Database, park_id: int) -> list[Platform]:
    return [
        from_row(r)
        for r in db.query("SELECT * FROM platforms WHERE park_id = ? ORDER BY id", [park_id])
    ]


def names_in_park(db: Database, park_id: int, *, exclude_id: int | None = None) -> list[str]:
    rows = db.query(
        "SELECT name FROM platforms WHERE park_id = ? AND id IS NOT ?", [park_id, exclude_id]
    )
    return [r[0] for r in rows]


def get(db: Database, platform_id: int) -> Platform | None:
    rows = db.query("SELECT * FROM platforms WHERE id = ?", [platform_id])
    return from_row(rows[0]) if rows else None


def delete(db: Database, platform_id: int) -> None:
    audit.delete(db, TABLE, platform_id)


def all_platforms(db: Database) -> list[Platform]:
    return [from_row(r) for r in db.query("SELECT * FROM platforms ORDER BY id")]
