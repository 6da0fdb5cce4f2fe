"""The preview of an import: every row classified, with what would change and why not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from parktracker.domain.enums import EnterpriseTag
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.import_fields import AmountUnit, ImportKind
from parktracker.domain.import_layout import Layout
from parktracker.domain.import_rows import CellProblem
from parktracker.domain.money import Money, Unit
from parktracker.domain.periods import YearMonth, month_text
from parktracker.storage.database import Database

T_YES = QT_TRANSLATE_NOOP("Import", "yes")
T_NO = QT_TRANSLATE_NOOP("Import", "no")
T_EMPTY = QT_TRANSLATE_NOOP("Import", "(empty)")


class RowStatus(Enum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    INVALID = "invalid"

    @property
    def text(self) -> Text:
        return _STATUS_TEXT[self]


_STATUS_TEXT = {
    RowStatus.NEW: QT_TRANSLATE_NOOP("Import", "new"),
    RowStatus.CHANGED: QT_TRANSLATE_NOOP("Import", "changed"),
    RowStatus.UNCHANGED: QT_TRANSLATE_NOOP("Import", "unchanged"),
    RowStatus.INVALID: QT_TRANSLATE_NOOP("Import", "invalid"),
}

Shown = str | Text


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    label: Text
    old: Shown
    new: Shown


Write = Callable[[Database], None]


@dataclass(slots=True)
class RowResult:
    number: int  # the row as the spreadsheet numbers it
    sheet: str
    status: RowStatus
    key: str  # the record, as the user knows it: "集成电路 · 青岛芯片封装项目"
    cells: list[object]
    changes: list[FieldChange] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    write: Write | None = None
    month: YearMonth | None = None  # the month of a monthly figure (investment, revenue)

    def record_text(self, tr: Callable[[Text], str]) -> str:
        """The record as the user reads it: the key, and the month of a monthly figure written
        as the language writes months ("集成电路 · 2024年4月"; "... · 2024-04" in English)."""
        if self.month is None:
            return self.key
        return f"{self.key} · {month_text(self.month, tr)}"


@dataclass(slots=True)
class ImportPreview:
    source_name: str
    sha256: str
    sheet: str
    layout: Layout
    as_of: YearMonth | None
    rows: list[RowResult]
    header_rows: list[list[object]]  # the sheet's rows down to the header, for the problems file
    sheet_count: int = 1

    @property
    def kind(self) -> ImportKind:
        return self.layout.kind

    def counts(self, excluded: frozenset[int] = frozenset()) -> dict[RowStatus, int]:
        result = dict.fromkeys(RowStatus, 0)
        for row in self.rows:
            if row.number not in excluded:
                result[row.status] += 1
        return result

    @property
    def invalid(self) -> list[RowResult]:
        return [r for r in self.rows if r.status is RowStatus.INVALID]


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: int
    changed: int
    unchanged: int
    skipped: int  # invalid or excluded rows
    backup: str | None  # the backup taken first


def show(value: object, unit: AmountUnit | None = None) -> Shown:  # noqa: PLR0911
    """A value as the preview shows it."""
    if value is None or value == "":
        return T_EMPTY
    if isinstance(value, bool):
        return T_YES if value else T_NO
    if isinstance(value, Money):
        if unit is AmountUnit.YUAN:
            return f"{value.yuan} 元"
        return value.format(Unit.YI if unit is AmountUnit.YI else Unit.WAN)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset):
        tags = sorted(value, key=lambda t: list(EnterpriseTag).index(t))
        return "、".join(t.text.source for t in tags)
    text = getattr(value, "text", None)
    if isinstance(text, Text):
        return text
    return str(value)
