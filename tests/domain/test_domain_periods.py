"""Calendar periods: YearMonth arithmetic, complete months and the share of the year elapsed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parktracker.domain.periods import (
    YearMonth,
    last_complete_month,
    month_end,
    months_elapsed_in_year,
    time_elapsed_fraction,
)

# ---------------------------------------------------------------- YearMonth basics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03", YearMonth(2024, 3)),
        ("2024-3", YearMonth(2024, 3)),
        ("2024-12", YearMonth(2024, 12)),
        (" 2025-01 ", YearMonth(2025, 1)),
        ("1900-01", YearMonth(1900, 1)),
        ("2200-12", YearMonth(2200, 12)),
    ],
)
def test_parse(text: str, expected: YearMonth) -> None:
    parsed = YearMonth.parse(text)
    assert parsed == expected
    assert (parsed.year, parsed.month) == (expected.year, expected.month)


@pytest.mark.parametrize(
    "text",
    [
        "2024/03",
        "24-03",
        "2024-13",
        "2024-00",
        "2024-003",
        "2024-03-01",
        "202403",
        "abc",
        "",
        "1899-12",
        "2201-01",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        YearMonth.parse(text)


@pytest.mark.parametrize(
    ("year", "month"), [(2024, 0), (2024, 13), (2024, -1), (1899, 6), (2201, 6)]
)
def test_constructor_checks_ranges(year: int, month: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        YearMonth(year, month)


def test_str_is_zero_padded_iso_month() -> None:
    assert str(YearMonth(2024, 3)) == "2024-03"
    assert str(YearMonth(2024, 11)) == "2024-11"


def test_of_date() -> None:
    assert YearMonth.of(dt.date(2024, 2, 29)) == YearMonth(2024, 2)


def test_ordering_is_chronological() -> None:
    assert YearMonth(2023, 12) < YearMonth(2024, 1)
    assert YearMonth(2024, 2) < YearMonth(2024, 10)  # not string order ("2024-2" > "2024-10")
    assert sorted([YearMonth(2024, 10), YearMonth(2023, 12), YearMonth(2024, 2)]) == [
        YearMonth(2023, 12),
        YearMonth(2024, 2),
        YearMonth(2024, 10),
    ]


def test_year_month_is_hashable_and_immutable() -> None:
    assert {YearMonth(2024, 1), YearMonth(2024, 1)} == {YearMonth(2024, 1)}
    month = YearMonth(2024, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        month.month = 2  # type: ignore[misc]


# ---------------------------------------------------------------- first_day / last_day


@pytest.mark.parametrize(
    ("month", "last"),
    [
        (YearMonth(2024, 2), dt.date(2024, 2, 29)),  # leap year
        (YearMonth(2023, 2), dt.date(2023, 2, 28)),
        (YearMonth(2000, 2), dt.date(2000, 2, 29)),  # divisible by 400: leap
        (YearMonth(1900, 2), dt.date(1900, 2, 28)),  # divisible by 100 only: not leap
        (YearMonth(2100, 2), dt.date(2100, 2, 28)),
        (YearMonth(2024, 4), dt.date(2024, 4, 30)),
        (YearMonth(2024, 1), dt.date(2024, 1, 31)),
        (YearMonth(2024, 12), dt.date(2024, 12, 31)),
    ],
)
def test_last_day(month: YearMonth, last: dt.date) -> None:
    assert month.last_day == last


def test_first_day() -> None:
    assert YearMonth(2024, 2).first_day == dt.date(2024, 2, 1)
    assert YearMonth(2023, 12).first_day == dt.date(2023, 12, 1)


def test_month_end() -> None:
    assert month_end(dt.date(2024, 2, 10)) == dt.date(2024, 2, 29)
    assert month_end(dt.date(2023, 2, 1)) == dt.date(2023, 2, 28)
    assert month_end(dt.date(2024, 9, 30)) == dt.date(2024, 9, 30)


# ---------------------------------------------------------------- add / months_until


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (YearMonth(2024, 3), 0, YearMonth(2024, 3)),
        (YearMonth(2024, 3), 1, YearMonth(2024, 4)),
        (YearMonth(2024, 11), 2, YearMonth(2025, 1)),
        (YearMonth(2024, 12), 1, YearMonth(2025, 1)),
        (YearMonth(2024, 1), -1, YearMonth(2023, 12)),
        (YearMonth(2024, 1), 12, YearMonth(2025, 1)),
        (YearMonth(2024, 1), -12, YearMonth(2023, 1)),
        (YearMonth(2024, 1), -25, YearMonth(2021, 12)),
        (YearMonth(2024, 6), 30, YearMonth(2026, 12)),
    ],
)
def test_add(start: YearMonth, months: int, expected: YearMonth) -> None:
    assert start.add(months) == expected


def test_add_out_of_range_raises() -> None:
    with pytest.raises(ValueError):
        YearMonth(1900, 1).add(-1)
    with pytest.raises(ValueError):
        YearMonth(2200, 12).add(1)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (YearMonth(2024, 3), YearMonth(2024, 3), 0),
        (YearMonth(2023, 11), YearMonth(2024, 2), 3),
        (YearMonth(2024, 2), YearMonth(2023, 11), -3),
        (YearMonth(2020, 1), YearMonth(2024, 1), 48),
        (YearMonth(2024, 12), YearMonth(2025, 1), 1),
        (YearMonth(2024, 1), YearMonth(2024, 12), 11),
    ],
)
def test_months_until(start: YearMonth, end: YearMonth, months: int) -> None:
    assert start.months_until(end) == months


_months = st.builds(YearMonth, st.integers(1950, 2150), st.integers(1, 12))


@given(_months, st.integers(-500, 500))
def test_add_and_months_until_are_inverse(start: YearMonth, months: int) -> None:
    later = start.add(months)
    assert start.months_until(later) == months
    assert later.add(-months) == start
    assert (later > start) == (months > 0)


# ---------------------------------------------------------------- last_complete_month


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (dt.date(2024, 3, 31), YearMonth(2024, 3)),  # last day: the month itself is complete
        (dt.date(2024, 3, 30), YearMonth(2024, 2)),
        (dt.date(2024, 3, 1), YearMonth(2024, 2)),
        (dt.date(2024, 1, 15), YearMonth(2023, 12)),  # year boundary
        (dt.date(2024, 1, 1), YearMonth(2023, 12)),
        (dt.date(2024, 1, 31), YearMonth(2024, 1)),
        (dt.date(2024, 2, 29), YearMonth(2024, 2)),  # leap day is the last day
        (dt.date(2024, 2, 28), YearMonth(2024, 1)),  # ...so the 28th is not
        (dt.date(2023, 2, 28), YearMonth(2023, 2)),
        (dt.date(2024, 12, 31), YearMonth(2024, 12)),
        (dt.date(1900, 1, 31), YearMonth(1900, 1)),
    ],
)
def test_last_complete_month(as_of: dt.date, expected: YearMonth) -> None:
    assert last_complete_month(as_of) == expected


def test_last_complete_month_before_the_first_representable_month_is_none() -> None:
    assert last_complete_month(dt.date(1900, 1, 5)) is None


# ---------------------------------------------------------------- months elapsed / 序时进度


@pytest.mark.parametrize(
    ("as_of", "months"),
    [
        (dt.date(2024, 1, 1), 0),
        (dt.date(2024, 1, 15), 0),
        (dt.date(2024, 1, 30), 0),
        (dt.date(2024, 1, 31), 1),
        (dt.date(2024, 2, 28), 1),
        (dt.date(2024, 2, 29), 2),
        (dt.date(2023, 2, 28), 2),
        (dt.date(2024, 3, 15), 2),
        (dt.date(2024, 6, 30), 6),
        (dt.date(2024, 12, 30), 11),
        (dt.date(2024, 12, 31), 12),
    ],
)
def test_months_elapsed_in_year(as_of: dt.date, months: int) -> None:
    assert months_elapsed_in_year(as_of) == months


@pytest.mark.parametrize(
    ("as_of", "fraction"),
    [
        (dt.date(2024, 1, 15), Fraction(0)),
        (dt.date(2024, 1, 31), Fraction(1, 12)),
        (dt.date(2024, 3, 31), Fraction(1, 4)),
        (dt.date(2024, 6, 15), Fraction(5, 12)),
        (dt.date(2024, 6, 30), Fraction(1, 2)),
        (dt.date(2024, 9, 30), Fraction(3, 4)),
        (dt.date(2024, 12, 31), Fraction(1)),
    ],
)
def test_time_elapsed_fraction(as_of: dt.date, fraction: Fraction) -> None:
    result = time_elapsed_fraction(as_of)
    assert isinstance(result, Fraction)
    assert result == fraction


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("yyyy-MM-dd", "2024-03-05"),
        ("yyyy年M月d日", "2024年3月5日"),
        ("d.M.yyyy", "5.3.2024"),
        ("dd/MM/yyyy", "05/03/2024"),
        # Fields it does not know are copied, not taken apart.
        ("d MMM yyyy", "5 MMM 2024"),
        ("yy-M-d", "yy-3-5"),
    ],
)
def test_format_date_fills_a_translated_pattern(pattern: str, expected: str) -> None:
    from parktracker.domain.periods import format_date

    assert format_date(dt.date(2024, 3, 5), pattern) == expected


def test_date_text_uses_the_translated_pattern() -> None:
    """(Found by tools/mutation_pass.py: nothing called date_text.)"""
    from parktracker.domain.periods import T_DATE, date_text

    assert date_text(dt.date(2024, 3, 1), lambda text: text.source) == "2024-03-01"
    assert date_text(dt.date(2024, 3, 1), lambda text: "yyyy年M月d日") == "2024年3月1日"
    assert T_DATE.source == "yyyy-MM-dd"
