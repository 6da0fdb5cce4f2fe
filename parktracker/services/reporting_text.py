"""The reporting status in words, shared by the dashboard, the charts and ``summary``:
"2024年4月：营收1/8个园区已报送，投资0/8个园区已报送，显示截至2024年3月底" and
"暂定：营收未报齐（缺 人工智能、虚拟现实）"."""

from __future__ import annotations

from collections.abc import Callable

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.periods import YearMonth, month_text
from parktracker.domain.reporting import Measure, MonthCount, Provisional, park_list
from parktracker.services.reporting import AsOfReport

Translate = Callable[..., str]

T_CLAUSE_SEPARATOR = QT_TRANSLATE_NOOP("Reporting", "; ")
T_MEASURE_COUNT = QT_TRANSLATE_NOOP("Reporting", "%1 reported by %2 of %3 parks")
T_MONTH_COUNT = QT_TRANSLATE_NOOP("Reporting", "%1: %2")
T_PENDING = QT_TRANSLATE_NOOP("Reporting", "%1: %2; showing figures to the end of %3")
T_PROVISIONAL = QT_TRANSLATE_NOOP("Reporting", "Provisional: %1 not reported by %2")
T_PROVISIONAL_MARK = QT_TRANSLATE_NOOP("Reporting", "Provisional")
T_PROVISIONAL_HEADLINE = QT_TRANSLATE_NOOP("Reporting", "%1 (provisional)")
T_MEASURE_TITLE = {
    Measure.REVENUE: QT_TRANSLATE_NOOP("Reporting", "Revenue"),
    Measure.INVESTMENT: QT_TRANSLATE_NOOP("Reporting", "Investment"),
}


def pending_line(report: AsOfReport, tr: Translate) -> str | None:
    """The first month after the month of figures that some park has not reported, with how
    many parks reported it, per measure still owed (None: there is no such month)."""
    months: dict[YearMonth, list[MonthCount]] = {}
    for count in report.pending:
        months.setdefault(count.month, []).append(count)
    for month, counts in months.items():
        owed = [c for c in counts if not c.complete]
        if not owed or report.month is None:
            continue
        parts = [
            tr(T_MEASURE_COUNT, tr(T_MEASURE_TITLE[c.measure]), c.reported, c.due) for c in owed
        ]
        clauses = str(tr(T_CLAUSE_SEPARATOR)).join(parts)
        return str(tr(T_PENDING, month_text(month, tr), clauses, month_text(report.month, tr)))
    return None


def month_count_line(count: MonthCount, tr: Translate) -> str:
    """ "2024-04: Revenue reported by 1 of 8 parks"."""
    clause = tr(T_MEASURE_COUNT, tr(T_MEASURE_TITLE[count.measure]), count.reported, count.due)
    return str(tr(T_MONTH_COUNT, month_text(count.month, tr), clause))


def provisional_line(gap: Provisional, tr: Translate) -> str:
    """ "Provisional: revenue not reported by 人工智能, 虚拟现实"."""
    return str(tr(T_PROVISIONAL, tr(gap.measure.text), park_list(gap.missing_parks, tr)))


def report_lines(report: AsOfReport, tr: Translate) -> list[str]:
    """Every line the status has to say (nothing when every month shown is complete)."""
    lines = [provisional_line(g, tr) for g in (report.revenue, report.investment) if g]
    pending = pending_line(report, tr)
    if pending is not None:
        lines.append(pending)
    return lines


__all__ = [
    "T_PROVISIONAL_HEADLINE",
    "T_PROVISIONAL_MARK",
    "month_count_line",
    "month_text",
    "park_list",
    "pending_line",
    "provisional_line",
    "report_lines",
]
