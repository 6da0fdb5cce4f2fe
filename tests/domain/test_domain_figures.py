"""Aggregations behind the summary, KPI cards and charts. Expected figures are worked by hand."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.figures import (
    ChangedGroup,
    EnterpriseGroup,
    FundGroup,
    FundSnapshot,
    FundTotals,
    PlatformGroup,
    ProjectGroup,
    RevenueGroup,
    RevenueProgress,
    StageTotals,
    enterprises_of,
    fund_totals,
    fund_totals_of,
    monthly_of,
    percent,
    pipeline_of,
    platforms_of,
    provincial_or_above,
    ratio,
    revenue_progress,
    stages_as_of,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth

# ---------------------------------------------------------------- stages and pipeline_of


def group(park_id: int, stage: Stage, count: int, planned: Money) -> ProjectGroup:
    return ProjectGroup(park_id, stage, count, planned)


def test_pipeline_of_counts_and_sums_over_the_chosen_parks() -> None:
    stages = stages_as_of(
        [
            group(1, Stage.NEGOTIATING, 2, Money.yi(1)),
            group(1, Stage.SIGNED, 1, Money.yi("2.5")),
            group(2, Stage.UNDER_CONSTRUCTION, 1, Money.yi(1)),
            group(1, Stage.UNDER_CONSTRUCTION, 2, Money.yi("3.25")),
            group(1, Stage.TERMINATED, 1, Money.yi(9)),
        ]
    )
    assert pipeline_of(stages) == {
        Stage.NEGOTIATING: StageTotals(2, Money.yi(1)),
        Stage.SIGNED: StageTotals(1, Money.yi("2.5")),
        Stage.UNDER_CONSTRUCTION: StageTotals(3, Money.yi("4.25")),
        Stage.IN_PRODUCTION: StageTotals(0, Money.zero()),
        Stage.TERMINATED: StageTotals(1, Money.yi(9)),
    }
    assert pipeline_of(stages, [2])[Stage.UNDER_CONSTRUCTION] == StageTotals(1, Money.yi(1))
    assert pipeline_of(stages, [3]) == dict.fromkeys(Stage, StageTotals())


def test_stages_as_of_moves_changed_projects_to_their_stage_then() -> None:
    stages = stages_as_of(
        [group(1, Stage.IN_PRODUCTION, 3, Money.yi(3))],
        [
            # two of them were under construction then, one did not exist yet
            ChangedGroup(1, Stage.IN_PRODUCTION, Stage.UNDER_CONSTRUCTION, 2, Money.yi(2)),
            ChangedGroup(1, Stage.IN_PRODUCTION, None, 1, Money.yi(1)),
        ],
    )
    assert pipeline_of(stages) == {
        **dict.fromkeys(Stage, StageTotals()),
        Stage.UNDER_CONSTRUCTION: StageTotals(2, Money.yi(2)),
    }


def test_pipeline_of_nothing_has_every_stage_at_zero() -> None:
    result = pipeline_of(stages_as_of([]))
    assert list(result) == list(Stage)
    assert all(t == StageTotals(0, Money.zero()) for t in result.values())


def test_stage_totals_default_is_zero() -> None:
    assert StageTotals() == StageTotals(0, Money(0))


# ---------------------------------------------------------------- fund_totals


def fund(fund_id: int, scale: Money, paid_in: Money, invested: Money) -> FundSnapshot:
    return FundSnapshot(fund_id, None, scale, paid_in, invested)


def test_fund_totals_and_ratios() -> None:
    totals = fund_totals(
        [
            fund(1, Money.yi(10), Money.yi(4), Money.yi(1)),
            fund(2, Money.yi(5), Money.yi(2), Money.yi(2)),
        ]
    )
    assert totals == FundTotals(
        count=2, scale=Money.yi(15), paid_in=Money.yi(6), invested=Money.yi(3)
    )
    assert totals.paid_in_ratio == Fraction(2, 5)  # 6 / 15
    assert totals.invested_ratio == Fraction(1, 2)  # 3 / 6


def test_fund_totals_exact_with_odd_amounts() -> None:
    totals = fund_totals(
        [
            fund(1, Money.wan(3), Money.wan(1), Money.zero()),
            fund(2, Money.wan("0.0001"), Money.zero(), Money.zero()),
        ]
    )
    assert totals.scale == Money(30_001)
    assert totals.paid_in_ratio == Fraction(10_000, 30_001)
    assert totals.invested_ratio == Fraction(0)


def test_fund_totals_empty() -> None:
    totals = fund_totals([])
    assert totals == FundTotals(0, Money.zero(), Money.zero(), Money.zero())
    assert totals.paid_in_ratio is None
    assert totals.invested_ratio is None


def test_fund_ratio_with_zero_scale_is_none() -> None:
    totals = fund_totals([fund(1, Money.zero(), Money.zero(), Money.zero())])
    assert totals.count == 1
    assert totals.paid_in_ratio is None
    assert totals.invested_ratio is None


def test_ratio() -> None:
    assert ratio(Money(1), Money(3)) == Fraction(1, 3)
    assert ratio(Money.yi(1), Money.wan(1)) == Fraction(10_000)
    assert ratio(Money(1), Money.zero()) is None
    assert ratio(Money(1), None) is None


# ---------------------------------------------------------------- platforms and enterprises


def test_platforms_of_and_provincial_or_above() -> None:
    groups = [
        PlatformGroup(1, PlatformLevel.MUNICIPAL, 2),
        PlatformGroup(1, PlatformLevel.NATIONAL, 1),
        PlatformGroup(2, PlatformLevel.PROVINCIAL, 2),
        PlatformGroup(2, PlatformLevel.MUNICIPAL, 1),
    ]
    counts = platforms_of(groups)
    assert counts == {
        PlatformLevel.NATIONAL: 1,
        PlatformLevel.PROVINCIAL: 2,
        PlatformLevel.MUNICIPAL: 3,
    }
    assert provincial_or_above(counts) == 3
    assert platforms_of(groups, [2]) == {
        PlatformLevel.NATIONAL: 0,
        PlatformLevel.PROVINCIAL: 2,
        PlatformLevel.MUNICIPAL: 1,
    }


def test_platforms_of_nothing() -> None:
    counts = platforms_of([])
    assert counts == dict.fromkeys(PlatformLevel, 0)
    assert provincial_or_above(counts) == 0


def test_provincial_or_above_excludes_municipal() -> None:
    counts = {PlatformLevel.NATIONAL: 0, PlatformLevel.PROVINCIAL: 0, PlatformLevel.MUNICIPAL: 7}
    assert provincial_or_above(counts) == 0
    assert provincial_or_above({PlatformLevel.NATIONAL: 4, PlatformLevel.MUNICIPAL: 2}) == 4


def test_enterprises_of() -> None:
    tags = dict.fromkeys(EnterpriseTag, 0)
    groups = [
        EnterpriseGroup(1, 3, {**tags, EnterpriseTag.CHAIN_LEADER: 1, EnterpriseTag.HIGH_TECH: 2}),
        EnterpriseGroup(2, 1, {**tags, EnterpriseTag.HIGH_TECH: 1}),
    ]
    total, counts = enterprises_of(groups)
    assert total == 4
    assert counts == {**tags, EnterpriseTag.CHAIN_LEADER: 1, EnterpriseTag.HIGH_TECH: 3}
    assert enterprises_of(groups, [2]) == (1, {**tags, EnterpriseTag.HIGH_TECH: 1})


def test_enterprises_of_nothing() -> None:
    assert enterprises_of([]) == (0, dict.fromkeys(EnterpriseTag, 0))


def test_fund_totals_of_city_funds_and_parks() -> None:
    groups = [
        FundGroup(None, 2, Money.yi(10), Money.yi(4), Money.yi(1)),
        FundGroup(1, 1, Money.yi(3), Money.yi(2), Money.yi(2)),
    ]
    assert fund_totals_of(groups) == FundTotals(3, Money.yi(13), Money.yi(6), Money.yi(3))
    assert fund_totals_of(groups, [None]).count == 2
    assert fund_totals_of(groups, [1]) == FundTotals(1, Money.yi(3), Money.yi(2), Money.yi(2))
    assert fund_totals_of(groups, [5]) == FundTotals(0, Money(0), Money(0), Money(0))


def test_monthly_of_sums_the_chosen_parks_per_month() -> None:
    groups = [
        RevenueGroup(1, YearMonth(2024, 2), Money(5)),
        RevenueGroup(2, YearMonth(2024, 1), Money(7)),
        RevenueGroup(1, YearMonth(2024, 1), Money(3)),
    ]
    assert monthly_of(groups) == [(YearMonth(2024, 1), Money(10)), (YearMonth(2024, 2), Money(5))]
    assert monthly_of(groups, [1]) == [
        (YearMonth(2024, 1), Money(3)),
        (YearMonth(2024, 2), Money(5)),
    ]


# ---------------------------------------------------------------- revenue_progress

# Monthly (not cumulative) revenue of two parks across three years.
MONTHLY = [
    (YearMonth(2023, 12), Money.yi(100)),  # previous year
    (YearMonth(2024, 1), Money.yi(10)),  # park A
    (YearMonth(2024, 1), Money.yi(5)),  # park B, same month
    (YearMonth(2024, 2), Money.yi(10)),
    (YearMonth(2024, 3), Money.yi(20)),
    (YearMonth(2024, 12), Money.yi("0.5")),
    (YearMonth(2025, 1), Money.yi(7)),  # next year
]
TARGET = Money.yi(100)


def test_revenue_progress_counts_only_complete_months() -> None:
    result = revenue_progress(MONTHLY, TARGET, dt.date(2024, 3, 15))
    assert result == RevenueProgress(
        year=2024,
        target=TARGET,
        ytd=Money.yi(25),  # Jan 10 + 5, Feb 10; March is not complete
        months_reported=2,
        time_elapsed=Fraction(1, 6),
    )
    assert result.progress == Fraction(1, 4)


def test_revenue_progress_on_the_last_day_of_a_month_includes_it() -> None:
    result = revenue_progress(MONTHLY, TARGET, dt.date(2024, 3, 31))
    assert result.ytd == Money.yi(45)
    assert result.months_reported == 3
    assert result.time_elapsed == Fraction(1, 4)
    assert result.progress == Fraction(9, 20)


def test_revenue_progress_at_year_end() -> None:
    result = revenue_progress(MONTHLY, TARGET, dt.date(2024, 12, 31))
    assert result.ytd == Money.yi("45.5")
    assert result.months_reported == 4
    assert result.time_elapsed == Fraction(1)


def test_revenue_progress_early_january_has_nothing_yet() -> None:
    # The last complete month is December 2023, which belongs to the previous year.
    result = revenue_progress(MONTHLY, TARGET, dt.date(2024, 1, 15))
    assert result.year == 2024
    assert result.ytd == Money.zero()
    assert result.months_reported == 0
    assert result.time_elapsed == Fraction(0)
    assert result.progress == Fraction(0)


def test_revenue_progress_next_year_only_counts_that_year() -> None:
    result = revenue_progress(MONTHLY, TARGET, dt.date(2025, 1, 31))
    assert result.year == 2025
    assert result.ytd == Money.yi(7)
    assert result.months_reported == 1


def test_revenue_progress_without_data_is_zero() -> None:
    result = revenue_progress([], TARGET, dt.date(2024, 6, 30))
    assert result.ytd == Money.zero()
    assert result.months_reported == 0
    assert result.time_elapsed == Fraction(1, 2)
    assert result.progress == Fraction(0)


def test_revenue_progress_without_target_has_no_progress() -> None:
    assert revenue_progress(MONTHLY, None, dt.date(2024, 3, 31)).progress is None
    assert revenue_progress(MONTHLY, Money.zero(), dt.date(2024, 3, 31)).progress is None


def test_revenue_progress_is_exact() -> None:
    monthly = [(YearMonth(2024, m), Money.yi("0.1")) for m in range(1, 13)]
    result = revenue_progress(monthly, Money.yi("1.2"), dt.date(2024, 12, 31))
    assert result.ytd == Money.yi("1.2")
    assert result.progress == Fraction(1)


# ---------------------------------------------------------------- percent


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(1, 3), 2, 33.33),
        (Fraction(2, 3), 2, 66.67),
        (Fraction(1, 4), 2, 25.0),
        (Fraction(9, 20), 2, 45.0),
        (Fraction(1), 2, 100.0),
        (Fraction(0), 2, 0.0),
        (Fraction(3, 2), 1, 150.0),
        (Fraction(12_345, 100_000), 3, 12.345),
        # Exact halves round up (float round() would give 0.12, 0.2, 0, 2 here).
        (Fraction(1, 800), 2, 0.13),
        (Fraction(1, 400), 1, 0.3),
        (Fraction(1, 200), 0, 1.0),
        (Fraction(5, 200), 0, 3.0),
        (Fraction(1, 8), 0, 13.0),
        # Just below a half rounds down.
        (Fraction(1249, 1_000_000), 2, 0.12),
    ],
)
def test_percent_rounds_half_up(value: Fraction, places: int, expected: float) -> None:
    assert percent(value, places) == expected


def test_percent_default_places_is_two() -> None:
    assert percent(Fraction(1, 7)) == 14.29  # 14.2857...


def test_percent_of_none_is_none() -> None:
    assert percent(None) is None


@pytest.mark.parametrize(
    ("day", "counts"),
    [
        (None, True),  # undated: always counted
        (dt.date(2024, 3, 30), True),
        (dt.date(2024, 3, 31), True),  # on the as-of date itself
        (dt.date(2024, 4, 1), False),  # the day after
    ],
)
def test_stood_by_counts_records_dated_on_or_before_the_as_of_date(
    day: dt.date | None, counts: bool
) -> None:
    """(Found by tools/mutation_pass.py: nothing tested stood_by.)"""
    from parktracker.domain.figures import stood_by

    assert stood_by(day, dt.date(2024, 3, 31)) is counts


def test_division_rounds_half_away_from_zero_and_up() -> None:
    """(Found by tools/mutation_pass.py: negative numerators were never divided.)"""
    from parktracker.domain.figures import div_half_up, div_up

    assert [div_half_up(n, 2) for n in (5, 4, 3, 1, 0, -1, -3, -4, -5)] == [
        3, 2, 2, 1, 0, -1, -2, -2, -3,
    ]  # fmt: skip
    assert [div_half_up(n, 3) for n in (4, 5, -4, -5)] == [1, 2, -1, -2]
    assert [div_up(n, 3) for n in (0, 1, 3, 4, -1, -4)] == [0, 1, 1, 2, 0, -1]
