"""The rows an import could not take, as an .xlsx to send back to the park: the park's own
rows (title and header rows included) with a reason column added."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from parktracker.io.sheets import Cell

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: object) -> Cell:
    """Text that a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value  # type: ignore[return-value]


def write_problems(
    path: Path,
    *,
    sheet: str,
    header_rows: Sequence[Sequence[object]],
    reason_header: str,
    rows: Sequence[tuple[Sequence[object], str]],
) -> None:
    """Write ``header_rows`` and each (cells, reason) row to ``path`` (via a temporary file
    renamed into place, so a failure leaves no half-written file)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    width = max([len(r) for r in header_rows] + [len(c) for c, _ in rows] + [1])
    book = Workbook()
    ws = book.active
    ws.title = (sheet or "Sheet1")[:31]
    for index, header_row in enumerate(header_rows):
        head = [_safe(v) for v in header_row] + [None] * (width - len(header_row))
        last = index == len(header_rows) - 1
        ws.append([*head, reason_header if last else None])
    for cells, reason in rows:
        padded = [_safe(v) for v in cells] + [None] * (width - len(cells))
        ws.append([*padded, reason])
    reason_cell = ws.cell(row=max(len(header_rows), 1), column=width + 1)
    reason_cell.font = Font(bold=True, color="C00000")
    ws.column_dimensions[reason_cell.column_letter].width = 60
    target = Path(path)
    handle, temp = tempfile.mkstemp(prefix=".parktracker-", suffix=".xlsx", dir=target.parent)
    os.close(handle)
    try:
        book.save(temp)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
