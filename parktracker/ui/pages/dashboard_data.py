"""What the dashboard page fetches, and which charts a change of which tables touches.

The page fetches the cards and the charts of one as-of date and scope through one
:class:`Fetcher`, so queries the cards and charts share (projects per park and stage) run once
per refresh. It uses services.dashboard's shared inputs when that module offers them, and its
public ``kpis`` / ``chart_data`` otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parktracker.domain.models import Park
from parktracker.services import dashboard
from parktracker.storage.database import Database
from parktracker.ui.text import qt_tr

CHART_NAMES: tuple[str, ...] = tuple(dashboard.CHART_NAMES)

# The tables whose rows a chart is made of (all parks). "parks" and "meta" (the sample-data
# flag, names) touch every chart; tables not listed here touch no chart.
_CHART_TABLES: dict[str, frozenset[str]] = {
    "revenue-progress": frozenset({"revenue", "targets"}),
    "investment-by-park": frozenset(
        {"projects", "project_stage_history", "project_monthly_investment"}
    ),
    "pipeline": frozenset({"projects", "project_stage_history"}),
    "funds": frozenset({"funds", "fund_updates"}),
    "monthly-investment": frozenset({"project_monthly_investment"}),
}
_EVERY_CHART = frozenset({"parks", "meta"})
# Tables that hold nothing a card or chart shows (the audit trail, annual plans, the listing
# cache kept beside projects).
_NOTHING_SHOWN = frozenset({"audit_log", "project_annual_plan", "project_listing"})
_KNOWN = frozenset().union(*_CHART_TABLES.values(), _EVERY_CHART, _NOTHING_SHOWN) | {
    "platforms",
    "enterprises",
}


def charts_touched(tables: frozenset[str], *, one_park: bool) -> set[str]:
    """The charts whose data may have changed when ``tables`` changed."""
    if tables & _EVERY_CHART or tables - _KNOWN:
        return set(CHART_NAMES)
    touched = {name for name, used in _CHART_TABLES.items() if tables & used}
    if one_park and "projects" in tables:
        touched.add("monthly-investment")  # a project moved to or from the park
    return touched


def cards_touched(tables: frozenset[str]) -> bool:
    return bool(tables - _NOTHING_SHOWN)


class Fetcher:
    """The cards and charts of one as-of date and scope, each query run once."""

    def __init__(self, db: Database, as_of: dt.date, park: Park | None) -> None:
        self.db = db
        self.as_of = as_of
        self.park = park
        shared = getattr(dashboard, "_Inputs", None)  # queries shared by cards and charts
        self._inputs: Any = shared(db, as_of, park, qt_tr) if shared is not None else None

    def kpis(self) -> dashboard.Kpis:
        if self._inputs is not None:
            kpis: dashboard.Kpis = self._inputs.kpis()
            return kpis
        return dashboard.kpis(self.db, as_of=self.as_of, park=self.park)

    def chart(self, name: str) -> dashboard.ChartData:
        if self._inputs is not None:
            data: dashboard.ChartData = self._inputs.chart(name)
            return data
        return dashboard.chart_data(self.db, name, self.as_of, self.park, tr=qt_tr)


@dataclass(frozen=True)
class Fetched:
    """What one background fetch brought: the as-of date it is for, the cards' figures (if
    asked) and charts' data."""

    as_of: dt.date
    kpis: Any = None
    charts: dict[str, Any] = field(default_factory=dict)


def fetch(
    db: Database,
    as_of: dt.date | None,
    park: Park | None,
    *,
    cards: bool,
    charts: Iterable[str],
) -> Fetched:
    """The cards' figures (if ``cards``) and the data of ``charts`` as of ``as_of`` (None: the
    default date, the end of the latest month every park has reported), on ``db``."""
    day = default_as_of(db) if as_of is None else as_of
    fetcher = Fetcher(db, day, park)
    kpis = fetcher.kpis() if cards else None
    data = {name: fetcher.chart(name) for name in CHART_NAMES if name in charts}
    return Fetched(day, kpis, data)


def fetch_in_file(
    path: Path,
    as_of: dt.date | None,
    park: Park | None,
    *,
    cards: bool,
    charts: Iterable[str],
) -> Fetched:
    """:func:`fetch` on a read-only connection of its own (for a background thread: a
    connection is used only in the thread that made it)."""
    from parktracker.storage.database import open_reader

    db = open_reader(path)
    try:
        return fetch(db, as_of, park, cards=cards, charts=set(charts))
    finally:
        db.close()


def first_as_of(db: Database) -> dt.date:
    """A date to show while :func:`default_as_of` is worked out in the background (on
    100,000 projects that takes seconds): the end of the latest month with any figure."""
    from parktracker.services.reporting import latest_data_day

    return latest_data_day(db)


def default_as_of(db: Database) -> dt.date:
    return dashboard.default_as_of(db)
