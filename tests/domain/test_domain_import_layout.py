"""Finding the header, the kind of records, each column's field and its unit."""

from __future__ import annotations

import pytest

from parktracker.domain.import_errors import ImportFailure
from parktracker.domain.import_fields import (
    AmountUnit,
    ImportKind,
    field_for,
    header_unit,
    ytd_month,
)
from parktracker.domain.import_layout import detect_layout
from parktracker.domain.periods import YearMonth

TITLE = "2024年3月新兴产业专业园区重点项目调度表"


def fields(layout) -> dict[str, int]:
    return {c.field: c.index for c in layout.columns if c.field}


def test_title_rows_and_a_two_level_merged_header() -> None:
    rows = [
        [TITLE, TITLE, TITLE, TITLE, TITLE, TITLE, TITLE],
        ["单位：万元"],
        [
            "序号",
            "所属园区",
            "项目名称",
            "项目阶段",
            "投资情况",
            "投资情况",
            "时间节点",
            "时间节点",
            "备注",
        ],
        [
            "序号",
            "所属园区",
            "项目名称",
            "项目阶段",
            "计划总投资",
            "本年完成投资",
            "签约时间",
            "开工时间",
            "备注",
        ],
        [1, "集成电路", "项目甲", "在建", 100, 10, "2023.12", "2024/1/15", ""],
    ]
    layout = detect_layout(rows)

    assert layout.kind is ImportKind.PROJECTS
    assert (layout.header_first, layout.header_last, layout.data_start) == (2, 3, 4)
    assert layout.as_of == YearMonth(2024, 3)
    found = fields(layout)
    assert found["seq"] == 0 and found["park"] == 1 and found["name"] == 2
    assert found["planned_total"] == 4 and found["signed_date"] == 6
    assert found["actual_start_date"] == 7 and found["notes"] == 8
    planned = layout.column_of("planned_total")
    assert planned is not None and planned.unit is AmountUnit.WAN  # from 单位：万元
    assert planned.header == "投资情况 / 计划总投资"
    assert layout.column_of("stage") is not None


def test_a_header_directly_on_the_first_row_is_not_joined_with_the_first_data_row() -> None:
    rows = [["所属园区", "项目名称", "项目阶段"], ["集成电路", "项目甲", "在建"]]
    layout = detect_layout(rows)
    assert (layout.header_first, layout.header_last) == (0, 0)
    assert layout.as_of is None


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (["所属园区", "项目名称", "项目阶段", "计划总投资（万元）"], ImportKind.PROJECTS),
        (["所属园区", "项目名称", "月份", "本月完成投资（万元）"], ImportKind.INVESTMENT),
        (["所属园区", "项目名称", "1-3月累计完成投资（万元）"], ImportKind.INVESTMENT),
        (["基金名称", "所属园区", "基金规模（亿元）"], ImportKind.FUNDS),
        (["所属园区", "月份", "本月营业收入（亿元）"], ImportKind.REVENUE),
        (["园区", "1-3月累计营业收入(亿元)"], ImportKind.REVENUE),
        (["所属园区", "平台名称", "级别", "类型"], ImportKind.PLATFORMS),
        (["所属园区", "企业名称", "标签"], ImportKind.ENTERPRISES),
        (["Park", "Project", "Stage", "Planned total (10k yuan)"], ImportKind.PROJECTS),
        (["Fund", "Park", "Scale (100M yuan)"], ImportKind.FUNDS),
    ],
)
def test_the_kind_is_found_from_the_headers(header: list[str], kind: ImportKind) -> None:
    assert detect_layout([header]).kind is kind


# The canonical headers the exporter writes (HEADERS.md), in Chinese and in English.
CANONICAL = {
    ImportKind.PROJECTS: [
        ("序号", "seq"),
        ("所属园区", "park"),
        ("项目名称", "name"),
        ("项目阶段", "stage"),
        ("建设单位", "company"),
        ("责任单位", "responsible_unit"),
        ("联系人", "contact"),
        ("计划总投资（万元）", "planned_total"),
        ("签约时间", "signed_date"),
        ("计划开工时间", "planned_start_date"),
        ("开工时间", "actual_start_date"),
        ("计划竣工时间", "planned_completion_date"),
        ("投产时间", "production_date"),
        ("重点项目", "is_key"),
        ("链主项目", "is_chain_leader"),
        ("备注", "notes"),
        ("Park", "park"),
        ("Project", "name"),
        ("Stage", "stage"),
        ("Company", "company"),
        ("Responsible unit", "responsible_unit"),
        ("Contact", "contact"),
        ("Planned total (10k yuan)", "planned_total"),
        ("Signed", "signed_date"),
        ("Planned start", "planned_start_date"),
        ("Actual start", "actual_start_date"),
        ("Planned completion", "planned_completion_date"),
        ("Production", "production_date"),
        ("Key project", "is_key"),
        ("Chain leader", "is_chain_leader"),
        ("Notes", "notes"),
    ],
    ImportKind.INVESTMENT: [
        ("所属园区", "park"),
        ("项目名称", "project"),
        ("月份", "month"),
        ("本月完成投资（万元）", "completed"),
        ("1-3月累计完成投资（万元）", "completed_ytd"),
        ("Month", "month"),
        ("Completed this month (10k yuan)", "completed"),
        ("Year-to-date completed (10k yuan)", "completed_ytd"),
    ],
    ImportKind.FUNDS: [
        ("基金名称", "name"),
        ("所属园区", "park"),
        ("管理机构", "manager"),
        ("设立时间", "established_date"),
        ("报送日期", "report_date"),
        ("基金规模（亿元）", "scale"),
        ("实缴规模（亿元）", "paid_in"),
        ("对外投资（亿元）", "invested"),
        ("备注", "notes"),
        ("Fund", "name"),
        ("Manager", "manager"),
        ("Established", "established_date"),
        ("Report date", "report_date"),
        ("Scale (100M yuan)", "scale"),
        ("Paid-in (100M yuan)", "paid_in"),
        ("Invested (100M yuan)", "invested"),
    ],
    ImportKind.REVENUE: [
        ("所属园区", "park"),
        ("月份", "month"),
        ("本月营业收入（亿元）", "amount"),
        ("1-3月累计营业收入（亿元）", "amount_ytd"),
        ("Revenue this month (100M yuan)", "amount"),
        ("Year-to-date revenue (100M yuan)", "amount_ytd"),
    ],
    ImportKind.PLATFORMS: [
        ("所属园区", "park"),
        ("平台名称", "name"),
        ("级别", "level"),
        ("类型", "kind"),
        ("认定时间", "recognized_date"),
        ("备注", "notes"),
        ("Platform", "name"),
        ("Level", "level"),
        ("Kind", "kind"),
        ("Recognised", "recognized_date"),
    ],
    ImportKind.ENTERPRISES: [
        ("所属园区", "park"),
        ("企业名称", "name"),
        ("标签", "tags"),
        ("入园时间", "joined_date"),
        ("备注", "notes"),
        ("Enterprise", "name"),
        ("Tags", "tags"),
        ("Joined", "joined_date"),
    ],
}


@pytest.mark.parametrize("kind", list(CANONICAL))
def test_every_canonical_header_is_recognised(kind: ImportKind) -> None:
    for header, field in CANONICAL[kind]:
        assert field_for(kind, header) == field, header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        (" 项目 名称 ", "name"),
        ("计划总投资(万元)", "planned_total"),
        ("总投资（亿元）", "planned_total"),
        ("*所属园区", "park"),
        ("项目状态", "stage"),
        ("实际开工时间", "actual_start_date"),
        ("联系人及电话", "contact"),
        ("是否重点项目", "is_key"),
    ],
)
def test_synonyms(header: str, field: str) -> None:
    assert field_for(ImportKind.PROJECTS, header) == field


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("计划总投资（万元）", AmountUnit.WAN),
        ("计划总投资(万元)", AmountUnit.WAN),
        ("计划总投资（亿元）", AmountUnit.YI),
        ("计划总投资（元）", AmountUnit.YUAN),
        ("计划总投资万元", AmountUnit.WAN),
        ("Planned total (10k yuan)", AmountUnit.WAN),
        ("Scale (100M yuan)", AmountUnit.YI),
        ("计划总投资", None),
    ],
)
def test_units_from_headers(header: str, unit: AmountUnit | None) -> None:
    assert header_unit(header) is unit


def test_the_unit_of_a_column_comes_from_its_header() -> None:
    layout = detect_layout([["所属园区", "项目名称", "项目阶段", "计划总投资（亿元）"]])
    column = layout.column_of("planned_total")
    assert column is not None and column.unit is AmountUnit.YI


def test_year_to_date_month_from_the_header() -> None:
    assert ytd_month("1-3月累计完成投资（万元）") == 3
    assert ytd_month("1－12月累计营业收入") == 12
    assert ytd_month("1~6月累计营业收入") == 6
    assert ytd_month("本月营业收入") is None


def test_no_recognisable_header() -> None:
    with pytest.raises(ImportFailure) as caught:
        detect_layout([["a", "b"], [1, 2]], sheet="Sheet1")
    assert "Sheet1" in caught.value.render()


def test_a_corrected_mapping_replaces_a_column() -> None:
    layout = detect_layout([["所属园区", "项目名称", "项目阶段", "投资额"]])
    assert layout.column_of("planned_total") is None
    corrected = layout.with_fields({3: "planned_total"})
    column = corrected.column_of("planned_total")
    assert column is not None and column.index == 3 and column.unit is AmountUnit.WAN
    assert corrected.signature == layout.signature
