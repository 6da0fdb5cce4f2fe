"""Writing one :class:`Sheet` as CSV: UTF-8 with a byte-order mark (so Excel and WPS read the
Chinese correctly), the title line first and the header on the second line, as in .xlsx.

Amounts are exact decimals in the column's unit without thousands separators (``125000``,
``1351.4``), dates ``2024-03-15``, months ``2024-03``; text that a spreadsheet could take for a
formula gets a leading apostrophe (see :mod:`cell_values`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import IO

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.io.book import CellValue, Column, Sheet
from parktracker.io.cell_values import amount_text, csv_text
from parktracker.io.safe_file import atomic_write


def csv_value(column: Column, value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        unit = column.type.unit
        assert unit is not None
        return amount_text(value, unit)
    if isinstance(value, YearMonth):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return csv_text(value)


def write_csv(sheet: Sheet, handle: IO[bytes]) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([csv_text(sheet.title)])
    writer.writerow([csv_text(c.header) for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow(
            [csv_value(column, value) for column, value in zip(sheet.columns, row, strict=True)]
        )
    text.flush()
    text.detach()


def save_csv(sheet: Sheet, path: Path | str) -> Path:
    return atomic_write(path, lambda handle: write_csv(sheet, handle))
