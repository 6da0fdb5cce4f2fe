"""Finding the header of a sheet as parks lay it out, and what each column holds.

Title rows above the header ("2024年3月新兴产业专业园区重点项目调度表") are skipped and read
for the as-of month; a two-level header (投资情况 above 计划总投资（万元）, its merged cells
already filled by the reader) is read as one; the kind of records is the one whose column
names match best. The layout is pure data, so a user's corrections can replace any column's
field before the rows are read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from parktracker.domain.import_errors import MSG_NO_HEADER, ImportFailure
from parktracker.domain.import_fields import (
    FIELDS,
    REQUIRED,
    AmountUnit,
    ImportKind,
    field_for,
    header_key,
    header_unit,
    nfkc,
    spec,
    ytd_month,
)
from parktracker.domain.periods import YearMonth

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str  # as shown to the user: "投资情况 / 计划总投资（万元）"
    field: str | None  # None: ignored
    unit: AmountUnit | None = None
    ytd_month: int | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    kind: ImportKind
    header_first: int  # 0-based row indexes in the sheet
    header_last: int
    columns: tuple[Column, ...]
    as_of: YearMonth | None = None  # from a title row such as "2024年3月…调度表"
    title: str = ""

    @property
    def data_start(self) -> int:
        return self.header_last + 1

    def column_of(self, field: str) -> Column | None:
        for column in self.columns:
            if column.field == field:
                return column
        return None

    @property
    def signature(self) -> str:
        """Identifies files of the same layout (the same header texts in the same order)."""
        text = "\x1f".join(header_key(c.header) for c in self.columns)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def with_fields(self, fields: Mapping[int, str | None]) -> Layout:
        """The layout with the user's corrections (column index → field, None to ignore)."""
        columns = []
        for column in self.columns:
            if column.index in fields:
                field = fields[column.index]
                unit = column.unit
                if field is not None and unit is None:
                    unit = spec(self.kind, field).unit
                columns.append(replace(column, field=field, unit=unit))
            else:
                columns.append(column)
        return replace(self, columns=tuple(columns))

    def missing(self) -> list[str]:
        """Required fields with no column: one name per alternative group."""
        present = {c.field for c in self.columns}
        return [group[0] for group in REQUIRED[self.kind] if not present.intersection(group)]


def _text(value: object) -> str:
    """A header cell as the file writes it (full-width brackets kept), spaces trimmed."""
    if value is None:
        return ""
    return " ".join(str(value).split())


_TITLE_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_TITLE_UNIT = re.compile(r"单位[:：]\s*(万元|亿元|元)")


def _title_facts(rows: Sequence[Sequence[object]]) -> tuple[YearMonth | None, AmountUnit | None]:
    as_of: YearMonth | None = None
    unit: AmountUnit | None = None
    for row in rows:
        for cell in row:
            if not isinstance(cell, str):
                continue
            text = nfkc(cell)
            match = _TITLE_MONTH.search(text)
            if match and as_of is None and 1 <= int(match.group(2)) <= 12:
                year = int(match.group(1))
                if 1990 <= year <= 2100:
                    as_of = YearMonth(year, int(match.group(2)))
            found = _TITLE_UNIT.search(text)
            if found and unit is None:
                unit = header_unit(found.group(1))
    return as_of, unit


def _labels(rows: Sequence[Sequence[object]], first: int, last: int) -> list[str]:
    width = max(len(rows[r]) for r in range(first, last + 1))
    labels = []
    for c in range(width):
        parts: list[str] = []
        for r in range(first, last + 1):
            text = _text(rows[r][c]) if c < len(rows[r]) else ""
            if text and text not in parts:
                parts.append(text)
        labels.append(" / ".join(parts))
    return labels


def _match(kind: ImportKind, label: str) -> str | None:
    parts = label.split(" / ")
    for candidate in (parts[-1], "".join(parts), *reversed(parts[:-1])):
        field = field_for(kind, candidate)
        if field is not None:
            return field
    return None


def _columns(kind: ImportKind, labels: list[str], default_unit: AmountUnit | None) -> list[Column]:
    columns: list[Column] = []
    taken: set[str] = set()
    for index, label in enumerate(labels):
        field = _match(kind, label) if label else None
        if field is not None and field in taken and field != "seq":
            field = None  # a second column of the same name is not guessed
        unit = None
        if field is not None:
            taken.add(field)
            field_spec = spec(kind, field)
            if field_spec.unit is not None:
                unit = header_unit(label) or default_unit or field_spec.unit
        ytd = ytd_month(label.split(" / ")[-1]) if field is not None else None
        columns.append(Column(index, label, field, unit, ytd))
    return columns


def _score(kind: ImportKind, columns: list[Column]) -> int:
    present = {c.field for c in columns if c.field and c.field != "seq"}
    if any(not present.intersection(group) for group in REQUIRED[kind]):
        return 0
    return len(present)


# The problem log's header (the exporter's 问题清单 sheet, in either language): a "Problem"
# column beside a "Due" one. No import kind reads it.
_PROBLEM_LOG_HEADERS = (frozenset({"问题描述", "problem"}), frozenset({"办结期限", "due"}))


def is_problem_log(rows: Sequence[Sequence[object]]) -> bool:
    """Whether a header row within the first rows is the problem log's."""
    for row in rows[:HEADER_SEARCH_ROWS]:
        keys = {header_key(_text(v)) for v in row if _text(v)}
        if all(keys & names for names in _PROBLEM_LOG_HEADERS):
            return True
    return False


def detect_layout(
    rows: Sequence[Sequence[object]], *, sheet: str = "", kind: ImportKind | None = None
) -> Layout:
    """The header rows, kind and columns of a sheet; :class:`ImportFailure` when no row
    within the first rows names the columns a kind needs."""
    kinds = [kind] if kind is not None else list(FIELDS)
    best: tuple[int, int, Layout] | None = None
    limit = min(len(rows), HEADER_SEARCH_ROWS)
    for first in range(limit):
        if not any(_text(v) for v in rows[first]):
            continue
        for last in (first, first + 1):
            if last >= len(rows):
                continue
            labels = _labels(rows, first, last)
            as_of, default_unit = _title_facts(rows[:first])
            for candidate in kinds:
                columns = _columns(candidate, labels, default_unit)
                score = _score(candidate, columns)
                # a second header row must add matches, or it is the first data row
                rank = score * 2 - (last - first)
                if score and (best is None or rank > best[0]):
                    title = " ".join(_text(v) for row in rows[:first] for v in row if _text(v))
                    layout = Layout(candidate, first, last, tuple(columns), as_of, title)
                    best = (rank, first, layout)
    if best is None:
        raise ImportFailure(MSG_NO_HEADER, sheet)
    return _with_upper_level(rows, best[2])


def _with_upper_level(rows: Sequence[Sequence[object]], layout: Layout) -> Layout:
    """Take in the row above the header when it is the upper level of a two-level header:
    some cells merged down into the header (the same text above and below) and different
    texts across (not a title merged over the whole width)."""
    first = layout.header_first
    if first == 0 or first != layout.header_last:
        return layout
    above, header = rows[first - 1], rows[first]
    texts = {_text(v) for v in above if _text(v)}
    shared = sum(
        1
        for c, v in enumerate(above)
        if _text(v) and c < len(header) and _text(v) == _text(header[c])
    )
    if len(texts) < 2 or shared == 0:
        return layout
    _, default_unit = _title_facts(rows[: first - 1])
    columns = _columns(layout.kind, _labels(rows, first - 1, first), default_unit)
    if _score(layout.kind, columns) < _score(layout.kind, list(layout.columns)):
        return layout
    title = " ".join(_text(v) for row in rows[: first - 1] for v in row if _text(v))
    return replace(layout, header_first=first - 1, columns=tuple(columns), title=title)


def layout_for_kind(rows: Sequence[Sequence[object]], layout: Layout, kind: ImportKind) -> Layout:
    """The same header rows read as another kind (the user chose the kind)."""
    labels = [c.header for c in layout.columns]
    _, default_unit = _title_facts(rows[: layout.header_first])
    return replace(layout, kind=kind, columns=tuple(_columns(kind, labels, default_unit)))


def layout_at(rows: Sequence[Sequence[object]], header_row: int, kind: ImportKind) -> Layout:
    """Row ``header_row`` taken as the header of ``kind`` (the user names the kind of a file
    whose header is not recognised, then maps its columns)."""
    as_of, default_unit = _title_facts(rows[:header_row])
    labels = _labels(rows, header_row, header_row)
    title = " ".join(_text(v) for row in rows[:header_row] for v in row if _text(v))
    columns = _columns(kind, labels, default_unit)
    return Layout(kind, header_row, header_row, tuple(columns), as_of, title)


def first_filled_row(rows: Sequence[Sequence[object]]) -> int | None:
    for index, row in enumerate(rows):
        if any(_text(v) for v in row):
            return index
    return None
