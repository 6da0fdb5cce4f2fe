"""Every screen gives the same figure as of a date (issue 12 §1).

Hypothesis makes random databases through the services (parks; projects with stage histories,
same-day steps included, and monthly investment; funds with dated updates; platforms,
enterprises and monthly revenue), then for random as-of dates (often a date on which some
project changed stage, where ``<=`` and ``<`` differ) and scopes (all parks or one) checks that

- ``parktracker summary --json`` (the CLI entry function, in-process),
- the dashboard's five cards and the data of its five charts,
- the parks page's rows (and the city-wide funds), and a park's detail,

all give the numbers a plain Python model of what was entered gives. The model is the
definition written out once more, record by record, so a rule broken in the one query (for
example the stage rule's ``<=`` made ``<``) fails here even though every screen agrees with it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parktracker.cli import EXIT_OK, main
from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel, Stage
from parktracker.domain.models import (
    Enterprise,
    Fund,
    FundUpdate,
    MonthlyInvestment,
    Park,
    Platform,
    Project,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services import dashboard_figures, park_overview
from parktracker.services.funds import add_fund, record_fund_figures
from parktracker.services.parks import add_park
from parktracker.services.platforms_enterprises import add_enterprise, add_platform
from parktracker.services.projects import create_project, record_investment
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import parks as park_store
from parktracker.storage.database import Database, create_database, open_database

D = dt.date
FIRST_DAY = D(2022, 1, 1)
DAYS = 3 * 365  # every date falls in 2022–2024
UC, SIGNED, PROD = Stage.UNDER_CONSTRUCTION, Stage.SIGNED, Stage.IN_PRODUCTION
ORDER = [Stage.NEGOTIATING, SIGNED, UC, PROD]


def day(n: int) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=n)


# ---------------------------------------------------------------- what is entered (the model)


@dataclass
class ProjectIn:
    park: int  # index into the parks
    history: list[tuple[Stage, dt.date]]  # in entry order; the services keep it
    planned: Money | None
    investment: dict[YearMonth, Money]


@dataclass
class FundIn:
    park: int | None
    established: dt.date | None
    updates: list[tuple[dt.date, Money, Money, Money]]  # date, scale, paid-in, invested


@dataclass
class World:
    parks: int
    projects: list[ProjectIn] = field(default_factory=list)
    funds: list[FundIn] = field(default_factory=list)
    platforms: list[tuple[int, PlatformLevel, dt.date | None]] = field(default_factory=list)
    enterprises: list[tuple[int, frozenset[EnterpriseTag], dt.date | None]] = field(
        default_factory=list
    )
    revenue: dict[tuple[int, YearMonth], Money] = field(default_factory=dict)


amounts = st.integers(min_value=0, max_value=5 * 10**9).map(Money)
offsets = st.integers(min_value=0, max_value=DAYS - 1)
months = st.builds(YearMonth, st.integers(2022, 2024), st.integers(1, 12))


@st.composite
def projects(draw: st.DrawFn, parks: int) -> ProjectIn:
    steps = draw(st.integers(1, 4))
    stages = ORDER[4 - steps :] if draw(st.booleans()) else ORDER[:steps]
    if draw(st.integers(0, 5)) == 0:
        stages = [*stages, Stage.TERMINATED]
    start = draw(st.integers(0, DAYS - 1))
    history = []
    at = start
    for stage in stages:
        history.append((stage, day(min(at, DAYS - 1))))
        at += draw(st.sampled_from([0, 0, 1, 30, 90, 200]))  # same-day steps too
    investment = draw(st.dictionaries(months, amounts, max_size=6))
    planned = draw(st.none() | amounts)
    return ProjectIn(draw(st.integers(0, parks - 1)), history, planned, investment)


@st.composite
def funds(draw: st.DrawFn, parks: int) -> FundIn:
    park = draw(st.none() | st.integers(0, parks - 1))
    established = draw(st.none() | offsets.map(day))
    first = 0 if established is None else (established - FIRST_DAY).days
    updates = []
    for n in sorted(draw(st.lists(st.integers(first, DAYS - 1), min_size=1, max_size=3))):
        scale = draw(amounts)
        paid = Money(draw(st.integers(0, scale.yuan)))
        invested = Money(draw(st.integers(0, paid.yuan)))
        updates.append((day(n), scale, paid, invested))
    return FundIn(park, established, updates)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    parks = draw(st.integers(1, 3))
    world = World(parks)
    world.projects = draw(st.lists(projects(parks), max_size=10))
    world.funds = draw(st.lists(funds(parks), max_size=4))
    world.platforms = draw(
        st.lists(
            st.tuples(
                st.integers(0, parks - 1),
                st.sampled_from(list(PlatformLevel)),
                st.none() | offsets.map(day),
            ),
            max_size=4,
        )
    )
    world.enterprises = draw(
        st.lists(
            st.tuples(
                st.integers(0, parks - 1),
                st.frozensets(st.sampled_from(list(EnterpriseTag))),
                st.none() | offsets.map(day),
            ),
            max_size=4,
        )
    )
    world.revenue = draw(
        st.dictionaries(st.tuples(st.integers(0, parks - 1), months), amounts, max_size=12)
    )
    return world


# ---------------------------------------------------------------- entered through the services


def build(path: Path, world: World) -> list[int]:
    """The world written through the services; returns the parks' ids."""
    db = create_database(path)
    try:
        ids = [add_park(db, park=Park(f"园区{i}", f"园{i}", "产业")) for i in range(world.parks)]
        for n, p in enumerate(world.projects):
            pid = create_project(
                db,
                project=Project(ids[p.park], f"项目{n}", p.history[-1][0], planned_total=p.planned),
                history=p.history,
            )
            record_investment(
                db, entries=[MonthlyInvestment(pid, m, a) for m, a in p.investment.items()]
            )
        for n, f in enumerate(world.funds):
            (first, *later) = f.updates
            fid = add_fund(
                db,
                fund=Fund(
                    f"基金{n}",
                    None if f.park is None else ids[f.park],
                    established_date=f.established,
                ),
                first_figures=FundUpdate(0, *first),
            )
            for update in later:
                record_fund_figures(db, update=FundUpdate(fid, *update))
        for n, (park, level, recognised) in enumerate(world.platforms):
            add_platform(
                db,
                platform=Platform(
                    ids[park], f"平台{n}", level, PlatformKind.KEY_LAB, recognized_date=recognised
                ),
            )
        for n, (park, tags, joined) in enumerate(world.enterprises):
            add_enterprise(
                db, enterprise=Enterprise(ids[park], f"企业{n}", tags, joined_date=joined)
            )
        if world.revenue:
            set_monthly(
                db,
                cells=[RevenueCell(ids[p], m, a) for (p, m), a in world.revenue.items()],
            )
        return ids
    finally:
        db.close()


# ---------------------------------------------------------------- the rules, written out plainly


def stage_on(p: ProjectIn, on: dt.date) -> Stage | None:
    """The latest entry on or before ``on`` (same-day entries: the one entered last)."""
    found = None
    for stage, when in sorted(p.history, key=lambda e: e[1]):
        if when <= on:
            found = stage
    return found


def month_of(on: dt.date) -> YearMonth | None:
    """The last complete month up to ``on`` (its own month on its last day)."""
    month = YearMonth.of(on)
    month = month if on == month.last_day else month.add(-1)
    return month if month >= YearMonth(1900, 1) else None


@dataclass
class Expected:
    stages: dict[Stage, tuple[int, int]]  # count, planned yuan
    uc_completed: int
    funds: tuple[int, int, int, int]
    platforms: dict[PlatformLevel, int]
    enterprises: tuple[int, int, int]  # all, chain leaders, little giants
    revenue_ytd: int


def expected(world: World, on: dt.date, parks: set[int | None]) -> Expected:
    month = month_of(on)
    stages = dict.fromkeys(Stage, (0, 0))
    uc_completed = 0
    for p in world.projects:
        stage = stage_on(p, on)
        if p.park not in parks or stage is None:
            continue
        count, planned = stages[stage]
        stages[stage] = (count + 1, planned + (p.planned.yuan if p.planned else 0))
        if stage is UC and month is not None:
            uc_completed += sum(a.yuan for m, a in p.investment.items() if m <= month)
    fund = [0, 0, 0, 0]
    for f in world.funds:
        if f.park not in parks or (f.established is not None and f.established > on):
            continue
        reported = [u for u in f.updates if u[0] <= on]
        if reported:
            _, scale, paid, invested = reported[-1]
            fund = [fund[0] + 1, fund[1] + scale.yuan, fund[2] + paid.yuan, fund[3] + invested.yuan]
    platforms = dict.fromkeys(PlatformLevel, 0)
    for park, level, recognised in world.platforms:
        if park in parks and (recognised is None or recognised <= on):
            platforms[level] += 1
    joined = [
        tags
        for park, tags, when in world.enterprises
        if park in parks and (when is None or when <= on)
    ]
    ytd = sum(
        a.yuan
        for (park, m), a in world.revenue.items()
        if park in parks and month is not None and m.year == on.year and m <= month
    )
    return Expected(
        stages=stages,
        uc_completed=uc_completed,
        funds=(fund[0], fund[1], fund[2], fund[3]),
        platforms=platforms,
        enterprises=(
            len(joined),
            sum(EnterpriseTag.CHAIN_LEADER in t for t in joined),
            sum(EnterpriseTag.LITTLE_GIANT in t for t in joined),
        ),
        revenue_ytd=ytd,
    )


# ---------------------------------------------------------------- what each screen says


def yi(yuan: int) -> float:
    return float(Money(yuan).in_yi)


def summary_json(path: Path, on: dt.date, park: Park | None) -> dict[str, Any]:
    out = io.StringIO()
    args = ["summary", "--db", str(path), "--as-of", on.isoformat(), "--json"]
    if park is not None:
        args += ["--park", park.name]
    with contextlib.redirect_stdout(out):
        assert main(args) == EXIT_OK
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def check_summary(data: dict[str, Any], want: Expected) -> None:
    for key, stage in (("under_construction", UC), ("signed", SIGNED), ("in_production", PROD)):
        count, planned = want.stages[stage]
        assert data["projects"][key] == {"count": count, "planned_investment_yi": yi(planned)}
    count, scale, paid, invested = want.funds
    assert data["funds"] == {
        "count": count,
        "scale_yi": yi(scale),
        "paid_in_yi": yi(paid),
        "invested_yi": yi(invested),
    }
    levels = want.platforms
    assert data["platforms"] == {
        "provincial_or_above": levels[PlatformLevel.NATIONAL] + levels[PlatformLevel.PROVINCIAL],
        "national": levels[PlatformLevel.NATIONAL],
        "provincial": levels[PlatformLevel.PROVINCIAL],
        "municipal": levels[PlatformLevel.MUNICIPAL],
    }
    total, leaders, giants = want.enterprises
    assert data["enterprises"] == {
        "count": total,
        "chain_leaders": leaders,
        "little_giants": giants,
    }
    assert data["revenue"]["ytd_yi"] == yi(want.revenue_ytd)


def check_dashboard(data: dashboard_figures.DashboardData, want: Expected) -> None:
    cards = data.kpis
    assert cards.projects.under_construction.now == want.stages[UC][0]
    assert cards.projects.under_construction_planned.now == Money(want.stages[UC][1])
    assert cards.projects.signed.now == want.stages[SIGNED][0]
    assert cards.projects.signed_planned.now == Money(want.stages[SIGNED][1])
    assert cards.projects.in_production.now == want.stages[PROD][0]
    count, scale, paid, invested = want.funds
    capital = cards.capital
    assert (capital.funds.now, capital.scale.now, capital.paid_in.now, capital.invested.now) == (
        count,
        Money(scale),
        Money(paid),
        Money(invested),
    )
    assert {level: c.now for level, c in cards.innovation.by_level.items()} == want.platforms
    leaders = cards.leaders
    assert (
        leaders.enterprises.now,
        leaders.chain_leaders.now,
        leaders.little_giants.now,
    ) == want.enterprises
    assert cards.revenue.ytd == Money(want.revenue_ytd)
    # The charts: what is drawn adds up to the same figures.
    pipeline = data.pipeline
    for stage in pipeline.stages:
        assert sum(pipeline.counts[stage]) == want.stages[stage][0]
        assert Money.total(pipeline.amounts[stage]) == Money(want.stages[stage][1])
    bars = data.investment_by_park
    assert Money.total(bars.planned) == Money(want.stages[UC][1])
    assert Money.total(bars.completed) == Money(want.uc_completed)
    fund_chart = data.funds
    assert Money.total(fund_chart.scale) == Money(scale)
    assert Money.total(fund_chart.paid_in) == Money(paid)
    assert Money.total(fund_chart.invested) == Money(invested)
    revenue = data.revenue_progress
    assert (revenue.cumulative[-1] if revenue.cumulative else Money(0)) == Money(want.revenue_ytd)


def check_park_row(row: park_overview.ParkFigures, want: Expected) -> None:
    assert (row.under_construction.count, row.under_construction.planned_total) == (
        want.stages[UC][0],
        Money(want.stages[UC][1]),
    )
    assert (row.signed.count, row.signed.planned_total) == (
        want.stages[SIGNED][0],
        Money(want.stages[SIGNED][1]),
    )
    assert row.in_production == want.stages[PROD][0]
    count, scale, paid, invested = want.funds
    assert (row.funds.count, row.funds.scale, row.funds.paid_in, row.funds.invested) == (
        count,
        Money(scale),
        Money(paid),
        Money(invested),
    )
    levels = want.platforms
    assert row.platforms_provincial_or_above == (
        levels[PlatformLevel.NATIONAL] + levels[PlatformLevel.PROVINCIAL]
    )
    assert row.enterprises == want.enterprises[0]
    assert row.revenue_ytd == Money(want.revenue_ytd)


# ---------------------------------------------------------------- the property


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(world=worlds(), data=st.data())
def test_every_screen_gives_the_model_s_figures(world: World, data: st.DataObject) -> None:
    entry_days = [when for p in world.projects for _, when in p.history]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.db"
        ids = build(path, world)
        picks = st.sampled_from(entry_days) if entry_days else offsets.map(day)
        dates = data.draw(st.lists(picks | offsets.map(day), min_size=1, max_size=3))
        db: Database = open_database(path, readonly=True)
        try:
            for on in dates:
                scope = data.draw(st.none() | st.integers(0, world.parks - 1), label="scope")
                park = None if scope is None else park_store.get(db, ids[scope])
                chosen: set[int | None] = {None, *range(world.parks)} if scope is None else {scope}
                want = expected(world, on, chosen)
                check_summary(summary_json(path, on, park), want)
                check_dashboard(dashboard_figures.load(db, as_of=on, park=park), want)
                rows = park_overview.overview(db, as_of=on)
                for index, park_id in enumerate(ids):
                    row = rows.row_of(park_id)
                    assert row is not None
                    check_park_row(row, expected(world, on, {index}))
                city = expected(world, on, {None}).funds
                assert (
                    rows.city_funds.count,
                    rows.city_funds.scale.yuan,
                    rows.city_funds.paid_in.yuan,
                    rows.city_funds.invested.yuan,
                ) == city
                if scope is not None:
                    detail = park_overview.park_detail(db, ids[scope], as_of=on)
                    assert detail is not None
                    check_park_row(detail.figures, want)
        finally:
            db.close()
