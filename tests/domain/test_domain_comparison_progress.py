"""The comparison's counts and sums, the investment pace and stage ageing, as pure functions."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from parktracker.domain.comparison import FundChange, ProjectChange, compare
from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.domain.progress import StageAge, investment_pace

D = dt.date
ZERO = Money.zero()


def change(
    pid: int, park: int, before: Stage | None, after: Stage | None, yuan: int = 0
) -> ProjectChange:
    return ProjectChange(pid, park, f"园区{park}", f"项目{pid}", before, after, Money(yuan))


def test_compare_counts_each_kind_once_and_sums_per_park() -> None:
    projects = [
        change(1, 1, None, Stage.SIGNED),  # new
        change(2, 1, Stage.SIGNED, Stage.UNDER_CONSTRUCTION, 500),  # moved, started
        change(3, 1, Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION),  # moved, production
        change(4, 2, Stage.SIGNED, Stage.TERMINATED),  # terminated (and moved)
        change(5, 2, Stage.UNDER_CONSTRUCTION, Stage.UNDER_CONSTRUCTION, 300),  # money only
        change(6, 2, Stage.SIGNED, Stage.SIGNED),  # nothing: left out
        change(7, 2, None, Stage.TERMINATED),  # new and terminated in between
    ]
    funds = [
        FundChange(1, "甲基金", 1, Money(100), Money(250), Money(10), Money(40)),
        FundChange(2, "市级基金", None, Money(0), Money(1000), ZERO, ZERO),
        FundChange(3, "不变基金", 2, Money(5), Money(5), Money(1), Money(1)),
    ]
    result = compare(
        D(2024, 2, 29),
        D(2024, 3, 31),
        parks=[(1, "园区1"), (2, "园区2")],
        projects=projects,
        revenue={1: Money(7000)},
        funds=funds,
    )
    assert [p.project_id for p in result.projects] == [1, 2, 3, 4, 5, 7]
    one, two = result.parks
    assert (one.new, one.moved, one.started, one.in_production, one.terminated) == (1, 2, 1, 1, 0)
    assert (one.invested, one.revenue, one.paid_in_change, one.fund_invested_change) == (
        Money(500),
        Money(7000),
        Money(150),
        Money(30),
    )
    assert (two.new, two.moved, two.terminated, two.invested, two.revenue) == (
        1,
        1,
        2,
        Money(300),
        ZERO,
    )
    total = result.total
    assert (total.new, total.terminated, total.moved, total.invested) == (2, 2, 3, Money(800))
    assert total.paid_in_change == Money(1150)  # the city-wide fund counts in the total
    assert [f.name for f in result.funds] == ["甲基金", "市级基金"]
    assert result.months is not None and str(result.months[0]) == "2024-03"


def test_investment_pace() -> None:
    pace = investment_pace(Money(1200), Money(300), D(2024, 4, 30))
    assert (pace.months_elapsed, pace.completion, pace.ahead_by) == (
        4,
        Fraction(1, 4),
        Fraction(1, 4) - Fraction(1, 3),
    )
    assert pace.monthly_needed == Money(113)  # 900 over 8 months, rounded up
    assert investment_pace(Money(100), Money(150), D(2024, 4, 30)).monthly_needed == ZERO
    assert investment_pace(ZERO, Money(1), D(2024, 4, 30)).ahead_by is None
    assert investment_pace(Money(100), ZERO, D(2024, 12, 31)).monthly_needed is None
    # leap year: the 29th ends February
    assert investment_pace(Money(100), ZERO, D(2024, 2, 29)).months_elapsed == 2
    assert investment_pace(Money(100), ZERO, D(2023, 2, 28)).months_elapsed == 2


def test_stage_age() -> None:
    age = StageAge(1, "项目", 1, "园区", Stage.SIGNED, D(2024, 1, 31), D(2024, 2, 29))
    assert (age.months, age.days) == (1, 29)
    age = StageAge(1, "项目", 1, "园区", Stage.SIGNED, D(2023, 12, 15), D(2024, 3, 14))
    assert (age.months, age.days) == (2, 90)
