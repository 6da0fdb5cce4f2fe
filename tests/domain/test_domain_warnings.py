"""The warning rules at each threshold, with their reasons in both languages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import Text
from parktracker.domain.money import Money
from parktracker.domain.number_format import percent_number as percent_text
from parktracker.domain.warnings import (
    FundFacts,
    Level,
    ParkFacts,
    ProblemFacts,
    ProjectFacts,
    Rule,
    Thresholds,
    full_months_since,
    fund_findings,
    level_of,
    park_findings,
    problem_findings,
    project_findings,
    sort_key,
)

ZH = {
    "yyyy-MM": "yyyy年M月",
    "yyyy-MM-dd": "yyyy年M月d日",
    "Planned to start in %1; %2 month(s) overdue and not started": "计划%1开工，已逾期%2个月未开工",
    "Signed %1 months ago and not yet started": "签约已满%1个月仍未开工",
    "Annual investment %1% complete, %2 percentage points behind schedule pace": (
        "年度投资完成率%1%，低于序时进度%2个百分点"
    ),
    "Park revenue %1 percentage points behind schedule pace": "园区营收慢于序时进度%1个百分点",
    "Fund “%1”: paid-in %2% of its scale, below %3%": "基金“%1”实缴率%2%，低于%3%",
    "Problem “%1” is past its due date %2 and not solved": "问题“%1”已超过办结期限%2，尚未解决",
}


def zh(text: Text) -> str:
    return ZH[text.source]


def english(text: Text) -> str:
    return text.source


def wan(value: int) -> Money:
    return Money.wan(Decimal(value))


def project(**changes: object) -> ProjectFacts:
    base: dict[str, object] = {
        "project_id": 7,
        "name": "翰博光电生产基地项目",
        "park_id": 4,
        "park": "新型显示产业园",
        "stage": Stage.SIGNED,
    }
    base.update(changes)
    return ProjectFacts(**base)  # type: ignore[arg-type]


# ---------------------------------------------------------------- planned start passed


@pytest.mark.parametrize(
    ("as_of", "level", "months"),
    [
        (dt.date(2024, 1, 31), None, 0),  # still the planned month
        (dt.date(2024, 2, 1), Level.YELLOW, 1),  # the month has passed
        (dt.date(2024, 3, 31), Level.YELLOW, 2),
        (dt.date(2024, 4, 1), Level.RED, 3),  # three months not started
        (dt.date(2025, 1, 15), Level.RED, 12),
    ],
)
def test_planned_start_passed(as_of: dt.date, level: Level | None, months: int) -> None:
    found = project_findings(project(planned_start_date=dt.date(2024, 1, 15)), as_of)
    overdue = [f for f in found if f.rule is Rule.START_OVERDUE]
    if level is None:
        assert overdue == []
        return
    assert [f.level for f in overdue] == [level]
    assert overdue[0].render(zh) == f"计划2024年1月开工，已逾期{months}个月未开工"
    assert overdue[0].render(english) == (
        f"Planned to start in 2024-01; {months} month(s) overdue and not started"
    )


def test_a_started_project_is_never_late_to_start() -> None:
    facts = project(stage=Stage.UNDER_CONSTRUCTION, planned_start_date=dt.date(2023, 1, 1))
    assert project_findings(facts, dt.date(2024, 3, 31)) == []


def test_the_red_limit_can_be_changed() -> None:
    facts = project(planned_start_date=dt.date(2024, 1, 15))
    limits = Thresholds(start_overdue_red_months=2)
    assert level_of(project_findings(facts, dt.date(2024, 3, 1), limits)) is Level.RED
    assert level_of(project_findings(facts, dt.date(2024, 3, 1))) is Level.YELLOW


# ---------------------------------------------------------------- signed, not started


@pytest.mark.parametrize(
    ("as_of", "months"),
    [(dt.date(2024, 7, 14), None), (dt.date(2024, 7, 15), 6), (dt.date(2025, 1, 20), 12)],
)
def test_signed_six_months_without_a_start(as_of: dt.date, months: int | None) -> None:
    found = project_findings(project(signed_date=dt.date(2024, 1, 15)), as_of)
    if months is None:
        assert found == []
        return
    assert [(f.level, f.rule) for f in found] == [(Level.YELLOW, Rule.SIGNED_NOT_STARTED)]
    assert found[0].render(zh) == f"签约已满{months}个月仍未开工"


def test_full_months_at_the_end_of_a_month() -> None:
    assert full_months_since(dt.date(2024, 1, 31), dt.date(2024, 7, 30)) == 5
    assert full_months_since(dt.date(2024, 1, 31), dt.date(2024, 7, 31)) == 6
    assert full_months_since(dt.date(2023, 8, 31), dt.date(2024, 2, 29)) == 6  # leap February
    assert full_months_since(dt.date(2023, 8, 31), dt.date(2024, 2, 28)) == 5


# ---------------------------------------------------------------- investment against pace


def building(completed: int, plan: int = 10_000) -> ProjectFacts:
    return project(
        stage=Stage.UNDER_CONSTRUCTION, annual_plan=wan(plan), completed_this_year=wan(completed)
    )


# As of 2024-06-30 the pace is 6/12 = 50 %.
@pytest.mark.parametrize(
    ("completed", "level"),
    [
        (4_001, None),  # 40.01 %: 9.99 points behind
        (4_000, Level.YELLOW),  # exactly 10 points behind
        (2_000, Level.YELLOW),  # exactly 30 points: still yellow
        (1_999, Level.RED),  # beyond 30
        (6_000, None),  # ahead of pace
    ],
)
def test_annual_investment_behind_pace(completed: int, level: Level | None) -> None:
    found = project_findings(building(completed), dt.date(2024, 6, 30))
    assert [f.level for f in found] == ([level] if level else [])


def test_the_investment_reason_names_completion_and_points() -> None:
    (found,) = project_findings(building(3_200), dt.date(2024, 6, 30))
    assert found.render(zh) == "年度投资完成率32.0%，低于序时进度18.0个百分点"


def test_pace_counts_complete_months_across_the_year_boundary() -> None:
    # 31 December: twelve months elapsed; 1 January of the next year: none yet.
    assert level_of(project_findings(building(8_900), dt.date(2024, 12, 31))) is Level.YELLOW
    assert project_findings(building(0), dt.date(2025, 1, 1)) == []
    # 29 February in a leap year closes February: two months elapsed.
    (found,) = project_findings(building(0), dt.date(2024, 2, 29))
    assert found.args[1] == Fraction(1, 6)
    # 28 February is not its end: one month, 8.3 points behind, under the yellow limit.
    assert project_findings(building(0), dt.date(2024, 2, 28)) == []


def test_no_plan_no_pace_light() -> None:
    facts = project(stage=Stage.UNDER_CONSTRUCTION, annual_plan=None)
    assert project_findings(facts, dt.date(2024, 6, 30)) == []


# ---------------------------------------------------------------- parks, funds, problems


def test_park_revenue_behind_pace() -> None:
    facts = ParkFacts(4, "新型显示产业园", Money.yi(Decimal(100)), Money.yi(Decimal("13")))
    (found,) = park_findings(facts, dt.date(2024, 3, 31))  # pace 25 %, progress 13 %
    assert (found.level, found.rule, found.project) == (
        Level.YELLOW,
        Rule.REVENUE_BEHIND_PACE,
        None,
    )
    assert found.render(zh) == "园区营收慢于序时进度12.0个百分点"
    assert park_findings(ParkFacts(4, "新型显示产业园", None), dt.date(2024, 3, 31)) == []


@pytest.mark.parametrize(("paid_in", "flagged"), [("4.99", True), ("5", False)])
def test_fund_paid_in_below_half(paid_in: str, flagged: bool) -> None:
    fund = FundFacts(
        "青岛集成电路产业基金",
        1,
        "集成电路产业园",
        Money.yi(Decimal(10)),
        Money.yi(Decimal(paid_in)),
    )
    found = fund_findings([fund])
    assert bool(found) is flagged
    if flagged:
        assert found[0].render(zh) == "基金“青岛集成电路产业基金”实缴率49.9%，低于50%"


def test_an_open_problem_past_due_is_a_reason() -> None:
    problems = [
        ProblemFacts("用地指标未落实", dt.date(2024, 3, 15), False, 4, "新型显示产业园", 7, "翰博"),
        ProblemFacts("电力增容", dt.date(2024, 3, 31), False, 4, "新型显示产业园", 7, "翰博"),
        ProblemFacts("环评批复", dt.date(2024, 1, 31), True, 4, "新型显示产业园", 7, "翰博"),
    ]
    found = problem_findings(problems, dt.date(2024, 3, 31))
    assert [f.render(zh) for f in found] == [
        "问题“用地指标未落实”已超过办结期限2024年3月15日，尚未解决"
    ]


def test_red_sorts_before_yellow() -> None:
    found = [
        *project_findings(
            project(name="乙", signed_date=dt.date(2023, 1, 1)), dt.date(2024, 3, 31)
        ),
        *project_findings(
            project(name="甲", planned_start_date=dt.date(2023, 1, 1)), dt.date(2024, 3, 31)
        ),
    ]
    ordered = sorted(found, key=sort_key)
    assert ordered[0].level is Level.RED
    assert level_of(found) is Level.RED
    assert level_of([]) is Level.GREEN


def test_percent_text_rounds_half_up() -> None:
    assert percent_text(Fraction(1, 3)) == "33.3"
    assert percent_text(Fraction(1, 2000)) == "0.1"
    assert percent_text(Fraction(-1, 8)) == "-12.5"


def test_thresholds_out_of_order_are_named() -> None:
    assert Thresholds().problems() == []
    assert Thresholds(behind_yellow_points=40, behind_red_points=30).problems() == [
        "behind_red_points"
    ]
