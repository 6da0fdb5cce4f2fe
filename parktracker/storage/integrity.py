"""Low-level checks of a database file: SQLite's own and the cross-table consistency rules."""

from __future__ import annotations

import sqlite3

from parktracker.storage.database import Database


def sqlite_problems(db: Database) -> list[str]:
    """What ``PRAGMA integrity_check`` reports (SQLite's own words); empty when clean."""
    try:
        rows = [str(r[0]) for r in db.query("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


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
