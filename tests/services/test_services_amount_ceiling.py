"""The amount ceiling (1 万亿元 per figure): every service refuses an amount above it with the
domain's validation error, never an OverflowError, and the stored data stays as it was; sums of
figures at the ceiling do not overflow anywhere (summary, dashboard, check)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from parktracker.cli import EXIT_ERROR, EXIT_PROBLEMS, main
from parktracker.domain.enums import Metric, Stage
from parktracker.domain.models import Fund, FundUpdate, MonthlyInvestment, Project, Target
from parktracker.domain.money import MAX_AMOUNT_YUAN, Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import M_OVER_CEILING, ValidationError
from parktracker.services import dashboard_figures
from parktracker.services.check import check_database
from parktracker.services.funds import add_fund
from parktracker.services.projects import create_project, edit_investment, record_investment
from parktracker.services.revenue_entry import RevenueCell, set_monthly, set_year_to_date
from parktracker.services.summary import summarize
from parktracker.services.summary_text import summary_lines
from parktracker.services.targets import set_target
from parktracker.storage import parks
from parktracker.storage.database import Database

HUGE = Money(5 * 10**18)  # the probe's figure: two of them overflow any SQL sum
JUST_OVER = Money(MAX_AMOUNT_YUAN + 1)
CEILING = Money(MAX_AMOUNT_YUAN)


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    tables = ("revenue", "targets", "projects", "project_monthly_investment", "fund_updates")
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")] for t in tables}


def park_id(db: Database, key: str = "新型显示") -> int:
    park = parks.find(db, key)
    assert park is not None and park.id is not None
    return park.id


def assert_ceiling_refusal(exc: pytest.ExceptionInfo[ValidationError]) -> None:
    assert any(p.message == M_OVER_CEILING for p in exc.value.problems)
    assert "10000 亿元" in str(exc.value)


@pytest.mark.parametrize("amount", [HUGE, JUST_OVER, Money(2**63), Money(10**30)])
def test_revenue_above_the_ceiling_is_refused_and_nothing_stored(
    new_db: Database, amount: Money
) -> None:
    before = snapshot(new_db)
    cells = [RevenueCell(park_id(new_db), YearMonth(2024, 4), amount)]
    with pytest.raises(ValidationError) as exc:
        set_monthly(new_db, cells=cells)
    assert_ceiling_refusal(exc)
    with pytest.raises(ValidationError):
        set_year_to_date(new_db, cells=cells)
    assert snapshot(new_db) == before


def test_a_figure_at_the_ceiling_is_accepted(new_db: Database) -> None:
    set_monthly(new_db, cells=[RevenueCell(park_id(new_db), YearMonth(2024, 4), CEILING)])
    row = new_db.query("SELECT amount_yuan FROM revenue")
    assert [r[0] for r in row] == [MAX_AMOUNT_YUAN]


def test_project_planned_total_above_the_ceiling_is_refused(new_db: Database) -> None:
    before = snapshot(new_db)
    project = Project(park_id(new_db), "巨型项目", Stage.NEGOTIATING, planned_total=HUGE)
    with pytest.raises(ValidationError) as exc:
        create_project(new_db, project=project)
    assert_ceiling_refusal(exc)
    assert snapshot(new_db) == before


def test_investment_and_annual_plans_above_the_ceiling_are_refused(new_db: Database) -> None:
    project = Project(
        park_id(new_db), "项目甲", Stage.UNDER_CONSTRUCTION, actual_start_date=dt.date(2024, 1, 5)
    )
    pid = create_project(new_db, project=project)
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as exc:
        record_investment(
            new_db, entries=[MonthlyInvestment(pid, YearMonth(2024, 1), Money(2**63))]
        )
    assert_ceiling_refusal(exc)
    with pytest.raises(ValidationError) as exc:
        edit_investment(new_db, project_id=pid, annual_plans=[(2024, HUGE)])
    assert_ceiling_refusal(exc)
    assert snapshot(new_db) == before


def test_fund_figures_and_targets_above_the_ceiling_are_refused(new_db: Database) -> None:
    before = snapshot(new_db)
    fund = Fund("大基金", park_id(new_db), established_date=dt.date(2024, 1, 1))
    figures = FundUpdate(0, dt.date(2024, 1, 1), HUGE, Money.zero(), Money.zero())
    with pytest.raises(ValidationError) as exc:
        add_fund(new_db, fund=fund, first_figures=figures)
    assert_ceiling_refusal(exc)
    with pytest.raises(ValidationError) as exc:
        set_target(new_db, target=Target(2025, Metric.REVENUE, HUGE))
    assert_ceiling_refusal(exc)
    assert snapshot(new_db) == before


def test_sums_of_figures_at_the_ceiling_do_not_overflow(new_db: Database) -> None:
    """Every park's every month of two years at the ceiling, and projects planned at it: the
    summary, the dashboard and check all run and add exactly."""
    ids = [p.id for p in parks.all_parks(new_db) if p.id is not None]
    cells = [
        RevenueCell(pid, YearMonth(year, month), CEILING)
        for pid in ids
        for year in (2023, 2024)
        for month in range(1, 13)
    ]
    set_monthly(new_db, cells=cells)
    for n in range(3):
        pid = create_project(
            new_db,
            project=Project(
                ids[0],
                f"项目{n}",
                Stage.UNDER_CONSTRUCTION,
                planned_total=CEILING,
                actual_start_date=dt.date(2023, 6, 1),
            ),
        )
        record_investment(
            new_db,
            entries=[MonthlyInvestment(pid, YearMonth(2024, m), CEILING) for m in (1, 2, 3)],
        )
    as_of = dt.date(2024, 3, 31)
    summary = summarize(new_db, as_of=as_of)
    assert summary.revenue.ytd == Money(MAX_AMOUNT_YUAN * 8 * 3)
    lines = summary_lines(summary, lambda text, *args: text[1])
    assert lines
    kpis = dashboard_figures.kpis(new_db, as_of=as_of)
    assert kpis.projects.under_construction_planned.now == Money(3 * MAX_AMOUNT_YUAN)
    for name in ("revenue-progress", "investment-by-park", "pipeline", "funds"):
        assert dashboard_figures.chart_data(new_db, name, as_of) is not None  # type: ignore[call-overload]
    assert not [f for f in check_database(new_db) if "ceiling" in f.render()]


def test_amounts_beyond_the_ceiling_in_a_file_give_a_clear_refusal_not_a_traceback(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The probe's file: two revenue figures of 5×10^18 yuan written behind the app's back.
    summary refuses with one line naming check (exit 2); check lists both (exit 1)."""
    conn = sqlite3.connect(demo_path)
    conn.execute(
        "UPDATE revenue SET amount_yuan = 5000000000000000000"
        " WHERE id IN (SELECT id FROM revenue WHERE month = '2024-03' LIMIT 2)"
    )
    conn.commit()
    conn.close()
    assert main(["summary", "--db", str(demo_path), "--as-of", "2024-03-31"]) == EXIT_ERROR
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert len((out + err).strip().splitlines()) == 1
    assert "parktracker check" in out + err
    assert main(["check", "--db", str(demo_path)]) == EXIT_PROBLEMS
    out, _ = capsys.readouterr()
    assert out.count("5000000000000000000") == 2
