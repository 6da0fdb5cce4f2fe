"""Reading a spreadsheet file into sheets of raw cells, whatever it really is.

The format is recognised by content (:mod:`parktracker.io.detect`): .xlsx/.xlsm, .ods and
binary .xls go through python-calamine (a fast Rust reader; openpyxl in read-only mode takes
several times longer on the same file), SpreadsheetML and HTML ".xls" through the markup
readers, and everything else is read as CSV/TSV text. Merged cells are filled with the value
of their top-left cell, so a two-level header reads 投资情况 above each of its columns.

Every failure is an :class:`ImportFailure`; no other exception leaves this module.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path

from parktracker.domain.import_errors import (
    MSG_DAMAGED,
    MSG_EMPTY,
    MSG_ENCRYPTED,
    MSG_TOO_BIG,
    MSG_TOO_MANY_ROWS,
    MSG_UNREADABLE,
    ImportFailure,
)
from parktracker.io.detect import Format, detect
from parktracker.io.markup_readers import read_html, read_spreadsheet_ml
from parktracker.io.sheets import MAX_FILE_BYTES, MAX_ROWS, Cell, Sheet, Workbook, fill_merged
from parktracker.io.text_reader import read_rows, read_text


def read_path(path: Path) -> tuple[Workbook, bytes]:
    """Read the file at ``path``; returns the workbook and the file's bytes (for its checksum)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailure(MSG_TOO_BIG, _mb(size), _mb(MAX_FILE_BYTES))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(MSG_UNREADABLE, exc.strerror or type(exc).__name__) from None
    return read_bytes(data, name=path.stem), data


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def read_bytes(data: bytes, *, name: str = "Sheet1") -> Workbook:
    """Read a whole file's bytes; ``name`` names the sheet of a CSV/TSV file."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailure(MSG_TOO_BIG, _mb(len(data)), _mb(MAX_FILE_BYTES))
    if not data.strip():
        raise ImportFailure(MSG_EMPTY)
    try:
        fmt = detect(data)
        if fmt in (Format.XLSX, Format.ODS, Format.XLS):
            book = _read_calamine(data, fmt)
        elif fmt is Format.SPREADSHEET_ML:
            book = read_spreadsheet_ml(data)
        elif fmt is Format.HTML:
            book = read_html(data)
        else:
            book = read_text(data, name=name)
    except ImportFailure:
        raise
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError) as exc:
        raise ImportFailure(MSG_DAMAGED, type(exc).__name__) from None
    for sheet in book.sheets:
        _trim(sheet)
        if len(sheet.rows) > MAX_ROWS:
            raise ImportFailure(MSG_TOO_MANY_ROWS, sheet.name, str(MAX_ROWS))
    return book


def read_pasted(text: str) -> Workbook:
    """Text pasted from Excel (tab-separated; other delimiters are sniffed)."""
    if not text.strip():
        raise ImportFailure(MSG_EMPTY)
    sheet = Sheet("Sheet1", read_rows(text))
    _trim(sheet)
    if len(sheet.rows) > MAX_ROWS:
        raise ImportFailure(MSG_TOO_MANY_ROWS, sheet.name, str(MAX_ROWS))
    return Workbook("text", [sheet])


def _trim(sheet: Sheet) -> None:
    """Drop trailing empty cells and rows."""
    for row in sheet.rows:
        while row and row[-1] is None:
            row.pop()
    while sheet.rows and not sheet.rows[-1]:
        sheet.rows.pop()


def _read_calamine(data: bytes, fmt: Format) -> Workbook:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets: list[Sheet] = []
        for meta in book.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            found = book.get_sheet_by_name(meta.name)
            raw = found.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
            rows = [[_cell(v) for v in row] for row in raw]
            merged = found.merged_cell_ranges or []
            fill_merged(rows, [(a[0], a[1], b[0], b[1]) for a, b in merged])
            sheets.append(Sheet(meta.name, rows))
    except pc.PasswordError:
        raise ImportFailure(MSG_ENCRYPTED) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # CalamineError, XmlError, ZipError, and the reader's Rust
        # panics (pyo3's PanicException derives from BaseException): a damaged workbook
        raise ImportFailure(MSG_DAMAGED, type(exc).__name__) from None
    if not sheets:
        raise ImportFailure(MSG_EMPTY)
    return Workbook(fmt.value, sheets)


def _cell(value: object) -> Cell:
    if value is None or value == "":
        return None
    if isinstance(value, bool | str | dt.datetime | dt.date):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if isinstance(value, int):
        return value
    return str(value)  # times of day, durations
