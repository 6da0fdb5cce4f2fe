"""Reporting status (报送情况): which parks have reported which months, and what follows.

The parks report revenue (one figure per park and month) and completed investment (one figure
per project under construction and month). A month counts only when every park has reported it:
the default "as of" date is the end of the latest such month, and a figure built on a month some
park has not reported is provisional (暂定), naming the parks that are missing.

Rules, per park, month and measure:

- **Revenue** is due from every park for every month from the first month with any revenue
  figure in the database, except months that end before the park was listed (挂牌).
  Reported when the park's figure for the month is stored, else not reported.
- **Investment** is due for each project under construction throughout the month (its stage on
  the month's first and last days, from the stage history), from the first month with any
  investment figure in the database. A project that starts or finishes construction within a
  month may report it, but does not hold it back: marking a project as started on 31 March does
  not send the dashboard back to February. A park with no such project has nothing to report.
  Reported when all its due projects have a figure for the month, partly reported when some
  have, not reported when none has.

A park with nothing to report for a measure never holds a month back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.periods import YearMonth


class Measure(Enum):
    REVENUE = "revenue"
    INVESTMENT = "investment"

    @property
    def text(self) -> Text:
        return _MEASURE_TEXT[self]


_MEASURE_TEXT = {
    Measure.REVENUE: QT_TRANSLATE_NOOP("Reporting", "revenue"),
    Measure.INVESTMENT: QT_TRANSLATE_NOOP("Reporting", "investment"),
}


# Between park names in a list: "人工智能、虚拟现实" / "AI, VR".
T_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Reporting", ", ")


def park_list(names: Sequence[str], tr: Callable[[Text], str]) -> str:
    return str(tr(T_LIST_SEPARATOR)).join(names)


class ReportStatus(Enum):
    REPORTED = "reported"  # 已报送
    PARTLY = "partly"  # 部分报送
    NOT_REPORTED = "not_reported"  # 未报送
    NOTHING_DUE = "nothing_due"  # 无需报送

    @property
    def text(self) -> Text:
        return _STATUS_TEXT[self]

    @property
    def holds_back(self) -> bool:
        """True when this status keeps the month from counting."""
        return self in (ReportStatus.PARTLY, ReportStatus.NOT_REPORTED)


_STATUS_TEXT = {
    ReportStatus.REPORTED: QT_TRANSLATE_NOOP("Reporting", "Reported"),
    ReportStatus.PARTLY: QT_TRANSLATE_NOOP("Reporting", "Partly reported"),
    ReportStatus.NOT_REPORTED: QT_TRANSLATE_NOOP("Reporting", "Not reported"),
    ReportStatus.NOTHING_DUE: QT_TRANSLATE_NOOP("Reporting", "Nothing to report"),
}


@dataclass(frozen=True, slots=True)
class ReportingPark:
    park_id: int
    name: str  # the short name, as the dashboard names parks
    listed_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ParkMonthFacts:
    """What storage counted for one park and month."""

    park_id: int
    month: YearMonth
    revenue_reported: bool = False
    projects_due: int = 0  # projects under construction throughout the month
    projects_reported: int = 0  # of those, how many have a figure for the month


@dataclass(frozen=True)
class ReportingFacts:
    """Everything the rules need for the months ``first`` to ``last``."""

    parks: list[ReportingPark]
    first: YearMonth
    last: YearMonth
    facts: list[ParkMonthFacts]
    revenue_since: YearMonth | None  # the first month with any revenue figure
    investment_since: YearMonth | None  # the first month with any investment figure
    # The months whose investment was counted (None: all); the others' investment is unknown
    # and left out of the status (a caller asks only about the months it had counted).
    investment_months: frozenset[YearMonth] | None = None


def revenue_status(
    *, reported: bool, month: YearMonth, since: YearMonth | None, listed: dt.date | None
) -> ReportStatus:
    if reported:
        return ReportStatus.REPORTED
    if since is None or month < since or (listed is not None and month.last_day < listed):
        return ReportStatus.NOTHING_DUE
    return ReportStatus.NOT_REPORTED


def investment_status(
    *, due: int, reported: int, month: YearMonth, since: YearMonth | None
) -> ReportStatus:
    if due <= 0 or since is None or month < since:
        return ReportStatus.NOTHING_DUE
    if reported >= due:
        return ReportStatus.REPORTED
    return ReportStatus.PARTLY if reported > 0 else ReportStatus.NOT_REPORTED


@dataclass(frozen=True, slots=True)
class MonthCount:
    """One month and measure over all parks: how many reported of how many owe it, and which
    parks are missing (not or partly reported), in park order."""

    month: YearMonth
    measure: Measure
    reported: int
    due: int
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ReportingStatus:
    """The status of each park, month and measure over a range of months."""

    parks: list[ReportingPark]
    months: list[YearMonth]
    cells: dict[tuple[int, YearMonth, Measure], ReportStatus] = field(default_factory=dict)
    since: YearMonth | None = None  # the first month with any figure (None: no figures)

    def status(self, park_id: int, month: YearMonth, measure: Measure) -> ReportStatus:
        return self.cells.get((park_id, month, measure), ReportStatus.NOTHING_DUE)

    def count(self, month: YearMonth, measure: Measure) -> MonthCount:
        statuses = [(p, self.status(p.park_id, month, measure)) for p in self.parks]
        due = [(p, s) for p, s in statuses if s is not ReportStatus.NOTHING_DUE]
        return MonthCount(
            month=month,
            measure=measure,
            reported=sum(1 for _, s in due if s is ReportStatus.REPORTED),
            due=len(due),
            missing=tuple(p.name for p, s in due if s.holds_back),
        )

    def with_investment_of(self, other: ReportingStatus) -> ReportingStatus:
        """This status, with the investment cells of ``other`` for months this one did not
        count (a revenue edit does not change what was reported of investment)."""
        counted = {(k[0], k[1]) for k in self.cells if k[2] is Measure.INVESTMENT}
        cells = dict(self.cells)
        for key, value in other.cells.items():
            if key[2] is Measure.INVESTMENT and (key[0], key[1]) not in counted:
                cells[key] = value
        return ReportingStatus(self.parks, self.months, cells, self.since)

    def only(self, park_id: int) -> ReportingStatus:
        """The same status for one park."""
        return ReportingStatus(
            parks=[p for p in self.parks if p.park_id == park_id],
            months=self.months,
            cells={k: v for k, v in self.cells.items() if k[0] == park_id},
            since=self.since,
        )

    def complete(self, month: YearMonth) -> bool:
        """Every park has reported ``month`` for every measure it owes."""
        return all(self.count(month, m).complete for m in Measure)


class CellStatus(Enum):
    """One park and month over both measures, as the reporting grid shows it."""

    REPORTED = "reported"  # everything due is in
    REVENUE_MISSING = "revenue_missing"
    INVESTMENT_MISSING = "investment_missing"  # not or only partly reported
    NOT_REPORTED = "not_reported"  # neither is in
    NOTHING_DUE = "nothing_due"

    @property
    def text(self) -> Text:
        return _CELL_TEXT[self]


_CELL_TEXT = {
    CellStatus.REPORTED: QT_TRANSLATE_NOOP("Reporting", "Reported"),
    # Short: twelve months share the page's width (the tooltip says it in full).
    CellStatus.REVENUE_MISSING: QT_TRANSLATE_NOOP("Reporting", "No revenue"),
    CellStatus.INVESTMENT_MISSING: QT_TRANSLATE_NOOP("Reporting", "No invest."),
    CellStatus.NOT_REPORTED: QT_TRANSLATE_NOOP("Reporting", "Missing"),
    CellStatus.NOTHING_DUE: QT_TRANSLATE_NOOP("Reporting", "Not due"),
}


def cell_status(status: ReportingStatus, park_id: int, month: YearMonth) -> CellStatus:
    revenue = status.status(park_id, month, Measure.REVENUE)
    investment = status.status(park_id, month, Measure.INVESTMENT)
    if revenue.holds_back and investment.holds_back:
        return CellStatus.NOT_REPORTED
    if revenue.holds_back:
        return CellStatus.REVENUE_MISSING
    if investment.holds_back:
        return CellStatus.INVESTMENT_MISSING
    if ReportStatus.REPORTED in (revenue, investment):
        return CellStatus.REPORTED
    return CellStatus.NOTHING_DUE


def reporting_status(facts: ReportingFacts) -> ReportingStatus:
    by_key = {(f.park_id, f.month): f for f in facts.facts}
    months = months_between(facts.first, facts.last)
    cells: dict[tuple[int, YearMonth, Measure], ReportStatus] = {}
    for park in facts.parks:
        for month in months:
            f = by_key.get((park.park_id, month), ParkMonthFacts(park.park_id, month))
            cells[park.park_id, month, Measure.REVENUE] = revenue_status(
                reported=f.revenue_reported,
                month=month,
                since=facts.revenue_since,
                listed=park.listed_date,
            )
            if facts.investment_months is not None and month not in facts.investment_months:
                continue
            cells[park.park_id, month, Measure.INVESTMENT] = investment_status(
                due=f.projects_due,
                reported=f.projects_reported,
                month=month,
                since=facts.investment_since,
            )
    known = [m for m in (facts.revenue_since, facts.investment_since) if m is not None]
    return ReportingStatus(
        parks=list(facts.parks), months=months, cells=cells, since=min(known, default=None)
    )


def months_between(first: YearMonth, last: YearMonth) -> list[YearMonth]:
    return [first.add(i) for i in range(first.months_until(last) + 1)]


def latest_complete_month(status: ReportingStatus) -> YearMonth | None:
    """The latest month of ``status`` that every park has reported (None: none has). Months
    before the first figure of any kind are not reported, whatever was due."""
    for month in reversed(status.months):
        if status.since is not None and month >= status.since and status.complete(month):
            return month
    return None


@dataclass(frozen=True)
class Provisional:
    """Why the figures of one measure are provisional: the incomplete months they are built on
    (months of the as-of year up to the month of figures), each with the missing parks."""

    measure: Measure
    gaps: tuple[MonthCount, ...]

    @property
    def missing_parks(self) -> tuple[str, ...]:
        """Every park missing any of the months, once, in park order of first appearance."""
        seen: dict[str, None] = {}
        for gap in self.gaps:
            for name in gap.missing:
                seen.setdefault(name, None)
        return tuple(seen)


def provisional(
    status: ReportingStatus, months: Iterable[YearMonth], measure: Measure
) -> Provisional | None:
    """None when every month of ``months`` is complete for ``measure``."""
    gaps = tuple(c for c in (status.count(m, measure) for m in months) if not c.complete)
    return Provisional(measure, gaps) if gaps else None


def figure_months(month_of_figures: YearMonth | None) -> list[YearMonth]:
    """The months a figure as of a date is built on: the as-of year's months up to the month of
    figures (year-to-date revenue, this year's completed investment)."""
    if month_of_figures is None:
        return []
    return months_between(YearMonth(month_of_figures.year, 1), month_of_figures)


__all__ = [
    "CellStatus",
    "Measure",
    "MonthCount",
    "ParkMonthFacts",
    "Provisional",
    "ReportStatus",
    "ReportingFacts",
    "ReportingPark",
    "ReportingStatus",
    "cell_status",
    "figure_months",
    "investment_status",
    "latest_complete_month",
    "months_between",
    "park_list",
    "provisional",
    "reporting_status",
    "revenue_status",
]
