"""Monthly operating revenue per park (stored monthly, never year-to-date)."""

from __future__ import annotations

from parktracker.domain.models import RevenueEntry
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.storage.rows import month_in

TABLE = "revenue"


def set_month(db: Database, entry: RevenueEntry) -> int:
    """Insert or replace one park-month; returns the row id."""
    existing = db.scalar(
        "SELECT id FROM revenue WHERE park_id = ? AND month = ?", [entry.park_id, str(entry.month)]
    )
    values = {"amount_yuan": entry.amount.yuan, "sample": int(entry.sample)}
    if existing is not None:
        audit.update(db, TABLE, int(existing), values)
        return int(existing)
    return audit.insert(db, TABLE, {"park_id": entry.park_id, "month": str(entry.month), **values})


def clear_month(db: Database, park_id: int, month: YearMonth) -> None:
    existing = db.scalar(
        "SELECT id FROM revenue WHERE park_id = ? AND month = ?", [park_id, str(month)]
    )
    if existing is not None:
        audit.delete(db, TABLE, int(existing))


def for_year(db: Database, year: int, *, park_id: int | None = None) -> list[RevenueEntry]:
    sql = "SELECT * FROM revenue WHERE month >= ? AND month <= ?"
    params: list[object] = [f"{year:04d}-01", f"{year:04d}-12"]
    if park_id is not None:
        sql += " AND park_id = ?"
        params.append(park_id)
    rows = db.query(sql + " ORDER BY park_id, month", params)
    return [
        RevenueEntry(
            id=r["id"],
            park_id=r["park_id"],
            month=month_in(r["month"]),
            amount=Money(r["amount_yuan"]),
            sample=bool(r["sample"]),
        )
        for r in rows
    ]


def all_entries(
    db: Database,
    *,
    park_id: int | None = None,
    through: YearMonth | None = None,
    year: int | None = None,
) -> list[RevenueEntry]:
    """Every stored park-month (or one park's, up to a month, or of one year), by park in the
    parks' order, then month."""
    sql = "SELECT r.* FROM revenue r JOIN parks k ON k.id = r.park_id WHERE 1 = 1"
    params: list[object] = []
    if park_id is not None:
        sql += " AND r.park_id = ?"
        params.append(park_id)
    if through is not None:
        sql += " AND r.month <= ?"
        params.append(str(through))
    if year is not None:
        sql += " AND r.month >= ? AND r.month <= ?"
        params.extend([f"{year:04d}-01", f"{year:04d}-12"])
    rows = db.query(sql + " ORDER BY k.sort_order, k.id, r.month", params)
    return [
        RevenueEntry(
            id=r["id"],
            park_id=r["park_id"],
            month=month_in(r["month"]),
            amount=Money(r["amount_yuan"]),
            sample=bool(r["sample"]),
        )
        for r in rows
    ]
