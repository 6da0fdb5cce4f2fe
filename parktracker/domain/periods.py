"""Calendar periods: months, year-to-date arithmetic and the share of the year elapsed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill

if TYPE_CHECKING:
    from fractions import Fraction

_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, order=True, slots=True)
class YearMonth:
    """A calendar month such as 2024-03."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if not 1900 <= self.year <= 2200:
            raise ValueError(f"year out of range: {self.year}")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        match = _MONTH_RE.match(text.strip())
        if not match:
            raise ValueError(f"not a month (YYYY-MM): {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> YearMonth:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        # The day before the next month's first (not calendar.monthrange: the calendar module
        # and the locale module it loads cost the GUI's start ~2 ms).
        if self.month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month + 1, 1) - dt.timedelta(days=1)

    def add(self, months: int) -> YearMonth:
        index = self.year * 12 + (self.month - 1) + months
        return YearMonth(index // 12, index % 12 + 1)

    def months_until(self, other: YearMonth) -> int:
        """Number of months from self to other (other - self)."""
        return (other.year - self.year) * 12 + (other.month - self.month)


def last_complete_month(as_of: dt.date) -> YearMonth | None:
    """The latest month fully contained in the period up to ``as_of`` (inclusive)."""
    month = YearMonth.of(as_of)
    if as_of == month.last_day:
        return month
    if month == YearMonth(1900, 1):  # the month before is out of YearMonth's range
        return None
    return month.add(-1)


def months_elapsed_in_year(as_of: dt.date) -> int:
    """Complete months of ``as_of``'s year up to and including ``as_of`` (0–12)."""
    last = last_complete_month(as_of)
    if last is None or last.year != as_of.year:
        return 0
    return last.month


def time_elapsed_fraction(as_of: dt.date) -> Fraction:
    """序时进度: the share of the year elapsed, counted in complete months as parks report."""
    from fractions import Fraction  # not at import: ~1 ms of the GUI's start

    return Fraction(months_elapsed_in_year(as_of), 12)


def month_end(day: dt.date) -> dt.date:
    return YearMonth.of(day).last_day


_DATE_FIELDS = re.compile(r"y+|M+|d+")
# How a date is written, translated: 2024-03-31 in English, 2024年3月31日 in Chinese.
T_DATE = QT_TRANSLATE_NOOP("Dates", "yyyy-MM-dd")


def format_date(day: dt.date, pattern: str) -> str:
    """``day`` written with a Qt-style date pattern, as translations give them: ``yyyy-MM-dd``
    → 2024-03-31, ``yyyy年M月d日`` → 2024年3月31日 (``yyyy`` year, ``MM``/``M`` month with or
    without a leading zero, ``dd``/``d`` day likewise; other runs of those letters, such as
    ``MMM``, and everything else are copied as they are)."""
    fields = {
        "yyyy": f"{day.year:04d}",
        "MM": f"{day.month:02d}",
        "M": str(day.month),
        "dd": f"{day.day:02d}",
        "d": str(day.day),
    }
    return _DATE_FIELDS.sub(lambda match: fields.get(match.group(), match.group()), pattern)


def date_text(day: dt.date, tr: Callable[[Text], str]) -> str:
    """``day`` as the UI language writes it (:data:`T_DATE` through ``tr``)."""
    return format_date(day, tr(T_DATE))


# How a month is written, translated: 2024-03 in English, 2024年3月 in Chinese.
T_MONTH = QT_TRANSLATE_NOOP("Dates", "yyyy-MM")


def month_text(month: YearMonth, tr: Callable[[Text], str]) -> str:
    """``month`` as the UI language writes it (:data:`T_MONTH` through ``tr``)."""
    return format_date(month.first_day, tr(T_MONTH))


# What a message's %1, %2… may be: text as it is, a Text translated, a date or a month written
# the UI language's way.
MessageArg = str | Text | dt.date | YearMonth


def message_args(
    args: tuple[MessageArg, ...], translate: Callable[[Text], str] | None = None
) -> list[str]:
    """``args`` as a message shows them: a Text translated, a date 2024年3月31日 and a month
    2024年3月 in Chinese (ISO in English, and without ``translate``), text as it is."""

    def tr(text: Text) -> str:
        return translate(text) if translate is not None else text.source

    shown: list[str] = []
    for arg in args:
        if isinstance(arg, Text):
            shown.append(tr(arg))
        elif isinstance(arg, dt.date):
            shown.append(date_text(arg, tr))
        elif isinstance(arg, YearMonth):
            shown.append(month_text(arg, tr))
        else:
            shown.append(arg)
    return shown


def message_text(
    message: Text, args: tuple[MessageArg, ...], translate: Callable[[Text], str] | None = None
) -> str:
    """``message`` with its %1, %2… filled by :func:`message_args`, in the language of
    ``translate`` (the source text without it)."""
    text = translate(message) if translate is not None else message.source
    return fill(text, message_args(args, translate))
