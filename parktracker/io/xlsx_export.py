"""Writing a :class:`Book` as an .xlsx workbook, streamed with openpyxl's write-only mode.

Each sheet: the title line in row 1 (what, as of when, the sample-data mark), the header in
row 2 (bold), the records below. Rows 1–2 are frozen and the header carries an autofilter.
Amounts are numeric cells with a number format, dates real date cells, months date cells shown
as ``yyyy-mm``; columns are as wide as their contents (see :mod:`cell_values`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.io.book import Book, CellValue, Column, Sheet
from parktracker.io.cell_values import (
    MONTH_FORMAT,
    NUMBER_FORMATS,
    amount_number,
    amount_text,
    column_width,
    needs_guard,
    text_width,
)
from parktracker.io.export_layout import ValueType
from parktracker.io.safe_file import atomic_write

HEADER_ROW = 2
FIRST_DATA_ROW = 3
DATE_WIDTH = 10  # yyyy-mm-dd
MONTH_WIDTH = 7  # yyyy-mm


def value_width(column: Column, value: CellValue) -> int:
    """How many character cells ``value`` takes when shown in ``column``."""
    if value is None:
        return 0
    if isinstance(value, Money):
        unit = column.type.unit
        assert unit is not None
        text = amount_text(value, unit)
        whole = text.split(".")[0]
        # thousands separators, and at least two decimals
        return len(text) + (len(whole) - 1) // 3 + (3 if "." not in text else 0)
    if isinstance(value, YearMonth):
        return MONTH_WIDTH
    if isinstance(value, dt.date):
        return DATE_WIDTH
    return text_width(str(value))


def column_widths(sheet: Sheet) -> list[float]:
    """Each column as wide as its header and its widest value (each distinct value measured
    once: on 10,000 projects most columns repeat a few values)."""
    widths = []
    for index, column in enumerate(sheet.columns):
        values = {row[index] for row in sheet.rows}
        longest = max((value_width(column, value) for value in values), default=0)
        widths.append(column_width(column.header, longest))
    return widths


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _cell_maker(ws: Any, column: Column) -> Callable[[CellValue], Any]:
    """A function turning one value of ``column`` into what ``ws.append`` takes."""
    from openpyxl.cell import WriteOnlyCell

    unit = column.type.unit

    def text(value: CellValue) -> Any:
        if isinstance(value, str) and needs_guard(value):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # never a formula
            cell.quotePrefix = True  # shown and kept as text, as if typed with a leading '
            return cell
        return value

    if unit is not None:
        fmt = NUMBER_FORMATS[unit]

        def amount(value: CellValue) -> Any:
            if not isinstance(value, Money):
                return text(value)
            cell = WriteOnlyCell(ws, value=amount_number(value, unit))
            cell.number_format = fmt
            return cell

        return amount
    if column.type is ValueType.MONTH:

        def month(value: CellValue) -> Any:
            if not isinstance(value, YearMonth):
                return text(value)
            cell = WriteOnlyCell(ws, value=value.first_day)
            cell.number_format = MONTH_FORMAT
            return cell

        return month
    # Dates get openpyxl's date format (yyyy-mm-dd) on their own; numbers stay numbers.
    return text


def write_sheet(wb: Any, sheet: Sheet) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    ws = wb.create_sheet(title=_sheet_title(sheet.name))
    for index, width in enumerate(column_widths(sheet), start=1):
        ws.column_dimensions[_letter(index)].width = width
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    title = WriteOnlyCell(ws, value=sheet.title)
    title.font = Font(bold=True)
    if needs_guard(sheet.title):
        title.data_type = "s"
    ws.append([title])
    bold = Font(bold=True)
    header = []
    for column in sheet.columns:
        cell = WriteOnlyCell(ws, value=column.header)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    makers = [_cell_maker(ws, column) for column in sheet.columns]
    plain = [
        column.type in (ValueType.TEXT, ValueType.DATE, ValueType.NUMBER)
        for column in sheet.columns
    ]
    for row in sheet.rows:
        ws.append(
            [
                value if (is_plain and not isinstance(value, str)) else make(value)
                for value, make, is_plain in zip(row, makers, plain, strict=True)
            ]
        )
    last = HEADER_ROW + len(sheet.rows)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{_letter(len(sheet.columns))}{last}"


_FORBIDDEN_IN_SHEET_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _sheet_title(name: str) -> str:
    return name.translate(_FORBIDDEN_IN_SHEET_NAMES)[:31] or "Sheet"


def write_book(book: Book, handle: IO[bytes]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for sheet in book.sheets:
        write_sheet(wb, sheet)
    wb.save(handle)


def save_xlsx(book: Book, path: Path | str) -> Path:
    """Write ``book`` to ``path`` atomically (see :mod:`safe_file`)."""
    return atomic_write(path, lambda handle: write_book(book, handle))
