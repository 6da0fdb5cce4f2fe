"""Enterprises and their tags (chain leader, little giant, above-scale, high-tech)."""

from __future__ import annotations

import sqlite3
from typing import Any

from parktracker.domain.enums import EnterpriseTag
from parktracker.domain.models import Enterprise
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, date_out

TABLE = "enterprises"
TAG_COLUMNS = {
    EnterpriseTag.CHAIN_LEADER: "is_chain_leader",
    EnterpriseTag.LITTLE_GIANT: "is_little_giant",
    EnterpriseTag.ABOVE_SCALE: "is_above_scale",
    EnterpriseTag.HIGH_TECH: "is_high_tech",
}


def to_row(enterprise: Enterprise) -> dict[str, Any]:
    return {
        "park_id": enterprise.park_id,
        "name": enterprise.name.strip(),
        **{column: int(tag in enterprise.tags) for tag, column in TAG_COLUMNS.items()},
        "joined_date": date_out(enterprise.joined_date),
        "notes": enterprise.notes,
        "sample": int(enterprise.sample),
    }


def tags_of(row: sqlite3.Row) -> frozenset[EnterpriseTag]:
    return frozenset(tag for tag, column in TAG_COLUMNS.items() if row[column])


def from_row(row: sqlite3.Row) -> Enterprise:
    return Enterprise(
        id=row["id"],
        park_id=row["park_id"],
        name=row["name"],
        tags=tags_of(row),
        joined_date=date_in(row["joined_date"]),
        notes=row["notes"],
        sample=bool(row["sample"]),
    )


def add(db: Database, enterprise: Enterprise) -> int:
    return audit.insert(db, TABLE, to_row(enterprise))


def save(db: Database, enterprise: Enterprise) -> None:
    assert enterprise.id is not None
    audit.update(db, TABLE, enterprise.id, to_row(enterprise))


def in_park(db: Database, park_id: int) -> list[Enterprise]:
    return [
        from_row(r)
        for r in db.query("SELECT * FROM enterprises WHERE park_id = ? ORDER BY id", [park_id])
    ]


def names_in_park(db: Database, park_id: int, *, exclude_id: int | None = None) -> list[str]:
    rows = db.query(
        "SELECT name FROM enterprises WHERE park_id = ? AND id IS NOT ?", [park_id, exclude_id]
    )
    return [r[0] for r in rows]


def get(db: Database, enterprise_id: int) -> Enterprise | None:
    rows = db.query("SELECT * FROM enterprises WHERE id = ?", [enterprise_id])
    return from_row(rows[0]) if rows else None


def delete(db: Database, enterprise_id: int) -> None:
    audit.delete(db, TABLE, enterprise_id)


def all_enterprises(db: Database) -> list[Enterprise]:
    return [from_row(r) for r in db.query("SELECT * FROM enterprises ORDER BY id")]
