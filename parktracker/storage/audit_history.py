"""Reading the audit log (written by :mod:`parktracker.storage.audit`) a page at a time.

Pages are read newest first by keyset (the last row's ``(at, id)``), never by OFFSET, so the
thousandth page costs what the first does; the indexes of migration 0005 serve each filter.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str  # ISO time with the writer's UTC offset
    os_user: str
    action: str  # "insert" / "update" / "delete"
    table: str
    row_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """What to show. Dates are ``YYYY-MM-DD`` (the writer's local date, as recorded);
    ``rows``: only these (table, row id) pairs."""

    tables: tuple[str, ...] = ()
    user: str | None = None
    date_from: str | None = None
    date_to: str | None = None  # inclusive
    rows: tuple[tuple[str, int], ...] = ()


def _where(query: AuditQuery) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.tables:
        clauses.append(f"table_name IN ({', '.join('?' * len(query.tables))})")
        params += list(query.tables)
    if query.user is not None:
        clauses.append("os_user = ?")
        params.append(query.user)
    if query.date_from is not None:
        clauses.append("at >= ?")
        params.append(query.date_from)
    if query.date_to is not None:
        clauses.append("at < ?")
        params.append(query.date_to + "\uffff")  # every time on that day
    if query.rows:
        clauses.append(
            "(" + " OR ".join("(table_name = ? AND row_id = ?)" for _ in query.rows) + ")"
        )
        for table, row_id in query.rows:
            params += [table, row_id]
    return clauses, params


def page(
    db: Database, query: AuditQuery, *, after: tuple[str, int] | None = None, limit: int = 200
) -> list[AuditEntry]:
    """Up to ``limit`` entries matching ``query``, newest first, older than ``after`` (the
    ``(at, id)`` of the last entry of the previous page)."""
    clauses, params = _where(query)
    if after is not None:
        clauses.append("(at, id) < (?, ?)")
        params += [after[0], after[1]]
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    # One record's entries are few: found by (table, row id) and then sorted. Left to itself
    # SQLite would read the table's whole history in time order (idx_audit_table_at) to skip
    # the sort, and filter the row id: 200 ms on a million entries instead of 1 ms. "+at" is
    # not a column reference, so it keeps the planner off the time-ordered indexes.
    order = "+at DESC, id DESC" if query.rows else "at DESC, id DESC"
    rows = db.query(
        "SELECT id, at, os_user, action, table_name, row_id, before, after FROM audit_log"
        f"{where} ORDER BY {order} LIMIT ?",
        [*params, limit],
    )
    return [
        AuditEntry(
            id=r["id"],
            at=r["at"],
            os_user=r["os_user"],
            action=r["action"],
            table=r["table_name"],
            row_id=r["row_id"],
            before=_json(r["before"]),
            after=_json(r["after"]),
        )
        for r in rows
    ]


def _json(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def users(db: Database) -> list[str]:
    """The OS users who wrote to this file, in order (read from the user index)."""
    # A skip-scan of the user index: one look-up per user, not a scan of every entry.
    rows = db.query(
        "WITH RECURSIVE users(name) AS ("
        " SELECT min(os_user) FROM audit_log"
        " UNION ALL"
        " SELECT (SELECT min(os_user) FROM audit_log WHERE os_user > users.name)"
        " FROM users WHERE users.name IS NOT NULL)"
        " SELECT name FROM users WHERE name IS NOT NULL"
    )
    return [str(r[0]) for r in rows]


def child_rows(db: Database, parent: str, parent_id: int) -> list[tuple[str, int]]:
    """The rows that belong to a record and have their own history (a project's stage
    changes, monthly and annual investment; a fund's reported figures)."""
    children: dict[str, Sequence[tuple[str, str]]] = {
        "projects": (
            ("project_stage_history", "project_id"),
            ("project_monthly_investment", "project_id"),
            ("project_annual_plan", "project_id"),
        ),
        "funds": (("fund_updates", "fund_id"),),
    }
    out: list[tuple[str, int]] = []
    for table, column in children.get(parent, ()):
        ids = db.query(f"SELECT id FROM [{table}] WHERE [{column}] = ?", [parent_id])
        out += [(table, int(r[0])) for r in ids]
    return out


def name_of(db: Database, table: str, row_id: int) -> str | None:
    """The current name of a record that has one (projects, parks, funds...), else None."""
    if table not in ("projects", "parks", "funds", "platforms", "enterprises"):
        return None
    value = db.scalar(f"SELECT name FROM [{table}] WHERE id = ?", [row_id])
    return None if value is None else str(value)
