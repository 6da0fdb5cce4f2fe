"""What one fetch of the dashboard worked out, kept for the next fetch: as it was where an edit
since cannot have changed it, moved by the edited projects' own shares where it can.

Each fetch reads the file on a connection of its own, so nothing the storage layer caches per
connection survives from one to the next: on 100,000 projects every edit cost 0.3-0.7 s of
queries (the default as-of date's investment counts, projects by stage now and a year ago,
enterprises...), most of them for figures the edit could not move. The rules:

- every input of the cards and charts reads records of some kinds only (:data:`READS`): an
  edit of other kinds leaves it as it was (a revenue figure moves no stage count);
- projects by park and stage, now and a year ago (:data:`BY_PARK`), the completed investment
  per month of the trend chart, one park's projects under construction (its investment chart)
  and the investment counted for the reporting status
  (:class:`~parktracker.services.reporting.CountTally`) are sums of each project's share,
  and a project's share depends on its own rows only. After an edit of projects, stages or
  investment they are the sums before, minus the edited projects' shares before the edit,
  plus their shares now (:class:`Shares`): both worked out by the queries that sum all
  projects, on those projects' rows alone, read now and as the audit log says they were
  (:mod:`parktracker.storage.project_rows`). On 100,000 projects that took a stage edit's
  fetch from 60-80 ms (the parks touched counted again) to about 10 ms, and an investment
  figure's from about 210 ms (the trend's 720,000 figures summed again too) to about 10 ms;
- an edit of the parks or of the workspace (the sample-data flag) keeps nothing, and neither
  does an edit that does not say which projects it wrote or wrote very many (an import).

The tests compare, edit by edit, what is carried over with a fetch from nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from parktracker.domain import figures
from parktracker.domain.enums import Stage
from parktracker.domain.figures import ParkStages, ProjectGroup, StageFigures
from parktracker.domain.models import Park
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services import as_of_figures
from parktracker.services.changes import Changes
from parktracker.services.dashboard_figures import (
    Building,
    DashboardInputs,
    Translate,
    building_order,
    investment_totals,
    projects_building,
)
from parktracker.services.reporting import CountTally
from parktracker.storage import as_of_figures as rules
from parktracker.storage import project_rows
from parktracker.storage import reporting as counting
from parktracker.storage.database import Database

# Each carried input of DashboardInputs and the kinds of record it reads.
READS: Mapping[str, frozenset[str]] = {
    "sample_data": frozenset({"workspace"}),
    "parks": frozenset({"parks"}),
    "context": frozenset({"parks", "workspace"}),
    "funds": frozenset({"funds"}),
    "funds_year_ago": frozenset({"funds"}),
    "platforms_now": frozenset({"platforms"}),
    "platforms_year_ago": frozenset({"platforms"}),
    "enterprises_now": frozenset({"enterprises"}),
    "enterprises_year_ago": frozenset({"enterprises"}),
    "revenue": frozenset({"revenue"}),
    "monthly_totals": frozenset({"investment", "projects"}),
    "building": frozenset({"investment", "projects", "stages"}),
}
# Inputs that are sums of each project's share, and what they read.
BY_PARK = ("current", "stages", "stages_year_ago")
BY_PARK_READS = frozenset({"projects", "stages", "investment"})
NOTHING_KEPT = ("parks", "workspace")
# More audited writes to projects' rows than this since the last fetch (an import, a grid of
# figures): the sums are worked out from nothing instead. Moving them costs about 0.3 ms a
# written row (the projects' rows are read and summed twice), so this is about where it stops
# being quicker on 100,000 projects (1,000 figures of as many projects: 330 ms against 340).
MOST_WRITES = 1_000

Counts = counting.Counts


@dataclass(frozen=True)
class Carried:
    """What a fetch worked out: the inputs of ``as_of`` and the scope ``park_id``, the
    investment counted (any date, any scope), and the point in the audit log it saw
    (``mark``; None: not known, nothing is moved by shares)."""

    as_of: dt.date
    park_id: int | None
    inputs: Mapping[str, Any] = field(default_factory=dict)
    tally: CountTally = field(default_factory=CountTally)
    mark: int | None = None


def carried_from(inputs: DashboardInputs, mark: int | None = None) -> Carried:
    """What ``inputs`` fetched (having seen the audit log up to ``mark``), to carry over to
    the next fetch."""
    fetched = vars(inputs)
    kept = {name: fetched[name] for name in (*READS, *BY_PARK) if name in fetched}
    return Carried(inputs.as_of, inputs.park_id, kept, inputs.tally or CountTally(), mark)


@dataclass(frozen=True)
class Share:
    """Some projects' share of the sums carried: the investment counts of some months, and
    (for one date and scope) projects by park and stage now, on the date and a year before,
    and completed investment per month of the trend."""

    counts: Mapping[YearMonth, Counts]
    current: list[ProjectGroup] | None = None
    stages: ParkStages | None = None
    stages_year_ago: ParkStages | None = None
    monthly: list[tuple[YearMonth, Money]] | None = None
    building: list[Building] | None = None


def share_of(
    db: Database,
    months: Collection[YearMonth],
    as_of: dt.date,
    park_id: int | None,
    *,
    by_park: bool,
    monthly: bool,
    building: bool = False,
) -> Share:
    """The share of the projects ``db`` holds (all of them), summed as a fetch sums them: the
    counts of ``months``, and for ``as_of`` and the scope ``park_id`` the projects by stage
    (``by_park``), the trend's monthly totals (``monthly``) and (one park) its projects under
    construction (``building``)."""
    counts = counting.investment_counts(db, months) if months else {}
    totals = investment_totals(db, as_of, park_id) if monthly else None
    bars = None
    if building and park_id is not None:
        bars = projects_building(db, as_of, park_id)
    if not by_park:
        return Share(counts, monthly=totals, building=bars)
    current = rules.current_groups(db, park_id=park_id)
    year_ago = figures.same_date_last_year(as_of)
    return Share(
        counts,
        current,
        as_of_figures.stages(db, as_of, park_id=park_id, completed=True, current=current),
        as_of_figures.stages(db, year_ago, park_id=park_id, current=current),
        totals,
        bars,
    )


@dataclass(frozen=True)
class Shares:
    """The edited projects' share before the edits (``before``) and now (``now``)."""

    before: Share
    now: Share


def shares_since(
    db: Database,
    carried: Carried,
    changes: Changes,
    *,
    by_park: bool,
    monthly: bool,
    building: bool = False,
) -> Shares | None:
    """The share of the projects written since ``carried`` was fetched (those ``changes``
    names, and those the audit log names after ``carried.mark``), before and now, for the
    months ``carried`` counted and, for its date and scope, what ``by_park``, ``monthly`` and
    ``building`` ask for (see :func:`share_of`). None: not known (no mark, a change that does
    not say which projects, or too many writes)."""
    if carried.mark is None or not changes.project_ids:
        return None  # a change that does not say which projects it wrote
    written = project_rows.since(db, carried.mark, limit=MOST_WRITES)
    if written is None:
        return None
    ids = set(changes.project_ids)
    for change in written:
        ids |= change.projects()
    now = project_rows.rows_now(db, ids)
    before = project_rows.rows_before(now, written, ids)
    months = list(carried.tally.counted)
    shares = []
    for rows in (before, now):
        with project_rows.apart(db, rows) as alone:
            share = share_of(
                alone,
                months,
                carried.as_of,
                carried.park_id,
                by_park=by_park,
                monthly=monthly,
                building=building,
            )
            shares.append(share)
    return Shares(*shares)


class Carry:
    """The start of a fetch on ``db``: what ``carried`` holds that ``changes`` (every change
    since it was fetched; None: unknown) cannot have moved, and what it moved by a known share."""

    def __init__(self, db: Database, carried: Carried | None, changes: Changes | None) -> None:
        self.db = db
        self.mark = project_rows.mark(db)  # before any figure is read: for the next fetch
        self.carried = carried
        self.changes = changes
        self.moved: dict[str, Any] = {}  # inputs carried over, moved by the shares
        self.tally = CountTally()
        if carried is None or changes is None or changes.touches(*NOTHING_KEPT):
            self.carried = None
            return
        has_by_park = all(name in carried.inputs for name in BY_PARK)
        if not changes.touches(*BY_PARK_READS):
            self.tally = CountTally(dict(carried.tally.counted))
            if has_by_park:
                self.moved = {name: carried.inputs[name] for name in BY_PARK}
            return
        old_totals = carried.inputs.get("monthly_totals")
        old_building = carried.inputs.get("building")
        shares = shares_since(
            db,
            carried,
            changes,
            by_park=has_by_park,
            monthly=old_totals is not None,
            building=old_building is not None,
        )
        if shares is None:
            return
        before, now = shares.before.counts, shares.now.counts
        self.tally = CountTally(
            {
                month: _moved_counts(counts, before.get(month, []), now.get(month, []))
                for month, counts in carried.tally.counted.items()
            }
        )
        if has_by_park:
            self.moved.update(_moved_by_park(carried.inputs, shares))
        if old_totals is not None:
            assert shares.before.monthly is not None and shares.now.monthly is not None
            totals = _moved_totals(old_totals, shares.before.monthly, shares.now.monthly)
            if totals is not None:
                self.moved["monthly_totals"] = totals
        if old_building is not None:
            assert shares.before.building is not None and shares.now.building is not None
            bars = _moved_building(old_building, shares.before.building, shares.now.building)
            if bars is not None:
                self.moved["building"] = bars

    def inputs(self, as_of: dt.date, park: Park | None, tr: Translate) -> DashboardInputs:
        """The inputs of ``as_of`` and ``park``, those carried over filled in."""
        inputs = DashboardInputs(self.db, as_of, park, tr, tally=self.tally)
        carried, changes = self.carried, self.changes
        if carried is None or changes is None:
            return inputs
        if (carried.as_of, carried.park_id) != (as_of, inputs.park_id):
            return inputs
        kept = {
            name: value
            for name, value in carried.inputs.items()
            if name in READS and not changes.touches(*READS[name])
        }
        kept.update(self.moved)
        vars(inputs).update(kept)  # read by the cached properties as if fetched
        return inputs

    def carried_from(self, inputs: DashboardInputs) -> Carried:
        """What ``inputs`` fetched, to carry over to the next fetch."""
        return carried_from(inputs, self.mark)


def _moved_counts(counts: Counts, before: Counts, now: Counts) -> Counts:
    """``counts`` (park, due, reported) with a share taken out (``before``) and another put in
    (``now``): parks with projects due only, in id order, as counted from nothing."""
    totals = {park: (due, reported) for park, due, reported in counts}
    for rows, sign in ((before, -1), (now, 1)):
        for park, due, reported in rows:
            was = totals.get(park, (0, 0))
            totals[park] = (was[0] + sign * due, was[1] + sign * reported)
    return [(park, due, reported) for park, (due, reported) in sorted(totals.items()) if due]


def _moved_totals(
    totals: list[tuple[YearMonth, Money]],
    before: list[tuple[YearMonth, Money]],
    now: list[tuple[YearMonth, Money]],
) -> list[tuple[YearMonth, Money]] | None:
    """Completed investment per month (months with figures only, in order) with a share taken
    out and another put in. None when a month loses the share's figures: whether other
    projects have figures that month (zero is a figure) is not known."""
    old, out, into = dict(totals), dict(before), dict(now)
    if any(month not in into for month in out):
        return None
    zero = Money.zero()
    return [
        (month, old.get(month, zero) - out.get(month, zero) + into.get(month, zero))
        for month in sorted(old.keys() | into.keys())
    ]


def _moved_building(
    projects: list[Building], before: list[Building], now: list[Building]
) -> list[Building] | None:
    """One park's projects under construction with some taken out and some put in, in
    :func:`~parktracker.services.dashboard_figures.building_order`. None when one to take out
    is not there (not expected: the list is then fetched again)."""
    kept = Counter(projects)
    kept.subtract(before)
    if any(n < 0 for n in kept.values()):
        return None
    kept.update(now)
    return sorted(kept.elements(), key=building_order)


def _moved_by_park(inputs: Mapping[str, Any], shares: Shares) -> dict[str, Any]:
    before, now = shares.before, shares.now
    assert before.current is not None and now.current is not None
    current = _moved_groups(inputs["current"], before.current, now.current)
    parks = {g.park_id for g in current}  # every park with projects, as stages_as_of gives
    result: dict[str, Any] = {"current": current}
    for name in ("stages", "stages_year_ago"):
        old, out, into = inputs[name], getattr(before, name), getattr(now, name)
        result[name] = {
            park: {
                stage: _moved_figures(
                    old.get(park, {}).get(stage),
                    out.get(park, {}).get(stage),
                    into.get(park, {}).get(stage),
                )
                for stage in Stage
            }
            for park in sorted(parks)
        }
    return result


def _moved_groups(
    groups: Iterable[ProjectGroup], before: Iterable[ProjectGroup], now: Iterable[ProjectGroup]
) -> list[ProjectGroup]:
    """Projects per park and current stage with a share taken out and another put in (the
    groups with projects only, as storage gives them)."""
    totals: dict[tuple[int, Stage], tuple[int, int, int]] = {}
    for rows, sign in ((groups, 1), (before, -1), (now, 1)):
        for g in rows:
            was = totals.get((g.park_id, g.stage), (0, 0, 0))
            totals[(g.park_id, g.stage)] = (
                was[0] + sign * g.count,
                was[1] + sign * g.planned.yuan,
                was[2] + sign * g.completed.yuan,
            )
    return [
        ProjectGroup(park, stage, n, Money(planned), Money(completed))
        for (park, stage), (n, planned, completed) in totals.items()
        if n
    ]


def _moved_figures(
    figures_: StageFigures | None, out: StageFigures | None, into: StageFigures | None
) -> StageFigures:
    """``figures_`` less ``out`` plus ``into`` (None: zero)."""
    total = [0, 0, 0]
    for part, sign in ((figures_, 1), (out, -1), (into, 1)):
        if part is not None:
            total[0] += sign * part.count
            total[1] += sign * part.planned.yuan
            total[2] += sign * part.completed.yuan
    return StageFigures(total[0], Money(total[1]), Money(total[2]))


__all__ = [
    "BY_PARK",
    "READS",
    "Carried",
    "Carry",
    "Share",
    "Shares",
    "carried_from",
    "share_of",
    "shares_since",
]
