"""Exporting records to .xlsx or CSV: one kind of record per sheet, in the layout of
:mod:`parktracker.io.export_layout` (the headers the importer reads back).

What is exported is set by an :class:`ExportScope`: the records as they are now (``as_of``
None) or as they stood on a date (projects that existed then, with their stage then; months up
to that date's month; funds established by then, with their latest figures reported by then;
platforms recognised and enterprises joined by then), for all parks or one, optionally only the
records a page's filter shows (``ids``, in the page's order) or one year (revenue).

The first line of each sheet names the table, the park, the date (the as-of date, or today for
the records as they are now) and, when the database holds sample data, 示例数据.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from parktracker.domain.enums import EnterpriseTag, Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.models import Park
from parktracker.domain.periods import YearMonth, date_text
from parktracker.io.book import Book, CellValue, Column, Sheet
from parktracker.io.export_layout import (
    COLUMNS,
    SHEET_NAMES,
    T_NO_ANSWER,
    T_SAMPLE,
    T_TITLE,
    T_TITLE_PARK,
    T_YES,
    TAG_SEPARATOR,
    TableKind,
)
from parktracker.io.safe_file import ExportError
from parktracker.storage import (
    enterprises,
    funds,
    investment,
    meta,
    monthly_revenue,
    parks,
    platforms,
    problems,
    projects,
)
from parktracker.storage.as_of_figures import project_stages_as_of
from parktracker.storage.database import Database

Translate = Callable[..., str]
Row = tuple[CellValue, ...]

T_UNKNOWN_FORMAT = QT_TRANSLATE_NOOP(
    "Export", "Cannot export to “%1”: choose a file ending in .xlsx or .csv."
)
T_CSV_ONE_TABLE = QT_TRANSLATE_NOOP(
    "Export",
    "A CSV file holds one table: export the whole database as .xlsx (one sheet per kind),"
    " or choose one table for CSV.",
)

XLSX = "xlsx"
CSV = "csv"


@dataclass(frozen=True, slots=True)
class ExportScope:
    """Which records to export (see the module's description)."""

    as_of: dt.date | None = None
    park_id: int | None = None
    ids: Sequence[int] | None = None
    year: int | None = None


def file_format(path: Path | str) -> str:
    """``xlsx`` or ``csv`` from the file name; ExportError for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in (XLSX, CSV):
        raise ExportError(T_UNKNOWN_FORMAT, Path(path).name)
    return suffix


class _HasId(Protocol):
    @property
    def id(self) -> int | None: ...


H = TypeVar("H", bound=_HasId)


def _select(records: Iterable[H], ids: Sequence[int] | None) -> list[H]:
    """``records`` restricted to ``ids`` and in their order (all of them for None)."""
    if ids is None:
        return list(records)
    by_id = {r.id: r for r in records}
    return [by_id[i] for i in ids if i in by_id]


def _existed(day: dt.date | None, as_of: dt.date | None) -> bool:
    """A record dated ``day`` (recognised, joined, established) counts as of ``as_of``."""
    return as_of is None or day is None or day <= as_of


class _Context:
    """What every sheet needs: the parks' full names and the translated words."""

    def __init__(self, db: Database, scope: ExportScope, tr: Translate) -> None:
        self.db = db
        self.scope = scope
        self.tr = tr
        self.parks: dict[int, Park] = {p.id: p for p in parks.all_parks(db) if p.id is not None}
        self.yes, self.no = tr(T_YES), tr(T_NO_ANSWER)
        self.stage_text = {stage: tr(stage.text) for stage in Stage}

    def park_name(self, park_id: int | None) -> str:
        park = self.parks.get(park_id) if park_id is not None else None
        return "" if park is None else park.name

    def flag(self, value: bool) -> str:
        return self.yes if value else self.no

    @property
    def through(self) -> YearMonth | None:
        return None if self.scope.as_of is None else YearMonth.of(self.scope.as_of)


def _project_rows(c: _Context) -> list[Row]:
    scope = c.scope
    found = projects.all_projects(c.db, park_id=scope.park_id)
    if scope.as_of is not None:
        then = project_stages_as_of(c.db, scope.as_of, park_id=scope.park_id)
        found = [dataclasses.replace(p, stage=then[p.id]) for p in found if p.id in then]
    rows: list[Row] = []
    for number, p in enumerate(_select(found, scope.ids), start=1):
        rows.append(
            (
                number,
                c.park_name(p.park_id),
                p.name,
                c.stage_text[p.stage],
                p.company,
                p.responsible_unit,
                p.contact,
                p.planned_total,
                p.signed_date,
                p.planned_start_date,
                p.actual_start_date,
                p.planned_completion_date,
                p.production_date,
                c.flag(p.is_key),
                c.flag(p.is_chain_leader),
                p.notes,
            )
        )
    return rows


def _investment_rows(c: _Context) -> list[Row]:
    scope = c.scope
    names = {
        p.id: (c.park_name(p.park_id), p.name)
        for p in projects.all_projects(c.db, park_id=scope.park_id)
    }
    months = investment.all_monthly(c.db, park_id=scope.park_id, through=c.through)
    if scope.year is not None:
        months = [m for m in months if m.month.year == scope.year]
    if scope.ids is not None:  # project ids, in their order
        order = {project_id: index for index, project_id in enumerate(scope.ids)}
        months = sorted(
            (m for m in months if m.project_id in order), key=lambda m: order[m.project_id]
        )
    return [(*names[m.project_id], m.month, m.completed) for m in months]


def _fund_rows(c: _Context) -> list[Row]:
    scope = c.scope
    found = [
        f
        for f in funds.all_funds(c.db)
        if (scope.park_id is None or f.park_id == scope.park_id)
        and _existed(f.established_date, scope.as_of)
    ]
    latest = funds.latest_updates(c.db) if scope.as_of is None else None
    rows: list[Row] = []
    for fund in _select(found, scope.ids):
        assert fund.id is not None
        update = (
            latest.get(fund.id)
            if latest is not None
            else funds.latest_update(c.db, fund.id, as_of=scope.as_of)
        )
        rows.append(
            (
                fund.name,
                c.park_name(fund.park_id),
                fund.manager,
                fund.established_date,
                None if update is None else update.date,
                None if update is None else update.scale,
                None if update is None else update.paid_in,
                None if update is None else update.invested,
                fund.notes,
            )
        )
    return rows


def _revenue_rows(c: _Context) -> list[Row]:
    entries = monthly_revenue.all_entries(
        c.db, park_id=c.scope.park_id, through=c.through, year=c.scope.year
    )
    return [(c.park_name(e.park_id), e.month, e.amount) for e in entries]


def _platform_rows(c: _Context) -> list[Row]:
    scope = c.scope
    found = [
        p
        for p in platforms.all_platforms(c.db)
        if (scope.park_id is None or p.park_id == scope.park_id)
        and _existed(p.recognized_date, scope.as_of)
    ]
    return [
        (
            c.park_name(p.park_id),
            p.name,
            c.tr(p.level.text),
            c.tr(p.kind.text),
            p.recognized_date,
            p.notes,
        )
        for p in _select(found, scope.ids)
    ]


def _enterprise_rows(c: _Context) -> list[Row]:
    scope = c.scope
    found = [
        e
        for e in enterprises.all_enterprises(c.db)
        if (scope.park_id is None or e.park_id == scope.park_id)
        and _existed(e.joined_date, scope.as_of)
    ]
    return [
        (
            c.park_name(e.park_id),
            e.name,
            TAG_SEPARATOR.join(c.tr(tag.text) for tag in EnterpriseTag if tag in e.tags),
            e.joined_date,
            e.notes,
        )
        for e in _select(found, scope.ids)
    ]


def _problem_rows(c: _Context) -> list[Row]:
    """Each problem raised by the as-of date (all, without one) with its notes up to then,
    one "date note" per line, oldest first."""
    as_of = c.scope.as_of
    notes = problems.all_notes(c.db, through=as_of)
    rows: list[Row] = []
    for listed in problems.listing(c.db, park_id=c.scope.park_id, raised_by=as_of):
        problem = listed.problem
        lines = [f"{n.date.isoformat()} {n.note}" for n in notes.get(problem.id or 0, [])]
        rows.append(
            (
                listed.park,
                listed.project,
                problem.description,
                problem.responsible_unit,
                problem.raised,
                problem.due,
                c.tr(problem.status.text),
                "\n".join(lines),
            )
        )
    return rows


_ROWS: dict[TableKind, Callable[[_Context], list[Row]]] = {
    TableKind.PROJECTS: _project_rows,
    TableKind.INVESTMENT: _investment_rows,
    TableKind.FUNDS: _fund_rows,
    TableKind.REVENUE: _revenue_rows,
    TableKind.PLATFORMS: _platform_rows,
    TableKind.ENTERPRISES: _enterprise_rows,
    TableKind.PROBLEMS: _problem_rows,
}


def sheet_title(db: Database, *, what: str, park: Park | None, day: dt.date, tr: Translate) -> str:
    """The first line of a sheet: ``项目 — 青岛市集成电路产业园 — 截至2024年3月31日  示例数据``."""
    when = date_text(day, tr)
    title = tr(T_TITLE_PARK, what, park.name, when) if park is not None else tr(T_TITLE, what, when)
    return f"{title}  {tr(T_SAMPLE)}" if meta.holds_sample_data(db) else title


def columns_of(kind: TableKind, tr: Translate) -> list[Column]:
    return [Column(tr(spec.header), spec.type) for spec in COLUMNS[kind]]


def _sheet(c: _Context, kind: TableKind, *, today: dt.date) -> Sheet:
    name = c.tr(SHEET_NAMES[kind])
    park = c.parks.get(c.scope.park_id) if c.scope.park_id is not None else None
    title = sheet_title(c.db, what=name, park=park, day=c.scope.as_of or today, tr=c.tr)
    return Sheet(name, title, columns_of(kind, c.tr), list(_ROWS[kind](c)))


def build_sheet(
    db: Database,
    *,
    kind: TableKind,
    scope: ExportScope,
    tr: Translate,
    today: dt.date | None = None,
) -> Sheet:
    """One kind of record as a sheet, in the user's language."""
    return _sheet(_Context(db, scope, tr), kind, today=today or dt.date.today())


def build_book(
    db: Database,
    *,
    kinds: Sequence[TableKind] = tuple(TableKind),
    scope: ExportScope,
    tr: Translate,
    today: dt.date | None = None,
) -> Book:
    """Several kinds (by default all of them, the whole database), a sheet each."""
    context = _Context(db, scope, tr)
    return Book([_sheet(context, kind, today=today or dt.date.today()) for kind in kinds])


def export_table(
    db: Database,
    *,
    kind: TableKind,
    path: Path | str,
    scope: ExportScope,
    tr: Translate,
    today: dt.date | None = None,
) -> Path:
    """Write one kind of record to ``path``: .xlsx or .csv, by its ending."""
    fmt = file_format(path)
    sheet = build_sheet(db, kind=kind, scope=scope, tr=tr, today=today)
    if fmt == CSV:
        from parktracker.io.csv_export import save_csv

        return save_csv(sheet, path)
    from parktracker.io.xlsx_export import save_xlsx

    return save_xlsx(Book([sheet]), path)


def export_database(
    db: Database,
    *,
    path: Path | str,
    scope: ExportScope,
    tr: Translate,
    today: dt.date | None = None,
) -> Path:
    """Write every kind of record to one .xlsx workbook, a sheet per kind (CSV refused)."""
    if file_format(path) == CSV:
        raise ExportError(T_CSV_ONE_TABLE)
    from parktracker.io.xlsx_export import save_xlsx

    return save_xlsx(build_book(db, scope=scope, tr=tr, today=today), path)


def describe(kind: TableKind) -> Text:
    """The sheet's name, as a translatable text (menus, messages)."""
    return SHEET_NAMES[kind]


@dataclass(frozen=True, slots=True)
class TableExport:
    """What a page offers to File → Export → Current Table: its kind and what it shows."""

    kind: TableKind
    scope: ExportScope
