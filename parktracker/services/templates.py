"""Fill-in templates for the parks: one .xlsx per park, pre-filled with that park's current
projects and funds, with empty cells for one month's figures, to send out and import back.

Sheets (the export layout, so the importer reads them like any export):

* 项目 Projects — the park's projects that are not terminated, every column as stored; the
  park and the project name are locked (they are the key), the rest can be corrected; blank
  rows below for new projects. Drop-down lists for the park and the stage.
* 月度投资 Monthly investment — one row per project past negotiation and not terminated, with
  the month filled in and 本月完成投资（万元） empty.
* 营收 Revenue — the park and the month, 本月营业收入（亿元） empty.
* 基金 Funds — the park's funds with the report date set to the month's last day and the three
  figures empty; blank rows for new funds.

Sheets are protected without a password (see :mod:`parktracker.io.xlsx_template`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.models import Park
from parktracker.domain.periods import YearMonth, format_date, last_complete_month
from parktracker.io.book import Book, Column, Sheet
from parktracker.io.export_layout import (
    SHEET_NAMES,
    T_PARK,
    T_SAMPLE,
    T_STAGE,
    T_TEMPLATE_TITLE,
    TableKind,
)
from parktracker.io.safe_file import ExportError
from parktracker.services.export import ExportScope, build_sheet, columns_of
from parktracker.storage import funds, meta, parks, projects
from parktracker.storage.database import Database

Translate = Callable[..., str]

T_MONTH = QT_TRANSLATE_NOOP("Spreadsheet", "yyyy-MM")  # a month as the language writes it
T_NO_SUCH_PARK = QT_TRANSLATE_NOOP("Export", "There is no park with the id %1.")
T_CANNOT_MAKE_FOLDER = QT_TRANSLATE_NOOP("Export", "Cannot write %1: %2")

NEW_PROJECT_ROWS = 20
NEW_FUND_ROWS = 5
NEW_INVESTMENT_ROWS = 10
# The key of each kind: the columns a park may not change in its template.
_KEYS = {
    TableKind.PROJECTS: (0, 1, 2),  # 序号, 所属园区, 项目名称
    TableKind.INVESTMENT: (0, 1, 2),  # 所属园区, 项目名称, 月份
    TableKind.REVENUE: (0, 1),  # 所属园区, 月份
    TableKind.FUNDS: (0, 1),  # 基金名称, 所属园区
}
_REPORTING = (Stage.SIGNED, Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION)


def default_month(today: dt.date | None = None) -> YearMonth:
    """The month parks report now: the last complete month (in April, March's figures)."""
    day = today or dt.date.today()
    return last_complete_month(day) or YearMonth.of(day)


def _columns(kind: TableKind, tr: Translate, choices: dict[str, tuple[str, ...]]) -> list[Column]:
    keys = _KEYS[kind]
    return [
        Column(c.header, c.type, editable=index not in keys, choices=choices.get(c.header, ()))
        for index, c in enumerate(columns_of(kind, tr))
    ]


def template_book(db: Database, *, park: Park, month: YearMonth, tr: Translate) -> Book:
    """The template of ``park`` for ``month``'s figures, in the user's language."""
    assert park.id is not None
    park_names = tuple(p.name for p in parks.all_parks(db))
    stage_names = tuple(tr(s.text) for s in Stage)
    choices = {tr(T_PARK): park_names, tr(T_STAGE): stage_names}
    title = tr(T_TEMPLATE_TITLE, park.name, format_date(month.first_day, tr(T_MONTH)))
    if meta.holds_sample_data(db):
        title = f"{title}  {tr(T_SAMPLE)}"

    live = [
        p for p in projects.all_projects(db, park_id=park.id) if p.stage is not Stage.TERMINATED
    ]
    scope = ExportScope(park_id=park.id, ids=[p.id for p in live if p.id is not None])
    listed = build_sheet(db, kind=TableKind.PROJECTS, scope=scope, tr=tr)
    project_sheet = Sheet(
        listed.name,
        title,
        _columns(TableKind.PROJECTS, tr, choices),
        listed.rows,
        blank_rows=NEW_PROJECT_ROWS,
    )
    investment_sheet = Sheet(
        tr(SHEET_NAMES[TableKind.INVESTMENT]),
        title,
        _columns(TableKind.INVESTMENT, tr, {}),
        [(park.name, p.name, month, None) for p in live if p.stage in _REPORTING],
        blank_rows=NEW_INVESTMENT_ROWS,
    )
    revenue_sheet = Sheet(
        tr(SHEET_NAMES[TableKind.REVENUE]),
        title,
        _columns(TableKind.REVENUE, tr, {}),
        [(park.name, month, None)],
    )
    park_funds = [f for f in funds.all_funds(db) if f.park_id == park.id]
    fund_sheet = Sheet(
        tr(SHEET_NAMES[TableKind.FUNDS]),
        title,
        _columns(TableKind.FUNDS, tr, {}),
        [
            (
                f.name,
                park.name,
                f.manager,
                f.established_date,
                month.last_day,
                None,
                None,
                None,
                f.notes,
            )
            for f in park_funds
        ],
        blank_rows=NEW_FUND_ROWS,
    )
    return Book([project_sheet, investment_sheet, revenue_sheet, fund_sheet])


def export_template(
    db: Database, *, park_id: int, month: YearMonth, path: Path | str, tr: Translate
) -> Path:
    """Write one park's template to ``path`` (.xlsx)."""
    from parktracker.io.xlsx_template import save_template

    park = parks.get(db, park_id)
    if park is None:
        raise ExportError(T_NO_SUCH_PARK, park_id)
    return save_template(template_book(db, park=park, month=month, tr=tr), path)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def template_file_name(park: Park, month: YearMonth) -> str:
    """``青岛市集成电路产业园-2024-03.xlsx`` (characters no file system takes replaced)."""
    return f"{_UNSAFE.sub('_', park.name).strip() or 'park'}-{month}.xlsx"


def export_templates(
    db: Database, *, month: YearMonth, folder: Path | str, tr: Translate
) -> list[Path]:
    """Every park's template into ``folder`` (made if missing), a file per park."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(T_CANNOT_MAKE_FOLDER, folder, reason=exc.strerror or str(exc)) from exc
    written = []
    for park in parks.all_parks(db):
        assert park.id is not None
        written.append(
            export_template(
                db,
                park_id=park.id,
                month=month,
                path=folder / template_file_name(park, month),
                tr=tr,
            )
        )
    return written
