"""Turning export values into spreadsheet cells: exact amounts as numbers, formula-safe text,
and the width a column needs.

**Amounts.** A cell holds a binary float, so an amount of ``y`` yuan is written as the float
nearest to ``y / 10,000`` (万元) or ``y / 100,000,000`` (亿元), or as an integer when it is whole.
Up to 15 significant digits (999,999,999.9999 万元, far beyond any park's figures) the float's
shortest text is exactly the decimal, so a reader gets the exact amount back (tested).

**Formula injection.** Text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return could be run as a formula by Excel or WPS when a CSV is opened, or when a cell is edited.
In .xlsx such text is stored as a string cell with Excel's *quote prefix* set, exactly as when a
user types ``'=SUM(1)``: Excel and WPS show ``=SUM(1)`` and never evaluate it, and the value
read back is the text unchanged. CSV has no cell types, so there the text gets a leading
apostrophe (``'=SUM(1)``), the OWASP recommendation, as does text that already starts with an
apostrophe; readers undo it with :func:`csv_unguard`. Numbers stay numbers.
"""

from __future__ import annotations

from decimal import Decimal

from parktracker.domain.money import Money, Unit, format_decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_GUARD = "'"


def needs_guard(text: str) -> bool:
    """True for text a spreadsheet could take for a formula."""
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """Text for a CSV cell: an apostrophe before text a spreadsheet could take for a formula,
    and before text that itself starts with an apostrophe (so that reading is unambiguous)."""
    return CSV_GUARD + text if needs_guard(text) or text.startswith(CSV_GUARD) else text


def csv_unguard(text: str) -> str:
    """The inverse of :func:`csv_text`, for readers: one leading apostrophe is dropped when
    what follows starts like a formula or with another apostrophe."""
    rest = text[len(CSV_GUARD) :]
    if text.startswith(CSV_GUARD) and (needs_guard(rest) or rest.startswith(CSV_GUARD)):
        return rest
    return text


def amount_number(amount: Money, unit: Unit) -> int | float:
    """The cell value of ``amount`` in ``unit``: an int when whole, else the nearest float."""
    whole, rest = divmod(amount.yuan, unit.yuan)
    if rest == 0:
        return whole
    return float(Decimal(amount.yuan) / Decimal(unit.yuan))


def amount_text(amount: Money, unit: Unit) -> str:
    """The exact decimal text (CSV): ``125000``, ``0.0001``, ``1351.4``; no grouping."""
    return format_decimal(amount.in_unit(unit))


# Number formats: thousands separators, at least two decimals, and as many more as the exact
# amount has (万元 has up to four, 亿元 up to eight), so nothing is ever hidden by rounding.
NUMBER_FORMATS = {Unit.WAN: "#,##0.00##", Unit.YI: "#,##0.00######"}
DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy-mm"


def text_width(text: str) -> int:
    """Display width in character cells: CJK and other wide characters count double.

    Estimated from the UTF-8 length, which is quick on 100,000 cells: CJK ideographs and
    full-width punctuation take 3 bytes (width 2), ASCII 1 byte (width 1); the rare 2-byte
    characters (é, ×) count 1.5, rounded down over the text."""
    if text.isascii():
        return len(text)
    size = len(text)
    return size + (len(text.encode("utf-8")) - size) // 2


MIN_WIDTH = 6
MAX_WIDTH = 60
PADDING = 2


def column_width(header: str, longest: int) -> float:
    """A column's width (in Excel's character units) for its header and longest value."""
    return float(min(MAX_WIDTH, max(MIN_WIDTH, text_width(header), longest) + PADDING))
