"""The figures as of a date, from the rows storage sums per park (one query per rule, in
:mod:`parktracker.storage.as_of_figures`): projects per park and stage, funds, platforms,
enterprises and revenue, and their totals over a scope (all parks or one). Every headline
figure the summary, the dashboard cards, the charts, the parks page and the briefing show is
made here.

Outputs are exact (:class:`Money`, :class:`fractions.Fraction`). Nothing here rounds: rounding
happens only when a figure is displayed (:func:`percent`, :func:`display_amount`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.money import Money, Unit
from parktracker.domain.periods import (
    YearMonth,
    last_complete_month,
    months_elapsed_in_year,
    time_elapsed_fraction,
)


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


def fund_totals(snapshots: Iterable[FundSnapshot]) -> FundTotals:
    """The totals of single funds (one park's funds, listed one by one)."""
    items = list(snapshots)
    return FundTotals(
        count=len(items),
        scale=Money(sum(s.scale.yuan for s in items)),
        paid_in=Money(sum(s.paid_in.yuan for s in items)),
        invested=Money(sum(s.invested.yuan for s in items)),
    )


def provincial_or_above(counts: dict[PlatformLevel, int]) -> int:
    return sum(n for level, n in counts.items() if level.provincial_or_above)


# ------------------------------------------------------------ rows per park, as storage sums them


@dataclass(frozen=True, slots=True)
class FundGroup:
    """Funds of one park (None: city-wide) established by the as-of date, with the sums of
    their latest figures reported on or before it."""

    park_id: int | None
    count: int
    scale: Money
    paid_in: Money
    invested: Money


@dataclass(frozen=True, slots=True)
class PlatformGroup:
    """Platforms of one park at one level recognised by the as-of date."""

    park_id: int
    level: PlatformLevel
    count: int


@dataclass(frozen=True, slots=True)
class EnterpriseGroup:
    """Enterprises of one park that had joined by the as-of date, and how many carry each
    tag."""

    park_id: int
    count: int
    tags: dict[EnterpriseTag, int]


@dataclass(frozen=True, slots=True)
class RevenueGroup:
    """One park's revenue of one month (a monthly amount, not cumulative)."""

    park_id: int
    month: YearMonth
    amount: Money


def fund_totals_of(
    groups: Iterable[FundGroup], park_ids: Iterable[int | None] | None = None
) -> FundTotals:
    """Fund totals over the given parks (default: every fund, city-wide ones included)."""
    chosen = None if park_ids is None else set(park_ids)
    items = [g for g in groups if chosen is None or g.park_id in chosen]
    return FundTotals(
        count=sum(g.count for g in items),
        scale=Money(sum(g.scale.yuan for g in items)),
        paid_in=Money(sum(g.paid_in.yuan for g in items)),
        invested=Money(sum(g.invested.yuan for g in items)),
    )


def platforms_of(
    groups: Iterable[PlatformGroup], park_ids: Iterable[int | None] | None = None
) -> dict[PlatformLevel, int]:
    """Platforms per level over the given parks (default: all); every level present."""
    chosen = None if park_ids is None else set(park_ids)
    counts = dict.fromkeys(PlatformLevel, 0)
    for g in groups:
        if chosen is None or g.park_id in chosen:
            counts[g.level] += g.count
    return counts


def enterprises_of(
    groups: Iterable[EnterpriseGroup], park_ids: Iterable[int | None] | None = None
) -> tuple[int, dict[EnterpriseTag, int]]:
    """Enterprises over the given parks (default: all) and the count carrying each tag."""
    chosen = None if park_ids is None else set(park_ids)
    total = 0
    counts = dict.fromkeys(EnterpriseTag, 0)
    for g in groups:
        if chosen is None or g.park_id in chosen:
            total += g.count
            for tag, n in g.tags.items():
                counts[tag] += n
    return total, counts


def monthly_of(
    groups: Iterable[RevenueGroup], park_ids: Iterable[int | None] | None = None
) -> list[tuple[YearMonth, Money]]:
    """Monthly amounts summed over the given parks (default: all), one entry per month in
    month order."""
    chosen = None if park_ids is None else set(park_ids)
    sums: dict[YearMonth, int] = {}
    for g in groups:
        if chosen is None or g.park_id in chosen:
            sums[g.month] = sums.get(g.month, 0) + g.amount.yuan
    return [(m, Money(sums[m])) for m in sorted(sums)]


def revenue_progress(
    monthly: Iterable[tuple[YearMonth, Money]], target: Money | None, as_of: dt.date
) -> RevenueProgress:
    """Year-to-date revenue of ``as_of``'s year over its complete months up to ``as_of``
    (:func:`year_to_date`, the rule the revenue card follows too).

    ``monthly`` holds monthly (not cumulative) amounts, possibly for several parks and years.
    """
    months = year_to_date(monthly, as_of.year, months_elapsed_in_year(as_of))
    return RevenueProgress(
        year=as_of.year,
        target=target,
        ytd=Money(sum(m.yuan for m in months.values())),
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
    by_park: ParkStages, park_ids: Iterable[int | None] | None = None
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


def div_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero (denominator > 0)."""
    sign = -1 if numerator < 0 else 1
    return sign * ((abs(numerator) * 2 + denominator) // (denominator * 2))


def div_up(numerator: int, denominator: int) -> int:
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
    return Money(div_half_up(ytd.yuan * to_month, months))


def display_amount(amount: Money, places: int = 1, unit: Unit = Unit.YI) -> Decimal:
    """An amount in ``unit`` rounded half up to ``places`` decimals, for a label or a card
    (``116.56436667`` 亿元 → ``116.6``). The exact amount stays in the data."""
    return amount.in_unit(unit).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
