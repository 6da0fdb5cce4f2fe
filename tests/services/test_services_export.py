"""Exporting tables: the headers of HEADERS.md in either language, one sheet per kind, the
records as they are or as they stood on a date, one park, a page's selection and order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel, Stage
from parktracker.domain.models import (
    Enterprise,
    Fund,
    FundUpdate,
    MonthlyInvestment,
    Platform,
    Project,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.problems import ProblemNote, ProblemRecord, ProblemStatus
from parktracker.i18n import set_language, tr
from parktracker.io.export_layout import TableKind
from parktracker.io.safe_file import ExportError
from parktracker.services.export import ExportScope, build_sheet, export_database, export_table
from parktracker.services.funds import add_fund, record_fund_figures
from parktracker.services.platforms_enterprises import add_enterprise, add_platform
from parktracker.services.problems import add_note, add_problem
from parktracker.services.projects import advance_stage, create_project, record_investment
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import parks
from parktracker.storage.database import Database

D = dt.date
TODAY = D(2024, 5, 6)

# The canonical headers, copied from HEADERS.md (the importer recognises exactly these).
HEADERS_ZH = {
    "项目": ["序号", "所属园区", "项目名称", "项目阶段", "建设单位", "责任单位", "联系人",
             "计划总投资（万元）", "签约时间", "计划开工时间", "开工时间", "计划竣工时间",
             "投产时间", "重点项目", "链主项目", "备注"],
    "月度投资": ["所属园区", "项目名称", "月份", "本月完成投资（万元）"],
    "基金": ["基金名称", "所属园区", "管理机构", "设立时间", "报送日期", "基金规模（亿元）",
             "实缴规模（亿元）", "对外投资（亿元）", "备注"],
    "营收": ["所属园区", "月份", "本月营业收入（亿元）"],
    "创新平台": ["所属园区", "平台名称", "级别", "类型", "认定时间", "备注"],
    "企业": ["所属园区", "企业名称", "标签", "入园时间", "备注"],
    "问题清单": ["所属园区", "项目名称", "问题描述", "责任单位", "提出日期", "办结期限", "状态",
                 "进展情况"],
}  # fmt: skip
HEADERS_EN = {
    "Projects": ["No.", "Park", "Project", "Stage", "Company", "Responsible unit", "Contact",
                 "Planned total (10k yuan)", "Signed", "Planned start", "Actual start",
                 "Planned completion", "Production", "Key project", "Chain leader", "Notes"],
    "Monthly investment": ["Park", "Project", "Month", "Completed this month (10k yuan)"],
    "Funds": ["Fund", "Park", "Manager", "Established", "Report date", "Scale (100M yuan)",
              "Paid-in (100M yuan)", "Invested (100M yuan)", "Notes"],
    "Revenue": ["Park", "Month", "Revenue this month (100M yuan)"],
    "Platforms": ["Park", "Platform", "Level", "Kind", "Recognised", "Notes"],
    "Enterprises": ["Park", "Enterprise", "Tags", "Joined", "Notes"],
    "Problem log": ["Park", "Project", "Problem", "Responsible unit", "Raised", "Due", "Status",
                    "Progress notes"],
}  # fmt: skip

IC = "青岛市集成电路产业园"
AI = "青岛市人工智能产业园"


def park_id(db: Database, name: str) -> int:
    park = parks.find(db, name)
    assert park is not None and park.id is not None
    return park.id


@pytest.fixture
def filled(new_db: Database) -> Database:
    """Two parks' worth of records, with a stage change after 2024-03-31."""
    db = new_db
    ic, ai = park_id(db, IC), park_id(db, AI)
    first = create_project(
        db,
        project=Project(
            ic, "=SUM(A1)项目", Stage.SIGNED, company="青岛某公司", contact="张三",
            planned_total=Money.wan("125000.5"), signed_date=D(2024, 1, 15), is_key=True,
            planned_start_date=D(2024, 6, 1), notes="备注一",
        ),
    )  # fmt: skip
    create_project(
        db,
        project=Project(ai, "AI 芯片项目", Stage.UNDER_CONSTRUCTION,
                        planned_total=Money.wan(3000), actual_start_date=D(2023, 10, 8)),
    )  # fmt: skip
    create_project(db, project=Project(ai, "后签项目", Stage.SIGNED, signed_date=D(2024, 4, 20)))
    advance_stage(db, project_id=first, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 4, 10))
    record_investment(
        db,
        entries=[
            MonthlyInvestment(first, YearMonth(2024, 3), Money.wan("0.0001")),
            MonthlyInvestment(first, YearMonth(2024, 4), Money.wan(12)),
        ],
    )
    fund = add_fund(
        db,
        fund=Fund("集成电路基金", ic, manager="某管理公司", established_date=D(2021, 2, 13)),
        first_figures=FundUpdate(0, D(2023, 12, 31), Money.yi(10), Money.yi(6), Money.yi(5)),
    )
    record_fund_figures(
        db,
        update=FundUpdate(fund, D(2024, 4, 30), Money.yi("10.5"), Money.yi("6.6"), Money.yi(6)),
    )
    add_fund(db, fund=Fund("城市引导基金", None, established_date=D(2020, 1, 1)))
    set_monthly(
        db,
        cells=[
            RevenueCell(ic, YearMonth(2024, 3), Money.yi("9.45")),
            RevenueCell(ic, YearMonth(2024, 4), Money.yi("10")),
            RevenueCell(ai, YearMonth(2023, 12), Money.yi("0.00000001")),
        ],
    )
    add_platform(
        db,
        platform=Platform(ic, "+1 实验室", PlatformLevel.PROVINCIAL, PlatformKind.KEY_LAB,
                          recognized_date=D(2024, 4, 1)),
    )  # fmt: skip
    add_enterprise(
        db,
        enterprise=Enterprise(
            ai, "某AI企业", frozenset({EnterpriseTag.LITTLE_GIANT, EnterpriseTag.CHAIN_LEADER})
        ),
    )
    land = add_problem(
        db,
        problem=ProblemRecord(
            ic, "用地指标未落实", D(2024, 2, 1), responsible_unit="市自然资源局",
            due=D(2024, 6, 30), status=ProblemStatus.COORDINATING, project_id=first,
        ),
    )  # fmt: skip
    add_note(db, note=ProblemNote(land, D(2024, 3, 5), "已召开协调会"))
    add_note(db, note=ProblemNote(land, D(2024, 4, 20), "=指标已上报省厅"))
    add_problem(db, problem=ProblemRecord(ai, "园区供电容量不足", D(2024, 4, 2)))
    return db


def rows(path: Path, sheet: str) -> list[list[object]]:
    ws = load_workbook(path)[sheet]
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_the_whole_database_is_one_workbook_with_a_sheet_per_kind(
    filled: Database, tmp_path: Path
) -> None:
    path = export_database(
        filled, path=tmp_path / "all.xlsx", scope=ExportScope(), tr=tr, today=TODAY
    )
    wb = load_workbook(path)
    assert wb.sheetnames == list(HEADERS_ZH)
    for name, headers in HEADERS_ZH.items():
        ws = wb[name]
        assert [c.value for c in ws[2]] == headers
        assert ws["A1"].value == f"{name} — 截至2024年5月6日"
        assert ws.freeze_panes == "A3"
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A2:")
    projects = rows(path, "项目")[2:]
    assert projects[0] == [
        1, IC, "=SUM(A1)项目", "在建", "青岛某公司", None, "张三", 125000.5,
        dt.datetime(2024, 1, 15), dt.datetime(2024, 6, 1), dt.datetime(2024, 4, 10), None, None,
        "是", "否", "备注一",
    ]  # fmt: skip
    assert [r[2] for r in projects] == ["=SUM(A1)项目", "AI 芯片项目", "后签项目"]
    assert rows(path, "月度投资")[2:] == [
        [IC, "=SUM(A1)项目", dt.datetime(2024, 3, 1), 0.0001],
        [IC, "=SUM(A1)项目", dt.datetime(2024, 4, 1), 12],
    ]
    assert rows(path, "基金")[2:] == [
        ["集成电路基金", IC, "某管理公司", dt.datetime(2021, 2, 13), dt.datetime(2024, 4, 30),
         10.5, 6.6, 6, None],
        ["城市引导基金", None, None, dt.datetime(2020, 1, 1), dt.datetime(2020, 1, 1), 0, 0, 0,
         None],
    ]  # fmt: skip
    assert rows(path, "营收")[2:] == [
        [IC, dt.datetime(2024, 3, 1), 9.45],
        [IC, dt.datetime(2024, 4, 1), 10],
        [AI, dt.datetime(2023, 12, 1), 0.00000001],
    ]
    assert rows(path, "创新平台")[2:] == [
        [IC, "+1 实验室", "省级", "重点实验室", dt.datetime(2024, 4, 1), None]
    ]
    assert rows(path, "企业")[2:] == [[AI, "某AI企业", "链主企业、专精特新“小巨人”", None, None]]
    assert rows(path, "问题清单")[2:] == [
        [IC, "=SUM(A1)项目", "用地指标未落实", "市自然资源局", dt.datetime(2024, 2, 1),
         dt.datetime(2024, 6, 30), "协调中", "2024-03-05 已召开协调会\n2024-04-20 =指标已上报省厅"],
        [AI, None, "园区供电容量不足", None, dt.datetime(2024, 4, 2), None, "待协调", None],
    ]  # fmt: skip


def test_english_headers_follow_the_language(filled: Database, tmp_path: Path) -> None:
    set_language("en")
    path = export_database(
        filled, path=tmp_path / "all.xlsx", scope=ExportScope(), tr=tr, today=TODAY
    )
    wb = load_workbook(path)
    assert wb.sheetnames == list(HEADERS_EN)
    for name, headers in HEADERS_EN.items():
        assert [c.value for c in wb[name][2]] == headers
    assert wb["Projects"]["A1"].value == "Projects — as of 2024-05-06"
    assert rows(path, "Projects")[2][3] == "Under construction"
    assert rows(path, "Projects")[2][13:15] == ["Yes", "No"]


def test_as_of_a_date_gives_the_records_as_they_stood(filled: Database) -> None:
    scope = ExportScope(as_of=D(2024, 3, 31))
    projects = build_sheet(filled, kind=TableKind.PROJECTS, scope=scope, tr=tr).rows
    # signed on 2024-04-20: not there yet; the first project was still signed, not started
    assert [(r[2], r[3]) for r in projects] == [
        ("=SUM(A1)项目", "已签约待开工"),
        ("AI 芯片项目", "在建"),
    ]
    months = build_sheet(filled, kind=TableKind.INVESTMENT, scope=scope, tr=tr).rows
    assert [r[2] for r in months] == [YearMonth(2024, 3)]
    funds = build_sheet(filled, kind=TableKind.FUNDS, scope=scope, tr=tr).rows
    assert funds[0][4:8] == (D(2023, 12, 31), Money.yi(10), Money.yi(6), Money.yi(5))
    revenue = build_sheet(filled, kind=TableKind.REVENUE, scope=scope, tr=tr).rows
    assert [r[1] for r in revenue] == [YearMonth(2024, 3), YearMonth(2023, 12)]
    assert build_sheet(filled, kind=TableKind.PLATFORMS, scope=scope, tr=tr).rows == []
    sheet = build_sheet(filled, kind=TableKind.PROJECTS, scope=scope, tr=tr)
    assert sheet.title == "项目 — 截至2024年3月31日"
    # Problems raised by then, with the notes written by then.
    log = build_sheet(filled, kind=TableKind.PROBLEMS, scope=scope, tr=tr).rows
    assert [(r[2], r[7]) for r in log] == [("用地指标未落实", "2024-03-05 已召开协调会")]


def test_the_whole_database_export_imports_back_and_leaves_the_problem_log_alone(
    filled: Database, tmp_path: Path
) -> None:
    """The workbook imports back unchanged sheet by sheet; the 问题清单 sheet is skipped when
    the importer picks a sheet itself and refused with a message when chosen."""
    from parktracker.domain.import_errors import ImportFailure
    from parktracker.services import importing
    from parktracker.services.import_types import RowStatus

    path = export_database(filled, path=tmp_path / "all.xlsx", scope=ExportScope(), tr=tr)
    before = {t: filled.scalar(f"SELECT count(*) FROM {t}") for t in ("problems", "problem_notes")}
    loaded = importing.load_file(path)
    assert "问题清单" in loaded.sheet_names
    preview = importing.preview_import(filled, loaded=loaded)
    assert preview.sheet == "项目"
    assert {s for s, n in preview.counts().items() if n} == {RowStatus.UNCHANGED}
    assert preview.counts()[RowStatus.UNCHANGED] == 3
    for name in loaded.sheet_names:
        if name == "问题清单":
            with pytest.raises(ImportFailure) as refused:
                importing.preview_import(filled, loaded=loaded, sheet=name)
            assert refused.value.render(tr) == (
                "工作表“问题清单”是导出供查阅的问题清单，不能导入。问题请在“问题清单”页录入。"
            )
            continue
        counts = importing.preview_import(filled, loaded=loaded, sheet=name).counts()
        assert {s for s, n in counts.items() if n} <= {RowStatus.UNCHANGED}, (name, counts)
    # A workbook of the problem log alone: nothing to import, said clearly.
    alone = export_table(
        filled, kind=TableKind.PROBLEMS, path=tmp_path / "log.xlsx", scope=ExportScope(), tr=tr
    )
    with pytest.raises(ImportFailure):
        importing.preview_import(filled, loaded=importing.load_file(alone))
    after = {t: filled.scalar(f"SELECT count(*) FROM {t}") for t in ("problems", "problem_notes")}
    assert after == before == {"problems": 2, "problem_notes": 2}


def test_one_park_and_a_pages_selection(filled: Database) -> None:
    ai = park_id(filled, AI)
    sheet = build_sheet(filled, kind=TableKind.PROJECTS, scope=ExportScope(park_id=ai), tr=tr)
    assert [r[2] for r in sheet.rows] == ["AI 芯片项目", "后签项目"]
    assert sheet.title.startswith(f"项目 — {AI} — 截至")
    funds = build_sheet(filled, kind=TableKind.FUNDS, scope=ExportScope(park_id=ai), tr=tr)
    assert funds.rows == []  # neither the other park's fund nor the city-wide one
    all_ids = [1, 2, 3]
    picked = ExportScope(ids=[3, 1])  # the page shows these, in this order
    sheet = build_sheet(filled, kind=TableKind.PROJECTS, scope=picked, tr=tr)
    assert [(r[0], r[2]) for r in sheet.rows] == [(1, "后签项目"), (2, "=SUM(A1)项目")]
    assert (
        len(
            build_sheet(filled, kind=TableKind.PROJECTS, scope=ExportScope(ids=all_ids), tr=tr).rows
        )
        == 3
    )
    year = build_sheet(filled, kind=TableKind.REVENUE, scope=ExportScope(year=2023), tr=tr)
    assert [r[1] for r in year.rows] == [YearMonth(2023, 12)]


def test_demo_data_carries_the_sample_mark(demo_db: Database, tmp_path: Path) -> None:
    path = export_table(
        demo_db, kind=TableKind.FUNDS, path=tmp_path / "funds.csv", scope=ExportScope(), tr=tr
    )
    first = path.read_bytes()[3:].decode("utf-8").splitlines()[0]
    assert first.startswith("基金 — 截至") and first.endswith("示例数据")
    path = export_table(
        demo_db, kind=TableKind.PROJECTS, path=tmp_path / "p.xlsx", scope=ExportScope(), tr=tr
    )
    assert str(load_workbook(path)["项目"]["A1"].value).endswith("示例数据")


def test_csv_of_a_table_and_refusals(filled: Database, tmp_path: Path) -> None:
    path = export_table(
        filled,
        kind=TableKind.REVENUE,
        path=tmp_path / "r.csv",
        scope=ExportScope(),
        tr=tr,
        today=TODAY,
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_text("utf-8-sig").splitlines() == [
        "营收 — 截至2024年5月6日",
        "所属园区,月份,本月营业收入（亿元）",
        f"{IC},2024-03,9.45",
        f"{IC},2024-04,10",
        f"{AI},2023-12,0.00000001",
    ]
    with pytest.raises(ExportError) as caught:
        export_database(filled, path=tmp_path / "all.csv", scope=ExportScope(), tr=tr)
    assert "一个CSV文件只能保存一张表" in caught.value.render(tr)
    with pytest.raises(ExportError):
        export_table(
            filled, kind=TableKind.REVENUE, path=tmp_path / "r.txt", scope=ExportScope(), tr=tr
        )
    assert not (tmp_path / "all.csv").exists() and not (tmp_path / "r.txt").exists()
