"""Importing figures and the other kinds of records: monthly and year-to-date revenue and
investment, funds and their reports, platforms and enterprises; and every file shape read
through to the preview."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from import_support import xlsx

from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel
from parktracker.domain.import_fields import ImportKind
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.i18n import set_language, tr
from parktracker.services import importing
from parktracker.services.import_types import RowStatus
from parktracker.storage import funds, imports, monthly_revenue
from parktracker.storage.database import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from import_shapes import (
    csv_bytes,
    projects_html,
    projects_ods,
    projects_spreadsheet_ml,
    projects_xls,
    projects_xlsx,
)


def preview(db: Database, data: bytes, **kwargs: object) -> importing.ImportPreview:
    return importing.preview_import(db, loaded=importing.load_bytes(data, name="f.xlsx"), **kwargs)  # type: ignore[arg-type]


def revenue_of(db: Database, park_id: int, year: int) -> dict[int, int]:
    return {
        e.month.month: e.amount.yuan for e in monthly_revenue.for_year(db, year, park_id=park_id)
    }


def test_year_to_date_revenue_becomes_the_monthly_figure(demo_db: Database) -> None:
    # stored for park 1 in 2024: 9.234 + 10.9512 + 13.2192 = 33.4044 亿元 to March
    data = xlsx(
        ["所属园区", "1-4月累计营业收入（亿元）"],
        [["集成电路", "45"]],
        title="2024年4月各园区营业收入",
    )
    result = preview(demo_db, data)

    assert result.kind is ImportKind.REVENUE
    row = result.rows[0]
    assert row.status is RowStatus.NEW and row.key == "集成电路"
    assert row.month == YearMonth(2024, 4)
    set_language("zh_CN")
    assert row.record_text(tr) == "集成电路 · 2024年4月"
    set_language("en")
    assert row.record_text(tr) == "集成电路 · 2024-04"
    assert row.changes[0].new == "11.5956 亿元"
    importing.apply_import(demo_db, preview=result, backup=False)
    assert revenue_of(demo_db, 1, 2024) == {
        1: 923_400_000,
        2: 1_095_120_000,
        3: 1_321_920_000,
        4: 1_159_560_000,
    }


def test_a_year_to_date_figure_below_the_months_before_is_refused(demo_db: Database) -> None:
    data = xlsx(["所属园区", "月份", "1-4月累计营业收入（亿元）"], [["集成电路", "2024-04", 30]])
    row = preview(demo_db, data).rows[0]
    assert row.status is RowStatus.INVALID
    assert "below the total of the months before it" in row.problems[0].render()


def test_monthly_revenue_with_a_month_column(demo_db: Database) -> None:
    data = xlsx(
        ["所属园区", "月份", "本月营业收入（亿元）"],
        [["集成电路", "2024年3月", "13.2192"], ["集成电路", "2024.5", "1,000"]],
    )
    rows = preview(demo_db, data).rows
    assert [r.status for r in rows] == [RowStatus.UNCHANGED, RowStatus.NEW]
    assert rows[1].changes[0].new == "1000 亿元"


def test_monthly_investment_and_its_year_to_date_form(demo_db: Database) -> None:
    # 国橡中心 (绿色低碳新材料): 538 + 2581 + 1363 万元 in January to March 2024
    monthly = xlsx(
        ["所属园区", "项目名称", "月份", "本月完成投资（万元）"],
        [
            ["绿色低碳新材料", "国橡中心", "2024-03", "1,363"],
            ["绿色低碳新材料", "国橡中心", "2024-04", 100],
            ["绿色低碳新材料", "没有的项目", "2024-04", 1],
        ],
    )
    rows = preview(demo_db, monthly).rows
    assert [r.status for r in rows] == [RowStatus.UNCHANGED, RowStatus.NEW, RowStatus.INVALID]
    assert rows[2].problems[0].render() == (
        "Row 4, “项目名称”: there is no project “没有的项目” in 青岛市绿色低碳新材料产业园"
    )

    ytd = xlsx(
        ["所属园区", "项目名称", "1-4月累计完成投资（万元）"],
        [["绿色低碳新材料", "国橡中心", 4682]],
        title="2024年4月重点项目投资完成情况",
    )
    result = preview(demo_db, ytd)
    assert result.kind is ImportKind.INVESTMENT
    assert result.rows[0].changes[0].new == "200 万元"  # 4682 − (538 + 2581 + 1363)
    importing.apply_import(demo_db, preview=result, backup=False)
    stored = imports.monthly_investment(demo_db, years={2024})
    assert stored[(19, "2024-04")] == Money.wan(200)


def test_funds_and_their_reports(demo_db: Database) -> None:
    data = xlsx(
        [
            "基金名称",
            "所属园区",
            "报送日期",
            "基金规模（亿元）",
            "实缴规模（亿元）",
            "对外投资（亿元）",
        ],
        [
            ["青岛市集成电路产业投资基金（示例）", "集成电路", "2024-03-31", 9.6, 6.6, 6],
            ["青岛市集成电路产业投资基金（示例）", "集成电路", "2024-06-30", 9.6, 7, 6.5],
            ["青岛市新设基金", None, "2024-06-30", 10, 2, 1],
            ["青岛市新设基金2", None, "2024-06-30", 1, 2, 1],
        ],
    )
    rows = preview(demo_db, data).rows
    assert [r.status for r in rows] == [
        RowStatus.UNCHANGED,
        RowStatus.CHANGED,
        RowStatus.NEW,
        RowStatus.INVALID,
    ]
    assert "cannot exceed the fund's total scale" in rows[3].problems[0].render()
    importing.apply_import(demo_db, preview=preview(demo_db, data), skip_invalid=True, backup=False)
    latest = funds.updates(demo_db, 1)[-1]
    assert (latest.date, latest.paid_in, latest.invested) == (
        dt.date(2024, 6, 30),
        Money.yi(7),
        Money.yi("6.5"),
    )
    new = [f for f in funds.all_funds(demo_db) if f.name == "青岛市新设基金"]
    assert len(new) == 1 and new[0].park_id is None
    assert funds.updates(demo_db, new[0].id)[0].scale == Money.yi(10)  # type: ignore[arg-type]


def test_platforms_and_enterprises(demo_db: Database) -> None:
    platforms = xlsx(
        ["所属园区", "平台名称", "级别", "类型", "认定时间"],
        [
            ["虚拟现实", "国家虚拟现实创新中心（青岛）", "国家级", "制造业创新中心", None],
            ["虚拟现实", "新平台", "省级", "重点实验室", "2024年1月"],
            ["虚拟现实", "另一平台", "区级", "重点实验室", None],
        ],
    )
    rows = preview(demo_db, platforms).rows
    assert [r.status for r in rows] == [RowStatus.UNCHANGED, RowStatus.NEW, RowStatus.INVALID]
    importing.apply_import(
        demo_db, preview=preview(demo_db, platforms), skip_invalid=True, backup=False
    )
    added = [p for p in imports.all_platforms(demo_db) if p.name == "新平台"]
    assert (added[0].level, added[0].kind, added[0].recognized_date) == (
        PlatformLevel.PROVINCIAL,
        PlatformKind.KEY_LAB,
        dt.date(2024, 1, 1),
    )

    enterprises = xlsx(
        ["所属园区", "企业名称", "标签"],
        [["新型显示", "京东方", "链主、高新技术企业、规上"], ["新型显示", "海信视像", "高企"]],
    )
    rows = preview(demo_db, enterprises).rows
    assert [r.status for r in rows] == [RowStatus.UNCHANGED, RowStatus.CHANGED]
    importing.apply_import(demo_db, preview=preview(demo_db, enterprises), backup=False)
    hisense = next(e for e in imports.all_enterprises(demo_db) if e.name == "海信视像")
    assert hisense.tags == frozenset({EnterpriseTag.HIGH_TECH})


ROWS = [
    [
        1,
        " 集成电路 ",
        "芯片封装测试项目（一期）",
        "在建",
        "125,000",
        None,
        "2023.12",
        "2024/1/15",
        None,
    ],
    [2, "青岛市人工智能产业园", "算力中心", "已签约", 50000, None, "2023年11月", None, "新签"],
    [3, "人工智能产业园", "大模型基地", "在谈", "１２３", None, None, None, None],
    [None, "合计", None, None, 175123, None, None, None, None],
]


@pytest.mark.parametrize(
    "build",
    [
        projects_xlsx,
        projects_xls,
        projects_spreadsheet_ml,
        projects_html,
        projects_ods,
        lambda rows: csv_bytes(
            [
                ["2024年3月调度表"],
                [
                    "序号",
                    "所属园区",
                    "项目名称",
                    "项目阶段",
                    "计划总投资（万元）",
                    "本年完成投资（万元）",
                    "签约时间",
                    "开工时间",
                    "备注",
                ],
                *rows,
            ],
            encoding="gb18030",
        ),
        lambda rows: csv_bytes(
            [
                [
                    "序号",
                    "所属园区",
                    "项目名称",
                    "项目阶段",
                    "计划总投资（万元）",
                    "本年完成投资（万元）",
                    "签约时间",
                    "开工时间",
                    "备注",
                ],
                *rows,
            ],
            encoding="utf-8-sig",
        ),
    ],
    ids=["xlsx", "xls", "spreadsheetml", "html", "ods", "csv-gb18030", "csv-utf8-bom"],
)
def test_every_shape_previews_the_same(demo_db: Database, build) -> None:  # type: ignore[no-untyped-def]
    result = preview(demo_db, build(ROWS), as_of=YearMonth(2024, 3))

    assert result.kind is ImportKind.PROJECTS
    assert [r.status for r in result.rows] == [RowStatus.NEW] * 3
    first = {c.field: c.new for c in result.rows[0].changes}
    assert first["planned_total"] == "125000 万元"
    assert first["signed_date"] == "2023-12-01"
    assert first["actual_start_date"] == "2024-01-15"
    second = {c.field: c.new for c in result.rows[1].changes}
    assert second["signed_date"] == "2023-11-01" and second["notes"] == "新签"
    assert {c.field: c.new for c in result.rows[2].changes}["planned_total"] == "123 万元"
    assert [r.key for r in result.rows] == [
        "集成电路 · 芯片封装测试项目（一期）",
        "人工智能 · 算力中心",
        "人工智能 · 大模型基地",
    ]


def test_the_parks_schedule_also_gives_the_months_investment(demo_db: Database) -> None:
    """The monthly 调度表 carries 本年完成投资 beside each project: imported as investment
    (year to date through the file's month), it records that month's completed investment."""
    rows = [[1, "绿色低碳新材料", "国橡中心", "在建", None, 4682, None, None, None]]
    data = projects_xlsx(rows, title="2024年4月新兴产业专业园区重点项目调度表")

    result = preview(demo_db, data, kind=ImportKind.INVESTMENT)

    column = result.layout.column_of("completed_ytd")
    assert column is not None and column.header == "投资情况 / 本年完成投资（万元）"
    set_language("zh_CN")
    assert result.rows[0].record_text(tr) == "绿色低碳新材料 · 国橡中心 · 2024年4月"
    assert result.rows[0].changes[0].new == "200 万元"  # 4682 − (538 + 2581 + 1363)
