"""A park fills in its template and sends it back: importing it updates exactly those records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from parktracker.domain.periods import YearMonth
from parktracker.i18n import set_language, tr
from parktracker.services.import_types import RowStatus
from parktracker.services.importing import apply_import, load_file, preview_import
from parktracker.services.templates import export_template
from parktracker.storage import parks
from parktracker.storage.database import Database

DISPLAY = "青岛市新型显示产业园"
APRIL = YearMonth(2024, 4)


def _snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    found = {
        "investment": db.conn.execute(
            "SELECT project_id, month, completed_yuan FROM project_monthly_investment ORDER BY 1, 2"
        ).fetchall(),
        "revenue": db.conn.execute(
            "SELECT park_id, month, amount_yuan FROM revenue ORDER BY 1, 2"
        ).fetchall(),
        "fund_updates": db.conn.execute(
            "SELECT fund_id, date, scale_yuan, paid_in_yuan, invested_yuan FROM fund_updates"
            " ORDER BY 1, 2"
        ).fetchall(),
        "projects": db.conn.execute("SELECT * FROM projects ORDER BY id").fetchall(),
    }
    return {name: [tuple(row) for row in rows] for name, rows in found.items()}


def _header_index(sheet: object, name: str) -> int:
    headers = [c.value for c in sheet[2]]  # type: ignore[index]
    return headers.index(name) + 1


def test_a_filled_template_updates_exactly_the_records_intended(
    demo_db: Database, tmp_path: Path
) -> None:
    set_language("zh_CN")
    db = demo_db
    park = parks.find(db, DISPLAY)
    assert park is not None and park.id is not None
    path = export_template(db, park_id=park.id, month=APRIL, path=tmp_path / "t.xlsx", tr=tr)
    before = _snapshot(db)

    # The park fills in two projects' April investment, its April revenue, one fund's figures.
    book = load_workbook(path)
    investment = book["月度投资"]
    figure = _header_index(investment, "本月完成投资（万元）")
    name_col = _header_index(investment, "项目名称")
    filled = {}
    for row, value in zip(range(3, 5), ("1234.5678", "800"), strict=True):
        investment.cell(row, figure).value = float(value)
        filled[investment.cell(row, name_col).value] = Decimal(value)
    revenue = book["营收"]
    revenue.cell(3, _header_index(revenue, "本月营业收入（亿元）")).value = 12.3456
    funds = book["基金"]
    fund_name = funds.cell(3, _header_index(funds, "基金名称")).value
    funds.cell(3, _header_index(funds, "基金规模（亿元）")).value = 30
    funds.cell(3, _header_index(funds, "实缴规模（亿元）")).value = 20.5
    funds.cell(3, _header_index(funds, "对外投资（亿元）")).value = 10.25
    book.save(path)

    loaded = load_file(path)
    for sheet in ("项目", "月度投资", "营收", "基金"):
        preview = preview_import(db, loaded=loaded, sheet=sheet)
        counts = preview.counts()
        assert counts[RowStatus.INVALID] == 0, [r.problems for r in preview.invalid]
        if sheet == "项目":
            assert counts[RowStatus.NEW] == counts[RowStatus.CHANGED] == 0  # keys as they were
        apply_import(db, preview=preview, backup=False)

    after = _snapshot(db)
    assert after["projects"] == before["projects"]
    project_ids = {
        name: db.scalar("SELECT id FROM projects WHERE name = ? AND park_id = ?", (name, park.id))
        for name in filled
    }
    new_investment = sorted(set(after["investment"]) - set(before["investment"]))
    assert new_investment == sorted(
        (project_ids[name], "2024-04", int(value * 10_000)) for name, value in filled.items()
    )
    assert set(before["investment"]) <= set(after["investment"])
    new_revenue = sorted(set(after["revenue"]) - set(before["revenue"]))
    assert new_revenue == [(park.id, "2024-04", 1_234_560_000)]
    assert set(before["revenue"]) <= set(after["revenue"])
    fund_id = db.scalar("SELECT id FROM funds WHERE name = ?", (fund_name,))
    new_updates = sorted(set(after["fund_updates"]) - set(before["fund_updates"]))
    assert new_updates == [
        (fund_id, dt.date(2024, 4, 30).isoformat(), 3_000_000_000, 2_050_000_000, 1_025_000_000)
    ]
