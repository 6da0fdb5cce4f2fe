"""What an import reads in bulk (every record it may match, in one query per kind) and the
audit entry that names the imported file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from parktracker.domain.models import Enterprise, Fund, FundUpdate, Platform, Project, StageChange
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.storage import audit, enterprises, funds, platforms, projects
from parktracker.storage.database import Database

# The audit log's table name for import records: one row per applied import, with the source
# file's name and SHA-256 in ``after``. It is written straight into the log (there is no such
# table), so undoing the import leaves the record of it in place.
IMPORT_LOG = "import"
MAPPING_PREFIX = "import_mapping:"


def all_projects(db: Database) -> list[Project]:
    return [projects.from_row(r) for r in db.query("SELECT * FROM projects")]


def insert_row(db: Database, table: str, values: Mapping[str, Any]) -> int:
    """:func:`audit.insert` without sqlite-utils' per-call look-ups (an import writes
    thousands of rows in one transaction): the row, its audit entry and its change record."""
    columns = list(values)
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    with audit._writing(db):
        cursor = db.conn.execute(
            f"INSERT INTO [{table}] ({names}) VALUES ({marks})", [values[c] for c in columns]
        )
        row_id = cursor.lastrowid
        assert isinstance(row_id, int)
        audit._log(db, "insert", table, row_id, before=None, after=audit._row(db, table, row_id))
        return row_id


def add_project(db: Database, project: Project, history: StageChange) -> int:
    """A new project and its first stage-history entry (``history.project_id`` is ignored)."""
    project_id = insert_row(db, projects.TABLE, projects.to_row(project))
    insert_row(
        db,
        projects.HISTORY,
        {
            "project_id": project_id,
            "stage": history.stage.value,
            "date": history.date.isoformat(),
            "note": history.note,
        },
    )
    return project_id


def last_stage_dates(db: Database) -> dict[int, str]:
    """Each project's latest stage-history date (ISO)."""
    rows = db.query("SELECT project_id, max(date) FROM project_stage_history GROUP BY project_id")
    return {int(r[0]): str(r[1]) for r in rows}


def monthly_investment(db: Database, *, years: set[int]) -> dict[tuple[int, str], Money]:
    """Completed investment keyed by (project id, 'YYYY-MM') for the given years."""
    result: dict[tuple[int, str], Money] = {}
    for year in years:
        rows = db.query(
            "SELECT project_id, month, completed_yuan FROM project_monthly_investment"
            " WHERE month >= ? AND month <= ?",
            [f"{year:04d}-01", f"{year:04d}-12"],
        )
        for r in rows:
            result[(int(r[0]), str(r[1]))] = Money(int(r[2]))
    return result


def all_funds(db: Database) -> list[Fund]:
    return funds.all_funds(db)


def fund_updates(db: Database) -> dict[tuple[int, str], FundUpdate]:
    """Fund figures keyed by (fund id, ISO date); the latest entry of a day wins."""
    rows = db.query("SELECT * FROM fund_updates ORDER BY date, id")
    return {(int(r["fund_id"]), str(r["date"])): funds._update_from_row(r) for r in rows}


def save_fund_update(db: Database, update: FundUpdate) -> None:
    assert update.id is not None
    audit.update(
        db,
        funds.UPDATES,
        update.id,
        {
            "scale_yuan": update.scale.yuan,
            "paid_in_yuan": update.paid_in.yuan,
            "invested_yuan": update.invested.yuan,
            "note": update.note,
        },
    )


def all_platforms(db: Database) -> list[Platform]:
    return platforms.all_platforms(db)


def all_enterprises(db: Database) -> list[Enterprise]:
    return enterprises.all_enterprises(db)


def month_key(month: YearMonth) -> str:
    return str(month)


def log_import(db: Database, details: Mapping[str, Any]) -> None:
    """One audit-log entry for an applied import (file name, SHA-256, counts)."""
    db.conn.execute(
        "INSERT INTO audit_log (at, os_user, action, table_name, row_id, before, after)"
        " VALUES (?, ?, 'insert', ?, 0, NULL, ?)",
        [
            audit._now(),
            audit.os_user(),
            IMPORT_LOG,
            json.dumps(dict(details), ensure_ascii=False),
        ],
    )


def import_log(db: Database) -> list[dict[str, Any]]:
    rows = db.query(
        "SELECT at, after FROM audit_log WHERE table_name = ? ORDER BY id", [IMPORT_LOG]
    )
    return [{"at": r[0], **json.loads(r[1])} for r in rows]


def load_mapping(db: Database, signature: str) -> str | None:
    return db.meta(MAPPING_PREFIX + signature)


def save_mapping(db: Database, signature: str, value: str) -> None:
    with db.atomic():
        db.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [MAPPING_PREFIX + signature, value],
        )
