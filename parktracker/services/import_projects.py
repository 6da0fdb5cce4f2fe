"""Classifying project rows (and their stage changes) against the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.import_fields import AmountUnit, ImportKind, spec
from parktracker.domain.import_layout import Layout
from parktracker.domain.import_rows import CellProblem, ParsedRow, column_name
from parktracker.domain.import_values import key_of
from parktracker.domain.models import Park, Project, StageChange
from parktracker.domain.periods import MessageArg
from parktracker.domain.validation import errors_only, validate_project
from parktracker.services.import_types import FieldChange, RowResult, RowStatus, Write, show
from parktracker.storage import imports, projects
from parktracker.storage.database import Database

M_DUPLICATE = QT_TRANSLATE_NOOP("Import", "the same record as row %1")
M_STAGE_NEEDED = QT_TRANSLATE_NOOP("Import", "a new project needs its stage")
M_BAD_TRANSITION = QT_TRANSLATE_NOOP("Import", "a project cannot move from “%1” to “%2”")
M_NO_STAGE_DATE = QT_TRANSLATE_NOOP(
    "Import", "the stage changes, but no date says when: give the as-of month (--as-of)"
)
M_STAGE_BEFORE_LAST = QT_TRANSLATE_NOOP(
    "Import", "the stage change on %1 would be earlier than the last one (%2)"
)

PROJECT_FIELDS = (
    "stage",
    "company",
    "responsible_unit",
    "contact",
    "planned_total",
    "signed_date",
    "planned_start_date",
    "actual_start_date",
    "planned_completion_date",
    "production_date",
    "is_key",
    "is_chain_leader",
    "notes",
)
_DATE_FIELD = {
    Stage.SIGNED: "signed_date",
    Stage.UNDER_CONSTRUCTION: "actual_start_date",
    Stage.IN_PRODUCTION: "production_date",
}


def label(park: Park, name: str) -> str:
    return f"{park.label} · {name}"


def row_problem(
    row: ParsedRow,
    layout: Layout,
    field: str,
    message: Text,
    *,
    sheet: str,
    args: tuple[MessageArg, ...] = (),
) -> CellProblem:
    """A problem about ``field`` of a row, named by that field's column (or the whole row)."""
    column = layout.column_of(field)
    return CellProblem(
        row.number, column_name(column) if column is not None else "", message, args, sheet
    )


def classify_projects(
    db: Database,
    rows: Sequence[ParsedRow],
    layout: Layout,
    *,
    sheet: str,
    stage_day: dt.date | None,
) -> list[RowResult]:
    """``stage_day``: the as-of month's last day, dating stage changes that give no date."""
    existing = {(p.park_id, key_of(p.name)): p for p in imports.all_projects(db)}
    last_dates = imports.last_stage_dates(db)
    seen: dict[tuple[int, str], int] = {}
    results: list[RowResult] = []
    for row in rows:
        park = row.values.get("park")
        name = row.values.get("name")
        result = RowResult(row.number, sheet, RowStatus.INVALID, str(name or ""), row.cells)
        result.problems.extend(row.problems)
        results.append(result)
        if not isinstance(park, Park) or not isinstance(name, str) or row.problems:
            continue
        assert park.id is not None
        result.key = label(park, name)
        key = (park.id, key_of(name))
        if key in seen:
            result.problems.append(
                row_problem(row, layout, "name", M_DUPLICATE, sheet=sheet, args=(str(seen[key]),))
            )
            continue
        seen[key] = row.number
        old = existing.get(key)
        _classify_one(
            result,
            row,
            layout=layout,
            sheet=sheet,
            park=park,
            name=name,
            old=old,
            last_dates=last_dates,
            stage_day=stage_day,
        )
    return results


def _classify_one(  # noqa: PLR0911 - each refusal ends the row
    result: RowResult,
    row: ParsedRow,
    *,
    layout: Layout,
    sheet: str,
    park: Park,
    name: str,
    old: Project | None,
    last_dates: dict[int, str],
    stage_day: dt.date | None,
) -> None:
    assert park.id is not None
    given = {f: row.values[f] for f in PROJECT_FIELDS if f in row.values}
    if old is None:
        if "stage" not in given:
            result.problems.append(row_problem(row, layout, "stage", M_STAGE_NEEDED, sheet=sheet))
            return
        project = Project(park_id=park.id, name=name.strip(), stage=Stage.NEGOTIATING)
    else:
        project = dataclasses.replace(old)
    for field, value in given.items():
        setattr(project, field, value)
    problems = errors_only(validate_project(project))
    for problem in problems:
        result.problems.append(
            row_problem(row, layout, problem.field, problem.message, sheet=sheet, args=problem.args)
        )
    if problems:
        return
    if old is None:
        day = _implied(project) or stage_day or dt.date.today()
        result.status = RowStatus.NEW
        result.changes = [
            FieldChange(f, spec(ImportKind.PROJECTS, f).label, "", show(v, unit_of(layout, f)))
            for f, v in given.items()
        ]
        result.write = _add(project, day)
        return
    changes = [
        FieldChange(
            f,
            spec(ImportKind.PROJECTS, f).label,
            show(getattr(old, f), unit_of(layout, f)),
            show(v, unit_of(layout, f)),
        )
        for f, v in given.items()
        if getattr(old, f) != v
    ]
    if not changes:
        result.status = RowStatus.UNCHANGED
        return
    change: StageChange | None = None
    if project.stage is not old.stage:
        if not old.stage.can_advance_to(project.stage):
            result.problems.append(
                row_problem(
                    row,
                    layout,
                    "stage",
                    M_BAD_TRANSITION,
                    sheet=sheet,
                    args=(old.stage.text, project.stage.text),
                )
            )
            return
        change_day = _implied(project) or stage_day
        if change_day is None:
            result.problems.append(row_problem(row, layout, "stage", M_NO_STAGE_DATE, sheet=sheet))
            return
        assert old.id is not None
        last = last_dates.get(old.id)
        if last is not None and change_day.isoformat() < last:
            result.problems.append(
                row_problem(
                    row,
                    layout,
                    "stage",
                    M_STAGE_BEFORE_LAST,
                    sheet=sheet,
                    args=(change_day, dt.date.fromisoformat(last)),
                )
            )
            return
        change = StageChange(old.id, project.stage, change_day)
    result.status = RowStatus.CHANGED
    result.changes = changes
    result.write = _save(project, change)


def unit_of(layout: Layout, field: str) -> AmountUnit | None:
    column = layout.column_of(field)
    return column.unit if column is not None else None


def _implied(project: Project) -> dt.date | None:
    field = _DATE_FIELD.get(project.stage)
    value = getattr(project, field) if field else None
    return value if isinstance(value, dt.date) else None


def _add(project: Project, day: dt.date) -> Write:
    def write(db: Database) -> None:
        imports.add_project(db, project, StageChange(0, project.stage, day))

    return write


def _save(project: Project, change: StageChange | None) -> Write:
    def write(db: Database) -> None:
        projects.save(db, project)
        if change is not None:
            projects.add_stage_change(db, change)

    return write
