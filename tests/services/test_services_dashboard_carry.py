"""What the dashboard's fetch carries over from the fetch before an edit (services.dashboard_carry)
is what a fetch from nothing gets: the default as-of date, every card and every chart, after
any sequence of the edits an officer makes (revenue, stages, investment, a project moved to
another park, undo), for all parks and for one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Park
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import ValidationError
from parktracker.services import changes as recording
from parktracker.services import dashboard_carry
from parktracker.services.changes import Changes
from parktracker.services.dashboard_carry import Carried, Carry
from parktracker.services.dashboard_figures import CHART_NAMES
from parktracker.services.parks import list_parks
from parktracker.services.projects import (
    advance_stage,
    delete_project,
    edit_investment,
    record_investment,
    update_project,
)
from parktracker.services.reporting import default_as_of
from parktracker.services.revenue_entry import RevenueCell, set_monthly, year_grid
from parktracker.storage import projects as project_store
from parktracker.storage.database import Database, open_database, open_reader

MARCH = YearMonth(2024, 3)


def _tr(text: Any, *args: object) -> str:
    return f"{text}{args}"


def _fetch(
    path: Path,
    park: Park | None,
    carried: Carried | None = None,
    changes: Changes | None = None,
) -> tuple[dt.date, Any, dict[str, Any], Carried]:
    """A fetch as the dashboard makes it: a connection of its own, the default date."""
    db = open_reader(path)
    try:
        carry = Carry(db, carried, changes)
        day = default_as_of(db, tally=carry.tally)
        inputs = carry.inputs(day, park, _tr)
        kpis = inputs.kpis()
        charts = {name: inputs.chart(name) for name in CHART_NAMES}
        return day, kpis, charts, carry.carried_from(inputs)
    finally:
        db.close()


def _projects(db: Database, stage: Stage) -> list[int]:
    return [int(r[0]) for r in db.query("SELECT id FROM projects WHERE stage = ?", [stage.value])]


def _revenue(db: Database, n: int) -> None:
    parks = list_parks(db)
    park = parks[n % len(parks)]
    assert park.id is not None
    month = YearMonth(2024, 3 + n % 2)  # March (a correction) or April (a month reported)
    before = year_grid(db, 2024).get((park.id, month.month)) or Money.yi(10)
    cell = RevenueCell(park.id, month, before + Money.wan(n + 1))
    set_monthly(db, cells=[cell])


def _stage(db: Database, n: int) -> None:
    signed = _projects(db, Stage.SIGNED)
    # At the end of March, in April, or early enough to owe March's figure (which it lacks:
    # March is then incomplete and the default date moves back).
    day = (dt.date(2024, 3, 31), dt.date(2024, 4, 15), dt.date(2024, 2, 1))[n % 3]
    advance_stage(db, project_id=signed[n % len(signed)], stage=Stage.UNDER_CONSTRUCTION, date=day)


def _investment(db: Database, n: int) -> None:
    building = _projects(db, Stage.UNDER_CONSTRUCTION)
    month = YearMonth(2024, 3 + n % 2)
    entry = MonthlyInvestment(building[n % len(building)], month, Money.wan(50 + n))
    record_investment(db, entries=[entry])


def _move(db: Database, n: int) -> None:
    building = _projects(db, Stage.UNDER_CONSTRUCTION)
    project = project_store.get(db, building[n % len(building)])
    assert project is not None
    parks = [p.id for p in list_parks(db) if p.id is not None and p.id != project.park_id]
    update_project(db, project=dataclasses.replace(project, park_id=parks[n % len(parks)]))


def _replan(db: Database, n: int) -> None:
    every = [int(r[0]) for r in db.query("SELECT id FROM projects ORDER BY id")]
    project = project_store.get(db, every[n % len(every)])
    assert project is not None
    planned = Money.yi(1 + n % 7)
    update_project(db, project=dataclasses.replace(project, planned_total=planned))


def _clear(db: Database, n: int) -> None:
    building = _projects(db, Stage.UNDER_CONSTRUCTION)
    month = YearMonth(2024, 1 + n % 4)  # a figure that counts for the reporting status, or not
    edit_investment(db, project_id=building[n % len(building)], cleared=[month])


def _delete(db: Database, n: int) -> None:
    building = _projects(db, Stage.UNDER_CONSTRUCTION)
    delete_project(db, project_id=building[n % len(building)])


EDITS: dict[str, Callable[[Database, int], None]] = {
    "revenue": _revenue,
    "stage": _stage,
    "investment": _investment,
    "move": _move,
    "replan": _replan,
    "clear": _clear,
    "delete": _delete,
}


def _sums(carried: Carried) -> tuple[Any, ...]:
    """The carried sums over projects, in a form that does not depend on their order."""
    inputs = carried.inputs
    return (
        sorted(inputs["current"], key=lambda g: (g.park_id, g.stage.value)),
        inputs["stages"],
        inputs["stages_year_ago"],
        inputs["monthly_totals"],
        inputs.get("building"),  # one park's projects under construction (one park only)
    )


def _check_steps(template: Path, steps: list[tuple[str, int]], one_park: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        shutil.copy(template, path)
        db = open_database(path)
        try:
            park = list_parks(db)[2] if one_park else None
            carried = _fetch(path, park)[3]
            done: list[recording.Recording] = []
            for kind, n in steps:
                if kind == "undo":
                    if not done:
                        continue
                    changes = recording.undo(db, done.pop())
                else:
                    with recording.recorded(db) as rec:
                        try:
                            EDITS[kind](db, n)
                        except ValidationError:
                            continue
                    done.append(rec)
                    changes = rec.changes
                day, kpis, charts, carried = _fetch(path, park, carried, changes)
                fresh = _fetch(path, park)
                assert (day, kpis, charts) == fresh[:3], (kind, n)
                # The sums themselves, not only what they show: the next edit starts from them.
                assert _sums(carried) == _sums(fresh[3]), (kind, n)
                counted = fresh[3].tally.counted
                assert {m: carried.tally.counted[m] for m in counted} == counted, (kind, n)
        finally:
            db.close()


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(st.sampled_from([*EDITS, "undo"]), st.integers(0, 500)), min_size=1, max_size=4
    ),
    st.booleans(),
)
def test_what_is_carried_over_is_what_a_fetch_from_nothing_gets(
    demo_template: Path, steps: list[tuple[str, int]], one_park: bool
) -> None:
    _check_steps(demo_template, steps, one_park)


@pytest.mark.parametrize("kind", [*EDITS])
def test_each_edit_and_its_undo(demo_template: Path, kind: str) -> None:
    steps = [(kind, 7), ("undo", 0), (kind, 3), (kind, 5)]
    _check_steps(demo_template, steps, one_park=False)


def test_a_revenue_figure_moves_no_stage_count_and_recounts_no_investment(
    demo_template: Path, tmp_path: Path
) -> None:
    """The rule for a revenue edit: nothing about projects is fetched again."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    carried = _fetch(path, None)[3]
    db = open_database(path)
    with recording.recorded(db) as rec:
        _revenue(db, 0)
    db.close()
    reader = open_reader(path)
    carry = Carry(reader, carried, rec.changes)
    assert carry.tally.counted == carried.tally.counted
    inputs = carry.inputs(carried.as_of, None, _tr)
    for name in ("current", "stages", "stages_year_ago", "funds", "enterprises_now"):
        assert vars(inputs)[name] is carried.inputs[name]  # kept, not fetched
    assert "revenue" not in vars(inputs)  # fetched again
    reader.close()


def test_a_stage_edit_moves_the_sums_by_its_project_alone(
    demo_template: Path, tmp_path: Path
) -> None:
    """A stage edit and its undo: the sums over projects are moved by the project's own share
    (no count of all projects), and come back to what they were."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    first = _fetch(path, None)[3]
    db = open_database(path)
    with recording.recorded(db) as rec:
        _stage(db, 1)  # a project signed before, under construction from mid-April
    reader = open_reader(path)
    carry = Carry(reader, first, rec.changes)
    assert {"stages", "monthly_totals"} <= set(carry.moved)
    assert set(carry.tally.counted) == set(first.tally.counted)
    inputs = carry.inputs(first.as_of, None, _tr)
    assert "stages" in vars(inputs)  # moved, not fetched again
    moved = sorted(vars(inputs)["current"], key=lambda g: (g.park_id, g.stage.value))
    assert moved != _sums(first)[0]  # the project is under construction now
    reader.close()
    after = _fetch(path, None, first, rec.changes)[3]
    undone = recording.undo(db, rec)
    db.close()
    back = _fetch(path, None, after, undone)[3]
    assert _sums(back) == _sums(first) and back.tally.counted == first.tally.counted


def test_an_edit_that_does_not_name_its_projects_keeps_no_sum(
    demo_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    carried = _fetch(path, None)[3]
    reader = open_reader(path)
    carry = Carry(reader, carried, Changes.of("investment"))
    assert carry.moved == {} and carry.tally.counted == {}
    inputs = carry.inputs(carried.as_of, None, _tr)
    assert "stages" not in vars(inputs) and "funds" in vars(inputs)
    reader.close()


def test_after_very_many_writes_the_sums_are_worked_out_from_nothing(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    first = _fetch(path, None)[3]
    db = open_database(path)
    with recording.recorded(db) as rec:
        _stage(db, 1)
    db.close()
    monkeypatch.setattr(dashboard_carry, "MOST_WRITES", 1)  # the stage edit writes two rows
    reader = open_reader(path)
    carry = Carry(reader, first, rec.changes)
    assert carry.moved == {} and carry.tally.counted == {}
    reader.close()
    assert _fetch(path, None, first, rec.changes)[:3] == _fetch(path, None)[:3]
