"""The .xlsx, CSV and template writers, read back with openpyxl: numbers with number formats,
real dates, the title line, frozen header, autofilter, widths, formula guards, safe writing."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from typing import IO

import pytest
from openpyxl import load_workbook

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.io import safe_file
from parktracker.io.book import Book, Column, Sheet
from parktracker.io.csv_export import save_csv
from parktracker.io.export_layout import ValueType
from parktracker.io.safe_file import ExportError, atomic_write
from parktracker.io.xlsx_export import save_xlsx
from parktracker.io.xlsx_template import save_template

COLUMNS = [
    Column("所属园区"),
    Column("项目名称"),
    Column("计划总投资（万元）", ValueType.AMOUNT_WAN),
    Column("基金规模（亿元）", ValueType.AMOUNT_YI),
    Column("签约时间", ValueType.DATE),
    Column("月份", ValueType.MONTH),
    Column("序号", ValueType.NUMBER),
]
ROWS = [
    (
        "青岛市集成电路产业园",
        "=SUM(1)",
        Money.wan("125000"),
        Money.yi("9.6"),
        dt.date(2024, 1, 15),
        YearMonth(2024, 3),
        1,
    ),
    (
        "青岛市集成电路产业园",
        "+1",
        Money.wan("0.0001"),
        Money.yi("0.00000001"),
        None,
        YearMonth(2023, 12),
        2,
    ),
    ("青岛市集成电路产业园", "-1", Money(0), None, dt.date(2023, 10, 8), None, 3),
    ("青岛市集成电路产业园", "@x", Money.wan("1234.5678"), Money.yi("1351.4"), None, None, 4),
    ("青岛市集成电路产业园", "\tx", None, None, None, None, 5),
    ("青岛市集成电路产业园", "普通项目", None, None, None, None, 6),
]
TITLE = "项目 — 截至2024年3月31日  示例数据"


def sheet() -> Sheet:
    return Sheet("项目", TITLE, COLUMNS, [tuple(r) for r in ROWS])


def test_xlsx_cells_are_typed_formatted_and_guarded(tmp_path: Path) -> None:
    path = save_xlsx(Book([sheet()]), tmp_path / "out.xlsx")
    wb = load_workbook(path)
    ws = wb["项目"]
    assert ws["A1"].value == TITLE
    assert [c.value for c in ws[2]] == [c.header for c in COLUMNS]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:G8"
    # amounts: numbers, in the column's unit, with a number format that shows every decimal
    assert ws["C3"].value == 125000 and ws["C3"].data_type == "n"
    assert ws["C3"].number_format == "#,##0.00##"
    assert ws["C4"].value == 0.0001
    assert ws["C5"].value == 0 and ws["C5"].data_type == "n"
    assert ws["C6"].value == 1234.5678
    assert ws["D3"].value == 9.6 and ws["D3"].number_format == "#,##0.00######"
    assert ws["D4"].value == 0.00000001
    assert ws["D6"].value == 1351.4
    # dates are dates; months are dates shown as yyyy-mm
    assert ws["E3"].is_date and ws["E3"].value == dt.datetime(2024, 1, 15)
    assert ws["E3"].number_format == "yyyy-mm-dd"
    assert ws["F3"].is_date and ws["F3"].value == dt.datetime(2024, 3, 1)
    assert ws["F3"].number_format == "yyyy-mm"
    assert ws["G3"].value == 1 and ws["G3"].data_type == "n"
    # text that could be a formula is a string cell with Excel's quote prefix, unchanged
    for row, text in zip(range(3, 8), ("=SUM(1)", "+1", "-1", "@x", "\tx"), strict=True):
        cell = ws[f"B{row}"]
        assert cell.value == text
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert ws["B8"].value == "普通项目" and not ws["B8"].quotePrefix
    # columns fit their contents, CJK counted double
    assert ws.column_dimensions["A"].width == 2 * len("青岛市集成电路产业园") + 2
    assert ws.column_dimensions["E"].width == 12  # yyyy-mm-dd (10) + padding


def test_the_xlsx_file_holds_no_formula(tmp_path: Path) -> None:
    import zipfile

    path = save_xlsx(Book([sheet()]), tmp_path / "out.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_csv_has_a_bom_the_title_line_exact_amounts_and_guards(tmp_path: Path) -> None:
    path = save_csv(sheet(), tmp_path / "out.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data[3:].decode("utf-8").split("\r\n")
    assert lines[0] == TITLE
    assert lines[1] == ",".join(c.header for c in COLUMNS)
    assert lines[2] == "青岛市集成电路产业园,'=SUM(1),125000,9.6,2024-01-15,2024-03,1"
    assert lines[3] == "青岛市集成电路产业园,'+1,0.0001,0.00000001,,2023-12,2"
    assert lines[4] == "青岛市集成电路产业园,'-1,0,,2023-10-08,,3"
    assert lines[5] == "青岛市集成电路产业园,'@x,1234.5678,1351.4,,,4"
    assert lines[6] == "青岛市集成电路产业园,'\tx,,,,,5"


def test_a_failing_writer_leaves_the_old_file_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the previous export")

    def failing(handle: IO[bytes]) -> None:
        handle.write(b"half a file")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError) as caught:
        atomic_write(target, failing)
    assert target.read_bytes() == b"the previous export"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
    assert str(caught.value) == f"Cannot write {target}: the disk is full"


def test_an_error_inside_the_writer_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ZeroDivisionError):
        atomic_write(target, lambda handle: 1 / 0)  # type: ignore[func-returns-value]
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_file_open_in_excel_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(safe_file.os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        save_xlsx(Book([sheet()]), target)
    assert "is open in another program (Excel or WPS?)" in str(caught.value)
    assert target.read_bytes() == b"open in Excel"
    assert list(tmp_path.iterdir()) == [target]


def test_an_unwritable_or_missing_folder_gets_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ExportError) as caught:
        save_csv(sheet(), tmp_path / "missing" / "out.csv")
    assert str(caught.value).endswith("the folder does not exist")

    real_open = os.open

    def denied(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".part"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(safe_file.os, "open", denied)
    with pytest.raises(ExportError) as caught:
        save_csv(sheet(), tmp_path / "out.csv")
    assert str(caught.value) == f"Cannot write {tmp_path / 'out.csv'}: permission denied"
    with pytest.raises(ExportError):
        save_xlsx(Book([sheet()]), tmp_path)  # a folder in the way


def test_template_locks_keys_unlocks_figures_and_offers_lists(tmp_path: Path) -> None:
    columns = [
        Column("所属园区", choices=("青岛市集成电路产业园", "青岛市人工智能产业园")),
        Column("项目名称"),
        Column("项目阶段", editable=True, choices=("在谈", "在建")),
        Column("本月完成投资（万元）", ValueType.AMOUNT_WAN, editable=True),
    ]
    book = Book(
        [
            Sheet(
                "项目",
                "填报",
                columns,
                [("青岛市集成电路产业园", "=A1", "在建", None)],
                blank_rows=2,
            )
        ]
    )
    ws = load_workbook(save_template(book, tmp_path / "t.xlsx"))["项目"]
    assert ws.protection.sheet and not ws.protection.password
    assert ws["A3"].protection.locked and ws["B3"].protection.locked
    assert not ws["C3"].protection.locked and not ws["D3"].protection.locked
    assert ws["B3"].value == "=A1" and ws["B3"].data_type == "s"
    assert ws["D3"].value is None and ws["D3"].number_format == "#,##0.00##"
    for cell in ("A4", "B4", "C5", "D5"):  # blank rows for new records are open
        assert not ws[cell].protection.locked
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert rules == {
        "A3:A5": '"青岛市集成电路产业园,青岛市人工智能产业园"',
        "C3:C5": '"在谈,在建"',
    }
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:D5"


def test_a_long_choice_list_goes_to_a_hidden_sheet(tmp_path: Path) -> None:
    names = tuple(f"青岛市第{i}号很长名字的产业园区" for i in range(40))
    book = Book([Sheet("项目", "t", [Column("所属园区", choices=names)], [], blank_rows=3)])
    wb = load_workbook(save_template(book, tmp_path / "t.xlsx"))
    assert wb.sheetnames == ["项目", "lists"]
    assert wb["lists"].sheet_state == "hidden"
    assert [c.value for c in wb["lists"]["A"]] == list(names)
    (rule,) = wb["项目"].data_validations.dataValidation
    assert rule.formula1 == "lists!$A$1:$A$40"


def test_a_name_longer_than_the_system_allows_gets_a_message(tmp_path: Path) -> None:
    """The check for a folder in the way asks the system about the name: a name too long for
    it is said as a failure to write, not raised as an OSError (the charts' write did this;
    every export now shares that one write)."""
    target = tmp_path / ("很长的文件名" * 60 + ".xlsx")
    with pytest.raises(ExportError) as caught:
        save_xlsx(Book([sheet()]), target)
    assert str(caught.value).startswith(f"Cannot write {target}: ")
    assert list(tmp_path.iterdir()) == []
