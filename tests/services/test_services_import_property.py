"""A property of the round trip: projects written to a spreadsheet as the exporter writes them
(amounts in 万元 with up to four decimals as numeric cells, Chinese names, text that starts
with "=") import as new records with exactly those values, and the same file imported again
is all unchanged."""

from __future__ import annotations

import io
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.services import importing
from parktracker.services.import_types import RowStatus
from parktracker.services.reference import seed_reference
from parktracker.storage import imports, parks
from parktracker.storage.database import create_database

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
names = st.one_of(
    st.text(CJK, min_size=1, max_size=12),
    st.builds(lambda s: "=" + s, st.text(CJK, min_size=1, max_size=8)),
    st.builds(lambda s: "=SUM(A1:A2)" + s, st.text(CJK, max_size=3)),
)
wan = st.decimals(min_value=0, max_value=Decimal("99999999.9999"), places=4)
projects = st.lists(
    st.tuples(names, wan, st.sampled_from(list(Stage))),
    min_size=1,
    max_size=6,
    unique_by=lambda p: p[0].strip(),
)
STAGE_ZH = {
    Stage.NEGOTIATING: "在谈", Stage.SIGNED: "已签约待开工", Stage.UNDER_CONSTRUCTION: "在建",
    Stage.IN_PRODUCTION: "已投产", Stage.TERMINATED: "已终止",
}  # fmt: skip


def spreadsheet(rows: list[tuple[str, Decimal, Stage]], park: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["所属园区", "项目名称", "项目阶段", "计划总投资（万元）"])
    for n, (name, amount, stage) in enumerate(rows, start=2):
        ws.append([park, None, STAGE_ZH[stage], float(amount)])
        cell = ws.cell(row=n, column=2)
        cell.value = name
        cell.data_type = "s"  # text, even when it starts with "=" (as the exporter keeps it)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects)
def test_exact_amounts_and_names_round_trip(rows: list[tuple[str, Decimal, Stage]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = create_database(Path(folder) / "new.db", populate=seed_reference)
        try:
            park = parks.all_parks(db)[0].name
            data = spreadsheet(rows, park)
            first = importing.preview_import(db, loaded=importing.load_bytes(data, name="p.xlsx"))
            assert [r.status for r in first.rows] == [RowStatus.NEW] * len(rows), [
                [p.render() for p in r.problems] for r in first.rows
            ]
            importing.apply_import(db, preview=first, backup=False)
            stored = {p.name: p for p in imports.all_projects(db)}
            for name, amount, stage in rows:
                project = stored[name.strip()]
                assert project.planned_total == Money.wan(amount)
                assert project.stage is stage
            again = importing.preview_import(db, loaded=importing.load_bytes(data, name="p.xlsx"))
            assert [r.status for r in again.rows] == [RowStatus.UNCHANGED] * len(rows)
        finally:
            db.close()
