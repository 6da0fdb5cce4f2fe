"""The dashboard's five KPI cards: each figure as of a date beside the same date a year
earlier (made from :mod:`parktracker.domain.figures`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.figures import (
    FundTotals,
    StageTotals,
    div_up,
    provincial_or_above,
    ratio,
    run_rate_projection,
    year_to_date,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth, months_elapsed_in_year

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
        needed = Money(max(0, div_up(target.yuan - ytd.yuan, remaining)))
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
