"""Cell values: exact amounts through a float cell, formula guards, display widths."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from parktracker.domain.money import Money, Unit
from parktracker.io.cell_values import (
    amount_number,
    amount_text,
    column_width,
    csv_text,
    csv_unguard,
    needs_guard,
    text_width,
)

# Up to 10^14 yuan (一百万亿元): any figure of a park, a fund or the city, with room to spare.
REALISTIC_YUAN = st.integers(min_value=0, max_value=10**14)


@given(REALISTIC_YUAN, st.sampled_from([Unit.WAN, Unit.YI]))
def test_an_amount_written_as_a_number_reads_back_exactly(yuan: int, unit: Unit) -> None:
    value = amount_number(Money(yuan), unit)
    # A reader sees the cell's shortest text (what Excel and openpyxl give back) ...
    assert Decimal(repr(value)) == Decimal(yuan) / unit.yuan
    # ... and also gets the yuan back by scaling and rounding the float itself.
    assert round(value * unit.yuan) == yuan
    assert Money.from_decimal(Decimal(repr(value)), unit) == Money(yuan)


@given(REALISTIC_YUAN, st.sampled_from([Unit.WAN, Unit.YI]))
def test_csv_text_of_an_amount_is_the_exact_decimal(yuan: int, unit: Unit) -> None:
    text = amount_text(Money(yuan), unit)
    assert "," not in text and "E" not in text
    assert Money.from_decimal(text, unit) == Money(yuan)


def test_whole_amounts_are_integers_and_fractions_floats() -> None:
    assert amount_number(Money.wan(125000), Unit.WAN) == 125000
    assert isinstance(amount_number(Money.wan(125000), Unit.WAN), int)
    assert amount_number(Money.wan("0.0001"), Unit.WAN) == 0.0001
    assert amount_number(Money.yi("1351.4"), Unit.YI) == 1351.4
    assert amount_text(Money.yi("1351.4"), Unit.YI) == "1351.4"


def test_text_that_could_run_as_a_formula_is_guarded() -> None:
    for text in ("=SUM(1)", "+1", "-1", "@x", "\tx", "\rx", '=HYPERLINK("http://x")'):
        assert needs_guard(text)
        assert csv_text(text) == "'" + text
    for text in ("1", "青岛", "a=b", "", " =x", "x-1"):
        assert not needs_guard(text)
        assert csv_text(text) == text
        assert csv_unguard(text) == text
    assert csv_text("'quoted") == "''quoted"  # so that reading back is unambiguous
    for text in ("=SUM(1)", "'quoted", "'=x", "-1"):
        assert csv_unguard(csv_text(text)) == text


def test_wide_characters_count_double() -> None:
    assert text_width("abc") == 3
    assert text_width("青岛市") == 6
    assert text_width("IPM项目（一期）") == 3 + 2 * 6
    assert column_width("所属园区", 0) == 10  # header 8 + padding 2
    assert column_width("No.", 1) == 8  # never narrower than the minimum (6) plus padding
    assert column_width("x", 500) == 60  # nor wider than the maximum
