"""Monthly versus year-to-date (1–N月累计) revenue."""

from __future__ import annotations

from parktracker.domain.money import Money
from parktracker.domain.validation import Severity
from parktracker.domain.year_to_date import M_YTD_DECREASES, cumulative, monthly_from_ytd

# ---------------------------------------------------------------- cumulative


def test_cumulative_running_totals() -> None:
    monthly = {1: Money.yi(10), 2: Money.yi(5), 3: Money.yi("2.5")}
    assert cumulative(monthly) == {1: Money.yi(10), 2: Money.yi(15), 3: Money.yi("17.5")}


def test_cumulative_empty() -> None:
    assert cumulative({}) == {}


def test_cumulative_gap_months_carry_the_earlier_total_forward() -> None:
    # Month 2 has no data: month 3's year-to-date still includes month 1.
    result = cumulative({1: Money.wan(100), 3: Money.wan(50)})
    assert result == {1: Money.wan(100), 3: Money.wan(150)}
    assert set(result) == {1, 3}


def test_cumulative_first_data_late_in_the_year() -> None:
    assert cumulative({5: Money.wan(7)}) == {5: Money.wan(7)}


def test_cumulative_does_not_depend_on_dict_order() -> None:
    monthly = {3: Money.wan(3), 1: Money.wan(1), 2: Money.wan(2)}
    assert cumulative(monthly) == {1: Money.wan(1), 2: Money.wan(3), 3: Money.wan(6)}


def test_cumulative_full_year_is_exact() -> None:
    # 12 x 0.1 亿元 = 1.2 亿元 exactly.
    result = cumulative(dict.fromkeys(range(1, 13), Money.yi("0.1")))
    assert result[12] == Money.yi("1.2")
    assert result[12].format() == "1.2 亿元"
    assert result[7] == Money.yi("0.7")


def test_cumulative_zero_months_keep_their_entry() -> None:
    assert cumulative({1: Money.wan(4), 2: Money.zero()}) == {1: Money.wan(4), 2: Money.wan(4)}


# ---------------------------------------------------------------- monthly_from_ytd


def test_monthly_from_ytd_subtracts_earlier_months() -> None:
    amount, problems = monthly_from_ytd(3, Money.yi(20), {1: Money.yi(8), 2: Money.yi(7)})
    assert amount == Money.yi(5)
    assert problems == []


def test_monthly_from_ytd_for_january_is_the_ytd_itself() -> None:
    amount, problems = monthly_from_ytd(1, Money.wan("123.4"), {})
    assert amount == Money.wan("123.4")
    assert problems == []


def test_monthly_from_ytd_ignores_the_month_itself_and_later_months() -> None:
    so_far = {1: Money.yi(8), 2: Money.yi(7), 3: Money.yi(99), 4: Money.yi(100)}
    amount, problems = monthly_from_ytd(3, Money.yi(20), so_far)
    assert amount == Money.yi(5)  # 20 - (8 + 7): an old month-3 figure is being replaced
    assert problems == []


def test_monthly_from_ytd_with_gap_months() -> None:
    amount, _ = monthly_from_ytd(6, Money.wan(1000), {1: Money.wan(100), 4: Money.wan("250.5")})
    assert amount == Money.wan("649.5")


def test_monthly_from_ytd_equal_to_before_gives_zero() -> None:
    amount, problems = monthly_from_ytd(3, Money.yi(15), {1: Money.yi(8), 2: Money.yi(7)})
    assert amount == Money.zero()
    assert problems == []


def test_monthly_from_ytd_that_decreases_is_rejected() -> None:
    amount, problems = monthly_from_ytd(3, Money.yi(14), {1: Money.yi(8), 2: Money.yi(7)})
    assert amount is None
    assert len(problems) == 1
    problem = problems[0]
    assert problem.field == "amount"
    assert problem.severity is Severity.ERROR
    assert problem.message == M_YTD_DECREASES
    assert problem.args == ("3", "14 亿元", "15 亿元")
    assert problem.render() == (
        "The year-to-date figure for month 3 (14 亿元) is below the total of the months "
        "before it (15 亿元)."
    )


def test_monthly_from_ytd_decrease_by_one_yuan_is_rejected() -> None:
    amount, problems = monthly_from_ytd(2, Money(99_999_999), {1: Money.yi(1)})
    assert amount is None
    assert [p.field for p in problems] == ["amount"]
