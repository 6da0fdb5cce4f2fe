"""The figures as of a date, fetched once for a scope and shared by the summary, the parks
page (and a park's detail), the dashboard and the briefing.

Storage sums each rule per park in SQL (:mod:`parktracker.storage.as_of_figures`); the pure
functions of :mod:`parktracker.domain.figures` add the rows up over a scope. A screen never
computes one of these figures any other way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from parktracker.domain.figures import (
    EnterpriseGroup,
    FundGroup,
    ParkStages,
    PlatformGroup,
    ProjectGroup,
    RevenueGroup,
    month_of_figures,
    stages_as_of,
)
from parktracker.domain.periods import YearMonth
from parktracker.storage import as_of_figures as rules
from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class AsOfFigures:
    """The rows behind every headline figure as of ``as_of``, per park, for all parks or one
    (``park_id``). Completed investment in ``stages`` is summed only when fetched with
    ``completed=True``."""

    as_of: dt.date
    park_id: int | None
    stages: ParkStages
    funds: list[FundGroup]
    platforms: list[PlatformGroup]
    enterprises: list[EnterpriseGroup]
    revenue: list[RevenueGroup]  # the months of the as-of year and the year before, per park


def stages(
    db: Database,
    as_of: dt.date,
    *,
    park_id: int | None = None,
    completed: bool = False,
    current: Sequence[ProjectGroup] | None = None,
) -> ParkStages:
    """Projects per park and stage on ``as_of``: counts and planned totals, and with
    ``completed`` their completed investment up to the as-of month. ``current``: the current
    groups when the caller already fetched them (the dashboard shares them between two
    dates)."""
    now = rules.current_groups(db, park_id=park_id) if current is None else current
    if not completed:
        return stages_as_of(now, rules.changed_groups(db, as_of, park_id=park_id))
    month = month_of_figures(as_of) or YearMonth(1900, 1)
    later = rules.investment_after(db, month, park_id=park_id)
    changed = rules.changed_groups(db, as_of, through=month, park_id=park_id)
    return stages_as_of(now, changed, later)


def fetch(
    db: Database, *, as_of: dt.date, park_id: int | None = None, completed: bool = False
) -> AsOfFigures:
    """Every figure's rows as of ``as_of`` for all parks or ``park_id``."""
    return AsOfFigures(
        as_of=as_of,
        park_id=park_id,
        stages=stages(db, as_of, park_id=park_id, completed=completed),
        funds=rules.fund_groups(db, as_of, park_id=park_id),
        platforms=rules.platform_groups(db, as_of, park_id=park_id),
        enterprises=rules.enterprise_groups(db, as_of, park_id=park_id),
        revenue=rules.revenue_groups(db, park_id=park_id, years=(as_of.year - 1, as_of.year)),
    )


__all__ = ["AsOfFigures", "fetch", "stages"]
