"""Read-only per-park aggregates for the Parks page: one grouped query per figure, so the
eight-park table costs a handful of queries rather than a handful per park."""

from __future__ import annotations

import datetime as dt

from parktracker.domain.enums import PlatformLevel
from parktracker.domain.models import Fund
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.storage.database import Database
from parktracker.storage.funds import from_row as fund_from_row
from parktracker.storage.rows import month_in

_PROVINCIAL_OR_ABOVE = tuple(level.value for level in PlatformLevel if level.provincial_or_above)


def platforms_provincial_or_above(db: Database, as_of: dt.date) -> dict[int, int]:
    """Platforms at provincial level or above recognised by ``as_of``, counted per park."""
    marks = ", ".join("?" for _ in _PROVINCIAL_OR_ABOVE)
    rows = db.query(
        "SELECT park_id, count(*) FROM platforms"
        " WHERE (recognized_date IS NULL OR recognized_date <= ?)"
        f" AND level IN ({marks}) GROUP BY park_id",
        [as_of.isoformat(), *_PROVINCIAL_OR_ABOVE],
    )
    return {int(r[0]): int(r[1]) for r in rows}


def enterprise_counts(db: Database, as_of: dt.date) -> dict[int, int]:
    """Enterprises that had joined by ``as_of``, counted per park."""
    rows = db.query(
        "SELECT park_id, count(*) FROM enterprises"
        " WHERE (joined_date IS NULL OR joined_date <= ?) GROUP BY park_id",
        [as_of.isoformat()],
    )
    return {int(r[0]): int(r[1]) for r in rows}


def monthly_revenue_by_park(db: Database, year: int) -> dict[int, list[tuple[YearMonth, Money]]]:
    """Each park's monthly (not cumulative) revenue of ``year``, in month order."""
    rows = db.query(
        "SELECT park_id, month, amount_yuan FROM revenue WHERE month >= ? AND month <= ?"
        " ORDER BY park_id, month",
        [f"{year:04d}-01", f"{year:04d}-12"],
    )
    out: dict[int, list[tuple[YearMonth, Money]]] = {}
    for r in rows:
        out.setdefault(int(r[0]), []).append((month_in(r[1]), Money(int(r[2]))))
    return out


def latest_revenue_year(db: Database, park_id: int) -> int | None:
    """The latest year in which the park has any revenue figure."""
    month = db.scalar("SELECT max(month) FROM revenue WHERE park_id = ?", [park_id])
    return None if month is None else month_in(month).year


def completed_by_project(db: Database, park_id: int) -> dict[int, Money]:
    """Cumulative completed investment of each of the park's projects that has any."""
    rows = db.query(
        "SELECT i.project_id, sum(i.completed_yuan) FROM project_monthly_investment i"
        " JOIN projects p ON p.id = i.project_id WHERE p.park_id = ? GROUP BY i.project_id",
        [park_id],
    )
    return {int(r[0]): Money(int(r[1])) for r in rows}


def funds_in_park(db: Database, park_id: int) -> list[Fund]:
    rows = db.query("SELECT * FROM funds WHERE park_id = ? ORDER BY id", [park_id])
    return [fund_from_row(r) for r in rows]
