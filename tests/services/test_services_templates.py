"""Fill-in templates: a park's current projects and funds, empty cells for one month's
figures, drop-down lists for park and stage, key columns locked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from parktracker.domain.enums import Stage
from parktracker.domain.models import Fund, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.i18n import tr
from parktracker.services.funds import add_fund
from parktracker.services.projects import create_project
from parktracker.services.templates import (
    default_month,
    export_template,
    export_templates,
    template_file_name,
)
from parktracker.storage import parks
from parktracker.storage.database import Database

D = dt.date
IC = "青岛市集成电路产业园"
STAGES = '"在谈,已签约待开工,在建,已投产,已终止"'


def test_a_parks_template(new_db: Database, tmp_path: Path) -> None:
    db = new_db
    park = parks.find(db, IC)
    other = parks.find(db, "人工智能")
    assert park is not None and park.id is not None and other is not None and other.id is not None
    building = Project(
        park.id, "在建项目", Stage.UNDER_CONSTRUCTION, planned_total=Money.wan(5000),
        actual_start_date=D(2024, 1, 2),
    )  # fmt: skip
    create_project(db, project=building)
    create_project(db, project=Project(park.id, "洽谈项目", Stage.NEGOTIATING))
    create_project(db, project=Project(park.id, "终止项目", Stage.TERMINATED))
    create_project(
        db,
        project=Project(
            other.id, "别园项目", Stage.UNDER_CONSTRUCTION, actual_start_date=D(2024, 2, 1)
        ),
    )
    add_fund(db, fund=Fund("集成电路基金", park.id, manager="某管理公司"))
    add_fund(db, fund=Fund("别园基金", other.id))

    path = export_template(
        db, park_id=park.id, month=YearMonth(2024, 3), path=tmp_path / "t.xlsx", tr=tr
    )
    wb = load_workbook(path)
    assert wb.sheetnames == ["项目", "月度投资", "营收", "基金"]
    title = "青岛市集成电路产业园 — 2024年3月数据填报 — 请填写空白单元格后报回"

    ws = wb["项目"]
    assert ws["A1"].value == title
    assert [c.value for c in ws[2]][:4] == ["序号", "所属园区", "项目名称", "项目阶段"]
    assert [(r[1].value, r[2].value, r[3].value) for r in ws.iter_rows(min_row=3, max_row=4)] == [
        (IC, "在建项目", "在建"),
        (IC, "洽谈项目", "在谈"),
    ]
    assert ws["H3"].value == 5000 and ws["H3"].number_format == "#,##0.00##"
    assert ws["B3"].protection.locked and ws["C3"].protection.locked  # the key
    assert not ws["D3"].protection.locked and not ws["H3"].protection.locked
    assert ws["B5"].value is None and not ws["B5"].protection.locked  # rows for new projects
    assert ws.protection.sheet and not ws.protection.password
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    park_list = '"' + ",".join(p.name for p in parks.all_parks(db)) + '"'
    assert rules == {"B3:B24": park_list, "D3:D24": STAGES}

    ws = wb["月度投资"]
    assert [c.value for c in ws[2]] == ["所属园区", "项目名称", "月份", "本月完成投资（万元）"]
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=3, max_row=3)] == [
        [IC, "在建项目", dt.datetime(2024, 3, 1), None]
    ]  # not the project in negotiation, nor the terminated one
    assert ws["C3"].number_format == "yyyy-mm" and ws["C3"].protection.locked
    assert not ws["D3"].protection.locked and ws["D3"].number_format == "#,##0.00##"

    ws = wb["营收"]
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=2)] == [
        ["所属园区", "月份", "本月营业收入（亿元）"],
        [IC, dt.datetime(2024, 3, 1), None],
    ]
    assert ws["A3"].protection.locked and not ws["C3"].protection.locked

    ws = wb["基金"]
    assert [c.value for c in ws[3]] == [
        "集成电路基金",
        IC,
        "某管理公司",
        None,
        dt.datetime(2024, 3, 31),
        None,
        None,
        None,
        None,
    ]
    assert ws["A3"].protection.locked and not ws["F3"].protection.locked
    assert ws["E3"].number_format == "yyyy-mm-dd"


def test_every_parks_template_into_a_folder(demo_db: Database, tmp_path: Path) -> None:
    month = YearMonth(2024, 4)
    written = export_templates(demo_db, month=month, folder=tmp_path / "out", tr=tr)
    expected = [tmp_path / "out" / template_file_name(p, month) for p in parks.all_parks(demo_db)]
    assert written == expected and len(written) == 8
    assert written[0].name == "青岛市集成电路产业园-2024-04.xlsx"
    first = load_workbook(written[0])["项目"]
    assert str(first["A1"].value).endswith("示例数据")
    assert {r[1].value for r in first.iter_rows(min_row=3) if r[2].value} == {IC}


def test_the_default_month_is_the_last_complete_one() -> None:
    assert default_month(D(2024, 4, 3)) == YearMonth(2024, 3)
    assert default_month(D(2024, 3, 31)) == YearMonth(2024, 3)
    assert default_month(D(2024, 1, 15)) == YearMonth(2023, 12)
