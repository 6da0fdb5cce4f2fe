"""Month-to-month comparison (对比): what changed between two as-of dates, per project, per
park and per fund. Pure: the records come from services; the sums and counts are made here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth


@dataclass(frozen=True, slots=True)
class ProjectChange:
    """A project that moved, was added, ended or had investment completed in between."""

    project_id: int
    park_id: int
    park: str
    name: str
    before: Stage | None  # None: did not exist yet on the first date
    after: Stage | None
    invested: Money  # completed investment reported for the months in between

    @property
    def is_new(self) -> bool:
        return self.before is None and self.after is not None

    @property
    def terminated(self) -> bool:
        return self.after is Stage.TERMINATED and self.before is not Stage.TERMINATED

    @property
    def moved(self) -> bool:
        """Changed stage (a new project counts as new, not as moved)."""
        return self.before is not None and self.after is not None and self.before != self.after


@dataclass(frozen=True, slots=True)
class FundChange:
    fund_id: int
    name: str
    park_id: int | None
    paid_in_before: Money
    paid_in_after: Money
    invested_before: Money
    invested_after: Money

    @property
    def paid_in_change(self) -> Money:
        return Money(self.paid_in_after.yuan - self.paid_in_before.yuan)

    @property
    def invested_change(self) -> Money:
        return Money(self.invested_after.yuan - self.invested_before.yuan)


@dataclass(frozen=True, slots=True)
class ParkChange:
    park_id: int
    park: str
    new: int = 0
    terminated: int = 0
    moved: int = 0
    started: int = 0  # moved into construction
    in_production: int = 0  # moved into production
    invested: Money = field(default_factory=Money.zero)
    revenue: Money = field(default_factory=Money.zero)
    paid_in_change: Money = field(default_factory=Money.zero)
    fund_invested_change: Money = field(default_factory=Money.zero)


@dataclass(frozen=True, slots=True)
class Comparison:
    first: dt.date
    second: dt.date
    months: tuple[YearMonth, YearMonth] | None  # the months in between (first, last), if any
    parks: tuple[ParkChange, ...]
    projects: tuple[ProjectChange, ...]
    funds: tuple[FundChange, ...]

    @property
    def total(self) -> ParkChange:
        """All parks together (city-wide funds included)."""
        funds = list(self.funds)
        return ParkChange(
            0,
            "",
            new=sum(p.new for p in self.parks),
            terminated=sum(p.terminated for p in self.parks),
            moved=sum(p.moved for p in self.parks),
            started=sum(p.started for p in self.parks),
            in_production=sum(p.in_production for p in self.parks),
            invested=Money.total([p.invested for p in self.parks]),
            revenue=Money.total([p.revenue for p in self.parks]),
            paid_in_change=Money.total([f.paid_in_change for f in funds]),
            fund_invested_change=Money.total([f.invested_change for f in funds]),
        )


def months_between(first: dt.date, second: dt.date) -> tuple[YearMonth, YearMonth] | None:
    """The months after ``first``'s month up to ``second``'s month (None when there are none):
    2024-02-29 → 2024-03-31 is March alone."""
    start, end = YearMonth.of(first).add(1), YearMonth.of(second)
    return None if start.months_until(end) < 0 else (start, end)


def compare(
    first: dt.date,
    second: dt.date,
    *,
    parks: Sequence[tuple[int, str]],
    projects: Iterable[ProjectChange],
    revenue: dict[int, Money],
    funds: Iterable[FundChange],
) -> Comparison:
    """The comparison from its records: ``parks`` in their order (id, name), the projects
    with any change, each park's revenue in between, and every fund's figures on both dates."""
    changed = [p for p in projects if p.is_new or p.terminated or p.moved or p.invested.yuan]
    fund_list = list(funds)
    rows = []
    for park_id, name in parks:
        mine = [p for p in changed if p.park_id == park_id]
        own_funds = [f for f in fund_list if f.park_id == park_id]
        rows.append(
            ParkChange(
                park_id,
                name,
                new=sum(1 for p in mine if p.is_new),
                terminated=sum(1 for p in mine if p.terminated),
                moved=sum(1 for p in mine if p.moved),
                started=sum(1 for p in mine if p.moved and p.after is Stage.UNDER_CONSTRUCTION),
                in_production=sum(1 for p in mine if p.moved and p.after is Stage.IN_PRODUCTION),
                invested=Money.total([p.invested for p in mine]),
                revenue=revenue.get(park_id, Money.zero()),
                paid_in_change=Money.total([f.paid_in_change for f in own_funds]),
                fund_invested_change=Money.total([f.invested_change for f in own_funds]),
            )
        )
    return Comparison(
        first,
        second,
        months_between(first, second),
        tuple(rows),
        tuple(changed),
        tuple(f for f in fund_list if f.paid_in_change.yuan or f.invested_change.yuan),
    )
