"""Pure aggregations behind the summary, KPI cards and charts.

Inputs are plain records (snapshots as of a date, made by storage); outputs are exact
(:class:`Money`, :class:`fractions.Fraction`). Nothing here rounds: rounding happens only when
a figure is displayed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth, last_complete_month, time_elapsed_fraction


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
