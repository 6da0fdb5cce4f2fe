"""What the parks have reported, per park and month: the facts the reporting-status rules of
:mod:`parktracker.domain.reporting` judge.

Projects due for a month are those under construction throughout it (from its first day to its
last), their stage on a date read as every "stage on a date" query reads it
(:func:`parktracker.storage.as_of_figures.latest_stage_entry_of`; a project without history
in its current stage).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
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
from parktracker.storage.as_of_figures import latest_stage_entry_of
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, month_in


def _investment_due_sql(count: int) -> str:
    """Projects owing each of ``count`` months (under construction from its first day to its
    last) and how many of them have a figure for it, per month and park, in one pass.

    Every project counts first in its current stage (the services keep projects.stage equal to
    its latest stage-history entry): one grouped scan of ``project_listing`` for those due and,
    in project order, one look-up of each one's figure. The projects with a stage-history entry
    after a month's first day ("moved": few for recent months) are then corrected, taken out as
    counted and put back if they owed the month. A moved project owed it when its latest entry
    on or before the month's last day is dated on or before the first day (nothing changed
    within the month) and says under construction: the stage-as-of rule
    (:func:`~parktracker.storage.as_of_figures.latest_stage_entry_of`) read once per month.

    Parameters: ``:stage`` (under construction) and ``:m<i>``, ``:first<i>``, ``:last<i>`` (the
    month and its first and last days) for each month ``i``. The
    hints (``NOT INDEXED``, ``CROSS JOIN``, ``MATERIALIZED``) keep the plan measured fastest
    on 100,000 projects: figures looked up in project order, each correction computed once."""
    months = ", ".join(f"(:m{i}, :first{i}, :last{i})" for i in range(count))
    owed_then = latest_stage_entry_of(
        "h.stage = :stage AND h.date <= mo.first_day", "c.project_id", "mo.last_day"
    )
    return f"""
WITH months(m, first_day, last_day) AS (VALUES {months}),
moved_since AS (
    SELECT project_id, max(date) AS last_change FROM project_stage_history
    WHERE date > (SELECT min(first_day) FROM months) GROUP BY project_id
),
now_due AS (
    SELECT park_id, count(*) AS due FROM project_listing l WHERE stage = :stage
    GROUP BY park_id
),
now_reported AS (
    SELECT mo.m, l.park_id, count(*) AS reported
    FROM project_listing l NOT INDEXED CROSS JOIN months mo
    CROSS JOIN project_monthly_investment i ON i.project_id = l.project_id AND i.month = mo.m
    WHERE l.stage = :stage GROUP BY mo.m, l.park_id
),
moved AS MATERIALIZED (
    SELECT mo.m, l.park_id, l.stage = :stage AS due_now,
        coalesce({owed_then}, 0) AS due_then,
        EXISTS (SELECT 1 FROM project_monthly_investment i WHERE i.project_id = c.project_id
                AND i.month = mo.m) AS has_figure
    FROM moved_since c JOIN months mo ON c.last_change > mo.first_day
    JOIN project_listing l ON l.project_id = c.project_id
),
correction AS (
    SELECT m, park_id, sum(due_then) - sum(due_now) AS due,
        sum(due_then AND has_figure) - sum(due_now AND has_figure) AS reported
    FROM moved GROUP BY m, park_id
),
cells AS (
    SELECT mo.m, d.park_id FROM months mo, now_due d
    UNION SELECT m, park_id FROM correction
)
SELECT k.m, k.park_id, coalesce(d.due, 0) + coalesce(c.due, 0) AS due,
    coalesce(r.reported, 0) + coalesce(c.reported, 0) AS reported
FROM cells k
LEFT JOIN now_due d ON d.park_id = k.park_id
LEFT JOIN now_reported r ON r.m = k.m AND r.park_id = k.park_id
LEFT JOIN correction c ON c.m = k.m AND c.park_id = k.park_id
WHERE coalesce(d.due, 0) + coalesce(c.due, 0) > 0
"""


# Some project that owes the month and has no figure for it, looked for among the first
# :sample projects under construction with no stage-history entry after the month's first day
# (they owed the whole month): one found, the month is not complete, whatever the rest hold.
_MISSING_AMONG_STEADY = """
SELECT EXISTS (
    SELECT 1 FROM (SELECT project_id FROM project_listing WHERE stage = :stage LIMIT :sample) l
    WHERE NOT EXISTS (SELECT 1 FROM project_monthly_investment i
                      WHERE i.project_id = l.project_id AND i.month = :m)
      AND NOT EXISTS (SELECT 1 FROM project_stage_history h
                      WHERE h.project_id = l.project_id AND h.date > :first_day)
)
"""

_MONTHS_PER_QUERY = 12  # at most (a year's months)
_MISSING_SAMPLE = 2000  # projects looked at by investment_surely_missing (a few milliseconds)


# Each month's investment counts per park, per open database, with the data state they were
# counted in: the default as-of date and the as-of report ask for the same months one after the
# other, and on 100,000 projects counting a month costs a tenth of a second or more.
_MONTH_COUNTS: WeakKeyDictionary[
    Database, tuple[tuple[int, int], dict[YearMonth, list[tuple[int, int, int]]]]
] = WeakKeyDictionary()


Counts = list[tuple[int, int, int]]  # (park id, projects due, projects reported), by park


@dataclass
class CountTally:
    """Investment counts kept from one look at the file to the next (the dashboard's fetches,
    each on a connection of its own), brought up to date by whoever keeps it after an edit
    (:mod:`parktracker.services.dashboard_carry`: a park's counts are sums of its projects'
    shares). ``counted``: per month, the counts as :func:`investment_counts` gives them. Used
    by one thread at a time."""

    counted: dict[YearMonth, Counts] = field(default_factory=dict)


def investment_counts(
    db: Database, months: Collection[YearMonth], *, tally: CountTally | None = None
) -> dict[YearMonth, Counts]:
    """(park id, projects due, projects reported) per month of ``months``, in month order
    (parks with projects due only, in id order), counted once per data state: the months not
    yet counted are counted together, in one query. With ``tally``, the months it holds are
    taken from it and the others counted into it."""
    wanted = sorted(set(months))
    if tally is not None:
        return _from_tally(db, wanted, tally)
    state = data_state(db)
    known = _MONTH_COUNTS.get(db)
    if known is None or known[0] != state:
        known = (state, {})
        _MONTH_COUNTS[db] = known
    counted = known[1]
    counted.update(_count(db, [m for m in wanted if m not in counted]))
    return {m: counted[m] for m in wanted}


def _from_tally(
    db: Database, wanted: list[YearMonth], tally: CountTally
) -> dict[YearMonth, Counts]:
    tally.counted.update(_count(db, [m for m in wanted if m not in tally.counted]))
    return {m: tally.counted[m] for m in wanted}


def _count(db: Database, months: list[YearMonth]) -> dict[YearMonth, Counts]:
    """Count ``months``, :data:`_MONTHS_PER_QUERY` a query."""
    result: dict[YearMonth, Counts] = {}
    for start in range(0, len(months), _MONTHS_PER_QUERY):
        chunk = months[start : start + _MONTHS_PER_QUERY]
        params: dict[str, object] = {"stage": Stage.UNDER_CONSTRUCTION.value}
        for i, month in enumerate(chunk):
            params[f"m{i}"] = str(month)
            params[f"first{i}"] = month.first_day.isoformat()
            params[f"last{i}"] = month.last_day.isoformat()
        found: dict[YearMonth, Counts] = {m: [] for m in chunk}
        sql = _investment_due_sql(len(chunk))
        for r in db.query(sql, params):
            found[month_in(r[0])].append((int(r[1]), int(r[2]), int(r[3])))
        result.update((month, sorted(rows)) for month, rows in found.items())
    return result


def investment_surely_missing(db: Database, month: YearMonth) -> bool:
    """True when some project under construction throughout ``month`` is found without a
    figure for it among the first few thousand looked at (a few milliseconds; False proves
    nothing). With many projects unreported, a month is ruled out without counting it."""
    return bool(
        db.scalar(
            _MISSING_AMONG_STEADY,
            {
                "stage": Stage.UNDER_CONSTRUCTION.value,
                "sample": _MISSING_SAMPLE,
                "m": str(month),
                "first_day": month.first_day.isoformat(),
            },
        )
    )


def reporting_facts(
    db: Database,
    first: YearMonth,
    last: YearMonth,
    *,
    investment_months: Collection[YearMonth] | None = None,
    tally: CountTally | None = None,
) -> ReportingFacts:
    """Per park and month from ``first`` to ``last``: whether its revenue is stored, how many of
    its projects were under construction throughout the month and how many of those have a
    figure for the month; with the parks and the first month of each measure. Investment is
    counted for ``investment_months`` only when given (on 100,000 projects the revenue is cheap,
    the investment not)."""
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
    for month, counts in investment_counts(db, checked, tally=tally).items():
        for park_id, due, reported in counts:
            key = (park_id, month)
            revenue = key in facts
            facts[key] = ParkMonthFacts(
                park_id, month, revenue, projects_due=due, projects_reported=reported
            )
    revenue_since = db.scalar("SELECT min(month) FROM revenue")
    return ReportingFacts(
        parks=parks,
        first=first,
        last=last,
        facts=list(facts.values()),
        investment_months=frozenset(checked),
        revenue_since=None if revenue_since is None else month_in(revenue_since),
        investment_since=investment_since(db),
    )


def investment_since(db: Database) -> YearMonth | None:
    """The first month with any investment figure."""
    month = db.scalar("SELECT min(month) FROM project_monthly_investment")
    return None if month is None else month_in(month)


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


__all__ = [
    "CountTally",
    "data_state",
    "investment_counts",
    "investment_since",
    "investment_surely_missing",
    "latest_data_month",
    "reporting_facts",
]
