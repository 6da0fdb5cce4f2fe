"""An undo or redo that cannot apply (the rows changed underneath it) rolls back, leaves the undo
stack where it was, and reports the failure through ``Session.failed``."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from parktracker.domain.models import Park
from parktracker.services import parks
from parktracker.storage.database import Database
from parktracker.storage.errors import StorageError
from parktracker.ui.session import Session

PARK_ID = 1
INTRUDER = "外部写入的园区"


def _parks(db: Database) -> dict[int, str]:
    return {r["id"]: r["name"] for r in db.query("SELECT id, name FROM parks")}


def _audit(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM audit_log"))


def _intrude(db: Database) -> None:
    """Another writer takes the deleted park's id, so undoing the deletion cannot insert it."""
    with db.atomic():
        db.conn.execute(
            "INSERT INTO parks (id, name, short_name, industry) VALUES (?, ?, ?, ?)",
            [PARK_ID, INTRUDER, "外部", "测试"],
        )


def test_a_failed_undo_keeps_the_stack_and_the_data(qtbot: QtBot, new_db: Any) -> None:
    db: Database = new_db
    session = Session(db)
    failures: list[object] = []
    session.failed.connect(failures.append)
    name = _parks(db)[PARK_ID]
    session.perform("Delete park", lambda d: parks.delete_park(d, park_id=PARK_ID))
    assert session.undo_stack.index() == 1
    _intrude(db)
    before, audit = _parks(db), _audit(db)

    session.undo()

    assert len(failures) == 1 and isinstance(failures[0], StorageError)
    assert session.undo_stack.index() == 1  # the step is still there to undo
    assert session.undo_stack.canUndo() and not session.undo_stack.canRedo()
    assert _parks(db) == before  # rolled back: the intruder stays, nothing half-written
    assert _parks(db)[PARK_ID] == INTRUDER
    assert _audit(db) == audit
    assert db.scalar("PRAGMA integrity_check") == "ok"

    # Once the conflict is gone, the same undo works.
    with db.atomic():
        db.conn.execute("DELETE FROM parks WHERE id = ?", [PARK_ID])
    session.undo()
    assert len(failures) == 1
    assert session.undo_stack.index() == 0
    assert _parks(db)[PARK_ID] == name


def test_a_failed_redo_keeps_the_stack_and_the_data(qtbot: QtBot, new_db: Any) -> None:
    db: Database = new_db
    session = Session(db)
    failures: list[object] = []
    session.failed.connect(failures.append)
    new_id = session.perform(
        "Add park",
        lambda d: parks.add_park(
            d, park=Park(name="重做测试园区", short_name="重做", industry="测试")
        ),
    )
    session.undo()
    assert session.undo_stack.index() == 0
    with db.atomic():  # another writer takes the id the redo would insert
        db.conn.execute(
            "INSERT INTO parks (id, name, short_name, industry) VALUES (?, ?, ?, ?)",
            [new_id, INTRUDER, "外部", "测试"],
        )
    before, audit = _parks(db), _audit(db)

    session.redo()

    assert len(failures) == 1 and isinstance(failures[0], StorageError)
    assert session.undo_stack.index() == 0
    assert session.undo_stack.canRedo() and not session.undo_stack.canUndo()
    assert _parks(db) == before
    assert _audit(db) == audit
