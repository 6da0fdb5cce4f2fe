"""Reading a sheet's data rows into field values, with a reason for every cell that fails.

Empty rows and subtotal rows (合计, 小计, 总计) are skipped. Each problem names the row as the
spreadsheet numbers it and the column as its header says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from parktracker.domain import import_values as values
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill
from parktracker.domain.import_fields import ImportKind, ValueType, nfkc, spec
from parktracker.domain.import_layout import Column, Layout
from parktracker.domain.periods import MessageArg, message_text

M_CELL = QT_TRANSLATE_NOOP("Import", "Row %1, “%2”: %3")
M_CELL_SHEET = QT_TRANSLATE_NOOP("Import", "Sheet “%1”, row %2, “%3”: %4")
M_ROW = QT_TRANSLATE_NOOP("Import", "Row %1: %2")
M_ROW_SHEET = QT_TRANSLATE_NOOP("Import", "Sheet “%1”, row %2: %3")

_SUBTOTAL = re.compile(r"^(合计|小计|总计|累计合计|全市合计|总合计|total|subtotal)")
_UNIT_BRACKETS = re.compile(r"\s*[(（][^)）]*[)）]\s*")


@dataclass(frozen=True, slots=True)
class CellProblem:
    """Why a row cannot be imported; ``column`` is empty for a reason about the whole row."""

    row: int  # as the spreadsheet numbers it (1-based)
    column: str
    message: Text
    args: tuple[MessageArg, ...] = ()
    sheet: str = ""

    def reason(self, translate: Callable[[Text], str] | None = None) -> str:
        return message_text(self.message, self.args, translate)

    def render(
        self, translate: Callable[[Text], str] | None = None, *, with_sheet: bool = False
    ) -> str:
        def tr(text: Text) -> str:
            return translate(text) if translate is not None else text.source

        reason = self.reason(translate)
        if self.column:
            if with_sheet and self.sheet:
                return fill(tr(M_CELL_SHEET), [self.sheet, self.row, self.column, reason])
            return fill(tr(M_CELL), [self.row, self.column, reason])
        if with_sheet and self.sheet:
            return fill(tr(M_ROW_SHEET), [self.sheet, self.row, reason])
        return fill(tr(M_ROW), [self.row, reason])


@dataclass(slots=True)
class ParsedRow:
    number: int  # 1-based row of the sheet
    cells: list[object]
    values: dict[str, object] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def column_name(column: Column) -> str:
    """The header as a reason names it: its last level, without the unit (计划总投资)."""
    last = column.header.split(" / ")[-1]
    return _UNIT_BRACKETS.sub("", last).strip() or last


def is_subtotal(cells: Sequence[object]) -> bool:
    for cell in cells[:4]:
        if isinstance(cell, str):
            text = "".join(nfkc(cell).split()).lower()
            if _SUBTOTAL.match(text):
                return True
    return False


_READERS: dict[ValueType, Callable[[object], object]] = {
    ValueType.MONTH: values.month,
    ValueType.STAGE: values.stage,
    ValueType.YES_NO: values.yes_no,
    ValueType.LEVEL: values.level,
    ValueType.PLATFORM_KIND: values.platform_kind,
    ValueType.TAGS: values.tags,
}


def _read(
    column: Column,
    kind: ImportKind,
    cell: object,
    parks: values.ParkIndex,
    epoch_1904: bool,
) -> object:
    assert column.field is not None
    value_type = spec(kind, column.field).type
    if value_type is ValueType.PARK:
        return parks.find(cell)
    if value_type is ValueType.AMOUNT:
        assert column.unit is not None
        return values.amount(cell, column.unit)
    if value_type is ValueType.DAY:
        return values.day(cell, epoch_1904=epoch_1904)
    reader = _READERS.get(value_type)
    if reader is not None:
        return reader(cell)
    return values.clean_text(cell) or None


def parse_rows(
    rows: Sequence[Sequence[object]],
    layout: Layout,
    parks: values.ParkIndex,
    *,
    sheet: str = "",
    epoch_1904: bool = False,
) -> list[ParsedRow]:
    """The data rows below the header, read as ``layout`` says."""
    mapped = [c for c in layout.columns if c.field is not None and c.field != "seq"]
    required = {
        c.field
        for c in mapped
        if spec(layout.kind, c.field).type is ValueType.NAME  # type: ignore[arg-type]
        or (c.field == "park" and layout.kind is not ImportKind.FUNDS)
    }
    result: list[ParsedRow] = []
    for index in range(layout.data_start, len(rows)):
        cells = list(rows[index])
        present = [
            c for c in mapped if c.index < len(cells) and values.text_of(cells[c.index]) != ""
        ]
        if not present or is_subtotal(cells):
            continue
        parsed = ParsedRow(index + 1, cells)
        for column in mapped:
            cell = cells[column.index] if column.index < len(cells) else None
            assert column.field is not None
            try:
                value = _read(column, layout.kind, cell, parks, epoch_1904)
            except values.CellError as exc:
                parsed.problems.append(
                    CellProblem(
                        parsed.number, column_name(column), exc.message, exc.args_text, sheet
                    )
                )
                continue
            if value is None:
                if column.field in required:
                    parsed.problems.append(
                        CellProblem(
                            parsed.number, column_name(column), values.M_REQUIRED, (), sheet
                        )
                    )
                continue
            parsed.values[column.field] = value
        result.append(parsed)
    return result
