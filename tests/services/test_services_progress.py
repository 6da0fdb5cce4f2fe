"""Schedule pace and stage ageing on a database built by the test: per park and per project,
across a year boundary and in a leap year, and the same figures the warnings use."""

from __future__ import annotations

from fractions import Fraction

from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.domain.warnings import Rule
from parktracker.services import progress, projects, warnings
from parktracker.storage.database import Database
from tests.services.warning_db import D, build, wan


def test_project_pace_mid_year(new_db: Database) -> None:
    build(new_db)
    paces = {p.name: p.pace for p in progress.project_pace(new_db, as_of=D(2024, 6, 30))}
    assert set(paces) == {"投资滞后项目", "进度正常项目"}
    behind = paces["投资滞后项目"]
    assert (behind.plan, behind.completed, behind.months_elapsed) == (wan(1000), wan(150), 6)
    assert behind.completion == Fraction(15, 100)
    assert behind.ahead_by == Fraction(-35, 100)
    assert behind.monthly_needed == Money(1_416_667)  # 850万 over 6 months, rounded up
    assert paces["进度正常项目"].ahead_by == 0


def test_project_pace_across_the_year_boundary_and_leap_year(new_db: Database) -> None:
    build(new_db)
    december = {p.name: p.pace for p in progress.project_pace(new_db, as_of=D(2024, 12, 31))}
    assert december["投资滞后项目"].months_elapsed == 12
    assert december["投资滞后项目"].monthly_needed is None  # no month left
    assert progress.project_pace(new_db, as_of=D(2025, 1, 15)) == []  # no 2025 plans
    leap = {p.name: p.pace for p in progress.project_pace(new_db, as_of=D(2024, 2, 29))}
    assert leap["投资滞后项目"].months_elapsed == 2
    assert leap["投资滞后项目"].completed == wan(50)  # January and February
    assert leap["投资滞后项目"].ahead_by == Fraction(5, 100) - Fraction(2, 12)
    feb28 = {p.name: p.pace for p in progress.project_pace(new_db, as_of=D(2024, 2, 28))}
    assert feb28["投资滞后项目"].months_elapsed == 1  # February not complete yet


def test_revenue_pace_per_park_matches_the_warning(new_db: Database) -> None:
    ids = build(new_db)
    as_of = D(2024, 6, 30)
    paces = {p.park_id: p.card for p in progress.revenue_pace(new_db, as_of=as_of)}
    assert len(paces) == 9  # all parks, then the eight
    park_b = paces[ids["park_b"]]
    assert (park_b.target, park_b.ytd) == (wan(1200), wan(300))
    assert park_b.time_elapsed == Fraction(1, 2)
    assert park_b.ahead_by == Fraction(-1, 4)
    assert park_b.monthly_needed == wan(150)
    assert paces[ids["park_a"]].progress is None  # no target of its own
    finding = next(
        f for f in warnings.findings(new_db, as_of=as_of) if f.rule is Rule.REVENUE_BEHIND_PACE
    )
    assert finding.park_id == ids["park_b"]
    assert finding.args == (-park_b.ahead_by,)  # the same figure, from the same months


def test_stage_ageing_from_the_history(new_db: Database) -> None:
    ids = build(new_db)
    projects.advance_stage(
        new_db, project_id=ids["overdue"], stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 5, 10)
    )
    june = {a.name: a for a in progress.stage_ageing(new_db, as_of=D(2024, 6, 30))}
    assert (june["逾期未开工项目"].stage, june["逾期未开工项目"].since) == (
        Stage.UNDER_CONSTRUCTION,
        D(2024, 5, 10),
    )
    assert (june["逾期未开工项目"].months, june["逾期未开工项目"].days) == (1, 51)
    april = {a.name: a for a in progress.stage_ageing(new_db, as_of=D(2024, 4, 30))}
    assert (april["逾期未开工项目"].stage, april["逾期未开工项目"].months) == (Stage.SIGNED, 3)
    assert april["签约久未开工项目"].months == 5  # signed 2023-11-20
    # not yet in the file on 2023-01-01
    assert progress.stage_ageing(new_db, as_of=D(2023, 1, 1)) == []
