"""Figures as of a date, one query per rule, summed per park in SQL.

Every screen and command that shows a figure "as of a date" (the ``summary`` command, the
dashboard's cards and charts, the parks page and a park's detail, the briefing, the warnings,
the comparison) reads it here; the pure functions of :mod:`parktracker.domain.figures` then add
the rows up over a scope. The rules:

- **Stage as of a date** (:func:`stage_as_of_sql`): a project's latest stage-history entry on or
  before the date; before its first entry it does not count yet.
- **Projects per park and stage** (:func:`current_groups`, :func:`changed_groups`,
  :func:`investment_after`): a project whose stage history has no entry after the date was then
  in its current stage (the services keep ``projects.stage`` equal to the latest history entry,
  and ``parktracker check`` reports any project where it is not; a project with no history at
  all counts in its current stage). So the current stages come from one grouped scan of
  ``project_listing`` (park, stage, planned and completed investment), and only the projects
  with a history entry after the date are looked up in their history. For the default as-of
  date, the end of the latest month with data, that set is empty or small.
- **Completed investment** counts the months up to the as-of month (the month of figures).
- **Funds** (:func:`fund_groups`, :func:`funds_as_of`): established by the date (or undated),
  with their latest update reported on or before it.
- **Platforms** recognised and **enterprises** joined by the date (or undated).
- **Revenue** (:func:`revenue_groups`): monthly amounts per park and month; the year-to-date
  rule is :func:`parktracker.domain.figures.year_to_date`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from parktracker.domain.enums import PlatformLevel, Stage
from parktracker.domain.figures import (
    ChangedGroup,
    EnterpriseGroup,
    FundGroup,
    FundSnapshot,
    InvestmentGroup,
    PlatformGroup,
    ProjectGroup,
    RevenueGroup,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.storage.database import Database
from parktracker.storage.enterprises import TAG_COLUMNS
from parktracker.storage.rows import month_in

# ------------------------------------------------------------ the stage rule


def stage_as_of_sql(
    project_id: str, day: str, *, current_stage: str | None = None, within: str = ""
) -> str:
    """The stage of project ``project_id`` (an SQL expression) on date ``day`` (an SQL
    parameter or expression): its latest stage-history entry on or before that date, NULL
    before its first one. The one definition of "stage as of a date" that every query shares.

    With ``current_stage`` (the project's stage column), projects without any history entry
    after ``day`` take that column instead of a history look-up: their latest entry is the
    current stage (``parktracker check`` holds the two equal, and reports a project without
    any history, which then counts in its current stage). On 100,000 projects as of the latest
    date that is about 5× quicker: the history is read only for projects moved since.
    ``within``: a condition on ``project_id`` that every project asked about meets (a range of
    ids): only their part of the history is read for that list."""
    lookup = latest_stage_entry_sql("stage", project_id, day)
    if current_stage is None:
        return lookup
    narrow = f" AND {within}" if within else ""
    return (
        f"(CASE WHEN {project_id} IN (SELECT project_id FROM project_stage_history"
        f" WHERE date > {day}{narrow}) THEN {lookup} ELSE {current_stage} END)"
    )


def latest_stage_entry_sql(column: str, project_id: str, day: str) -> str:
    """A column (``stage``, ``date``) of the project's latest stage-history entry on or before
    ``day``: the entry that gives its stage as of that date."""
    return latest_stage_entry_of(f"h.{column}", project_id, day)


def latest_stage_entry_of(expression: str, project_id: str, day: str) -> str:
    """An SQL ``expression`` over that entry (``h``): NULL when there is none."""
    return (
        f"(SELECT {expression} FROM project_stage_history h WHERE h.project_id = {project_id}"
        f" AND h.date <= {day} ORDER BY h.date DESC, h.id DESC LIMIT 1)"
    )


def park_filter(column: str, park_id: int | None) -> tuple[str, list[object]]:
    """`` AND column = ?`` and its parameter for one park; nothing for all parks."""
    return (f" AND {column} = ?", [park_id]) if park_id is not None else ("", [])


def park_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM parks"))


# ------------------------------------------------------------ projects per park and stage


def current_groups(db: Database, *, park_id: int | None = None) -> list[ProjectGroup]:
    """Projects per park and current stage: count, planned total and completed investment
    (every month reported)."""
    where, params = park_filter("park_id", park_id)
    rows = db.query(
        "SELECT park_id, stage, count(*), coalesce(sum(planned_yuan), 0),"
        " coalesce(sum(completed_yuan), 0) FROM project_listing WHERE 1 = 1"
        + where
        + " GROUP BY park_id, stage",
        params,
    )
    return [
        ProjectGroup(int(r[0]), Stage(r[1]), int(r[2]), Money(int(r[3])), Money(int(r[4])))
        for r in rows
    ]


def changed_groups(
    db: Database,
    day: dt.date,
    *,
    through: YearMonth | None = None,
    park_id: int | None = None,
) -> list[ChangedGroup]:
    """Projects with a stage-history entry after ``day``, per park, current stage and stage on
    ``day`` (None: no entry on or before it). With ``through``, their completed investment up
    to that month is summed too (otherwise zero)."""
    completed = (
        "coalesce(sum((SELECT sum(i.completed_yuan) FROM project_monthly_investment i"
        " WHERE i.project_id = p.id AND i.month <= :through)), 0)"
        if through is not None
        else "0"
    )
    rows = db.query(
        "SELECT p.park_id, p.stage, "
        + stage_as_of_sql("p.id", ":day")
        + " AS stage_then, count(*), coalesce(sum(p.planned_total_yuan), 0), "
        + completed
        + " FROM projects p WHERE p.id IN"
        " (SELECT project_id FROM project_stage_history WHERE date > :day)"
        + ("" if park_id is None else " AND p.park_id = :park")
        + " GROUP BY p.park_id, p.stage, stage_then",
        {
            "day": day.isoformat(),
            "through": None if through is None else str(through),
            "park": park_id,
        },
    )
    return [
        ChangedGroup(
            int(r[0]),
            Stage(r[1]),
            None if r[2] is None else Stage(r[2]),
            int(r[3]),
            Money(int(r[4])),
            Money(int(r[5])),
        )
        for r in rows
    ]


# Above this many monthly figures after the as-of month, one pass over the whole table (summed
# per project first, then per park and stage) beats looking each figure up through the month
# index: on 100,000 projects with a year of later figures, about 140 ms against 500 ms.
_SCAN_ABOVE = 50_000


def investment_after(
    db: Database, month: YearMonth, *, park_id: int | None = None
) -> list[InvestmentGroup]:
    """Completed investment reported for months after ``month``, per park and current stage
    of the projects. None at all (the usual case: the as-of month is the latest) costs one
    index probe."""
    later = int(
        db.scalar(
            "SELECT count(*) FROM (SELECT 1 FROM project_monthly_investment WHERE month > ?"
            f" LIMIT {_SCAN_ABOVE})",
            [str(month)],
        )
    )
    if later == 0:
        return []
    where, params = park_filter("p.park_id", park_id)
    if later < _SCAN_ABOVE:
        sql = (
            "SELECT p.park_id, p.stage, sum(i.completed_yuan) FROM project_monthly_investment i"
            " JOIN projects p ON p.id = i.project_id WHERE i.month > ?"
        )
    else:
        sql = (
            "SELECT p.park_id, p.stage, sum(i.completed_yuan) FROM (SELECT project_id,"
            " sum(completed_yuan) AS completed_yuan FROM project_monthly_investment NOT INDEXED"
            " WHERE month > ? GROUP BY project_id) i JOIN projects p ON p.id = i.project_id"
            " WHERE 1 = 1"
        )
    rows = db.query(sql + where + " GROUP BY p.park_id, p.stage", [str(month), *params])
    return [InvestmentGroup(int(r[0]), Stage(r[1]), Money(int(r[2]))) for r in rows]


def project_stages_as_of(
    db: Database, day: dt.date, *, park_id: int | None = None
) -> dict[int, Stage]:
    """Each project that counted on ``day`` with its stage then (for listings that show
    projects one by one; the figures come from the grouped queries above)."""
    rows = db.query(
        "SELECT p.id, "
        + stage_as_of_sql("p.id", ":day", current_stage="p.stage")
        + " AS stage_then FROM projects p"
        + ("" if park_id is None else " WHERE p.park_id = :park"),
        {"day": day.isoformat(), "park": park_id},
    )
    return {int(r[0]): Stage(r[1]) for r in rows if r[1] is not None}


def projects_in_stage(
    db: Database, park_id: int, day: dt.date, stage: Stage, *, through: YearMonth | None
) -> list[tuple[str, Money, Money]]:
    """One park's projects in ``stage`` on ``day``, each with its planned total and its
    completed investment up to ``through`` (zero when None), largest plan first."""
    rows = db.query(
        "SELECT p.name, coalesce(p.planned_total_yuan, 0),"
        " CASE WHEN :through IS NULL THEN 0 ELSE coalesce((SELECT sum(i.completed_yuan)"
        "  FROM project_monthly_investment i WHERE i.project_id = p.id"
        "  AND i.month <= :through), 0) END"
        " FROM projects p WHERE p.park_id = :park AND "
        + stage_as_of_sql("p.id", ":day", current_stage="p.stage")
        + " = :stage ORDER BY coalesce(p.planned_total_yuan, 0) DESC, p.name",
        {
            "park": park_id,
            "day": day.isoformat(),
            "through": None if through is None else str(through),
            "stage": stage.value,
        },
    )
    return [(str(r[0]), Money(int(r[1])), Money(int(r[2]))) for r in rows]


def monthly_investment(
    db: Database, first: YearMonth, last: YearMonth, *, park_id: int | None = None
) -> list[tuple[YearMonth, Money]]:
    """Completed investment per month from ``first`` to ``last`` (months with figures only).

    All parks: a range of the (month, amount) index, read in month order (about 60 ms for the
    720,000 figures of 36 months of 100,000 projects). One park: through its projects and the
    (project, month) index, about 50 ms."""
    if park_id is None:
        rows = db.query(
            "SELECT month, sum(completed_yuan) FROM project_monthly_investment"
            " WHERE month BETWEEN ? AND ? GROUP BY month ORDER BY month",
            [str(first), str(last)],
        )
    else:
        rows = db.query(
            "SELECT month, sum(completed_yuan) FROM project_monthly_investment"
            " WHERE project_id IN (SELECT id FROM projects WHERE park_id = ?)"
            " AND month BETWEEN ? AND ? GROUP BY month ORDER BY month",
            [park_id, str(first), str(last)],
        )
    return [(month_in(r[0]), Money(int(r[1]))) for r in rows]


# ------------------------------------------------------------ funds, platforms, enterprises

# Funds established by :day (or undated), each with its latest update on or before :day.
_FUNDS_AS_OF = (
    " FROM funds f JOIN fund_updates u ON u.id = (SELECT id FROM fund_updates"
    " WHERE fund_id = f.id AND date <= :day ORDER BY date DESC, id DESC LIMIT 1)"
    " WHERE (f.established_date IS NULL OR f.established_date <= :day)"
)


def fund_groups(db: Database, day: dt.date, *, park_id: int | None = None) -> list[FundGroup]:
    """Funds per park (None: city-wide) as of ``day``: how many, and the sums of their scale,
    paid-in and invested."""
    rows = db.query(
        "SELECT f.park_id, count(*), sum(u.scale_yuan), sum(u.paid_in_yuan),"
        " sum(u.invested_yuan)"
        + _FUNDS_AS_OF
        + ("" if park_id is None else " AND f.park_id = :park")
        + " GROUP BY f.park_id",
        {"day": day.isoformat(), "park": park_id},
    )
    return [
        FundGroup(
            None if r[0] is None else int(r[0]),
            int(r[1]),
            Money(int(r[2])),
            Money(int(r[3])),
            Money(int(r[4])),
        )
        for r in rows
    ]


def funds_as_of(db: Database, day: dt.date, *, park_id: int | None = None) -> list[FundSnapshot]:
    """Each fund as of ``day`` with its latest figures then (the rule of :func:`fund_groups`,
    fund by fund)."""
    rows = db.query(
        "SELECT f.id, f.park_id, u.scale_yuan, u.paid_in_yuan, u.invested_yuan"
        + _FUNDS_AS_OF
        + ("" if park_id is None else " AND f.park_id = :park")
        + " ORDER BY f.id",
        {"day": day.isoformat(), "park": park_id},
    )
    return [FundSnapshot(r[0], r[1], Money(r[2]), Money(r[3]), Money(r[4])) for r in rows]


def platform_groups(
    db: Database, day: dt.date, *, park_id: int | None = None
) -> list[PlatformGroup]:
    """Platforms recognised by ``day`` (or undated), counted per park and level."""
    where, params = park_filter("park_id", park_id)
    rows = db.query(
        "SELECT park_id, level, count(*) FROM platforms"
        " WHERE (recognized_date IS NULL OR recognized_date <= ?)"
        + where
        + " GROUP BY park_id, level",
        [day.isoformat(), *params],
    )
    return [PlatformGroup(int(r[0]), PlatformLevel(r[1]), int(r[2])) for r in rows]


def enterprise_groups(
    db: Database, day: dt.date, *, park_id: int | None = None
) -> list[EnterpriseGroup]:
    """Enterprises that had joined by ``day`` (or undated), counted per park, with how many
    carry each tag."""
    tags = list(TAG_COLUMNS.items())
    sums = "".join(f", sum({column})" for _, column in tags)
    where, params = park_filter("park_id", park_id)
    rows = db.query(
        f"SELECT park_id, count(*){sums} FROM enterprises"
        " WHERE (joined_date IS NULL OR joined_date <= ?)" + where + " GROUP BY park_id",
        [day.isoformat(), *params],
    )
    return [
        EnterpriseGroup(
            int(r[0]), int(r[1]), {tag: int(r[2 + i]) for i, (tag, _) in enumerate(tags)}
        )
        for r in rows
    ]


# ------------------------------------------------------------ revenue


def revenue_groups(
    db: Database, *, park_id: int | None = None, years: tuple[int, int] | None = None
) -> list[RevenueGroup]:
    """Monthly revenue per park and month (of the ``years`` from the first to the last, when
    given), in park and month order.

    Each month's total over the scope is summed in SQL too (and dropped): the sum a figure
    adds up must fit SQLite's 64 bits, so amounts above the ceiling written behind the app's
    back raise :class:`~parktracker.storage.errors.AmountsOutOfRange` here instead of showing
    an absurd total."""
    where, params = park_filter("park_id", park_id)
    if years is not None:
        where += " AND month >= ? AND month <= ?"
        params += [f"{years[0]:04d}-01", f"{years[1]:04d}-12"]
    rows = db.query(
        "SELECT park_id, month, sum(amount_yuan),"
        " sum(sum(amount_yuan)) OVER (PARTITION BY month) FROM revenue WHERE 1 = 1"
        + where
        + " GROUP BY park_id, month ORDER BY park_id, month",
        params,
    )
    return [RevenueGroup(int(r[0]), month_in(r[1]), Money(int(r[2]))) for r in rows]


def parks_of_projects(db: Database, project_ids: Collection[int]) -> set[int]:
    """The parks the projects ``project_ids`` are in now (a project deleted is in none)."""
    ids = sorted(project_ids)
    parks: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for r in db.query(f"SELECT DISTINCT park_id FROM projects WHERE id IN ({marks})", chunk):
            parks.add(int(r[0]))
    return parks


__all__ = [
    "changed_groups",
    "current_groups",
    "enterprise_groups",
    "fund_groups",
    "funds_as_of",
    "investment_after",
    "latest_stage_entry_of",
    "latest_stage_entry_sql",
    "monthly_investment",
    "park_count",
    "park_filter",
    "parks_of_projects",
    "platform_groups",
    "project_stages_as_of",
    "projects_in_stage",
    "revenue_groups",
    "stage_as_of_sql",
]
