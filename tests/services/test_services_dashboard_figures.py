"""The dashboard service: KPI cards and chart data fetched from a database.

A small database is built here by hand (three parks: 甲园 and 乙园 with projects whose stage
histories cross the as-of dates, revenue across the 2023/2024 boundary, funds, platforms and
enterprises; 丙园 with nothing), and every expected figure is worked out in the comments. The
demo database must give the published headline figures of 2024-03-31 exactly.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from parktracker.domain.cards import CountYoY, MoneyYoY
from parktracker.domain.enums import EnterpriseTag, Metric, PlatformKind, PlatformLevel, Stage
from parktracker.domain.figures import (
    StageFigures,
    StageTotals,
    month_of_figures,
    stages_as_of,
)
from parktracker.domain.models import (
    Enterprise,
    Fund,
    FundUpdate,
    MonthlyInvestment,
    Park,
    Platform,
    Project,
    Target,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services import dashboard_figures
from parktracker.services.funds import add_fund, record_fund_figures
from parktracker.services.parks import add_park
from parktracker.services.platforms_enterprises import add_enterprise, add_platform
from parktracker.services.projects import advance_stage, create_project, record_investment
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.services.targets import set_target
from parktracker.storage import as_of_figures, changes, investment, parks, projects
from parktracker.storage.database import Database, create_database

D = dt.date
YI = Money.yi
UC = Stage.UNDER_CONSTRUCTION
SIGNED = Stage.SIGNED
PROD = Stage.IN_PRODUCTION
AS_OF = D(2024, 3, 31)


def tr(text: tuple[str, str], *args: object) -> str:
    """English, with the placeholders filled (what the CLI does without a catalogue)."""
    from parktracker.domain.i18n_markers import fill

    return fill(text[1], args)


# ---------------------------------------------------------------- the hand-made database


class Small:
    """Ids of the records of the small database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.a = add_park(db, park=Park("甲园区", "甲园", "集成电路", sort_order=1))
        self.b = add_park(db, park=Park("乙园区", "乙园", "人工智能", sort_order=2))
        self.c = add_park(db, park=Park("丙园区", "丙园", "氢能", sort_order=3))  # no data

        def project(park: int, name: str, planned: str | None, *history: tuple[Stage, D]) -> int:
            stage = history[-1][0]
            amount = None if planned is None else YI(planned)
            return create_project(
                db,
                project=Project(park, name, stage, planned_total=amount),
                history=list(history),
            )

        # 甲园
        self.p1 = project(  # in production since Feb 2024
            self.a, "P1", "10",
            (SIGNED, D(2023, 2, 10)), (UC, D(2023, 6, 1)), (PROD, D(2024, 2, 15)),
        )  # fmt: skip
        self.p2 = project(  # started in January 2024
            self.a, "P2", "6", (SIGNED, D(2023, 12, 20)), (UC, D(2024, 1, 10))
        )
        self.p3 = project(  # negotiating a year ago, signed in March 2024
            self.a, "P3", "4", (Stage.NEGOTIATING, D(2023, 3, 1)), (SIGNED, D(2024, 3, 5))
        )
        self.p4 = project(  # terminated in August 2023
            self.a, "P4", "3", (SIGNED, D(2022, 5, 1)), (Stage.TERMINATED, D(2023, 8, 1))
        )
        # 乙园
        self.p5 = project(self.b, "P5", "20", (UC, D(2022, 11, 1)))
        self.p6 = project(self.b, "P6", "5", (SIGNED, D(2024, 4, 10)))  # signed after AS_OF
        self.p7 = project(self.b, "P7", None, (SIGNED, D(2023, 1, 5)))  # no planned total

        def months(project_id: int, *items: tuple[int, int, str]) -> None:
            record_investment(
                db,
                entries=[
                    MonthlyInvestment(project_id, YearMonth(y, m), YI(v)) for y, m, v in items
                ],
            )

        months(self.p1, (2023, 6, "2"), (2023, 9, "3"), (2024, 1, "4"))
        months(self.p2, (2024, 1, "1"), (2024, 2, "1.5"), (2024, 3, "2"), (2024, 4, "9"))
        months(self.p5, (2023, 3, "1"), (2023, 12, "3"), (2024, 1, "2"))

        def revenue(park: int, *items: tuple[int, int, str]) -> None:
            set_monthly(
                db,
                cells=[RevenueCell(park, YearMonth(y, m), YI(v)) for y, m, v in items],
            )

        revenue(self.a, (2023, 1, "7"), (2023, 2, "8"), (2023, 3, "9"), (2023, 12, "10"))
        revenue(self.a, (2024, 1, "8"), (2024, 2, "9"), (2024, 3, "12"))
        revenue(self.b, (2023, 1, "1"), (2024, 1, "2"))
        set_target(db, target=Target(2024, Metric.REVENUE, YI(100)))
        set_target(db, target=Target(2024, Metric.REVENUE, YI(60), park_id=self.a))
        set_target(db, target=Target(2023, Metric.REVENUE, YI(90)))

        self.f1 = add_fund(
            db,
            fund=Fund("甲园基金", self.a, established_date=D(2022, 1, 1)),
            first_figures=FundUpdate(0, D(2023, 1, 1), YI(10), YI(4), YI(2)),
        )
        record_fund_figures(db, update=FundUpdate(self.f1, D(2024, 1, 1), YI(10), YI(6), YI(5)))
        self.f2 = add_fund(
            db,
            fund=Fund("市级基金", None, established_date=D(2023, 6, 1)),
            first_figures=FundUpdate(0, D(2023, 6, 1), YI(5), YI(1), YI(0)),
        )

        def platform(park: int, name: str, level: PlatformLevel, day: D | None) -> None:
            add_platform(
                db,
                platform=Platform(park, name, level, PlatformKind.KEY_LAB, recognized_date=day),
            )

        platform(self.a, "国家实验室", PlatformLevel.NATIONAL, D(2022, 3, 1))
        platform(self.a, "省实验室", PlatformLevel.PROVINCIAL, D(2023, 6, 1))
        platform(self.a, "市中心", PlatformLevel.MUNICIPAL, D(2021, 1, 1))
        platform(self.b, "省中心", PlatformLevel.PROVINCIAL, None)  # undated: always counted

        def enterprise(park: int, name: str, tags: set[EnterpriseTag], day: D | None) -> None:
            add_enterprise(db, enterprise=Enterprise(park, name, frozenset(tags), joined_date=day))

        enterprise(self.a, "链主企业", {EnterpriseTag.CHAIN_LEADER}, D(2022, 1, 1))
        enterprise(self.a, "小巨人", {EnterpriseTag.LITTLE_GIANT}, D(2023, 9, 1))
        enterprise(self.b, "配套企业", set(), None)

    def park(self, park_id: int) -> Park:
        park = parks.get(self.db, park_id)
        assert park is not None
        return park


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Small]:
    db = create_database(tmp_path / "small.db")
    yield Small(db)
    db.close()


# ---------------------------------------------------------------- KPI cards, all parks


def test_projects_card_as_of_and_a_year_earlier(small: Small) -> None:
    card = dashboard_figures.kpis(small.db, as_of=AS_OF).projects
    # 2024-03-31: under construction P2 (6) + P5 (20); signed P3 (4) + P7 (no plan); in
    # production P1. P6 is signed only in April; P4 is terminated.
    # 2023-03-31: under construction P5 (20); signed P1 (10), P4 (3), P7; P3 negotiating.
    assert card.under_construction == CountYoY(2, 1)
    assert card.under_construction_planned == MoneyYoY(YI(26), YI(20))
    assert card.signed == CountYoY(2, 3)
    assert card.signed_planned == MoneyYoY(YI(4), YI(13))
    assert card.in_production == CountYoY(1, 0)


def test_capital_innovation_and_leaders_cards(small: Small) -> None:
    kpis = dashboard_figures.kpis(small.db, as_of=AS_OF)
    # Funds now: 甲园基金 (latest figures 2024-01-01: 10 / 6 / 5) and 市级基金 (5 / 1 / 0).
    # A year earlier: only 甲园基金, with its 2023-01-01 figures (10 / 4 / 2).
    capital = kpis.capital
    assert capital.funds == CountYoY(2, 1)
    assert capital.scale == MoneyYoY(YI(15), YI(10))
    assert capital.paid_in == MoneyYoY(YI(7), YI(4))
    assert capital.invested == MoneyYoY(YI(5), YI(2))
    assert capital.paid_in_ratio == Fraction(7, 15)
    assert capital.invested_ratio == Fraction(5, 7)
    # Platforms now: national 1, provincial 2 (one undated), municipal 1; a year earlier the
    # provincial lab of June 2023 is missing.
    innovation = kpis.innovation
    assert innovation.provincial_or_above == CountYoY(3, 2)
    assert innovation.by_level[PlatformLevel.NATIONAL] == CountYoY(1, 1)
    assert innovation.by_level[PlatformLevel.MUNICIPAL] == CountYoY(1, 1)
    # Enterprises now: 3 (the little giant joined in September 2023); a year earlier 2.
    leaders = kpis.leaders
    assert leaders.enterprises == CountYoY(3, 2)
    assert leaders.chain_leaders == CountYoY(1, 1)
    assert leaders.little_giants == CountYoY(1, 0)


def test_revenue_card_all_parks(small: Small) -> None:
    card = dashboard_figures.kpis(small.db, as_of=AS_OF).revenue
    # 2024 Jan–Mar: 甲 8 + 9 + 12, 乙 2 = 31; 2023 Jan–Mar: 甲 7 + 8 + 9, 乙 1 = 25.
    assert card.target == YI(100)
    assert card.ytd == YI(31)
    assert card.progress == Fraction(31, 100)
    assert card.time_elapsed == Fraction(1, 4)
    assert card.ahead_by == Fraction(6, 100)  # 6 percentage points ahead
    assert card.monthly_needed == Money(766_666_667)  # 69 / 9 亿, rounded up to the yuan
    assert card.projection == YI(124)  # 31 / 3 × 12
    assert card.last_year_ytd == YI(25)
    assert card.growth == Fraction(6, 25)  # +24 %
    assert card.last_year_target == YI(90)


def test_revenue_card_in_january_leaves_december_out(small: Small) -> None:
    card = dashboard_figures.kpis(small.db, as_of=D(2024, 1, 31)).revenue
    assert card.ytd == YI(10)  # January 2024: 8 + 2; December 2023's 10 is last year's
    assert card.last_year_ytd == YI(8)  # January 2023: 7 + 1
    assert card.monthly_needed == Money(818_181_819)  # 90 / 11 亿, rounded up


def test_a_year_earlier_of_a_leap_day(small: Small) -> None:
    kpis = dashboard_figures.kpis(small.db, as_of=D(2024, 2, 29))
    assert kpis.year_ago == D(2023, 2, 28)
    # 2024-02-29: P2 and P5 under construction (P1 in production since 15 Feb), P7 signed
    # (P3 still negotiating). 2023-02-28: P5 under construction; P1 (10 Feb), P4, P7 signed.
    assert kpis.projects.under_construction == CountYoY(2, 1)
    assert kpis.projects.signed == CountYoY(1, 3)


# ---------------------------------------------------------------- one park, and a park with nothing


def test_one_park(small: Small) -> None:
    kpis = dashboard_figures.kpis(small.db, as_of=AS_OF, park=small.park(small.a))
    assert kpis.projects.under_construction == CountYoY(1, 0)  # P2; a year ago none…
    assert kpis.projects.signed == CountYoY(1, 2)  # … but P1 and P4 were signed
    assert kpis.capital.funds == CountYoY(1, 1)  # the city-wide fund belongs to no park
    assert kpis.revenue.target == YI(60)  # the park's own target
    assert kpis.revenue.ytd == YI(29)
    assert kpis.revenue.last_year_ytd == YI(24)


def test_a_park_with_no_data_gives_zeros_and_says_so(small: Small) -> None:
    park = small.park(small.c)
    kpis = dashboard_figures.kpis(small.db, as_of=AS_OF, park=park)
    assert kpis.projects.under_construction == CountYoY(0, None)
    assert kpis.projects.under_construction_planned == MoneyYoY(Money(0), None)
    assert kpis.capital.funds == CountYoY(0, None)
    assert kpis.capital.paid_in_ratio is None
    assert kpis.innovation.provincial_or_above == CountYoY(0, None)
    assert kpis.leaders.enterprises == CountYoY(0, None)
    assert kpis.revenue.ytd == Money(0) and kpis.revenue.target is None
    assert kpis.revenue.growth is None and kpis.revenue.monthly_needed is None
    for card in (kpis.projects, kpis.capital, kpis.innovation, kpis.leaders, kpis.revenue):
        assert not card.has_data
    for name in dashboard_figures.CHART_NAMES:
        chart = dashboard_figures.chart_data(small.db, name, AS_OF, park, tr=tr)
        assert chart.context.scope == "丙园"
        assert not chart.has_data, name


# ---------------------------------------------------------------- charts


def test_revenue_progress_chart(small: Small) -> None:
    chart = dashboard_figures.chart_data(small.db, "revenue-progress", AS_OF, tr=tr)
    assert chart.context.scope == "All 3 parks"
    assert chart.months == [1, 2, 3]
    assert chart.cumulative == [YI(10), YI(19), YI(31)]
    assert chart.target == YI(100)
    assert chart.pace[3] == YI(25)
    assert chart.projection[-1] == (12, YI(124))
    assert chart.latest_share_of_target == 31.0


def test_investment_by_park_chart(small: Small) -> None:
    chart = dashboard_figures.chart_data(small.db, "investment-by-park", AS_OF, tr=tr)
    # Under construction on 2024-03-31: 甲园 P2 (planned 6; 1 + 1.5 + 2 by March; April's 9
    # comes later); 乙园 P5 (planned 20; 1 + 3 + 2). P1 left construction in February.
    assert chart.parks == ["甲园", "乙园", "丙园"]
    assert chart.planned == [YI(6), YI(20), YI(0)]
    assert chart.completed == [YI("4.5"), YI(6), YI(0)]
    assert chart.completed_share == [75.0, 30.0, None]


def test_investment_by_park_a_month_earlier_still_counts_p1(small: Small) -> None:
    chart = dashboard_figures.chart_data(small.db, "investment-by-park", D(2024, 1, 31), tr=tr)
    # 2024-01-31: 甲园 P1 (10; 2 + 3 + 4) and P2 (6; 1) under construction.
    assert chart.planned[0] == YI(16)
    assert chart.completed[0] == YI(10)
    assert chart.completed[1] == YI(6)  # P5: 1 + 3 + 2


def test_pipeline_chart(small: Small) -> None:
    chart = dashboard_figures.chart_data(small.db, "pipeline", AS_OF, tr=tr)
    assert chart.counts == {
        Stage.NEGOTIATING: [0, 0, 0],
        SIGNED: [1, 1, 0],  # P3; P7
        UC: [1, 1, 0],  # P2; P5
        PROD: [1, 0, 0],  # P1
    }
    assert chart.amounts[SIGNED] == [YI(4), YI(0), YI(0)]  # P7 has no planned total
    assert chart.amounts[PROD] == [YI(10), YI(0), YI(0)]


def test_funds_chart(small: Small) -> None:
    chart = dashboard_figures.chart_data(small.db, "funds", AS_OF, tr=tr)
    assert chart.groups == ["甲园", "乙园", "丙园", "City-wide funds"]
    assert chart.scale == [YI(10), YI(0), YI(0), YI(5)]
    assert chart.paid_in == [YI(6), YI(0), YI(0), YI(1)]
    assert chart.invested == [YI(5), YI(0), YI(0), YI(0)]
    one = dashboard_figures.chart_data(small.db, "funds", AS_OF, small.park(small.a), tr=tr)
    # One park: a group per fund of the park (issue 15 §5), no city-wide group.
    assert one.groups == ["甲园基金"]
    assert one.scale == [YI(10)]


def test_monthly_investment_chart(small: Small) -> None:
    chart = dashboard_figures.chart_data(small.db, "monthly-investment", AS_OF, tr=tr)
    assert chart.months[0] == YearMonth(2022, 4) and chart.months[-1] == YearMonth(2024, 3)
    by_month = dict(zip(chart.months, chart.amounts, strict=True))
    assert by_month[YearMonth(2023, 3)] == YI(1)  # P5
    assert by_month[YearMonth(2023, 12)] == YI(3)
    assert by_month[YearMonth(2024, 1)] == YI(7)  # P1 4 + P2 1 + P5 2
    assert by_month[YearMonth(2024, 3)] == YI(2)
    # P1 2 + 3 + 4, P2 1 + 1.5 + 2 (April 2024 is after the window), P5 1 + 3 + 2
    assert sum(a.yuan for a in chart.amounts) == YI("19.5").yuan
    earlier = dict(zip(chart.months, chart.year_earlier, strict=True))
    assert earlier[YearMonth(2024, 3)] == YI(1)  # March 2023
    assert earlier[YearMonth(2024, 1)] == Money(0)  # January 2023: nothing
    assert earlier[YearMonth(2023, 6)] == Money(0)  # June 2022


def test_load_gives_every_chart_and_the_cards(small: Small) -> None:
    data = dashboard_figures.load(small.db, as_of=AS_OF, tr=tr)
    assert list(data.charts) == list(dashboard_figures.CHART_NAMES)
    for name, chart in data.charts.items():
        assert chart == dashboard_figures.chart_data(small.db, name, AS_OF, tr=tr)
    assert data.kpis == dashboard_figures.kpis(small.db, as_of=AS_OF)
    assert not data.kpis.sample_data


def test_unknown_chart_name(small: Small) -> None:
    with pytest.raises(ValueError, match="revenue-progress"):
        dashboard_figures.chart_data(small.db, "pie", AS_OF)


# ---------------------------------------------------------------- the data follows edits


def test_an_edit_and_its_undo_show_on_the_cards_and_charts(small: Small) -> None:
    with changes.recording(small.db) as change_set:
        advance_stage(small.db, project_id=small.p2, stage=PROD, date=D(2024, 3, 20))
    kpis = dashboard_figures.kpis(small.db, as_of=AS_OF)
    assert kpis.projects.under_construction == CountYoY(1, 1)  # P5 only
    assert kpis.projects.in_production == CountYoY(2, 0)
    chart = dashboard_figures.chart_data(small.db, "investment-by-park", AS_OF, tr=tr)
    assert chart.planned[0] == Money(0)
    # A date before the change still sees P2 under construction.
    before = dashboard_figures.chart_data(small.db, "investment-by-park", D(2024, 2, 29), tr=tr)
    assert before.planned[0] == YI(6) and before.completed[0] == YI("2.5")

    with small.db.atomic():
        changes.apply_inverse(small.db, change_set)
    assert dashboard_figures.kpis(small.db, as_of=AS_OF).projects.under_construction == CountYoY(
        2, 1
    )


def test_recorded_investment_shows_in_the_trend(small: Small) -> None:
    record_investment(
        small.db, entries=[MonthlyInvestment(small.p5, YearMonth(2024, 3), YI("0.25"))]
    )
    chart = dashboard_figures.chart_data(small.db, "monthly-investment", AS_OF, tr=tr)
    assert chart.amounts[-1] == YI("2.25")
    bars = dashboard_figures.chart_data(small.db, "investment-by-park", AS_OF, tr=tr)
    assert bars.completed[1] == YI("6.25")


# ---------------------------------------------------------------- quick path equals slow one


def _exact(db: Database, day: dt.date) -> dict[int, dict[Stage, StageFigures]]:
    """Per park and stage on ``day`` the plain way: each project's stage then, one by one
    (``as_of_figures.project_stages_as_of``), and its completed investment summed month by
    month."""
    month = month_of_figures(day)
    then = as_of_figures.project_stages_as_of(db, day)
    out: dict[int, dict[Stage, StageFigures]] = {}
    for project in projects.all_projects(db):
        if project.id not in then:
            continue
        stage = then[project.id]
        figures = out.setdefault(project.park_id, {s: StageFigures() for s in Stage})
        old = figures[stage]
        done = investment.completed_total(db, project.id, through=month)
        planned = project.planned_total or Money(0)
        figures[stage] = StageFigures(old.count + 1, old.planned + planned, old.completed + done)
    return out


def _quick(db: Database, day: dt.date) -> dict[int, dict[Stage, StageFigures]]:
    month = month_of_figures(day)
    assert month is not None
    result = stages_as_of(
        as_of_figures.current_groups(db),
        as_of_figures.changed_groups(db, day, through=month),
        as_of_figures.investment_after(db, month),
    )
    # Parks whose projects all came later are present with zeros: drop them to compare.
    return {p: s for p, s in result.items() if any(f != StageFigures() for f in s.values())}


DATES = [D(2022, 12, 31), D(2023, 3, 31), D(2023, 6, 1), D(2024, 1, 15), AS_OF, D(2024, 4, 30)]


@pytest.mark.parametrize("day", DATES)
def test_grouped_queries_equal_the_project_by_project_figures(small: Small, day: D) -> None:
    assert _quick(small.db, day) == _exact(small.db, day)


@pytest.mark.parametrize("day", [D(2022, 12, 31), D(2023, 6, 1), D(2024, 1, 15)])
def test_later_investment_summed_by_a_table_scan_gives_the_same(
    small: Small, day: D, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Many figures after the as-of month are summed in one pass over the table instead of
    # through the month index; force that path on the small database.
    month = month_of_figures(day)
    assert month is not None
    by_index = as_of_figures.investment_after(small.db, month)
    monkeypatch.setattr(as_of_figures, "_SCAN_ABOVE", 1)
    assert sorted(as_of_figures.investment_after(small.db, month), key=repr) == sorted(
        by_index, key=repr
    )
    assert by_index  # there are later figures to sum
    assert _quick(small.db, day) == _exact(small.db, day)


def test_grouped_queries_equal_the_plain_way_on_the_demo_database(demo_db: Database) -> None:
    for day in [D(2021, 6, 30), D(2022, 12, 31), D(2023, 3, 31), D(2023, 9, 15), AS_OF]:
        assert _quick(demo_db, day) == _exact(demo_db, day), day
        signed = sum(s is SIGNED for s in as_of_figures.project_stages_as_of(demo_db, day).values())
        assert dashboard_figures.kpis(demo_db, as_of=day).projects.signed.now == signed


def test_grouped_queries_equal_the_plain_way_on_random_histories(tmp_path: Path) -> None:
    rng = random.Random(4)
    db = create_database(tmp_path / "random.db")
    try:
        park_ids = [add_park(db, park=Park(f"园{i}", f"园{i}", "x")) for i in range(3)]
        order = [Stage.NEGOTIATING, SIGNED, UC, PROD]
        for n in range(60):
            start = D(2021, 1, 1) + dt.timedelta(days=rng.randrange(1200))
            steps = rng.randint(1, 4)
            history = []
            day = start
            for stage in order[4 - steps :] if rng.random() < 0.5 else order[:steps]:
                history.append((stage, day))
                day += dt.timedelta(days=rng.choice([0, 0, 20, 90, 200]))  # same-day steps too
            if rng.random() < 0.15:
                history.append((Stage.TERMINATED, day))
            planned = None if rng.random() < 0.1 else Money(rng.randrange(1, 10**10))
            pid = create_project(
                db,
                project=Project(
                    rng.choice(park_ids), f"项目{n}", history[-1][0], planned_total=planned
                ),
                history=history,
            )
            first = YearMonth.of(start)
            record_investment(
                db,
                entries=[
                    MonthlyInvestment(pid, first.add(k), Money(rng.randrange(10**8)))
                    for k in range(rng.randrange(0, 30))
                ],
            )
        for day in [
            D(2021, 5, 31),
            D(2022, 2, 14),
            D(2022, 12, 31),
            D(2023, 7, 31),
            D(2024, 2, 29),
            D(2025, 1, 31),
        ]:
            assert _quick(db, day) == _exact(db, day), day
    finally:
        db.close()


# ---------------------------------------------------------------- the demo database


def test_demo_headline_figures_as_of_2024_03_31(demo_db: Database) -> None:
    assert dashboard_figures.default_as_of(demo_db) == AS_OF
    data = dashboard_figures.load(demo_db, as_of=AS_OF, tr=tr)
    kpis = data.kpis
    assert kpis.sample_data
    projects = kpis.projects
    assert projects.under_construction.now == 50
    assert projects.under_construction_planned.now.format() == "1351.4 亿元"
    assert projects.signed.now == 13
    assert projects.signed_planned.now.format() == "337.9 亿元"
    capital = kpis.capital
    assert capital.funds.now == 20
    assert capital.scale.now.format() == "172.6 亿元"
    assert capital.paid_in.now.format() == "117.8 亿元"
    assert capital.invested.now.format() == "106.8 亿元"
    assert kpis.innovation.provincial_or_above.now == 25
    assert kpis.revenue.target == YI(1300)
    # The charts agree with the cards.
    bars = data.investment_by_park
    assert Money.total(bars.planned) == YI("1351.4")
    pipeline = data.pipeline
    assert sum(pipeline.counts[UC]) == 50 and sum(pipeline.counts[SIGNED]) == 13
    assert Money.total(pipeline.amounts[SIGNED]) == YI("337.9")
    funds = data.funds
    assert Money.total(funds.scale) == YI("172.6")
    assert Money.total(funds.invested) == YI("106.8")
    revenue = data.revenue_progress
    assert revenue.target == YI(1300) and revenue.months == [1, 2, 3]
    assert revenue.cumulative[-1] == kpis.revenue.ytd
    for chart in data.charts.values():
        assert chart.context.sample_data and chart.has_data


def test_demo_park_scope_adds_up_to_all_parks(demo_db: Database) -> None:
    whole = dashboard_figures.kpis(demo_db, as_of=AS_OF)
    per_park = [
        dashboard_figures.kpis(demo_db, as_of=AS_OF, park=p) for p in parks.all_parks(demo_db)
    ]
    assert sum(k.projects.under_construction.now for k in per_park) == 50
    total = Money.total([k.projects.under_construction_planned.now for k in per_park])
    assert total == whole.projects.under_construction_planned.now
    assert Money.total([k.revenue.ytd for k in per_park]) == whole.revenue.ytd
    trend = dashboard_figures.chart_data(demo_db, "monthly-investment", AS_OF, tr=tr)
    park_trends = [
        dashboard_figures.chart_data(demo_db, "monthly-investment", AS_OF, p, tr=tr)
        for p in parks.all_parks(demo_db)
    ]
    for i in range(24):
        assert Money.total([t.amounts[i] for t in park_trends]) == trend.amounts[i]


def test_demo_totals_equal_the_summary(demo_db: Database) -> None:
    from parktracker.services.summary import summarize

    for day in [D(2023, 6, 30), AS_OF]:
        summary = summarize(demo_db, as_of=day)
        kpis = dashboard_figures.kpis(demo_db, as_of=day)
        uc = summary.pipeline[UC]
        assert (
            StageTotals(
                kpis.projects.under_construction.now, kpis.projects.under_construction_planned.now
            )
            == uc
        )
        assert kpis.capital.scale.now == summary.funds.scale
        assert kpis.revenue.ytd == summary.revenue.ytd
        assert kpis.leaders.enterprises.now == summary.enterprise_count
