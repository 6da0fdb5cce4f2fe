"""The consistency rules of ``check``, one set-based query per rule.

Each function scans its table(s) once and returns only the offending rows, so ``check`` costs a
handful of queries whatever the number of projects (no query per project). The rules mirror
:mod:`parktracker.domain.validation` (what the forms refuse) and add the cross-record ones that
no single form can see (a project in production with no investment reported).

Dates are stored as ISO text (YYYY-MM-DD), so text comparison is date comparison.
"""

from __future__ import annotations

import datetime as dt

from parktracker.domain.money import MAX_AMOUNT_YUAN
from parktracker.storage.database import Database

ProjectRow = tuple[int, str]


def _projects(db: Database, sql: str, params: list[object] | None = None) -> list[ProjectRow]:
    return [(int(r[0]), str(r[1])) for r in db.query(sql, params or [])]


_NO_INVESTMENT = (
    " AND NOT EXISTS (SELECT 1 FROM project_monthly_investment i"
    " WHERE i.project_id = p.id AND i.completed_yuan > 0)"
)


def in_production_without_investment(db: Database) -> list[ProjectRow]:
    """Projects in production with no completed investment reported at all."""
    return _projects(
        db,
        "SELECT p.id, p.name FROM projects p WHERE p.stage = 'in_production'"
        + _NO_INVESTMENT
        + " ORDER BY p.park_id, p.id",
    )


def long_construction_without_investment(
    db: Database, *, started_before: dt.date
) -> list[tuple[int, str, str]]:
    """Projects under construction since before ``started_before`` (by their start date, or
    else the date they entered construction) with no completed investment reported."""
    rows = db.query(
        "SELECT p.id, p.name, coalesce(p.actual_start_date, (SELECT max(h.date)"
        " FROM project_stage_history h WHERE h.project_id = p.id"
        " AND h.stage = 'under_construction')) AS since"
        " FROM projects p WHERE p.stage = 'under_construction'"
        + _NO_INVESTMENT
        + " AND since IS NOT NULL AND since < ? ORDER BY p.park_id, p.id",
        [started_before.isoformat()],
    )
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def started_without_start_date(db: Database) -> list[tuple[int, str, str]]:
    """Projects under construction or in production with no actual start date."""
    rows = db.query(
        "SELECT id, name, stage FROM projects"
        " WHERE stage IN ('under_construction', 'in_production') AND actual_start_date IS NULL"
        " ORDER BY park_id, id"
    )
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def signed_without_signing_date(db: Database) -> list[ProjectRow]:
    """Projects past negotiation (not terminated) with no signing date."""
    return _projects(
        db,
        "SELECT id, name FROM projects WHERE stage IN ('signed', 'under_construction',"
        " 'in_production') AND signed_date IS NULL ORDER BY park_id, id",
    )


def date_order_violations(db: Database) -> list[tuple[int, str, str]]:
    """Projects whose dates run backwards, with the rule broken (the field of the later date):
    start before signing, production before start (or before signing, without a start),
    planned completion before planned start."""
    rows = db.query(
        "SELECT id, name, 'actual_start_date' FROM projects"
        " WHERE actual_start_date < signed_date"
        " UNION ALL SELECT id, name, 'production_date' FROM projects"
        " WHERE production_date < actual_start_date"
        " UNION ALL SELECT id, name, 'production_before_signed' FROM projects"
        " WHERE actual_start_date IS NULL AND production_date < signed_date"
        " UNION ALL SELECT id, name, 'planned_completion_date' FROM projects"
        " WHERE planned_completion_date < planned_start_date"
        " ORDER BY 1, 3"
    )
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


_RANK = (
    "CASE h.stage WHEN 'negotiating' THEN 0 WHEN 'signed' THEN 1"
    " WHEN 'under_construction' THEN 2 WHEN 'in_production' THEN 3 ELSE 99 END"
)


def history_out_of_order(db: Database) -> list[tuple[int, str, str, str, str]]:
    """Stage history entries that go backwards: by date, a stage earlier in the pipeline than
    the one before it, or any stage after 已终止. Returns (project id, name, date, stage,
    previous stage), the first such step of each project."""
    # The history alone is walked; the few projects found are then named (joining every entry
    # to its project first read the whole projects table, about a third of the time).
    rows = db.query(
        "SELECT o.project_id, p.name, o.day, o.stage, o.previous FROM ("
        " SELECT project_id, min(date) AS day, stage, previous FROM ("
        " SELECT h.project_id, h.date, h.stage,"
        f" {_RANK} AS rank,"
        " lag(h.stage) OVER w AS previous,"
        f" lag({_RANK}) OVER w AS previous_rank"
        " FROM project_stage_history h"
        " WINDOW w AS (PARTITION BY h.project_id ORDER BY h.date, h.id))"
        " WHERE previous_rank IS NOT NULL"
        " AND (rank < previous_rank OR (previous_rank = 99 AND rank = 99))"
        " GROUP BY project_id) o JOIN projects p ON p.id = o.project_id ORDER BY o.project_id"
    )
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def over_plan_without_reason(db: Database) -> list[tuple[int, str, int, int]]:
    """Projects whose completed investment exceeds the planned total with no reason given."""
    rows = db.query(
        "SELECT p.id, p.name, t.completed, p.planned_total_yuan FROM projects p"
        " JOIN (SELECT project_id, sum(completed_yuan) AS completed"
        " FROM project_monthly_investment GROUP BY project_id) t ON t.project_id = p.id"
        " WHERE p.planned_total_yuan IS NOT NULL AND t.completed > p.planned_total_yuan"
        " AND trim(p.over_plan_reason) = '' ORDER BY p.park_id, p.id"
    )
    return [(int(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]


def fund_figure_violations(db: Database) -> list[tuple[int, str, str, int, int]]:
    """Fund reports breaking a rule: (fund id, name, rule, figure, limit) with rule one of
    ``paid_in`` (paid-in above scale), ``invested`` (invested above paid-in) and ``date``
    (reported before the fund was established; figure and limit 0)."""
    rows = db.query(
        "SELECT f.id, f.name, 'paid_in', u.paid_in_yuan, u.scale_yuan FROM fund_updates u"
        " JOIN funds f ON f.id = u.fund_id WHERE u.paid_in_yuan > u.scale_yuan"
        " UNION ALL SELECT f.id, f.name, 'invested', u.invested_yuan, u.paid_in_yuan"
        " FROM fund_updates u JOIN funds f ON f.id = u.fund_id"
        " WHERE u.invested_yuan > u.paid_in_yuan"
        " UNION ALL SELECT f.id, f.name, 'date', 0, 0 FROM fund_updates u"
        " JOIN funds f ON f.id = u.fund_id WHERE u.date < f.established_date"
        " ORDER BY 1, 3"
    )
    return [(int(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4])) for r in rows]


_AMOUNT_COLUMNS = (
    ("projects", "planned_total_yuan"),
    ("project_monthly_investment", "completed_yuan"),
    ("project_annual_plan", "planned_yuan"),
    ("fund_updates", "scale_yuan"),
    ("fund_updates", "paid_in_yuan"),
    ("fund_updates", "invested_yuan"),
    ("revenue", "amount_yuan"),
    ("targets", "amount_yuan"),
)


def amounts_above_ceiling(db: Database) -> list[tuple[str, int, int]]:
    """Stored amounts above the ceiling (written by hand or by an older version): (table, row
    id, yuan). One query over every amount column."""
    sql = " UNION ALL ".join(
        f"SELECT '{table}', id, {column} FROM {table} WHERE {column} > {MAX_AMOUNT_YUAN}"
        for table, column in _AMOUNT_COLUMNS
    )
    return [(str(r[0]), int(r[1]), int(r[2])) for r in db.query(sql)]
