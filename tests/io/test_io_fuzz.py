"""Fuzzing the importer: whatever the bytes, cells or encoding, reading and parsing end in a
result or in ImportFailure, never in another exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parktracker.domain.import_errors import ImportFailure
from parktracker.domain.import_fields import ImportKind
from parktracker.domain.import_layout import detect_layout
from parktracker.domain.import_rows import parse_rows
from parktracker.domain.import_values import ParkIndex
from parktracker.domain.models import Park
from parktracker.io.readers import read_bytes

PARKS = ParkIndex([Park("青岛市集成电路产业园", "集成电路产业园", "集成电路", id=1)])
HEADER_WORDS = [
    "所属园区",
    "项目名称",
    "项目阶段",
    "计划总投资（万元）",
    "签约时间",
    "月份",
    "本月营业收入（亿元）",
    "1-3月累计营业收入（亿元）",
    "基金名称",
    "平台名称",
    "级别",
    "类型",
    "企业名称",
    "标签",
    "合计",
    "序号",
    "备注",
    "投资情况",
]
cells = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from([*HEADER_WORDS, "集成电路", "在建", "约5亿", "2024-02-30", "2023.12", "=1+1"]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)
grids = st.lists(st.lists(cells, max_size=8), max_size=12)
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_and_parse(data: bytes) -> None:
    try:
        book = read_bytes(data)
        for sheet in book.sheets:
            layout = detect_layout(sheet.rows, sheet=sheet.name)
            parse_rows(sheet.rows, layout, PARKS, sheet=sheet.name)
    except ImportFailure as failure:
        assert failure.render()


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    read_and_parse(data)


@FUZZ
@given(
    grids,
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1"]),
    st.sampled_from([",", "\t", ";"]),
)
def test_random_text_in_random_encodings(grid, encoding: str, delimiter: str) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(delimiter.join("" if c is None else str(c) for c in row) for row in grid)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    read_and_parse(data)


@FUZZ
@given(grids, st.sampled_from([None, *ImportKind]))
def test_random_cells(grid: list[list[object]], kind: ImportKind | None) -> None:
    try:
        layout = detect_layout(grid, kind=kind)
    except ImportFailure:
        return
    for row in parse_rows(grid, layout, PARKS):
        for problem in row.problems:
            assert problem.render()


@settings(max_examples=200, deadline=None)
@given(grids)
def test_random_cells_in_an_xlsx(grid: list[list[object]]) -> None:
    import io

    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    for row in grid:
        ws.append(
            [
                c.replace(tzinfo=None) if isinstance(c, dt.datetime) else c
                for c in row
                if not (isinstance(c, str) and any(ord(ch) < 32 for ch in c))
            ]
        )
    out = io.BytesIO()
    try:
        book.save(out)
    except (ValueError, TypeError, OverflowError):  # cells openpyxl itself cannot store
        return
    read_and_parse(out.getvalue())


def _base_files() -> list[bytes]:
    from import_shapes import projects_spreadsheet_ml, projects_xls, projects_xlsx

    rows = [[1, "集成电路", "项目甲", "在建", 100, None, "2023.12", dt.date(2024, 1, 15), None]]
    return [projects_xlsx(rows), projects_xls(rows), projects_spreadsheet_ml(rows)]


BASES = _base_files()


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(range(len(BASES))),
    st.lists(
        st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)),
        min_size=1,
        max_size=8,
    ),
    st.integers(min_value=0),
)
def test_damaged_workbooks(base: int, flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(BASES[base])
    for position, value in flips:
        data[position % len(data)] = value
    read_and_parse(bytes(data[: max(16, len(data) - cut % len(data))]))
