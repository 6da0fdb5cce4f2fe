"""Import preview and apply against the demo database: what the officer sees in the preview
and what is in the database afterwards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from import_support import (
    PROJECT_HEADERS,
    STAGE_ZH,
    dump,
    export_rows,
    park_name,
    project_in_stage,
    xlsx,
)

from parktracker.domain.enums import Stage
from parktracker.domain.import_fields import ImportKind
from parktracker.domain.periods import YearMonth
from parktracker.services import importing
from parktracker.services.import_types import RowStatus
from parktracker.storage import as_of_figures, imports, projects
from parktracker.storage.changes import apply_inverse, recording
from parktracker.storage.database import Database

TITLE = "2024年3月新兴产业专业园区重点项目调度表"
HEADER = ["序号", "所属园区", "项目名称", "项目阶段", "计划总投资（万元）", "开工时间", "备注"]


def load(data: bytes, name: str = "march.xlsx") -> importing.LoadedFile:
    return importing.load_bytes(data, name=name)


def march_file(db: Database) -> tuple[bytes, dict[str, object]]:
    signed = project_in_stage(db, Stage.SIGNED, without="actual_start_date")
    negotiating = project_in_stage(db, Stage.NEGOTIATING)
    start = max(signed.signed_date or dt.date(2024, 1, 1), dt.date(2024, 3, 10))
    rows = [
        # 4: signed → in construction, started 2024-03-10; the planned total with commas
        [
            1,
            f" {park_name(db, signed.park_id)} ",
            signed.name,
            "建设中",
            "125,000",
            f"{start.year}/{start.month}/{start.day}",
            None,
        ],
        # 5: exactly as stored (the park by its label, the stage as written)
        [
            2,
            "集成电路" if negotiating.park_id == 1 else park_name(db, negotiating.park_id),
            negotiating.name,
            "洽谈",
            None,
            None,
            None,
        ],
        # 6: a new project, full-width brackets and stray spaces
        [3, "集成电路产业园", "  芯片封装测试项目（一期） ", "已签约", "５０００", None, "新签"],
        # 7: an unknown park
        [4, "青岛市量子信息产业园", "量子计算项目", "在谈", 100, None, None],
        # 8: an amount that is no number
        [5, "集成电路", "某某项目", "在谈", "约5亿", None, None],
        [None, "合计", None, None, 130100, None, None],
        [None, None, None, None, None, None, None],
    ]
    known = {"signed": signed, "negotiating": negotiating, "start": start}
    return xlsx(HEADER, rows, title=TITLE), known


def test_preview_classifies_every_row(demo_db: Database) -> None:
    data, known = march_file(demo_db)
    before = dump(demo_db)

    preview = importing.preview_import(demo_db, loaded=load(data))

    assert preview.kind is ImportKind.PROJECTS
    assert preview.as_of == YearMonth(2024, 3)
    by_row = {r.number: r for r in preview.rows}
    assert sorted(by_row) == [3, 4, 5, 6, 7]  # the subtotal and empty rows are skipped
    assert [by_row[n].status for n in (3, 4, 5, 6, 7)] == [
        RowStatus.CHANGED,
        RowStatus.UNCHANGED,
        RowStatus.NEW,
        RowStatus.INVALID,
        RowStatus.INVALID,
    ]
    assert preview.counts() == {
        RowStatus.NEW: 1,
        RowStatus.CHANGED: 1,
        RowStatus.UNCHANGED: 1,
        RowStatus.INVALID: 2,
    }
    changed = {c.field: c for c in by_row[3].changes}
    assert changed["stage"].old == Stage.SIGNED.text
    assert changed["stage"].new == Stage.UNDER_CONSTRUCTION.text
    assert changed["planned_total"].new == "125000 万元"
    assert changed["actual_start_date"].new == str(known["start"])
    assert [p.render() for p in by_row[6].problems] == [
        "Row 6, “所属园区”: 青岛市量子信息产业园 is not in the list of parks"
    ]
    assert [p.render() for p in by_row[7].problems] == [
        "Row 7, “计划总投资”: amount not recognised: “约5亿”"
    ]
    assert dump(demo_db) == before  # the preview writes nothing
    assert known


def test_reasons_in_chinese(demo_db: Database) -> None:
    from parktracker.i18n import tr

    data, _ = march_file(demo_db)
    preview = importing.preview_import(demo_db, loaded=load(data))
    reasons = [p.render(tr) for r in preview.invalid for p in r.problems]
    assert reasons == [
        "第6行“所属园区”：青岛市量子信息产业园不在园区名录中",
        "第7行“计划总投资”：无法识别的金额“约5亿”",
    ]


def test_invalid_rows_block_the_import_and_nothing_is_written(demo_db: Database) -> None:
    data, _ = march_file(demo_db)
    before = dump(demo_db)
    preview = importing.preview_import(demo_db, loaded=load(data))

    with pytest.raises(importing.ImportBlocked) as caught:
        importing.apply_import(demo_db, preview=preview)

    assert caught.value.count == 2
    assert dump(demo_db) == before


def test_apply_backs_up_writes_and_logs_the_file(demo_db: Database) -> None:
    data, known = march_file(demo_db)
    loaded = load(data)
    preview = importing.preview_import(demo_db, loaded=loaded)

    summary = importing.apply_import(demo_db, preview=preview, skip_invalid=True)

    assert (summary.added, summary.changed, summary.unchanged, summary.skipped) == (1, 1, 1, 2)
    assert summary.backup is not None and "pre-import" in Path(summary.backup).name
    assert Path(summary.backup).is_file()
    signed = known["signed"]
    assert isinstance(signed, type(project_in_stage(demo_db, Stage.NEGOTIATING)))
    now = projects.get(demo_db, signed.id)  # type: ignore[arg-type]
    assert now is not None and now.stage is Stage.UNDER_CONSTRUCTION
    assert now.planned_total is not None and now.planned_total.yuan == 1_250_000_000
    assert now.actual_start_date == known["start"]
    history = projects.history(demo_db, now.id)  # type: ignore[arg-type]
    assert (history[-1].stage, history[-1].date) == (Stage.UNDER_CONSTRUCTION, known["start"])
    new = [p for p in imports.all_projects(demo_db) if p.name == "芯片封装测试项目（一期）"]
    assert len(new) == 1 and new[0].stage is Stage.SIGNED and new[0].notes == "新签"
    assert new[0].planned_total is not None and new[0].planned_total.yuan == 50_000_000
    log = imports.import_log(demo_db)
    assert log[-1]["file"] == "march.xlsx" and log[-1]["sha256"] == loaded.sha256
    assert len(loaded.sha256) == 64


def test_importing_the_same_file_twice_changes_nothing_the_second_time(demo_db: Database) -> None:
    data, _ = march_file(demo_db)
    first = importing.preview_import(demo_db, loaded=load(data))
    importing.apply_import(demo_db, preview=first, skip_invalid=True, backup=False)
    after_first = dump(demo_db)

    second = importing.preview_import(demo_db, loaded=load(data))
    summary = importing.apply_import(demo_db, preview=second, skip_invalid=True, backup=False)

    assert second.counts()[RowStatus.UNCHANGED] == 3
    assert second.counts()[RowStatus.NEW] == second.counts()[RowStatus.CHANGED] == 0
    assert (summary.added, summary.changed) == (0, 0)
    assert dump(demo_db) == after_first


def test_the_whole_import_is_one_undo_step(demo_db: Database) -> None:
    data, _ = march_file(demo_db)
    before = dump(demo_db)
    preview = importing.preview_import(demo_db, loaded=load(data))

    with recording(demo_db) as change_set:
        importing.apply_import(demo_db, preview=preview, skip_invalid=True, backup=False)
    assert dump(demo_db) != before
    apply_inverse(demo_db, change_set)

    assert dump(demo_db) == before


def test_a_stage_change_without_a_date_is_dated_by_the_files_month(demo_db: Database) -> None:
    project = project_in_stage(demo_db, Stage.UNDER_CONSTRUCTION, without="production_date")
    data = xlsx(
        ["所属园区", "项目名称", "项目阶段"],
        [[park_name(demo_db, project.park_id), project.name, "竣工投产"]],
        title="2024年5月重点项目调度表",
    )
    preview = importing.preview_import(demo_db, loaded=load(data))
    importing.apply_import(demo_db, preview=preview, backup=False)

    def stage_on(day: dt.date) -> Stage:
        assert project.id is not None
        return as_of_figures.project_stages_as_of(demo_db, day)[project.id]

    assert stage_on(dt.date(2024, 5, 30)) is Stage.UNDER_CONSTRUCTION
    assert stage_on(dt.date(2024, 5, 31)) is Stage.IN_PRODUCTION


def test_the_as_of_month_given_overrides_the_title(demo_db: Database) -> None:
    project = project_in_stage(demo_db, Stage.UNDER_CONSTRUCTION, without="production_date")
    data = xlsx(
        ["所属园区", "项目名称", "项目阶段"],
        [[park_name(demo_db, project.park_id), project.name, "已投产"]],
        title=TITLE,
    )
    preview = importing.preview_import(demo_db, loaded=load(data), as_of=YearMonth(2024, 6))
    importing.apply_import(demo_db, preview=preview, backup=False)
    assert projects.history(demo_db, project.id)[-1].date == dt.date(2024, 6, 30)  # type: ignore[arg-type]


def test_a_stage_moving_backwards_is_refused(demo_db: Database) -> None:
    project = project_in_stage(demo_db, Stage.IN_PRODUCTION)
    data = xlsx(
        ["所属园区", "项目名称", "项目阶段"],
        [[park_name(demo_db, project.park_id), project.name, "在谈"]],
        title=TITLE,
    )
    row = importing.preview_import(demo_db, loaded=load(data)).rows[0]
    assert row.status is RowStatus.INVALID
    assert "cannot move from" in row.problems[0].render()


def test_duplicate_keys_within_the_file(demo_db: Database) -> None:
    data = xlsx(
        ["所属园区", "项目名称", "项目阶段"],
        [["集成电路", "新项目", "在谈"], ["青岛市集成电路产业园", " 新项目 ", "在建"]],
    )
    rows = importing.preview_import(demo_db, loaded=load(data)).rows
    assert rows[0].status is RowStatus.NEW
    assert rows[1].status is RowStatus.INVALID
    assert rows[1].problems[0].render() == "Row 3, “项目名称”: the same record as row 2"


def test_negative_amounts_and_impossible_dates(demo_db: Database) -> None:
    data = xlsx(
        ["所属园区", "项目名称", "项目阶段", "计划总投资（万元）", "签约时间"],
        [["集成电路", "甲", "在谈", -5, None], ["集成电路", "乙", "在谈", 5, "2024-02-30"]],
    )
    rows = importing.preview_import(demo_db, loaded=load(data)).rows
    assert rows[0].problems[0].render() == "Row 2, “计划总投资”: amounts cannot be negative: “-5”"
    assert (
        rows[1].problems[0].render() == "Row 3, “签约时间”: 2024-02-30 is not a day of the calendar"
    )


def test_round_trip_of_the_exported_projects_is_all_unchanged(demo_db: Database) -> None:
    data = xlsx(PROJECT_HEADERS, export_rows(demo_db), title="截至2024年3月31日 示例数据")
    preview = importing.preview_import(demo_db, loaded=load(data, "projects.xlsx"))

    counts = preview.counts()
    assert counts[RowStatus.UNCHANGED] == len(imports.all_projects(demo_db))
    assert counts[RowStatus.UNCHANGED] > 50
    assert sum(counts.values()) == counts[RowStatus.UNCHANGED], [
        (r.number, r.changes, [p.render() for p in r.problems])
        for r in preview.rows
        if r.status is not RowStatus.UNCHANGED
    ][:3]


def test_english_headers_round_trip(demo_db: Database) -> None:
    header = [
        "No.",
        "Park",
        "Project",
        "Stage",
        "Company",
        "Responsible unit",
        "Contact",
        "Planned total (10k yuan)",
        "Signed",
        "Planned start",
        "Actual start",
        "Planned completion",
        "Production",
        "Key project",
        "Chain leader",
        "Notes",
    ]
    rows = export_rows(demo_db)
    for row in rows:
        row[3] = next(s for s, z in STAGE_ZH.items() if z == row[3]).text.source
        row[13], row[14] = (
            ("yes" if row[13] == "是" else "no"),
            ("yes" if row[14] == "是" else "no"),
        )
    preview = importing.preview_import(demo_db, loaded=load(xlsx(header, rows)))
    assert set(r.status for r in preview.rows) == {RowStatus.UNCHANGED}


def test_the_corrected_mapping_is_remembered_for_the_same_layout(demo_db: Database) -> None:
    header = ["所属园区", "项目名称", "项目阶段", "投资额"]
    data = xlsx(header, [["集成电路", "新项目", "在谈", 12]])
    first = importing.preview_import(demo_db, loaded=load(data))
    assert first.layout.column_of("planned_total") is None

    corrected = importing.preview_import(demo_db, loaded=load(data), fields={3: "planned_total"})
    importing.remember_mapping(demo_db, layout=corrected.layout)
    again = importing.preview_import(
        demo_db, loaded=load(xlsx(header, [["集成电路", "另一个", "在谈", 7]]))
    )

    column = again.layout.column_of("planned_total")
    assert column is not None and column.index == 3
    assert {c.field: c.new for c in again.rows[0].changes}["planned_total"] == "7 万元"


def test_problems_are_saved_with_the_parks_rows_and_a_reason(
    demo_db: Database, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    data, _ = march_file(demo_db)
    preview = importing.preview_import(demo_db, loaded=load(data))
    out = tmp_path / "problems.xlsx"

    assert importing.save_problems(out, preview=preview) == 2

    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == TITLE
    assert list(rows[1][: len(HEADER)]) == HEADER and rows[1][len(HEADER)] == "Reason"
    assert rows[2][1] == "青岛市量子信息产业园" and rows[2][2] == "量子计算项目"
    assert rows[2][len(HEADER)] == "所属园区：青岛市量子信息产业园 is not in the list of parks"
    assert rows[3][4] == "约5亿"
    assert len(rows) == 4


def test_a_sheet_without_a_known_header(demo_db: Database) -> None:
    with pytest.raises(importing.ImportFailure):
        importing.preview_import(demo_db, loaded=load(xlsx(["甲", "乙"], [[1, 2]])))


def test_a_sheet_by_name(demo_db: Database) -> None:
    with pytest.raises(importing.ImportFailure) as caught:
        importing.preview_import(demo_db, loaded=load(xlsx(HEADER, [])), sheet="不存在")
    assert "项目" in caught.value.render()


def test_the_kind_can_be_forced(demo_db: Database) -> None:
    data = xlsx(["所属园区", "项目名称", "项目阶段"], [["集成电路", "甲", "在谈"]])
    with pytest.raises(importing.ImportFailure):
        importing.preview_import(demo_db, loaded=load(data), kind=ImportKind.FUNDS)


def test_an_unrecognised_header_can_be_mapped_by_hand(demo_db: Database) -> None:
    data = xlsx(["园区", "名字", "级别", "类型"], [["虚拟现实", "手工平台", "省级", "重点实验室"]])
    with pytest.raises(importing.ImportFailure):  # 名字 is no known name for any column
        importing.preview_import(demo_db, loaded=load(data))

    result = importing.preview_import(
        demo_db, loaded=load(data), kind=ImportKind.PLATFORMS, fields={1: "name"}
    )

    assert [c.field for c in result.layout.columns] == ["park", "name", "level", "kind"]
    assert result.rows[0].status is RowStatus.NEW
    assert result.rows[0].key == "虚拟现实 · 手工平台"
