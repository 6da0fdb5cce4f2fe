"""The problem log (问题清单): raise, edit, note progress on and delete problems of parks and
projects. Every write is one transaction through the audited writers (undo, audit log)."""

from __future__ import annotations

import datetime as dt

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.problems import (
    ProblemNote,
    ProblemRecord,
    ProblemStatus,
    validate_note,
    validate_problem,
)
from parktracker.domain.validation import Problem, ValidationError
from parktracker.storage import parks, problems, projects
from parktracker.storage.database import Database
from parktracker.storage.problems import ProblemRow

M_NOT_FOUND = QT_TRANSLATE_NOOP("Validation", "The record no longer exists.")
M_PROJECT_NOT_IN_PARK = QT_TRANSLATE_NOOP("Problems", "The project does not belong to that park.")

__all__ = [
    "ProblemRow",
    "add_note",
    "add_problem",
    "delete_note",
    "delete_problem",
    "get_problem",
    "list_problems",
    "notes_of",
    "update_problem",
]


def _check(db: Database, problem: ProblemRecord) -> ProblemRecord:
    found = validate_problem(problem)
    if parks.get(db, problem.park_id) is None:
        found.append(Problem("park", M_NOT_FOUND))
    if problem.project_id is not None:
        project = projects.get(db, problem.project_id)
        if project is None:
            found.append(Problem("project", M_NOT_FOUND))
        elif project.park_id != problem.park_id:
            found.append(Problem("project", M_PROJECT_NOT_IN_PARK))
    if found:
        raise ValidationError(found)
    return problem


def add_problem(db: Database, *, problem: ProblemRecord) -> int:
    """Record a new problem; returns its id."""
    _check(db, problem)
    with db.atomic():
        return problems.add(db, problem)


def update_problem(db: Database, *, problem: ProblemRecord) -> None:
    if problem.id is None or problems.get(db, problem.id) is None:
        raise ValidationError([Problem("description", M_NOT_FOUND)])
    _check(db, problem)
    with db.atomic():
        problems.update(db, problem)


def set_status(
    db: Database, *, problem_id: int, status: ProblemStatus, note: str = "", day: dt.date
) -> None:
    """Change a problem's status, with a dated note of why when one is given."""
    current = problems.get(db, problem_id)
    if current is None:
        raise ValidationError([Problem("status", M_NOT_FOUND)])
    with db.atomic():
        if current.status is not status:
            problems.update(db, _replace_status(current, status))
        if note.strip():
            add_note(db, note=ProblemNote(problem_id, day, note))


def _replace_status(problem: ProblemRecord, status: ProblemStatus) -> ProblemRecord:
    import dataclasses

    return dataclasses.replace(problem, status=status)


def delete_problem(db: Database, *, problem_id: int) -> None:
    if problems.get(db, problem_id) is None:
        raise ValidationError([Problem("description", M_NOT_FOUND)])
    with db.atomic():
        problems.delete(db, problem_id)


def add_note(db: Database, *, note: ProblemNote) -> int:
    found = validate_note(note)
    if problems.get(db, note.problem_id) is None:
        found.append(Problem("note", M_NOT_FOUND))
    if found:
        raise ValidationError(found)
    with db.atomic():
        return problems.add_note(db, note)


def delete_note(db: Database, *, note_id: int) -> None:
    with db.atomic():
        problems.delete_note(db, note_id)


def get_problem(db: Database, *, problem_id: int) -> ProblemRecord | None:
    return problems.get(db, problem_id)


def notes_of(db: Database, *, problem_id: int) -> list[ProblemNote]:
    return problems.notes(db, problem_id)


def list_problems(
    db: Database,
    *,
    park_id: int | None = None,
    project_id: int | None = None,
    statuses: frozenset[ProblemStatus] | None = None,
    overdue_on: dt.date | None = None,
) -> list[ProblemRow]:
    """The problem log, filtered by park, project, status and overdue on a date."""
    return problems.listing(
        db, park_id=park_id, project_id=project_id, statuses=statuses, overdue_on=overdue_on
    )


def project_choices(db: Database, *, park_id: int) -> list[tuple[int, str]]:
    return problems.project_choices(db, park_id)
