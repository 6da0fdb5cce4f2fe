"""The problem log: add, edit, note, solve and delete problems, each undone and redone
exactly; deleting a project takes its problems along and undo brings them back."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from parktracker.domain.problems import ProblemNote, ProblemRecord, ProblemStatus
from parktracker.domain.validation import ValidationError
from parktracker.services import problems, projects
from parktracker.storage.changes import apply_forward, apply_inverse, recording
from parktracker.storage.database import Database
from tests.services.warning_db import D, build


def rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {
        t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")]
        for t in ("problems", "problem_notes", "projects", "project_stage_history")
    }


def undo_redo(db: Database, action: Any) -> None:
    """Run ``action`` recorded; undo restores every row, redo gives the result again."""
    before = rows(db)
    with recording(db) as change_set:
        action()
    after = rows(db)
    assert after != before
    apply_inverse(db, change_set)
    assert rows(db) == before
    apply_forward(db, change_set)
    assert rows(db) == after


def test_add_edit_note_solve_delete_with_undo(new_db: Database) -> None:
    ids = build(new_db)
    problem = ProblemRecord(
        park_id=ids["park_a"],
        project_id=ids["overdue"],
        description="  土地征收未完成 ",
        responsible_unit="区自然资源局",
        raised=D(2024, 4, 1),
        due=D(2024, 6, 15),
    )
    undo_redo(new_db, lambda: problems.add_problem(new_db, problem=problem))
    stored = new_db.query("SELECT * FROM problems WHERE description = '土地征收未完成'")
    assert [
        (r["project_id"], r["responsible_unit"], r["raised_date"], r["due_date"], r["status"])
        for r in stored
    ] == [(ids["overdue"], "区自然资源局", "2024-04-01", "2024-06-15", "open")]
    pid = int(stored[0]["id"])
    # the audit log has it
    assert (
        new_db.scalar(
            "SELECT count(*) FROM audit_log WHERE table_name = 'problems' AND row_id = ?", [pid]
        )
        >= 1
    )

    edited = dataclasses.replace(problems.get_problem(new_db, problem_id=pid), due=D(2024, 7, 31))  # type: ignore[arg-type]
    undo_redo(new_db, lambda: problems.update_problem(new_db, problem=edited))
    assert new_db.scalar("SELECT due_date FROM problems WHERE id = ?", [pid]) == "2024-07-31"

    undo_redo(
        new_db,
        lambda: problems.set_status(
            new_db,
            problem_id=pid,
            status=ProblemStatus.COORDINATING,
            note="已召开专题协调会",
            day=D(2024, 5, 10),
        ),
    )
    assert new_db.scalar("SELECT status FROM problems WHERE id = ?", [pid]) == "coordinating"
    assert [(n.date, n.note) for n in problems.notes_of(new_db, problem_id=pid)] == [
        (D(2024, 5, 10), "已召开专题协调会")
    ]

    listed = problems.list_problems(new_db, statuses=frozenset({ProblemStatus.COORDINATING}))
    assert [(r.problem.id, r.project, r.latest_note) for r in listed] == [
        (pid, "逾期未开工项目", "已召开专题协调会")
    ]
    overdue = problems.list_problems(new_db, overdue_on=D(2024, 6, 30))
    assert [r.problem.description for r in overdue] == ["电力增容未落实"]

    undo_redo(new_db, lambda: problems.delete_problem(new_db, problem_id=pid))
    assert new_db.scalar("SELECT count(*) FROM problems WHERE id = ?", [pid]) == 0
    assert new_db.scalar("SELECT count(*) FROM problem_notes WHERE problem_id = ?", [pid]) == 0


def test_deleting_a_project_takes_its_problems_and_undo_restores_them(new_db: Database) -> None:
    ids = build(new_db)
    problems.add_note(new_db, note=ProblemNote(ids["problem"], D(2024, 4, 2), "已对接供电公司"))
    before = rows(new_db)
    with recording(new_db) as change_set:
        projects.delete_project(new_db, project_id=ids["green"])
    assert new_db.scalar("SELECT count(*) FROM problems") == 0
    assert new_db.scalar("SELECT count(*) FROM problem_notes") == 0
    apply_inverse(new_db, change_set)
    assert rows(new_db) == before
    assert new_db.scalar("SELECT note FROM problem_notes") == "已对接供电公司"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": "   "}, "description"),
        ({"due": D(2024, 2, 1)}, "due"),  # before raised
        ({"responsible_unit": "甲\n乙"}, "responsible_unit"),
    ],
)
def test_bad_problem_is_refused_and_nothing_is_stored(
    new_db: Database, changes: dict[str, Any], field: str
) -> None:
    ids = build(new_db)
    before = rows(new_db)
    problem = ProblemRecord(park_id=ids["park_a"], description="用地", raised=D(2024, 3, 1))
    with pytest.raises(ValidationError) as caught:
        problems.add_problem(new_db, problem=dataclasses.replace(problem, **changes))
    assert [p.field for p in caught.value.problems] == [field]
    assert rows(new_db) == before


def test_project_of_another_park_is_refused(new_db: Database) -> None:
    ids = build(new_db)
    problem = ProblemRecord(
        park_id=ids["park_a"], project_id=ids["green"], description="用地", raised=D(2024, 3, 1)
    )
    with pytest.raises(ValidationError):
        problems.add_problem(new_db, problem=problem)
