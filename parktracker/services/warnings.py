"""Warnings (预警) as of a date: the facts from storage, the lights from the domain rules.

The dashboard, the parks list, the Warnings page, the briefing and the ``warnings`` command
all call :func:`findings`, so a light never differs between two places.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.models import Park
from parktracker.domain.validation import Problem, ValidationError
from parktracker.domain.warnings import (
    Finding,
    Level,
    ProblemFacts,
    ProjectRow,
    Thresholds,
    each_project_finding,
    fund_findings,
    park_findings,
    problem_findings,
    sort_key,
)
from parktracker.storage import settings, warning_facts
from parktracker.storage.database import Database

PREFIX = "warnings."
STOP_ROWS = 250  # a count in the background asks whether to stop every this many projects
M_THRESHOLDS = QT_TRANSLATE_NOOP(
    "Warnings",
    "Check the limits: yellow must be below red (points behind pace, at most 100), months"
    " between 1 and 120, the paid-in share between 1 and 100%.",
)


def thresholds(db: Database) -> Thresholds:
    """The file's thresholds; a missing or unreadable value keeps its default."""
    stored = settings.read_all(db, PREFIX)
    values: dict[str, int] = {}
    for item in dataclasses.fields(Thresholds):
        text = stored.get(item.name)
        if text is not None and text.strip().lstrip("-").isdigit():
            values[item.name] = int(text)
    limits = Thresholds(**values)
    return limits if not limits.problems() else Thresholds()


def set_thresholds(db: Database, *, limits: Thresholds) -> None:
    """Store ``limits`` for everyone who opens the file (audited, undoable)."""
    wrong = limits.problems()
    if wrong:
        raise ValidationError([Problem(name, M_THRESHOLDS) for name in wrong])
    values = {item.name: str(getattr(limits, item.name)) for item in dataclasses.fields(limits)}
    with db.atomic():
        settings.write_all(db, PREFIX, values)


def findings(db: Database, *, as_of: dt.date, park: Park | None = None) -> list[Finding]:
    """Every red and yellow light on ``as_of`` (of one park, or all), red first, then by
    park, project and rule."""
    found = list(_each_finding(db, as_of=as_of, park=park, listed=True))
    found.sort(key=sort_key)
    return found


def _each_finding(
    db: Database,
    *,
    as_of: dt.date,
    park: Park | None,
    listed: bool = False,
    read: Callable[..., Iterable[ProjectRow]] | None = None,
) -> Iterator[Finding]:
    """The lights of :func:`findings`, one at a time and unsorted. ``listed``: the projects'
    rows are read at once in the order the lights are listed in (quick to sort); otherwise
    one at a time, so that counting holds neither rows nor lights (on 100,000 projects
    those were ~13 MB, freed between other work's objects and so kept by the process), or
    as ``read`` reads them."""
    park_id = None if park is None else park.id
    limits = thresholds(db)
    if read is None:
        listing = warning_facts.project_fact_rows
        read = listing if listed else warning_facts.each_project_fact_row
    yield from each_project_finding(
        read(db, as_of, park_id=park_id), as_of, limits, park_names=warning_facts.park_names(db)
    )
    for park_facts in warning_facts.park_facts(db, as_of, park_id=park_id):
        yield from park_findings(park_facts, as_of, limits)
    yield from fund_findings(warning_facts.fund_facts(db, as_of, park_id=park_id), limits)
    yield from problem_findings(open_problem_facts(db, as_of=as_of, park=park), as_of)


def open_problem_facts(
    db: Database, *, as_of: dt.date, park: Park | None = None
) -> list[ProblemFacts]:
    """Problems raised by ``as_of`` and not solved, by park order, due date and id."""
    return warning_facts.problem_facts(db, as_of, park_id=None if park is None else park.id)


@dataclasses.dataclass(frozen=True, slots=True)
class LightCounts:
    red: int = 0
    yellow: int = 0

    @property
    def total(self) -> int:
        return self.red + self.yellow


def counts_by_park(db: Database, *, as_of: dt.date) -> dict[int | None, LightCounts]:
    """Red and yellow lights per park (None: city-wide funds), from :func:`findings`."""
    tally: dict[int | None, list[int]] = {}
    for finding in _each_finding(db, as_of=as_of, park=None):
        red_yellow = tally.setdefault(finding.park_id, [0, 0])
        red_yellow[0 if finding.level is Level.RED else 1] += 1
    return {park_id: LightCounts(r, y) for park_id, (r, y) in tally.items()}


def counts(db: Database, *, as_of: dt.date, park: Park | None = None) -> LightCounts:
    """Red and yellow lights of one park, or of all."""
    red = yellow = 0
    for finding in _each_finding(db, as_of=as_of, park=park):
        if finding.level is Level.RED:
            red += 1
        else:
            yellow += 1
    return LightCounts(red, yellow)


def counts_in_file(
    path: Path,
    *,
    as_of: dt.date,
    park_id: int | None = None,
    stop: Callable[[], bool] | None = None,
) -> LightCounts | None:
    """:func:`counts` on a connection of its own, for a background thread. The projects are
    read a few thousand at a time, each chunk in a read of its own
    (:func:`~parktracker.storage.warning_facts.project_fact_chunks`): a write made meanwhile
    (an edit in the window) waits for one chunk's read, not for the whole count. ``stop``:
    asked every :data:`STOP_ROWS` projects; once it says so the count ends and gives None (a
    change came: the count is stale, and it would share the interpreter with the redraw)."""
    from parktracker.storage import parks
    from parktracker.storage.database import open_reader

    def chunks(db: Database, day: dt.date, *, park_id: int | None) -> Iterator[ProjectRow]:
        for chunk in warning_facts.project_fact_chunks(db, day, park_id=park_id):
            for start in range(0, len(chunk), STOP_ROWS):
                if stop is not None and stop():
                    raise _Stopped
                yield from chunk[start : start + STOP_ROWS]

    db = open_reader(path)
    try:
        park = None if park_id is None else parks.get(db, park_id)
        red = yellow = 0
        for finding in _each_finding(db, as_of=as_of, park=park, read=chunks):
            if finding.level is Level.RED:
                red += 1
            else:
                yellow += 1
        return None if stop is not None and stop() else LightCounts(red, yellow)
    except _Stopped:
        return None  # not the funds' and parks' lights either (the funds read for ~30 ms)
    finally:
        db.close()


class _Stopped(Exception):
    """A count in the background was told to stop."""


def findings_in_file(path: Path, *, as_of: dt.date) -> list[Finding]:
    """:func:`findings` (all parks) on a connection of its own (for a background thread)."""
    from parktracker.storage.database import open_reader

    db = open_reader(path)
    try:
        return findings(db, as_of=as_of)
    finally:
        db.close()
