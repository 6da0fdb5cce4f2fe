"""Month-to-month comparison between two as-of dates, and its .xlsx export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from parktracker.domain.comparison import Comparison, FundChange, compare, months_between
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.models import Park
from parktracker.domain.money import Money
from parktracker.domain.periods import date_text
from parktracker.domain.validation import Problem, ValidationError
from parktracker.io.book import Book, Column, Sheet
from parktracker.io.export_layout import ValueType
from parktracker.storage import comparison as store
from parktracker.storage import parks as park_store
from parktracker.storage.as_of_figures import funds_as_of
from parktracker.storage.database import Database

Translate = Callable[[Text], str]

M_ORDER = QT_TRANSLATE_NOOP("Comparison", "The second date must be later than the first.")
T_TITLE = QT_TRANSLATE_NOOP("Comparison", "Changes from %1 to %2")
T_PARKS = QT_TRANSLATE_NOOP("Comparison", "Parks")
T_PROJECTS = QT_TRANSLATE_NOOP("Comparison", "Projects")
T_FUNDS = QT_TRANSLATE_NOOP("Comparison", "Funds")
T_PARK = QT_TRANSLATE_NOOP("Comparison", "Park")
T_ALL = QT_TRANSLATE_NOOP("Comparison", "All parks")
T_PROJECT = QT_TRANSLATE_NOOP("Comparison", "Project")
T_FUND = QT_TRANSLATE_NOOP("Comparison", "Fund")
T_NEW = QT_TRANSLATE_NOOP("Comparison", "New projects")
T_TERMINATED = QT_TRANSLATE_NOOP("Comparison", "Terminated")
T_MOVED = QT_TRANSLATE_NOOP("Comparison", "Stage moves")
T_STARTED = QT_TRANSLATE_NOOP("Comparison", "Started construction")
T_PRODUCING = QT_TRANSLATE_NOOP("Comparison", "Into production")
T_INVESTED = QT_TRANSLATE_NOOP("Comparison", "Investment completed in between (10k yuan)")
T_REVENUE = QT_TRANSLATE_NOOP("Comparison", "Revenue in between (10k yuan)")
T_PAID_IN = QT_TRANSLATE_NOOP("Comparison", "Fund paid-in change (10k yuan)")
T_FUND_INVESTED = QT_TRANSLATE_NOOP("Comparison", "Fund invested change (10k yuan)")
T_BEFORE = QT_TRANSLATE_NOOP("Comparison", "Stage on %1")
T_AFTER = QT_TRANSLATE_NOOP("Comparison", "Stage on %1")
T_CHANGE = QT_TRANSLATE_NOOP("Comparison", "Change")
T_NOT_YET = QT_TRANSLATE_NOOP("Comparison", "(not yet entered)")
T_KIND_NEW = QT_TRANSLATE_NOOP("Comparison", "New")
T_KIND_MOVED = QT_TRANSLATE_NOOP("Comparison", "Moved")
T_KIND_TERMINATED = QT_TRANSLATE_NOOP("Comparison", "Terminated")
T_KIND_INVESTED = QT_TRANSLATE_NOOP("Comparison", "Investment only")
T_PAID_BEFORE = QT_TRANSLATE_NOOP("Comparison", "Paid-in on %1 (10k yuan)")
T_INVESTED_BEFORE = QT_TRANSLATE_NOOP("Comparison", "Invested on %1 (10k yuan)")


def compare_dates(
    db: Database, *, first: dt.date, second: dt.date, park: Park | None = None
) -> Comparison:
    """What changed from ``first`` to ``second`` (of one park, or all)."""
    if second <= first:
        raise ValidationError([Problem("second", M_ORDER)])
    park_id = None if park is None else park.id
    months = months_between(first, second)
    parks = [
        (p.id, p.name)
        for p in park_store.all_parks(db)
        if p.id is not None and (park_id is None or p.id == park_id)
    ]
    before = {f.fund_id: f for f in funds_as_of(db, first, park_id=park_id)}
    after = {f.fund_id: f for f in funds_as_of(db, second, park_id=park_id)}
    names = _fund_names(db)
    zero = Money.zero()
    funds = []
    for fund_id in sorted(set(before) | set(after)):
        b, a = before.get(fund_id), after.get(fund_id)
        funds.append(
            FundChange(
                fund_id,
                names.get(fund_id, ""),
                (a or b).park_id,  # type: ignore[union-attr]
                b.paid_in if b else zero,
                a.paid_in if a else zero,
                b.invested if b else zero,
                a.invested if a else zero,
            )
        )
    return compare(
        first,
        second,
        parks=parks,
        projects=store.project_changes(db, first, second, months, park_id=park_id),
        revenue=store.revenue_between(db, months),
        funds=funds,
    )


def _fund_names(db: Database) -> dict[int, str]:
    from parktracker.storage import funds

    return {f.id: f.name for f in funds.all_funds(db) if f.id is not None}


def comparison_book(result: Comparison, *, tr: Translate) -> Book:
    """The comparison as three sheets: parks (with the total), projects, funds."""
    from parktracker.domain.i18n_markers import fill

    one, two = date_text(result.first, tr), date_text(result.second, tr)
    title = fill(tr(T_TITLE), (one, two))
    wan = ValueType.AMOUNT_WAN
    count = ValueType.NUMBER
    park_columns = [
        Column(tr(T_PARK)),
        Column(tr(T_NEW), count),
        Column(tr(T_TERMINATED), count),
        Column(tr(T_MOVED), count),
        Column(tr(T_STARTED), count),
        Column(tr(T_PRODUCING), count),
        Column(tr(T_INVESTED), wan),
        Column(tr(T_REVENUE), wan),
        Column(tr(T_PAID_IN), wan),
        Column(tr(T_FUND_INVESTED), wan),
    ]
    park_rows: list[list[object]] = []
    for p in [*result.parks, result.total]:
        park_rows.append(
            [
                p.park or tr(T_ALL),
                p.new,
                p.terminated,
                p.moved,
                p.started,
                p.in_production,
                p.invested,
                p.revenue,
                p.paid_in_change,
                p.fund_invested_change,
            ]
        )
    project_columns = [
        Column(tr(T_PARK)),
        Column(tr(T_PROJECT)),
        Column(fill(tr(T_BEFORE), (one,))),
        Column(fill(tr(T_AFTER), (two,))),
        Column(tr(T_CHANGE)),
        Column(tr(T_INVESTED), wan),
    ]
    project_rows: list[list[object]] = []
    for c in result.projects:
        project_rows.append(
            [
                c.park,
                c.name,
                tr(c.before.text) if c.before else tr(T_NOT_YET),
                tr(c.after.text) if c.after else "",
                tr(change_kind(c)),
                c.invested,
            ]
        )
    fund_columns = [
        Column(tr(T_FUND)),
        Column(fill(tr(T_PAID_BEFORE), (one,)), wan),
        Column(fill(tr(T_PAID_BEFORE), (two,)), wan),
        Column(tr(T_PAID_IN), wan),
        Column(fill(tr(T_INVESTED_BEFORE), (one,)), wan),
        Column(fill(tr(T_INVESTED_BEFORE), (two,)), wan),
        Column(tr(T_FUND_INVESTED), wan),
    ]
    fund_rows = [
        [
            f.name,
            f.paid_in_before,
            f.paid_in_after,
            f.paid_in_change,
            f.invested_before,
            f.invested_after,
            f.invested_change,
        ]
        for f in result.funds
    ]
    return Book(
        [
            Sheet(tr(T_PARKS), title, park_columns, park_rows),  # type: ignore[arg-type]
            Sheet(tr(T_PROJECTS), title, project_columns, project_rows),  # type: ignore[arg-type]
            Sheet(tr(T_FUNDS), title, fund_columns, fund_rows),  # type: ignore[arg-type]
        ]
    )


def change_kind(change: object) -> Text:
    from parktracker.domain.comparison import ProjectChange

    assert isinstance(change, ProjectChange)
    if change.is_new:
        return T_KIND_NEW
    if change.terminated:
        return T_KIND_TERMINATED
    if change.moved:
        return T_KIND_MOVED
    return T_KIND_INVESTED


def export_comparison(result: Comparison, *, path: Path, tr: Translate) -> Path:
    """Write the comparison to an .xlsx workbook (atomically)."""
    from parktracker.io.xlsx_export import save_xlsx

    return save_xlsx(comparison_book(result, tr=tr), path)
