"""Industry funds and their dated updates (scale, paid-in, invested)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from parktracker.domain.models import Fund, FundUpdate
from parktracker.domain.money import Money
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, date_out

TABLE = "funds"
UPDATES = "fund_updates"


def to_row(fund: Fund) -> dict[str, Any]:
    return {
        "name": fund.name.strip(),
        "park_id": fund.park_id,
        "manager": fund.manager,
        "established_date": date_out(fund.established_date),
        "notes": fund.notes,
        "sample": int(fund.sample),
    }


def from_row(row: sqlite3.Row) -> Fund:
    return Fund(
        id=row["id"],
        name=row["name"],
        park_id=row["park_id"],
        manager=row["manager"],
        established_date=date_in(row["established_date"]),
        notes=row["notes"],
        sample=bool(row["sample"]),
    )


def add(db: Database, fund: Fund) -> int:
    return audit.insert(db, TABLE, to_row(fund))


def save(db: Database, fund: Fund) -> None:
    assert fund.id is not None
    audit.update(db, TABLE, fund.id, to_row(fund))


def get(db: Database, fund_id: int) -> Fund | None:
    rows = db.query("SELECT * FROM funds WHERE id = ?", [fund_id])
    return from_row(rows[0]) if rows else None


def all_funds(db: Database) -> list[Fund]:
    return [from_row(r) for r in db.query("SELECT * FROM funds ORDER BY id")]


def names_in_scope(
    db: Database, park_id: int | None, *, exclude_id: int | None = None
) -> list[str]:
    rows = db.query(
        "SELECT name FROM funds WHERE park_id IS ? AND id IS NOT ?", [park_id, exclude_id]
    )
    return [r[0] for r in rows]


def names_of_park(db: Database, park_id: int) -> dict[int, str]:
    """The names of a park's funds, by id."""
    rows = db.query("SELECT id, name FROM funds WHERE park_id = ?", [park_id])
    return {int(r[0]): str(r[1]) for r in rows}


def add_update(db: Database, update: FundUpdate) -> int:
    return audit.insert(
        db,
        UPDATES,
        {
            "fund_id": update.fund_id,
            "date": update.date.isoformat(),
            "scale_yuan": update.scale.yuan,
            "paid_in_yuan": update.paid_in.yuan,
            "invested_yuan": update.invested.yuan,
            "note": update.note,
        },
    )


def _update_from_row(r: sqlite3.Row) -> FundUpdate:
    return FundUpdate(
        id=r["id"],
        fund_id=r["fund_id"],
        date=dt.date.fromisoformat(r["date"]),
        scale=Money(r["scale_yuan"]),
        paid_in=Money(r["paid_in_yuan"]),
        invested=Money(r["invested_yuan"]),
        note=r["note"],
    )


def updates(db: Database, fund_id: int) -> list[FundUpdate]:
    rows = db.query("SELECT * FROM fund_updates WHERE fund_id = ? ORDER BY date, id", [fund_id])
    return [_update_from_row(r) for r in rows]


def latest_update(db: Database, fund_id: int, *, as_of: dt.date | None = None) -> FundUpdate | None:
    rows = db.query(
        "SELECT * FROM fund_updates WHERE fund_id = ? AND date <= ?"
        " ORDER BY date DESC, id DESC LIMIT 1",
        [fund_id, (as_of or dt.date.max).isoformat()],
    )
    return _update_from_row(rows[0]) if rows else None


def delete(db: Database, fund_id: int) -> None:
    audit.delete_with_children(db, TABLE, fund_id, [(UPDATES, "fund_id")])


def delete_update(db: Database, update_id: int) -> None:
    audit.delete(db, UPDATES, update_id)


def update_count_of_fund_with_update(db: Database, update_id: int) -> int:
    """How many reports the fund owning report ``update_id`` has (0 if there is no such report)."""
    return int(
        db.scalar(
            "SELECT count(*) FROM fund_updates WHERE fund_id ="
            " (SELECT fund_id FROM fund_updates WHERE id = ?)",
            [update_id],
        )
    )


def latest_updates(db: Database) -> dict[int, FundUpdate]:
    """Every fund's latest figures (latest date, then latest entry), keyed by fund id."""
    rows = db.query(
        "SELECT * FROM fund_updates AS u WHERE u.id = ("
        "SELECT v.id FROM fund_updates AS v WHERE v.fund_id = u.fund_id"
        " ORDER BY v.date DESC, v.id DESC LIMIT 1)"
    )
    return {r["fund_id"]: _update_from_row(r) for r in rows}
