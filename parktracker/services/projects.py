"""Project use cases: create, edit, advance through stages, delete, record investment."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.models import AnnualPlan, MonthlyInvestment, Project, StageChange
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import (
    STAGE_DATE_FIELD,
    Problem,
    ValidationError,
    errors_only,
    validate_annual_plan,
    validate_completed_investment,
    validate_project,
    validate_stage_dates,
)
from parktracker.storage import investment, projects
from parktracker.storage.database import Database

M_BAD_TRANSITION = QT_TRANSLATE_NOOP("Validation", "A project cannot move from “%1” to “%2”.")
M_DATE_BEFORE_LAST = QT_TRANSLATE_NOOP(
    "Validation", "The date cannot be earlier than the project's last stage change (%1)."
)
M_NOT_FOUND = QT_TRANSLATE_NOOP("Validation", "The record no longer exists.")

# The project date field that a stage change fills in.
_DATE_FIELD = STAGE_DATE_FIELD


def _check(db: Database, project: Project, *, ignore_warnings: bool = False) -> None:
    """Raise on errors, and on warnings that have no stated reason (unless ``ignore_warnings``:
    a stage change is not the place to settle an investment warning)."""
    others = projects.names_in_park(db, project.park_id, exclude_id=project.id)
    completed = investment.completed_total(db, project.id) if project.id is not None else None
    problems = validate_project(project, other_names_in_park=others, completed_total=completed)
    blocking = errors_only(problems) if ignore_warnings else problems
    if blocking:
        raise ValidationError(blocking)


def create_project(
    db: Database,
    *,
    project: Project,
    history: Sequence[tuple[Stage, dt.date]] = (),
) -> int:
    """Store a new project and its stage history in one transaction; returns its id.

    Without ``history``, one entry is made for the project's stage on that stage's own date
    (signing, start, production), which is then required (with the signing date of a signed
    project); only 在谈, which has no date of its own, is dated the day it is entered.
    """
    _check(db, project)
    if not history:  # the entry is dated by the project's own date, so it must be there
        missing = validate_stage_dates(project, new=True)
        if missing:
            raise ValidationError(missing)
    entries = sorted(
        list(history) or [(project.stage, _implied_date(project) or dt.date.today())],
        key=lambda e: e[1],
    )
    # The project's stage is that of its latest history entry: every figure as of a date
    # relies on it (storage.as_of_figures), and ``parktracker check`` holds them equal.
    project = dataclasses.replace(project, stage=entries[-1][0])
    with db.atomic():
        project_id = projects.add(db, project)
        for stage, day in entries:
            projects.add_stage_change(db, StageChange(project_id, stage, day))
    return project_id


def _implied_date(project: Project) -> dt.date | None:
    field = _DATE_FIELD.get(project.stage)
    value = getattr(project, field) if field else None
    return value if isinstance(value, dt.date) else None


def update_project(db: Database, *, project: Project) -> Project:
    """Save edits to a project's fields (not its stage); returns the project as it was.

    An over-plan warning blocks the save until ``project.over_plan_reason`` states a reason."""
    assert project.id is not None
    before = projects.get(db, project.id)
    if before is None:
        raise ValidationError([Problem("name", M_NOT_FOUND)])
    _check(db, project)
    with db.atomic():
        projects.save(db, dataclasses.replace(project, stage=before.stage))
    return before


def advance_stage(
    db: Database, *, project_id: int, stage: Stage, date: dt.date, note: str = ""
) -> StageChange:
    """Move a project to ``stage`` from ``date``: updates the project and its history together."""
    project = projects.get(db, project_id)
    if project is None:
        raise ValidationError([Problem("stage", M_NOT_FOUND)])
    if not project.stage.can_advance_to(stage):
        raise ValidationError(
            [Problem("stage", M_BAD_TRANSITION, args=(project.stage.text, stage.text))]
        )
    past = projects.history(db, project_id)
    if past and date < past[-1].date:
        raise ValidationError([Problem("date", M_DATE_BEFORE_LAST, args=(past[-1].date,))])
    changed = dataclasses.replace(project, stage=stage)
    field = _DATE_FIELD.get(stage)
    if field:
        setattr(changed, field, date)
    _check(db, changed, ignore_warnings=True)
    change = StageChange(project_id, stage, date, note)
    with db.atomic():
        projects.save(db, changed)
        change_id = projects.add_stage_change(db, change)
    return dataclasses.replace(change, id=change_id)


def record_investment(db: Database, *, entries: Sequence[MonthlyInvestment]) -> None:
    """Store completed investment for one or more project-months in one transaction."""
    problems = [
        p
        for e in entries
        for p in validate_completed_investment(e.completed, e.month.year, e.month.month)
    ]
    if problems:
        raise ValidationError(problems)
    with db.atomic():
        for entry in entries:
            investment.set_monthly(db, entry)


def delete_project(db: Database, *, project_id: int) -> None:
    """Delete a project with its stage history and investment figures (one transaction)."""
    with db.atomic():
        projects.delete(db, project_id)


def get_project(db: Database, project_id: int) -> Project | None:
    return projects.get(db, project_id)


def stage_history(db: Database, project_id: int) -> list[StageChange]:
    return projects.history(db, project_id)


def monthly_investment(db: Database, project_id: int) -> list[MonthlyInvestment]:
    return investment.monthly(db, project_id)


def edit_investment(
    db: Database,
    *,
    project_id: int,
    entries: Sequence[MonthlyInvestment] = (),
    cleared: Sequence[YearMonth] = (),
    annual_plans: Sequence[tuple[int, Money | None]] = (),
) -> None:
    """The monthly investment grid's save, in one transaction: record ``entries`` (through
    :func:`record_investment`), delete the months in ``cleared``, and set each ``(year,
    amount)`` planned investment (an amount of None deletes that year's plan)."""
    problems = [
        p
        for year, planned in annual_plans
        if planned is not None
        for p in validate_annual_plan(planned, year)
    ]
    if problems:
        raise ValidationError(problems)
    with db.atomic():
        record_investment(db, entries=entries)
        for month in cleared:
            investment.delete_monthly(db, project_id, month)
        for year, planned in annual_plans:
            if planned is None:
                investment.delete_annual_plan(db, project_id, year)
            else:
                investment.set_annual_plan(db, AnnualPlan(project_id, year, planned))


def annual_plans(db: Database, project_id: int) -> list[AnnualPlan]:
    return investment.annual_plans(db, project_id)
