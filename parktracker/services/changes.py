"""What an operation changed, said by meaning (projects, stages, funds...), not by table name.

A write, an undo and a redo all come down to rows inserted, updated or deleted (recorded by
:mod:`parktracker.storage.changes`). :func:`changes_of` turns those rows into a :class:`Changes`:
which kinds of record changed, and which records and parks. This module is the one place that
maps table names to meanings; the UI only ever sees a :class:`Changes` (Anki's ``OpChanges``
is the model).

:func:`recorded` records a service call; :func:`undo` and :func:`redo` replay what it recorded
and say what the replay changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from parktracker.storage import changes as row_changes
from parktracker.storage.database import Database

# The meanings a change can have: one boolean field of Changes each.
MEANINGS: tuple[str, ...] = (
    "parks",  # a park's name, order or details
    "projects",  # a project's own fields (name, park, planned total, dates...)
    "stages",  # a project's stage history
    "investment",  # completed investment per month
    "plans",  # annual investment plans
    "funds",  # funds and their reported figures
    "revenue",  # monthly revenue
    "targets",  # yearly targets
    "platforms",
    "enterprises",
    "problems",  # problems and their notes
    "settings",  # thresholds and other stored settings
    "workspace",  # database-wide facts: sample-data flag, names kept in meta
    "briefings",  # briefings issued
)

# Table → meaning. Tables mapped to None hold nothing shown on its own: the audit trail, the
# listing that triggers keep beside projects (it changes only when projects or investment do),
# and sqlite-utils' record of the migrations applied.
_MEANING_OF_TABLE: Mapping[str, str | None] = {
    "parks": "parks",
    "projects": "projects",
    "project_stage_history": "stages",
    "project_monthly_investment": "investment",
    "project_annual_plan": "plans",
    "funds": "funds",
    "fund_updates": "funds",
    "revenue": "revenue",
    "targets": "targets",
    "platforms": "platforms",
    "enterprises": "enterprises",
    "problems": "problems",
    "problem_notes": "problems",
    "settings": "settings",
    "meta": "workspace",
    "briefings": "briefings",
    "audit_log": None,
    "project_listing": None,
    "_sqlite_migrations": None,
}

# Tables whose rows belong to a project (the project's id is in project_id), and those whose
# rows name a park (park_id).
_PROJECT_ROWS = frozenset(
    {"project_stage_history", "project_monthly_investment", "project_annual_plan"}
)
_PARK_ROWS = frozenset(
    {"projects", "funds", "revenue", "targets", "platforms", "enterprises", "problems"}
)


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of record an operation changed, and which records and parks it touched.

    ``project_ids`` and ``park_ids`` name the projects and parks whose rows were written (a
    project moved between parks touches both parks). They are what the rows said; a change
    with a flag set and no ids (:meth:`everything`) may touch any record.
    """

    parks: bool = False
    projects: bool = False
    stages: bool = False
    investment: bool = False
    plans: bool = False
    funds: bool = False
    revenue: bool = False
    targets: bool = False
    platforms: bool = False
    enterprises: bool = False
    problems: bool = False
    settings: bool = False
    workspace: bool = False
    briefings: bool = False
    project_ids: frozenset[int] = field(default_factory=frozenset)
    park_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def everything(cls) -> Changes:
        """Every kind of record may have changed (a whole file imported, the display reset)."""
        return _flagged(MEANINGS)

    @classmethod
    def of(cls, *meanings: str) -> Changes:
        """A change of the named meanings (tests, and notices not made by a write)."""
        unknown = set(meanings) - set(MEANINGS)
        if unknown:
            raise ValueError(f"unknown meanings: {sorted(unknown)}")
        return _flagged(meanings)

    @property
    def meanings(self) -> frozenset[str]:
        """The names of the flags that are set."""
        return frozenset(m for m in MEANINGS if getattr(self, m))

    def touches(self, *meanings: str) -> bool:
        """Whether any of ``meanings`` changed."""
        return any(getattr(self, m) for m in meanings)

    def __bool__(self) -> bool:
        return bool(self.meanings)

    def __or__(self, other: Changes) -> Changes:
        return dataclasses.replace(
            _flagged(self.meanings | other.meanings),
            project_ids=self.project_ids | other.project_ids,
            park_ids=self.park_ids | other.park_ids,
        )


def meaning_of_table(table: str) -> str | None:
    """The meaning of a change to ``table`` (None: nothing shown). An unknown table is a
    programming error: a new table must be given its meaning here."""
    try:
        return _MEANING_OF_TABLE[table]
    except KeyError:
        raise KeyError(f"table {table!r} has no meaning in services.changes") from None


def changes_of(rows: Iterable[row_changes.RowChange]) -> Changes:
    """What the row changes mean."""
    by_table: dict[str, list[row_changes.RowChange]] = {}
    for change in rows:
        by_table.setdefault(change.table, []).append(change)
    flags: set[str] = set()
    project_ids: set[int] = set()
    park_ids: set[int] = set()
    for table, changed in by_table.items():
        meaning = meaning_of_table(table)
        if meaning is None:
            continue
        flags.add(meaning)
        if table == "projects":
            project_ids.update(c.row_id for c in changed)
        elif table in _PROJECT_ROWS:
            project_ids.update(_ints(changed, "project_id"))
        if table == "parks":
            park_ids.update(c.row_id for c in changed)
        elif table in _PARK_ROWS:
            park_ids.update(_ints(changed, "park_id"))
    return dataclasses.replace(
        _flagged(flags), project_ids=frozenset(project_ids), park_ids=frozenset(park_ids)
    )


def _ints(changed: list[row_changes.RowChange], key: str) -> set[int]:
    """The values of ``key`` in the rows as they were before and after."""
    before = {c.before.get(key) for c in changed if c.before is not None}
    after = {c.after.get(key) for c in changed if c.after is not None}
    return {value for value in before | after if isinstance(value, int)}


def _flagged(meanings: Iterable[str]) -> Changes:
    flags: dict[str, Any] = dict.fromkeys(meanings, True)
    return dataclasses.replace(Changes(), **flags)


@dataclass(slots=True)
class Recording:
    """The rows one operation changed, kept so it can be undone and redone."""

    _change_set: row_changes.ChangeSet = field(default_factory=row_changes.ChangeSet)
    _changes: Changes | None = None

    @property
    def changes(self) -> Changes:
        """What the rows mean (worked out once the recording is over, then kept)."""
        if self._changes is None:
            self._changes = changes_of(self._change_set.changes)
        return self._changes

    def __bool__(self) -> bool:
        return bool(self._change_set)


@contextmanager
def recorded(db: Database) -> Iterator[Recording]:
    """Record every row written on ``db`` inside the block (service calls, imports...)."""
    with row_changes.recording(db) as change_set:
        yield Recording(change_set)


def undo(db: Database, recording: Recording) -> Changes:
    """Put back every row ``recording`` changed, in one transaction; what that changed."""
    row_changes.apply_inverse(db, recording._change_set)
    return recording.changes


def redo(db: Database, recording: Recording) -> Changes:
    """Write again every row ``recording`` changed, in one transaction; what that changed."""
    row_changes.apply_forward(db, recording._change_set)
    return recording.changes
