"""CSV, TSV and text pasted from Excel: the encoding and the delimiter found from the bytes.

Encoding: a byte-order mark first (UTF-8, UTF-16), then strict UTF-8, then GB18030 (a
superset of GBK, which Chinese Excel and WPS write for "CSV" without a BOM).
"""

from __future__ import annotations

import csv
import io

from parktracker.domain.import_errors import MSG_EMPTY, MSG_NOT_SPREADSHEET, ImportFailure
from parktracker.io.sheets import Cell, Sheet, Workbook

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_DELIMITERS = "\t,;|"


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ImportFailure(MSG_NOT_SPREADSHEET) from None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFailure(MSG_NOT_SPREADSHEET)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, most consistent columns."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in _DELIMITERS:
        counts = [len(next(csv.reader([line], delimiter=delimiter))) - 1 for line in lines]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * common + (0.5 if delimiter == "\t" else 0.0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_text(data: bytes, *, name: str = "Sheet1") -> Workbook:
    text, encoding = decode(data)
    if "\x00" in text:
        raise ImportFailure(MSG_NOT_SPREADSHEET)
    if not text.strip():
        raise ImportFailure(MSG_EMPTY)
    return Workbook("csv", [Sheet(name, read_rows(text))], encoding=encoding)


def read_rows(text: str, delimiter: str | None = None) -> list[list[Cell]]:
    """Rows of text cells; empty cells are None."""
    delimiter = delimiter or sniff_delimiter(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [[cell if cell.strip() else None for cell in row] for row in reader]
    except csv.Error as exc:
        raise ImportFailure(MSG_NOT_SPREADSHEET) from exc
