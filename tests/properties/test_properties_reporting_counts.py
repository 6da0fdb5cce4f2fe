"""The investment counts behind the reporting status (projects due for a month and how many of
them reported it) are the rule written out once more, project by project, on random databases.

Hypothesis makes projects through the services (stage histories with same-day steps, some
moved within or after the months asked about, monthly figures), then checks for a run of
months that

- ``storage.reporting.investment_counts`` (several months in one query) gives, per month and
  park, the counts of a plain Python model of the rule, and the counts of the one-month query
  it replaced (kept here verbatim as the reference);
- ``investment_surely_missing`` never rules out a month the counts say is complete;
- the default as-of date is the one the month-by-month search without that shortcut gives.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Park, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import latest_complete_month
from parktracker.services import reporting
from parktracker.services.parks import add_park
from parktracker.services.projects import create_project, record_investment
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import reporting as storage
from parktracker.storage.as_of_figures import latest_stage_entry_sql
from parktracker.storage.database import Database, create_database

UC = Stage.UNDER_CONSTRUCTION
ORDER = [Stage.NEGOTIATING, Stage.SIGNED, UC, Stage.IN_PRODUCTION]
FIRST_DAY = dt.date(2023, 1, 1)
MONTHS = [YearMonth(2023, m) for m in range(1, 7)]

# The query the multi-month one replaced (one month at a time), as it stood.
PREVIOUS_QUERY = (
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


def _day(offset: int) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=offset)


@dataclass
class ProjectIn:
    park: int
    history: list[tuple[Stage, dt.date]]  # in entry order
    figures: frozenset[YearMonth]


@st.composite
def projects(draw: st.DrawFn, parks: int) -> ProjectIn:
    steps = draw(st.integers(1, 4))
    stages = ORDER[4 - steps :] if draw(st.booleans()) else ORDER[:steps]
    if draw(st.integers(0, 5)) == 0:
        stages = [*stages, Stage.TERMINATED]
    # A month's first or last day (where "on or before" and "after" differ) or any day, from
    # before the months asked about to after them; then same-day or later steps.
    edges = [d for m in MONTHS for d in (m.first_day, m.last_day)]
    start = draw(st.sampled_from(edges) | st.integers(-120, 200).map(_day))
    at = (start - FIRST_DAY).days
    history = []
    for stage in stages:
        history.append((stage, _day(at)))
        at += draw(st.sampled_from([0, 0, 1, 15, 30, 31, 60]))
    figures = draw(st.frozensets(st.sampled_from(MONTHS)))
    return ProjectIn(draw(st.integers(0, parks - 1)), history, figures)


@st.composite
def worlds(draw: st.DrawFn) -> tuple[int, list[ProjectIn], bool]:
    parks = draw(st.integers(1, 3))
    return parks, draw(st.lists(projects(parks), max_size=12)), draw(st.booleans())


def build(db: Database, parks: int, entered: list[ProjectIn], revenue: bool) -> list[int]:
    ids = [add_park(db, park=Park(f"园区{i}", f"园{i}", "产业")) for i in range(parks)]
    for n, p in enumerate(entered):
        pid = create_project(
            db, project=Project(ids[p.park], f"项目{n}", p.history[-1][0]), history=p.history
        )
        record_investment(
            db, entries=[MonthlyInvestment(pid, m, Money(100)) for m in sorted(p.figures)]
        )
    if revenue:  # every park's revenue for every month: only investment holds a month back
        set_monthly(db, cells=[RevenueCell(i, m, Money(1)) for i in ids for m in MONTHS])
    return ids


def model(ids: list[int], entered: list[ProjectIn], month: YearMonth) -> list[tuple[int, int, int]]:
    """Per park with projects due: (park id, due, reported), from the rule itself."""
    counts: dict[int, list[int]] = {}
    for p in entered:
        ordered = sorted(enumerate(p.history), key=lambda e: (e[1][1], e[0]))
        on_first = [stage for _, (stage, d) in ordered if d <= month.first_day]
        moved_within = any(month.first_day < d <= month.last_day for _, d in p.history)
        if on_first and on_first[-1] is UC and not moved_within:
            due = counts.setdefault(ids[p.park], [0, 0])
            due[0] += 1
            due[1] += month in p.figures
    return sorted((park, due, reported) for park, (due, reported) in counts.items())


def previous(db: Database, month: YearMonth) -> list[tuple[int, int, int]]:
    rows = db.query(
        PREVIOUS_QUERY,
        {
            "m": str(month),
            "first_day": month.first_day.isoformat(),
            "last_day": month.last_day.isoformat(),
            "stage": UC.value,
        },
    )
    return sorted((int(r[0]), int(r[1]), int(r[2])) for r in rows)


def searched_month_by_month(db: Database) -> dt.date:
    """The default as-of date as the search without the shortcut finds it."""
    latest = storage.latest_data_month(db)
    assert latest is not None
    for back in range(reporting.LOOK_BACK_MONTHS):
        month = latest.add(-back)
        if latest_complete_month(reporting.status(db, first=month, last=month)) == month:
            return month.last_day
    return latest.last_day


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds(), st.integers(1, len(MONTHS)))
def test_investment_counts_follow_the_rule(
    world: tuple[int, list[ProjectIn], bool], asked: int
) -> None:
    parks, entered, revenue = world
    with tempfile.TemporaryDirectory() as folder:
        db = create_database(Path(folder) / "t.db")
        try:
            ids = build(db, parks, entered, revenue)
            months = MONTHS[-asked:]
            counted = storage.investment_counts(db, months)
            assert list(counted) == months
            for month in months:
                assert counted[month] == model(ids, entered, month) == previous(db, month)
            for month in MONTHS:
                if storage.investment_surely_missing(db, month):
                    assert any(r < d for _, d, r in model(ids, entered, month))
            if storage.latest_data_month(db) is not None:
                assert reporting.default_as_of(db) == searched_month_by_month(db)
        finally:
            db.close()


def test_a_project_started_on_the_first_day_and_moved_later_owed_the_month() -> None:
    """Its stage on the first day is its entry of that very day (``<=``, not ``<``)."""
    march, april = YearMonth(2023, 3), YearMonth(2023, 4)
    entered = [
        ProjectIn(0, [(Stage.SIGNED, dt.date(2023, 1, 5)), (UC, march.first_day)], frozenset()),
        ProjectIn(
            0,
            [(UC, march.first_day), (Stage.IN_PRODUCTION, dt.date(2023, 5, 10))],
            frozenset({march}),
        ),
    ]
    with tempfile.TemporaryDirectory() as folder:
        db = create_database(Path(folder) / "t.db")
        try:
            ids = build(db, 1, entered, revenue=False)
            counted = storage.investment_counts(db, [march, april])
            assert counted[march] == [(ids[0], 2, 1)] == model(ids, entered, march)
            assert counted[april] == [(ids[0], 2, 0)] == model(ids, entered, april)
        finally:
            db.close()
