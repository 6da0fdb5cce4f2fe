"""Shared helpers for the import tests: demo records and canonical spreadsheets from the DB."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.storage import imports, parks
from parktracker.storage.database import Database

STAGE_ZH = {
    Stage.NEGOTIATING: "在谈",
    Stage.SIGNED: "已签约待开工",
    Stage.UNDER_CONSTRUCTION: "在建",
    Stage.IN_PRODUCTION: "已投产",
    Stage.TERMINATED: "已终止",
}
# HEADERS.md, projects, as the exporter writes them in Chinese
PROJECT_HEADERS = [
    "序号",
    "所属园区",
    "项目名称",
    "项目阶段",
    "建设单位",
    "责任单位",
    "联系人",
    "计划总投资（万元）",
    "签约时间",
    "计划开工时间",
    "开工时间",
    "计划竣工时间",
    "投产时间",
    "重点项目",
    "链主项目",
    "备注",
]


def project_in_stage(db: Database, stage: Stage, *, without: str = "") -> Project:
    for project in imports.all_projects(db):
        if project.stage is stage and not (without and getattr(project, without)):
            return project
    raise AssertionError(f"no demo project in {stage}")


def park_name(db: Database, park_id: int) -> str:
    park = parks.get(db, park_id)
    assert park is not None
    return park.name


def export_rows(db: Database) -> list[list[Any]]:
    """Every project as the exporter writes it (HEADERS.md): numbers and date cells."""
    rows = []
    for n, p in enumerate(imports.all_projects(db), start=1):
        rows.append(
            [
                n,
                park_name(db, p.park_id),
                p.name,
                STAGE_ZH[p.stage],
                p.company,
                p.responsible_unit,
                p.contact,
                float(p.planned_total.in_wan) if p.planned_total else None,
                p.signed_date,
                p.planned_start_date,
                p.actual_start_date,
                p.planned_completion_date,
                p.production_date,
                "是" if p.is_key else "否",
                "是" if p.is_chain_leader else "否",
                p.notes,
            ]
        )
    return rows


def xlsx(
    header: Sequence[object], rows: Sequence[Sequence[object]], *, title: str | None = None
) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "项目"
    if title:
        ws.append([title])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every user table's rows, to compare a database before and after."""
    tables = [
        "projects",
        "project_stage_history",
        "project_monthly_investment",
        "funds",
        "fund_updates",
        "revenue",
        "platforms",
        "enterprises",
        "project_listing",
    ]
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY 1")] for t in tables}
