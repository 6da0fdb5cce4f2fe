"""What each dashboard chart draws: plain, exact data, and the pure functions that make it from
the figures of :mod:`parktracker.domain.figures` (fetched by services.dashboard). Chart builders in
:mod:`parktracker.charts` turn these into matplotlib Figures and never compute figures themselves.
Each has ``has_data``: False when there is nothing to draw, so the chart shows 暂无数据 / no data
instead of an empty axis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from parktracker.domain.enums import Stage
from parktracker.domain.figures import (
    FundGroup,
    FundSnapshot,
    FundTotals,
    ParkStages,
    StageFigures,
    div_half_up,
    fund_totals_of,
    month_of_figures,
    percent,
    ratio,
    year_to_date,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth, months_elapsed_in_year
from parktracker.domain.year_to_date import cumulative


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


LIVE_STAGES = (Stage.NEGOTIATING, Stage.SIGNED, Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION)
"""The stages a pipeline chart stacks, in pipeline order (terminated projects are left out)."""

TREND_MONTHS = 24
"""Months in the monthly completed-investment trend (ending with the as-of month)."""


# ------------------------------------------------------------ the builders


@dataclass(frozen=True, slots=True)
class ParkLabel:
    """A park as a chart names it, in the order charts list parks."""

    park_id: int
    label: str


def revenue_progress_chart(
    context: ChartContext,
    monthly: Iterable[tuple[YearMonth, Money]],
    target: Money | None,
) -> RevenueProgress:
    """Chart 1: cumulative revenue of the as-of year by month (complete months up to the
    as-of date), the target, the straight-line pace ``target × m / 12`` for m = 0..12 and the
    projection from the latest month to December at the run-rate (``run_rate_projection``).
    Amounts that are not whole yuan (the pace, the projection) are rounded half up."""
    as_of = context.as_of
    year = as_of.year
    by_month = year_to_date(monthly, year, months_elapsed_in_year(as_of))
    running = cumulative(by_month)
    months = list(running)
    values = [running[m] for m in months]
    pace = [] if target is None else [Money(div_half_up(target.yuan * m, 12)) for m in range(13)]
    projection: list[tuple[int, Money]] = []
    share: float | None = None
    if months:
        latest, latest_value = months[-1], values[-1]
        projection = [
            (m, Money(div_half_up(latest_value.yuan * m, latest))) for m in range(latest, 13)
        ]
        share = percent(ratio(latest_value, target), 1)
    return RevenueProgress(
        context=context,
        year=year,
        months=months,
        cumulative=values,
        target=target,
        pace=pace,
        projection=projection,
        latest_share_of_target=share,
    )


def investment_by_park_chart(
    context: ChartContext, parks: list[ParkLabel], by_park: ParkStages
) -> InvestmentByPark:
    """Chart 2: per park, the planned total investment of the projects under construction on
    the as-of date (the 在建 figure of the projects card) against their completed investment
    up to the as-of month, with completed / planned in % (one decimal; None without a plan)."""
    planned: list[Money] = []
    completed: list[Money] = []
    shares: list[float | None] = []
    for park in parks:
        figures = by_park.get(park.park_id, {}).get(Stage.UNDER_CONSTRUCTION, StageFigures())
        planned.append(figures.planned)
        completed.append(figures.completed)
        shares.append(percent(ratio(figures.completed, figures.planned), 1))
    return InvestmentByPark(
        context=context,
        parks=[p.label for p in parks],
        planned=planned,
        completed=completed,
        completed_share=shares,
    )


PROJECT_ROWS = 10  # one park's investment chart: the largest projects, the rest as one row


def investment_by_project_chart(
    context: ChartContext,
    projects: Iterable[tuple[str, Money, Money]],
    others_label: str,
    rows: int = PROJECT_ROWS,
) -> InvestmentByPark:
    """Chart 2 for one park: its projects under construction on the as-of date, each with its
    planned total and completed investment up to the as-of month (the largest ``rows - 1``
    by planned total, the rest summed into one row labelled ``others_label``, a template with
    ``%1`` for how many they are, when there are more than ``rows``). Their sums equal the
    park's figures in the all-parks chart."""
    items = sorted(projects, key=lambda p: (-p[1].yuan, p[0]))
    if len(items) > rows:
        rest = items[rows - 1 :]
        items = [
            *items[: rows - 1],
            (
                others_label.replace("%1", str(len(rest))),
                Money.total([p[1] for p in rest]),
                Money.total([p[2] for p in rest]),
            ),
        ]
    return InvestmentByPark(
        context=context,
        parks=[name for name, _, _ in items],
        planned=[planned for _, planned, _ in items],
        completed=[done for _, _, done in items],
        completed_share=[percent(ratio(done, planned), 1) for _, planned, done in items],
    )


def pipeline_chart(
    context: ChartContext, parks: list[ParkLabel], by_park: ParkStages
) -> PipelineByPark:
    """Chart 3: per park, projects in each live stage on the as-of date (:data:`LIVE_STAGES`,
    terminated ones left out), as counts and as planned total investment."""
    counts: dict[Stage, list[int]] = {}
    amounts: dict[Stage, list[Money]] = {}
    for stage in LIVE_STAGES:
        figures = [by_park.get(p.park_id, {}).get(stage, StageFigures()) for p in parks]
        counts[stage] = [f.count for f in figures]
        amounts[stage] = [f.planned for f in figures]
    return PipelineByPark(
        context=context,
        parks=[p.label for p in parks],
        stages=list(LIVE_STAGES),
        counts=counts,
        amounts=amounts,
    )


def funds_chart(
    context: ChartContext,
    parks: list[ParkLabel],
    funds: Iterable[FundGroup],
    city_label: str | None,
) -> FundsByPark:
    """Chart 4: fund scale, paid-in and invested summed per park (every park listed, in
    order), then city-wide funds (no park) as one more group when ``city_label`` is given
    and there are such funds."""
    items = list(funds)
    groups: list[tuple[str, FundTotals]] = [
        (p.label, fund_totals_of(items, [p.park_id])) for p in parks
    ]
    city = fund_totals_of(items, [None])
    if city_label is not None and city.count:
        groups.append((city_label, city))
    return FundsByPark(
        context=context,
        groups=[label for label, _ in groups],
        scale=[t.scale for _, t in groups],
        paid_in=[t.paid_in for _, t in groups],
        invested=[t.invested for _, t in groups],
    )


def funds_by_fund_chart(
    context: ChartContext, funds: Iterable[FundSnapshot], names: dict[int, str]
) -> FundsByPark:
    """Chart 4 for one park: each of its funds (largest scale first), instead of one group."""
    items = sorted(funds, key=lambda f: (-f.scale.yuan, names.get(f.fund_id, "")))
    return FundsByPark(
        context=context,
        groups=[names.get(f.fund_id, str(f.fund_id)) for f in items],
        scale=[f.scale for f in items],
        paid_in=[f.paid_in for f in items],
        invested=[f.invested for f in items],
    )


def trend_window(last: YearMonth, months: int = TREND_MONTHS) -> tuple[YearMonth, YearMonth]:
    """The first and last month the trend needs: ``months`` months ending with ``last`` and
    the same months a year earlier."""
    return last.add(-(months - 1) - 12), last


def monthly_investment_chart(
    context: ChartContext,
    totals: Iterable[tuple[YearMonth, Money]],
    months: int = TREND_MONTHS,
) -> MonthlyInvestmentTrend:
    """Chart 5: completed investment per month over the ``months`` months ending with the
    as-of month (:func:`month_of_figures`), and in the same months a year earlier; a month
    without figures counts zero. ``totals`` holds per-month sums (several entries for one
    month are added)."""
    sums: dict[YearMonth, int] = {}
    for month, amount in totals:
        sums[month] = sums.get(month, 0) + amount.yuan
    last = month_of_figures(context.as_of)
    window = [] if last is None else [last.add(i - (months - 1)) for i in range(months)]
    return MonthlyInvestmentTrend(
        context=context,
        months=window,
        amounts=[Money(sums.get(m, 0)) for m in window],
        year_earlier=[Money(sums.get(m.add(-12), 0)) for m in window],
    )
