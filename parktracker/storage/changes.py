"""Row-level change sets: what a service call wrote, so it can be undone and redone.

Every write goes through :mod:`parktracker.storage.audit`, which reports each row it inserts,
updates or deletes to the change sets being recorded on that database. Undo applies a change
set's inverse (delete what was inserted, restore what was updated or deleted) in one
transaction; redo applies it forward again. Both go through the audited writers, so the audit
log also shows every undo and redo.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class RowChange:
    table: str
    row_id: int
    before: dict[str, Any] | None  # None: the row was inserted
    after: dict[str, Any] | None  # None: the row was deleted


@dataclass(slots=True)
class ChangeSet:
    changes: list[RowChange] = field(default_factory=list)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(c.table for c in self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)


_recording: weakref.WeakKeyDictionary[Database, list[ChangeSet]] = weakref.WeakKeyDictionary()


def notify(db: Database, change: RowChange) -> None:
    """Called by the audited writers for every row they change."""
    for change_set in _recording.get(db, ()):
        change_set.changes.append(change)


@contextmanager
def recording(db: Database) -> Iterator[ChangeSet]:
    """Collect every row change made on ``db`` inside the block."""
    change_set = ChangeSet()
    stack = _recording.setdefault(db, [])
    stack.append(change_set)
    try:
        yield change_set
    finally:
        stack.remove(change_set)


def apply_inverse(db: Database, change_set: ChangeSet) -> None:
    """Undo: restore every row as it was before the change set, in one transaction."""
    from parktracker.storage import audit

    with db.atomic():
        for change in reversed(change_set.changes):
            if change.before is None:
                audit.delete(db, change.table, change.row_id)
            elif change.after is None:
                audit.insert(db, change.table, change.before)
            else:
                audit.update(db, change.table, change.row_id, _without_id(change.before))


def apply_forward(db: Database, change_set: ChangeSet) -> None:
    """Redo: make every row as it was after the change set, in one transaction."""
    from parktracker.storage import audit

    with db.atomic():
        for change in change_set.changes:
            if change.after is None:
                audit.delete(db, change.table, change.row_id)
            elif change.before is None:
                audit.insert(db, change.table, change.after)
            else:
                audit.update(db, change.table, change.row_id, _without_id(change.after))


def _without_id(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "id"}
