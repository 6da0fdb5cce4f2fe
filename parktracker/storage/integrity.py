"""Low-level checks of a database file: SQLite's own and the cross-table consistency rules."""

from __future__ import annotations

import sqlite3
from typing import Any

from parktracker.storage.database import Database, _one_line
from parktracker.storage.errors import DatabaseDamaged, ForeignSchema

_MALFORMED = "malformed database schema"


def sqlite_problems(db: Database) -> list[str]:
    """What ``PRAGMA integrity_check`` reports (SQLite's own words); empty when clean."""
    try:
        rows = [str(r[0]) for r in db.conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    except UnicodeDecodeError:  # SQLite's message quotes the damaged schema's bytes
        return [_MALFORMED]
    return [] if rows == ["ok"] else rows


def unreadable_values(db: Database, *, limit: int = 20) -> list[str]:
    """Read every row of every table: damage that ``integrity_check`` does not look for
    (text that is not valid UTF-8 inside a record) or meets only when reading a value.

    Returns up to ``limit`` problems, each naming the table, the row and the column."""
    problems: list[str] = []
    try:
        tables = [
            (str(r[1]), bool(r[4]))
            for r in db.conn.execute("PRAGMA main.table_list")
            if r[2] in ("table", "shadow")
        ]
    except sqlite3.DatabaseError as exc:
        return [_one_line(str(exc))]
    except UnicodeDecodeError:
        return [_MALFORMED]
    for table, without_rowid in tables:
        cursor = db.conn.cursor()
        cursor.row_factory = None  # plain tuples: the quickest full read
        try:
            for _ in cursor.execute(f"SELECT * FROM [{table}]"):
                pass
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            problems += _locate(db, table, without_rowid=without_rowid, error=exc)
        finally:
            cursor.close()
        if len(problems) >= limit:
            break
    return problems[:limit]


class _Undecodable:
    """Stands for a stored text that is not valid UTF-8."""


def _lenient(data: bytes) -> Any:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _Undecodable()


def _locate(db: Database, table: str, *, without_rowid: bool, error: Exception) -> list[str]:
    """Read ``table`` again, decoding text one value at a time, to name the damaged values."""
    found: list[str] = []
    conn = db.conn
    previous = conn.text_factory
    conn.text_factory = _lenient
    cursor = conn.cursor()
    cursor.row_factory = None
    try:
        key = "" if without_rowid else "rowid AS [rowid], "
        cursor.execute(f"SELECT {key}* FROM [{table}]")
        names = [d[0] for d in cursor.description]
        for row in cursor:
            found += [
                f"Could not decode to UTF-8 column '{name}' in table {table}, row {row[0]}"
                for name, value in zip(names, row, strict=True)
                if isinstance(value, _Undecodable)
            ]
    except sqlite3.DatabaseError as exc:
        found.append(f"table {table}: {_one_line(str(exc))}")
    finally:
        cursor.close()
        conn.text_factory = previous
    return found or [f"table {table}: {_one_line(str(error))}"]


def damage(db: Database) -> DatabaseDamaged | None:
    """The error that names the first damage found by ``integrity_check`` or by reading every
    value, as opening a damaged file raises it; None when the file is sound."""
    problems = sqlite_problems(db) or unreadable_values(db, limit=1)
    return DatabaseDamaged(db.path, _one_line(problems[0])) if problems else None


def tampering(db: Database) -> ForeignSchema | None:
    """The error naming the schema parts ParkTracker did not create (a hidden trigger, view,
    index or table, or one of its own changed), as opening the file for editing raises it;
    None when the schema is ParkTracker's own."""
    from parktracker.storage import schema_check

    version = int(db.scalar("PRAGMA user_version") or 0)
    found = schema_check.compare(db.conn, version)
    if found.missing:
        return None  # opening refuses a file with missing parts as damaged
    if not found.foreign:
        return None
    return ForeignSchema(db.path, schema_check.describe(found.foreign))


def foreign_key_violations(db: Database) -> list[tuple[str, int, str]]:
    """Rows whose reference points nowhere: (table, row id, referenced table)."""
    return [(str(r[0]), int(r[1]), str(r[2])) for r in db.query("PRAGMA foreign_key_check")]


def projects_without_history(db: Database) -> list[tuple[int, str]]:
    return [
        (r[0], r[1])
        for r in db.query(
            "SELECT id, name FROM projects p WHERE NOT EXISTS"
            " (SELECT 1 FROM project_stage_history h WHERE h.project_id = p.id)"
        )
    ]


def stage_mismatches(db: Database) -> list[tuple[int, str, str, str]]:
    """Projects whose stage differs from the latest entry of their stage history."""
    rows = db.query(
        "SELECT p.id, p.name, p.stage, (SELECT h.stage FROM project_stage_history h"
        " WHERE h.project_id = p.id ORDER BY h.date DESC, h.id DESC LIMIT 1) AS last"
        " FROM projects p"
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows if r[3] is not None and r[2] != r[3]]


def funds_without_figures(db: Database) -> list[tuple[int, str]]:
    return [
        (r[0], r[1])
        for r in db.query(
            "SELECT id, name FROM funds f WHERE NOT EXISTS"
            " (SELECT 1 FROM fund_updates u WHERE u.fund_id = f.id)"
        )
    ]


def bad_months(db: Database) -> list[tuple[str, int, str]]:
    """Month values that are not YYYY-MM with a month 01–12."""
    out = []
    for table in ("revenue", "project_monthly_investment"):
        rows = db.query(
            f"SELECT id, month FROM {table} WHERE month NOT GLOB '[12][0-9][0-9][0-9]-[01][0-9]'"
            " OR CAST(substr(month, 6, 2) AS INTEGER) NOT BETWEEN 1 AND 12"
        )
        out += [(table, r[0], r[1]) for r in rows]
    return out
