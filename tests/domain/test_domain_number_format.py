"""The one number format: fixed decimals (亿元 1/2/4, 万元 0/2), percentages with one, no
thousands separators, rounding half up for display only, and the exact value for a tooltip."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import (
    DEFAULT_FORMAT,
    EXACT,
    NumberFormat,
    exact_text,
    percent_text,
    share_text,
)


def test_default_is_one_decimal_of_yi_without_separators() -> None:
    assert DEFAULT_FORMAT.amount(Money.yi("1351.4")) == "1351.4 亿元"
    assert DEFAULT_FORMAT.amount(Money.yi("250.9207")) == "250.9 亿元"
    assert DEFAULT_FORMAT.amount(Money.yi("62")) == "62.0 亿元"  # trailing zero kept
    assert DEFAULT_FORMAT.number(Money.yi("1234567.8")) == "1234567.8"  # no separators
    assert DEFAULT_FORMAT.amount(None) == "—"


def test_rounding_is_half_up_not_bankers() -> None:
    assert DEFAULT_FORMAT.number(Money.yi("0.05")) == "0.1"
    assert DEFAULT_FORMAT.number(Money.yi("0.15")) == "0.2"
    assert DEFAULT_FORMAT.number(Money.yi("116.56436667")) == "116.6"


@pytest.mark.parametrize(("places", "expected"), [(1, "250.9"), (2, "250.92"), (4, "250.9207")])
def test_yi_places_are_a_choice_of_1_2_or_4(places: int, expected: str) -> None:
    assert NumberFormat(yi_places=places).number(Money.yi("250.9207")) == expected


def test_wan_has_none_or_two_decimals() -> None:
    amount = Money.wan("1234.5")
    assert NumberFormat(wan_places=2).number(amount, Unit.WAN) == "1234.50"
    assert NumberFormat(wan_places=0).number(amount, Unit.WAN) == "1235"
    assert DEFAULT_FORMAT.amount(amount, Unit.WAN) == "1234.50 万元"


def test_other_decimal_choices_are_refused() -> None:
    with pytest.raises(ValueError, match="yi_places"):
        NumberFormat(yi_places=3)
    with pytest.raises(ValueError, match="wan_places"):
        NumberFormat(wan_places=1)


def test_signed_changes() -> None:
    assert DEFAULT_FORMAT.amount(Money.yi("81.575"), signed=True) == "+81.6 亿元"
    assert DEFAULT_FORMAT.amount(Money.yi("406"), signed=True) == "+406.0 亿元"
    assert DEFAULT_FORMAT.amount(Money(-Money.yi("3").yuan), signed=True) == "-3.0 亿元"
    assert DEFAULT_FORMAT.amount(Money.zero(), signed=True) == "±0.0 亿元"
    assert DEFAULT_FORMAT.amount(Money(-1), signed=True) == "-0.0 亿元"  # a fall stays a fall
    assert DEFAULT_FORMAT.number(Money(-1)) == "0.0"  # never "-0.0" unsigned


def test_percentages_have_one_decimal() -> None:
    assert percent_text(Fraction(2509207, 13000000)) == "19.3%"
    assert percent_text(Fraction(1, 4)) == "25.0%"
    assert percent_text(Fraction(6215, 10000), signed=True) == "+62.2%"
    assert percent_text(Fraction(-192, 1000), signed=True) == "-19.2%"
    assert percent_text(Fraction(0), signed=True) == "±0.0%"
    assert percent_text(19.3007) == "19.3%"  # a float already in percent
    assert percent_text(None) == "—"
    assert share_text(Money.yi(1), Money.yi(3)) == "33.3%"
    assert share_text(Money.yi(1), None) == ""


def test_exact_text_is_the_stored_value() -> None:
    assert exact_text(Money.yi("250.9207")) == "250.9207 亿元 = 25092070000 元"
    assert exact_text(Money(123), Unit.WAN) == "0.0123 万元 = 123 元"
    assert EXACT.amount(Money.yi("116.56436667")) == "116.56436667 亿元"
    assert EXACT.amount(Money.yi("9.5"), signed=True) == "+9.5 亿元"


@given(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=30))
def test_a_sum_is_the_rounded_exact_sum_not_the_sum_of_rounded(parts: list[int]) -> None:
    """What a footer shows is the exact total rounded once."""
    total = Money.total([Money(p) for p in parts])
    exact = Decimal(sum(parts)) / Decimal(10**8)
    shown = Decimal(DEFAULT_FORMAT.number(total))
    assert abs(shown - exact) <= Decimal("0.05")


# ---------------------------------------------------------------- found by tools/mutation_pass.py


def test_exact_format_signs_and_dashes() -> None:
    from parktracker.domain.number_format import DASH, EXACT

    assert EXACT.amount(None) == DASH == "—"
    assert EXACT.amount(Money(135141234567)) == "1351.41234567 亿元"
    assert EXACT.number(Money(-123456789), signed=True) == "-1.23456789"
    assert EXACT.number(Money.yi(5), signed=True) == "+5"
    assert EXACT.number(Money(0), signed=True) == "±0"
    assert EXACT.number(Money(-5), Unit.WAN) == "-0.0005"


def test_percent_number_of_negative_and_tiny_values() -> None:
    from parktracker.domain.number_format import percent_number

    assert percent_number(Fraction(-1, 1000)) == "-0.1"
    assert percent_number(Fraction(-1, 10**6)) == "0.0"  # rounds to zero: no minus sign
    assert percent_number(Fraction(0)) == "0.0"
    assert percent_number(Fraction(1, 1000)) == "0.1"
    assert percent_number(-5.0) == "-5.0"


def test_share_text_needs_a_positive_base() -> None:
    from parktracker.domain.number_format import share_text

    assert share_text(Money(1), None) == ""
    assert share_text(Money(1), Money(0)) == ""
    assert share_text(Money(1), Money(1)) == "100.0%"
    assert share_text(Money(1), Money(3)) == "33.3%"


def test_the_smallest_positive_change_keeps_its_plus_sign() -> None:
    from parktracker.domain.number_format import DEFAULT_FORMAT, EXACT, percent_number

    assert DEFAULT_FORMAT.number(Money(1), signed=True) == "+0.0"  # rounds to 0.0, still up
    assert DEFAULT_FORMAT.number(Money(-1), signed=True) == "-0.0"
    assert EXACT.number(Money(1), signed=True) == "+0.00000001"
    assert percent_number(Fraction(1, 200), signed=True) == "+0.5"
    assert percent_number(Fraction(-1, 200), signed=True) == "-0.5"
