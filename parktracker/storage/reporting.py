"""What the parks have reported, per park and month: the facts the reporting-status rules of
:mod:`parktracker.domain.reporting` judge.

Projects due for a month are those under construction throughout it (from its first day to its
last). Their stage
periods come from the stage history in one pass (each history entry runs until the project's
next entry, ordered by date then id, as every "stage on a date" query orders it), so a range of
months costs one scan of the construction periods and one index probe per due project and month.
"""

from __future__ import annotations

from parktracker.domain.enums import Stage
from parktracker.domain.models import compact_park_name
from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import ParkMonthFacts, ReportingFacts, ReportingPark
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, month_in

_INVESTMENT_DUE = """
WITH RECURSIVE months(m, first_day, last_day) AS (
    SELECT :first, :first || '-01', date(:first || '-01', '+1 month', '-1 day')
    UNION ALL
    SELECT substr(date(m || '-01', '+1 month'), 1, 7), date(m || '-01', '+1 month'),
           date(m || '-01', '+2 month', '-1 day')
    FROM months WHERE m < :last
),
periods AS (
    SELECT project_id, stage, date AS since,
           lead(date) OVER (PARTITION BY project_id ORDER BY date, id) AS until
    FROM project_stage_history
    WHERE project_id IN (SELECT project_id FROM project_stage_history
                         WHERE stage = :stage AND date <= :last_day)
),
due AS (
    SELECT p.park_id, months.m AS month, p.id AS project_id
    FROM periods JOIN months ON periods.since <= months.first_day
         AND (periods.until IS NULL OR periods.until > months.last_day)
    JOIN projects p ON p.id = periods.project_id
    WHERE periods.stage = :stage
)
SELECT park_id, month, count(*),
       sum(EXISTS (SELECT 1 FROM project_monthly_investment i
                   WHERE i.project_id = due.project_id AND i.month = due.month))
FROM due GROUP BY park_id, month
"""


def reporting_facts(db: Database, first: YearMonth, last: YearMonth) -> ReportingFacts:
    """Per park and month from ``first`` to ``last``: whether its revenue is stored, how many of
    its projects were under construction throughout the month and how many of those have a
    figure for the month; with the parks and the first month of each measure."""
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
    for r in db.query(
        _INVESTMENT_DUE,
        {
            "first": str(first),
            "last": str(last),
            "last_day": last.last_day.isoformat(),
            "stage": Stage.UNDER_CONSTRUCTION.value,
        },
    ):
        key = (int(r[0]), month_in(r[1]))
        revenue = key in facts
        facts[key] = ParkMonthFacts(
            key[0], key[1], revenue, projects_due=int(r[2]), projects_reported=int(r[3])
        )
    revenue_since = db.scalar("SELECT min(month) FROM revenue")
    investment_since = db.scalar("SELECT min(month) FROM project_monthly_investment")
    return ReportingFacts(
        parks=parks,
        first=first,
        last=last,
        facts=list(facts.values()),
        revenue_since=None if revenue_since is None else month_in(revenue_since),
        investment_since=None if investment_since is None else month_in(investment_since),
    )


def latest_data_month(db: Database) -> YearMonth | None:
    """The latest month with any revenue or investment figure."""
    month = db.scalar(
        "SELECT max(m) FROM (SELECT max(month) AS m FROM revenue"
        " UNION ALL SELECT max(month) FROM project_monthly_investment)"
    )
    return None if month is None else month_in(month)


__all__ = ["latest_data_month", "reporting_facts"]
