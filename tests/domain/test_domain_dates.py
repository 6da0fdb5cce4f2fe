"""The one date parser shared by the forms and the spreadsheet import."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parktracker.domain.dates import (
    MAX_YEAR,
    MIN_YEAR,
    MSG_AMBIGUOUS_MONTH,
    MSG_NEEDS_DAY,
    MSG_NO_SUCH_DAY,
    MSG_NOT_A_DATE,
    MSG_OUT_OF_RANGE,
    DateParseError,
    DatePrecision,
    date_from_cell,
    date_from_serial,
    parse_date,
    parse_day,
    parse_month,
)
from parktracker.domain.periods import YearMonth

MARCH_15 = dt.date(2024, 3, 15)


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-15",
        "2024-3-15",
        "2024/3/15",
        "2024/03/15",
        "2024.3.15",
        "20240315",
        "2024年3月15日",
        "2024年03月15日",
        "2024年3月15号",
        "2024年3月15",
        " 2024-03-15 ",
        "2024 年 3 月 15 日",
        "２０２４－０３－１５",
        "２０２４年３月１５日",
        "2024-03-15 00:00:00",
        "2024-03-15T08:30",
    ],
)
def test_every_typed_form_of_a_day_reads_as_that_day(text: str) -> None:
    parsed = parse_date(text)
    assert parsed.date == MARCH_15
    assert parsed.precision is DatePrecision.DAY
    assert parse_day(text) == MARCH_15


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2024-03", YearMonth(2024, 3)),
        ("2024-3", YearMonth(2024, 3)),
        ("2024/3", YearMonth(2024, 3)),
        ("2023.12", YearMonth(2023, 12)),
        ("2023年11月", YearMonth(2023, 11)),
        ("2023年11", YearMonth(2023, 11)),
        ("202403", YearMonth(2024, 3)),
    ],
)
def test_month_only_forms_read_as_a_month(text: str, month: YearMonth) -> None:
    parsed = parse_date(text)
    assert parsed.precision is DatePrecision.MONTH
    assert parsed.is_month
    assert parsed.date == month.first_day
    assert parse_month(text) == month


def test_a_full_date_names_its_month() -> None:
    assert parse_month("2024-03-15") == YearMonth(2024, 3)


def test_a_month_is_refused_where_a_day_is_needed() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_day("2024-03")
    assert caught.value.message == MSG_NEEDS_DAY
    assert caught.value.args_text == ("2024-03",)


@pytest.mark.parametrize(
    "text", ["2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "20240230"]
)
def test_an_impossible_day_is_an_error_never_another_day(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert caught.value.message == MSG_NO_SUCH_DAY
    assert caught.value.args_text == (text,)


def test_the_leap_day_exists_in_a_leap_year() -> None:
    assert parse_day("2024-02-29") == dt.date(2024, 2, 29)


@pytest.mark.parametrize("text", ["2024年13月", "2024-00"])
def test_an_impossible_month_is_an_error(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert caught.value.message == MSG_NO_SUCH_DAY


@pytest.mark.parametrize(
    "text", ["", "abc", "2024", "15/3/2024", "2024-03-15-01", "3月15日", "约2024年"]
)
def test_text_that_is_no_date_says_how_to_write_one(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert caught.value.message == MSG_NOT_A_DATE


@pytest.mark.parametrize("text", ["1989-12-31", "2101-01-01", "0001-01-01", "9999-12-31"])
def test_years_outside_the_documented_range_are_refused(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert caught.value.message == MSG_OUT_OF_RANGE
    assert caught.value.args_text == (str(MIN_YEAR), str(MAX_YEAR))


def test_the_range_ends_are_accepted() -> None:
    assert parse_day(f"{MIN_YEAR}-01-01") == dt.date(MIN_YEAR, 1, 1)
    assert parse_day(f"{MAX_YEAR}-12-31") == dt.date(MAX_YEAR, 12, 31)


# ---------------------------------------------------------------- spreadsheet cells


def test_real_date_cells_are_days() -> None:
    assert date_from_cell(dt.datetime(2024, 3, 15, 0, 0)) == parse_date("2024-03-15")
    assert date_from_cell(MARCH_15) == parse_date("2024-03-15")


def test_empty_cells_are_no_date() -> None:
    assert date_from_cell(None) is None
    assert date_from_cell("   ") is None


@pytest.mark.parametrize(
    ("serial", "day"),
    [
        (45366, MARCH_15),
        (45366.75, MARCH_15),
        (45292, dt.date(2024, 1, 1)),
        (32874, dt.date(1990, 1, 1)),
    ],
)
def test_excel_serial_numbers_are_days(serial: float, day: dt.date) -> None:
    parsed = date_from_cell(serial)
    assert parsed is not None
    assert parsed.date == day
    assert parsed.precision is DatePrecision.DAY


def test_the_1904_date_system() -> None:
    assert date_from_serial(43904, epoch_1904=True) == MARCH_15
    parsed = date_from_cell(43904, epoch_1904=True)
    assert parsed is not None and parsed.date == MARCH_15


def test_numbers_typed_as_compact_dates() -> None:
    assert date_from_cell(20240315) == parse_date("2024-03-15")
    parsed = date_from_cell(202403)
    assert parsed is not None and parsed.month == YearMonth(2024, 3) and parsed.is_month


def test_a_number_typed_as_year_dot_month() -> None:
    parsed = date_from_cell(2023.12)
    assert parsed is not None and parsed.month == YearMonth(2023, 12) and parsed.is_month
    parsed = date_from_cell(2024.3)
    assert parsed is not None and parsed.month == YearMonth(2024, 3)


def test_year_dot_one_could_be_october_and_is_not_guessed() -> None:
    # Excel stores "2023.10" typed in a general cell as the number 2023.1.
    with pytest.raises(DateParseError) as caught:
        date_from_cell(2023.1)
    assert caught.value.message == MSG_AMBIGUOUS_MONTH
    assert caught.value.args_text == ("2023.1", "2023")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -5, 12.5, True, 1e20])
def test_numbers_that_are_no_date_are_errors(value: object) -> None:
    with pytest.raises(DateParseError):
        date_from_cell(value)


def test_date_cells_outside_the_range_are_refused() -> None:
    with pytest.raises(DateParseError) as caught:
        date_from_cell(dt.date(1900, 1, 1))
    assert caught.value.message == MSG_OUT_OF_RANGE


@given(st.dates(min_value=dt.date(MIN_YEAR, 1, 1), max_value=dt.date(MAX_YEAR, 12, 31)))
def test_every_day_in_range_reads_back_in_every_form(day: dt.date) -> None:
    forms = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month}.{day.day}",
        day.strftime("%Y%m%d"),
        f"{day.year}年{day.month}月{day.day}日",
    ]
    for text in forms:
        assert parse_day(text) == day, text
    serial = (day - dt.date(1899, 12, 30)).days
    parsed = date_from_cell(serial)
    assert parsed is not None and parsed.date == day


@given(st.text(max_size=30))
def test_any_text_gives_a_date_or_the_parsers_own_error(text: str) -> None:
    try:
        parsed = parse_date(text)
    except DateParseError:
        return
    assert MIN_YEAR <= parsed.date.year <= MAX_YEAR
