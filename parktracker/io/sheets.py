"""What every reader produces: sheets of raw cell grids, merged cells filled in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Cell = str | int | float | bool | dt.date | dt.datetime | None

# Documented limits (README "Import"): larger files are refused with a clear message.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
# A zip member may unpack to at most this much in all, and no more than this many times
# its compressed size once it is larger than 1 MB (zip bombs).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 500


@dataclass(slots=True)
class Sheet:
    name: str
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(slots=True)
class Workbook:
    """The sheets of one file, and what it was (``format`` such as "xlsx", "csv")."""

    format: str
    sheets: list[Sheet]
    encoding: str | None = None
    epoch_1904: bool = False

    def sheet(self, name: str) -> Sheet | None:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        return None


def fill_merged(rows: list[list[Cell]], ranges: list[tuple[int, int, int, int]]) -> None:
    """Copy each merged range's top-left value into every cell of the range (in place).

    ``ranges`` hold (first row, first column, last row, last column), 0-based, inclusive."""
    width = max((len(r) for r in rows), default=0)
    for top, left, bottom, wide_right in ranges:
        right = min(wide_right, width - 1)
        if top >= len(rows) or top < 0 or left < 0 or left > right:
            continue
        first = rows[top]
        value = first[left] if left < len(first) else None
        if value is None:
            continue
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= right:
                row.extend([None] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                if row[c] is None:
                    row[c] = value
