"""Read-only figures per park: the Parks table's rows and a park's drill-down detail.

The figures are those of the dashboard, split by park: projects by their stage on the "as of"
date (from the stage history), funds with their latest figures reported by then, platforms at
provincial level or above and enterprises recognised or joined by then, and the year-to-date
revenue of the as-of year over its complete months. Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from parktracker.domain.enums import Metric, Stage
from parktracker.domain.figures import (
    FundTotals,
    StageTotals,
    enterprises_of,
    fund_totals_of,
    monthly_of,
    pipeline_of,
    platforms_of,
    provincial_or_above,
    revenue_progress,
)
from parktracker.domain.models import Enterprise, Fund, FundUpdate, Park, Platform, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.year_to_date import cumulative
from parktracker.services import as_of_figures
from parktracker.services.as_of_figures import AsOfFigures
from parktracker.services.reporting import default_as_of
from parktracker.storage import (
    enterprises,
    funds,
    park_detail_records,
    parks,
    platforms,
    projects,
    targets,
)
from parktracker.storage.as_of_figures import revenue_groups
from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class ParkFigures:
    """One row of the Parks table: a park and its headline figures as of a date."""

    park: Park
    under_construction: StageTotals = field(default_factory=StageTotals)
    signed: StageTotals = field(default_factory=StageTotals)
    in_production: int = 0
    funds: FundTotals = field(default_factory=lambda: fund_totals_of([]))
    platforms_provincial_or_above: int = 0
    enterprises: int = 0
    revenue_ytd: Money = field(default_factory=Money.zero)

    @property
    def id(self) -> int | None:
        return self.park.id


@dataclass(frozen=True, slots=True)
class ParksOverview:
    as_of: dt.date
    rows: list[ParkFigures]
    city_funds: FundTotals  # funds that belong to no park (city-wide)

    def row_of(self, park_id: int) -> ParkFigures | None:
        return next((r for r in self.rows if r.park.id == park_id), None)


@dataclass(frozen=True, slots=True)
class ProjectLine:
    project: Project
    completed: Money | None  # cumulative completed investment; None: no monthly figures

    @property
    def id(self) -> int | None:
        return self.project.id


@dataclass(frozen=True, slots=True)
class FundLine:
    fund: Fund
    latest: FundUpdate | None  # the most recent figures reported

    @property
    def id(self) -> int | None:
        return self.fund.id


@dataclass(frozen=True, slots=True)
class RevenueLine:
    month: YearMonth
    amount: Money | None  # None: not reported
    ytd: Money | None  # 1–N月累计; None when the month itself is not reported


@dataclass(frozen=True, slots=True)
class ParkDetail:
    figures: ParkFigures
    as_of: dt.date
    projects: list[ProjectLine]
    funds: list[FundLine]
    revenue_year: int | None  # the latest year with revenue figures for the park
    revenue: list[RevenueLine]
    revenue_target: Money | None  # the park's own target for revenue_year, if set
    platforms: list[Platform]
    enterprises: list[Enterprise]

    @property
    def park(self) -> Park:
        return self.figures.park


def park_figures(park: Park, figures: AsOfFigures) -> ParkFigures:
    """One park's row from the rows of a date (the same functions the summary adds up)."""
    scope = [park.id] if park.id is not None else []
    pipeline = pipeline_of(figures.stages, scope)
    return ParkFigures(
        park=park,
        under_construction=pipeline[Stage.UNDER_CONSTRUCTION],
        signed=pipeline[Stage.SIGNED],
        in_production=pipeline[Stage.IN_PRODUCTION].count,
        funds=fund_totals_of(figures.funds, scope),
        platforms_provincial_or_above=provincial_or_above(platforms_of(figures.platforms, scope)),
        enterprises=enterprises_of(figures.enterprises, scope)[0],
        revenue_ytd=revenue_progress(monthly_of(figures.revenue, scope), None, figures.as_of).ytd,
    )


def overview(
    db: Database,
    *,
    as_of: dt.date | None = None,
    figures: AsOfFigures | None = None,
) -> ParksOverview:
    """Every park in its sort order with its figures as of ``as_of`` (default: the end of the
    latest month with data, as the dashboard uses). ``figures``: the rows of that date for all
    parks when the caller already fetched them."""
    if figures is None:
        figures = as_of_figures.fetch(db, as_of=as_of or default_as_of(db))
    return ParksOverview(
        as_of=figures.as_of,
        rows=[park_figures(park, figures) for park in parks.all_parks(db)],
        city_funds=fund_totals_of(figures.funds, [None]),
    )


def park_detail(db: Database, park_id: int, *, as_of: dt.date | None = None) -> ParkDetail | None:
    """A park's figures and its records, for the drill-down view; None if it no longer exists."""
    park = parks.get(db, park_id)
    if park is None:
        return None
    day = as_of or default_as_of(db)
    figures = park_figures(park, as_of_figures.fetch(db, as_of=day, park_id=park_id))
    completed = park_detail_records.completed_by_project(db, park_id)
    year = park_detail_records.latest_revenue_year(db, park_id)
    target = None if year is None else targets.get(db, year, Metric.REVENUE, park_id=park_id)
    return ParkDetail(
        figures=figures,
        as_of=day,
        projects=[
            ProjectLine(p, None if p.id is None else completed.get(p.id))
            for p in projects.in_park(db, park_id)
        ],
        funds=[
            FundLine(f, funds.latest_update(db, f.id) if f.id is not None else None)
            for f in park_detail_records.funds_in_park(db, park_id)
        ],
        revenue_year=year,
        revenue=[] if year is None else revenue_lines(db, park_id, year),
        revenue_target=None if target is None else target.amount,
        platforms=platforms.in_park(db, park_id),
        enterprises=enterprises.in_park(db, park_id),
    )


def revenue_lines(db: Database, park_id: int, year: int) -> list[RevenueLine]:
    """Months 1 to the park's last reported month of ``year``: monthly and year-to-date."""
    monthly = {
        g.month.month: g.amount for g in revenue_groups(db, park_id=park_id, years=(year, year))
    }
    ytd = cumulative(monthly)
    return [
        RevenueLine(YearMonth(year, m), monthly.get(m), ytd.get(m))
        for m in range(1, max(monthly, default=0) + 1)
    ]


def records_in_park(db: Database, park_id: int) -> dict[str, int]:
    """How many projects, funds, platforms and enterprises still belong to the park (a park
    with any of them cannot be deleted; see :func:`parktracker.services.parks.delete_park`)."""
    used = parks.dependents(db, park_id)
    return {kind: used[kind] for kind in ("projects", "funds", "platforms", "enterprises")}
