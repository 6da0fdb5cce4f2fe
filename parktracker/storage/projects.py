"""Projects and their stage history."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from parktracker.domain.enums import Stage
from parktracker.domain.models import Project, StageChange
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, date_out, money_in, money_out

TABLE = "projects"
HISTORY = "project_stage_history"


def to_row(project: Project) -> dict[str, Any]:
    return {
        "park_id": project.park_id,
        "name": project.name.strip(),
        "stage": project.stage.value,
        "company": project.company,
        "responsible_unit": project.responsible_unit,
        "contact": project.contact,
        "planned_total_yuan": money_out(project.planned_total),
        "signed_date": date_out(project.signed_date),
        "planned_start_date": date_out(project.planned_start_date),
        "actual_start_date": date_out(project.actual_start_date),
        "planned_completion_date": date_out(project.planned_completion_date),
        "production_date": date_out(project.production_date),
        "is_key": int(project.is_key),
        "is_chain_leader": int(project.is_chain_leader),
        "notes": project.notes,
        "over_plan_reason": project.over_plan_reason,
        "sample": int(project.sample),
    }


def from_row(row: sqlite3.Row) -> Project:
    return Project(
        id=row["id"],
        park_id=row["park_id"],
        name=row["name"],
        stage=Stage(row["stage"]),
        company=row["company"],
        responsible_unit=row["responsible_unit"],
        contact=row["contact"],
        planned_total=money_in(row["planned_total_yuan"]),
        signed_date=date_in(row["signed_date"]),
        planned_start_date=date_in(row["planned_start_date"]),
        actual_start_date=date_in(row["actual_start_date"]),
        planned_completion_date=date_in(row["planned_completion_date"]),
        production_date=date_in(row["production_date"]),
        is_key=bool(row["is_key"]),
        is_chain_leader=bool(row["is_chain_leader"]),
        notes=row["notes"],
        over_plan_reason=row["over_plan_reason"],
        sample=bool(row["sample"]),
    )


def add(db: Database, project: Project) -> int:
    return audit.insert(db, TABLE, to_row(project))


def save(db: Database, project: Project) -> None:
    assert project.id is not None
    audit.update(db, TABLE, project.id, to_row(project))


def get(db: Database, project_id: int) -> Project | None:
    rows = db.query("SELECT * FROM projects WHERE id = ?", [project_id])
    return from_row(rows[0]) if rows else None


def in_park(db: Database, park_id: int) -> list[Project]:
    return [
        from_row(r)
        for r in db.query("SELECT * FROM projects WHERE park_id = ? ORDER BY id", [park_id])
    ]


def names_in_park(db: Database, park_id: int, *, exclude_id: int | None = None) -> list[str]:
    rows = db.query(
        "SELECT name FROM projects WHERE park_id = ? AND id IS NOT ?", [park_id, exclude_id]
    )
    return [r[0] for r in rows]


def add_stage_change(db: Database, change: StageChange) -> int:
    return audit.insert(
        db,
        HISTORY,
        {
            "project_id": change.project_id,
            "stage": change.stage.value,
            "date": change.date.isoformat(),
            "note": change.note,
        },
    )


def history(db: Database, project_id: int) -> list[StageChange]:
    rows = db.query(
        "SELECT * FROM project_stage_history WHERE project_id = ? ORDER BY date, id", [project_id]
    )
    return [
        StageChange(
            id=r["id"],
            project_id=r["project_id"],
            stage=Stage(r["stage"]),
            date=dt.date.fromisoformat(r["date"]),
            note=r["note"],
        )
        for r in rows
    ]


def count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM projects"))


CHILDREN = (
    ("project_stage_history", "project_id"),
    ("project_monthly_investment", "project_id"),
    ("project_annual_plan", "project_id"),
)


def delete(db: Database, project_id: int) -> None:
    """Delete a project with its history, figures and problems (each row audited, so undo
    brings every one back)."""
    from parktracker.storage import problems

    with db.atomic():
        for problem_id in problems.ids_of_project(db, project_id):
            problems.delete(db, problem_id)
        audit.delete_with_children(db, TABLE, project_id, CHILDREN)


def delete_last_stage_change(db: Database, project_id: int) -> None:
    row_id = db.scalar(
        "SELECT id FROM project_stage_history WHERE project_id = ? ORDER BY date DESC, id DESC"
        " LIMIT 1",
        [project_id],
    )
    if row_id is not None:
        audit.delete(db, HISTORY, int(row_id))


def all_projects(db: Database, *, park_id: int | None = None) -> list[Project]:
    """Every project (or one park's), by park in the parks' order, then in entry order."""
    sql = "SELECT p.* FROM projects p JOIN parks k ON k.id = p.park_id"
    params: list[object] = []
    if park_id is not None:
        sql += " WHERE p.park_id = ?"
        params.append(park_id)
    return [from_row(r) for r in db.query(sql + " ORDER BY k.sort_order, k.id, p.id", params)]
