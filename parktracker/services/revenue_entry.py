"""Revenue entry: monthly or year-to-date (1–N月累计) figures, stored monthly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parktracker.domain.models import RevenueEntry
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import Problem, ValidationError, validate_revenue
from parktracker.domain.year_to_date import cumulative, monthly_from_ytd
from parktracker.storage import monthly_revenue
from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class RevenueCell:
    """One cell of the revenue grid: ``amount`` None clears the month."""

    park_id: int
    month: YearMonth
    amount: Money | None


def year_grid(db: Database, year: int) -> dict[tuple[int, int], Money]:
    """Monthly revenue of ``year`` keyed by (park id, month number)."""
    return {(e.park_id, e.month.month): e.amount for e in monthly_revenue.for_year(db, year)}


def set_monthly(db: Database, *, cells: Sequence[RevenueCell]) -> None:
    """Store monthly figures (a grid edit or a paste) in one transaction."""
    problems = []
    for cell in cells:
        if cell.amount is not None:
            problems += validate_revenue(RevenueEntry(cell.park_id, cell.month, cell.amount))
    if problems:
        raise ValidationError(problems)
    with db.atomic():
        for cell in cells:
            if cell.amount is None:
                monthly_revenue.clear_month(db, cell.park_id, cell.month)
            else:
                monthly_revenue.set_month(db, RevenueEntry(cell.park_id, cell.month, cell.amount))


@dataclass(frozen=True, slots=True)
class YearToDateMerge:
    """One park's year after year-to-date entry: its stored monthly figures and the monthly
    figures the merged year-to-date series implies, or the first month refused and why."""

    park_id: int
    year: int
    stored: dict[int, Money]
    monthly: dict[int, Money]
    refused_month: int | None = None
    problems: tuple[Problem, ...] = ()


def merge_year_to_date(db: Database, cells: Sequence[RevenueCell]) -> list[YearToDateMerge]:
    """Each park and year the cells touch, merged: the park's stored months read as a
    year-to-date series, the entered figures replacing theirs (None removes a month), and the
    monthly figures derived again from the merged series. Stops at the first refusal (a
    year-to-date figure below the one before it), which is then the last merge returned."""
    groups: dict[tuple[int, int], dict[int, Money | None]] = {}
    for cell in cells:
        groups.setdefault((cell.park_id, cell.month.year), {})[cell.month.month] = cell.amount
    grids: dict[int, dict[tuple[int, int], Money]] = {}
    merges: list[YearToDateMerge] = []
    for (park_id, year), entered in groups.items():
        if year not in grids:
            grids[year] = year_grid(db, year)
        stored = {m: a for (p, m), a in grids[year].items() if p == park_id}
        series = cumulative(stored)
        for month, amount in entered.items():
            if amount is None:
                series.pop(month, None)
            else:
                series[month] = amount
        monthly: dict[int, Money] = {}
        for month in sorted(series):
            value, problems = monthly_from_ytd(month, series[month], monthly)
            if value is None:
                merges.append(
                    YearToDateMerge(park_id, year, stored, monthly, month, tuple(problems))
                )
                return merges
            monthly[month] = value
        merges.append(YearToDateMerge(park_id, year, stored, monthly))
    return merges


def set_year_to_date(db: Database, *, cells: Sequence[RevenueCell]) -> None:
    """Store year-to-date (1–N月累计) figures, converted to the monthly figures they imply
    (:func:`merge_year_to_date`), so the year-to-date figures of later months stay as they
    were reported. A year-to-date figure below the one before it is refused.
    """
    changed: list[RevenueCell] = []
    for merge in merge_year_to_date(db, cells):
        if merge.refused_month is not None:
            raise ValidationError(merge.problems)
        for month in sorted(set(merge.stored) | set(merge.monthly)):
            amount = merge.monthly.get(month)
            if merge.stored.get(month) != amount:
                changed.append(RevenueCell(merge.park_id, YearMonth(merge.year, month), amount))
    set_monthly(db, cells=changed)
