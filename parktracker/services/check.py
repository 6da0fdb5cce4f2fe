"""``parktracker check``: SQLite integrity plus the domain's consistency rules.

Damage is not a finding: a file that SQLite's ``integrity_check`` faults, or holding a value
that cannot be read, raises :class:`~parktracker.storage.errors.DatabaseDamaged`, the error
that opening a damaged file raises, with the same one-line message. ``parktracker check`` so
reports every unusable file (missing, empty, not SQLite, foreign, too new, damaged, or with
schema parts ParkTracker did not create) with the message the app shows, and exits with 2;
findings are left for files that are sound but whose records break a consistency rule (exit 1).
"""

from __future__ import annotations

from collections.abc import Callable

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill
from parktracker.domain.validation import Problem, Severity, validate_fund_update, validate_project
from parktracker.storage import funds, integrity, investment, parks, projects
from parktracker.storage.database import Database

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


class Finding:
    """One problem found by the check, renderable in the user's language."""

    def __init__(self, message: Text, *args: object, detail: Problem | None = None) -> None:
        self.message = message
        self.args = args
        self.detail = detail

    def render(self, translate: Callable[[Text], str] | None = None) -> str:
        def tr(text: Text) -> str:
            return translate(text) if translate is not None else text.source

        text = tr(self.message)
        args = [tr(a) if isinstance(a, Text) else str(a) for a in self.args]
        if self.detail is not None:
            args.append(self.detail.render(tr))
        return fill(text, args)


def check_database(db: Database) -> list[Finding]:
    """Every consistency problem of a sound file; raises DatabaseDamaged for a damaged one."""
    damaged = integrity.damage(db) or integrity.tampering(db)
    if damaged is not None:
        raise damaged  # the rest would read damaged pages, or not ParkTracker's rules
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
    for park in parks.all_parks(db):
        assert park.id is not None
        for project in projects.in_park(db, park.id):
            assert project.id is not None
            completed = investment.completed_total(db, project.id)
            for problem in validate_project(project, completed_total=completed):
                findings.append(
                    Finding(M_RECORD, M_PROJECT, project.name, project.id, detail=problem)
                )
    for fund in funds.all_funds(db):
        assert fund.id is not None
        for update in funds.updates(db, fund.id):
            for problem in validate_fund_update(update, established=fund.established_date):
                findings.append(Finding(M_RECORD, M_FUND, fund.name, fund.id, detail=problem))
    return findings


def is_blocking(finding: Finding) -> bool:
    return finding.detail is None or finding.detail.severity is Severity.ERROR
