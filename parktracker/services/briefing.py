"""The monthly briefing (生成通报): gather its figures, write it as .docx or PDF, record it.

Figures come from the functions the rest of the app shows: :func:`summarize` (the ``summary``
command and the dashboard cards), the parks overview (the Parks table), the dashboard's chart
data and the warnings service, so a figure never differs between two places. Saving a briefing
records its figures as issued; :func:`compare_with_issued` and :func:`notices` say which of them
changed since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO

from parktracker.domain import briefing as brief
from parktracker.domain.briefing import (
    BriefingFigures,
    FigureChange,
    ParkBrief,
    ProblemRow,
    WarningCount,
    WarningRow,
)
from parktracker.domain.enums import EnterpriseTag, Metric, PlatformLevel, Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.periods import YearMonth
from parktracker.domain.problems import ProblemStatus
from parktracker.domain.warnings import Level
from parktracker.io.safe_file import ExportError, atomic_write
from parktracker.services import as_of_figures, park_overview, warnings
from parktracker.services.summary import summarize
from parktracker.storage import briefings, targets
from parktracker.storage.database import Database

Translate = Callable[..., str]
FORMATS = ("docx", "pdf")
CHARTS = ("revenue-progress", "investment-by-park")
CHART_DPI = 200  # enough for print at the text block's width (15.6 cm → 1,230 px)

T_BAD_FORMAT = QT_TRANSLATE_NOOP(
    "Briefing", "Cannot save a briefing as “%1”: choose a file ending in .docx or .pdf."
)


def _default_tr(text: Text, *args: object) -> str:
    from parktracker.i18n import tr

    return tr(text, *args)


def default_month(db: Database) -> YearMonth:
    """The latest month every park reported (the summary's and the dashboard's default)."""
    from parktracker.services.reporting import default_as_of

    return YearMonth.of(default_as_of(db))


def figures(
    db: Database, *, month: YearMonth, tr: Translate = _default_tr, lists: bool = True
) -> BriefingFigures:
    """Every number of ``month``'s briefing, as of the month's last day (all parks).
    ``lists=False`` skips the warning and problem tables (for comparing figures only)."""
    as_of = month.last_day
    rows = as_of_figures.fetch(db, as_of=as_of)  # one fetch for the summary and the parks
    summary = summarize(db, as_of=as_of, figures=rows)
    overview = park_overview.overview(db, as_of=as_of, figures=rows)
    parks = []
    for row in overview.rows:
        target = None
        if row.park.id is not None:
            found = targets.get(db, as_of.year, Metric.REVENUE, park_id=row.park.id)
            target = None if found is None else found.amount
        parks.append(
            ParkBrief(
                name=row.park.name,
                under_construction=row.under_construction.count,
                under_construction_planned=row.under_construction.planned_total,
                signed=row.signed.count,
                signed_planned=row.signed.planned_total,
                revenue_ytd=row.revenue_ytd,
                revenue_target=target,
            )
        )
    warning_rows: list[WarningRow] = []
    counts: list[WarningCount] = []
    problem_rows: list[ProblemRow] = []
    if lists:
        lights = warnings.findings(db, as_of=as_of)  # red first
        counts = brief.count_warnings([(f.park, f.level is Level.RED) for f in lights])
        warning_rows = [
            WarningRow(f.level is Level.RED, f.park, f.project, f.render(tr))
            for f in lights[: brief.WARNINGS_LISTED]
        ]
        problem_rows = [
            ProblemRow(
                park=p.park,
                project=p.project,
                description=p.description,
                responsible_unit=p.responsible_unit,
                due=p.due,
                status=tr(
                    (ProblemStatus.COORDINATING if p.coordinating else ProblemStatus.OPEN).text
                ),
            )
            for p in warnings.open_problem_facts(db, as_of=as_of)
        ]
    under = summary.pipeline[Stage.UNDER_CONSTRUCTION]
    signed = summary.pipeline[Stage.SIGNED]
    return BriefingFigures(
        month=month,
        park_count=summary.park_count,
        under_construction=under.count,
        under_construction_planned=under.planned_total,
        signed=signed.count,
        signed_planned=signed.planned_total,
        revenue_ytd=summary.revenue.ytd,
        revenue_target=summary.revenue.target,
        time_elapsed=summary.revenue.time_elapsed,
        fund_count=summary.funds.count,
        fund_scale=summary.funds.scale,
        fund_paid_in=summary.funds.paid_in,
        fund_invested=summary.funds.invested,
        platforms_provincial_or_above=summary.platforms_provincial_or_above,
        platforms_national=summary.platforms[PlatformLevel.NATIONAL],
        enterprises=summary.enterprise_count,
        chain_leaders=summary.enterprise_tags[EnterpriseTag.CHAIN_LEADER],
        little_giants=summary.enterprise_tags[EnterpriseTag.LITTLE_GIANT],
        parks=parks,
        warnings=warning_rows,
        warning_counts=counts,
        problems=problem_rows,
    )


def outline(
    facts: BriefingFigures, *, tr: Translate = _default_tr, edited: Mapping[str, str] | None = None
) -> list[brief.Block]:
    return brief.outline(facts, tr, edited)


def chart_images(
    db: Database, *, month: YearMonth, tr: Translate = _default_tr, dpi: int = CHART_DPI
) -> dict[str, bytes]:
    """The briefing's two charts as PNG bytes (the dashboard's charts, word-full size)."""
    from parktracker.charts.build import build_figure
    from parktracker.charts.export import figure_bytes
    from parktracker.charts.options import ChartOptions
    from parktracker.charts.style import WORD_FULL
    from parktracker.services.dashboard_figures import DashboardInputs

    inputs = DashboardInputs(db, month.last_day, None, tr)  # one reading for both charts
    images: dict[str, bytes] = {}
    for name in CHARTS:
        data = inputs.chart(name)
        figure = build_figure(data, ChartOptions(size=WORD_FULL), tr)
        images[name] = figure_bytes(figure, "png", dpi)
    return images


def format_of(path: Path | str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(T_BAD_FORMAT, Path(path).name)
    return suffix


def render(
    blocks: list[brief.Block], images: Mapping[str, bytes], fmt: str, target: IO[bytes]
) -> None:
    """Lay ``blocks`` out as ``fmt`` (docx or pdf) into an open binary file."""
    if fmt == "docx":
        from parktracker.io.briefing_docx import write_docx

        write_docx(blocks, images, target)
    else:
        from parktracker.io.briefing_pdf import write_pdf

        write_pdf(blocks, images, target)


def write_briefing(
    db: Database,
    *,
    month: YearMonth,
    path: Path | str,
    tr: Translate = _default_tr,
    edited: Mapping[str, str] | None = None,
    record: bool = True,
    facts: BriefingFigures | None = None,
) -> Path:
    """Write ``month``'s briefing to ``path`` (.docx or .pdf, never half-written) and, with
    ``record``, store its figures as issued. Raises ExportError with a message for the user."""
    fmt = format_of(path)
    facts = facts or figures(db, month=month, tr=tr)
    blocks = outline(facts, tr=tr, edited=edited)
    images = chart_images(db, month=month, tr=tr)
    written = atomic_write(path, lambda handle: render(blocks, images, fmt, handle))
    if record:
        issue(db, facts=facts, file_name=written.name)
    return written


def issue(db: Database, *, facts: BriefingFigures, file_name: str = "") -> int:
    """Record ``facts`` as the figures of ``facts.month``'s briefing, issued now."""
    now = dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
    with db.atomic():
        return briefings.insert(
            db, month=facts.month, issued_at=now, figures=facts.record(), file_name=file_name
        )


def compare_with_issued(
    db: Database, *, month: YearMonth, tr: Translate = _default_tr
) -> list[FigureChange]:
    """(figure, as issued, now) for every figure of ``month`` that changed since its last
    briefing was issued; empty when nothing changed or no briefing was issued."""
    issued = briefings.latest(db, month)
    if issued is None:
        return []
    now = figures(db, month=month, tr=tr, lists=False).record()
    return brief.changes(issued.figures, now, tr)


def issued_months(db: Database) -> list[YearMonth]:
    return briefings.months(db)


def notices(db: Database, *, month: YearMonth, tr: Translate = _default_tr) -> list[str]:
    """ "3月通报后，以下数字已修改：…" for the briefing of ``month`` itself (when issued
    before) and for the latest month briefed before it."""
    found: list[str] = []
    previous = briefings.latest_before(db, month)
    for briefed in (month, None if previous is None else previous.month):
        if briefed is None:
            continue
        changed = compare_with_issued(db, month=briefed, tr=tr)
        if changed:
            found.append(brief.changed_notice(briefed, changed, tr))
    return found
