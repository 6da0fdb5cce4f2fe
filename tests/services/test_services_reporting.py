"""Reporting status (报送情况) and the default as-of date that follows from it (issue 15 §2)."""

from __future__ import annotations

import datetime as dt

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import Measure, ReportStatus
from parktracker.services import dashboard_figures, reporting
from parktracker.services.projects import advance_stage, create_project, record_investment
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.services.summary import default_as_of, summarize
from parktracker.storage import parks
from parktracker.storage.database import Database

APRIL = YearMonth(2024, 4)
MARCH_END = dt.date(2024, 3, 31)
APRIL_END = dt.date(2024, 4, 30)


def _park_id(db: Database, name: str) -> int:
    park = parks.find(db, name)
    assert park is not None and park.id is not None
    return park.id


def _april_revenue(db: Database, *names: str) -> None:
    set_monthly(
        db,
        cells=[RevenueCell(_park_id(db, n), APRIL, Money.yi("12.5")) for n in names],
    )


def _uc_projects(db: Database, park_id: int) -> list[int]:
    rows = db.query(
        "SELECT id FROM projects WHERE park_id = ? AND stage = ?",
        [park_id, Stage.UNDER_CONSTRUCTION.value],
    )
    return [int(r[0]) for r in rows]


def test_demo_months_are_reported_by_every_park(demo_db: Database) -> None:
    result = reporting.status(demo_db, first=YearMonth(2024, 1), last=YearMonth(2024, 3))
    for month in result.months:
        for measure in Measure:
            count = result.count(month, measure)
            assert (count.reported, count.due, count.missing) == (8, 8, ())
    assert default_as_of(demo_db) == MARCH_END


def test_april_revenue_from_one_park_keeps_the_default_at_march(demo_db: Database) -> None:
    _april_revenue(demo_db, "集成电路")

    assert default_as_of(demo_db) == MARCH_END
    assert dashboard_figures.default_as_of(demo_db) == MARCH_END
    assert summarize(demo_db, as_of=default_as_of(demo_db)).as_of == MARCH_END
    report = reporting.as_of_report(demo_db, as_of=MARCH_END)
    assert not report.is_provisional
    revenue = next(c for c in report.pending if c.measure is Measure.REVENUE)
    assert (revenue.month, revenue.reported, revenue.due) == (APRIL, 1, 8)
    assert revenue.missing == ("人工智能", "虚拟现实", "新型显示", "生物医药及医疗器械",
                               "精密仪器仪表", "绿色低碳新材料", "氢能与储能")  # fmt: skip
    status = reporting.status(demo_db, first=APRIL, last=APRIL)
    assert status.status(_park_id(demo_db, "集成电路"), APRIL, Measure.REVENUE) is (
        ReportStatus.REPORTED
    )
    assert status.status(_park_id(demo_db, "人工智能"), APRIL, Measure.REVENUE) is (
        ReportStatus.NOT_REPORTED
    )


def test_a_later_date_chosen_is_provisional_naming_the_missing_parks(demo_db: Database) -> None:
    _april_revenue(demo_db, "集成电路", "人工智能")
    report = reporting.as_of_report(demo_db, as_of=APRIL_END)
    assert report.default_as_of == MARCH_END
    assert report.is_provisional
    assert report.revenue is not None
    missing = ("虚拟现实", "新型显示", "生物医药及医疗器械", "精密仪器仪表", "绿色低碳新材料",
               "氢能与储能")  # fmt: skip
    assert report.revenue.missing_parks == missing
    assert report.investment is not None  # nobody reported April's investment
    assert len(report.investment.missing_parks) == 8
    # one park as the scope: its own figures are provisional only if it is missing
    own = reporting.as_of_report(demo_db, as_of=APRIL_END, park_id=_park_id(demo_db, "集成电路"))
    assert own.revenue is None
    other = reporting.as_of_report(demo_db, as_of=APRIL_END, park_id=_park_id(demo_db, "新型显示"))
    assert other.revenue is not None and other.revenue.missing_parks == ("新型显示",)


def test_every_park_reporting_april_moves_the_default(demo_db: Database) -> None:
    names = [p.short_name for p in parks.all_parks(demo_db)]
    _april_revenue(demo_db, *names[:-1])
    assert default_as_of(demo_db) == MARCH_END
    _april_revenue(demo_db, names[-1])
    assert default_as_of(demo_db) == MARCH_END  # investment for April still owed
    entries = [
        MonthlyInvestment(pid, APRIL, Money.wan(100))
        for park in parks.all_parks(demo_db)
        for pid in _uc_projects(demo_db, park.id or 0)
    ]
    record_investment(demo_db, entries=entries[:-1])
    report = reporting.as_of_report(demo_db, as_of=APRIL_END)
    assert report.investment is not None
    (gap,) = report.investment.gaps
    assert gap.reported == 7 and gap.due == 8  # the last park reported all projects but one
    park_id = demo_db.scalar("SELECT park_id FROM projects WHERE id = ?", [entries[-1].project_id])
    status = reporting.status(demo_db, first=APRIL, last=APRIL)
    assert status.status(park_id, APRIL, Measure.INVESTMENT) is ReportStatus.PARTLY
    assert default_as_of(demo_db) == MARCH_END
    record_investment(demo_db, entries=entries[-1:])
    assert default_as_of(demo_db) == APRIL_END
    assert not reporting.as_of_report(demo_db, as_of=APRIL_END).is_provisional


def test_a_park_with_nothing_under_construction_does_not_hold_a_month_back(
    new_db: Database,
) -> None:
    all_parks = parks.all_parks(new_db)
    first = all_parks[0]
    assert first.id is not None
    project_id = create_project(
        new_db,
        project=Project(
            park_id=first.id,
            name="一期",
            stage=Stage.SIGNED,
            planned_total=Money.yi(10),
            signed_date=dt.date(2023, 11, 1),
        ),
    )
    advance_stage(new_db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION,
                  date=dt.date(2024, 1, 1))  # fmt: skip
    months = [YearMonth(2024, 1), YearMonth(2024, 2)]
    set_monthly(
        new_db,
        cells=[RevenueCell(p.id or 0, m, Money.yi(1)) for p in all_parks for m in months],
    )
    # Only the first park has a project under construction: it alone owes investment.
    record_investment(new_db, entries=[MonthlyInvestment(project_id, months[0], Money(1))])
    status = reporting.status(new_db, first=months[0], last=months[1])
    count = status.count(months[0], Measure.INVESTMENT)
    assert (count.reported, count.due) == (1, 1)
    assert status.status(all_parks[1].id or 0, months[0], Measure.INVESTMENT) is (
        ReportStatus.NOTHING_DUE
    )
    assert status.status(first.id, months[1], Measure.INVESTMENT) is ReportStatus.NOT_REPORTED
    assert default_as_of(new_db) == dt.date(2024, 1, 31)
    record_investment(new_db, entries=[MonthlyInvestment(project_id, months[1], Money(1))])
    assert default_as_of(new_db) == dt.date(2024, 2, 29)


def test_a_project_started_within_the_month_does_not_hold_it_back(demo_db: Database) -> None:
    signed = demo_db.scalar(
        "SELECT id FROM projects p WHERE stage = ? AND NOT EXISTS (SELECT 1 FROM"
        " project_stage_history h WHERE h.project_id = p.id AND h.date > '2024-03-31')",
        [Stage.SIGNED.value],
    )
    advance_stage(demo_db, project_id=signed, stage=Stage.UNDER_CONSTRUCTION,
                  date=dt.date(2024, 3, 31))  # fmt: skip
    assert default_as_of(demo_db) == MARCH_END


def test_no_data_at_all_defaults_to_today(new_db: Database) -> None:
    assert reporting.default_as_of(new_db, today=dt.date(2026, 5, 6)) == dt.date(2026, 5, 6)


def test_an_earlier_date_says_nothing_of_later_months(demo_db: Database) -> None:
    _april_revenue(demo_db, "集成电路")
    report = reporting.as_of_report(demo_db, as_of=dt.date(2024, 2, 29))
    assert report.default_as_of == MARCH_END
    assert report.pending == ()  # April is no reason to doubt February
    assert not report.is_provisional
    # Revenue is checked for every month a figure is built on, even before the default.
    january = RevenueCell(_park_id(demo_db, "氢能"), YearMonth(2024, 1), None)
    set_monthly(demo_db, cells=[january])  # cleared
    report = reporting.as_of_report(demo_db, as_of=dt.date(2024, 2, 29))
    assert report.revenue is not None and report.revenue.missing_parks == ("氢能与储能",)
