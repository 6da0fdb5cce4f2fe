"""Warnings from a database built by the test: each rule lights the right project, with the
thresholds read from the file; pace across a year boundary and in a leap year."""

from __future__ import annotations

import datetime as dt

import pytest

from parktracker.domain.enums import Stage
from parktracker.domain.problems import ProblemStatus
from parktracker.domain.validation import ValidationError
from parktracker.domain.warnings import Level, Rule, Thresholds
from parktracker.i18n import set_language, tr
from parktracker.services import problems, projects, warnings
from parktracker.storage import parks as park_store
from parktracker.storage.database import Database
from tests.services.warning_db import D, build

AS_OF = D(2024, 6, 30)


def lights(db: Database, as_of: dt.date = AS_OF, **kw: object) -> set[tuple[str, str | None, str]]:
    return {
        (f.level.value, f.project, f.rule.value)
        for f in warnings.findings(db, as_of=as_of, **kw)  # type: ignore[arg-type]
    }


def test_each_rule_lights_the_right_record(new_db: Database) -> None:
    build(new_db)
    found = warnings.findings(new_db, as_of=AS_OF)
    assert {(f.level.value, f.project, f.rule.value) for f in found} == {
        ("red", "逾期未开工项目", "start_overdue"),
        ("yellow", "签约久未开工项目", "signed_not_started"),
        ("red", "投资滞后项目", "investment_behind_pace"),
        ("yellow", None, "revenue_behind_pace"),
        ("yellow", None, "fund_paid_in_low"),
        ("yellow", "进度正常项目", "problem_overdue"),
    }
    # red first
    assert [f.level for f in found][:2] == [Level.RED, Level.RED]
    set_language("zh_CN")
    reasons = {f.rule: f.render(tr) for f in found}
    assert reasons[Rule.START_OVERDUE] == "计划2024年2月开工，已逾期4个月未开工"
    assert reasons[Rule.SIGNED_NOT_STARTED] == "签约已满7个月仍未开工"
    assert reasons[Rule.INVESTMENT_BEHIND_PACE] == "年度投资完成率15.0%，低于序时进度35.0个百分点"
    assert reasons[Rule.REVENUE_BEHIND_PACE] == "园区营收慢于序时进度25.0个百分点"


def test_one_park_only(new_db: Database) -> None:
    ids = build(new_db)
    park_b = park_store.get(new_db, ids["park_b"])
    projects_lit = {f.project for f in warnings.findings(new_db, as_of=AS_OF, park=park_b)}
    assert projects_lit == {"投资滞后项目", None, "进度正常项目"}
    assert all(
        f.park_id == ids["park_b"] for f in warnings.findings(new_db, as_of=AS_OF, park=park_b)
    )


def test_stage_as_of_the_date_not_today(new_db: Database) -> None:
    """A project that started in July is still 'signed' (and overdue) as of June."""
    ids = build(new_db)
    projects.advance_stage(
        new_db, project_id=ids["overdue"], stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 7, 5)
    )
    assert ("red", "逾期未开工项目", "start_overdue") in lights(new_db)
    assert not any(p == "逾期未开工项目" for _, p, _ in lights(new_db, D(2024, 7, 31)))
    # before it existed it lights nothing
    assert not any(p == "逾期未开工项目" for _, p, _ in lights(new_db, D(2023, 12, 31)))


def test_thresholds_come_from_the_file(new_db: Database) -> None:
    build(new_db)
    warnings.set_thresholds(
        new_db, limits=Thresholds(start_overdue_red_months=5, signed_yellow_months=8)
    )
    assert warnings.thresholds(new_db).start_overdue_red_months == 5
    now = lights(new_db)
    assert ("yellow", "逾期未开工项目", "start_overdue") in now  # 4 < 5 months: yellow now
    assert not any(r == "signed_not_started" for _, _, r in now)  # 7 < 8 months


def test_bad_thresholds_are_refused_and_nothing_is_stored(new_db: Database) -> None:
    with pytest.raises(ValidationError):
        warnings.set_thresholds(
            new_db, limits=Thresholds(behind_yellow_points=40, behind_red_points=30)
        )
    assert new_db.scalar("SELECT count(*) FROM settings") == 0


def test_solved_problem_lights_nothing(new_db: Database) -> None:
    ids = build(new_db)
    problems.set_status(
        new_db, problem_id=ids["problem"], status=ProblemStatus.SOLVED, day=D(2024, 6, 1)
    )
    assert not any(r == "problem_overdue" for _, _, r in lights(new_db))
    assert warnings.open_problem_facts(new_db, as_of=AS_OF) == []


def test_open_problem_facts(new_db: Database) -> None:
    ids = build(new_db)
    facts = warnings.open_problem_facts(new_db, as_of=AS_OF)
    assert [(f.description, f.project, f.responsible_unit, f.due) for f in facts] == [
        ("电力增容未落实", "进度正常项目", "市供电公司", D(2024, 5, 31))
    ]
    assert facts[0].problem_id == ids["problem"]
    # not raised yet on 2024-02-29
    assert warnings.open_problem_facts(new_db, as_of=D(2024, 2, 29)) == []


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # January 2025 not complete: no month of the new year elapsed, and no 2025 plan
        (D(2025, 1, 15), None),
        # 2024-12-31: 12 months elapsed, 15% + nothing more → red
        (D(2024, 12, 31), "red"),
        # leap year: 2024-02-29 ends February → 2 months elapsed (16.7%) against 5%:
        # 11.7 points behind, yellow
        (D(2024, 2, 29), "yellow"),
        (D(2024, 2, 28), None),  # February not complete: 1 month (8.3%) against 2.5% → 5.8 points
    ],
)
def test_investment_pace_across_year_boundary_and_leap_year(
    new_db: Database, as_of: dt.date, expected: str | None
) -> None:
    build(new_db)
    found = [
        level
        for level, p, r in lights(new_db, as_of)
        if p == "投资滞后项目" and r == "investment_behind_pace"
    ]
    assert found == ([expected] if expected else [])


def test_planned_start_month_boundary_through_the_query(new_db: Database) -> None:
    """Read through storage's set-based query: a planned start on the first day of the as-of
    month lights nothing yet; on the last day of the month before it is one month overdue;
    a 在谈 project planned for last month lights too, a future one does not."""
    from tests.services.warning_db import add, park_ids

    park = next(iter(park_ids(new_db).values()))
    signed = [(Stage.SIGNED, D(2024, 6, 1))]
    add(new_db, park, "本月计划开工", Stage.SIGNED, signed, signed_date=D(2024, 6, 1),
        planned_start_date=D(2024, 6, 1))  # fmt: skip
    add(new_db, park, "上月底计划开工", Stage.SIGNED, signed, signed_date=D(2024, 6, 1),
        planned_start_date=D(2024, 5, 31))  # fmt: skip
    add(new_db, park, "在谈逾期", Stage.NEGOTIATING, [(Stage.NEGOTIATING, D(2024, 1, 2))],
        planned_start_date=D(2024, 3, 15))  # fmt: skip
    add(new_db, park, "在谈未到期", Stage.NEGOTIATING, [(Stage.NEGOTIATING, D(2024, 1, 2))],
        planned_start_date=D(2024, 8, 1))  # fmt: skip
    found = {(f.project, f.rule.value, f.level.value, f.args[-1]) for f in
             warnings.findings(new_db, as_of=AS_OF)}  # fmt: skip
    assert found == {
        ("上月底计划开工", "start_overdue", "yellow", 1),
        ("在谈逾期", "start_overdue", "red", 3),
    }
