"""``parktracker check``: SQLite integrity plus the domain's consistency rules.

Three outcomes, three exit codes (``parktracker check``):

* **damaged or foreign** (exit 2): a file that SQLite's ``integrity_check`` faults, holding a
  value that cannot be read, or holding schema parts ParkTracker did not create, raises
  :class:`~parktracker.storage.errors.DatabaseDamaged`, the error that opening a damaged file
  raises, with the same one-line message;
* **errors** (exit 1): records that break a rule the application itself enforces on entry (dates
  running backwards, paid-in above the fund's scale, an amount above the ceiling, a reference
  to nothing...). They can only come from outside edits or older versions; fix them first;
* **warnings** (exit 0): consistency findings the application allows but an officer should look
  at (a project in production with no completed investment reported, a project in production
  with no start date, a stage history that goes backwards...). The file is sound: warnings are
  listed, and alone they never make the file look damaged or faulty.

Every rule is one set-based query in :mod:`parktracker.storage.consistency` (no query per
record), so ``check`` stays fast on 100,000 projects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from parktracker.domain import validation as v
from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill
from parktracker.domain.money import MAX_AMOUNT_YUAN, Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import Problem, Severity
from parktracker.storage import consistency, integrity, sound_file
from parktracker.storage.database import Database

CONSTRUCTION_GRACE_MONTHS = 6
"""A project under construction for this many months with no completed investment reported
is a finding (a start needs some months before its first figures come in)."""

M_NO_HISTORY = QT_TRANSLATE_NOOP("Check", "Project “%1” (id %2) has no stage history.")
M_STAGE_MISMATCH = QT_TRANSLATE_NOOP(
    "Check", "Project “%1” (id %2) is marked “%3” but its stage history ends in “%4”."
)
M_NO_FIGURES = QT_TRANSLATE_NOOP("Check", "Fund “%1” (id %2) has no reported figures.")
M_FOREIGN_KEY = QT_TRANSLATE_NOOP(
    "Check", "Table %1, row %2 refers to a record of %3 that does not exist."
)
M_BAD_MONTH = QT_TRANSLATE_NOOP("Check", "Table %1, row %2: “%3” is not a valid month.")
M_REVENUE_TABLE = QT_TRANSLATE_NOOP("Check", "revenue")
M_INVESTMENT_TABLE = QT_TRANSLATE_NOOP("Check", "monthly completed investment")
_TABLE_NAMES = {"revenue": M_REVENUE_TABLE, "project_monthly_investment": M_INVESTMENT_TABLE}
M_RECORD = QT_TRANSLATE_NOOP("Check", "%1 “%2” (id %3): %4")
M_PROJECT = QT_TRANSLATE_NOOP("Check", "Project")
M_FUND = QT_TRANSLATE_NOOP("Check", "Fund")
M_PRODUCTION_NO_INVESTMENT = QT_TRANSLATE_NOOP(
    "Check", "Project “%1” (id %2) is in production but has no completed investment reported."
)
M_CONSTRUCTION_NO_INVESTMENT = QT_TRANSLATE_NOOP(
    "Check",
    "Project “%1” (id %2) has been under construction since %3 but has no completed"
    " investment reported.",
)
M_NO_START_DATE = QT_TRANSLATE_NOOP(
    "Check", "Project “%1” (id %2) is “%3” but has no actual start date."
)
M_NO_SIGNED_DATE = QT_TRANSLATE_NOOP(
    "Check", "Project “%1” (id %2) is past signing but has no signing date."
)
M_HISTORY_BACKWARDS = QT_TRANSLATE_NOOP(
    "Check", "Project “%1” (id %2): its stage history goes back from “%3” to “%4” on %5."
)
M_OVER_CEILING = QT_TRANSLATE_NOOP(
    "Check", "Table %1, row %2 holds %3 yuan, above the ceiling of %4 yuan for one amount."
)
_DATE_RULES = {
    "actual_start_date": v.M_START_BEFORE_SIGNED,
    "production_date": v.M_PRODUCTION_BEFORE_START,
    "production_before_signed": v.M_PRODUCTION_BEFORE_SIGNED,
    "planned_completion_date": v.M_COMPLETION_BEFORE_START,
}


class Finding:
    """One problem found by the check, renderable in the user's language."""

    def __init__(
        self,
        message: Text,
        *args: object,
        detail: Problem | None = None,
        severity: Severity | None = None,
    ) -> None:
        self.message = message
        self.args = args
        self.detail = detail
        if severity is None:
            severity = Severity.ERROR if detail is None else detail.severity
        self.severity = severity

    def render(self, translate: Callable[[Text], str] | None = None) -> str:
        def tr(text: Text) -> str:
            return translate(text) if translate is not None else text.source

        text = tr(self.message)
        args = [tr(a) if isinstance(a, Text) else str(a) for a in self.args]
        if self.detail is not None:
            args.append(self.detail.render(tr))
        return fill(text, args)


def check_database(db: Database, *, today: dt.date | None = None) -> list[Finding]:
    """Every consistency problem of a sound file; raises DatabaseDamaged for a damaged one
    (the rules run while SQLite checks the file, and count only once it is found sound)."""
    return sound_file.while_checking(db, lambda: _findings(db, today or dt.date.today()))


def _findings(db: Database, today: dt.date) -> list[Finding]:
    findings = [Finding(M_FOREIGN_KEY, *v) for v in integrity.foreign_key_violations(db)]
    findings += [
        Finding(M_NO_HISTORY, name, pid) for pid, name in integrity.projects_without_history(db)
    ]
    findings += [
        Finding(M_STAGE_MISMATCH, name, pid, Stage(stage).text, Stage(last).text)
        for pid, name, stage, last in integrity.stage_mismatches(db)
    ]
    findings += [
        Finding(M_NO_FIGURES, name, fid) for fid, name in integrity.funds_without_figures(db)
    ]
    findings += [
        Finding(M_BAD_MONTH, _TABLE_NAMES.get(t, t), rid, m)
        for t, rid, m in integrity.bad_months(db)
    ]
    findings += _project_findings(db, today=today)
    findings += _fund_findings(db)
    findings += [
        Finding(M_OVER_CEILING, table, rid, yuan, MAX_AMOUNT_YUAN)
        for table, rid, yuan in consistency.amounts_above_ceiling(db)
    ]
    return findings


def _project_findings(db: Database, *, today: dt.date) -> list[Finding]:
    warning = Severity.WARNING
    findings = [
        Finding(M_RECORD, M_PROJECT, name, pid, detail=Problem(field, _DATE_RULES[field]))
        for pid, name, field in consistency.date_order_violations(db)
    ]
    findings += [
        Finding(M_PRODUCTION_NO_INVESTMENT, name, pid, severity=warning)
        for pid, name in consistency.in_production_without_investment(db)
    ]
    this_month = YearMonth(today.year, today.month).add(-CONSTRUCTION_GRACE_MONTHS)
    findings += [
        Finding(M_CONSTRUCTION_NO_INVESTMENT, name, pid, since, severity=warning)
        for pid, name, since in consistency.long_construction_without_investment(
            db, started_before=dt.date(this_month.year, this_month.month, 1)
        )
    ]
    findings += [
        Finding(M_NO_START_DATE, name, pid, Stage(stage).text, severity=warning)
        for pid, name, stage in consistency.started_without_start_date(db)
    ]
    findings += [
        Finding(M_NO_SIGNED_DATE, name, pid, severity=warning)
        for pid, name in consistency.signed_without_signing_date(db)
    ]
    findings += [
        Finding(
            M_HISTORY_BACKWARDS,
            name,
            pid,
            Stage(prev).text,
            Stage(stage).text,
            day,
            severity=warning,
        )
        for pid, name, day, stage, prev in consistency.history_out_of_order(db)
    ]
    findings += [
        Finding(
            M_RECORD,
            M_PROJECT,
            name,
            pid,
            detail=Problem(
                "over_plan_reason",
                v.M_OVER_PLAN,
                warning,
                (Money(completed).format(), Money(planned).format()),
            ),
        )
        for pid, name, completed, planned in consistency.over_plan_without_reason(db)
    ]
    return findings


def _fund_findings(db: Database) -> list[Finding]:
    findings = []
    for fid, name, rule, figure, limit in consistency.fund_figure_violations(db):
        if rule == "date":
            problem = Problem("date", v.M_UPDATE_BEFORE_FUND)
        elif rule == "paid_in":
            problem = Problem(
                "paid_in",
                v.M_PAID_IN_OVER_SCALE,
                args=(Money(figure).format(), Money(limit).format()),
            )
        else:
            problem = Problem(
                "invested",
                v.M_INVESTED_OVER_PAID_IN,
                args=(Money(figure).format(), Money(limit).format()),
            )
        findings.append(Finding(M_RECORD, M_FUND, name, fid, detail=problem))
    return findings


def is_blocking(finding: Finding) -> bool:
    """An error (exit 1), as opposed to a consistency warning (listed, exit 0)."""
    return finding.severity is Severity.ERROR
