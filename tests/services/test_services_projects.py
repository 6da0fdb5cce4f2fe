"""Project use cases: validation, stage changes and all-or-nothing writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from typing import Any

import pytest

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Project, StageChange
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import (
    M_DUPLICATE_NAME,
    M_OVER_PLAN,
    M_START_BEFORE_SIGNED,
    Severity,
    ValidationError,
)
from parktracker.services.projects import (
    advance_stage,
    create_project,
    record_investment,
    update_project,
)
from parktracker.storage import parks
from parktracker.storage import projects as project_store
from parktracker.storage.database import Database

D = dt.date
TABLES = ("projects", "project_stage_history", "project_monthly_investment", "audit_log")


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}


def display_park(db: Database) -> int:
    park = parks.find(db, "新型显示")
    assert park is not None
    assert park.id is not None
    return park.id


def signed_project(db: Database, **changes: Any) -> Project:
    values: dict[str, Any] = {
        "park_id": display_park(db),
        "name": "车载显示模组项目",
        "stage": Stage.SIGNED,
        "planned_total": Money.yi(12),
        "signed_date": D(2024, 1, 10),
    }
    values.update(changes)
    return Project(**values)


def history(db: Database, project_id: int) -> list[tuple[Stage, dt.date, str]]:
    return [(h.stage, h.date, h.note) for h in project_store.history(db, project_id)]


class Boom(RuntimeError):
    pass


def fail_after_first_stage_change(monkeypatch: pytest.MonkeyPatch, *, allowed: int) -> list[int]:
    """Make storage.projects.add_stage_change fail after ``allowed`` successful calls."""
    real = project_store.add_stage_change
    calls: list[int] = []

    def flaky(db: Database, change: StageChange) -> int:
        calls.append(1)
        if len(calls) > allowed:
            raise Boom("disk I/O error while writing the stage history")
        return real(db, change)

    monkeypatch.setattr(project_store, "add_stage_change", flaky)
    return calls


# ---------------------------------------------------------------- create_project


def test_create_project_stores_project_history_and_audit(new_db: Database) -> None:
    audit_before = len(snapshot(new_db)["audit_log"])

    project_id = create_project(new_db, project=signed_project(new_db))

    stored = project_store.get(new_db, project_id)
    assert stored is not None
    assert stored.name == "车载显示模组项目"
    assert stored.stage is Stage.SIGNED
    assert stored.planned_total == Money.yi(12)
    assert history(new_db, project_id) == [(Stage.SIGNED, D(2024, 1, 10), "")]
    assert len(snapshot(new_db)["audit_log"]) == audit_before + 2


def test_create_project_with_history_stores_it_in_date_order(new_db: Database) -> None:
    project = signed_project(
        new_db, stage=Stage.UNDER_CONSTRUCTION, actual_start_date=D(2024, 3, 1)
    )
    project_id = create_project(
        new_db,
        project=project,
        history=[(Stage.UNDER_CONSTRUCTION, D(2024, 3, 1)), (Stage.SIGNED, D(2024, 1, 10))],
    )
    assert [(s, d) for s, d, _ in history(new_db, project_id)] == [
        (Stage.SIGNED, D(2024, 1, 10)),
        (Stage.UNDER_CONSTRUCTION, D(2024, 3, 1)),
    ]


def test_duplicate_name_in_the_same_park_is_refused(new_db: Database) -> None:
    create_project(new_db, project=signed_project(new_db, name="万达光电(青岛)配套项目"))
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        # same name up to full-width brackets and spaces
        create_project(new_db, project=signed_project(new_db, name=" 万达光电（青岛）配套项目 "))

    assert [(p.field, p.message, p.severity) for p in caught.value.problems] == [
        ("name", M_DUPLICATE_NAME, Severity.ERROR)
    ]
    assert snapshot(new_db) == before


def test_same_name_in_another_park_is_allowed(new_db: Database) -> None:
    create_project(new_db, project=signed_project(new_db))
    other = parks.find(new_db, "人工智能")
    assert other is not None
    assert other.id is not None
    create_project(new_db, project=signed_project(new_db, park_id=other.id))
    assert new_db.scalar("SELECT count(*) FROM projects WHERE name = '车载显示模组项目'") == 2


def test_start_before_signing_is_refused(new_db: Database) -> None:
    before = snapshot(new_db)
    project = signed_project(
        new_db,
        stage=Stage.UNDER_CONSTRUCTION,
        signed_date=D(2024, 3, 1),
        actual_start_date=D(2024, 2, 1),
    )

    with pytest.raises(ValidationError) as caught:
        create_project(new_db, project=project)

    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("actual_start_date", M_START_BEFORE_SIGNED)
    ]
    assert snapshot(new_db) == before


def test_blank_name_is_refused(new_db: Database) -> None:
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        create_project(new_db, project=signed_project(new_db, name="   "))
    assert [p.field for p in caught.value.problems] == ["name"]
    assert snapshot(new_db) == before


def test_create_project_failing_at_second_history_entry_writes_nothing(
    new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(new_db)
    calls = fail_after_first_stage_change(monkeypatch, allowed=1)
    project = signed_project(
        new_db, stage=Stage.UNDER_CONSTRUCTION, actual_start_date=D(2024, 3, 1)
    )

    with pytest.raises(Boom):
        create_project(
            new_db,
            project=project,
            history=[(Stage.SIGNED, D(2024, 1, 10)), (Stage.UNDER_CONSTRUCTION, D(2024, 3, 1))],
        )

    assert len(calls) == 2  # the first entry was written before the failure...
    assert snapshot(new_db) == before  # ...and rolled back with the project and its audit rows
    assert not new_db.conn.in_transaction


def test_create_project_failing_with_sqlite_error_writes_nothing(
    new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A constraint failure in the second history row (as a real write could hit)."""
    before = snapshot(new_db)
    real = project_store.add_stage_change
    calls: list[int] = []

    def second_breaks_not_null(db: Database, change: StageChange) -> int:
        calls.append(1)
        if len(calls) == 2:
            db.conn.execute(
                "INSERT INTO project_stage_history (project_id, stage, date) VALUES (?, ?, NULL)",
                [change.project_id, change.stage.value],
            )
        return real(db, change)

    monkeypatch.setattr(project_store, "add_stage_change", second_breaks_not_null)
    project = signed_project(
        new_db, stage=Stage.UNDER_CONSTRUCTION, actual_start_date=D(2024, 3, 1)
    )
    with pytest.raises(sqlite3.IntegrityError):
        create_project(
            new_db,
            project=project,
            history=[(Stage.SIGNED, D(2024, 1, 10)), (Stage.UNDER_CONSTRUCTION, D(2024, 3, 1))],
        )
    assert snapshot(new_db) == before


# ---------------------------------------------------------------- advance_stage


def test_advance_signed_to_under_construction(new_db: Database) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    audit_before = len(snapshot(new_db)["audit_log"])

    change = advance_stage(
        new_db,
        project_id=project_id,
        stage=Stage.UNDER_CONSTRUCTION,
        date=D(2024, 3, 18),
        note="桩基施工开始",
    )

    assert change.id is not None
    assert (change.stage, change.date, change.note) == (
        Stage.UNDER_CONSTRUCTION,
        D(2024, 3, 18),
        "桩基施工开始",
    )
    stored = project_store.get(new_db, project_id)
    assert stored is not None
    assert stored.stage is Stage.UNDER_CONSTRUCTION
    assert stored.actual_start_date == D(2024, 3, 18)
    assert stored.signed_date == D(2024, 1, 10)
    assert history(new_db, project_id) == [
        (Stage.SIGNED, D(2024, 1, 10), ""),
        (Stage.UNDER_CONSTRUCTION, D(2024, 3, 18), "桩基施工开始"),
    ]
    actions = [
        (r["action"], r["table_name"])
        for r in new_db.query("SELECT * FROM audit_log ORDER BY id")[audit_before:]
    ]
    assert sorted(actions) == [("insert", "project_stage_history"), ("update", "projects")]


def test_advance_to_production_sets_production_date(new_db: Database) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    advance_stage(new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 2, 1))
    advance_stage(new_db, project_id=project_id, stage=Stage.IN_PRODUCTION, date=D(2024, 9, 1))
    stored = project_store.get(new_db, project_id)
    assert stored is not None
    assert (stored.stage, stored.production_date) == (Stage.IN_PRODUCTION, D(2024, 9, 1))
    assert [s for s, _, _ in history(new_db, project_id)] == [
        Stage.SIGNED,
        Stage.UNDER_CONSTRUCTION,
        Stage.IN_PRODUCTION,
    ]


@pytest.mark.parametrize("target", [Stage.SIGNED, Stage.NEGOTIATING, Stage.UNDER_CONSTRUCTION])
def test_backwards_or_same_stage_is_refused(new_db: Database, target: Stage) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    advance_stage(new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 2, 1))
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        advance_stage(new_db, project_id=project_id, stage=target, date=D(2024, 3, 1))

    assert [p.field for p in caught.value.problems] == ["stage"]
    assert snapshot(new_db) == before


def test_terminated_project_cannot_move(new_db: Database) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    advance_stage(new_db, project_id=project_id, stage=Stage.TERMINATED, date=D(2024, 2, 1))
    before = snapshot(new_db)
    with pytest.raises(ValidationError):
        advance_stage(
            new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 3, 1)
        )
    assert snapshot(new_db) == before


def test_date_before_the_last_change_is_refused(new_db: Database) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        advance_stage(
            new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 1, 9)
        )

    [problem] = caught.value.problems
    assert problem.field == "date"
    assert "2024-01-10" in problem.render()
    assert snapshot(new_db) == before


def test_same_day_as_last_change_is_allowed(new_db: Database) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    advance_stage(
        new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 1, 10)
    )
    assert [s for s, _, _ in history(new_db, project_id)][-1] is Stage.UNDER_CONSTRUCTION


def test_advance_of_missing_project_is_refused(new_db: Database) -> None:
    with pytest.raises(ValidationError):
        advance_stage(new_db, project_id=999, stage=Stage.SIGNED, date=D(2024, 1, 1))


def test_advance_stage_failing_midway_changes_nothing(
    new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    before = snapshot(new_db)
    fail_after_first_stage_change(monkeypatch, allowed=0)  # the project row is saved first

    with pytest.raises(Boom):
        advance_stage(
            new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 3, 18)
        )

    assert snapshot(new_db) == before
    stored = project_store.get(new_db, project_id)
    assert stored is not None
    assert (stored.stage, stored.actual_start_date) == (Stage.SIGNED, None)


# ---------------------------------------------------------------- update_project, over plan


def over_plan_project(db: Database) -> int:
    """A project planned at 1 亿元 with 1.5 亿元 of completed investment recorded."""
    project = signed_project(
        db,
        name="超计划项目",
        stage=Stage.UNDER_CONSTRUCTION,
        planned_total=Money.yi(1),
        actual_start_date=D(2024, 1, 20),
    )
    project_id = create_project(
        db,
        project=project,
        history=[(Stage.SIGNED, D(2024, 1, 10)), (Stage.UNDER_CONSTRUCTION, D(2024, 1, 20))],
    )
    record_investment(
        db,
        entries=[
            MonthlyInvestment(project_id, YearMonth(2024, 2), Money.wan(7000)),
            MonthlyInvestment(project_id, YearMonth(2024, 3), Money.wan(8000)),
        ],
    )
    return project_id


def test_update_over_plan_without_reason_is_refused(new_db: Database) -> None:
    project_id = over_plan_project(new_db)
    before = snapshot(new_db)
    stored = project_store.get(new_db, project_id)
    assert stored is not None

    with pytest.raises(ValidationError) as caught:
        update_project(new_db, project=dataclasses.replace(stored, contact="王工 0532-8888"))

    [problem] = caught.value.problems
    assert (problem.field, problem.message, problem.severity) == (
        "over_plan_reason",
        M_OVER_PLAN,
        Severity.WARNING,
    )
    assert "1.5 亿元" in problem.render()
    assert "1 亿元" in problem.render()
    assert snapshot(new_db) == before


def test_update_over_plan_with_reason_is_saved(new_db: Database) -> None:
    project_id = over_plan_project(new_db)
    stored = project_store.get(new_db, project_id)
    assert stored is not None

    returned = update_project(
        new_db,
        project=dataclasses.replace(
            stored, contact="王工 0532-8888", over_plan_reason="设备价格上涨，追加投资"
        ),
    )

    assert returned.over_plan_reason == ""
    saved = project_store.get(new_db, project_id)
    assert saved is not None
    assert saved.over_plan_reason == "设备价格上涨，追加投资"
    assert saved.contact == "王工 0532-8888"


def test_update_with_a_blank_reason_is_still_refused(new_db: Database) -> None:
    project_id = over_plan_project(new_db)
    stored = project_store.get(new_db, project_id)
    assert stored is not None
    before = snapshot(new_db)
    with pytest.raises(ValidationError):
        update_project(new_db, project=dataclasses.replace(stored, over_plan_reason="   "))
    assert snapshot(new_db) == before


def test_update_does_not_change_the_stage(new_db: Database) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    stored = project_store.get(new_db, project_id)
    assert stored is not None

    update_project(
        new_db, project=dataclasses.replace(stored, stage=Stage.IN_PRODUCTION, notes="改备注")
    )

    saved = project_store.get(new_db, project_id)
    assert saved is not None
    assert (saved.stage, saved.notes) == (Stage.SIGNED, "改备注")


def test_update_with_a_date_error_is_refused(new_db: Database) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    stored = project_store.get(new_db, project_id)
    assert stored is not None
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        update_project(
            new_db,
            project=dataclasses.replace(stored, actual_start_date=D(2023, 12, 1)),
        )
    assert [p.field for p in caught.value.problems] == ["actual_start_date"]
    assert snapshot(new_db) == before


def test_stage_change_is_not_blocked_by_an_over_plan_warning(new_db: Database) -> None:
    project_id = over_plan_project(new_db)
    advance_stage(new_db, project_id=project_id, stage=Stage.IN_PRODUCTION, date=D(2024, 4, 1))
    saved = project_store.get(new_db, project_id)
    assert saved is not None
    assert saved.stage is Stage.IN_PRODUCTION


# ---------------------------------------------------------------- record_investment


def test_record_investment_replaces_a_month(new_db: Database) -> None:
    project_id = over_plan_project(new_db)
    record_investment(
        new_db, entries=[MonthlyInvestment(project_id, YearMonth(2024, 3), Money.wan(1000))]
    )
    rows = new_db.query(
        "SELECT month, completed_yuan FROM project_monthly_investment WHERE project_id = ?"
        " ORDER BY month",
        [project_id],
    )
    assert [tuple(r) for r in rows] == [("2024-02", 70_000_000), ("2024-03", 10_000_000)]


def test_record_investment_is_all_or_nothing(new_db: Database) -> None:
    project_id = create_project(new_db, project=signed_project(new_db))
    before = snapshot(new_db)
    with pytest.raises(sqlite3.IntegrityError):  # the second refers to no project
        record_investment(
            new_db,
            entries=[
                MonthlyInvestment(project_id, YearMonth(2024, 2), Money.wan(500)),
                MonthlyInvestment(project_id + 1000, YearMonth(2024, 3), Money.wan(1)),
            ],
        )
    assert snapshot(new_db) == before
    with pytest.raises(ValidationError):  # refused by the domain's rules before any write
        record_investment(
            new_db,
            entries=[
                MonthlyInvestment(project_id, YearMonth(2024, 2), Money.wan(500)),
                MonthlyInvestment(project_id, YearMonth(2024, 3), Money(-1)),
            ],
        )
    assert snapshot(new_db) == before


@pytest.mark.parametrize(
    ("project", "field"),
    [
        (Project(1, "签约项目", Stage.SIGNED), "signed_date"),
        (
            Project(1, "在建项目", Stage.UNDER_CONSTRUCTION, signed_date=D(2024, 1, 2)),
            "actual_start_date",
        ),
    ],
)
def test_create_project_never_dates_its_stage_today(
    new_db: Database, project: Project, field: str
) -> None:
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        create_project(new_db, project=project)
    assert [p.field for p in caught.value.problems] == [field]
    assert snapshot(new_db) == before


def test_create_project_dates_its_stage_by_its_own_date(new_db: Database) -> None:
    project_id = create_project(
        new_db,
        project=Project(
            1,
            "在建项目",
            Stage.UNDER_CONSTRUCTION,
            signed_date=D(2023, 11, 2),
            actual_start_date=D(2024, 2, 5),
        ),
    )
    assert history(new_db, project_id) == [(Stage.UNDER_CONSTRUCTION, D(2024, 2, 5), "")]
