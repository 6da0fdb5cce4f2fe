"""Property: what the writers put in a file reads back as the same values — exact amounts in
万元 (four decimals) and 亿元 (eight), Chinese names, text that starts like a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from parktracker.domain.money import Money, Unit
from parktracker.io.book import Book, Column, Sheet
from parktracker.io.cell_values import CSV_GUARD, csv_unguard, needs_guard
from parktracker.io.csv_export import write_csv
from parktracker.io.export_layout import ValueType
from parktracker.io.xlsx_export import write_book

COLUMNS = [
    Column("项目名称"),
    Column("计划总投资（万元）", ValueType.AMOUNT_WAN),
    Column("基金规模（亿元）", ValueType.AMOUNT_YI),
    Column("签约时间", ValueType.DATE),
]
# Text as people type it: Chinese, ASCII, full-width brackets, and formula-like starts. XML
# cannot hold control characters other than tab, newline and carriage return.
LETTERS = st.sampled_from(list("青岛市集成电路产业园项目（）()-=+@ aZ09\t,\"'、"))
NAMES = st.one_of(
    st.text(LETTERS, min_size=1, max_size=20).filter(lambda t: t.strip() == t and t != ""),
    st.sampled_from(["=SUM(1)", "+1", "-1", "@x", "\tx", '=HYPERLINK("x")']),
)
AMOUNTS = st.one_of(st.none(), st.integers(min_value=0, max_value=10**14).map(Money))
DATES = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
ROWS = st.lists(st.tuples(NAMES, AMOUNTS, AMOUNTS, DATES), min_size=1, max_size=8)


def _amount(value: object, unit: Unit) -> Money | None:
    if value is None or value == "":
        return None
    return Money.from_decimal(
        Decimal(repr(value) if isinstance(value, float) else str(value)), unit
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROWS)
def test_xlsx_reads_back_exactly(
    rows: list[tuple[str, Money | None, Money | None, dt.date | None]],
) -> None:
    buffer = io.BytesIO()
    write_book(Book([Sheet("项目", "标题", COLUMNS, list(rows))]), buffer)
    buffer.seek(0)
    ws = load_workbook(buffer, read_only=True)["项目"]
    # read-only mode leaves out trailing empty cells
    read = [(*r, *([None] * (4 - len(r)))) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert len(read) == len(rows)
    for (name, wan, yi, day), (r_name, r_wan, r_yi, r_day) in zip(rows, read, strict=True):
        assert r_name == name
        assert _amount(r_wan, Unit.WAN) == wan
        assert _amount(r_yi, Unit.YI) == yi
        assert (None if r_day is None else r_day.date()) == day


@settings(max_examples=60, deadline=None)
@given(ROWS)
def test_csv_reads_back_exactly(
    rows: list[tuple[str, Money | None, Money | None, dt.date | None]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        with path.open("wb") as handle:
            write_csv(Sheet("项目", "标题", COLUMNS, list(rows)), handle)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            read = list(csv.reader(handle))[2:]
    assert len(read) == len(rows)
    for (name, wan, yi, day), (r_name, r_wan, r_yi, r_day) in zip(rows, read, strict=True):
        assert csv_unguard(r_name) == name
        assert r_name.startswith(CSV_GUARD) == (needs_guard(name) or name.startswith(CSV_GUARD))
        assert not needs_guard(r_name)
        assert (None if r_wan == "" else Money.from_decimal(r_wan, Unit.WAN)) == wan
        assert (None if r_yi == "" else Money.from_decimal(r_yi, Unit.YI)) == yi
        assert (None if r_day == "" else dt.date.fromisoformat(r_day)) == day
