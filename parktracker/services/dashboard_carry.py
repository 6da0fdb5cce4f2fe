"""What one fetch of the dashboard worked out, kept for the next fetch where an edit since
cannot have changed it.

Each fetch reads the file on a connection of its own, so nothing the storage layer caches per
connection survives from one to the next: on 100,000 projects every edit cost 0.3-0.7 s of
queries (the default as-of date's investment counts, projects by stage now and a year ago,
enterprises...), most of them for figures the edit could not move. The rules:

- every input of the cards and charts reads records of some kinds only (:data:`READS`): an
  edit of other kinds leaves it as it was (a revenue figure moves no stage count);
- projects by park and stage, now and a year ago (:data:`BY_PARK`), and the investment counted
  for the reporting status (:class:`~parktracker.services.reporting.CountTally`) are sums over
  each park's own projects: an edit of projects, stages or investment changes only the sums of
  the parks it touched (:func:`touched_parks`), which are worked out again, park by park;
- an edit of the parks or of the workspace (the sample-data flag) keeps nothing.

The tests compare, edit by edit, what is carried over with a fetch from nothing.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from parktracker.domain import figures
from parktracker.domain.models import Park
from parktracker.services import as_of_figures
from parktracker.services.changes import Changes
from parktracker.services.dashboard_figures import DashboardInputs, Translate
from parktracker.services.reporting import CountTally
from parktracker.storage import as_of_figures as rules
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
}
# Inputs that are sums over each park's own projects, and what they read.
BY_PARK = ("current", "stages", "stages_year_ago")
BY_PARK_READS = frozenset({"projects", "stages", "investment"})
NOTHING_KEPT = ("parks", "workspace")


@dataclass(frozen=True)
class Carried:
    """What a fetch worked out: the inputs of ``as_of`` and the scope ``park_id``, and the
    investment counted (any date, any scope)."""

    as_of: dt.date
    park_id: int | None
    inputs: Mapping[str, Any] = field(default_factory=dict)
    tally: CountTally = field(default_factory=CountTally)


def carried_from(inputs: DashboardInputs) -> Carried:
    """What ``inputs`` fetched, to carry over to the next fetch."""
    fetched = vars(inputs)
    kept = {name: fetched[name] for name in (*READS, *BY_PARK) if name in fetched}
    return Carried(inputs.as_of, inputs.park_id, kept, inputs.tally or CountTally())


def touched_parks(db: Database, changes: Changes) -> frozenset[int] | None:
    """The parks whose projects' sums ``changes`` may have moved: the parks its rows named
    and the park each project whose rows it wrote is in now (a project that moved names both
    parks in its own row). None: any park (a change that does not say which records)."""
    if not changes.touches(*BY_PARK_READS):
        return frozenset()
    if not changes.project_ids and not changes.park_ids:
        return None
    return changes.park_ids | rules.parks_of_projects(db, changes.project_ids)


class Carry:
    """The start of a fetch on ``db``: what ``carried`` holds that ``changes`` (every change
    since it was fetched; None: unknown) cannot have moved."""

    def __init__(self, db: Database, carried: Carried | None, changes: Changes | None) -> None:
        self.db = db
        self.carried = carried
        self.changes = changes
        usable = carried is not None and changes is not None
        if not usable or changes is None or changes.touches(*NOTHING_KEPT):
            self.carried = None
            self.parks: frozenset[int] | None = None
            self.tally = CountTally()
            return
        self.parks = touched_parks(db, changes)
        assert carried is not None
        self.tally = carried.tally.after(self.parks)
        self._ahead: threading.Thread | None = None
        self._ahead_result: tuple[dict[str, Any] | None, BaseException | None] = (None, None)

    def _redo_by_park(self) -> bool:
        carried = self.carried
        return (
            carried is not None
            and bool(self.parks)
            and all(name in carried.inputs for name in BY_PARK)
        )

    def start_ahead(self, connect: Callable[[], Database]) -> None:
        """Work out the touched parks' projects by stage as of the carried date now, in a
        thread of its own on a connection from ``connect``, while the caller works out the
        date (both mostly wait for SQLite, which lets the other thread run): used by
        :meth:`inputs` when the date stays."""
        if not self._redo_by_park():
            return
        carried, parks = self.carried, self.parks
        assert carried is not None and parks is not None

        def work() -> None:
            try:
                db = connect()
                try:
                    found = _by_park(db, carried.as_of, carried.park_id, carried.inputs, parks)
                finally:
                    db.close()
                self._ahead_result = (found, None)
            except BaseException as exc:  # handed to the caller's thread
                self._ahead_result = (None, exc)

        self._ahead = threading.Thread(target=work, name="dashboard-by-park", daemon=True)
        self._ahead.start()

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
        if self._redo_by_park():
            kept.update(self._by_park_now(inputs))
        elif self.parks == frozenset() and all(name in carried.inputs for name in BY_PARK):
            kept.update((name, carried.inputs[name]) for name in BY_PARK)
        vars(inputs).update(kept)  # read by the cached properties as if fetched
        return inputs

    def _by_park_now(self, inputs: DashboardInputs) -> dict[str, Any]:
        assert self.carried is not None and self.parks is not None
        if self._ahead is not None:
            self._ahead.join()
            self._ahead = None
            found, error = self._ahead_result
            if error is not None:
                raise error
            assert found is not None
            return found
        return _by_park(inputs.db, inputs.as_of, inputs.park_id, self.carried.inputs, self.parks)


def _by_park(
    db: Database,
    as_of: dt.date,
    park_id: int | None,
    before: Mapping[str, Any],
    parks: Collection[int],
) -> dict[str, Any]:
    """Projects by park and stage as of ``as_of`` (scope ``park_id``) with the sums of
    ``parks`` worked out again (those of the scope: one park's inputs hold that park only)."""
    redo = sorted(p for p in parks if park_id is None or p == park_id)
    year_ago = figures.same_date_last_year(as_of)
    current = [g for g in before["current"] if g.park_id not in redo]
    stages = {p: v for p, v in before["stages"].items() if p not in redo}
    then = {p: v for p, v in before["stages_year_ago"].items() if p not in redo}
    for one in redo:
        now = rules.current_groups(db, park_id=one)
        current.extend(now)
        stages.update(as_of_figures.stages(db, as_of, park_id=one, completed=True, current=now))
        then.update(as_of_figures.stages(db, year_ago, park_id=one, current=now))
    # In park order, as stages_as_of gives them.
    return {
        "current": current,
        "stages": dict(sorted(stages.items())),
        "stages_year_ago": dict(sorted(then.items())),
    }


__all__ = ["BY_PARK", "READS", "Carried", "Carry", "carried_from", "touched_parks"]
