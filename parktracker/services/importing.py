"""Importing the parks' spreadsheets: read → detect → preview → apply.

Nothing is written before :func:`apply_import`; the preview classifies every row as new,
changed, unchanged or invalid against the database by its natural key (compared after NFKC
normalisation and trimming). Applying takes a verified backup (reason "pre-import"), then
writes every chosen row in one transaction together with one audit-log entry naming the file
and its SHA-256. Run inside ``Session.perform`` the whole import is one undo step.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.import_errors import (
    MSG_NO_HEADER,
    MSG_NO_SHEET,
    MSG_PROBLEM_LOG,
    ImportFailure,
)
from parktracker.domain.import_fields import FIELDS, ImportKind
from parktracker.domain.import_layout import (
    Layout,
    detect_layout,
    first_filled_row,
    is_problem_log,
    layout_at,
    layout_for_kind,
)
from parktracker.domain.import_rows import parse_rows
from parktracker.domain.import_values import ParkIndex
from parktracker.domain.periods import YearMonth
from parktracker.io.readers import read_bytes, read_pasted, read_path
from parktracker.io.sheets import Sheet, Workbook
from parktracker.services.import_entities import classify_funds, classify_park_records
from parktracker.services.import_figures import classify_figures
from parktracker.services.import_projects import classify_projects
from parktracker.services.import_types import (
    ImportPreview,
    ImportSummary,
    RowResult,
    RowStatus,
)
from parktracker.storage import imports, parks
from parktracker.storage.database import Database

M_INVALID_ROWS = QT_TRANSLATE_NOOP(
    "Import", "%1 row(s) cannot be imported: correct them, exclude them or skip invalid rows."
)

__all__ = [
    "ImportFailure",
    "ImportPreview",
    "ImportSummary",
    "LoadedFile",
    "RowStatus",
    "apply_import",
    "load_bytes",
    "load_file",
    "load_pasted",
    "preview_import",
    "remember_mapping",
]


@dataclass(frozen=True, slots=True)
class LoadedFile:
    name: str
    sha256: str
    workbook: Workbook

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.workbook.sheets]


def load_file(path: Path) -> LoadedFile:
    """Read a spreadsheet file (any supported format, recognised by content)."""
    workbook, data = read_path(Path(path))
    return LoadedFile(Path(path).name, hashlib.sha256(data).hexdigest(), workbook)


def load_bytes(data: bytes, *, name: str) -> LoadedFile:
    return LoadedFile(
        name, hashlib.sha256(data).hexdigest(), read_bytes(data, name=Path(name).stem)
    )


def load_pasted(text: str) -> LoadedFile:
    """Text pasted from Excel."""
    data = text.encode("utf-8")
    return LoadedFile("clipboard", hashlib.sha256(data).hexdigest(), read_pasted(text))


def _layout(found: Sheet, kind: ImportKind | None) -> Layout:
    """The sheet's layout; a kind the user chose whose columns are not all recognised gets the
    header found for any kind, read as that kind, for the user to complete the mapping."""
    try:
        return detect_layout(found.rows, sheet=found.name, kind=kind)
    except ImportFailure:
        if kind is None:
            raise
    try:
        return layout_for_kind(found.rows, detect_layout(found.rows, sheet=found.name), kind)
    except ImportFailure:
        first = first_filled_row(found.rows)
        if first is None:
            raise
        return layout_at(found.rows, first, kind)


def _pick_sheet(
    loaded: LoadedFile, sheet: str | None, kind: ImportKind | None
) -> tuple[Sheet, Layout]:
    if sheet is not None:
        found = loaded.workbook.sheet(sheet)
        if found is None:
            raise ImportFailure(MSG_NO_SHEET, sheet, "、".join(loaded.sheet_names))
        if is_problem_log(found.rows):
            raise ImportFailure(MSG_PROBLEM_LOG, found.name)
        return found, _layout(found, kind)
    for candidate in loaded.workbook.sheets:
        if is_problem_log(candidate.rows):
            continue  # the whole-database export's 问题清单: for reading only
        try:
            return candidate, _layout(candidate, kind)
        except ImportFailure:
            continue
    first = loaded.workbook.sheets[0].name if loaded.workbook.sheets else ""
    raise ImportFailure(MSG_NO_HEADER, first)


def detect(
    db: Database | None,
    *,
    loaded: LoadedFile,
    sheet: str | None = None,
    kind: ImportKind | None = None,
) -> tuple[Sheet, Layout]:
    """The sheet to read and its layout, with the mapping remembered for this layout."""
    found, layout = _pick_sheet(loaded, sheet, kind)
    if db is not None:
        remembered = imports.load_mapping(db, layout.signature)
        if remembered:
            try:
                saved = json.loads(remembered)
                saved_kind = ImportKind(saved["kind"])
                fields = {int(k): v for k, v in saved["fields"].items()}
            except (ValueError, KeyError, TypeError, AttributeError):
                saved = None
            if saved is not None and (kind is None or kind is saved_kind):
                if saved_kind is not layout.kind:
                    layout = layout_for_kind(found.rows, layout, saved_kind)
                valid = {f.key for f in FIELDS[saved_kind]}
                layout = layout.with_fields(
                    {i: (f if f in valid else None) for i, f in fields.items()}
                )
    return found, layout


def remember_mapping(db: Database, *, layout: Layout) -> None:
    """Remember the user's corrected mapping for files of the same layout (in the database's
    meta table, so it travels with the data and the command line uses it too)."""
    value = json.dumps(
        {"kind": layout.kind.value, "fields": {str(c.index): c.field for c in layout.columns}}
    )
    imports.save_mapping(db, layout.signature, value)


def preview_import(
    db: Database,
    *,
    loaded: LoadedFile,
    sheet: str | None = None,
    kind: ImportKind | None = None,
    as_of: YearMonth | None = None,
    fields: Mapping[int, str | None] | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportPreview:
    """Classify every row; nothing is written. ``fields`` corrects the detected mapping
    (column index → field, None to ignore). ``progress(done, total)`` returning False cancels
    (ImportCancelled)."""
    found, layout = detect(db, loaded=loaded, sheet=sheet, kind=kind)
    if kind is not None and layout.kind is not kind:
        layout = layout_for_kind(found.rows, layout, kind)
    if fields:
        layout = layout.with_fields(fields)
    missing = layout.missing()
    if missing:
        raise ImportFailure(MSG_NO_HEADER, found.name)
    month = as_of or layout.as_of
    index = ParkIndex(parks.all_parks(db))
    parsed = parse_rows(
        found.rows, layout, index, sheet=found.name, epoch_1904=loaded.workbook.epoch_1904
    )
    if progress is not None and not progress(len(parsed) // 2, len(parsed)):
        raise ImportCancelled
    stage_day = month.last_day if month is not None else None
    rows: list[RowResult]
    if layout.kind is ImportKind.PROJECTS:
        rows = classify_projects(db, parsed, layout, sheet=found.name, stage_day=stage_day)
    elif layout.kind in (ImportKind.INVESTMENT, ImportKind.REVENUE):
        rows = classify_figures(db, parsed, layout, sheet=found.name, as_of=month)
    elif layout.kind is ImportKind.FUNDS:
        rows = classify_funds(db, parsed, layout, sheet=found.name, report_day=stage_day)
    else:
        rows = classify_park_records(db, parsed, layout, sheet=found.name)
    if progress is not None and not progress(len(parsed), len(parsed)):
        raise ImportCancelled
    return ImportPreview(
        source_name=loaded.name,
        sha256=loaded.sha256,
        sheet=found.name,
        layout=layout,
        as_of=month,
        rows=rows,
        header_rows=[list(r) for r in found.rows[: layout.data_start]],
        sheet_count=len(loaded.workbook.sheets),
    )


def preview_on_own_connection(
    db_path: Path,
    *,
    loaded: LoadedFile,
    sheet: str | None = None,
    kind: ImportKind | None = None,
    as_of: YearMonth | None = None,
    fields: Mapping[int, str | None] | None = None,
) -> ImportPreview:
    """:func:`preview_import` on a read-only connection of its own, for a background thread
    (a connection is used only in the thread that made it). The preview's writes take the
    database they are applied to, so the GUI applies it on its own connection."""
    from parktracker.storage.database import open_database

    with open_database(Path(db_path), readonly=True) as db:
        return preview_import(db, loaded=loaded, sheet=sheet, kind=kind, as_of=as_of, fields=fields)


class ImportCancelled(Exception):
    """The user cancelled a long preview."""


class ImportBlocked(Exception):
    """Rows are invalid and the user did not choose to skip them; nothing was written."""

    def __init__(self, count: int) -> None:
        super().__init__(M_INVALID_ROWS.source.replace("%1", str(count)))
        self.count = count
        self.message: Text = M_INVALID_ROWS


def apply_import(
    db: Database,
    *,
    preview: ImportPreview,
    excluded: frozenset[int] = frozenset(),
    skip_invalid: bool = False,
    backup: bool = True,
) -> ImportSummary:
    """Write the preview's new and changed rows (except ``excluded`` row numbers).

    Invalid rows block the import (:class:`ImportBlocked`, nothing written) unless
    ``skip_invalid``. A verified backup is taken first when anything is to be written; then
    one transaction writes every row and the audit entry naming the file."""
    chosen = [r for r in preview.rows if r.number not in excluded]
    invalid = [r for r in chosen if r.status is RowStatus.INVALID]
    if invalid and not skip_invalid:
        raise ImportBlocked(len(invalid))
    writes = [r for r in chosen if r.write is not None and r.status is not RowStatus.INVALID]
    counts = preview.counts(excluded)
    summary = ImportSummary(
        added=counts[RowStatus.NEW],
        changed=counts[RowStatus.CHANGED],
        unchanged=counts[RowStatus.UNCHANGED],
        skipped=len(invalid) + len(preview.rows) - len(chosen),
        backup=None,
    )
    if not writes:
        return summary
    made: Path | None = None
    if backup:
        from parktracker.services.backups import backup_before_import

        made = backup_before_import(db)
    with db.atomic():
        for row in writes:
            assert row.write is not None
            row.write(db)
        imports.log_import(
            db,
            {
                "file": preview.source_name,
                "sha256": preview.sha256,
                "sheet": preview.sheet,
                "kind": preview.kind.value,
                "added": summary.added,
                "changed": summary.changed,
                "skipped": summary.skipped,
                "at": dt.datetime.now().isoformat(timespec="seconds"),
            },
        )
    return ImportSummary(
        summary.added,
        summary.changed,
        summary.unchanged,
        summary.skipped,
        str(made) if made is not None else None,
    )


def save_problems(
    path: Path, *, preview: ImportPreview, translate: Callable[[Text], str] | None = None
) -> int:
    """Save the invalid rows as an .xlsx with the park's own rows and a reason column;
    returns how many rows were written."""
    from parktracker.io.problems_writer import write_problems

    def tr(text: Text) -> str:
        return translate(text) if translate is not None else text.source

    rows = [
        (
            row.cells,
            "；".join(
                p.reason(translate) if not p.column else f"{p.column}：{p.reason(translate)}"
                for p in row.problems
            ),
        )
        for row in preview.invalid
    ]
    write_problems(
        Path(path),
        sheet=preview.sheet,
        header_rows=preview.header_rows,
        reason_header=tr(T_REASON),
        rows=rows,
    )
    return len(rows)


T_REASON = QT_TRANSLATE_NOOP("Import", "Reason")
