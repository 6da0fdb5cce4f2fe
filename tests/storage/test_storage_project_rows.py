"""Some projects' rows as they were before the writes since a point in the audit log
(storage.project_rows): the rows read then, whatever was written (a stage, figures, a project
moved, deleted, an undo), and the sums over them alone, as the sums over all projects give."""

from __future__ import annotations

import dataclasses
import datetime as dt

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services import changes as recording
from parktracker.services.projects import (
    advance_stage,
    delete_project,
    record_investment,
    update_project,
)
from parktracker.storage import as_of_figures, project_rows
from parktracker.storage import projects as project_store
from parktracker.storage.database import Database


def _ids(db: Database, stage: Stage) -> list[int]:
    return [int(r[0]) for r in db.query("SELECT id FROM projects WHERE stage = ?", [stage.value])]


def test_the_rows_before_are_the_rows_read_then(demo_db: Database) -> None:
    signed, building = _ids(demo_db, Stage.SIGNED)[0], _ids(demo_db, Stage.UNDER_CONSTRUCTION)
    moved, deleted = building[0], building[1]
    chosen = {signed, moved, deleted}
    then = project_rows.rows_now(demo_db, chosen)
    point = project_rows.mark(demo_db)
    advance_stage(
        demo_db, project_id=signed, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 4, 15)
    )
    entry = MonthlyInvestment(moved, YearMonth(2024, 4), Money.wan(77))
    record_investment(demo_db, entries=[entry])
    project = project_store.get(demo_db, moved)
    assert project is not None
    update_project(demo_db, project=dataclasses.replace(project, park_id=project.park_id % 8 + 1))
    with recording.recorded(demo_db) as rec:
        delete_project(demo_db, project_id=deleted)
    recording.undo(demo_db, rec)  # back, with its history and figures
    delete_project(demo_db, project_id=deleted)

    written = project_rows.since(demo_db, point, limit=1000)
    assert written is not None
    assert {p for w in written for p in w.projects()} == chosen
    now = project_rows.rows_now(demo_db, chosen)
    assert now != then
    assert project_rows.rows_before(now, written, chosen) == then
    assert project_rows.since(demo_db, point, limit=2) is None  # too many to undo: not read


def test_the_sums_over_some_projects_alone(demo_db: Database) -> None:
    """Run on those projects' rows alone, the queries that sum all projects give their share:
    the shares of all projects, one park at a time, add up to the sums over all."""
    every = [int(r[0]) for r in demo_db.query("SELECT id FROM projects")]
    parks = {int(r[0]) for r in demo_db.query("SELECT DISTINCT park_id FROM projects")}
    whole = as_of_figures.changed_groups(demo_db, dt.date(2023, 6, 30))
    parts = []
    for park in sorted(parks):
        ids = [i for i in every if project_store.get(demo_db, i).park_id == park]  # type: ignore[union-attr]
        with project_rows.apart(demo_db, project_rows.rows_now(demo_db, ids)) as alone:
            parts += as_of_figures.changed_groups(alone, dt.date(2023, 6, 30))
            assert {g.park_id for g in as_of_figures.current_groups(alone)} == {park}
    assert sorted(parts, key=repr) == sorted(whole, key=repr)
