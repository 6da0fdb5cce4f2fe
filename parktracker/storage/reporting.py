"""What the parks have reported, per park and month: the facts the reporting-status rules of
:mod:`parktracker.domain.reporting` judge.

Projects due for a month are those under construction throughout it (from its first day to its
last), their stage on a date read as every "stage on a date" query reads it
(:func:`parktracker.storage.as_of_figures.latest_stage_entry_sql`; a project without history
in its current stage).
"""

from __future__ import annotations

from collections.abc import Collection
from weakref import WeakKeyDictionary

from parktracker.domain.enums import Stage
from parktracker.domain.models import compact_park_name
from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import (
    ParkMonthFacts,
    ReportingFacts,
    ReportingPark,
    months_between,
)
from parktracker.storage.as_of_figures import latest_stage_entry_sql
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, month_in

# Projects owing month :m (under construction from its first day :first_day to its last day
# :last_day) and how many of them have a figure for it, per park. A project with no stage-
# history entry after :first_day was then, and stayed all month, in its current stage (the
# services keep projects.stage equal to its latest entry): those come from one grouped scan of
# project_listing and one range of the month's figures. Only the projects changed since (few,
# for recent months) are looked up in their history, as the dashboard's stage-as-of queries do.
_INVESTMENT_DUE = (
    """
WITH changed AS (
    SELECT DISTINCT project_id FROM project_stage_history WHERE date > :first_day
),
steady_due AS (
    SELECT park_id, count(*) AS due FROM project_listing
    WHERE stage = :stage AND project_id NOT IN changed GROUP BY park_id
),
steady_reported AS (
    SELECT l.park_id, count(*) AS reported
    FROM project_monthly_investment i JOIN project_listing l ON l.project_id = i.project_id
    WHERE i.month = :m AND l.stage = :stage AND i.project_id NOT IN changed
    GROUP BY l.park_id
),
moved AS (
    SELECT p.park_id,
        """
    + latest_stage_entry_sql("stage", "p.id", ":first_day")
    + """ AS stage_then,
        EXISTS (SELECT 1 FROM project_stage_history h WHERE h.project_id = p.id
                AND h.date > :first_day AND h.date <= :last_day) AS moved_within,
        EXISTS (SELECT 1 FROM project_monthly_investment i WHERE i.project_id = p.id
                AND i.month = :m) AS has_figure
    FROM projects p WHERE p.id IN changed
),
moved_due AS (
    SELECT park_id, count(*) AS due, sum(has_figure) AS reported FROM moved
    WHERE stage_then = :stage AND NOT moved_within GROUP BY park_id
),
parks_seen AS (
    SELECT park_id FROM steady_due UNION SELECT park_id FROM moved_due
)
SELECT s.park_id,
    coalesce(d.due, 0) + coalesce(md.due, 0),
    coalesce(r.reported, 0) + coalesce(md.reported, 0)
FROM parks_seen s
LEFT JOIN steady_due d ON d.park_id = s.park_id
LEFT JOIN steady_reported r ON r.park_id = s.park_id
LEFT JOIN moved_due md ON md.park_id = s.park_id
"""
)


# Each month's investment counts per park, per open database, with the data state they were
# counted in: the default as-of date and the as-of report ask for the same months one after the
# other, and on 100,000 projects each month costs a quarter of a second or more.
_MONTH_COUNTS: WeakKeyDictionary[
    Database, tuple[tuple[int, int], dict[YearMonth, list[tuple[int, int, int]]]]
] = WeakKeyDictionary()


def _investment_counts(db: Database, month: YearMonth) -> list[tuple[int, int, int]]:
    """(park id, projects due, projects reported) for ``month``, counted once per data state."""
    state = data_state(db)
    known = _MONTH_COUNTS.get(db)
    if known is None or known[0] != state:
        known = (state, {})
        _MONTH_COUNTS[db] = known
    counts = known[1].get(month)
    if counts is None:
        counts = [
            (int(r[0]), int(r[1]), int(r[2]))
            for r in db.query(
                _INVESTMENT_DUE,
                {
                    "m": str(month),
                    "first_day": month.first_day.isoformat(),
                    "last_day": month.last_day.isoformat(),
                    "stage": Stage.UNDER_CONSTRUCTION.value,
                },
            )
        ]
        known[1][month] = counts
    return counts


def reporting_facts(
    db: Database,
    first: YearMonth,
    last: YearMonth,
    *,
    investment_months: Collection[YearMonth] | None = None,
) -> ReportingFacts:
    """Per park and month from ``first`` to ``last``: whether its revenue is stored, how many of
    its projects were under construction throughout the month and how many of those have a
    figure for the month; with the parks and the first month of each measure. Investment is
    counted for ``investment_months`` only when given (one query per month: on 100,000
    projects the revenue is cheap, the investment not)."""
    parks = [
        ReportingPark(int(r[0]), compact_park_name(str(r[1] or r[2])), date_in(r[3]))
        for r in db.query(
            "SELECT id, short_name, name, listed_date FROM parks ORDER BY sort_order, id"
        )
    ]
    facts: dict[tuple[int, YearMonth], ParkMonthFacts] = {}
    for r in db.query(
        "SELECT park_id, month FROM revenue WHERE month BETWEEN ? AND ?", [str(first), str(last)]
    ):
        key = (int(r[0]), month_in(r[1]))
        facts[key] = ParkMonthFacts(key[0], key[1], revenue_reported=True)
    checked = [
        m
        for m in months_between(first, last)
        if investment_months is None or m in investment_months
    ]
    for month in checked:
        for park_id, due, reported in _investment_counts(db, month):
            key = (park_id, month)
            revenue = key in facts
            facts[key] = ParkMonthFacts(
                park_id, month, revenue, projects_due=due, projects_reported=reported
            )
    revenue_since = db.scalar("SELECT min(month) FROM revenue")
    investment_since = db.scalar("SELECT min(month) FROM project_monthly_investment")
    return ReportingFacts(
        parks=parks,
        first=first,
        last=last,
        facts=list(facts.values()),
        investment_months=frozenset(checked),
        revenue_since=None if revenue_since is None else month_in(revenue_since),
        investment_since=None if investment_since is None else month_in(investment_since),
    )


def data_state(db: Database) -> tuple[int, int]:
    """A value that changes whenever the database's data may have changed: this connection's
    own changes (writes, undo, redo) and another connection's commits (``data_version``)."""
    return int(db.conn.total_changes), int(db.scalar("PRAGMA data_version"))


def latest_data_month(db: Database) -> YearMonth | None:
    """The latest month with any revenue or investment figure."""
    month = db.scalar(
        "SELECT max(m) FROM (SELECT max(month) AS m FROM revenue"
        " UNION ALL SELECT max(month) FROM project_monthly_investment)"
    )
    return None if month is None else month_in(month)


__all__ = ["data_state", "latest_data_month", "reporting_facts"]
