"""Parks table."""

from __future__ import annotations

import sqlite3
from typing import Any

from parktracker.domain.models import Park
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, date_out, list_in, list_out

TABLE = "parks"


def to_row(park: Park) -> dict[str, Any]:
    return {
        "name": park.name.strip(),
        "short_name": park.short_name.strip(),
        "industry": park.industry.strip(),
        "location": park.location,
        "listed_date": date_out(park.listed_date),
        "chain_leaders": list_out(park.chain_leaders),
        "partner_parks": list_out(park.partner_parks),
        "notes": park.notes,
        "sort_order": park.sort_order,
        "sample": int(park.sample),
    }


def from_row(row: sqlite3.Row) -> Park:
    return Park(
        id=row["id"],
        name=row["name"],
        short_name=row["short_name"],
        industry=row["industry"],
        location=row["location"],
        listed_date=date_in(row["listed_date"]),
        chain_leaders=list_in(row["chain_leaders"]),
        partner_parks=list_in(row["partner_parks"]),
        notes=row["notes"],
        sort_order=row["sort_order"],
        sample=bool(row["sample"]),
    )


def add(db: Database, park: Park) -> int:
    return audit.insert(db, TABLE, to_row(park))


def save(db: Database, park: Park) -> None:
    assert park.id is not None
    audit.update(db, TABLE, park.id, to_row(park))


def all_parks(db: Database) -> list[Park]:
    return [from_row(r) for r in db.query("SELECT * FROM parks ORDER BY sort_order, id")]


def get(db: Database, park_id: int) -> Park | None:
    rows = db.query("SELECT * FROM parks WHERE id = ?", [park_id])
    return from_row(rows[0]) if rows else None


def find(db: Database, name_or_short: str) -> Park | None:
    """A park by full name, short name or industry (exact, then containing)."""
    key = name_or_short.strip()
    for sql in (
        "SELECT * FROM parks WHERE name = ? OR short_name = ? OR industry = ?",
        "SELECT * FROM parks WHERE instr(name, ?) > 0 OR instr(short_name, ?) > 0"
        " OR instr(industry, ?) > 0",
    ):
        rows = db.query(sql, [key, key, key])
        if len(rows) == 1:
            return from_row(rows[0])
    return None


def names(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT name FROM parks")]


def project_count(db: Database, park_id: int) -> int:
    return int(db.scalar("SELECT count(*) FROM projects WHERE park_id = ?", [park_id]))


def delete(db: Database, park_id: int) -> None:
    """Delete a park with its revenue figures, targets and problems (the caller checks other
    records)."""
    from parktracker.storage import problems

    with db.atomic():
        for problem_id in problems.ids_of_park(db, park_id):
            problems.delete(db, problem_id)
        audit.delete_with_children(
            db, TABLE, park_id, [("revenue", "park_id"), ("targets", "park_id")]
        )


def dependents(db: Database, park_id: int) -> dict[str, int]:
    """How many records of each kind belong to the park (a park in use cannot be deleted)."""
    counts = {}
    for table in ("projects", "funds", "platforms", "enterprises", "revenue", "targets"):
        counts[table] = int(db.scalar(f"SELECT count(*) FROM {table} WHERE park_id = ?", [park_id]))
    return counts
