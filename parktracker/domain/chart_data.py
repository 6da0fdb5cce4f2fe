"""What each dashboard chart draws: plain, exact data made by pure functions in
:mod:`parktracker.domain.stats` (and fetched by services.dashboard). Chart builders in
:mod:`parktracker.charts` turn these into matplotlib Figures and never compute figures themselves.
Each has ``has_data``: False when there is nothing to draw, so the chart shows 暂无数据 / no data
instead of an empty axis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth


@dataclass(frozen=True)
class ChartContext:
    """What every chart states: the scope, the as-of date and whether it shows sample data."""

    as_of: dt.date
    scope: str  # "八个园区" / a park's short name (already in the UI language)
    sample_data: bool
    # Parks that have not reported a month the chart is built on (its figures are provisional)
    provisional: tuple[str, ...] = ()
    one_park: bool = False  # the scope is one park (charts drawn per park show its projects)


@dataclass(frozen=True)
class RevenueProgress:
    """Chart 1: cumulative year-to-date revenue by month against the year's target."""

    context: ChartContext
    year: int
    months: list[int]  # months with data, 1..N
    cumulative: list[Money]  # year-to-date at the end of each of ``months``
    target: Money | None
    pace: list[
        Money
    ]  # straight-line pace: target × m / 12 for m = 0..12 (13 points); [] without target
    projection: list[
        tuple[int, Money]
    ]  # (month, projected YTD) from the latest month to 12 at the run-rate
    latest_share_of_target: (
        float | None
    )  # % of target at the latest month (rounded for display only)

    @property
    def has_data(self) -> bool:
        """False: no revenue figures for the year yet (the chart says 暂无数据 / no data)."""
        return bool(self.months)


@dataclass(frozen=True)
class InvestmentByPark:
    """Chart 2: planned total investment against cumulative completed investment, per park."""

    context: ChartContext
    parks: list[str]
    planned: list[Money]
    completed: list[Money]
    completed_share: list[float | None]  # completed / planned in %, None without a plan

    @property
    def has_data(self) -> bool:
        return any(self.planned) or any(self.completed)


@dataclass(frozen=True)
class PipelineByPark:
    """Chart 3: projects per park and stage, as counts and as planned 亿元."""

    context: ChartContext
    parks: list[str]
    stages: list[Stage]  # stacked in this order
    counts: dict[Stage, list[int]] = field(default_factory=dict)
    amounts: dict[Stage, list[Money]] = field(default_factory=dict)

    @property
    def has_data(self) -> bool:
        return any(any(counts) for counts in self.counts.values())


@dataclass(frozen=True)
class FundsByPark:
    """Chart 4: fund deployment per park (and city-wide): scale, then paid-in, then invested."""

    context: ChartContext
    groups: list[str]  # park short names, plus a city-wide group if there are such funds
    scale: list[Money]
    paid_in: list[Money]
    invested: list[Money]

    @property
    def has_data(self) -> bool:
        return any(self.scale) or any(self.paid_in) or any(self.invested)


@dataclass(frozen=True)
class MonthlyInvestmentTrend:
    """Chart 5: completed investment per month over the last 24 months, with the same months a
    year earlier."""

    context: ChartContext
    months: list[YearMonth]  # 24 consecutive months ending with the as-of month
    amounts: list[Money]
    year_earlier: list[Money]  # the same calendar months one year before

    @property
    def has_data(self) -> bool:
        return any(self.amounts) or any(self.year_earlier)
