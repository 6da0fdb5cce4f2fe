"""Reporting status (报送情况) and the default "as of" date that follows from it.

The one rule for the default as-of date lives here (:func:`default_as_of`): the end of the
latest month that every park has reported, for revenue and for investment (see
:mod:`parktracker.domain.reporting` for what each park owes). The dashboard, ``summary``,
``chart``, the parks pages and the briefing all call it.

When none of the last :data:`LOOK_BACK_MONTHS` months with data is complete, the default is the
end of the latest month with data, and every figure built on it is marked provisional (going
further back would hide a year of figures behind one park that never reports investment).
With no data at all, it is today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from parktracker.domain.figures import month_of_figures
from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import (
    Measure,
    MonthCount,
    Provisional,
    ReportingStatus,
    figure_months,
    latest_complete_month,
    months_between,
    provisional,
    reporting_status,
)
from parktracker.storage import reporting as storage
from parktracker.storage.database import Database
from parktracker.storage.reporting import CountTally

Translate = Callable[..., str]

LOOK_BACK_MONTHS = 3  # the latest month with data and the two before it


def status(
    db: Database,
    *,
    first: YearMonth,
    last: YearMonth,
    investment_months: Collection[YearMonth] | None = None,
    tally: CountTally | None = None,
) -> ReportingStatus:
    """Each park's status, per month from ``first`` to ``last`` and measure (investment for
    ``investment_months`` only, when given; counted with ``tally``, see
    :class:`~parktracker.storage.reporting.CountTally`)."""
    facts = storage.reporting_facts(
        db, first, last, investment_months=investment_months, tally=tally
    )
    return reporting_status(facts)


def _latest_complete(
    db: Database, latest: YearMonth, tally: CountTally | None = None
) -> YearMonth | None:
    """The latest of the last :data:`LOOK_BACK_MONTHS` months every park has reported, looked
    at one month at a time from the latest (usually the first or second is).

    The latest month is always counted (the as-of report needs it either way). An earlier one
    is passed over without counting when some project that owes it is quickly found without
    its figure: such a park has not (or only partly) reported, which holds the month back
    whatever else the counts hold (unless the month comes before the first investment figure,
    when nothing is due: then it is counted)."""
    since = storage.investment_since(db)
    for back in range(LOOK_BACK_MONTHS):
        month = latest.add(-back)
        ruled_out = (
            back > 0
            and since is not None
            and month >= since
            and storage.investment_surely_missing(db, month)
        )
        if ruled_out:
            continue
        if latest_complete_month(status(db, first=month, last=month, tally=tally)) == month:
            return month
    return None


# The default as-of date of each open database, with the data state it was worked out for: the
# dashboard, the summary and the charts ask for it again and again between two changes.
_DEFAULTS: WeakKeyDictionary[Database, tuple[tuple[int, int], YearMonth]] = WeakKeyDictionary()


def default_as_of(
    db: Database, *, today: dt.date | None = None, tally: CountTally | None = None
) -> dt.date:
    """The end of the latest month every park has reported (see the module's doc). With
    ``tally``, investment counted before is taken from it (the dashboard's fetches)."""
    state = storage.data_state(db)
    known = _DEFAULTS.get(db)
    if known is not None and known[0] == state:
        return known[1].last_day
    latest = storage.latest_data_month(db)
    if latest is None:
        return today or dt.date.today()
    month = _latest_complete(db, latest, tally) or latest
    _DEFAULTS[db] = (state, month)
    return month.last_day


def latest_data_day(db: Database, *, today: dt.date | None = None) -> dt.date:
    """The end of the latest month with any figure (today, with none): where
    :func:`default_as_of` starts looking, at the cost of two index look-ups (a first date to
    show while it is worked out)."""
    latest = storage.latest_data_month(db)
    return (today or dt.date.today()) if latest is None else latest.last_day


def year_status(
    db: Database, *, year: int, investment_of: ReportingStatus | None = None
) -> ReportingStatus | None:
    """The status of ``year``'s months up to the latest month with any figure (None: no month
    of the year has come yet). With ``investment_of`` (the same year's status before a change
    that touched revenue only), its investment is reused instead of counted again."""
    latest = storage.latest_data_month(db)
    if latest is None or latest.year < year:
        return None
    last = YearMonth(year, 12) if latest.year > year else latest
    first = YearMonth(year, 1)
    if investment_of is not None and investment_of.months == months_between(first, last):
        fresh = status(db, first=first, last=last, investment_months=())
        return fresh.with_investment_of(investment_of)
    return status(db, first=first, last=last)


@dataclass(frozen=True)
class AsOfReport:
    """What the reporting status says about the figures as of one date, for all parks or one.

    ``pending``: each month after the month of figures up to the latest month with data, per
    measure, over the scope (the dashboard's "4月：1/8个园区已报送，显示截至3月底").
    ``revenue`` / ``investment``: why the figures of that measure are provisional (None: they
    are not), over the months they are built on."""

    as_of: dt.date
    default_as_of: dt.date
    month: YearMonth | None  # the month of figures
    pending: tuple[MonthCount, ...]
    revenue: Provisional | None
    investment: Provisional | None

    @property
    def is_provisional(self) -> bool:
        return self.revenue is not None or self.investment is not None

    def provisional(self, measure: Measure) -> Provisional | None:
        return self.revenue if measure is Measure.REVENUE else self.investment


def as_of_report(
    db: Database, *, as_of: dt.date, park_id: int | None = None, tally: CountTally | None = None
) -> AsOfReport:
    """Revenue is checked over every month of the year the figures are built on; investment
    over the month of figures when it is the default month or later (one query a month on
    100,000 projects). ``pending``: up to :data:`LOOK_BACK_MONTHS` months after the month of
    figures, when it is the default month or later."""
    default = default_as_of(db, tally=tally)
    month = month_of_figures(as_of)
    latest = storage.latest_data_month(db)
    built_on = figure_months(month)
    if latest is None or month is None or not built_on:
        return AsOfReport(as_of, default, month, (), None, None)
    # The months still owed after the month shown (when it is the default or later: before
    # it, later months are no reason to doubt the figures shown).
    ahead = min(month.months_until(latest), LOOK_BACK_MONTHS)
    shown_late = month >= YearMonth.of(default)
    later = [month.add(i) for i in range(1, ahead + 1)] if shown_late else []

    months = built_on + later
    # Investment is counted for the month shown when it is the default month or later (before
    # it, the default month's completeness stands for it: on 100,000 projects a month far back
    # costs seconds, as nearly every project changed stage since).
    checked = {month, *later} if shown_late else set()
    result = status(db, first=months[0], last=months[-1], investment_months=checked, tally=tally)
    if park_id is not None:
        result = result.only(park_id)
    pending = tuple(result.count(m, measure) for m in later for measure in Measure)
    return AsOfReport(
        as_of=as_of,
        default_as_of=default,
        month=month,
        pending=pending,
        revenue=provisional(result, built_on, Measure.REVENUE),
        investment=provisional(result, [month], Measure.INVESTMENT) if shown_late else None,
    )


def _count_json(count: MonthCount) -> dict[str, Any]:
    return {
        "month": str(count.month),
        "measure": count.measure.value,
        "reported": count.reported,
        "due": count.due,
        "missing": list(count.missing),
    }


def _provisional_json(gap: Provisional | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {
        "missing_parks": list(gap.missing_parks),
        "months": [_count_json(c) for c in gap.gaps],
    }


def reporting_json(report: AsOfReport) -> dict[str, Any]:
    """The ``reporting`` object of ``summary --json``: the default as-of date, the month of
    figures, whether figures are provisional and why, and the later months still owed."""
    return {
        "default_as_of": report.default_as_of.isoformat(),
        "month_of_figures": None if report.month is None else str(report.month),
        "provisional": report.is_provisional,
        "revenue": _provisional_json(report.revenue),
        "investment": _provisional_json(report.investment),
        "later_months": [_count_json(c) for c in report.pending],
    }


__all__ = [
    "LOOK_BACK_MONTHS",
    "AsOfReport",
    "CountTally",
    "as_of_report",
    "default_as_of",
    "reporting_json",
    "status",
]
