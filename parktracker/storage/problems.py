"""The problem log: problems of parks and projects and their dated progress notes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from parktracker.domain.problems import ProblemNote, ProblemRecord, ProblemStatus
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, date_out

TABLE = "problems"
NOTES = "problem_notes"


@dataclass(frozen=True, slots=True)
class ProblemRow:
    """A problem as listed: the record with its park's and project's names and latest note."""

    problem: ProblemRecord
    park: str
    project: str | None
    latest_note: str
    latest_note_date: dt.date | None


def _values(problem: ProblemRecord) -> dict[str, object]:
    return {
        "park_id": problem.park_id,
        "project_id": problem.project_id,
        "description": problem.description.strip(),
        "responsible_unit": problem.responsible_unit.strip(),
        "raised_date": date_out(problem.raised),
        "due_date": date_out(problem.due),
        "status": problem.status.value,
    }


def add(db: Database, problem: ProblemRecord) -> int:
    return audit.insert(db, TABLE, _values(problem))


def update(db: Database, problem: ProblemRecord) -> None:
    assert problem.id is not None
    audit.update(db, TABLE, problem.id, _values(problem))


def delete(db: Database, problem_id: int) -> None:
    audit.delete_with_children(db, TABLE, problem_id, [(NOTES, "problem_id")])


def ids_of_project(db: Database, project_id: int) -> list[int]:
    rows = db.query("SELECT id FROM problems WHERE project_id = ?", [project_id])
    return [int(r[0]) for r in rows]


def ids_of_park(db: Database, park_id: int) -> list[int]:
    return [int(r[0]) for r in db.query("SELECT id FROM problems WHERE park_id = ?", [park_id])]


def add_note(db: Database, note: ProblemNote) -> int:
    return audit.insert(
        db,
        NOTES,
        {"problem_id": note.problem_id, "date": date_out(note.date), "note": note.note.strip()},
    )


def delete_note(db: Database, note_id: int) -> None:
    audit.delete(db, NOTES, note_id)


def from_row(r: sqlite3.Row) -> ProblemRecord:
    raised = date_in(r["raised_date"])
    assert raised is not None
    return ProblemRecord(
        id=int(r["id"]),
        park_id=int(r["park_id"]),
        project_id=None if r["project_id"] is None else int(r["project_id"]),
        description=str(r["description"]),
        responsible_unit=str(r["responsible_unit"]),
        raised=raised,
        due=date_in(r["due_date"]),
        status=ProblemStatus(r["status"]),
    )


def get(db: Database, problem_id: int) -> ProblemRecord | None:
    rows = db.query("SELECT * FROM problems WHERE id = ?", [problem_id])
    return from_row(rows[0]) if rows else None


def notes(db: Database, problem_id: int) -> list[ProblemNote]:
    rows = db.query(
        "SELECT * FROM problem_notes WHERE problem_id = ? ORDER BY date, id", [problem_id]
    )
    return [
        ProblemNote(
            id=int(r["id"]),
            problem_id=int(r["problem_id"]),
            date=date_in(r["date"]) or dt.date.min,
            note=str(r["note"]),
        )
        for r in rows
    ]


def all_notes(db: Database, *, through: dt.date | None = None) -> dict[int, list[ProblemNote]]:
    """Every problem's notes (dated ``through`` or earlier, if given), by problem id, oldest
    first."""
    sql = "SELECT id, problem_id, date, note FROM problem_notes"
    params: list[object] = []
    if through is not None:
        sql += " WHERE date <= ?"
        params.append(through.isoformat())
    found: dict[int, list[ProblemNote]] = {}
    for r in db.query(sql + " ORDER BY problem_id, date, id", params):
        note = ProblemNote(int(r[1]), date_in(r[2]) or dt.date.min, str(r[3]), id=int(r[0]))
        found.setdefault(note.problem_id, []).append(note)
    return found


def listing(
    db: Database,
    *,
    park_id: int | None = None,
    project_id: int | None = None,
    statuses: frozenset[ProblemStatus] | None = None,
    overdue_on: dt.date | None = None,
    raised_by: dt.date | None = None,
) -> list[ProblemRow]:
    """Problems with their names and latest note, by park order, due date and id. With
    ``overdue_on``, only those not solved and due before that date; with ``raised_by``, only
    those raised on or before it."""
    sql = (
        "SELECT q.*, k.name AS park_name, p.name AS project_name,"
        " (SELECT n.note FROM problem_notes n WHERE n.problem_id = q.id"
        "  ORDER BY n.date DESC, n.id DESC LIMIT 1) AS latest_note,"
        " (SELECT max(n.date) FROM problem_notes n WHERE n.problem_id = q.id) AS latest_date"
        " FROM problems q JOIN parks k ON k.id = q.park_id"
        " LEFT JOIN projects p ON p.id = q.project_id WHERE 1 = 1"
    )
    params: list[object] = []
    if park_id is not None:
        sql += " AND q.park_id = ?"
        params.append(park_id)
    if project_id is not None:
        sql += " AND q.project_id = ?"
        params.append(project_id)
    if statuses is not None:
        sql += f" AND q.status IN ({', '.join('?' for _ in statuses)})"
        params.extend(sorted(s.value for s in statuses))
    if overdue_on is not None:
        sql += " AND q.status <> 'solved' AND q.due_date IS NOT NULL AND q.due_date < ?"
        params.append(overdue_on.isoformat())
    if raised_by is not None:
        sql += " AND q.raised_date <= ?"
        params.append(raised_by.isoformat())
    sql += " ORDER BY k.sort_order, k.id, coalesce(q.due_date, '9999'), q.id"
    return [
        ProblemRow(
            problem=from_row(r),
            park=str(r["park_name"]),
            project=None if r["project_name"] is None else str(r["project_name"]),
            latest_note=str(r["latest_note"] or ""),
            latest_note_date=date_in(r["latest_date"]),
        )
        for r in db.query(sql, params)
    ]


def project_choices(db: Database, park_id: int) -> list[tuple[int, str]]:
    """The park's projects (id, name) by name, for choosing the project of a problem."""
    rows = db.query("SELECT id, name FROM projects WHERE park_id = ? ORDER BY name", [park_id])
    return [(int(r[0]), str(r[1])) for r in rows]
