"""Some projects' own rows, now and as they were before the writes since a point in the audit
log, held apart in a small database of their own.

Every figure summed over projects (per park and stage, the reporting status's counts) is a sum
of each project's share, and a project's share depends on its own rows only: its row in
``projects`` (and the ``project_listing`` row the triggers keep beside it), its stage history
and its monthly investment. So after a write to a few projects, a sum over 100,000 projects is
the sum before, minus those projects' shares before, plus their shares now. Both shares are
worked out by the very queries that sum all projects (:mod:`parktracker.storage.as_of_figures`,
:mod:`parktracker.storage.reporting`), run on a database in memory holding the same tables,
triggers and indexes with the rows of those projects only (:func:`apart`).

The rows before come from the audit log: every write to these tables goes through
:mod:`parktracker.storage.audit`, which records each row before and after in the same
transaction (an undo and a redo too). :func:`mark` is a point in the log; :func:`since` reads
what was written after it, and :func:`rows_before` undoes it on the rows read now.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parktracker.storage.database import Database

# The tables holding a project's own rows (the listing follows them through triggers).
TABLES = ("projects", "project_stage_history", "project_monthly_investment")
_OWNER = {"projects": "id", "project_stage_history": "project_id"}
_OWNER_DEFAULT = "project_id"
_LISTING = "project_listing"

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Written:
    """One audited write to a project's rows."""

    table: str
    row_id: int
    before: Row | None  # None: inserted
    after: Row | None  # None: deleted

    def projects(self) -> set[int]:
        """The projects whose rows this write touched (before and after)."""
        key = _OWNER.get(self.table, _OWNER_DEFAULT)
        found = {row.get(key) for row in (self.before, self.after) if row is not None}
        return {value for value in found if isinstance(value, int)}


def mark(db: Database) -> int:
    """The point in the audit log reached so far (the latest entry's id)."""
    return int(db.scalar("SELECT coalesce(max(id), 0) FROM audit_log"))


def since(db: Database, point: int, *, limit: int) -> list[Written] | None:
    """The audited writes to projects' rows after ``point``, oldest first; None when there are
    more than ``limit`` audit entries after it (an import: summing from nothing is quicker)."""
    marks = ", ".join("?" * len(TABLES))
    rows = db.tuples(
        # By id alone (its range is what is new); the log's indexes would read all of it.
        "SELECT table_name, row_id, before, after FROM audit_log NOT INDEXED WHERE id > ?"
        f" AND table_name IN ({marks}) ORDER BY id LIMIT ?",
        [point, *TABLES, limit + 1],
    )
    if len(rows) > limit:
        return None
    return [
        Written(str(table), int(row_id), _decoded(before), _decoded(after))
        for table, row_id, before, after in rows
    ]


def _decoded(text: str | None) -> Row | None:
    return None if text is None else dict(json.loads(text))


def rows_now(db: Database, project_ids: Collection[int]) -> dict[str, dict[int, Row]]:
    """Every row of ``project_ids`` in :data:`TABLES`, per table by row id."""
    ids = sorted(project_ids)
    found: dict[str, dict[int, Row]] = {table: {} for table in TABLES}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for table in TABLES:
            key = _OWNER.get(table, _OWNER_DEFAULT)
            cursor = db.conn.execute(f"SELECT * FROM [{table}] WHERE [{key}] IN ({marks})", chunk)
            names = [d[0] for d in cursor.description]
            for values in cursor:
                row = dict(zip(names, values, strict=True))
                found[table][int(row["id"])] = row
    return found


def rows_before(
    now: dict[str, dict[int, Row]], written: Iterable[Written], project_ids: Collection[int]
) -> dict[str, dict[int, Row]]:
    """The rows of ``project_ids`` as they were before ``written`` (oldest first), from the
    rows now: each write undone, newest first."""
    then = {table: dict(rows) for table, rows in now.items()}
    for change in reversed(list(written)):
        rows = then[change.table]
        if change.before is None:
            rows.pop(change.row_id, None)
        else:
            rows[change.row_id] = dict(change.before)
    chosen = set(project_ids)
    return {
        table: {
            row_id: row
            for row_id, row in rows.items()
            if row.get(_OWNER.get(table, _OWNER_DEFAULT)) in chosen
        }
        for table, rows in then.items()
    }


@contextmanager
def apart(db: Database, rows: dict[str, dict[int, Row]]) -> Iterator[Database]:
    """A database in memory with ``db``'s tables of projects' rows (their triggers, the listing
    they keep and every index) holding ``rows`` only: the queries that sum all projects give
    these projects' share there. Closed after the block."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(_empty(db))
        conn.row_factory = sqlite3.Row
        # The figures before their projects: the listing row made with a project then sums
        # them once, instead of being updated figure by figure.
        for table in reversed(TABLES):
            by_columns: dict[tuple[str, ...], list[list[Any]]] = {}
            for row in rows.get(table, {}).values():
                by_columns.setdefault(tuple(row), []).append(list(row.values()))
            for names, values in by_columns.items():
                columns = ", ".join(f"[{n}]" for n in names)
                marks = ", ".join("?" * len(names))
                conn.executemany(f"INSERT INTO [{table}] ({columns}) VALUES ({marks})", values)
        yield Database(conn, Path(":memory:"), readonly=True)
    finally:
        conn.close()


# The empty databases made so far, by the schema they copy (made once: about 1.5 ms each).
_EMPTY: dict[tuple[tuple[str, str], ...], bytes] = {}


def _empty(db: Database) -> bytes:
    """An empty database with ``db``'s schema of projects' rows, as bytes."""
    wanted = (*TABLES, _LISTING)
    marks = ", ".join("?" * len(wanted))
    order = {"table": 0, "index": 1, "trigger": 2}
    schema = tuple(
        sorted(
            (
                (str(kind), str(sql))
                for kind, sql in db.tuples(
                    f"SELECT type, sql FROM sqlite_master WHERE tbl_name IN ({marks})"
                    " AND sql IS NOT NULL",
                    list(wanted),
                )
            ),
            key=lambda entry: (order.get(entry[0], 3), entry[1]),
        )
    )
    found = _EMPTY.get(schema)
    if found is None:
        conn = sqlite3.connect(":memory:")
        try:
            for _, sql in schema:
                conn.execute(sql)
            found = _EMPTY[schema] = conn.serialize()
        finally:
            conn.close()
    return found


__all__ = ["TABLES", "Written", "apart", "mark", "rows_before", "rows_now", "since"]
