"""Row writes that record themselves in the audit log.

Every insert, update and delete in ParkTracker goes through :func:`insert`, :func:`update` and
:func:`delete`. Each writes the change and its audit entry (table, row, before/after values,
time, OS user) in one transaction: the caller's, if one is open, or a new one.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from parktracker.storage.database import Database
from parktracker.storage.errors import WriteFailed

Row = Mapping[str, Any]


@cache
def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers, services)
        return "unknown"


def _now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


def _log(
    db: Database, action: str, table: str, row_id: int, *, before: Row | None, after: Row | None
) -> None:
    from parktracker.storage import changes  # with the first write, not at start

    changes.notify(
        db,
        changes.RowChange(
            table,
            row_id,
            None if before is None else dict(before),
            None if after is None else dict(after),
        ),
    )
    db.conn.execute(
        "INSERT INTO audit_log (at, os_user, action, table_name, row_id, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            _now(),
            os_user(),
            action,
            table,
            row_id,
            None if before is None else json.dumps(dict(before), ensure_ascii=False),
            None if after is None else json.dumps(dict(after), ensure_ascii=False),
        ],
    )


def _row(db: Database, table: str, row_id: int) -> dict[str, Any] | None:
    row = db.conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]).fetchone()
    return None if row is None else dict(row)


def insert(db: Database, table: str, values: Row) -> int:
    """Insert one row and return its id."""
    with _writing(db):
        row_id = db.su[table].insert(dict(values)).last_pk  # type: ignore[union-attr]
        assert isinstance(row_id, int)
        _log(db, "insert", table, row_id, before=None, after=_row(db, table, row_id))
        return row_id


def update(db: Database, table: str, row_id: int, changes: Row) -> dict[str, Any]:
    """Update one row; returns the row as it was before. A missing row raises KeyError."""
    with _writing(db):
        before = _row(db, table, row_id)
        if before is None:
            raise KeyError(f"{table} {row_id}")
        db.su[table].update(row_id, dict(changes))  # type: ignore[union-attr]
        _log(db, "update", table, row_id, before=before, after=_row(db, table, row_id))
        return before


def delete(db: Database, table: str, row_id: int) -> dict[str, Any]:
    """Delete one row; returns it as it was. Rows removed by ON DELETE CASCADE are not listed."""
    with _writing(db):
        before = _row(db, table, row_id)
        if before is None:
            raise KeyError(f"{table} {row_id}")
        db.conn.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
        _log(db, "delete", table, row_id, before=before, after=None)
        return before


def delete_with_children(
    db: Database, table: str, row_id: int, children: Sequence[tuple[str, str]]
) -> dict[str, Any]:
    """Delete a row and, first, its dependent rows in ``children`` ((table, foreign key) pairs),
    each one audited, so that undo can bring every one of them back."""
    with _writing(db):
        for child, column in children:
            ids = [
                r[0]
                for r in db.conn.execute(f"SELECT id FROM [{child}] WHERE [{column}] = ?", [row_id])
            ]
            for child_id in ids:
                delete(db, child, child_id)
        return delete(db, table, row_id)


def restore(db: Database, table: str, row: Row) -> int:
    """Re-insert a deleted row with its original id (used by undo)."""
    return insert(db, table, row)


@contextmanager
def _writing(db: Database) -> Iterator[None]:
    """Run inside :meth:`Database.atomic`; SQLite failures other than constraint violations
    (disk full, I/O error, locked file) become :class:`WriteFailed` with nothing changed."""
    try:
        with db.atomic():
            yield
    except sqlite3.IntegrityError:
        raise
    except sqlite3.Error as exc:
        raise WriteFailed(db.path, str(exc)) from exc
