"""Progress analysis as of a date: the schedule pace (序时进度) of revenue for all parks and
for each park, of each project's annual investment, and how long projects have been in their
stage. The dashboard's revenue card and the warnings use the same functions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parktracker.domain.cards import RevenueCard, revenue_card
from parktracker.domain.enums import Metric
from parktracker.domain.figures import monthly_of
from parktracker.domain.models import Park
from parktracker.domain.progress import InvestmentPace, StageAge, investment_pace
from parktracker.storage import parks as park_store
from parktracker.storage import progress, targets
from parktracker.storage.as_of_figures import revenue_groups
from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class RevenuePace:
    park_id: int | None  # None: all parks together
    park: str | None
    card: RevenueCard  # time_elapsed, progress, ahead_by, monthly_needed


@dataclass(frozen=True, slots=True)
class ProjectPace:
    project_id: int
    name: str
    park_id: int
    park: str
    pace: InvestmentPace


def revenue_pace(db: Database, *, as_of: dt.date) -> list[RevenuePace]:
    """All parks together first, then each park in its order (a park without its own target
    has no progress figures)."""

    def card(park_id: int | None) -> RevenueCard:
        target = targets.get(db, as_of.year, Metric.REVENUE, park_id=park_id)
        return revenue_card(
            monthly_of(revenue_groups(db, park_id=park_id, years=(as_of.year - 1, as_of.year))),
            None if target is None else target.amount,
            as_of,
        )

    out = [RevenuePace(None, None, card(None))]
    for park in park_store.all_parks(db):
        if park.id is not None:
            out.append(RevenuePace(park.id, park.name, card(park.id)))
    return out


def project_pace(db: Database, *, as_of: dt.date, park: Park | None = None) -> list[ProjectPace]:
    """Each project with a plan for the year: its investment against the plan and the pace."""
    rows = progress.year_investment(db, as_of, park_id=None if park is None else park.id)
    return [
        ProjectPace(pid, name, park_id, park_name, investment_pace(plan, done, as_of))
        for pid, name, park_id, park_name, plan, done in rows
    ]


def stage_ageing(db: Database, *, as_of: dt.date, park: Park | None = None) -> list[StageAge]:
    """How long each project has been in its stage on ``as_of`` (from the stage history)."""
    return progress.stage_ages(db, as_of, park_id=None if park is None else park.id)
