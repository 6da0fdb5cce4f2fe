"""Classifying monthly figures: completed investment per project and revenue per park, in
monthly or year-to-date (1–N月累计) form; year-to-date figures become monthly ones with the
revenue page's conversion (:func:`parktracker.services.revenue_entry.merge_year_to_date`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.import_fields import ImportKind, spec
from parktracker.domain.import_layout import Layout
from parktracker.domain.import_rows import ParsedRow
from parktracker.domain.import_values import key_of
from parktracker.domain.models import MonthlyInvestment, Park, RevenueEntry
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import Problem
from parktracker.domain.year_to_date import cumulative, monthly_from_ytd
from parktracker.services.import_projects import M_DUPLICATE, label, row_problem, unit_of
from parktracker.services.import_types import FieldChange, RowResult, RowStatus, Write, show
from parktracker.services.revenue_entry import RevenueCell, merge_year_to_date, year_grid
from parktracker.storage import imports, investment, monthly_revenue
from parktracker.storage.database import Database

M_NO_PROJECT = QT_TRANSLATE_NOOP("Import", "there is no project “%1” in %2")
M_NO_MONTH = QT_TRANSLATE_NOOP(
    "Import", "no month: add a 月份 column or give the as-of month (--as-of)"
)
M_MONTH_LABEL = QT_TRANSLATE_NOOP("Import", "%1 (month %2)")


@dataclass(slots=True)
class _Figure:
    row: ParsedRow
    result: RowResult
    owner: int  # project id (investment) or park id (revenue)
    month: YearMonth
    amount: Money
    ytd: bool
    amount_field: str


@dataclass(slots=True)
class _Group:
    figures: list[_Figure] = field(default_factory=list)


def _month_of(
    row: ParsedRow, layout: Layout, as_of: YearMonth | None, ytd_field: str
) -> YearMonth | None:
    month = row.values.get("month")
    if isinstance(month, YearMonth):
        return month
    column = layout.column_of(ytd_field)
    if ytd_field in row.values and column is not None and column.ytd_month and as_of is not None:
        return YearMonth(as_of.year, column.ytd_month)
    return as_of


def classify_figures(
    db: Database,
    rows: Sequence[ParsedRow],
    layout: Layout,
    *,
    sheet: str,
    as_of: YearMonth | None,
) -> list[RowResult]:
    is_investment = layout.kind is ImportKind.INVESTMENT
    monthly_field, ytd_field = (
        ("completed", "completed_ytd") if is_investment else ("amount", "amount_ytd")
    )
    projects = (
        {(p.park_id, key_of(p.name)): p for p in imports.all_projects(db)} if is_investment else {}
    )
    figures: list[_Figure] = []
    results: list[RowResult] = []
    seen: dict[tuple[int, YearMonth], int] = {}
    for row in rows:
        park = row.values.get("park")
        result = RowResult(row.number, sheet, RowStatus.INVALID, "", row.cells)
        result.problems.extend(row.problems)
        results.append(result)
        if not isinstance(park, Park) or row.problems:
            continue
        assert park.id is not None
        owner = park.id
        result.key = park.label
        if is_investment:
            name = str(row.values.get("project", ""))
            project = projects.get((park.id, key_of(name)))
            result.key = label(park, name)
            if project is None or project.id is None:
                result.problems.append(
                    row_problem(
                        row, layout, "project", M_NO_PROJECT, sheet=sheet, args=(name, park.name)
                    )
                )
                continue
            owner = project.id
        month = _month_of(row, layout, as_of, ytd_field)
        if month is None:
            result.problems.append(row_problem(row, layout, "month", M_NO_MONTH, sheet=sheet))
            continue
        ytd = ytd_field in row.values and monthly_field not in row.values
        amount = row.values.get(ytd_field if ytd else monthly_field)
        if not isinstance(amount, Money):
            result.status = RowStatus.UNCHANGED  # an empty figure: nothing to import
            continue
        result.month = month
        if (owner, month) in seen:
            result.problems.append(
                row_problem(
                    row,
                    layout,
                    "month",
                    M_DUPLICATE,
                    sheet=sheet,
                    args=(str(seen[(owner, month)]),),
                )
            )
            continue
        seen[(owner, month)] = row.number
        figures.append(_Figure(row, result, owner, month, amount, ytd, monthly_field))
    stored_by = _stored(db, figures, is_investment=is_investment)
    groups: dict[tuple[int, int], list[_Figure]] = {}
    for figure in figures:
        groups.setdefault((figure.owner, figure.month.year), []).append(figure)
    for (owner, year), group in groups.items():
        stored_months = stored_by.get((owner, year), {})
        _classify_group(
            db,
            layout=layout,
            owner=owner,
            year=year,
            group=group,
            stored=stored_months,
            is_investment=is_investment,
        )
    return results


def _stored(
    db: Database, figures: Sequence[_Figure], *, is_investment: bool
) -> dict[tuple[int, int], dict[int, Money]]:
    """The stored monthly figures of each (project or park, year) the figures touch."""
    stored_by: dict[tuple[int, int], dict[int, Money]] = {}
    years = {f.month.year for f in figures}
    if is_investment:
        for (owner, month_text), value in imports.monthly_investment(db, years=years).items():
            month = YearMonth.parse(month_text)
            stored_by.setdefault((owner, month.year), {})[month.month] = value
    else:
        for year in years:
            for (park_id, m), value in year_grid(db, year).items():
                stored_by.setdefault((park_id, year), {})[m] = value
    return stored_by


def _classify_group(
    db: Database,
    *,
    layout: Layout,
    owner: int,
    year: int,
    group: list[_Figure],
    stored: dict[int, Money],
    is_investment: bool,
) -> None:
    entered_ytd = {f.month.month: f.amount for f in group if f.ytd}
    monthly_entered = {f.month.month: f.amount for f in group if not f.ytd}
    target = dict(stored)
    refused: tuple[int, tuple[Problem, ...]] | None = None
    if entered_ytd:
        if is_investment:
            target, refused = _merge_ytd(stored, entered_ytd)
        else:
            cells = [RevenueCell(owner, YearMonth(year, m), a) for m, a in entered_ytd.items()]
            merge = merge_year_to_date(db, cells)[-1]
            target = dict(merge.monthly)
            if merge.refused_month is not None:
                refused = (merge.refused_month, tuple(merge.problems))
    target.update(monthly_entered)
    unit = unit_of(layout, group[0].amount_field) or unit_of(layout, group[0].amount_field + "_ytd")
    field_label: Text = spec(layout.kind, group[0].amount_field).label
    for figure in group:
        m = figure.month.month
        if refused is not None and m >= refused[0]:
            for problem in refused[1]:
                figure.result.problems.append(
                    row_problem(
                        figure.row,
                        layout,
                        figure.amount_field + ("_ytd" if figure.ytd else ""),
                        problem.message,
                        sheet=figure.result.sheet,
                        args=problem.args,
                    )
                )
            continue
        new = target.get(m, Money(0))
        old = stored.get(m)
        if old == new:
            figure.result.status = RowStatus.UNCHANGED
            continue
        figure.result.status = RowStatus.NEW if old is None else RowStatus.CHANGED
        figure.result.changes = [
            FieldChange(
                figure.amount_field,
                field_label,
                "" if old is None else show(old, unit),
                show(new, unit),
            )
        ]
        figure.result.write = _figure_writer(owner, figure.month, new, is_investment)
    if refused is not None:
        return
    # Stored months this file does not name, whose monthly figure the year-to-date series
    # changes, go with the last row of the group.
    named = {f.month.month for f in group}
    last = group[-1].result
    for m in sorted(set(stored) | set(target)):
        if m in named or stored.get(m) == target.get(m) or m not in target:
            continue
        month = YearMonth(year, m)
        last.changes.append(
            FieldChange(
                group[0].amount_field,
                M_MONTH_LABEL,
                show(stored.get(m), unit),
                show(target[m], unit),
            )
        )
        extra = _figure_writer(owner, month, target[m], is_investment)
        first = last.write
        last.write = _chain(first, extra)
        if last.status is RowStatus.UNCHANGED:
            last.status = RowStatus.CHANGED


def _merge_ytd(
    stored: dict[int, Money], entered: dict[int, Money]
) -> tuple[dict[int, Money], tuple[int, tuple[Problem, ...]] | None]:
    """The same conversion as the revenue page: the stored months read as a year-to-date
    series, the entered figures replacing theirs, monthly figures derived again."""
    series = cumulative(stored)
    series.update(entered)
    monthly: dict[int, Money] = {}
    for month in sorted(series):
        value, problems = monthly_from_ytd(month, series[month], monthly)
        if value is None:
            return monthly, (month, tuple(problems))
        monthly[month] = value
    return monthly, None


def _figure_writer(owner: int, month: YearMonth, amount: Money, is_investment: bool) -> Write:
    def write(db: Database) -> None:
        if is_investment:
            investment.set_monthly(db, MonthlyInvestment(owner, month, amount))
        else:
            monthly_revenue.set_month(db, RevenueEntry(owner, month, amount))

    return write


def _chain(first: Write | None, second: Write) -> Write:
    def write(db: Database) -> None:
        if first is not None:
            first(db)
        second(db)

    return write
