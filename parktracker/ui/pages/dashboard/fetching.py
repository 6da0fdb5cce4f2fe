"""What the dashboard page fetches, and which charts a change of which kind of record touches.

The page fetches the cards and the charts of one as-of date and scope through one
:class:`Fetcher`, so queries the cards and charts share (projects per park and stage) run once
per refresh.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parktracker.domain.models import Park
from parktracker.services import card_snapshot, dashboard_carry, dashboard_figures
from parktracker.services.changes import Changes
from parktracker.services.dashboard_contents import CHART_NAMES, Kpis
from parktracker.services.handles import Database
from parktracker.ui.text import qt_tr

# What each chart is made of (all parks). Parks and the workspace (the sample-data flag, names)
# touch every chart; platforms, enterprises, plans, problems, settings and briefings touch none.
_CHART_MEANINGS: dict[str, Callable[[Changes], bool]] = {
    "revenue-progress": lambda c: c.revenue or c.targets,
    "investment-by-park": lambda c: c.projects or c.stages or c.investment,
    "pipeline": lambda c: c.projects or c.stages,
    "funds": lambda c: c.funds,
    "monthly-investment": lambda c: c.investment,
}


def charts_touched(changes: Changes, *, one_park: bool) -> set[str]:
    """The charts whose data may have changed with ``changes``."""
    if changes.parks or changes.workspace:
        return set(CHART_NAMES)
    touched = {name for name, used in _CHART_MEANINGS.items() if used(changes)}
    if one_park and changes.projects:
        touched.add("monthly-investment")  # a project moved to or from the park
    return touched


def cards_touched(changes: Changes) -> bool:
    """Whether a card, or the warning counts beside the heading (which follow plans, problems
    and settings too), may show something else. Only an issued briefing shows on neither."""
    return bool(dataclasses.replace(changes, briefings=False))


class Fetcher:
    """The cards and charts of one as-of date and scope, each query run once (``inputs``:
    those already made, with what a fetch before carried over)."""

    def __init__(
        self,
        db: Database,
        as_of: dt.date,
        park: Park | None,
        inputs: dashboard_figures.DashboardInputs | None = None,
    ) -> None:
        self.db = db
        self.as_of = as_of
        self.park = park
        self._inputs = inputs or dashboard_figures.DashboardInputs(db, as_of, park, qt_tr)

    def kpis(self) -> Kpis:
        return self._inputs.kpis()

    def chart(self, name: str) -> dashboard_figures.ChartData:
        return self._inputs.chart(name)


@dataclass(frozen=True)
class Fetched:
    """What one background fetch brought: the as-of date it is for, the cards' figures (if
    asked) and charts' data, and what the next fetch may carry over."""

    as_of: dt.date
    kpis: Any = None
    charts: dict[str, Any] = field(default_factory=dict)
    carried: dashboard_carry.Carried | None = None
    stamp: int | None = None  # the data the cards were computed from (None: not known)


def fetch(
    db: Database,
    as_of: dt.date | None,
    park: Park | None,
    *,
    cards: bool,
    charts: Iterable[str],
    carried: dashboard_carry.Carried | None = None,
    changes: Changes | None = None,
) -> Fetched:
    """The cards' figures (if ``cards``) and the data of ``charts`` as of ``as_of`` (None: the
    default date, the end of the latest month every park has reported), on ``db``; with what
    ``carried`` holds that ``changes`` (every change since; None: unknown) cannot have moved
    (or moved by the edited projects' own shares)."""
    carry = dashboard_carry.Carry(db, carried, changes)
    day = dashboard_figures.default_as_of(db, tally=carry.tally) if as_of is None else as_of
    inputs = carry.inputs(day, park, qt_tr)
    fetcher = Fetcher(db, day, park, inputs)
    kpis = fetcher.kpis() if cards else None
    data = {name: fetcher.chart(name) for name in CHART_NAMES if name in charts}
    return Fetched(day, kpis, data, carry.carried_from(inputs))


def fetch_in_file(
    path: Path,
    as_of: dt.date | None,
    park: Park | None,
    *,
    cards: bool,
    charts: Iterable[str],
    carried: dashboard_carry.Carried | None = None,
    changes: Changes | None = None,
) -> Fetched:
    """:func:`fetch` on a read-only connection of its own (for a background thread: a
    connection is used only in the thread that made it)."""
    from parktracker.services.handles import open_reader

    db = open_reader(path)
    try:
        # Stamped only when computed from nothing: a carried fetch trusts that the session's
        # changes are every change, and a file written by another program meanwhile would
        # then keep figures of data it no longer holds.
        stamped = cards and carried is None
        before = card_snapshot.data_stamp(db) if stamped else None
        fetched = fetch(
            db,
            as_of,
            park,
            cards=cards,
            charts=set(charts),
            carried=carried,
            changes=changes,
        )
        if before is not None and card_snapshot.data_stamp(db) == before:
            fetched = dataclasses.replace(fetched, stamp=before)  # nothing written meanwhile
        return fetched
    finally:
        db.close()
