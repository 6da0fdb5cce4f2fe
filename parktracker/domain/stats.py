"""Pure aggregations behind the summary, KPI cards and charts.

Inputs are plain records (snapshots as of a date, made by storage); outputs are exact
(:class:`Money`, :class:`fractions.Fraction`). Nothing here rounds: rounding happens only when
a figure is displayed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from parktracker.domain import chart_data
from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.money import Money, Unit
from parktracker.domain.periods import (
    YearMonth,
    last_complete_month,
    months_elapsed_in_year,
    time_elapsed_fraction,
)
from parktracker.domain.revenue import cumulative


@dataclass(frozen=True, slots=True)
class ProjectSnapshot:
    """A project as it stood on a date: its stage then and its planned total investment."""

    project_id: int
    park_id: int
    stage: Stage
    planned_total: Money | None


@dataclass(frozen=True, slots=True)
class FundSnapshot:
    fund_id: int
    park_id: int | None
    scale: Money
    paid_in: Money
    invested: Money


@dataclass(frozen=True, slots=True)
class StageTotals:
    count: int = 0
    planned_total: Money = field(default_factory=Money.zero)


@dataclass(frozen=True, slots=True)
class FundTotals:
    count: int
    scale: Money
    paid_in: Money
    invested: Money

    @property
    def paid_in_ratio(self) -> Fraction | None:
        return ratio(self.paid_in, self.scale)

    @property
    def invested_ratio(self) -> Fraction | None:
        return ratio(self.invested, self.paid_in)


@dataclass(frozen=True, slots=True)
class RevenueProgress:
    year: int
    target: Money | None
    ytd: Money
    months_reported: int
    time_elapsed: Fraction

    @property
    def progress(self) -> Fraction | None:
        return ratio(self.ytd, self.target) if self.target is not None else None


def ratio(part: Money, whole: Money | None) -> Fraction | None:
    if whole is None or whole.yuan == 0:
        return None
    return Fraction(part.yuan, whole.yuan)


def pipeline_by_stage(snapshots: Iterable[ProjectSnapshot]) -> dict[Stage, StageTotals]:
    """Count and planned total investment per stage; every stage is present, zero if empty."""
    counts = dict.fromkeys(Stage, 0)
    totals = dict.fromkeys(Stage, 0)
    for snap in snapshots:
        counts[snap.stage] += 1
        if snap.planned_total is not None:
            totals[snap.stage] += snap.planned_total.yuan
    return {stage: StageTotals(counts[stage], Money(totals[stage])) for stage in Stage}


def fund_totals(snapshots: Iterable[FundSnapshot]) -> FundTotals:
    items = list(snapshots)
    return FundTotals(
        count=len(items),
        scale=Money(sum(s.scale.yuan for s in items)),
        paid_in=Money(sum(s.paid_in.yuan for s in items)),
        invested=Money(sum(s.invested.yuan for s in items)),
    )


def platforms_by_level(levels: Iterable[PlatformLevel]) -> dict[PlatformLevel, int]:
    counts = dict.fromkeys(PlatformLevel, 0)
    for level in levels:
        counts[level] += 1
    return counts


def provincial_or_above(counts: dict[PlatformLevel, int]) -> int:
    return sum(n for level, n in counts.items() if level.provincial_or_above)


def enterprises_by_tag(
    tag_sets: Iterable[frozenset[EnterpriseTag]],
) -> tuple[int, dict[EnterpriseTag, int]]:
    """Total enterprises and the count carrying each tag."""
    total = 0
    counts = dict.fromkeys(EnterpriseTag, 0)
    for tags in tag_sets:
        total += 1
        for tag in tags:
            counts[tag] += 1
    return total, counts


def revenue_progress(
    monthly: Iterable[tuple[YearMonth, Money]], target: Money | None, as_of: dt.date
) -> RevenueProgress:
    """Year-to-date revenue of ``as_of``'s year over the complete months up to ``as_of``.

    ``monthly`` holds monthly (not cumulative) amounts, possibly for several parks and years.
    """
    last = last_complete_month(as_of)
    year = as_of.year
    ytd = 0
    months: set[int] = set()
    for month, amount in monthly:
        if month.year == year and last is not None and month <= last:
            ytd += amount.yuan
            months.add(month.month)
    return RevenueProgress(
        year=year,
        target=target,
        ytd=Money(ytd),
        months_reported=len(months),
        time_elapsed=time_elapsed_fraction(as_of),
    )


def percent(value: Fraction | None, places: int = 2) -> float | None:
    """A fraction as a percentage rounded half-up to ``places`` decimals, for display only."""
    if value is None:
        return None
    scaled = value * 100 * 10**places
    rounded = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    return float(rounded / 10**places)


# =====================================================================================
# Dashboard: KPI cards (with the same date a year earlier) and the data of the five charts.
#
# Storage sums what it can in SQL (per park and stage, per month) and hands over these small
# grouped inputs; the functions below only combine them. Every figure a card or a chart shows
# is computed here, exactly (Money, Fraction); floats appear only as display percentages.
# =====================================================================================

LIVE_STAGES = (Stage.NEGOTIATING, Stage.SIGNED, Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION)
"""The stages a pipeline chart stacks, in pipeline order (terminated projects are left out)."""

TREND_MONTHS = 24
"""Months in the monthly completed-investment trend (ending with the as-of month)."""


def stood_by(day: dt.date | None, as_of: dt.date) -> bool:
    """A dated record (a platform's recognition, an enterprise's joining) counts as of
    ``as_of`` when it is undated or dated on or before it: the rule the as-of snapshots apply
    in SQL, for lists that show every record to date beside the as-of count."""
    return day is None or day <= as_of


def same_date_last_year(day: dt.date) -> dt.date:
    """The same calendar date one year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February in a leap year
        return day.replace(year=day.year - 1, day=28)


def month_of_figures(as_of: dt.date) -> YearMonth | None:
    """The month whose figures stand for ``as_of``: the last complete month up to it (the
    as-of month itself when ``as_of`` is its last day, as the default as-of date is)."""
    return last_complete_month(as_of)


# ------------------------------------------------------------ projects per park and stage


@dataclass(frozen=True, slots=True)
class ProjectGroup:
    """Projects of one park in one stage as storage summed them: how many, their planned total
    investment, and their completed investment (all months reported)."""

    park_id: int
    stage: Stage
    count: int
    planned: Money
    completed: Money = field(default_factory=Money.zero)


@dataclass(frozen=True, slots=True)
class ChangedGroup:
    """Projects whose stage history has an entry after the as-of date, summed by their park,
    their current stage (as :class:`ProjectGroup` counts them) and their stage on the date
    (``None``: no history entry on or before it, so the project did not count yet).
    ``completed`` is their completed investment up to the as-of month."""

    park_id: int
    stage_now: Stage
    stage_then: Stage | None
    count: int
    planned: Money
    completed: Money = field(default_factory=Money.zero)


@dataclass(frozen=True, slots=True)
class InvestmentGroup:
    """Completed investment reported for months after the as-of month, summed by the
    projects' park and current stage."""

    park_id: int
    stage: Stage
    completed: Money


@dataclass(frozen=True, slots=True)
class StageFigures:
    """Projects of a park in a stage on a date: count, planned total and completed investment
    up to the as-of month."""

    count: int = 0
    planned: Money = field(default_factory=Money.zero)
    completed: Money = field(default_factory=Money.zero)

    @property
    def totals(self) -> StageTotals:
        return StageTotals(self.count, self.planned)


ParkStages = dict[int, dict[Stage, StageFigures]]


def stages_as_of(
    current: Iterable[ProjectGroup],
    changed: Iterable[ChangedGroup] = (),
    later: Iterable[InvestmentGroup] = (),
) -> ParkStages:
    """Each park's projects by their stage on the as-of date, from grouped inputs.

    A project whose stage history has nothing after the date was, on that date, in its current
    stage; the others (``changed``) move from their current stage to their stage then.
    Completed investment counts months up to the as-of month: what was reported for later
    months (``later``) comes off; ``changed`` must then carry completed investment up to the
    as-of month. Without ``later`` and those completions (the year-earlier comparison needs
    counts and planned totals only), the completed figures mean nothing. Every park present
    gets every stage (zero if empty)."""
    count: dict[tuple[int, Stage], int] = {}
    planned: dict[tuple[int, Stage], int] = {}
    completed: dict[tuple[int, Stage], int] = {}
    parks: list[int] = []

    def add(park_id: int, stage: Stage, n: int, plan: int, done: int) -> None:
        if park_id not in parks:
            parks.append(park_id)
        key = (park_id, stage)
        count[key] = count.get(key, 0) + n
        planned[key] = planned.get(key, 0) + plan
        completed[key] = completed.get(key, 0) + done

    for g in current:
        add(g.park_id, g.stage, g.count, g.planned.yuan, g.completed.yuan)
    for lg in later:
        add(lg.park_id, lg.stage, 0, 0, -lg.completed.yuan)
    for cg in changed:
        # Their current-stage share left after ``later``: the completed investment up to the
        # as-of month, which is what ``cg.completed`` holds.
        add(cg.park_id, cg.stage_now, -cg.count, -cg.planned.yuan, -cg.completed.yuan)
        if cg.stage_then is not None:
            add(cg.park_id, cg.stage_then, cg.count, cg.planned.yuan, cg.completed.yuan)
    return {
        park: {
            stage: StageFigures(
                count.get((park, stage), 0),
                Money(planned.get((park, stage), 0)),
                Money(completed.get((park, stage), 0)),
            )
            for stage in Stage
        }
        for park in sorted(parks)
    }


def pipeline_of(
    by_park: ParkStages, park_ids: Iterable[int] | None = None
) -> dict[Stage, StageTotals]:
    """Count and planned total per stage over the given parks (default: all of them)."""
    chosen = list(by_park) if park_ids is None else [p for p in park_ids if p in by_park]
    return {
        stage: StageTotals(
            sum(by_park[p][stage].count for p in chosen),
            Money(sum(by_park[p][stage].planned.yuan for p in chosen)),
        )
        for stage in Stage
    }


# ------------------------------------------------------------ year-on-year comparisons


def change(now: int, then: int | None) -> int | None:
    """``now - then``; None when there is nothing to compare with."""
    return None if then is None else now - then


def growth(now: int, then: int | None) -> Fraction | None:
    """Growth on ``then`` as a fraction (0.1 is +10 %); None without a non-zero base."""
    if then is None or then == 0:
        return None
    return Fraction(now - then, then)


@dataclass(frozen=True, slots=True)
class CountYoY:
    """A count now and on the same date a year earlier (None: no data then)."""

    now: int
    year_ago: int | None

    @property
    def change(self) -> int | None:
        return change(self.now, self.year_ago)

    @property
    def growth(self) -> Fraction | None:
        return growth(self.now, self.year_ago)


@dataclass(frozen=True, slots=True)
class MoneyYoY:
    """An amount now and on the same date a year earlier (None: no data then)."""

    now: Money
    year_ago: Money | None

    @property
    def change(self) -> Money | None:
        return None if self.year_ago is None else self.now - self.year_ago

    @property
    def growth(self) -> Fraction | None:
        return growth(self.now.yuan, None if self.year_ago is None else self.year_ago.yuan)


def _count_yoy(now: int, then: int, has_then: bool) -> CountYoY:
    return CountYoY(now, then if has_then else None)


def _money_yoy(now: Money, then: Money, has_then: bool) -> MoneyYoY:
    return MoneyYoY(now, then if has_then else None)


# ------------------------------------------------------------ KPI cards


@dataclass(frozen=True, slots=True)
class ProjectsCard:
    """项目集聚: projects under construction and signed awaiting start (count and planned total
    investment) and in production (count)."""

    under_construction: CountYoY
    under_construction_planned: MoneyYoY
    signed: CountYoY
    signed_planned: MoneyYoY
    in_production: CountYoY

    @property
    def has_data(self) -> bool:
        return any(c.now for c in (self.under_construction, self.signed, self.in_production))


def projects_card(
    now: dict[Stage, StageTotals], year_ago: dict[Stage, StageTotals]
) -> ProjectsCard:
    """The projects card; the year-earlier figures count only if any project stood then."""
    has_then = any(t.count for t in year_ago.values())
    uc, uc_then = now[Stage.UNDER_CONSTRUCTION], year_ago[Stage.UNDER_CONSTRUCTION]
    signed, signed_then = now[Stage.SIGNED], year_ago[Stage.SIGNED]
    return ProjectsCard(
        under_construction=_count_yoy(uc.count, uc_then.count, has_then),
        under_construction_planned=_money_yoy(uc.planned_total, uc_then.planned_total, has_then),
        signed=_count_yoy(signed.count, signed_then.count, has_then),
        signed_planned=_money_yoy(signed.planned_total, signed_then.planned_total, has_then),
        in_production=_count_yoy(
            now[Stage.IN_PRODUCTION].count, year_ago[Stage.IN_PRODUCTION].count, has_then
        ),
    )


@dataclass(frozen=True, slots=True)
class CapitalCard:
    """资本集聚: funds, their total scale, paid-in and invested, and the two ratios."""

    funds: CountYoY
    scale: MoneyYoY
    paid_in: MoneyYoY
    invested: MoneyYoY
    paid_in_ratio: Fraction | None  # paid-in / scale
    invested_ratio: Fraction | None  # invested / paid-in
    paid_in_ratio_year_ago: Fraction | None
    invested_ratio_year_ago: Fraction | None

    @property
    def has_data(self) -> bool:
        return self.funds.now > 0


def capital_card(now: FundTotals, year_ago: FundTotals) -> CapitalCard:
    has_then = year_ago.count > 0
    return CapitalCard(
        funds=_count_yoy(now.count, year_ago.count, has_then),
        scale=_money_yoy(now.scale, year_ago.scale, has_then),
        paid_in=_money_yoy(now.paid_in, year_ago.paid_in, has_then),
        invested=_money_yoy(now.invested, year_ago.invested, has_then),
        paid_in_ratio=now.paid_in_ratio,
        invested_ratio=now.invested_ratio,
        paid_in_ratio_year_ago=year_ago.paid_in_ratio if has_then else None,
        invested_ratio_year_ago=year_ago.invested_ratio if has_then else None,
    )


@dataclass(frozen=True, slots=True)
class InnovationCard:
    """创新集聚: platforms at provincial level or above, and the count at each level."""

    provincial_or_above: CountYoY
    by_level: dict[PlatformLevel, CountYoY]

    @property
    def has_data(self) -> bool:
        return any(c.now for c in self.by_level.values())


def innovation_card(
    now: dict[PlatformLevel, int], year_ago: dict[PlatformLevel, int]
) -> InnovationCard:
    has_then = any(year_ago.values())
    return InnovationCard(
        provincial_or_above=_count_yoy(
            provincial_or_above(now), provincial_or_above(year_ago), has_then
        ),
        by_level={
            level: _count_yoy(now.get(level, 0), year_ago.get(level, 0), has_then)
            for level in PlatformLevel
        },
    )


@dataclass(frozen=True, slots=True)
class LeadersCard:
    """龙头集聚: enterprises, chain leaders (链主) and little giants (专精特新“小巨人”)."""

    enterprises: CountYoY
    chain_leaders: CountYoY
    little_giants: CountYoY

    @property
    def has_data(self) -> bool:
        return self.enterprises.now > 0


def leaders_card(
    now: tuple[int, dict[EnterpriseTag, int]], year_ago: tuple[int, dict[EnterpriseTag, int]]
) -> LeadersCard:
    total, tags = now
    total_then, tags_then = year_ago
    has_then = total_then > 0
    return LeadersCard(
        enterprises=_count_yoy(total, total_then, has_then),
        chain_leaders=_count_yoy(
            tags.get(EnterpriseTag.CHAIN_LEADER, 0),
            tags_then.get(EnterpriseTag.CHAIN_LEADER, 0),
            has_then,
        ),
        little_giants=_count_yoy(
            tags.get(EnterpriseTag.LITTLE_GIANT, 0),
            tags_then.get(EnterpriseTag.LITTLE_GIANT, 0),
            has_then,
        ),
    )


def _div_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero (denominator > 0)."""
    sign = -1 if numerator < 0 else 1
    return sign * ((abs(numerator) * 2 + denominator) // (denominator * 2))


def _div_up(numerator: int, denominator: int) -> int:
    """Integer division rounded up (denominator > 0)."""
    return -(-numerator // denominator)


def year_to_date(
    monthly: Iterable[tuple[YearMonth, Money]], year: int, through: int
) -> dict[int, Money]:
    """Monthly amounts of ``year``'s months 1..``through`` summed per month (parks added up);
    months without data are absent."""
    sums: dict[int, int] = {}
    for month, amount in monthly:
        if month.year == year and 1 <= month.month <= through:
            sums[month.month] = sums.get(month.month, 0) + amount.yuan
    return {m: Money(v) for m, v in sorted(sums.items())}


def run_rate_projection(ytd: Money, months: int, to_month: int = 12) -> Money | None:
    """Year-to-date revenue carried on at its average monthly rate: ``ytd / months × to_month``
    (rounded half up to the yuan). ``months`` is January up to the latest month with data;
    None when there is none."""
    if months <= 0:
        return None
    return Money(_div_half_up(ytd.yuan * to_month, months))


@dataclass(frozen=True, slots=True)
class RevenueCard:
    """营收目标: year-to-date revenue against the year's target and against the share of the
    year elapsed (序时进度), what is still needed per month, and growth on the same period of
    the year before."""

    year: int
    target: Money | None
    ytd: Money
    months_elapsed: int  # complete months of the year up to the as-of date (序时 months)
    months_reported: int  # of those, months with revenue figures
    latest_month: int  # the latest month with figures (0: none)
    progress: Fraction | None  # ytd / target
    time_elapsed: Fraction  # months_elapsed / 12
    remaining_months: int  # 12 - months_elapsed
    monthly_needed: Money | None  # (target - ytd) / remaining months, rounded up to the yuan
    projection: Money | None  # year-end revenue at the run-rate (see run_rate_projection)
    last_year_ytd: Money | None  # the same months of the year before; None without data
    last_year_target: Money | None

    @property
    def ahead_by(self) -> Fraction | None:
        """Progress minus time elapsed: positive is ahead of pace, negative behind. As a
        fraction; ``percent(ahead_by, 1)`` is the figure in percentage points."""
        return None if self.progress is None else self.progress - self.time_elapsed

    @property
    def growth(self) -> Fraction | None:
        """Growth of year-to-date revenue on the same months of the year before."""
        if self.last_year_ytd is None:
            return None
        return growth(self.ytd.yuan, self.last_year_ytd.yuan)

    @property
    def projected_share_of_target(self) -> Fraction | None:
        return None if self.projection is None else ratio(self.projection, self.target)

    @property
    def has_data(self) -> bool:
        return self.months_reported > 0


def revenue_card(
    monthly: Iterable[tuple[YearMonth, Money]],
    target: Money | None,
    as_of: dt.date,
    *,
    last_year_target: Money | None = None,
) -> RevenueCard:
    """The revenue card for ``as_of``'s year over its complete months up to ``as_of``.

    ``monthly`` holds monthly (not cumulative) amounts of the scope, for any years; the same
    months of the year before give the growth. The monthly amount still needed spreads what is
    left of the target evenly over the months not yet elapsed (zero once the target is
    reached; None in December's figures, with no month left, or without a target)."""
    items = list(monthly)
    year = as_of.year
    elapsed = months_elapsed_in_year(as_of)
    this_year = year_to_date(items, year, elapsed)
    last_year = year_to_date(items, year - 1, elapsed)
    ytd = Money.total(list(this_year.values()))
    latest = max(this_year, default=0)
    remaining = 12 - elapsed
    needed: Money | None = None
    if target is not None and remaining > 0:
        needed = Money(max(0, _div_up(target.yuan - ytd.yuan, remaining)))
    return RevenueCard(
        year=year,
        target=target,
        ytd=ytd,
        months_elapsed=elapsed,
        months_reported=len(this_year),
        latest_month=latest,
        progress=ratio(ytd, target),
        time_elapsed=Fraction(elapsed, 12),
        remaining_months=remaining,
        monthly_needed=needed,
        projection=run_rate_projection(ytd, latest),
        last_year_ytd=Money.total(list(last_year.values())) if last_year else None,
        last_year_target=last_year_target,
    )


# ------------------------------------------------------------ chart data


@dataclass(frozen=True, slots=True)
class ParkLabel:
    """A park as a chart names it, in the order charts list parks."""

    park_id: int
    label: str


def revenue_progress_chart(
    context: chart_data.ChartContext,
    monthly: Iterable[tuple[YearMonth, Money]],
    target: Money | None,
) -> chart_data.RevenueProgress:
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
    pace = [] if target is None else [Money(_div_half_up(target.yuan * m, 12)) for m in range(13)]
    projection: list[tuple[int, Money]] = []
    share: float | None = None
    if months:
        latest, latest_value = months[-1], values[-1]
        projection = [
            (m, Money(_div_half_up(latest_value.yuan * m, latest))) for m in range(latest, 13)
        ]
        share = percent(ratio(latest_value, target), 1)
    return chart_data.RevenueProgress(
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
    context: chart_data.ChartContext, parks: list[ParkLabel], by_park: ParkStages
) -> chart_data.InvestmentByPark:
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
    return chart_data.InvestmentByPark(
        context=context,
        parks=[p.label for p in parks],
        planned=planned,
        completed=completed,
        completed_share=shares,
    )


PROJECT_ROWS = 10  # one park's investment chart: the largest projects, the rest as one row


def investment_by_project_chart(
    context: chart_data.ChartContext,
    projects: Iterable[tuple[str, Money, Money]],
    others_label: str,
    rows: int = PROJECT_ROWS,
) -> chart_data.InvestmentByPark:
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
    return chart_data.InvestmentByPark(
        context=context,
        parks=[name for name, _, _ in items],
        planned=[planned for _, planned, _ in items],
        completed=[done for _, _, done in items],
        completed_share=[percent(ratio(done, planned), 1) for _, planned, done in items],
    )


def pipeline_chart(
    context: chart_data.ChartContext, parks: list[ParkLabel], by_park: ParkStages
) -> chart_data.PipelineByPark:
    """Chart 3: per park, projects in each live stage on the as-of date (:data:`LIVE_STAGES`,
    terminated ones left out), as counts and as planned total investment."""
    counts: dict[Stage, list[int]] = {}
    amounts: dict[Stage, list[Money]] = {}
    for stage in LIVE_STAGES:
        figures = [by_park.get(p.park_id, {}).get(stage, StageFigures()) for p in parks]
        counts[stage] = [f.count for f in figures]
        amounts[stage] = [f.planned for f in figures]
    return chart_data.PipelineByPark(
        context=context,
        parks=[p.label for p in parks],
        stages=list(LIVE_STAGES),
        counts=counts,
        amounts=amounts,
    )


def funds_chart(
    context: chart_data.ChartContext,
    parks: list[ParkLabel],
    funds: Iterable[FundSnapshot],
    city_label: str | None,
) -> chart_data.FundsByPark:
    """Chart 4: fund scale, paid-in and invested summed per park (every park listed, in
    order), then city-wide funds (no park) as one more group when ``city_label`` is given
    and there are such funds."""
    by_park: dict[int | None, list[FundSnapshot]] = {}
    for snapshot in funds:
        by_park.setdefault(snapshot.park_id, []).append(snapshot)
    groups: list[tuple[str, FundTotals]] = [
        (p.label, fund_totals(by_park.get(p.park_id, []))) for p in parks
    ]
    if city_label is not None and by_park.get(None):
        groups.append((city_label, fund_totals(by_park[None])))
    return chart_data.FundsByPark(
        context=context,
        groups=[label for label, _ in groups],
        scale=[t.scale for _, t in groups],
        paid_in=[t.paid_in for _, t in groups],
        invested=[t.invested for _, t in groups],
    )


def funds_by_fund_chart(
    context: chart_data.ChartContext, funds: Iterable[FundSnapshot], names: dict[int, str]
) -> chart_data.FundsByPark:
    """Chart 4 for one park: each of its funds (largest scale first), instead of one group."""
    items = sorted(funds, key=lambda f: (-f.scale.yuan, names.get(f.fund_id, "")))
    return chart_data.FundsByPark(
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
    context: chart_data.ChartContext,
    totals: Iterable[tuple[YearMonth, Money]],
    months: int = TREND_MONTHS,
) -> chart_data.MonthlyInvestmentTrend:
    """Chart 5: completed investment per month over the ``months`` months ending with the
    as-of month (:func:`month_of_figures`), and in the same months a year earlier; a month
    without figures counts zero. ``totals`` holds per-month sums (several entries for one
    month are added)."""
    sums: dict[YearMonth, int] = {}
    for month, amount in totals:
        sums[month] = sums.get(month, 0) + amount.yuan
    last = month_of_figures(context.as_of)
    window = [] if last is None else [last.add(i - (months - 1)) for i in range(months)]
    return chart_data.MonthlyInvestmentTrend(
        context=context,
        months=window,
        amounts=[Money(sums.get(m, 0)) for m in window],
        year_earlier=[Money(sums.get(m.add(-12), 0)) for m in window],
    )


def display_amount(amount: Money, places: int = 1, unit: Unit = Unit.YI) -> Decimal:
    """An amount in ``unit`` rounded half up to ``places`` decimals, for a label or a card
    (``116.56436667`` 亿元 → ``116.6``). The exact amount stays in the data."""
    return amount.in_unit(unit).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
