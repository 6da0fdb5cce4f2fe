"""Edit → History: the audit log as an officer reads it — when, who, which record, and what
changed, field by field ("Stage: Signed, awaiting start → Under construction"), with kinds of
record and field names in the UI language rather than table and column names.

Entries are read a page at a time, newest first (keyset paging: the cursor is the last entry's
time and id), so the log stays quick to browse and filter at a million entries.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from parktracker.domain.enums import PlatformKind, PlatformLevel, Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.money import Money, Unit
from parktracker.domain.periods import YearMonth
from parktracker.storage import audit_history
from parktracker.storage.audit_history import AuditEntry, AuditQuery
from parktracker.storage.database import Database

PAGE_SIZE = 200
MAX_VALUE_CHARS = 60


class RecordKind(Enum):
    """The kinds of record whose changes are logged, by what they mean to the officer."""

    PROJECT = "projects"
    STAGE_CHANGE = "project_stage_history"
    MONTHLY_INVESTMENT = "project_monthly_investment"
    ANNUAL_PLAN = "project_annual_plan"
    PARK = "parks"
    FUND = "funds"
    FUND_FIGURES = "fund_updates"
    REVENUE = "revenue"
    TARGET = "targets"
    PLATFORM = "platforms"
    ENTERPRISE = "enterprises"

    @property
    def text(self) -> Text:
        return _KIND_TEXT[self]


_KIND_TEXT = {
    RecordKind.PROJECT: QT_TRANSLATE_NOOP("History", "Project"),
    RecordKind.STAGE_CHANGE: QT_TRANSLATE_NOOP("History", "Stage change"),
    RecordKind.MONTHLY_INVESTMENT: QT_TRANSLATE_NOOP("History", "Monthly investment"),
    RecordKind.ANNUAL_PLAN: QT_TRANSLATE_NOOP("History", "Annual planned investment"),
    RecordKind.PARK: QT_TRANSLATE_NOOP("History", "Park"),
    RecordKind.FUND: QT_TRANSLATE_NOOP("History", "Fund"),
    RecordKind.FUND_FIGURES: QT_TRANSLATE_NOOP("History", "Fund figures"),
    RecordKind.REVENUE: QT_TRANSLATE_NOOP("History", "Revenue"),
    RecordKind.TARGET: QT_TRANSLATE_NOOP("History", "Revenue target"),
    RecordKind.PLATFORM: QT_TRANSLATE_NOOP("History", "Innovation platform"),
    RecordKind.ENTERPRISE: QT_TRANSLATE_NOOP("History", "Enterprise"),
}


class Action(Enum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"

    @property
    def text(self) -> Text:
        return _ACTION_TEXT[self]


_ACTION_TEXT = {
    Action.INSERT: QT_TRANSLATE_NOOP("History", "Added"),
    Action.UPDATE: QT_TRANSLATE_NOOP("History", "Changed"),
    Action.DELETE: QT_TRANSLATE_NOOP("History", "Deleted"),
}

# Field names as the forms label them; a column not listed shows under its own name.
_FIELDS: dict[str, Text] = {
    "name": QT_TRANSLATE_NOOP("History", "Name"),
    "short_name": QT_TRANSLATE_NOOP("History", "Short name"),
    "industry": QT_TRANSLATE_NOOP("History", "Industry"),
    "location": QT_TRANSLATE_NOOP("History", "Location"),
    "listed_date": QT_TRANSLATE_NOOP("History", "Listed on"),
    "chain_leaders": QT_TRANSLATE_NOOP("History", "Chain leaders"),
    "partner_parks": QT_TRANSLATE_NOOP("History", "Partner parks"),
    "notes": QT_TRANSLATE_NOOP("History", "Notes"),
    "note": QT_TRANSLATE_NOOP("History", "Note"),
    "park_id": QT_TRANSLATE_NOOP("History", "Park"),
    "project_id": QT_TRANSLATE_NOOP("History", "Project"),
    "fund_id": QT_TRANSLATE_NOOP("History", "Fund"),
    "stage": QT_TRANSLATE_NOOP("History", "Stage"),
    "company": QT_TRANSLATE_NOOP("History", "Company"),
    "responsible_unit": QT_TRANSLATE_NOOP("History", "Responsible unit"),
    "contact": QT_TRANSLATE_NOOP("History", "Contact"),
    "planned_total_yuan": QT_TRANSLATE_NOOP("History", "Planned total investment"),
    "signed_date": QT_TRANSLATE_NOOP("History", "Signed on"),
    "planned_start_date": QT_TRANSLATE_NOOP("History", "Planned start"),
    "actual_start_date": QT_TRANSLATE_NOOP("History", "Started on"),
    "planned_completion_date": QT_TRANSLATE_NOOP("History", "Planned completion"),
    "production_date": QT_TRANSLATE_NOOP("History", "In production on"),
    "is_key": QT_TRANSLATE_NOOP("History", "Key project"),
    "is_chain_leader": QT_TRANSLATE_NOOP("History", "Chain leader"),
    "is_little_giant": QT_TRANSLATE_NOOP("History", "Little giant"),
    "is_above_scale": QT_TRANSLATE_NOOP("History", "Above designated size"),
    "is_high_tech": QT_TRANSLATE_NOOP("History", "High-tech enterprise"),
    "over_plan_reason": QT_TRANSLATE_NOOP("History", "Reason for exceeding the plan"),
    "sample": QT_TRANSLATE_NOOP("History", "Sample data"),
    "date": QT_TRANSLATE_NOOP("History", "Date"),
    "month": QT_TRANSLATE_NOOP("History", "Month"),
    "year": QT_TRANSLATE_NOOP("History", "Year"),
    "completed_yuan": QT_TRANSLATE_NOOP("History", "Completed investment"),
    "planned_yuan": QT_TRANSLATE_NOOP("History", "Planned investment"),
    "manager": QT_TRANSLATE_NOOP("History", "Manager"),
    "established_date": QT_TRANSLATE_NOOP("History", "Established on"),
    "scale_yuan": QT_TRANSLATE_NOOP("History", "Total scale"),
    "paid_in_yuan": QT_TRANSLATE_NOOP("History", "Paid-in"),
    "invested_yuan": QT_TRANSLATE_NOOP("History", "Invested"),
    "amount_yuan": QT_TRANSLATE_NOOP("History", "Amount"),
    "metric": QT_TRANSLATE_NOOP("History", "Measure"),
    "level": QT_TRANSLATE_NOOP("History", "Level"),
    "kind": QT_TRANSLATE_NOOP("History", "Kind"),
    "recognized_date": QT_TRANSLATE_NOOP("History", "Recognised on"),
    "joined_date": QT_TRANSLATE_NOOP("History", "Joined on"),
    "sort_order": QT_TRANSLATE_NOOP("History", "Order"),
}
T_YES = QT_TRANSLATE_NOOP("History", "Yes")
T_NO = QT_TRANSLATE_NOOP("History", "No")
_HIDDEN = frozenset({"id"})
# Monthly and annual investment are entered in 万元; other amounts read in 亿元.
_WAN_TABLES = frozenset({"project_monthly_investment", "project_annual_plan"})
_ENUMS: dict[str, type[Enum]] = {"stage": Stage, "level": PlatformLevel, "kind": PlatformKind}

# A Text is translated by the caller (a stage's name, Yes/No...); a date or a month is written
# the UI language's way by the caller (2024年3月31日, 2024年3月).
Value = str | Text | dt.date | YearMonth


@dataclass(frozen=True, slots=True)
class RecordRef:
    """One record, e.g. the project selected on the Projects page."""

    kind: RecordKind
    id: int


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    kind: RecordKind | None = None
    user: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    record: RecordRef | None = None  # with its own parts (a project's stage changes...)


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: Value
    before: Value | None  # None: the record was added (nothing before)
    after: Value | None  # None: the record was deleted


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    at: str  # as recorded: ISO time with the writer's UTC offset
    user: str
    kind: RecordKind | None  # None: a table this version does not know
    table: str
    row_id: int
    action: Action
    label: str  # the record's name (or its parent's), else "#id"
    detail: dt.date | YearMonth | int | None  # a dated part's date or month, or its year
    changes: tuple[FieldChange, ...]

    @property
    def cursor(self) -> tuple[str, int]:
        return (self.at, self.id)

    @property
    def when(self) -> str:
        """``YYYY-MM-DD HH:MM:SS`` in the writer's local time."""
        return self.at[:19].replace("T", " ")


def history_page(
    db: Database,
    *,
    where: HistoryFilter,
    after: tuple[str, int] | None = None,
    limit: int = PAGE_SIZE,
) -> list[HistoryEntry]:
    """The next ``limit`` entries matching ``where``, newest first, after ``cursor``."""
    query = AuditQuery(
        tables=(where.kind.value,) if where.kind is not None else (),
        user=where.user,
        date_from=None if where.date_from is None else where.date_from.isoformat(),
        date_to=None if where.date_to is None else where.date_to.isoformat(),
        rows=_record_rows(db, where.record) if where.record is not None else (),
    )
    entries = audit_history.page(db, query, after=after, limit=limit)
    names: dict[tuple[str, int], str | None] = {}
    return [_entry(db, e, names) for e in entries]


def history_users(db: Database) -> list[str]:
    """Everyone who changed this file (their OS user names)."""
    return audit_history.users(db)


def _record_rows(db: Database, record: RecordRef) -> tuple[tuple[str, int], ...]:
    own = (record.kind.value, record.id)
    return (own, *audit_history.child_rows(db, record.kind.value, record.id))


def _entry(
    db: Database, entry: AuditEntry, names: dict[tuple[str, int], str | None]
) -> HistoryEntry:
    try:
        kind: RecordKind | None = RecordKind(entry.table)
    except ValueError:
        kind = None
    action = Action(entry.action)
    return HistoryEntry(
        id=entry.id,
        at=entry.at,
        user=entry.os_user,
        kind=kind,
        table=entry.table,
        row_id=entry.row_id,
        action=action,
        label=_label(db, entry, names),
        detail=_detail(entry),
        changes=tuple(_changes(entry, lambda table, row_id: _name(db, names, table, row_id))),
    )


def _label(db: Database, entry: AuditEntry, names: dict[tuple[str, int], str | None]) -> str:
    row = entry.after or entry.before or {}
    name = row.get("name")
    if isinstance(name, str) and name:
        return name
    for column, table in _PARENTS.items():
        parent = row.get(column)
        if isinstance(parent, int):
            return _name(db, names, table, parent) or f"#{parent}"
    return f"#{entry.row_id}"


def _detail(entry: AuditEntry) -> dt.date | YearMonth | int | None:
    """The month, date or year of a record that belongs to a parent (a project's month of
    investment, a fund's dated figures, a park's year target), shown after the parent's name."""
    row = entry.after or entry.before or {}
    if not any(isinstance(row.get(column), int) for column in _PARENTS) or row.get("name"):
        return None
    for column in ("month", "date", "year"):
        value = row.get(column)
        if value is None:
            continue
        typed = _period(column, value)
        return typed if not isinstance(typed, str) else None
    return None


def _period(column: str, value: object) -> dt.date | YearMonth | int | str:
    """A stored month ("2024-03"), date ("2024-03-31") or year as its type; anything that does
    not read as one (an older or damaged row) as its text."""
    try:
        if column == "month" and isinstance(value, str):
            return YearMonth.parse(value)
        if (column == "date" or column.endswith("_date")) and isinstance(value, str):
            return dt.date.fromisoformat(value)
    except ValueError:
        return str(value)
    if column == "year" and isinstance(value, int):
        return value
    return str(value)


_PARENTS = {"project_id": "projects", "fund_id": "funds", "park_id": "parks"}


def _name(
    db: Database, names: dict[tuple[str, int], str | None], table: str, row_id: int
) -> str | None:
    key = (table, row_id)
    if key not in names:
        names[key] = audit_history.name_of(db, table, row_id)
    return names[key]


def _changes(entry: AuditEntry, name: Callable[[str, int], str | None]) -> list[FieldChange]:
    """The fields an update changed; for an added or deleted record, its filled-in fields."""
    before, after = entry.before or {}, entry.after or {}
    if entry.action == "update":
        columns = [c for c in after if c in before and before[c] != after[c]]
    else:
        shown = after or before
        columns = [
            c
            for c, v in shown.items()
            if v not in (None, "", 0, "[]") and c != "sample"  # (the page marks sample data)
        ]
    out: list[FieldChange] = []
    for column in columns:
        if column in _HIDDEN:
            continue

        def shown_value(row: dict[str, Any], column: str = column) -> Value | None:
            if column not in row:
                return None
            value = row[column]
            parent = _PARENTS.get(column)
            if parent is not None and isinstance(value, int):
                return name(parent, value) or f"#{value}"
            return _value(entry.table, column, value)

        out.append(
            FieldChange(
                field=_FIELDS.get(column, column),
                before=shown_value(before),
                after=shown_value(after),
            )
        )
    return out


def _enum_text(enum: Any, value: Any) -> Value:
    """A stored enum value by its translatable name; an unknown one as it is."""
    try:
        member = enum(value)
    except ValueError:
        return str(value)
    text = getattr(member, "text", None)
    return text if isinstance(text, Text) else str(value)


def _value(table: str, column: str, value: Any) -> Value:
    if value is None:
        return "—"
    if column.endswith("_yuan") and isinstance(value, int):
        unit = Unit.WAN if table in _WAN_TABLES else Unit.YI
        return Money(value).format(unit)  # exact, no thousands separators
    if column.startswith("is_") or column == "sample":
        return T_YES if value else T_NO
    enum = _ENUMS.get(column)
    if enum is not None:
        return _enum_text(enum, value)
    period = _period(column, value)
    if isinstance(period, dt.date | YearMonth):
        return period
    if isinstance(value, list | dict):
        value = "、".join(map(str, value)) if isinstance(value, list) else json.dumps(value)
    text = str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"
