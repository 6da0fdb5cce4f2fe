"""Change sets: what a write recorded can be undone and redone exactly."""

from __future__ import annotations

import datetime as dt

from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.domain.money import Money
from parktracker.services.projects import advance_stage, create_project
from parktracker.storage import audit
from parktracker.storage.changes import apply_forward, apply_inverse, recording
from parktracker.storage.database import Database


def _tables(db: Database) -> dict[str, list[tuple[object, ...]]]:
    return {
        t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")]
        for t in ("projects", "project_stage_history", "parks")
    }


def test_undo_and_redo_of_create_and_stage_change(new_db: Database) -> None:
    park_id = int(new_db.scalar("SELECT id FROM parks ORDER BY id LIMIT 1"))
    empty = _tables(new_db)
    with recording(new_db) as created:
        project_id = create_project(
            new_db,
            project=Project(
                park_id=park_id,
                name="测试项目",
                stage=Stage.SIGNED,
                planned_total=Money.yi("12.5"),
                signed_date=dt.date(2024, 1, 5),
            ),
        )
    after_create = _tables(new_db)
    with recording(new_db) as advanced:
        advance_stage(
            new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 3, 1)
        )
    after_advance = _tables(new_db)
    assert [c.table for c in created.changes] == ["projects", "project_stage_history"]
    assert advanced.tables == {"projects", "project_stage_history"}

    apply_inverse(new_db, advanced)
    assert _tables(new_db) == after_create
    apply_inverse(new_db, created)
    assert _tables(new_db) == empty
    apply_forward(new_db, created)
    assert _tables(new_db) == after_create
    apply_forward(new_db, advanced)
    assert _tables(new_db) == after_advance


def test_undo_of_a_delete_restores_the_row_with_its_id(new_db: Database) -> None:
    park_id = int(new_db.scalar("SELECT max(id) FROM parks"))
    before = _tables(new_db)
    with recording(new_db) as deleted:
        audit.delete(new_db, "parks", park_id)
    assert park_id not in [r[0] for r in _tables(new_db)["parks"]]
    apply_inverse(new_db, deleted)
    assert _tables(new_db) == before
    actions = [r[0] for r in new_db.query("SELECT action FROM audit_log ORDER BY id DESC LIMIT 2")]
    assert actions == ["insert", "delete"]  # the undo is in the audit log too
