"""Money: exact integer yuan, units, formatting and parsing of user/spreadsheet text."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parktracker.domain.money import (
    MSG_NEGATIVE,
    MSG_NOT_A_NUMBER,
    MSG_TOO_PRECISE,
    AmountParseError,
    Money,
    Unit,
    parse_amount,
)

# ---------------------------------------------------------------- Unit


def test_unit_sizes_in_yuan() -> None:
    assert Unit.WAN.yuan == 10_000
    assert Unit.YI.yuan == 100_000_000


def test_unit_labels_are_chinese_unit_words() -> None:
    assert Unit.WAN.label == "万元"
    assert Unit.YI.label == "亿元"


# ---------------------------------------------------------------- construction


def test_yi_is_stored_as_integer_yuan() -> None:
    assert Money.yi("1351.4") == Money(135_140_000_000)
    assert Money.yi("1351.4").yuan == 135_140_000_000
    assert isinstance(Money.yi("1351.4").yuan, int)


def test_wan_is_stored_as_integer_yuan() -> None:
    assert Money.wan("1351.4") == Money(13_514_000)
    assert Money.wan("0.0001") == Money(1)


def test_from_decimal_accepts_int_str_and_decimal() -> None:
    assert Money.wan(3) == Money(30_000)
    assert Money.yi(Decimal("2.5")) == Money(250_000_000)
    assert Money.from_decimal("7", Unit.WAN) == Money(70_000)


def test_from_decimal_trailing_zeros_beyond_a_yuan_are_fine() -> None:
    # 8 decimals is exactly 1 yuan in 亿元; zeros after that do not add precision.
    assert Money.yi("1.0000000100") == Money(100_000_001)
    assert Money.wan(Decimal("1.23000")) == Money(12_300)


def test_smallest_unit_is_one_yuan() -> None:
    assert Money.yi("0.00000001") == Money(1)
    with pytest.raises(AmountParseError) as info:
        Money.yi("0.000000015")
    assert info.value.message == MSG_TOO_PRECISE
    with pytest.raises(AmountParseError) as info:
        Money.wan("0.00005")
    assert info.value.message == MSG_TOO_PRECISE


@pytest.mark.parametrize("value", ["abc", "NaN", "Infinity", "-Infinity", "", "1,234"])
def test_from_decimal_rejects_non_numbers(value: str) -> None:
    with pytest.raises(AmountParseError) as info:
        Money.yi(value)
    assert info.value.message == MSG_NOT_A_NUMBER
    assert info.value.text == value


def test_amount_parse_error_is_a_value_error_with_source_text() -> None:
    with pytest.raises(ValueError, match="Too many decimal places"):
        Money.wan("0.00001")


def test_money_is_immutable() -> None:
    money = Money(5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        money.yuan = 6  # type: ignore[misc]


# ---------------------------------------------------------------- arithmetic


def test_add_and_subtract() -> None:
    assert Money.yi("1.5") + Money.wan("2500") == Money(175_000_000)
    assert Money.yi("1") - Money.wan("1") == Money(99_990_000)
    assert Money(3) - Money(5) == Money(-2)


def test_total_of_empty_is_zero() -> None:
    assert Money.total([]) == Money.zero() == Money(0)


def test_total_of_many_small_amounts_stays_exact() -> None:
    # 13514 x 0.1 亿元 = 1351.4 亿元; the same sum in binary floats drifts.
    parts = [Money.yi("0.1")] * 13_514
    assert sum(0.1 for _ in range(13_514)) != 1351.4
    assert Money.total(parts) == Money.yi("1351.4")
    assert Money.total(parts).format() == "1351.4 亿元"


def test_total_of_ten_thousand_smallest_wan_steps_is_one_wan() -> None:
    assert Money.total(tuple([Money.wan("0.0001")] * 10_000)) == Money.wan(1)


def test_ordering_compares_amounts() -> None:
    assert Money(1) < Money(2)
    assert Money.yi(1) > Money.wan(9_999)
    assert Money.yi(1) == Money.wan(10_000)
    assert max([Money.wan(3), Money.yi("0.0005"), Money.wan(4)]) == Money.wan(5)


def test_truthiness_is_non_zero() -> None:
    assert not Money.zero()
    assert Money(1)
    assert Money(-1)


# ---------------------------------------------------------------- in_unit / format


def test_in_yi_and_in_wan_are_exact_decimals() -> None:
    money = Money.yi("1351.4")
    assert money.in_yi == Decimal("1351.4")
    assert str(money.in_yi) == "1351.4"
    assert money.in_wan == Decimal("13514000")
    assert str(money.in_wan) == "13514000"
    assert str(Money.wan("1351.4").in_yi) == "0.13514"


def test_in_unit_drops_trailing_zeros_without_exponent() -> None:
    assert str(Money.yi(2).in_yi) == "2"
    assert str(Money.yi(1000).in_yi) == "1000"  # not 1E+3
    assert Money(1).in_unit(Unit.YI) == Decimal("0.00000001")


def test_format_never_rounds() -> None:
    assert Money.yi("1351.4").format() == "1351.4 亿元"
    assert Money.yi("1351.4").format() != "1351.3999 亿元"
    assert Money(135_139_999_999).format() == "1351.39999999 亿元"


def test_format_default_unit_is_yi() -> None:
    assert Money.yi(3).format() == Money.yi(3).format(Unit.YI) == "3 亿元"


def test_format_in_wan() -> None:
    assert Money.yi("1351.4").format(Unit.WAN) == "13514000 万元"
    assert Money(123).format(Unit.WAN) == "0.0123 万元"


def test_format_whole_and_tiny_values_use_plain_notation() -> None:
    assert Money.yi(1000).format() == "1000 亿元"
    assert Money(1).format() == "0.00000001 亿元"
    assert Money.zero().format() == "0 亿元"
    assert Money.zero().format(Unit.WAN) == "0 万元"


def test_format_without_unit() -> None:
    assert Money.yi("1351.4").format(with_unit=False) == "1351.4"
    assert Money.wan("12.5").format(Unit.WAN, with_unit=False) == "12.5"


def test_format_with_grouping() -> None:
    assert Money.wan("123456789.5").format(Unit.WAN, grouping=True) == "123,456,789.5 万元"
    assert Money.yi("1351.4").format(Unit.WAN, grouping=True) == "13,514,000 万元"
    assert Money.yi("1351.4").format(grouping=True) == "1,351.4 亿元"
    assert Money.yi("999").format(grouping=True) == "999 亿元"


def test_format_without_grouping_has_no_separators() -> None:
    assert Money.wan("123456789.5").format(Unit.WAN) == "123456789.5 万元"


def test_format_negative_difference() -> None:
    assert (Money.wan(1) - Money.wan(3)).format(Unit.WAN) == "-2 万元"


# ---------------------------------------------------------------- parse_amount: accepted


@pytest.mark.parametrize(
    ("text", "unit", "yuan"),
    [
        ("1,234.5", Unit.WAN, 12_345_000),
        ("1，234.5", Unit.WAN, 12_345_000),  # full-width comma
        ("１２３", Unit.WAN, 1_230_000),  # full-width digits
        ("１，２３４．５", Unit.WAN, 12_345_000),  # full-width digits, comma and point
        ("12,345,678", Unit.YI, 1_234_567_800_000_000),
        ("1,020.00", Unit.WAN, 10_200_000),
        ("  42  ", Unit.WAN, 420_000),
        ("0", Unit.YI, 0),
        ("1351.4", Unit.YI, 135_140_000_000),
        ("1351.4亿元", Unit.YI, 135_140_000_000),  # trailing unit word
        ("1351.4 亿元", Unit.YI, 135_140_000_000),
        ("12万元", Unit.WAN, 120_000),
        ("１２ 万元 ", Unit.WAN, 120_000),
        (".5", Unit.WAN, 5_000),
        ("5.", Unit.WAN, 50_000),
        ("+5", Unit.WAN, 50_000),
        ("1.00000001", Unit.YI, 100_000_001),
        ("0.0001", Unit.WAN, 1),
    ],
)
def test_parse_amount_accepts(text: str, unit: Unit, yuan: int) -> None:
    assert parse_amount(text, unit) == Money(yuan)


def test_parse_amount_then_format_is_the_same_figure() -> None:
    assert parse_amount("1351.4", Unit.YI).format() == "1351.4 亿元"


# ---------------------------------------------------------------- parse_amount: rejected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("abc", Unit.WAN),
        ("12,34", Unit.WAN),  # badly grouped
        ("1,2345", Unit.WAN),
        ("1234,567", Unit.WAN),  # leading group longer than 3 digits
        (",123", Unit.WAN),
        ("123,", Unit.WAN),
        ("1.2.3", Unit.WAN),
        ("1 234", Unit.WAN),
        ("1e3", Unit.WAN),
        ("", Unit.WAN),
        ("   ", Unit.WAN),
        ("万元", Unit.WAN),  # a unit word alone
        ("12亿元", Unit.WAN),  # the other unit: a silent 10,000x error if accepted
        ("12万元", Unit.YI),
        ("5000元", Unit.WAN),  # bare yuan is not 万元
        ("5000元", Unit.YI),
        ("¥12", Unit.WAN),
        ("12 3", Unit.YI),
    ],
)
def test_parse_amount_rejects_non_numbers(text: str, unit: Unit) -> None:
    with pytest.raises(AmountParseError) as info:
        parse_amount(text, unit)
    assert info.value.message == MSG_NOT_A_NUMBER
    assert info.value.text == text  # the original text, for the message shown to the user


@pytest.mark.parametrize("text", ["-5", "－５", "-1,234.5", "-0.5万元"])
def test_parse_amount_rejects_negatives(text: str) -> None:
    with pytest.raises(AmountParseError) as info:
        parse_amount(text, Unit.WAN)
    assert info.value.message == MSG_NEGATIVE
    assert info.value.text == text


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("0.00001", Unit.WAN),
        ("1,234.56789", Unit.WAN),
        ("1.000000001", Unit.YI),
        ("0.000000005亿元", Unit.YI),
    ],
)
def test_parse_amount_rejects_more_precision_than_one_yuan(text: str, unit: Unit) -> None:
    with pytest.raises(AmountParseError) as info:
        parse_amount(text, unit)
    assert info.value.message == MSG_TOO_PRECISE


# ---------------------------------------------------------------- properties

# Amounts in 万元 with up to four decimals (whole yuan), up to 10^8 万元 each.
_wan_amounts = st.integers(min_value=0, max_value=10**12).map(lambda n: Decimal(n).scaleb(-4))


@given(st.lists(_wan_amounts, max_size=60))
def test_money_sum_equals_decimal_sum(amounts: list[Decimal]) -> None:
    total = Money.total([Money.wan(a) for a in amounts])
    assert total.in_wan == sum(amounts, Decimal(0))
    assert total == Money.wan(sum(amounts, Decimal(0)))


@given(
    st.integers(min_value=0, max_value=10**17),
    st.sampled_from(list(Unit)),
    st.booleans(),
    st.booleans(),
)
def test_parse_of_format_round_trips(
    yuan: int, unit: Unit, grouping: bool, with_unit: bool
) -> None:
    money = Money(yuan)
    text = money.format(unit, grouping=grouping, with_unit=with_unit)
    assert parse_amount(text, unit) == money


@given(st.integers(min_value=0, max_value=10**17), st.sampled_from(list(Unit)))
def test_in_unit_times_unit_size_is_the_yuan_amount(yuan: int, unit: Unit) -> None:
    assert Money(yuan).in_unit(unit) * unit.yuan == yuan


# ---------------------------------------------------------------- found by tools/mutation_pass.py


def test_format_decimal_drops_trailing_zeros_or_pads_to_the_places() -> None:
    from parktracker.domain.money import format_decimal

    assert format_decimal(Decimal("1351.40000000")) == "1351.4"
    assert format_decimal(Decimal("1E+3")) == "1000"  # never exponent notation
    assert format_decimal(Decimal("2"), places=2) == "2.00"
    assert format_decimal(Decimal("1234.5"), places=1, grouping=True) == "1,234.5"


def test_the_ceiling_is_one_wan_yi_yuan_exactly() -> None:
    """10^12 yuan (1 万亿元, 10,000 亿元) is accepted, one yuan more is not."""
    from parktracker.domain.validation import amount_ceiling

    assert amount_ceiling("x", Money.yi(10_000)) == []
    [problem] = amount_ceiling("x", Money(10**12 + 1))
    assert problem.args == ("10000",)


def test_a_parse_error_says_what_is_wrong() -> None:
    from parktracker.domain.money import MSG_NOT_A_NUMBER, AmountParseError, parse_amount

    with pytest.raises(AmountParseError) as caught:
        parse_amount("abc", Unit.YI)
    assert str(caught.value) == MSG_NOT_A_NUMBER.source
    assert caught.value.text == "abc"
