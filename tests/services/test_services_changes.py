"""What a write, an undo and a redo changed, said by meaning (services/changes.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from test_services_undo import (
    SCENARIOS,
    Context,
    everything,
    park_id,
    with_project,
)

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.problems import ProblemNote, ProblemRecord
from parktracker.services import changes, problems, projects, warnings
from parktracker.services.changes import MEANINGS, Changes, meaning_of_table
from parktracker.storage.database import Database

D = dt.date

# The meanings each service call of test_services_undo changes, and nothing else.
EXPECTED: dict[str, frozenset[str]] = {
    "add_park": frozenset({"parks"}),
    "update_park": frozenset({"parks"}),
    "delete_park": frozenset({"parks", "revenue", "targets"}),
    "add_fund": frozenset({"funds"}),
    "update_fund": frozenset({"funds"}),
    "record_fund_figures": frozenset({"funds"}),
    "delete_fund": frozenset({"funds"}),
    "delete_fund_figures": frozenset({"funds"}),
    "add_platform": frozenset({"platforms"}),
    "update_platform": frozenset({"platforms"}),
    "delete_platform": frozenset({"platforms"}),
    "add_enterprise": frozenset({"enterprises"}),
    "update_enterprise": frozenset({"enterprises"}),
    "delete_enterprise": frozenset({"enterprises"}),
    "set_monthly": frozenset({"revenue"}),
    "set_year_to_date": frozenset({"revenue"}),
    "add_target": frozenset({"targets"}),
    "update_target": frozenset({"targets"}),
    "delete_project": frozenset({"projects", "stages", "investment", "plans"}),
}
IDS = [action.__name__.removeprefix("do_") for _, action in SCENARIOS]


def test_every_scenario_has_its_expected_meanings() -> None:
    assert set(EXPECTED) == set(IDS)


@pytest.mark.parametrize(("setup", "action"), SCENARIOS, ids=IDS)
def test_write_undo_and_redo_say_what_they_changed(
    new_db: Database,
    setup: Callable[[Database], Context],
    action: Callable[[Database, Context], None],
) -> None:
    context = setup(new_db)
    before = everything(new_db)
    with changes.recorded(new_db) as recording:
        action(new_db, context)
    expected = EXPECTED[action.__name__.removeprefix("do_")]
    assert recording.changes.meanings == expected

    undone = changes.undo(new_db, recording)
    assert undone.meanings == expected
    assert everything(new_db) == before  # the replay really put the rows back
    redone = changes.redo(new_db, recording)
    assert redone.meanings == expected


def test_a_project_write_names_the_project_and_its_park(new_db: Database) -> None:
    display = park_id(new_db, "新型显示")
    with changes.recorded(new_db) as created:
        project_id = projects.create_project(
            new_db,
            project=Project(display, "车载显示模组项目", Stage.SIGNED, signed_date=D(2023, 11, 3)),
        )
    assert created.changes.meanings == {"projects", "stages"}
    assert created.changes.project_ids == {project_id}
    assert created.changes.park_ids == {display}

    with changes.recorded(new_db) as advanced:
        projects.advance_stage(
            new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 1, 15)
        )
    assert advanced.changes.meanings == {"projects", "stages"}
    assert advanced.changes.project_ids == {project_id}

    with changes.recorded(new_db) as invested:
        projects.record_investment(
            new_db,
            entries=[MonthlyInvestment(project_id, YearMonth(2024, 1), Money.wan(3500))],
        )
    assert invested.changes.meanings == {"investment"}
    assert invested.changes.project_ids == {project_id}


def test_moving_a_project_touches_both_parks(new_db: Database) -> None:
    ids = with_project(new_db)
    display = park_id(new_db, "新型显示")
    other_park = park_id(new_db, "人工智能")
    project = projects.get_project(new_db, ids["project"])
    assert project is not None
    with changes.recorded(new_db) as moved:
        projects.update_project(new_db, project=dataclasses.replace(project, park_id=other_park))
    assert moved.changes.projects and not moved.changes.investment
    assert moved.changes.park_ids == {display, other_park}


def test_settings_are_a_meaning_of_their_own(new_db: Database) -> None:
    limits = warnings.thresholds(new_db)
    with changes.recorded(new_db) as recording:
        warnings.set_thresholds(
            new_db,
            limits=dataclasses.replace(
                limits, signed_yellow_months=limits.signed_yellow_months + 3
            ),
        )
    assert recording.changes.meanings == {"settings"}


def test_a_read_changes_nothing(new_db: Database) -> None:
    with changes.recorded(new_db) as recording:
        projects.stage_history(new_db, 1)
    assert not recording
    assert not recording.changes
    assert recording.changes == Changes()


def test_every_table_of_the_schema_has_a_meaning(new_db: Database) -> None:
    tables = [
        r[0]
        for r in new_db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    assert len(tables) > 10
    for table in tables:
        meaning = meaning_of_table(table)  # raises for a table nobody gave a meaning
        assert meaning is None or meaning in MEANINGS


def test_an_unknown_table_is_refused() -> None:
    with pytest.raises(KeyError, match="no meaning"):
        meaning_of_table("new_table")


def test_changes_combine_and_name_their_meanings() -> None:
    everything_changed = Changes.everything()
    assert everything_changed.meanings == frozenset(MEANINGS)
    both = Changes.of("funds") | dataclasses.replace(Changes.of("revenue"), park_ids=frozenset({3}))
    assert both.meanings == {"funds", "revenue"}
    assert both.park_ids == {3}
    assert both.touches("revenue", "targets") and not both.touches("projects")
    assert not Changes()
    with pytest.raises(ValueError, match="unknown meanings"):
        Changes.of("project_stage_history")


def _advance(db: Database, c: Context) -> None:
    projects.advance_stage(
        db, project_id=c["project"], stage=Stage.IN_PRODUCTION, date=D(2024, 6, 1)
    )


def _invest(db: Database, c: Context) -> None:
    projects.record_investment(
        db, entries=[MonthlyInvestment(c["project"], YearMonth(2024, 4), Money.wan(800))]
    )


def _plan(db: Database, c: Context) -> None:
    projects.edit_investment(db, project_id=c["project"], annual_plans=[(2025, Money.yi(3))])


def _problem(db: Database, c: Context) -> None:
    problem_id = problems.add_problem(
        db,
        problem=ProblemRecord(
            park_id(db, "新型显示"), "用地指标未落实", D(2024, 3, 1), project_id=c["project"]
        ),
    )
    problems.add_note(db, note=ProblemNote(problem_id, D(2024, 3, 5), "已协调"))


def _thresholds(db: Database, c: Context) -> None:
    limits = warnings.thresholds(db)
    warnings.set_thresholds(
        db, limits=dataclasses.replace(limits, signed_yellow_months=limits.signed_yellow_months + 3)
    )


PROJECT_OPS: list[tuple[Callable[[Database, Context], None], frozenset[str]]] = [
    (_advance, frozenset({"projects", "stages"})),
    (_invest, frozenset({"investment"})),
    (_plan, frozenset({"plans"})),
    (_problem, frozenset({"problems"})),
    (_thresholds, frozenset({"settings"})),
]


@pytest.mark.parametrize(
    ("action", "expected"), PROJECT_OPS, ids=[a.__name__.strip("_") for a, _ in PROJECT_OPS]
)
def test_undo_of_project_problem_and_setting_writes_says_what_it_put_back(
    new_db: Database, action: Callable[[Database, Context], None], expected: frozenset[str]
) -> None:
    context = with_project(new_db)
    before = everything(new_db)
    with changes.recorded(new_db) as recording:
        action(new_db, context)
    assert recording.changes.meanings == expected
    undone = changes.undo(new_db, recording)
    assert undone.meanings == expected
    assert everything(new_db) == before
    if expected & {"stages", "investment", "plans"}:
        assert undone.project_ids  # the project whose rows were put back
