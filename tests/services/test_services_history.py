"""The history service: pages of the audit log newest first, with no entry lost or repeated
across pages (even when many share a second), filters, and readable changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.history import (
    Action,
    FieldChange,
    HistoryFilter,
    RecordKind,
    RecordRef,
    history_page,
    history_users,
)
from parktracker.services.parks import list_parks
from parktracker.services.projects import (
    advance_stage,
    create_project,
    record_investment,
    update_project,
)
from parktracker.storage.audit import os_user
from parktracker.storage.database import Database


def _project(db: Database, name: str = "测试项目") -> int:
    park = list_parks(db)[0]
    assert park.id is not None
    return create_project(
        db,
        project=Project(
            park.id, name, Stage.SIGNED, planned_total=Money.yi(5), signed_date=dt.date(2024, 1, 5)
        ),
    )


def test_pages_cover_every_entry_once_newest_first(new_db: Database) -> None:
    project_id = _project(new_db)
    for month in range(1, 13):
        record_investment(
            new_db,
            entries=[
                MonthlyInvestment(project_id, YearMonth(2024, month), Money.wan(Decimal(month)))
            ],
        )
    total = new_db.scalar("SELECT count(*) FROM audit_log")
    assert total > 20
    seen: list[int] = []
    after = None
    while True:
        page = history_page(new_db, where=HistoryFilter(), after=after, limit=7)
        if not page:
            break
        seen += [e.id for e in page]
        after = page[-1].cursor
    assert len(seen) == len(set(seen)) == total  # entries written in one second: none lost
    assert seen == sorted(seen, reverse=True)


def test_an_update_reads_field_old_new(new_db: Database) -> None:
    project_id = _project(new_db)
    project = history_page(new_db, where=HistoryFilter(kind=RecordKind.PROJECT))[0]
    assert project.action is Action.INSERT
    from parktracker.services.projects import get_project

    saved = get_project(new_db, project_id)
    assert saved is not None
    saved.planned_total = Money.yi(Decimal("7.5"))
    update_project(new_db, project=saved)
    newest = history_page(new_db, where=HistoryFilter(kind=RecordKind.PROJECT))[0]
    assert newest.action is Action.UPDATE
    assert newest.label == "测试项目"
    assert newest.user == os_user()
    assert [(c.before, c.after) for c in newest.changes] == [("5 亿元", "7.5 亿元")]
    assert isinstance(newest.changes[0], FieldChange)


def test_a_stage_change_names_the_stage_and_the_project(new_db: Database) -> None:
    project_id = _project(new_db)
    advance_stage(
        new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 3, 1)
    )
    record = history_page(
        new_db, where=HistoryFilter(record=RecordRef(RecordKind.PROJECT, project_id))
    )
    kinds = {e.kind for e in record}
    assert kinds == {RecordKind.PROJECT, RecordKind.STAGE_CHANGE}
    stage_change = next(
        e
        for e in record
        if e.kind is RecordKind.STAGE_CHANGE
        and e.action is Action.INSERT
        and any(c.after == Stage.UNDER_CONSTRUCTION.text for c in e.changes)
    )
    assert (stage_change.label, stage_change.detail) == ("测试项目", dt.date(2024, 3, 1))
    project_update = next(e for e in record if e.action is Action.UPDATE)
    stage = next(c for c in project_update.changes if c.before == Stage.SIGNED.text)
    assert stage.after == Stage.UNDER_CONSTRUCTION.text  # translated by the UI


def test_filters(new_db: Database) -> None:
    _project(new_db)
    today = dt.date.today()
    assert history_page(new_db, where=HistoryFilter(date_from=today, date_to=today))
    assert not history_page(new_db, where=HistoryFilter(date_from=today + dt.timedelta(days=1)))
    assert not history_page(new_db, where=HistoryFilter(date_to=today - dt.timedelta(days=1)))
    assert not history_page(new_db, where=HistoryFilter(user="nobody"))
    assert history_users(new_db) == [os_user()]
    new_db.conn.execute("UPDATE audit_log SET os_user = 'a.first' WHERE id = 1")
    assert history_users(new_db) == sorted(["a.first", os_user()])
    only = history_page(new_db, where=HistoryFilter(user="a.first"))
    assert [e.id for e in only] == [1]
