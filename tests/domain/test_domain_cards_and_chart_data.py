"""The dashboard's pure statistics: KPI cards, year-on-year comparisons and the data of the five
charts. Every expected figure is worked out by hand in the comments beside it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from parktracker.domain.cards import (
    CountYoY,
    MoneyYoY,
    capital_card,
    change,
    growth,
    innovation_card,
    leaders_card,
    projects_card,
    revenue_card,
)
from parktracker.domain.chart_data import (
    LIVE_STAGES,
    ChartContext,
    FundsByPark,
    InvestmentByPark,
    MonthlyInvestmentTrend,
    ParkLabel,
    PipelineByPark,
    RevenueProgress,
    funds_chart,
    investment_by_park_chart,
    monthly_investment_chart,
    pipeline_chart,
    revenue_progress_chart,
    trend_window,
)
from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.figures import (
    ChangedGroup,
    FundGroup,
    FundSnapshot,
    InvestmentGroup,
    ProjectGroup,
    StageFigures,
    StageTotals,
    display_amount,
    fund_totals,
    month_of_figures,
    pipeline_of,
    run_rate_projection,
    same_date_last_year,
    stages_as_of,
    year_to_date,
)
from parktracker.domain.money import Money, Unit
from parktracker.domain.periods import YearMonth

D = dt.date
YI = Money.yi
UC = Stage.UNDER_CONSTRUCTION
SIGNED = Stage.SIGNED
PROD = Stage.IN_PRODUCTION
NEG = Stage.NEGOTIATING
TERM = Stage.TERMINATED


def ctx(as_of: dt.date | None = None) -> ChartContext:
    return ChartContext(as_of=as_of or D(2024, 3, 31), scope="两个园区", sample_data=False)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 3, 31), D(2023, 3, 31)),
        (D(2024, 2, 29), D(2023, 2, 28)),  # leap day: no 29 February in 2023
        (D(2025, 2, 28), D(2024, 2, 28)),
        (D(2024, 1, 1), D(2023, 1, 1)),
    ],
)
def test_same_date_last_year(day: dt.date, expected: dt.date) -> None:
    assert same_date_last_year(day) == expected


def test_month_of_figures_is_the_last_complete_month() -> None:
    assert month_of_figures(D(2024, 3, 31)) == YearMonth(2024, 3)
    assert month_of_figures(D(2024, 3, 30)) == YearMonth(2024, 2)
    assert month_of_figures(D(2024, 1, 15)) == YearMonth(2023, 12)  # across the year boundary


# ---------------------------------------------------------------- projects by park and stage

# Park 1 today: 3 under construction (planned 30, completed 12 over all months), 2 signed
# (planned 8), 1 in production (planned 5, completed 5). Park 2: 1 under construction (10, 4).
CURRENT = [
    ProjectGroup(1, UC, 3, YI(30), YI(12)),
    ProjectGroup(1, SIGNED, 2, YI(8)),
    ProjectGroup(1, PROD, 1, YI(5), YI(5)),
    ProjectGroup(2, UC, 1, YI(10), YI(4)),
]
# Investment reported after the as-of month: park 1's projects now under construction 2,
# now in production 1; park 2's 1.
LATER = [
    InvestmentGroup(1, UC, YI(2)),
    InvestmentGroup(1, PROD, YI(1)),
    InvestmentGroup(2, UC, YI(1)),
]
# Changed after the date: in park 1, the project now in production (planned 5) was under
# construction then with 4 completed by the as-of month; one project signed now (planned 4)
# was not yet in the history then.
CHANGED = [
    ChangedGroup(1, PROD, UC, 1, YI(5), YI(4)),
    ChangedGroup(1, SIGNED, None, 1, YI(4)),
]


def test_stages_as_of_combines_current_changed_and_later() -> None:
    result = stages_as_of(CURRENT, CHANGED, LATER)
    assert list(result) == [1, 2]
    park1 = result[1]
    # Under construction: 3 + 1 moved in = 4; planned 30 + 5 = 35;
    # completed 12 - 2 (later months) + 4 (moved in, up to the month) = 14.
    assert park1[UC] == StageFigures(4, YI(35), YI(14))
    # Signed: 2 - 1 not yet signed = 1; planned 8 - 4 = 4; nothing completed.
    assert park1[SIGNED] == StageFigures(1, YI(4), YI(0))
    # In production: 1 - 1 moved out = 0; planned 5 - 5 = 0; completed 5 - 1 - 4 = 0.
    assert park1[PROD] == StageFigures(0, YI(0), YI(0))
    assert park1[NEG] == park1[TERM] == StageFigures()
    # Park 2: only later months come off: 4 - 1 = 3.
    assert result[2][UC] == StageFigures(1, YI(10), YI(3))


def test_stages_as_of_without_changes_is_the_current_state() -> None:
    result = stages_as_of(CURRENT)
    assert result[1][UC] == StageFigures(3, YI(30), YI(12))
    assert result[1][UC].totals == StageTotals(3, YI(30))
    assert set(result[2]) == set(Stage)  # every stage present


def test_stages_as_of_moves_a_park_to_the_changed_stage_even_if_absent_now() -> None:
    # Park 3 has one project, in production now (2 completed, all reported after the as-of
    # month), that was signed on the date.
    result = stages_as_of(
        [ProjectGroup(3, PROD, 1, YI(2), YI(2))],
        [ChangedGroup(3, PROD, SIGNED, 1, YI(2), YI(0))],
        [InvestmentGroup(3, PROD, YI(2))],
    )
    assert result[3][SIGNED] == StageFigures(1, YI(2), YI(0))
    assert result[3][PROD] == StageFigures(0, YI(0), YI(0))  # 2 - 2 later - 0 moved out


def test_stages_as_of_with_no_projects_is_empty() -> None:
    assert stages_as_of([]) == {}
    assert pipeline_of({}) == {stage: StageTotals() for stage in Stage}


def test_pipeline_of_sums_parks() -> None:
    by_park = stages_as_of(CURRENT, CHANGED, LATER)
    total = pipeline_of(by_park)
    assert total[UC] == StageTotals(5, YI(45))  # 4 (35) + 1 (10)
    assert total[SIGNED] == StageTotals(1, YI(4))
    assert total[PROD] == StageTotals(0, YI(0))
    only_2 = pipeline_of(by_park, [2, 99])  # a park without projects adds nothing
    assert only_2[UC] == StageTotals(1, YI(10))
    assert only_2[SIGNED] == StageTotals()


# ---------------------------------------------------------------- comparisons


def test_change_and_growth() -> None:
    assert change(50, 40) == 10
    assert change(3, 5) == -2
    assert change(3, None) is None
    assert growth(50, 40) == Fraction(1, 4)
    assert growth(30, 40) == Fraction(-1, 4)
    assert growth(5, 0) is None  # no base to grow on
    assert growth(5, None) is None


def test_year_on_year_values() -> None:
    assert CountYoY(50, 40).change == 10
    assert CountYoY(50, 40).growth == Fraction(1, 4)
    assert CountYoY(50, None).change is None
    money = MoneyYoY(YI("1351.4"), YI("945.4"))
    assert money.change == YI(406)
    assert money.growth == Fraction(4060, 9454)  # 406 / 945.4
    assert MoneyYoY(YI(1), YI(2)).change == Money(-100_000_000)
    assert MoneyYoY(YI(1), None).growth is None


# ---------------------------------------------------------------- KPI cards


def pipeline(**counts: tuple[int, str]) -> dict[Stage, StageTotals]:
    result = {stage: StageTotals() for stage in Stage}
    for name, (n, planned) in counts.items():
        result[Stage(name)] = StageTotals(n, YI(planned))
    return result


def test_projects_card_compares_with_a_year_earlier() -> None:
    now = pipeline(
        under_construction=(50, "1351.4"), signed=(13, "337.9"), in_production=(17, "90")
    )
    then = pipeline(under_construction=(40, "945.4"), signed=(13, "328"), negotiating=(2, "3"))
    card = projects_card(now, then)
    assert card.under_construction == CountYoY(50, 40)
    assert card.under_construction_planned == MoneyYoY(YI("1351.4"), YI("945.4"))
    assert card.signed == CountYoY(13, 13)
    assert card.signed.change == 0
    assert card.signed_planned.change == YI("9.9")  # 337.9 - 328
    assert card.in_production == CountYoY(17, 0)  # none then, but projects stood: 0, not None
    assert card.has_data


def test_projects_card_without_projects_a_year_earlier_has_no_comparison() -> None:
    card = projects_card(pipeline(signed=(1, "2")), pipeline())
    assert card.signed == CountYoY(1, None)
    assert card.under_construction_planned == MoneyYoY(YI(0), None)
    empty = projects_card(pipeline(), pipeline())
    assert not empty.has_data
    assert empty.under_construction == CountYoY(0, None)


def fund(fund_id: int, park: int | None, scale: str, paid: str, invested: str) -> FundSnapshot:
    return FundSnapshot(fund_id, park, YI(scale), YI(paid), YI(invested))


def test_capital_card() -> None:
    now = fund_totals([fund(1, 1, "10", "6", "5"), fund(2, None, "5", "1", "0")])
    then = fund_totals([fund(1, 1, "10", "4", "2")])
    card = capital_card(now, then)
    assert card.funds == CountYoY(2, 1)
    assert card.scale == MoneyYoY(YI(15), YI(10))
    assert card.paid_in == MoneyYoY(YI(7), YI(4))
    assert card.invested == MoneyYoY(YI(5), YI(2))
    assert card.paid_in_ratio == Fraction(7, 15)
    assert card.invested_ratio == Fraction(5, 7)
    assert card.paid_in_ratio_year_ago == Fraction(2, 5)  # 4 / 10
    assert card.invested_ratio_year_ago == Fraction(1, 2)  # 2 / 4
    assert card.scale.growth == Fraction(1, 2)


def test_capital_card_without_funds() -> None:
    card = capital_card(fund_totals([]), fund_totals([]))
    assert not card.has_data
    assert card.funds == CountYoY(0, None)
    assert card.paid_in_ratio is None and card.invested_ratio is None
    assert card.paid_in_ratio_year_ago is None


def test_innovation_card() -> None:
    now = {PlatformLevel.NATIONAL: 1, PlatformLevel.PROVINCIAL: 2, PlatformLevel.MUNICIPAL: 1}
    then = {PlatformLevel.NATIONAL: 1, PlatformLevel.PROVINCIAL: 1, PlatformLevel.MUNICIPAL: 1}
    card = innovation_card(now, then)
    assert card.provincial_or_above == CountYoY(3, 2)
    assert card.by_level[PlatformLevel.PROVINCIAL] == CountYoY(2, 1)
    assert card.by_level[PlatformLevel.MUNICIPAL] == CountYoY(1, 1)
    none_then = innovation_card(now, dict.fromkeys(PlatformLevel, 0))
    assert none_then.provincial_or_above == CountYoY(3, None)
    assert not innovation_card(dict.fromkeys(PlatformLevel, 0), {}).has_data


def test_leaders_card() -> None:
    now = (214, {EnterpriseTag.CHAIN_LEADER: 1, EnterpriseTag.LITTLE_GIANT: 7})
    then = (51, {EnterpriseTag.CHAIN_LEADER: 1})
    card = leaders_card(now, then)
    assert card.enterprises == CountYoY(214, 51)
    assert card.chain_leaders == CountYoY(1, 1)
    assert card.little_giants == CountYoY(7, 0)
    assert leaders_card(now, (0, {})).enterprises == CountYoY(214, None)
    assert not leaders_card((0, {}), (0, {})).has_data


# ---------------------------------------------------------------- revenue card

# Monthly revenue of two parks (亿元) across the 2023/2024 year boundary.
REVENUE = [
    (YearMonth(2023, 1), YI(7)),
    (YearMonth(2023, 1), YI(1)),  # park B
    (YearMonth(2023, 2), YI(8)),
    (YearMonth(2023, 3), YI(9)),
    (YearMonth(2023, 12), YI(10)),
    (YearMonth(2024, 1), YI(8)),
    (YearMonth(2024, 1), YI(2)),  # park B
    (YearMonth(2024, 2), YI(9)),
    (YearMonth(2024, 3), YI(12)),
]
TARGET = YI(100)


def test_year_to_date_sums_parks_per_month() -> None:
    assert year_to_date(REVENUE, 2024, 3) == {1: YI(10), 2: YI(9), 3: YI(12)}
    assert year_to_date(REVENUE, 2023, 2) == {1: YI(8), 2: YI(8)}
    assert year_to_date(REVENUE, 2024, 0) == {}


def test_revenue_card_at_the_end_of_march() -> None:
    card = revenue_card(REVENUE, TARGET, D(2024, 3, 31), last_year_target=YI(90))
    assert card.year == 2024
    assert card.ytd == YI(31)  # 10 + 9 + 12
    assert card.months_elapsed == 3 and card.months_reported == 3 and card.latest_month == 3
    assert card.progress == Fraction(31, 100)
    assert card.time_elapsed == Fraction(1, 4)
    assert card.ahead_by == Fraction(6, 100)  # 31 % - 25 % = 6 percentage points ahead
    assert card.remaining_months == 9
    assert card.monthly_needed == Money(766_666_667)  # (100 - 31) / 9 = 7.6666… 亿, rounded up
    assert card.projection == YI(124)  # 31 / 3 × 12
    assert card.projected_share_of_target == Fraction(124, 100)
    assert card.last_year_ytd == YI(25)  # Jan 8 + Feb 8 + Mar 9 of 2023
    assert card.growth == Fraction(6, 25)  # (31 - 25) / 25 = +24 %
    assert card.last_year_target == YI(90)
    assert card.has_data


def test_revenue_card_in_january_ignores_december_of_the_year_before() -> None:
    card = revenue_card(REVENUE, TARGET, D(2024, 1, 31))
    assert card.ytd == YI(10)  # January 2024 only; December 2023 is last year
    assert card.months_elapsed == 1
    assert card.monthly_needed == Money(818_181_819)  # 90 / 11 = 8.18181818… 亿, rounded up
    assert card.projection == YI(120)  # 10 × 12
    assert card.last_year_ytd == YI(8)  # January 2023: 7 + 1
    assert card.growth == Fraction(1, 4)
    assert card.ahead_by == Fraction(10, 100) - Fraction(1, 12)


def test_revenue_card_before_the_first_month_is_complete() -> None:
    card = revenue_card(REVENUE, TARGET, D(2024, 1, 15))
    assert card.ytd == YI(0)
    assert card.months_elapsed == 0 and card.months_reported == 0 and card.latest_month == 0
    assert card.progress == Fraction(0)
    assert card.ahead_by == Fraction(0)
    assert card.monthly_needed == Money(833_333_334)  # 100 / 12, rounded up
    assert card.projection is None
    assert card.last_year_ytd is None and card.growth is None
    assert not card.has_data


def test_revenue_card_at_year_end_needs_no_more_months() -> None:
    card = revenue_card(REVENUE, YI(30), D(2023, 12, 31))
    assert card.ytd == YI(35)  # 8 + 8 + 9 + 10
    assert card.remaining_months == 0
    assert card.monthly_needed is None
    assert card.latest_month == 12
    assert card.projection == YI(35)
    assert card.last_year_ytd is None  # nothing in 2022
    assert card.ahead_by == Fraction(35, 30) - 1


def test_revenue_card_once_the_target_is_reached_needs_nothing() -> None:
    card = revenue_card(REVENUE, YI(20), D(2024, 3, 31))
    assert card.monthly_needed == Money(0)


def test_revenue_card_without_target() -> None:
    card = revenue_card(REVENUE, None, D(2024, 3, 31))
    assert card.progress is None and card.ahead_by is None and card.monthly_needed is None
    assert card.projection == YI(124)
    assert card.projected_share_of_target is None


def test_revenue_card_projects_from_the_latest_reported_month() -> None:
    # As of 30 April only January to March are reported: 31 / 3 × 12, not 31 / 4 × 12.
    card = revenue_card(REVENUE, TARGET, D(2024, 4, 30))
    assert card.months_elapsed == 4 and card.months_reported == 3 and card.latest_month == 3
    assert card.projection == YI(124)
    assert card.monthly_needed == Money(862_500_000)  # 69 / 8 = 8.625 亿
    assert card.last_year_ytd == YI(25)  # January–April 2023 (no April figures)


def test_run_rate_projection_rounds_half_up_to_the_yuan() -> None:
    assert run_rate_projection(Money(1), 8) == Money(2)  # 1.5 → 2
    assert run_rate_projection(Money(1), 7) == Money(2)  # 1.714…
    assert run_rate_projection(Money(5), 12) == Money(5)
    assert run_rate_projection(YI(10), 0) is None


# ---------------------------------------------------------------- chart 1: revenue progress


def test_revenue_progress_chart() -> None:
    chart = revenue_progress_chart(ctx(), REVENUE, YI(1300))
    assert isinstance(chart, RevenueProgress)
    assert chart.year == 2024
    assert chart.months == [1, 2, 3]
    assert chart.cumulative == [YI(10), YI(19), YI(31)]
    assert len(chart.pace) == 13
    assert chart.pace[0] == Money(0)
    assert chart.pace[1] == Money(10_833_333_333)  # 1300 / 12 = 108.333333333 亿 → down
    assert chart.pace[2] == Money(21_666_666_667)  # 216.666666667 亿 → up
    assert chart.pace[12] == YI(1300)
    assert chart.projection[0] == (3, YI(31))
    assert chart.projection[-1] == (12, YI(124))
    assert [m for m, _ in chart.projection] == list(range(3, 13))
    assert chart.projection[1] == (4, Money(4_133_333_333))  # 31 × 4 / 3 = 41.333… 亿
    assert chart.latest_share_of_target == 2.4  # 31 / 1300 = 2.38 %
    assert chart.has_data


def test_revenue_progress_chart_with_a_gap_month() -> None:
    monthly = [(YearMonth(2024, 1), YI(5)), (YearMonth(2024, 3), YI(7))]
    chart = revenue_progress_chart(ctx(), monthly, None)
    assert chart.months == [1, 3]  # February not reported: no point
    assert chart.cumulative == [YI(5), YI(12)]
    assert chart.pace == []
    assert chart.latest_share_of_target is None
    assert chart.projection[-1] == (12, YI(48))  # 12 / 3 × 12


def test_revenue_progress_chart_without_data_says_so() -> None:
    chart = revenue_progress_chart(ctx(D(2024, 1, 15)), REVENUE, YI(100))
    assert chart.months == [] and chart.cumulative == [] and chart.projection == []
    assert chart.pace[12] == YI(100)  # the target and pace are still known
    assert chart.latest_share_of_target is None
    assert not chart.has_data


# ---------------------------------------------------------------- charts 2 and 3: parks

PARKS = [ParkLabel(1, "甲园"), ParkLabel(2, "乙园"), ParkLabel(3, "丙园")]  # 丙园: no projects


def test_investment_by_park_chart() -> None:
    by_park = stages_as_of(CURRENT, CHANGED, LATER)
    chart = investment_by_park_chart(ctx(), PARKS, by_park)
    assert isinstance(chart, InvestmentByPark)
    assert chart.parks == ["甲园", "乙园", "丙园"]
    assert chart.planned == [YI(35), YI(10), YI(0)]
    assert chart.completed == [YI(14), YI(3), YI(0)]
    assert chart.completed_share == [40.0, 30.0, None]  # 14 / 35; 3 / 10; no plan
    assert chart.has_data


def test_investment_by_park_chart_share_is_rounded_for_display_only() -> None:
    by_park = stages_as_of([ProjectGroup(1, UC, 1, YI(3), YI(1))])
    chart = investment_by_park_chart(ctx(), PARKS[:1], by_park)
    assert chart.completed == [YI(1)]  # exact
    assert chart.completed_share == [33.3]


def test_investment_by_park_chart_without_data_says_so() -> None:
    chart = investment_by_park_chart(ctx(), PARKS, {})
    assert chart.planned == [Money(0)] * 3
    assert chart.completed_share == [None] * 3
    assert not chart.has_data


def test_pipeline_chart_stacks_live_stages() -> None:
    by_park = stages_as_of(
        [*CURRENT, ProjectGroup(2, TERM, 4, YI(9)), ProjectGroup(2, NEG, 1, YI("0.5"))],
        CHANGED,
        LATER,
    )
    chart = pipeline_chart(ctx(), PARKS, by_park)
    assert isinstance(chart, PipelineByPark)
    assert chart.stages == list(LIVE_STAGES) == [NEG, SIGNED, UC, PROD]
    assert TERM not in chart.counts
    assert chart.counts[UC] == [4, 1, 0]
    assert chart.counts[SIGNED] == [1, 0, 0]
    assert chart.counts[NEG] == [0, 1, 0]
    assert chart.counts[PROD] == [0, 0, 0]
    assert chart.amounts[UC] == [YI(35), YI(10), YI(0)]
    assert chart.amounts[NEG] == [YI(0), YI("0.5"), YI(0)]
    assert chart.has_data


def test_pipeline_chart_without_data_says_so() -> None:
    chart = pipeline_chart(ctx(), PARKS[2:], {})
    assert chart.parks == ["丙园"]
    assert chart.counts == {stage: [0] for stage in LIVE_STAGES}
    assert not chart.has_data
    # Only terminated projects: nothing live to draw.
    only_terminated = stages_as_of([ProjectGroup(3, TERM, 2, YI(1))])
    assert not pipeline_chart(ctx(), PARKS[2:], only_terminated).has_data


# ---------------------------------------------------------------- chart 4: funds

FUNDS = [
    fund(1, 1, "10", "6", "5"),
    fund(2, 1, "2", "1", "0.5"),
    fund(3, 2, "4", "4", "1"),
    fund(4, None, "5", "1", "0"),
]


def groups(funds: list[FundSnapshot]) -> list[FundGroup]:
    """Each fund as a group of one (storage sums them per park; the sums are the same)."""
    return [FundGroup(f.park_id, 1, f.scale, f.paid_in, f.invested) for f in funds]


def test_funds_chart_groups_by_park_then_city_wide() -> None:
    chart = funds_chart(ctx(), PARKS, groups(FUNDS), "市级基金")
    assert isinstance(chart, FundsByPark)
    assert chart.groups == ["甲园", "乙园", "丙园", "市级基金"]
    assert chart.scale == [YI(12), YI(4), YI(0), YI(5)]
    assert chart.paid_in == [YI(7), YI(4), YI(0), YI(1)]
    assert chart.invested == [YI("5.5"), YI(1), YI(0), YI(0)]
    assert chart.has_data


def test_funds_chart_without_city_label_or_city_funds() -> None:
    chart = funds_chart(ctx(), PARKS[:1], groups(FUNDS), None)
    assert chart.groups == ["甲园"]
    no_city = funds_chart(ctx(), PARKS, groups(FUNDS[:3]), "市级基金")
    assert no_city.groups == ["甲园", "乙园", "丙园"]


def test_funds_chart_without_data_says_so() -> None:
    chart = funds_chart(ctx(), PARKS[2:], groups(FUNDS), None)
    assert chart.scale == [Money(0)]
    assert not chart.has_data


# ---------------------------------------------------------------- chart 5: monthly investment


def test_trend_window() -> None:
    assert trend_window(YearMonth(2024, 3)) == (YearMonth(2021, 4), YearMonth(2024, 3))
    assert trend_window(YearMonth(2024, 3), 2) == (YearMonth(2023, 2), YearMonth(2024, 3))


def test_monthly_investment_chart_across_the_year_boundary() -> None:
    totals = [
        (YearMonth(2022, 12), YI(1)),  # the year before December 2023
        (YearMonth(2023, 1), YI(2)),  # the year before January 2024
        (YearMonth(2023, 12), YI(3)),
        (YearMonth(2024, 1), YI(4)),
        (YearMonth(2024, 1), YI("0.5")),  # a second entry for the month is added
        (YearMonth(2024, 2), YI(9)),  # after the as-of month: not shown
    ]
    chart = monthly_investment_chart(ctx(D(2024, 1, 31)), totals)
    assert isinstance(chart, MonthlyInvestmentTrend)
    assert len(chart.months) == 24
    assert chart.months[0] == YearMonth(2022, 2)
    assert chart.months[-2:] == [YearMonth(2023, 12), YearMonth(2024, 1)]
    assert chart.amounts[-2:] == [YI(3), YI("4.5")]
    assert chart.year_earlier[-2:] == [YI(1), YI(2)]  # December 2022, January 2023
    assert chart.amounts[:10] == [Money(0)] * 10  # February–November 2022: no figures
    assert chart.amounts[10:12] == [YI(1), YI(2)]  # December 2022 and January 2023 are shown
    assert sum(m.yuan for m in chart.amounts) == YI("10.5").yuan  # 1 + 2 + 3 + 4.5
    assert chart.has_data


def test_monthly_investment_chart_mid_month_ends_with_the_month_before() -> None:
    chart = monthly_investment_chart(ctx(D(2024, 2, 10)), [(YearMonth(2024, 2), YI(1))])
    assert chart.months[-1] == YearMonth(2024, 1)
    assert not chart.has_data  # February is not complete on 10 February


def test_monthly_investment_chart_without_data_says_so() -> None:
    chart = monthly_investment_chart(ctx(), [])
    assert chart.months[-1] == YearMonth(2024, 3)
    assert chart.amounts == [Money(0)] * 24 and chart.year_earlier == [Money(0)] * 24
    assert not chart.has_data


def test_monthly_investment_chart_with_only_last_years_figures_has_data() -> None:
    # 12 months as of March 2024: April 2023–March 2024, a year earlier April 2022–March 2023.
    chart = monthly_investment_chart(ctx(), [(YearMonth(2022, 4), YI(1))], months=12)
    assert chart.months[0] == YearMonth(2023, 4)
    assert chart.amounts == [Money(0)] * 12
    assert chart.year_earlier == [YI(1)] + [Money(0)] * 11
    assert chart.has_data


# ---------------------------------------------------------------- display


@pytest.mark.parametrize(
    ("amount", "places", "unit", "expected"),
    [
        (Money(11_656_436_667), 1, Unit.YI, "116.6"),
        (Money(11_656_436_667), 2, Unit.YI, "116.56"),
        (YI("1351.4"), 1, Unit.YI, "1351.4"),
        (YI(1300), 1, Unit.YI, "1300.0"),
        (Money(25_000_000), 1, Unit.YI, "0.3"),  # 0.25 rounds half up (not to even)
        (Money(35_000_000), 1, Unit.YI, "0.4"),
        (Money(12_345), 0, Unit.WAN, "1"),
        (Money(15_000), 0, Unit.WAN, "2"),
        (Money(-25_000_000), 1, Unit.YI, "-0.3"),  # a change can be negative
    ],
)
def test_display_amount_rounds_half_up(
    amount: Money, places: int, unit: Unit, expected: str
) -> None:
    assert display_amount(amount, places, unit) == Decimal(expected)
    assert str(display_amount(amount, places, unit)) == expected
