"""Exact money amounts.

Amounts are held as an integer number of yuan (元). One 万元 is 10,000 元 and one 亿元 is
100,000,000 元, so every figure a park reports in 万元 (up to four decimals) or 亿元 (up to eight
decimals) is stored and summed without binary-float drift. Display is always in a named unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text

YUAN_PER_WAN = 10_000
YUAN_PER_YI = 100_000_000

MAX_AMOUNT_YUAN = 10**12
"""The ceiling of any single amount: 1 万亿元 (10,000 亿元, 10^12 yuan).

No real figure of a park reaches it: it is more than half of Qingdao's whole GDP (about
1.6 万亿元 in 2023) and about eight times the eight parks' 2024 revenue target (1300 亿元).
SQLite stores integers as signed 64-bit values (at most 9,223,372,036,854,775,807) and its
``sum()`` fails with "integer overflow" past that, so the ceiling is set where no sum can get
there: 9,223,372 amounts all at the ceiling still fit, more rows than one table will ever hold
at that size (100,000 projects × 12 months × 7 years of investment is 8.4 million rows, none
near the ceiling). Python-side sums of :class:`Money` are unbounded integers anyway.
``domain.validation`` refuses any amount above it, so every form, grid, service and import
shares the rule.
"""


class Unit(Enum):
    """A display/entry unit for amounts."""

    WAN = "wan"  # 万元
    YI = "yi"  # 亿元

    @property
    def yuan(self) -> int:
        return YUAN_PER_WAN if self is Unit.WAN else YUAN_PER_YI

    @property
    def label(self) -> str:
        """The unit as written in Chinese documents (亿元 / 万元); used in both UI languages."""
        return "万元" if self is Unit.WAN else "亿元"


class AmountParseError(ValueError):
    """Raised when text cannot be read as an exact, non-negative amount."""

    def __init__(self, message: Text, text: str) -> None:
        super().__init__(message.source)
        self.message = message
        self.text = text


MSG_NOT_A_NUMBER = QT_TRANSLATE_NOOP("Amount", "Not a number: enter digits such as 1,234.5")
MSG_TOO_PRECISE = QT_TRANSLATE_NOOP(
    "Amount", "Too many decimal places: the smallest unit is 1 yuan"
)
MSG_NEGATIVE = QT_TRANSLATE_NOOP("Amount", "Amounts cannot be negative")

# Thousands separators: "1,234.5" (ASCII comma) and "1，234.5" (full-width comma).
_GROUPED = re.compile(r"^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An exact amount of money in whole yuan."""

    yuan: int

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def from_decimal(cls, value: Decimal | int | str, unit: Unit) -> Money:
        """Build from a number in ``unit``; raises AmountParseError if not exact to one yuan."""
        try:
            dec = value if isinstance(value, Decimal) else Decimal(str(value))
        except InvalidOperation as exc:
            raise AmountParseError(MSG_NOT_A_NUMBER, str(value)) from exc
        if not dec.is_finite():
            raise AmountParseError(MSG_NOT_A_NUMBER, str(value))
        yuan = dec * unit.yuan
        if yuan != yuan.to_integral_value():
            raise AmountParseError(MSG_TOO_PRECISE, str(value))
        return cls(int(yuan))

    @classmethod
    def yi(cls, value: Decimal | int | str) -> Money:
        return cls.from_decimal(value, Unit.YI)

    @classmethod
    def wan(cls, value: Decimal | int | str) -> Money:
        return cls.from_decimal(value, Unit.WAN)

    def in_unit(self, unit: Unit) -> Decimal:
        """The exact value in ``unit`` with no trailing zeros (1351.4, not 1351.40000000)."""
        return _normalize(Decimal(self.yuan) / Decimal(unit.yuan))

    @property
    def in_yi(self) -> Decimal:
        return self.in_unit(Unit.YI)

    @property
    def in_wan(self) -> Decimal:
        return self.in_unit(Unit.WAN)

    def format(
        self, unit: Unit = Unit.YI, *, with_unit: bool = True, grouping: bool = False
    ) -> str:
        """Exact text such as ``1351.4 亿元``; never rounds."""
        text = format_decimal(self.in_unit(unit), grouping=grouping)
        return f"{text} {unit.label}" if with_unit else text

    def __add__(self, other: Money) -> Money:
        return Money(self.yuan + other.yuan)

    def __sub__(self, other: Money) -> Money:
        return Money(self.yuan - other.yuan)

    def __bool__(self) -> bool:
        return self.yuan != 0

    @staticmethod
    def total(amounts: list[Money] | tuple[Money, ...]) -> Money:
        return Money(sum(a.yuan for a in amounts))


def _normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1E+3 -> 1000)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def format_decimal(value: Decimal, *, grouping: bool = False, places: int | None = None) -> str:
    """Format exactly; ``places`` pads (never rounds unless the value has more digits)."""
    value = _normalize(value) if places is None else value.quantize(Decimal(1).scaleb(-places))
    return f"{value:,f}" if grouping else f"{value:f}"


def parse_amount(text: str, unit: Unit) -> Money:
    """Read user or spreadsheet text such as ``1,234.5`` or ``１２３`` in ``unit``.

    Accepts ASCII and full-width digits, ASCII and full-width thousands separators in proper
    groups, surrounding spaces and a trailing unit word matching ``unit``. Rejects anything
    else (``abc``, ``1.2.3``, ``12,34``) and negative values with a clear message.
    """
    cleaned = text.strip().translate(_FULLWIDTH)
    # Only the entry unit itself: reading a bare "元" as 万元/亿元 would be a silent 10^4x error.
    if cleaned.endswith(unit.label):
        cleaned = cleaned[: -len(unit.label)].strip()
    try:
        value = parse_decimal(cleaned)
    except ValueError:
        raise AmountParseError(MSG_NOT_A_NUMBER, text) from None
    if value < 0:
        raise AmountParseError(MSG_NEGATIVE, text)
    return Money.from_decimal(value, unit)


def parse_decimal(text: str) -> Decimal:
    """Digits with an optional sign, decimal point and thousands separators in proper groups
    (``125,000``, ``1，234.5``, full-width digits), exactly; ValueError for anything else."""
    cleaned = text.strip().translate(_FULLWIDTH)
    if not cleaned or not (_PLAIN.match(cleaned) or _GROUPED.match(cleaned)):
        raise ValueError(text)
    return Decimal(cleaned.replace(",", "").replace("，", ""))


_FULLWIDTH = str.maketrans("０１２３４５６７８９．＋－", "0123456789.+-")
