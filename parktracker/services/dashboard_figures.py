"""The dashboard's figures: the five KPI cards, each beside the same date a year earlier, and
the data of the five charts (:mod:`parktracker.domain.chart_data`).

Storage sums per park, stage and month in SQL (:mod:`parktracker.storage.as_of_figures`, the
rules the summary and the parks page use too); every number shown is then made by a pure
function of :mod:`parktracker.domain.figures`, :mod:`~parktracker.domain.cards` and
:mod:`~parktracker.domain.chart_data`. A
:class:`DashboardData` is fetched in one go (``load``), sharing each query between the cards and
the charts; ``chart_data`` fetches what one chart needs (the ``chart`` command, exports).

Definitions (see the domain functions for the details):

- "As of" a date: projects count in their stage on that date (from the stage history), funds
  with their latest figures reported by then, platforms recognised and enterprises joined by
  then. Monthly figures (revenue, completed investment) count up to the as-of month: the last
  complete month up to the date, which is the date's own month when it is the month's last day
  (the default as-of date is).
- A year earlier: the same calendar date (29 February → 28 February). A card has no
  comparison when nothing of its kind stood then.
- Revenue: year-to-date over the complete months; 序时进度 = complete months / 12; projection
  to year end at the run-rate = year-to-date / months × 12, with months counted from January to
  the latest month with figures (a month not yet reported does not drag the projection down).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal, overload

from parktracker.domain import cards, figures
from parktracker.domain import chart_data as series
from parktracker.domain.chart_data import (
    ChartContext,
    FundsByPark,
    InvestmentByPark,
    MonthlyInvestmentTrend,
    ParkLabel,
    PipelineByPark,
    RevenueProgress,
)
from parktracker.domain.enums import EnterpriseTag, Metric, PlatformLevel, Stage
from parktracker.domain.figures import ParkStages, StageTotals
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.models import Park
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import Measure
from parktracker.services import as_of_figures
from parktracker.services.dashboard_contents import CHART_NAMES, Kpis
from parktracker.services.reporting import AsOfReport, CountTally, as_of_report, default_as_of
from parktracker.storage import as_of_figures as rules
from parktracker.storage import funds as fund_store
from parktracker.storage import meta, parks, targets
from parktracker.storage.database import Database

Translate = Callable[..., str]
ChartData = (
    RevenueProgress | InvestmentByPark | PipelineByPark | FundsByPark | MonthlyInvestmentTrend
)

T_ALL_PARKS = QT_TRANSLATE_NOOP("Dashboard", "All %1 parks")
T_CITY_FUNDS = QT_TRANSLATE_NOOP("Dashboard", "City-wide funds")
T_OTHER_PROJECTS = QT_TRANSLATE_NOOP("Dashboard", "%1 other projects")


def _default_tr(text: tuple[str, str], *args: object) -> str:
    from parktracker.i18n import tr

    return tr(text, *args)


@dataclass(frozen=True)
class DashboardData:
    """The cards and the five charts' data for one as-of date and scope."""

    kpis: Kpis
    revenue_progress: RevenueProgress
    investment_by_park: InvestmentByPark
    pipeline: PipelineByPark
    funds: FundsByPark
    monthly_investment: MonthlyInvestmentTrend

    @property
    def charts(self) -> dict[str, ChartData]:
        """The charts by name, in :data:`CHART_NAMES` order."""
        return dict(
            zip(
                CHART_NAMES,
                (
                    self.revenue_progress,
                    self.investment_by_park,
                    self.pipeline,
                    self.funds,
                    self.monthly_investment,
                ),
                strict=True,
            )
        )


class DashboardInputs:
    """One refresh of the dashboard: the inputs of one as-of date and scope, each fetched once,
    when first needed, and shared by the cards (``kpis()``) and the charts (``chart(name)``).
    Make a new one after the data, the date or the scope changes (the dashboard's fetches
    carry over what an edit cannot have changed: :mod:`parktracker.services.dashboard_carry`).
    ``tally``: investment counted before, for the reporting status (see
    :class:`~parktracker.services.reporting.CountTally`)."""

    def __init__(
        self,
        db: Database,
        as_of: dt.date,
        park: Park | None,
        tr: Translate,
        *,
        tally: CountTally | None = None,
    ) -> None:
        self.db = db
        self.as_of = as_of
        self.year_ago = figures.same_date_last_year(as_of)
        self.park = park
        self.park_id = None if park is None else park.id
        self.translate = tr
        self.tally = tally

    # ------------------------------------------------------------ shared
    @cached_property
    def sample_data(self) -> bool:
        return meta.holds_sample_data(self.db)

    @cached_property
    def parks(self) -> list[ParkLabel]:
        chosen = [self.park] if self.park is not None else parks.all_parks(self.db)
        return [ParkLabel(p.id, p.short_name) for p in chosen if p.id is not None]

    @cached_property
    def context(self) -> ChartContext:
        if self.park is not None:
            scope = self.park.short_name
        else:
            scope = self.translate(T_ALL_PARKS, rules.park_count(self.db))
        return ChartContext(
            as_of=self.as_of,
            scope=scope,
            sample_data=self.sample_data,
            one_park=self.park is not None,
        )

    @cached_property
    def reporting(self) -> AsOfReport:
        return as_of_report(self.db, as_of=self.as_of, park_id=self.park_id, tally=self.tally)

    def context_of(self, measure: Measure) -> ChartContext:
        """The context of a chart built on ``measure``'s monthly figures: provisional, naming
        the parks missing, when a month it is built on is incomplete."""
        gap = self.reporting.provisional(measure)
        if gap is None:
            return self.context
        return replace(self.context, provisional=gap.missing_parks)

    # ------------------------------------------------------------ projects
    @cached_property
    def current(self) -> list[figures.ProjectGroup]:
        return rules.current_groups(self.db, park_id=self.park_id)

    @cached_property
    def stages(self) -> ParkStages:
        """Projects per park and stage on the as-of date, with completed investment up to the
        as-of month."""
        return as_of_figures.stages(
            self.db, self.as_of, park_id=self.park_id, completed=True, current=self.current
        )

    @cached_property
    def stages_year_ago(self) -> ParkStages:
        """Projects per park and stage a year earlier (counts and planned totals only)."""
        return as_of_figures.stages(
            self.db, self.year_ago, park_id=self.park_id, current=self.current
        )

    # ------------------------------------------------------------ funds and the rest
    @cached_property
    def funds(self) -> list[figures.FundGroup]:
        return rules.fund_groups(self.db, self.as_of, park_id=self.park_id)

    @cached_property
    def funds_year_ago(self) -> list[figures.FundGroup]:
        return rules.fund_groups(self.db, self.year_ago, park_id=self.park_id)

    def platforms(self, day: dt.date) -> dict[PlatformLevel, int]:
        return figures.platforms_of(rules.platform_groups(self.db, day, park_id=self.park_id))

    def enterprises(self, day: dt.date) -> tuple[int, dict[EnterpriseTag, int]]:
        return figures.enterprises_of(rules.enterprise_groups(self.db, day, park_id=self.park_id))

    @cached_property
    def platforms_now(self) -> dict[PlatformLevel, int]:
        return self.platforms(self.as_of)

    @cached_property
    def platforms_year_ago(self) -> dict[PlatformLevel, int]:
        return self.platforms(self.year_ago)

    @cached_property
    def enterprises_now(self) -> tuple[int, dict[EnterpriseTag, int]]:
        return self.enterprises(self.as_of)

    @cached_property
    def enterprises_year_ago(self) -> tuple[int, dict[EnterpriseTag, int]]:
        return self.enterprises(self.year_ago)

    @cached_property
    def revenue(self) -> list[tuple[YearMonth, Money]]:
        """The months of the as-of year (the card, the chart) and of the year before (the
        card's growth on the same months)."""
        years = (self.as_of.year - 1, self.as_of.year)
        return figures.monthly_of(rules.revenue_groups(self.db, park_id=self.park_id, years=years))

    def revenue_target(self, year: int) -> Money | None:
        target = targets.get(self.db, year, Metric.REVENUE, park_id=self.park_id)
        return None if target is None else target.amount

    @cached_property
    def building(self) -> list[Building]:
        """One park's projects under construction on the as-of date (see
        :func:`projects_building`)."""
        assert self.park_id is not None
        return projects_building(self.db, self.as_of, self.park_id)

    @cached_property
    def monthly_totals(self) -> list[tuple[YearMonth, Money]]:
        return investment_totals(self.db, self.as_of, self.park_id)

    # ------------------------------------------------------------ results
    def kpis(self) -> Kpis:
        return Kpis(
            as_of=self.as_of,
            year_ago=self.year_ago,
            park=self.park,
            sample_data=self.sample_data,
            projects=cards.projects_card(_pipeline(self.stages), _pipeline(self.stages_year_ago)),
            capital=cards.capital_card(
                figures.fund_totals_of(self.funds), figures.fund_totals_of(self.funds_year_ago)
            ),
            innovation=cards.innovation_card(self.platforms_now, self.platforms_year_ago),
            leaders=cards.leaders_card(self.enterprises_now, self.enterprises_year_ago),
            revenue=cards.revenue_card(
                self.revenue,
                self.revenue_target(self.as_of.year),
                self.as_of,
                last_year_target=self.revenue_target(self.as_of.year - 1),
            ),
            reporting=self.reporting,
        )

    def revenue_progress(self) -> RevenueProgress:
        return series.revenue_progress_chart(
            self.context_of(Measure.REVENUE), self.revenue, self.revenue_target(self.as_of.year)
        )

    def investment_by_park(self) -> InvestmentByPark:
        """All parks: one bar per park. One park: one bar per project of the park."""
        context = self.context_of(Measure.INVESTMENT)
        if self.park_id is None:
            return series.investment_by_park_chart(context, self.parks, self.stages)
        return series.investment_by_project_chart(
            context, self.building, self.translate(T_OTHER_PROJECTS, "%1")
        )

    def pipeline(self) -> PipelineByPark:
        return series.pipeline_chart(self.context, self.parks, self.stages)

    def funds_chart(self) -> FundsByPark:
        """All parks: one group per park (and the city's funds). One park: one per fund."""
        if self.park_id is not None:
            names = fund_store.names_of_park(self.db, self.park_id)
            single = rules.funds_as_of(self.db, self.as_of, park_id=self.park_id)
            return series.funds_by_fund_chart(self.context, single, names)
        return series.funds_chart(
            self.context, self.parks, self.funds, self.translate(T_CITY_FUNDS)
        )

    def monthly_investment(self) -> MonthlyInvestmentTrend:
        return series.monthly_investment_chart(
            self.context_of(Measure.INVESTMENT), self.monthly_totals
        )

    def chart(self, name: str) -> ChartData:
        builders: dict[str, Callable[[], ChartData]] = {
            "revenue-progress": self.revenue_progress,
            "investment-by-park": self.investment_by_park,
            "pipeline": self.pipeline,
            "funds": self.funds_chart,
            "monthly-investment": self.monthly_investment,
        }
        if name not in builders:
            raise ValueError(f"unknown chart {name!r}; one of: {', '.join(CHART_NAMES)}")
        return builders[name]()


Building = tuple[str, Money, Money]  # a project's name, planned total, completed investment


def building_order(project: Building) -> tuple[int, str, int]:
    """The order of :func:`projects_building`: largest plan first, then by name, then by
    completed investment (one order for any list of the same projects, however made)."""
    return (-project[1].yuan, project[0], project[2].yuan)


def projects_building(db: Database, as_of: dt.date, park_id: int) -> list[Building]:
    """Park ``park_id``'s projects under construction on ``as_of``, each with its planned total
    and its completed investment up to the month of figures, in :func:`building_order` (the
    one-park investment chart's bars)."""
    through = figures.month_of_figures(as_of)
    found = rules.projects_in_stage(db, park_id, as_of, Stage.UNDER_CONSTRUCTION, through=through)
    return sorted(found, key=building_order)


def investment_totals(
    db: Database, as_of: dt.date, park_id: int | None
) -> list[tuple[YearMonth, Money]]:
    """Completed investment per month over the trend chart's months up to ``as_of``'s month of
    figures (months with figures only), for all parks or ``park_id``."""
    month = figures.month_of_figures(as_of)
    if month is None:
        return []
    first, last = series.trend_window(month)
    return rules.monthly_investment(db, first, last, park_id=park_id)


def _pipeline(by_park: ParkStages) -> dict[Stage, StageTotals]:
    return figures.pipeline_of(by_park)


def load(
    db: Database, *, as_of: dt.date, park: Park | None = None, tr: Translate = _default_tr
) -> DashboardData:
    """Every card and chart as of ``as_of`` for all parks or ``park``; ``tr`` translates the
    scope label ("All 8 parks") and the city-wide funds group (default: the CLI language)."""
    inputs = DashboardInputs(db, as_of, park, tr)
    return DashboardData(
        kpis=inputs.kpis(),
        revenue_progress=inputs.revenue_progress(),
        investment_by_park=inputs.investment_by_park(),
        pipeline=inputs.pipeline(),
        funds=inputs.funds_chart(),
        monthly_investment=inputs.monthly_investment(),
    )


def kpis(db: Database, *, as_of: dt.date, park: Park | None = None) -> Kpis:
    """The five cards only."""
    return DashboardInputs(db, as_of, park, _default_tr).kpis()


@overload
def chart_data(
    db: Database,
    name: Literal["revenue-progress"],
    as_of: dt.date,
    park: Park | None = None,
    *,
    tr: Translate = ...,
) -> RevenueProgress: ...
@overload
def chart_data(
    db: Database,
    name: Literal["investment-by-park"],
    as_of: dt.date,
    park: Park | None = None,
    *,
    tr: Translate = ...,
) -> InvestmentByPark: ...
@overload
def chart_data(
    db: Database,
    name: Literal["pipeline"],
    as_of: dt.date,
    park: Park | None = None,
    *,
    tr: Translate = ...,
) -> PipelineByPark: ...
@overload
def chart_data(
    db: Database,
    name: Literal["funds"],
    as_of: dt.date,
    park: Park | None = None,
    *,
    tr: Translate = ...,
) -> FundsByPark: ...
@overload
def chart_data(
    db: Database,
    name: Literal["monthly-investment"],
    as_of: dt.date,
    park: Park | None = None,
    *,
    tr: Translate = ...,
) -> MonthlyInvestmentTrend: ...
@overload
def chart_data(
    db: Database,
    name: str,
    as_of: dt.date,
    park: Park | None = None,
    *,
    tr: Translate = ...,
) -> ChartData: ...
def chart_data(
    db: Database,
    name: str,
    as_of: dt.date,
    park: Park | None = None,
    *,
    tr: Translate = _default_tr,
) -> ChartData:
    """The data of one chart, fetching only what it needs (``name`` in :data:`CHART_NAMES`;
    ValueError otherwise)."""
    return DashboardInputs(db, as_of, park, tr).chart(name)


__all__ = [
    "CHART_NAMES",
    "Building",
    "ChartData",
    "DashboardData",
    "DashboardInputs",
    "Kpis",
    "building_order",
    "chart_data",
    "default_as_of",
    "investment_totals",
    "kpis",
    "load",
    "projects_building",
]
