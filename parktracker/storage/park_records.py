"""The rows every named record of a park is stored as: innovation platforms and enterprises.

Both tables hold records that belong to one park, carry a name unique within that park, and
are written through the audit log. :class:`ParkRecords` is that shared part, once; each table's
module (:mod:`~parktracker.storage.platforms`, :mod:`~parktracker.storage.enterprises`) keeps
only what differs, how its record becomes a row and back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from parktracker.storage import audit
from parktracker.storage.database import Database


class ParkRecord(Protocol):
    @property
    def id(self) -> int | None: ...


R = TypeVar("R", bound=ParkRecord)


@dataclass(frozen=True, slots=True)
class ParkRecords(Generic[R]):
    """One table of named records of a park, and how its rows map to records."""

    table: str
    to_row: Callable[[R], dict[str, Any]]
    from_row: Callable[[sqlite3.Row], R]

    def add(self, db: Database, record: R) -> int:
        return audit.insert(db, self.table, self.to_row(record))

    def save(self, db: Database, record: R) -> None:
        assert record.id is not None
        audit.update(db, self.table, record.id, self.to_row(record))

    def delete(self, db: Database, record_id: int) -> None:
        audit.delete(db, self.table, record_id)

    def get(self, db: Database, record_id: int) -> R | None:
        rows = db.query(f"SELECT * FROM [{self.table}] WHERE id = ?", [record_id])
        return self.from_row(rows[0]) if rows else None

    def in_park(self, db: Database, park_id: int) -> list[R]:
        rows = db.query(f"SELECT * FROM [{self.table}] WHERE park_id = ? ORDER BY id", [park_id])
        return [self.from_row(r) for r in rows]

    def names_in_park(
        self, db: Database, park_id: int, *, exclude_id: int | None = None
    ) -> list[str]:
        rows = db.query(
            f"SELECT name FROM [{self.table}] WHERE park_id = ? AND id IS NOT ?",
            [park_id, exclude_id],
        )
        return [r[0] for r in rows]

    def all(self, db: Database) -> list[R]:
        return [self.from_row(r) for r in db.query(f"SELECT * FROM [{self.table}] ORDER BY id")]
