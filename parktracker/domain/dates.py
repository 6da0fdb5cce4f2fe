"""Reading dates as people type, paste and spreadsheets store them.

One parser for the whole product: the date fields of the forms and the Excel/CSV import both use
:func:`parse_date`, so "2024-03-15" means the same day everywhere. It accepts

* separated forms: ``2024-03-15``, ``2024/3/15``, ``2024.3.15`` (a trailing time such as
  ``2024-03-15 00:00:00``, as CSV exports of date cells carry, is ignored);
* Chinese forms: ``2024年3月15日`` (or ``15号``), ``2024年3月``;
* compact digits: ``20240315``, and ``202403`` for a month;
* month-only forms, ``2024-03``, ``2024/3``, ``2023.12``, ``2024年3月``, where a month is meant;
* full-width digits and separators (``２０２４－０３－１５``), normalised with NFKC.

Spreadsheet cells go through :func:`date_from_cell`, which also takes real date cells and Excel
date serial numbers. A day that does not exist (``2024-02-30``) is an error, never a silently
moved date, and so is any year outside :data:`MIN_YEAR`–:data:`MAX_YEAR`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.periods import YearMonth

# The documented range of dates ParkTracker accepts anywhere (forms, import, command line).
MIN_YEAR = 1990
MAX_YEAR = 2100

MSG_NOT_A_DATE = QT_TRANSLATE_NOOP(
    "Date", "Not a date: write it as 2024-03-15, 2024/3/15 or 2024年3月15日"
)
MSG_NO_SUCH_DAY = QT_TRANSLATE_NOOP("Date", "%1 is not a day of the calendar")
MSG_OUT_OF_RANGE = QT_TRANSLATE_NOOP("Date", "Dates must lie between the years %1 and %2")
MSG_NEEDS_DAY = QT_TRANSLATE_NOOP("Date", "A full date is needed here, with the day: %1")
MSG_AMBIGUOUS_MONTH = QT_TRANSLATE_NOOP(
    "Date", "%1 could mean January or October: write %2-01 or %2-10"
)


class DatePrecision(Enum):
    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """What a text meant: a day, or a whole month (then ``date`` is the month's first day)."""

    date: dt.date
    precision: DatePrecision

    @property
    def month(self) -> YearMonth:
        return YearMonth.of(self.date)

    @property
    def is_month(self) -> bool:
        return self.precision is DatePrecision.MONTH


class DateParseError(ValueError):
    """Text that is not a date ParkTracker accepts; ``message`` is translatable, ``args_text``
    fills its ``%1``, ``%2`` placeholders."""

    def __init__(self, message: Text, text: str, *args_text: str) -> None:
        super().__init__(message.source)
        self.message = message
        self.text = text
        self.args_text = args_text


# A time of day after a date, as CSV exports of date cells carry it: "2024-03-15 00:00:00".
_TIME_SUFFIX = re.compile(r"(?<=\d)(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_SEPARATED_DAY = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_SEPARATED_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_CHINESE_DAY = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$")
_CHINESE_MONTH = re.compile(r"^(\d{4})年(\d{1,2})月?$")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_COMPACT_MONTH = re.compile(r"^(\d{4})(\d{2})$")


def normalise(text: str) -> str:
    """NFKC (full-width digits and separators become ASCII), no spaces anywhere."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _year_in_range(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateParseError(MSG_OUT_OF_RANGE, text, str(MIN_YEAR), str(MAX_YEAR))


def _day(year: int, month: int, day: int, text: str) -> ParsedDate:
    _year_in_range(year, text)
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise DateParseError(MSG_NO_SUCH_DAY, text, text.strip()) from None
    return ParsedDate(value, DatePrecision.DAY)


def _month(year: int, month: int, text: str) -> ParsedDate:
    _year_in_range(year, text)
    if not 1 <= month <= 12:
        raise DateParseError(MSG_NO_SUCH_DAY, text, text.strip())
    return ParsedDate(dt.date(year, month, 1), DatePrecision.MONTH)


def parse_date(text: str, *, allow_month: bool = True) -> ParsedDate:
    """Read ``text`` as a day or, when ``allow_month``, a whole month.

    Raises :class:`DateParseError` with a translatable message for anything else, including an
    impossible day (``2024-02-30``), a month-only text where ``allow_month`` is false, and a
    year outside the documented range.
    """
    cleaned = normalise(_TIME_SUFFIX.sub("", unicodedata.normalize("NFKC", text).strip()))
    match = _SEPARATED_DAY.match(cleaned)
    if match:
        return _day(int(match.group(1)), int(match.group(3)), int(match.group(4)), text)
    match = _CHINESE_DAY.match(cleaned) or _COMPACT_DAY.match(cleaned)
    if match:
        return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    for pattern in (_SEPARATED_MONTH, _CHINESE_MONTH, _COMPACT_MONTH):
        match = pattern.match(cleaned)
        if match:
            if not allow_month:
                raise DateParseError(MSG_NEEDS_DAY, text, text.strip())
            return _month(int(match.group(1)), int(match.group(2)), text)
    raise DateParseError(MSG_NOT_A_DATE, text)


def parse_day(text: str) -> dt.date:
    """A full date (year, month and day); a month alone is refused."""
    return parse_date(text, allow_month=False).date


def parse_month(text: str) -> YearMonth:
    """A month; a full date names its month (``2024-03-15`` → 2024-03)."""
    return parse_date(text).month


# Excel's day 0 is 1899-12-30 in the 1900 system (it counts a 29 February 1900 that never was,
# so serials from 61 on are right from this epoch); the 1904 system starts on 1904-01-01.
_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)


def date_from_serial(serial: float, *, epoch_1904: bool = False) -> dt.date:
    """The day of an Excel date serial number (a time of day in the fraction is dropped)."""
    epoch = _EPOCH_1904 if epoch_1904 else _EPOCH_1900
    text = f"{serial:g}"
    if math.isnan(serial) or abs(serial) > 3_000_000:  # NaN, or beyond any calendar date
        raise DateParseError(MSG_NOT_A_DATE, text)
    value = epoch + dt.timedelta(days=int(serial))
    _year_in_range(value.year, text)
    return value


def _is_serial(value: float, *, epoch_1904: bool) -> bool:
    """Whether ``value`` is an Excel serial number of a day in the documented range."""
    epoch = _EPOCH_1904 if epoch_1904 else _EPOCH_1900
    low = (dt.date(MIN_YEAR, 1, 1) - epoch).days
    high = (dt.date(MAX_YEAR, 12, 31) - epoch).days
    return low <= value < high + 1


def _from_number(value: float, *, allow_month: bool, epoch_1904: bool) -> ParsedDate:
    text = f"{value:g}"
    if math.isnan(value) or abs(value) > 1e12:  # NaN, infinities, nothing like a date
        raise DateParseError(MSG_NOT_A_DATE, text)
    if _is_serial(value, epoch_1904=epoch_1904):  # a date cell, perhaps with a time of day
        return ParsedDate(date_from_serial(value, epoch_1904=epoch_1904), DatePrecision.DAY)
    if value == int(value):
        return parse_date(str(int(value)), allow_month=allow_month)  # 20240315, 202403
    # A number such as 2023.12 typed into a general cell: year.month. Excel has dropped any
    # trailing zero, so 2023.1 may have been typed as 2023.10 — refuse to guess.
    year = int(value)
    digits = f"{value:.6f}".split(".")[1].rstrip("0")
    if MIN_YEAR <= year <= MAX_YEAR and len(digits) <= 2:
        if digits == "1":
            raise DateParseError(MSG_AMBIGUOUS_MONTH, text, text, str(year))
        if not allow_month:
            raise DateParseError(MSG_NEEDS_DAY, text, text)
        return _month(year, int(digits), text)
    raise DateParseError(MSG_NOT_A_DATE, text)


def date_from_cell(
    value: object, *, allow_month: bool = True, epoch_1904: bool = False
) -> ParsedDate | None:
    """A spreadsheet cell as a date: ``None`` for an empty cell.

    Takes real date cells (``datetime``/``date``), Excel serial numbers in the documented
    range, numbers typed as ``20240315`` or ``2023.12``, and text in every form
    :func:`parse_date` reads.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        _year_in_range(value.year, value.isoformat())
        return ParsedDate(value.date(), DatePrecision.DAY)
    if isinstance(value, dt.date):
        _year_in_range(value.year, value.isoformat())
        return ParsedDate(value, DatePrecision.DAY)
    if isinstance(value, bool):
        raise DateParseError(MSG_NOT_A_DATE, str(value))
    if isinstance(value, int | float):
        return _from_number(float(value), allow_month=allow_month, epoch_1904=epoch_1904)
    text = str(value)
    if not normalise(text):
        return None
    return parse_date(text, allow_month=allow_month)
