"""The comparison between two dates on a database built by the test: stage moves, new and
terminated projects, investment and revenue in between, fund changes; and its .xlsx export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from parktracker.domain.comparison import months_between
from parktracker.domain.enums import Stage
from parktracker.domain.models import FundUpdate, Project
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import ValidationError
from parktracker.i18n import set_language, tr
from parktracker.services import funds, projects
from parktracker.services.comparison import compare_dates, export_comparison
from parktracker.storage import parks as park_store
from parktracker.storage.database import Database
from tests.services.warning_db import D, build, wan

FIRST, SECOND = D(2024, 3, 31), D(2024, 6, 30)


def changed(db: Database) -> dict[str, int]:
    ids = build(db)
    projects.advance_stage(
        db, project_id=ids["overdue"], stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 5, 10)
    )
    projects.advance_stage(
        db, project_id=ids["signed"], stage=Stage.TERMINATED, date=D(2024, 4, 15)
    )
    # moved after the second date: not in the comparison
    projects.advance_stage(
        db, project_id=ids["green"], stage=Stage.IN_PRODUCTION, date=D(2024, 7, 2)
    )
    ids["new"] = projects.create_project(
        db,
        project=Project(ids["park_a"], "新签约项目", Stage.SIGNED, signed_date=D(2024, 5, 1)),
        history=[(Stage.SIGNED, D(2024, 5, 1))],
    )
    fund_id = int(db.scalar("SELECT id FROM funds WHERE name = '测试基金'"))
    funds.record_fund_figures(
        db, update=FundUpdate(fund_id, D(2024, 5, 1), wan(10000), wan(6000), wan(1500))
    )
    return ids


def test_months_between() -> None:
    assert months_between(D(2024, 2, 29), D(2024, 3, 31)) == (
        YearMonth(2024, 3),
        YearMonth(2024, 3),
    )
    assert months_between(D(2023, 12, 31), D(2024, 2, 29)) == (
        YearMonth(2024, 1),
        YearMonth(2024, 2),
    )
    assert months_between(D(2024, 3, 5), D(2024, 3, 31)) is None


def test_comparison_per_project_and_park(new_db: Database) -> None:
    ids = changed(new_db)
    result = compare_dates(new_db, first=FIRST, second=SECOND)
    by_name = {c.name: c for c in result.projects}
    assert set(by_name) == {
        "逾期未开工项目",
        "签约久未开工项目",
        "新签约项目",
        "投资滞后项目",
        "进度正常项目",
    }
    assert (by_name["逾期未开工项目"].before, by_name["逾期未开工项目"].after) == (
        Stage.SIGNED,
        Stage.UNDER_CONSTRUCTION,
    )
    assert by_name["签约久未开工项目"].terminated
    assert by_name["新签约项目"].is_new and by_name["新签约项目"].before is None
    # April–June: 3 × 25万 and 3 × 100万; the green project is still under construction
    assert by_name["投资滞后项目"].invested == wan(75)
    assert by_name["进度正常项目"].invested == wan(300)
    assert by_name["进度正常项目"].after is Stage.UNDER_CONSTRUCTION
    parks = {p.park_id: p for p in result.parks}
    a, b = parks[ids["park_a"]], parks[ids["park_b"]]
    assert (a.new, a.terminated, a.moved, a.started) == (1, 1, 2, 1)
    assert a.paid_in_change == wan(2000) and a.fund_invested_change == wan(500)
    assert (b.new, b.moved, b.invested, b.revenue) == (0, 0, wan(375), wan(150))
    total = result.total
    assert (total.new, total.terminated, total.invested, total.revenue) == (
        1,
        1,
        wan(375),
        wan(150),
    )
    assert len(result.parks) == 8
    assert [f.name for f in result.funds] == ["测试基金"]


def test_one_park_and_bad_order(new_db: Database) -> None:
    ids = changed(new_db)
    park_b = park_store.get(new_db, ids["park_b"])
    result = compare_dates(new_db, first=FIRST, second=SECOND, park=park_b)
    assert {c.name for c in result.projects} == {"投资滞后项目", "进度正常项目"}
    assert [p.park_id for p in result.parks] == [ids["park_b"]]
    with pytest.raises(ValidationError):
        compare_dates(new_db, first=SECOND, second=FIRST)


def test_export_to_xlsx(new_db: Database, tmp_path: Path) -> None:
    changed(new_db)
    set_language("zh_CN")
    result = compare_dates(new_db, first=FIRST, second=SECOND)
    path = export_comparison(result, path=tmp_path / "对比.xlsx", tr=tr)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["园区", "项目", "基金"]
    parks = [[c.value for c in row] for row in book["园区"].iter_rows(min_row=2)]
    assert parks[0][:2] == ["园区", "新增项目"]
    assert parks[-1][0] == "全部园区"
    assert parks[-1][1] == 1  # one new project
    assert parks[-1][6] == 375  # 万元
    rows = [[c.value for c in row] for row in book["项目"].iter_rows(min_row=3)]
    new = next(r for r in rows if r[1] == "新签约项目")
    assert new[2:5] == ["（尚未录入）", "已签约待开工", "新增"]
