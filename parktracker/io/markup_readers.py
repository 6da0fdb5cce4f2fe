"""Spreadsheets written as markup: SpreadsheetML 2003 XML and HTML tables.

Web reporting systems export both under a ".xls" name. XML is parsed with defusedxml (entity
declarations refused: no XML bombs); HTML with the standard library's html.parser.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from parktracker.domain.import_errors import (
    MSG_DAMAGED,
    MSG_EMPTY,
    MSG_XML_UNSAFE,
    ImportFailure,
)
from parktracker.io.sheets import Cell, Sheet, Workbook, fill_merged
from parktracker.io.text_reader import decode

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_MAX_SPAN = 1000  # a colspan/rowspan or MergeAcross beyond this is clipped


def _int_attr(value: str | None, default: int) -> int:
    try:
        return max(0, min(int(value or ""), 1_000_000)) if value else default
    except ValueError:
        return default


def _data_value(kind: str, text: str) -> Cell:  # noqa: PLR0911 - one return per type
    if text == "":
        return None
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.rstrip("Z"))
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() == "1"
    return text


def read_spreadsheet_ml(data: bytes) -> Workbook:
    from defusedxml import DefusedXmlException
    from defusedxml import ElementTree as SafeTree

    try:
        root = SafeTree.fromstring(data)
    except DefusedXmlException:
        raise ImportFailure(MSG_XML_UNSAFE) from None
    except Exception as exc:  # ParseError and the expat errors of a damaged file
        raise ImportFailure(MSG_DAMAGED, type(exc).__name__) from None
    sheets: list[Sheet] = []
    for number, worksheet in enumerate(root.iter(f"{_SS}Worksheet"), start=1):
        name = worksheet.get(f"{_SS}Name") or f"Sheet{number}"
        rows: list[list[Cell]] = []
        merges: list[tuple[int, int, int, int]] = []
        table = worksheet.find(f"{_SS}Table")
        for row_el in table.iter(f"{_SS}Row") if table is not None else ():
            index = _int_attr(row_el.get(f"{_SS}Index"), len(rows) + 1) - 1
            while len(rows) < index:
                rows.append([])
            row: list[Cell] = []
            for cell_el in row_el.iter(f"{_SS}Cell"):
                col = _int_attr(cell_el.get(f"{_SS}Index"), len(row) + 1) - 1
                col = min(col, 16_383)
                while len(row) < col:
                    row.append(None)
                data_el = cell_el.find(f"{_SS}Data")
                value: Cell = None
                if data_el is not None:
                    text = "".join(data_el.itertext())
                    value = _data_value(data_el.get(f"{_SS}Type", "String"), text)
                row.append(value)
                across = min(_int_attr(cell_el.get(f"{_SS}MergeAcross"), 0), _MAX_SPAN)
                down = min(_int_attr(cell_el.get(f"{_SS}MergeDown"), 0), _MAX_SPAN)
                if across or down:
                    merges.append((len(rows), col, len(rows) + down, col + across))
                row.extend([None] * across)
            rows.append(row)
        fill_merged(rows, merges)
        sheets.append(Sheet(name, rows))
    if not sheets:
        raise ImportFailure(MSG_EMPTY)
    return Workbook("xml", sheets)


_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def _decode_html(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii").lower()
        encoding = "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)[0]


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, int, int]]]] = []
        self._depth = 0
        self._row: list[tuple[str, int, int]] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth == 1 and tag == "tr":
            self._end_row()
            self._row = []
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            values = dict(attrs)
            self._span = (
                max(1, min(_int_attr(values.get("rowspan"), 1), _MAX_SPAN)),
                max(1, min(_int_attr(values.get("colspan"), 1), _MAX_SPAN)),
            )
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._depth:
            if self._depth == 1:
                self._end_row()
            self._depth -= 1
        elif self._depth == 1 and tag == "tr":
            self._end_row()
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            text = " ".join("".join(self._cell).replace("\xa0", " ").split())
            self._row.append((text, *self._span))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and self.tables:
            self.tables[-1].append(self._row)
        self._row = None


def _grid(table: list[list[tuple[str, int, int]]]) -> list[list[Cell]]:
    """Lay out cells with rowspan/colspan; spanned cells carry the spanning cell's text."""
    rows: list[list[Cell]] = []
    taken: dict[tuple[int, int], str] = {}
    for r, cells in enumerate(table):
        row: list[Cell] = []
        col = 0
        for text, rowspan, colspan in cells:
            while (r, col) in taken:
                row.append(taken.pop((r, col)) or None)
                col += 1
            for dc in range(colspan):
                row.append(text or None)
                for dr in range(1, rowspan):
                    taken[(r + dr, col + dc)] = text
            col += colspan
        while (r, col) in taken:
            row.append(taken.pop((r, col)) or None)
            col += 1
        rows.append(row)
    return rows


def read_html(data: bytes) -> Workbook:
    parser = _TableParser()
    try:
        parser.feed(_decode_html(data))
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything else is a damaged file
        raise ImportFailure(MSG_DAMAGED, type(exc).__name__) from None
    sheets = [Sheet(f"Table{n}", _grid(table)) for n, table in enumerate(parser.tables, 1) if table]
    if not sheets:
        raise ImportFailure(MSG_EMPTY)
    return Workbook("html", sheets)
