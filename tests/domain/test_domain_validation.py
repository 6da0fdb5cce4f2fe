"""Validation rules: one test (or group) per rule, checking field, severity and message."""

from __future__ import annotations

import datetime as dt

import pytest

from parktracker.domain.enums import Metric, PlatformKind, PlatformLevel, Stage
from parktracker.domain.i18n_markers import Text
from parktracker.domain.models import (
    Enterprise,
    Fund,
    FundUpdate,
    Park,
    Platform,
    Project,
    RevenueEntry,
    Target,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import (
    M_COMPLETION_BEFORE_START,
    M_DUPLICATE_NAME,
    M_INVESTED_OVER_PAID_IN,
    M_MONTH_RANGE,
    M_NEGATIVE,
    M_OVER_PLAN,
    M_PAID_IN_OVER_SCALE,
    M_PRODUCTION_BEFORE_SIGNED,
    M_PRODUCTION_BEFORE_START,
    M_REQUIRED,
    M_SIGNED_NEEDS_DATE,
    M_STAGE_NEEDS_DATE,
    M_START_BEFORE_SIGNED,
    M_UPDATE_BEFORE_FUND,
    M_YEAR_RANGE,
    STAGE_DATE_FIELD,
    Problem,
    Severity,
    ValidationError,
    errors_only,
    normalize_name,
    over_plan_warning,
    validate_completed_investment,
    validate_fund,
    validate_fund_update,
    validate_month_number,
    validate_park,
    validate_park_record,
    validate_project,
    validate_revenue,
    validate_stage_dates,
    validate_target,
    validate_year,
)

D = dt.date


def project(**changes: object) -> Project:
    """A valid project; keyword arguments override fields."""
    base = Project(park_id=1, name="智能装备产业化项目", stage=Stage.UNDER_CONSTRUCTION)
    for key, value in changes.items():
        setattr(base, key, value)
    return base


MID_2024 = D(2024, 6, 30)


def update(scale: Money, paid_in: Money, invested: Money, date: dt.date = MID_2024) -> FundUpdate:
    return FundUpdate(fund_id=1, date=date, scale=scale, paid_in=paid_in, invested=invested)


def summary(problems: list[Problem]) -> list[tuple[str, Text, Severity]]:
    return [(p.field, p.message, p.severity) for p in problems]


# ---------------------------------------------------------------- Problem / ValidationError


def test_problem_defaults_to_error_without_args() -> None:
    problem = Problem("name", M_REQUIRED)
    assert problem.severity is Severity.ERROR
    assert problem.args == ()
    assert problem.render() == "This field is required."


def test_render_fills_numbered_placeholders() -> None:
    problem = Problem("x", Text("Ctx", "From %1 to %2."), args=("甲", "乙"))
    assert problem.render() == "From 甲 to 乙."


def test_render_fills_placeholders_in_any_order_and_repeated() -> None:
    problem = Problem("x", Text("Ctx", "%2, then %1, again %2"), args=("a", "b"))
    assert problem.render() == "b, then a, again b"


def test_render_uses_the_translation() -> None:
    seen: list[Text] = []

    def translate(text: Text) -> str:
        seen.append(text)
        return "实缴（%1）不能超过基金总规模（%2）。"

    problem = Problem("paid_in", M_PAID_IN_OVER_SCALE, args=("12 亿元", "10 亿元"))
    assert problem.render(translate) == "实缴（12 亿元）不能超过基金总规模（10 亿元）。"
    assert seen == [M_PAID_IN_OVER_SCALE]


def test_validation_error_carries_every_problem() -> None:
    problems = [Problem("name", M_REQUIRED), Problem("year", M_YEAR_RANGE, args=("2000", "2100"))]
    error = ValidationError(problems)
    assert isinstance(error, ValueError)
    assert error.problems == tuple(problems)
    assert str(error) == "This field is required.; The year must be between 2000 and 2100."


def test_errors_only_drops_warnings() -> None:
    error = Problem("a", M_REQUIRED)
    warning = Problem("b", M_OVER_PLAN, Severity.WARNING)
    assert errors_only([warning, error, warning]) == [error]
    assert errors_only([warning]) == []


# ---------------------------------------------------------------- required fields


def test_park_requires_name_short_name_and_industry() -> None:
    problems = validate_park(Park(name="", short_name=" ", industry="\u3000"))
    assert summary(problems) == [
        ("name", M_REQUIRED, Severity.ERROR),
        ("short_name", M_REQUIRED, Severity.ERROR),
        ("industry", M_REQUIRED, Severity.ERROR),
    ]


def test_valid_park_has_no_problems() -> None:
    park = Park(name="青岛智能装备产业园", short_name="智能装备", industry="高端装备")
    assert validate_park(park) == []


@pytest.mark.parametrize(
    "problems",
    [
        pytest.param(lambda: validate_project(project(name="  ")), id="project"),
        pytest.param(lambda: validate_fund(Fund(name="", park_id=1)), id="fund"),
        pytest.param(
            lambda: validate_park_record(
                Platform(1, " ", PlatformLevel.NATIONAL, PlatformKind.KEY_LAB)
            ),
            id="platform",
        ),
        pytest.param(lambda: validate_park_record(Enterprise(1, "")), id="enterprise"),
    ],
)
def test_name_is_required(problems) -> None:  # type: ignore[no-untyped-def]
    assert summary(problems()) == [("name", M_REQUIRED, Severity.ERROR)]


# ---------------------------------------------------------------- non-negative amounts


def test_project_planned_total_cannot_be_negative() -> None:
    assert summary(validate_project(project(planned_total=Money(-1)))) == [
        ("planned_total", M_NEGATIVE, Severity.ERROR)
    ]
    assert validate_project(project(planned_total=Money.zero())) == []
    assert validate_project(project(planned_total=None)) == []


def test_completed_investment_cannot_be_negative() -> None:
    assert summary(validate_completed_investment(Money(-1), 2024, 5)) == [
        ("completed", M_NEGATIVE, Severity.ERROR)
    ]
    assert validate_completed_investment(Money.zero(), 2024, 5) == []


def test_fund_update_amounts_cannot_be_negative() -> None:
    assert summary(validate_fund_update(update(Money.yi(10), Money.yi(5), Money(-1)))) == [
        ("invested", M_NEGATIVE, Severity.ERROR)
    ]
    negative_scale = validate_fund_update(update(Money(-1), Money.zero(), Money.zero()))
    assert ("scale", M_NEGATIVE, Severity.ERROR) in summary(negative_scale)
    negative_paid_in = validate_fund_update(update(Money.yi(1), Money(-1), Money(-1)))
    assert ("paid_in", M_NEGATIVE, Severity.ERROR) in summary(negative_paid_in)


def test_revenue_and_target_amounts_cannot_be_negative() -> None:
    entry = RevenueEntry(park_id=1, month=YearMonth(2024, 3), amount=Money(-5))
    assert summary(validate_revenue(entry)) == [("amount", M_NEGATIVE, Severity.ERROR)]
    target = Target(year=2024, metric=Metric.REVENUE, amount=Money(-5))
    assert summary(validate_target(target)) == [("amount", M_NEGATIVE, Severity.ERROR)]


def test_zero_revenue_and_target_are_valid() -> None:
    assert validate_revenue(RevenueEntry(1, YearMonth(2024, 3), Money.zero())) == []
    assert validate_target(Target(2024, Metric.ANNUAL_INVESTMENT, Money.zero())) == []


# ---------------------------------------------------------------- fund: invested ≤ paid-in ≤ scale


def test_paid_in_may_equal_scale_and_invested_may_equal_paid_in() -> None:
    assert validate_fund_update(update(Money.yi(10), Money.yi(10), Money.yi(10))) == []


def test_paid_in_above_scale_is_an_error() -> None:
    problems = validate_fund_update(update(Money.yi(10), Money.yi("10.5"), Money.yi(1)))
    assert summary(problems) == [("paid_in", M_PAID_IN_OVER_SCALE, Severity.ERROR)]
    assert problems[0].args == ("10.5 亿元", "10 亿元")
    assert problems[0].render() == (
        "Paid-in (10.5 亿元) cannot exceed the fund's total scale (10 亿元)."
    )


def test_paid_in_above_scale_by_one_yuan_is_an_error() -> None:
    problems = validate_fund_update(update(Money.yi(10), Money(1_000_000_001), Money.zero()))
    assert [p.field for p in problems] == ["paid_in"]


def test_invested_above_paid_in_is_an_error() -> None:
    problems = validate_fund_update(update(Money.yi(10), Money.yi(4), Money.wan(40_001)))
    assert summary(problems) == [("invested", M_INVESTED_OVER_PAID_IN, Severity.ERROR)]
    assert problems[0].render() == (
        "Invested (4.0001 亿元) cannot exceed the paid-in capital (4 亿元)."
    )


def test_both_fund_ratios_broken() -> None:
    problems = validate_fund_update(update(Money.yi(1), Money.yi(2), Money.yi(3)))
    assert [p.field for p in problems] == ["paid_in", "invested"]


def test_fund_update_not_before_fund_established() -> None:
    amounts = (Money.yi(10), Money.yi(5), Money.yi(1))
    early = validate_fund_update(update(*amounts, date=D(2023, 12, 31)), established=D(2024, 1, 1))
    assert summary(early) == [("date", M_UPDATE_BEFORE_FUND, Severity.ERROR)]
    same_day = validate_fund_update(update(*amounts, date=D(2024, 1, 1)), established=D(2024, 1, 1))
    assert same_day == []
    assert validate_fund_update(update(*amounts, date=D(2020, 1, 1)), established=None) == []


# ---------------------------------------------------------------- project dates


def test_dates_in_order_are_valid() -> None:
    ok = project(
        signed_date=D(2023, 5, 1),
        actual_start_date=D(2023, 8, 1),
        production_date=D(2024, 9, 1),
        planned_start_date=D(2023, 7, 1),
        planned_completion_date=D(2024, 12, 31),
    )
    assert validate_project(ok) == []


def test_equal_dates_are_valid() -> None:
    day = D(2024, 3, 1)
    same = project(
        signed_date=day,
        actual_start_date=day,
        production_date=day,
        planned_start_date=day,
        planned_completion_date=day,
    )
    assert validate_project(same) == []


def test_start_before_signing_is_an_error() -> None:
    problems = validate_project(
        project(signed_date=D(2024, 3, 1), actual_start_date=D(2024, 2, 29))
    )
    assert summary(problems) == [("actual_start_date", M_START_BEFORE_SIGNED, Severity.ERROR)]


def test_production_before_start_is_an_error() -> None:
    problems = validate_project(
        project(
            signed_date=D(2023, 1, 1),
            actual_start_date=D(2024, 3, 1),
            production_date=D(2024, 2, 1),
        )
    )
    assert summary(problems) == [("production_date", M_PRODUCTION_BEFORE_START, Severity.ERROR)]


def test_production_before_signing_without_start_is_an_error() -> None:
    problems = validate_project(project(signed_date=D(2024, 3, 1), production_date=D(2024, 1, 1)))
    assert summary(problems) == [("production_date", M_PRODUCTION_BEFORE_SIGNED, Severity.ERROR)]


def test_planned_completion_before_planned_start_is_an_error() -> None:
    problems = validate_project(
        project(planned_start_date=D(2024, 6, 1), planned_completion_date=D(2024, 5, 31))
    )
    assert summary(problems) == [
        ("planned_completion_date", M_COMPLETION_BEFORE_START, Severity.ERROR)
    ]


def test_missing_dates_are_not_compared() -> None:
    assert validate_project(project(actual_start_date=D(2020, 1, 1))) == []
    assert validate_project(project(production_date=D(2020, 1, 1))) == []
    assert validate_project(project(planned_completion_date=D(2020, 1, 1))) == []


# ---------------------------------------------------------------- over-plan warning


def test_completed_above_planned_total_is_a_warning() -> None:
    problems = validate_project(
        project(planned_total=Money.yi(10)), completed_total=Money.yi("10.5")
    )
    assert summary(problems) == [("over_plan_reason", M_OVER_PLAN, Severity.WARNING)]
    assert problems[0].args == ("10.5 亿元", "10 亿元")
    assert problems[0].render() == (
        "Completed investment (10.5 亿元) exceeds the planned total (10 亿元). "
        "Give a reason to keep it."
    )
    assert errors_only(problems) == []  # a warning does not block saving by itself


def test_over_plan_warning_disappears_with_a_reason() -> None:
    with_reason = project(planned_total=Money.yi(10), over_plan_reason="设备价格上涨")
    assert validate_project(with_reason, completed_total=Money.yi("10.5")) == []


def test_blank_over_plan_reason_does_not_count() -> None:
    blank = project(planned_total=Money.yi(10), over_plan_reason="   ")
    assert [p.field for p in over_plan_warning(blank, Money.yi(11))] == ["over_plan_reason"]


def test_completed_equal_to_planned_total_is_fine() -> None:
    assert over_plan_warning(project(planned_total=Money.yi(10)), Money.yi(10)) == []


def test_completed_one_yuan_over_planned_total_warns() -> None:
    assert len(over_plan_warning(project(planned_total=Money.yi(10)), Money(1_000_000_001))) == 1


def test_no_over_plan_warning_without_both_figures() -> None:
    assert over_plan_warning(project(planned_total=None), Money.yi(100)) == []
    assert over_plan_warning(project(planned_total=Money.yi(1)), None) == []
    assert validate_project(project(planned_total=Money.yi(1))) == []


# ---------------------------------------------------------------- unique names within a park


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("  海洋装备  ", "海洋装备"),
        ("\u3000海洋装备\u3000", "海洋装备"),  # full-width spaces
        ("青岛（西海岸）产业园", "青岛(西海岸)产业园"),
        ("ABC Park", "abc park"),
        ("", ""),
    ],
)
def test_normalize_name(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


def test_duplicate_name_with_other_brackets_and_spaces() -> None:
    problems = validate_project(
        project(name=" 青岛(西海岸)新材料项目 "), other_names_in_park=["青岛（西海岸）新材料项目"]
    )
    assert summary(problems) == [("name", M_DUPLICATE_NAME, Severity.ERROR)]
    assert problems[0].args == ("青岛(西海岸)新材料项目",)
    assert problems[0].render() == "The name “青岛(西海岸)新材料项目” is already used in this park."


def test_different_names_are_fine() -> None:
    others = ["项目乙", "项目甲二期"]
    assert validate_project(project(name="项目甲"), other_names_in_park=others) == []


def test_duplicate_name_ignores_letter_case() -> None:
    problems = validate_park_record(Enterprise(1, "Haier"), other_names_in_park=["HAIER"])
    assert [p.message for p in problems] == [M_DUPLICATE_NAME]


def test_empty_name_is_required_not_duplicate() -> None:
    problems = validate_fund(Fund(name=" ", park_id=1), other_names_in_park=["", "  "])
    assert [p.message for p in problems] == [M_REQUIRED]


@pytest.mark.parametrize(
    "problems",
    [
        pytest.param(
            lambda: validate_park(
                Park(name="海洋产业园", short_name="海洋", industry="海洋"),
                other_names=["海洋产业园 "],
            ),
            id="park",
        ),
        pytest.param(
            lambda: validate_fund(Fund("产业基金", 1), other_names_in_park=["产业基金"]), id="fund"
        ),
        pytest.param(
            lambda: validate_park_record(
                Platform(1, "重点实验室", PlatformLevel.PROVINCIAL, PlatformKind.KEY_LAB),
                other_names_in_park=["重点实验室"],
            ),
            id="platform",
        ),
        pytest.param(
            lambda: validate_park_record(Enterprise(1, "海尔"), other_names_in_park=["海尔"]),
            id="enterprise",
        ),
    ],
)
def test_every_named_record_checks_duplicates(problems) -> None:  # type: ignore[no-untyped-def]
    assert summary(problems()) == [("name", M_DUPLICATE_NAME, Severity.ERROR)]


# ---------------------------------------------------------------- year and month ranges


@pytest.mark.parametrize("year", [2000, 2024, 2100])
def test_year_in_range(year: int) -> None:
    assert validate_year(year) == []


@pytest.mark.parametrize("year", [1999, 2101, 0, 24])
def test_year_out_of_range(year: int) -> None:
    problems = validate_year(year)
    assert summary(problems) == [("year", M_YEAR_RANGE, Severity.ERROR)]
    assert problems[0].render() == "The year must be between 2000 and 2100."


def test_year_problem_names_the_given_field() -> None:
    assert [p.field for p in validate_year(1999, field="plan_year")] == ["plan_year"]


@pytest.mark.parametrize("month", [1, 6, 12])
def test_month_in_range(month: int) -> None:
    assert validate_month_number(month) == []


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_out_of_range(month: int) -> None:
    assert summary(validate_month_number(month)) == [("month", M_MONTH_RANGE, Severity.ERROR)]


def test_completed_investment_checks_year_and_month() -> None:
    assert summary(validate_completed_investment(Money.zero(), 1999, 13)) == [
        ("year", M_YEAR_RANGE, Severity.ERROR),
        ("month", M_MONTH_RANGE, Severity.ERROR),
    ]


def test_revenue_and_target_check_the_year() -> None:
    entry = RevenueEntry(park_id=1, month=YearMonth(1999, 12), amount=Money.zero())
    assert summary(validate_revenue(entry)) == [("year", M_YEAR_RANGE, Severity.ERROR)]
    target = Target(year=2101, metric=Metric.REVENUE, amount=Money.zero())
    assert summary(validate_target(target)) == [("year", M_YEAR_RANGE, Severity.ERROR)]


# ---------------------------------------------------------------- the dates a stage stands on


def test_a_signed_project_needs_its_signing_date() -> None:
    project = Project(1, "项目", Stage.SIGNED)
    problems = validate_stage_dates(project, new=False)
    assert [(p.field, p.message, p.severity) for p in problems] == [
        ("signed_date", M_SIGNED_NEEDS_DATE, Severity.ERROR)
    ]
    dated = Project(1, "项目", Stage.SIGNED, signed_date=dt.date(2024, 1, 10))
    assert validate_stage_dates(dated, new=False) == []


@pytest.mark.parametrize("stage", [Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION])
def test_a_project_past_signing_is_dated_by_its_own_stage(stage: Stage) -> None:
    """Older records often lack the signing date of a project already being built: its own
    start or production date dates it, and only that is asked of a new one."""
    assert validate_stage_dates(Project(1, "项目", stage), new=False) == []
    assert [p.field for p in validate_stage_dates(Project(1, "项目", stage), new=True)] == [
        STAGE_DATE_FIELD[stage]
    ]


@pytest.mark.parametrize("stage", [Stage.NEGOTIATING, Stage.TERMINATED])
def test_unsigned_or_terminated_projects_need_no_signing_date(stage: Stage) -> None:
    assert validate_stage_dates(Project(1, "项目", stage), new=True) == []


@pytest.mark.parametrize(
    ("stage", "field"),
    [(Stage.UNDER_CONSTRUCTION, "actual_start_date"), (Stage.IN_PRODUCTION, "production_date")],
)
def test_a_new_project_needs_the_date_of_its_stage(stage: Stage, field: str) -> None:
    project = Project(1, "项目", stage, signed_date=dt.date(2024, 1, 10))
    problems = validate_stage_dates(project, new=True)
    assert [(p.field, p.message, p.args) for p in problems] == [
        (field, M_STAGE_NEEDS_DATE, (stage.text,))
    ]
    assert validate_stage_dates(project, new=False) == []  # an edit keeps what history says


def test_a_date_in_a_message_is_written_the_ui_languages_way() -> None:
    """A Problem's date and month arguments follow the language: 2024年4月15日 and 2024年4月
    in Chinese, ISO without a translation; text arguments stay as they are."""
    from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
    from parktracker.domain.periods import YearMonth

    message = QT_TRANSLATE_NOOP("Validation", "%1 on %2, reported for %3")
    chinese = {"yyyy-MM-dd": "yyyy年M月d日", "yyyy-MM": "yyyy年M月", message.source: "%1：%2，%3"}

    def zh(text: Text) -> str:
        return chinese[text.source]

    problem = Problem("date", message, args=("甲项目", dt.date(2024, 4, 15), YearMonth(2024, 4)))
    assert problem.render(zh) == "甲项目：2024年4月15日，2024年4月"
    assert problem.render() == "甲项目 on 2024-04-15, reported for 2024-04"
