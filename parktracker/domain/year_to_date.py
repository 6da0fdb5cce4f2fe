"""Monthly versus year-to-date (1–N月累计) revenue.

Parks usually report the cumulative figure for months 1–N. ParkTracker stores monthly amounts
only; these pure functions convert between the two forms.
"""

from __future__ import annotations

from collections.abc import Mapping

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.money import Money
from parktracker.domain.validation import Problem

M_YTD_DECREASES = QT_TRANSLATE_NOOP(
    "Validation",
    "The year-to-date figure for month %1 (%2) is below the total of the months before it (%3).",
)


def cumulative(monthly: Mapping[int, Money]) -> dict[int, Money]:
    """Year-to-date totals for each month that has data (gap months are left out)."""
    result: dict[int, Money] = {}
    running = 0
    last = max(monthly, default=0)
    for month in range(1, last + 1):
        if month in monthly:
            running += monthly[month].yuan
        result[month] = Money(running)
    return {m: v for m, v in result.items() if m in monthly}


def monthly_from_ytd(
    month: int, ytd: Money, monthly_so_far: Mapping[int, Money]
) -> tuple[Money | None, list[Problem]]:
    """The monthly amount implied by a year-to-date figure for ``month``.

    ``monthly_so_far`` holds the stored monthly amounts of the same park and year; the months
    before ``month`` are subtracted. A YTD figure smaller than what came before is rejected.
    """
    before = sum(v.yuan for m, v in monthly_so_far.items() if m < month)
    if ytd.yuan < before:
        problem = Problem(
            "amount", M_YTD_DECREASES, args=(str(month), ytd.format(), Money(before).format())
        )
        return None, [problem]
    return Money(ytd.yuan - before), []
