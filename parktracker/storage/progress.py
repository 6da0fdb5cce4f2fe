"""What the pace and ageing figures read: each project's stage-history entry in force on a
date (the shared rule), and the year's planned and completed investment of projects."""

from __future__ import annotations

import datetime as dt

from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import months_elapsed_in_year
from parktracker.domain.progress import StageAge
from parktracker.storage.as_of_figures import latest_stage_entry_sql
from parktracker.storage.database import Database


def stage_ages(db: Database, as_of: dt.date, *, park_id: int | None = None) -> list[StageAge]:
    """Every project that existed on ``as_of`` with its stage then and since when, by park
    order and project id."""
    rows = db.tuples(
        "SELECT x.id, x.name, x.park_id, k.name, x.stage, x.since FROM (SELECT p.id, p.name,"
        " p.park_id, "
        + latest_stage_entry_sql("stage", "p.id", ":day")
        + " AS stage, "
        + latest_stage_entry_sql("date", "p.id", ":day")
        + " AS since FROM projects p"
        + ("" if park_id is None else " WHERE p.park_id = :park")
        + ") x JOIN parks k ON k.id = x.park_id WHERE x.stage IS NOT NULL"
        " ORDER BY k.sort_order, k.id, x.id",
        {"day": as_of.isoformat(), "park": park_id},
    )
    return [
        StageAge(r[0], r[1], r[2], r[3], Stage(r[4]), dt.date.fromisoformat(r[5]), as_of)
        for r in rows
    ]


def year_investment(
    db: Database, as_of: dt.date, *, park_id: int | None = None
) -> list[tuple[int, str, int, str, Money, Money]]:
    """Projects with a plan for ``as_of``'s year: (id, name, park id, park, plan, completed in
    the year's complete months), by park order and project id."""
    rows = db.tuples(
        "SELECT p.id, p.name, p.park_id, k.name, a.planned_yuan,"
        " (SELECT coalesce(sum(i.completed_yuan), 0) FROM project_monthly_investment i"
        "  WHERE i.project_id = p.id AND i.month >= :first AND i.month <= :through)"
        " FROM project_annual_plan a JOIN projects p ON p.id = a.project_id"
        " JOIN parks k ON k.id = p.park_id WHERE a.year = :year"
        + ("" if park_id is None else " AND p.park_id = :park")
        + " ORDER BY k.sort_order, k.id, p.id",
        {
            "year": as_of.year,
            "first": f"{as_of.year:04d}-01",
            "through": f"{as_of.year:04d}-{months_elapsed_in_year(as_of):02d}",
            "park": park_id,
        },
    )
    return [(r[0], r[1], r[2], r[3], Money(r[4]), Money(r[5])) for r in rows]
