"""Read-only views for the revenue page: which year to show, the year's progress against its
target, and a dry run of year-to-date entry that names the park a refusal concerns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from parktracker.domain.enums import Metric
from parktracker.domain.money import Money
from parktracker.domain.revenue import cumulative, monthly_from_ytd
from parktracker.domain.stats import RevenueProgress, revenue_progress
from parktracker.domain.validation import Problem
from parktracker.services.revenue import RevenueCell, year_grid
from parktracker.storage import snapshots, targets
from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class YtdRefusal:
    """Why year-to-date figures for a park cannot be stored."""

    park_id: int
    month: int
    problem: Problem


def latest_revenue_year(db: Database) -> int | None:
    """The latest year holding any revenue figure (None: no revenue yet)."""
    months = snapshots.monthly_revenue(db)
    return max((m.year for m, _ in months), default=None)


def reporting_date(db: Database, year: int, *, today: dt.date) -> dt.date:
    """The date ``year``'s progress is measured at: the end of its latest reported month.

    With no figures yet, the current year is measured at ``today``, a past year at its end and
    a future year at its start (nothing elapsed).
    """
    reported = [m for m, _ in snapshots.monthly_revenue(db) if m.year == year]
    if reported:
        return max(reported).last_day
    if year == today.year:
        return today
    return dt.date(year, 12, 31) if year < today.year else dt.date(year, 1, 1)


def year_progress(db: Database, year: int, *, today: dt.date) -> RevenueProgress:
    """The year's revenue (all parks) against its all-parks target, as of :func:`reporting_date`."""
    target = targets.get(db, year, Metric.REVENUE, park_id=None)
    return revenue_progress(
        snapshots.monthly_revenue(db),
        None if target is None else target.amount,
        reporting_date(db, year, today=today),
    )


def check_year_to_date(db: Database, *, cells: Sequence[RevenueCell]) -> YtdRefusal | None:
    """The first year-to-date figure that :func:`services.revenue.set_year_to_date` would refuse.

    Mirrors that function's merge (stored months read as a year-to-date series, the entered
    figures replacing theirs) without writing, so the page can name the park concerned.
    """
    groups: dict[tuple[int, int], dict[int, Money | None]] = {}
    for cell in cells:
        groups.setdefault((cell.park_id, cell.month.year), {})[cell.month.month] = cell.amount
    grids: dict[int, dict[tuple[int, int], Money]] = {}
    for (park_id, year), entered in groups.items():
        grid = grids.setdefault(year, year_grid(db, year))
        series = cumulative({m: a for (p, m), a in grid.items() if p == park_id})
        for month, amount in entered.items():
            if amount is None:
                series.pop(month, None)
            else:
                series[month] = amount
        monthly: dict[int, Money] = {}
        for month in sorted(series):
            value, problems = monthly_from_ytd(month, series[month], monthly)
            if value is None:
                return YtdRefusal(park_id, month, problems[0])
            monthly[month] = value
    return None
