"""Classifying platform, enterprise and fund rows against the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from parktracker.domain.enums import PlatformKind, PlatformLevel
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.import_fields import ImportKind, spec
from parktracker.domain.import_layout import Layout
from parktracker.domain.import_rows import ParsedRow
from parktracker.domain.import_values import key_of
from parktracker.domain.models import Enterprise, Fund, FundUpdate, Park, Platform
from parktracker.domain.money import Money
from parktracker.domain.validation import Problem, errors_only, validate_fund_update
from parktracker.services.import_projects import M_DUPLICATE, label, row_problem, unit_of
from parktracker.services.import_types import (
    FieldChange,
    RowResult,
    RowStatus,
    Shown,
    Write,
    show,
)
from parktracker.storage import enterprises, funds, imports, platforms
from parktracker.storage.database import Database

M_NEW_NEEDS = QT_TRANSLATE_NOOP("Import", "a new record needs its %1")
M_FIGURES_NEED_DATE = QT_TRANSLATE_NOOP(
    "Import", "figures need their report date (or the as-of month, --as-of)"
)
M_CITY_WIDE = QT_TRANSLATE_NOOP("Import", "city-wide")


def _changes(
    kind: ImportKind, layout: Layout, old: Any, given: dict[str, object]
) -> list[FieldChange]:
    return [
        FieldChange(
            f,
            spec(kind, f).label,
            "" if old is None else show(getattr(old, f), unit_of(layout, f)),
            show(v, unit_of(layout, f)),
        )
        for f, v in given.items()
        if old is None or getattr(old, f) != v
    ]


def classify_park_records(
    db: Database,
    rows: Sequence[ParsedRow],
    layout: Layout,
    *,
    sheet: str,
) -> list[RowResult]:
    """Platforms or enterprises (``layout.kind``): natural key park + name."""
    kind = layout.kind
    platform_kind = kind is ImportKind.PLATFORMS
    fields = (
        ("level", "kind", "recognized_date", "notes")
        if platform_kind
        else ("tags", "joined_date", "notes")
    )
    found: list[Any] = imports.all_platforms(db) if platform_kind else imports.all_enterprises(db)
    existing = {(r.park_id, key_of(r.name)): r for r in found}
    seen: dict[tuple[int, str], int] = {}
    results: list[RowResult] = []
    for row in rows:
        park, name = row.values.get("park"), row.values.get("name")
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
        given = {f: row.values[f] for f in fields if f in row.values}
        old = existing.get(key)
        if old is None:
            if platform_kind:
                missing = [f for f in ("level", "kind") if f not in given]
                if missing:
                    field_label = spec(kind, missing[0]).label
                    result.problems.append(
                        row_problem(
                            row, layout, missing[0], M_NEW_NEEDS, sheet=sheet, args=(field_label,)
                        )
                    )
                    continue
                level, pkind = given["level"], given["kind"]
                assert isinstance(level, PlatformLevel) and isinstance(pkind, PlatformKind)
                record: Any = Platform(park.id, name.strip(), level, pkind)
            else:
                record = Enterprise(park.id, name.strip())
            for f, v in given.items():
                setattr(record, f, v)
            result.status = RowStatus.NEW
            result.changes = _changes(kind, layout, None, given)
            result.write = _writer(platforms.add if platform_kind else enterprises.add, record)
            continue
        changes = _changes(kind, layout, old, given)
        if not changes:
            result.status = RowStatus.UNCHANGED
            continue
        record = dataclasses.replace(old)
        for f, v in given.items():
            setattr(record, f, v)
        result.status = RowStatus.CHANGED
        result.changes = changes
        result.write = _writer(platforms.save if platform_kind else enterprises.save, record)
    return results


def _writer(store: Callable[[Database, Any], object], record: Any) -> Write:
    def write(db: Database) -> None:
        store(db, record)

    return write


def classify_funds(
    db: Database,
    rows: Sequence[ParsedRow],
    layout: Layout,
    *,
    sheet: str,
    report_day: dt.date | None,
) -> list[RowResult]:
    """Funds by name; a row with figures is also the fund's report of that date."""
    existing = {key_of(f.name): f for f in imports.all_funds(db)}
    reports = imports.fund_updates(db)
    park_column = layout.column_of("park") is not None
    seen: dict[tuple[str, str], int] = {}
    results: list[RowResult] = []
    for row in rows:
        name = row.values.get("name")
        result = RowResult(row.number, sheet, RowStatus.INVALID, str(name or ""), row.cells)
        result.problems.extend(row.problems)
        results.append(result)
        if not isinstance(name, str) or row.problems:
            continue
        figures: dict[str, object] = {
            f: row.values[f] for f in ("scale", "paid_in", "invested") if f in row.values
        }
        date = row.values.get("report_date") or (report_day if figures else None)
        if figures and not isinstance(date, dt.date):
            result.problems.append(
                row_problem(row, layout, "report_date", M_FIGURES_NEED_DATE, sheet=sheet)
            )
            continue
        key = (key_of(name), date.isoformat() if isinstance(date, dt.date) else "")
        if key in seen:
            result.problems.append(
                row_problem(row, layout, "name", M_DUPLICATE, sheet=sheet, args=(str(seen[key]),))
            )
            continue
        seen[key] = row.number
        park = row.values.get("park")
        given: dict[str, object] = {
            f: row.values[f] for f in ("manager", "established_date", "notes") if f in row.values
        }
        if park_column:
            given["park_id"] = park.id if isinstance(park, Park) else None
        result.key = name
        old = existing.get(key_of(name))
        fund = dataclasses.replace(old) if old is not None else Fund(name.strip(), None)
        for f, v in given.items():
            setattr(fund, f, v)
        changes = [
            FieldChange(
                f,
                spec(ImportKind.FUNDS, "park" if f == "park_id" else f).label,
                "" if old is None else _shown(f, getattr(old, f), db),
                _shown(f, v, db),
            )
            for f, v in given.items()
            if old is None or getattr(old, f) != v
        ]
        update: FundUpdate | None = None
        if figures and isinstance(date, dt.date):
            update, problems = _fund_update(
                fund, old, figures, date, reports=reports, layout=layout, changes=changes
            )
            if problems:
                for problem in problems:
                    result.problems.append(
                        row_problem(
                            row,
                            layout,
                            problem.field,
                            problem.message,
                            sheet=sheet,
                            args=problem.args,
                        )
                    )
                continue
        if old is not None and not changes:
            result.status = RowStatus.UNCHANGED
            continue
        result.status = RowStatus.NEW if old is None else RowStatus.CHANGED
        result.changes = changes
        result.write = _fund_writer(
            fund,
            update,
            save_fund=old is None
            or bool([c for c in changes if c.field not in ("scale", "paid_in", "invested")]),
        )
    return results


def _fund_update(
    fund: Fund,
    old: Fund | None,
    figures: dict[str, object],
    date: dt.date,
    *,
    reports: dict[tuple[int, str], FundUpdate],
    layout: Layout,
    changes: list[FieldChange],
) -> tuple[FundUpdate | None, list[Problem]]:
    """The fund's report of ``date`` as the row gives it (figures it leaves out are those of
    the report it replaces or the one before); None when it is already stored as given. The
    changed figures are added to ``changes``."""
    old_report = reports.get((old.id, date.isoformat())) if old and old.id else None
    base = old_report or _latest_before(reports, old.id if old else None, date)
    scale = figures.get("scale", base.scale if base else Money(0))
    paid_in = figures.get("paid_in", base.paid_in if base else Money(0))
    invested = figures.get("invested", base.invested if base else Money(0))
    assert isinstance(scale, Money) and isinstance(paid_in, Money)
    assert isinstance(invested, Money)
    update = FundUpdate(
        old.id if old and old.id else 0,
        date,
        scale,
        paid_in,
        invested,
        id=old_report.id if old_report else None,
        note=old_report.note if old_report else "",
    )
    problems = errors_only(validate_fund_update(update, established=fund.established_date))
    if problems:
        return None, problems
    for f in ("scale", "paid_in", "invested"):
        before = getattr(old_report, f) if old_report else None
        after = getattr(update, f)
        if before != after and f in figures:
            changes.append(
                FieldChange(
                    f,
                    spec(ImportKind.FUNDS, f).label,
                    "" if before is None else show(before, unit_of(layout, f)),
                    show(after, unit_of(layout, f)),
                )
            )
    if old_report is not None and all(
        getattr(old_report, f) == getattr(update, f) for f in ("scale", "paid_in", "invested")
    ):
        return None, []
    return update, []


def _latest_before(
    reports: dict[tuple[int, str], FundUpdate], fund_id: int | None, date: dt.date
) -> FundUpdate | None:
    if fund_id is None:
        return None
    earlier = [u for (f, d), u in reports.items() if f == fund_id and d <= date.isoformat()]
    return max(earlier, key=lambda u: (u.date, u.id or 0), default=None)


def _shown(field: str, value: object, db: Database) -> Shown:
    if field == "park_id":
        if value is None:
            return M_CITY_WIDE
        from parktracker.storage import parks

        park = parks.get(db, int(str(value)))
        return park.name if park else str(value)
    return show(value)


def _fund_writer(fund: Fund, update: FundUpdate | None, *, save_fund: bool) -> Write:
    def write(db: Database) -> None:
        fund_id = fund.id
        if fund_id is None:
            fund_id = funds.add(db, fund)
        elif save_fund:
            funds.save(db, fund)
        if update is None:
            return
        if update.id is None:
            funds.add_update(db, dataclasses.replace(update, fund_id=fund_id))
        else:
            imports.save_fund_update(db, update)

    return write
