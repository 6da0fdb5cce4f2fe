"""How ParkTracker prints a figure, everywhere: cards, tables, footers, charts, summaries.

One format for the whole application, as a briefing prints figures:

* 亿元 with a fixed number of decimals, one by default (``1351.4 亿元``, as the official reports
  print them); the user may choose 1, 2 or 4;
* 万元 with none or two decimals (two by default, as entry grids need them);
* percentages with one decimal (``19.3%``), percentage points likewise;
* no thousands separators anywhere (``1351.4``, never ``1,351.4``), as the reports print them;
  entry still accepts ``1,351.4``.

Rounding is half up and happens only here, on the way to the screen: every sum is a sum of
exact :class:`~parktracker.domain.money.Money` values, and :func:`exact_text` gives the exact
stored value for a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from parktracker.domain.money import Money, Unit, format_decimal

if TYPE_CHECKING:
    from fractions import Fraction

YI_PLACES_CHOICES = (1, 2, 4)
WAN_PLACES_CHOICES = (0, 2)
PERCENT_PLACES = 1
DASH = "—"


def _quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _signed(text: str, sign: int) -> str:
    """``+9.5``, ``-9.5`` or ``±0.0`` (a change that rounds to zero keeps its sign)."""
    if sign > 0:
        return "+" + text
    if sign < 0:
        return text if text.startswith("-") else "-" + text
    return "±" + text


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """The decimals the user chose; every method rounds half up for display only."""

    yi_places: int = 1
    wan_places: int = 2

    def __post_init__(self) -> None:
        if self.yi_places not in YI_PLACES_CHOICES:
            raise ValueError(f"yi_places must be one of {YI_PLACES_CHOICES}")
        if self.wan_places not in WAN_PLACES_CHOICES:
            raise ValueError(f"wan_places must be one of {WAN_PLACES_CHOICES}")

    def places(self, unit: Unit) -> int:
        return self.yi_places if unit is Unit.YI else self.wan_places

    def number(self, amount: Money, unit: Unit = Unit.YI, *, signed: bool = False) -> str:
        """``1351.4``: the amount in ``unit`` with the fixed decimals, no unit word."""
        value = _quantize(Decimal(amount.yuan) / Decimal(unit.yuan), self.places(unit))
        text = f"{abs(value):f}" if signed else f"{value:f}"
        if text.startswith("-") and value == 0:
            text = text[1:]  # -0.0 after rounding a tiny negative amount
        return _signed(text, (amount.yuan > 0) - (amount.yuan < 0)) if signed else text

    def amount(self, amount: Money | None, unit: Unit = Unit.YI, *, signed: bool = False) -> str:
        """``1351.4 亿元`` (``+9.5 亿元`` when ``signed``), or a dash for no figure."""
        if amount is None:
            return DASH
        return f"{self.number(amount, unit, signed=signed)} {unit.label}"


DEFAULT_FORMAT = NumberFormat()


class ExactFormat:
    """The same interface as :class:`NumberFormat`, printing the exact stored value
    (``1351.41234567``): for the tooltip that sits one hover away from every rounded figure."""

    def number(self, amount: Money, unit: Unit = Unit.YI, *, signed: bool = False) -> str:
        text = format_decimal(abs(amount.in_unit(unit)) if signed else amount.in_unit(unit))
        return _signed(text, (amount.yuan > 0) - (amount.yuan < 0)) if signed else text

    def amount(self, amount: Money | None, unit: Unit = Unit.YI, *, signed: bool = False) -> str:
        if amount is None:
            return DASH
        return f"{self.number(amount, unit, signed=signed)} {unit.label}"


EXACT = ExactFormat()
Formatter = NumberFormat | ExactFormat


def percent_number(value: Fraction | float | None, *, signed: bool = False) -> str:
    """``19.3`` (``+8.2`` when ``signed``) from a fraction (0.193) or a float already in
    percent (19.3); a dash when there is no base to compare with."""
    if value is None:
        return DASH
    from fractions import Fraction  # not at import: ~1 ms of the GUI's start

    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) * 100 / Decimal(value.denominator)
    else:
        exact = Decimal(repr(value))
    shown = _quantize(exact, PERCENT_PLACES)
    text = f"{abs(shown):f}"
    if signed:
        return _signed(text, (exact > 0) - (exact < 0))
    return "-" + text if shown < 0 else text


def percent_text(value: Fraction | float | None, *, signed: bool = False) -> str:
    """``19.3%`` with one decimal, or a dash."""
    text = percent_number(value, signed=signed)
    return text if value is None else text + "%"


def share_text(part: Money, whole: Money | None) -> str:
    """``part`` as a percentage of ``whole`` (exact arithmetic, one decimal), "" if no base."""
    if whole is None or whole.yuan <= 0:
        return ""
    from fractions import Fraction

    return percent_text(Fraction(part.yuan, whole.yuan))


def exact_text(amount: Money, unit: Unit = Unit.YI) -> str:
    """The exact stored value, for a tooltip: ``1351.41234567 亿元 = 135141234567 元``."""
    return f"{format_decimal(amount.in_unit(unit))} {unit.label} = {amount.yuan} 元"
