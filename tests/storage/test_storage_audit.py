"""The audit log: every insert, update and delete leaves a record of who changed what, when."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import sqlite3
from typing import Any

import pytest

from parktracker.storage import audit
from parktracker.storage.database import Database


def audit_rows(db: Database) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query("SELECT * FROM audit_log ORDER BY id")]


def last_audit(db: Database) -> dict[str, Any]:
    return dict(db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")[0])


def first_park_id(db: Database) -> int:
    return int(db.scalar("SELECT min(id) FROM parks"))


def assert_recent_timestamp(text: str) -> None:
    at = dt.datetime.fromisoformat(text)
    assert at.tzinfo is not None  # local time with its UTC offset, unambiguous
    assert abs(dt.datetime.now(dt.UTC) - at) < dt.timedelta(minutes=2)


def add_project(db: Database, name: str = "审计测试项目") -> int:
    return audit.insert(
        db,
        "projects",
        {
            "park_id": first_park_id(db),
            "name": name,
            "stage": "signed",
            "planned_total_yuan": 1_500_000_000,
            "signed_date": "2024-02-01",
        },
    )


def test_insert_is_logged_with_the_new_row(new_db: Database) -> None:
    count_before = len(audit_rows(new_db))

    row_id = add_project(new_db)

    assert len(audit_rows(new_db)) == count_before + 1
    entry = last_audit(new_db)
    assert entry["action"] == "insert"
    assert entry["table_name"] == "projects"
    assert entry["row_id"] == row_id
    assert entry["before"] is None
    after = json.loads(entry["after"])
    assert after["id"] == row_id
    assert after["name"] == "审计测试项目"
    assert after["planned_total_yuan"] == 1_500_000_000
    assert after["notes"] == ""  # column defaults filled in: the row as stored
    assert entry["os_user"] == getpass.getuser()
    assert_recent_timestamp(entry["at"])


def test_update_is_logged_with_before_and_after(new_db: Database) -> None:
    row_id = add_project(new_db)

    returned = audit.update(new_db, "projects", row_id, {"stage": "under_construction"})

    assert returned["stage"] == "signed"
    assert new_db.scalar("SELECT stage FROM projects WHERE id = ?", [row_id]) == (
        "under_construction"
    )
    entry = last_audit(new_db)
    assert (entry["action"], entry["table_name"], entry["row_id"]) == ("update", "projects", row_id)
    before, after = json.loads(entry["before"]), json.loads(entry["after"])
    assert before["stage"] == "signed"
    assert after["stage"] == "under_construction"
    assert before["name"] == after["name"] == "审计测试项目"
    assert entry["os_user"] == getpass.getuser()
    assert_recent_timestamp(entry["at"])


def test_delete_is_logged_with_the_old_row(new_db: Database) -> None:
    row_id = add_project(new_db, "将被删除的项目")

    returned = audit.delete(new_db, "projects", row_id)

    assert returned["name"] == "将被删除的项目"
    assert new_db.scalar("SELECT count(*) FROM projects WHERE id = ?", [row_id]) == 0
    entry = last_audit(new_db)
    assert (entry["action"], entry["table_name"], entry["row_id"]) == ("delete", "projects", row_id)
    assert json.loads(entry["before"])["name"] == "将被删除的项目"
    assert entry["after"] is None
    assert entry["os_user"] == getpass.getuser()
    assert_recent_timestamp(entry["at"])


def test_chinese_text_is_stored_readably_in_the_log(new_db: Database) -> None:
    add_project(new_db, "青岛“海之心”计算中心二期")
    assert "青岛“海之心”计算中心二期" in last_audit(new_db)["after"]


def test_update_or_delete_of_a_missing_row_logs_nothing(new_db: Database) -> None:
    before = audit_rows(new_db)
    with pytest.raises(KeyError):
        audit.update(new_db, "projects", 4242, {"stage": "signed"})
    with pytest.raises(KeyError):
        audit.delete(new_db, "projects", 4242)
    assert audit_rows(new_db) == before


def test_refused_write_leaves_neither_row_nor_log_entry(new_db: Database) -> None:
    before = audit_rows(new_db)
    with pytest.raises(sqlite3.IntegrityError):
        audit.insert(
            new_db,
            "projects",
            {
                "park_id": first_park_id(new_db),
                "name": "负数",
                "stage": "signed",
                "planned_total_yuan": -1,
            },
        )
    assert new_db.scalar("SELECT count(*) FROM projects") == 0
    assert audit_rows(new_db) == before


def test_delete_refused_by_a_foreign_key_logs_nothing(new_db: Database) -> None:
    add_project(new_db)
    park_id = first_park_id(new_db)
    before = audit_rows(new_db)

    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        audit.delete(new_db, "parks", park_id)

    assert new_db.scalar("SELECT count(*) FROM parks WHERE id = ?", [park_id]) == 1
    assert audit_rows(new_db) == before


def test_reference_data_of_a_new_database_is_audited(new_db: Database) -> None:
    logged = {(r["table_name"], r["row_id"]) for r in audit_rows(new_db) if r["action"] == "insert"}
    for (park_id,) in new_db.query("SELECT id FROM parks"):
        assert ("parks", park_id) in logged
    for (target_id,) in new_db.query("SELECT id FROM targets"):
        assert ("targets", target_id) in logged
