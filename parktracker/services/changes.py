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

# Tables whose rows belong to a project (the project's id is in project_id).
_PROJECT_ROWS = frozenset(
    {"project_stage_history", "project_monthly_investment", "project_annual_plan"}
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
    flags: set[str] = set()
    project_ids: set[int] = set()
    park_ids: set[int] = set()
    for change in rows:
        meaning = meaning_of_table(change.table)
        if meaning is None:
            continue
        flags.add(meaning)
        images = [image for image in (change.before, change.after) if image is not None]
        if change.table == "projects":
            project_ids.add(change.row_id)
        elif change.table in _PROJECT_ROWS:
            project_ids.update(_ints(images, "project_id"))
        if change.table == "parks":
            park_ids.add(change.row_id)
        park_ids.update(_ints(images, "park_id"))
    return dataclasses.replace(
        _flagged(flags), project_ids=frozenset(project_ids), park_ids=frozenset(park_ids)
    )


def _flagged(meanings: Iterable[str]) -> Changes:
    flags: dict[str, Any] = dict.fromkeys(meanings, True)
    return dataclasses.replace(Changes(), **flags)


def _ints(images: list[dict[str, Any]], key: str) -> Iterator[int]:
    for image in images:
        value = image.get(key)
        if isinstance(value, int):
            yield value


@dataclass(slots=True)
class Recording:
    """The rows one operation changed, kept so it can be undone and redone."""

    _change_set: row_changes.ChangeSet = field(default_factory=row_changes.ChangeSet)

    @property
    def changes(self) -> Changes:
        return changes_of(self._change_set.changes)

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
