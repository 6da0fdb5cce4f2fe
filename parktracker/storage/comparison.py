"""What the month-to-month comparison reads: each project's stage on two dates (the shared
stage-as-of rule) with the investment reported in between, and revenue in between per park."""

from __future__ import annotations

import datetime as dt

from parktracker.domain.comparison import ProjectChange
from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.storage.as_of_figures import stage_as_of_sql
from parktracker.storage.database import Database


def project_changes(
    db: Database,
    first: dt.date,
    second: dt.date,
    months: tuple[YearMonth, YearMonth] | None,
    *,
    park_id: int | None = None,
) -> list[ProjectChange]:
    """Projects whose stage differs between the dates (added, moved, terminated) or with
    investment reported for ``months``; by park order and project id."""
    invested = (
        "(SELECT coalesce(sum(i.completed_yuan), 0) FROM project_monthly_investment i"
        " WHERE i.project_id = x.id AND i.month >= :m1 AND i.month <= :m2)"
        if months is not None
        else "0"
    )
    with_months = (
        " OR x.id IN (SELECT project_id FROM project_monthly_investment"
        " WHERE month >= :m1 AND month <= :m2)"
        if months is not None
        else ""
    )
    rows = db.tuples(
        "SELECT x.id, x.park_id, k.name, x.name, x.s1, x.s2, "
        + invested
        + " FROM (SELECT p.id, p.park_id, p.name, "
        + stage_as_of_sql("p.id", ":d1", current_stage="p.stage")
        + " AS s1, "
        + stage_as_of_sql("p.id", ":d2", current_stage="p.stage")
        + " AS s2 FROM projects p"
        + ("" if park_id is None else " WHERE p.park_id = :park")
        + ") x JOIN parks k ON k.id = x.park_id"
        " WHERE (x.s1 IS NOT x.s2" + with_months + ")"
        " ORDER BY k.sort_order, k.id, x.id",
        {
            "d1": first.isoformat(),
            "d2": second.isoformat(),
            "m1": None if months is None else str(months[0]),
            "m2": None if months is None else str(months[1]),
            "park": park_id,
        },
    )
    return [
        ProjectChange(
            r[0],
            r[1],
            r[2],
            r[3],
            None if r[4] is None else Stage(r[4]),
            None if r[5] is None else Stage(r[5]),
            Money(int(r[6])),
        )
        for r in rows
    ]


def revenue_between(db: Database, months: tuple[YearMonth, YearMonth] | None) -> dict[int, Money]:
    """Each park's revenue over ``months`` (first, last), both included."""
    if months is None:
        return {}
    rows = db.query(
        "SELECT park_id, sum(amount_yuan) FROM revenue WHERE month >= ? AND month <= ?"
        " GROUP BY park_id",
        [str(months[0]), str(months[1])],
    )
    return {int(r[0]): Money(int(r[1])) for r in rows}
