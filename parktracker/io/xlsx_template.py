"""Writing a park's fill-in template: the export layout (title line, header on row 2, the same
headers the importer reads), pre-filled rows, drop-down lists and protected key columns.

Protection is Excel's sheet protection **without a password**: it keeps the keys (park,
project, fund, month) from being overwritten by accident, and anyone can lift it on purpose
(Review → Unprotect Sheet), which is all a form needs. Columns marked ``editable`` are unlocked,
as are the blank rows left for new records. Sorting, filtering and resizing stay allowed.

Drop-down lists (data validation) offer a column's ``choices``: the parks, the stages. Short
lists are written in the rule itself; a list longer than Excel's 255-character limit goes to a
hidden sheet ``lists`` that the rule refers to.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO, Any

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.io.book import Book, CellValue, Column, Sheet
from parktracker.io.cell_values import (
    DATE_FORMAT,
    MONTH_FORMAT,
    NUMBER_FORMATS,
    amount_number,
    needs_guard,
)
from parktracker.io.export_layout import ValueType
from parktracker.io.safe_file import atomic_write
from parktracker.io.xlsx_export import FIRST_DATA_ROW, HEADER_ROW, _sheet_title, column_widths

INLINE_LIST_LIMIT = 255
LISTS_SHEET = "lists"


def _put(ws: Any, row: int, col: int, column: Column, value: CellValue) -> Any:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, Money):
        unit = column.type.unit
        assert unit is not None
        cell.value = amount_number(value, unit)
        cell.number_format = NUMBER_FORMATS[unit]
    elif isinstance(value, YearMonth):
        cell.value = value.first_day
        cell.number_format = MONTH_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str) and needs_guard(value):
        cell.value = value
        cell.data_type = "s"
        cell.quotePrefix = True
    else:
        cell.value = value
    # Empty cells the park fills in still carry the column's format.
    if value is None and column.type.unit is not None:
        cell.number_format = NUMBER_FORMATS[column.type.unit]
    elif value is None and column.type is ValueType.DATE:
        cell.number_format = DATE_FORMAT
    elif value is None and column.type is ValueType.MONTH:
        cell.number_format = MONTH_FORMAT
    return cell


def _list_formula(wb: Any, choices: tuple[str, ...]) -> str:
    inline = ",".join(choices)
    if len(inline) + 2 <= INLINE_LIST_LIMIT and not any("," in c or '"' in c for c in choices):
        return f'"{inline}"'
    if LISTS_SHEET in wb.sheetnames:
        lists = wb[LISTS_SHEET]
    else:
        lists = wb.create_sheet(LISTS_SHEET)
        lists.sheet_state = "hidden"
    col = lists.max_column + 1 if lists.max_row > 1 or lists["A1"].value is not None else 1
    for index, choice in enumerate(choices, start=1):
        lists.cell(row=index, column=col, value=choice)
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(col)
    return f"{LISTS_SHEET}!${letter}$1:${letter}${len(choices)}"


def write_template_sheet(wb: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(title=_sheet_title(sheet.name))
    for index, width in enumerate(column_widths(sheet), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    ws.cell(row=1, column=1, value=sheet.title).font = Font(bold=True)
    to_fill = PatternFill("solid", fgColor="FFF4CE")  # the cells waiting for figures
    for col, column in enumerate(sheet.columns, start=1):
        header = ws.cell(row=HEADER_ROW, column=col, value=column.header)
        header.font = Font(bold=True)
    unlocked = Protection(locked=False)
    last = HEADER_ROW + len(sheet.rows) + sheet.blank_rows
    for r, values in enumerate(sheet.rows, start=FIRST_DATA_ROW):
        for col, (column, value) in enumerate(zip(sheet.columns, values, strict=True), start=1):
            cell = _put(ws, r, col, column, value)
            if column.editable:
                cell.protection = unlocked
                if value is None:
                    cell.fill = to_fill
    for r in range(FIRST_DATA_ROW + len(sheet.rows), last + 1):
        for col, column in enumerate(sheet.columns, start=1):
            _put(ws, r, col, column, None).protection = unlocked
    for col, column in enumerate(sheet.columns, start=1):
        if not column.choices or last < FIRST_DATA_ROW:
            continue
        rule = DataValidation(
            type="list",
            formula1=_list_formula(wb, column.choices),
            allow_blank=True,
            showDropDown=False,  # (sic) False shows the in-cell arrow
            showErrorMessage=True,
        )
        letter = get_column_letter(col)
        rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
        ws.add_data_validation(rule)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(sheet.columns))}{max(last, 2)}"
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = False  # False: allowed while protected
    protection.formatRows = False
    protection.autoFilter = False
    protection.sort = False


def write_template(book: Book, handle: IO[bytes]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    default = wb.active
    for sheet in book.sheets:
        write_template_sheet(wb, sheet)
    if default is not None:
        wb.remove(default)
    if LISTS_SHEET in wb.sheetnames:  # keep the hidden lists last
        wb.move_sheet(LISTS_SHEET, offset=len(wb.sheetnames))
    wb.active = 0
    wb.save(handle)


def save_template(book: Book, path: Path | str) -> Path:
    return atomic_write(path, lambda handle: write_template(book, handle))
