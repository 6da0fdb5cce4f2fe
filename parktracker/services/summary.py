"""The headline indicators as of a date (the ``summary`` command and the dashboard cards)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from parktracker.domain.enums import EnterpriseTag, Metric, PlatformLevel, Stage
from parktracker.domain.figures import (
    FundTotals,
    RevenueProgress,
    StageTotals,
    enterprises_of,
    fund_totals_of,
    monthly_of,
    percent,
    pipeline_of,
    platforms_of,
    provincial_or_above,
    revenue_progress,
)
from parktracker.domain.models import Park
from parktracker.services import as_of_figures
from parktracker.services.as_of_figures import AsOfFigures
from parktracker.services.reporting import AsOfReport, as_of_report, default_as_of, reporting_json
from parktracker.storage import meta, targets
from parktracker.storage.as_of_figures import park_count
from parktracker.storage.database import Database


@dataclass(frozen=True)
class Summary:
    as_of: dt.date
    park: Park | None
    park_count: int
    pipeline: dict[Stage, StageTotals]
    funds: FundTotals
    platforms: dict[PlatformLevel, int]
    enterprise_count: int
    enterprise_tags: dict[EnterpriseTag, int]
    revenue: RevenueProgress
    sample_data: bool
    reporting: AsOfReport | None = None

    @property
    def platforms_provincial_or_above(self) -> int:
        return provincial_or_above(self.platforms)

    def to_json(self) -> dict[str, Any]:
        """The ``summary --json`` object. Amounts are 亿元 numbers, exact to the stored yuan."""

        def stage(s: Stage) -> dict[str, Any]:
            totals = self.pipeline[s]
            return {
                "count": totals.count,
                "planned_investment_yi": float(totals.planned_total.in_yi),
            }

        revenue = self.revenue
        return {
            "as_of": self.as_of.isoformat(),
            "park": None if self.park is None else self.park.name,
            "parks": self.park_count,
            "projects": {
                "under_construction": stage(Stage.UNDER_CONSTRUCTION),
                "signed": stage(Stage.SIGNED),
                "in_production": stage(Stage.IN_PRODUCTION),
            },
            "funds": {
                "count": self.funds.count,
                "scale_yi": float(self.funds.scale.in_yi),
                "paid_in_yi": float(self.funds.paid_in.in_yi),
                "invested_yi": float(self.funds.invested.in_yi),
            },
            "platforms": {
                "provincial_or_above": self.platforms_provincial_or_above,
                "national": self.platforms[PlatformLevel.NATIONAL],
                "provincial": self.platforms[PlatformLevel.PROVINCIAL],
                "municipal": self.platforms[PlatformLevel.MUNICIPAL],
            },
            "enterprises": {
                "count": self.enterprise_count,
                "little_giants": self.enterprise_tags[EnterpriseTag.LITTLE_GIANT],
                "chain_leaders": self.enterprise_tags[EnterpriseTag.CHAIN_LEADER],
            },
            "revenue": {
                "year": revenue.year,
                "target_yi": None if revenue.target is None else float(revenue.target.in_yi),
                "ytd_yi": float(revenue.ytd.in_yi),
                "progress_pct": percent(revenue.progress),
                "time_elapsed_pct": percent(revenue.time_elapsed),
                "provisional": self.reporting is not None and self.reporting.revenue is not None,
            },
            "sample_data": self.sample_data,
            "reporting": None if self.reporting is None else reporting_json(self.reporting),
        }


def summarize(
    db: Database,
    *,
    as_of: dt.date,
    park: Park | None = None,
    figures: AsOfFigures | None = None,
) -> Summary:
    """The headline indicators, summed in SQL per park (:mod:`services.as_of_figures`).
    ``figures``: the rows of that date and scope when the caller already fetched them (the
    briefing shares one fetch with the parks overview)."""
    park_id = None if park is None else park.id
    if figures is None:
        figures = as_of_figures.fetch(db, as_of=as_of, park_id=park_id)
    target = targets.get(db, as_of.year, Metric.REVENUE, park_id=park_id)
    scope = None if park_id is None else [park_id]
    count, tags = enterprises_of(figures.enterprises, scope)
    return Summary(
        as_of=as_of,
        park=park,
        park_count=park_count(db) if park is None else 1,
        pipeline=pipeline_of(figures.stages, scope),
        funds=fund_totals_of(figures.funds, scope),
        platforms=platforms_of(figures.platforms, scope),
        enterprise_count=count,
        enterprise_tags=tags,
        revenue=revenue_progress(
            monthly_of(figures.revenue, scope),
            None if target is None else target.amount,
            as_of,
        ),
        sample_data=meta.holds_sample_data(db),
        reporting=as_of_report(db, as_of=as_of, park_id=park_id),
    )


__all__ = ["Summary", "default_as_of", "summarize"]
