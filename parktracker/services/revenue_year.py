"""Read-only views for the revenue page: which year to show, the year's progress against its
target, and a dry run of year-to-date entry that names the park a refusal concerns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from parktracker.domain.enums import Metric
from parktracker.domain.figures import RevenueProgress, monthly_of, revenue_progress
from parktracker.domain.validation import Problem
from parktracker.services.revenue_entry import RevenueCell, merge_year_to_date
from parktracker.storage import targets
from parktracker.storage.as_of_figures import revenue_groups
from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class YtdRefusal:
    """Why year-to-date figures for a park cannot be stored."""

    park_id: int
    month: int
    problem: Problem


def latest_revenue_year(db: Database) -> int | None:
    """The latest year holding any revenue figure (None: no revenue yet)."""
    return max((g.month.year for g in revenue_groups(db)), default=None)


def reporting_date(db: Database, year: int, *, today: dt.date) -> dt.date:
    """The date ``year``'s progress is measured at: the end of its latest reported month.

    With no figures yet, the current year is measured at ``today``, a past year at its end and
    a future year at its start (nothing elapsed).
    """
    reported = [g.month for g in revenue_groups(db, years=(year, year))]
    if reported:
        return max(reported).last_day
    if year == today.year:
        return today
    return dt.date(year, 12, 31) if year < today.year else dt.date(year, 1, 1)


def year_progress(db: Database, year: int, *, today: dt.date) -> RevenueProgress:
    """The year's revenue (all parks) against its all-parks target, as of :func:`reporting_date`."""
    target = targets.get(db, year, Metric.REVENUE, park_id=None)
    return revenue_progress(
        monthly_of(revenue_groups(db, years=(year, year))),
        None if target is None else target.amount,
        reporting_date(db, year, today=today),
    )


def check_year_to_date(db: Database, *, cells: Sequence[RevenueCell]) -> YtdRefusal | None:
    """The first year-to-date figure that :func:`services.revenue.set_year_to_date` would refuse.

    The same merge (:func:`services.revenue.merge_year_to_date`), without writing, so the page
    can name the park concerned.
    """
    for merge in merge_year_to_date(db, cells):
        if merge.refused_month is not None:
            return YtdRefusal(merge.park_id, merge.refused_month, merge.problems[0])
    return None
