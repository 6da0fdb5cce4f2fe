"""Fund use cases: funds and their dated figures (scale, paid-in, invested)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.models import Fund, FundUpdate
from parktracker.domain.money import Money
from parktracker.domain.validation import (
    M_UPDATE_BEFORE_FUND,
    Problem,
    ValidationError,
    validate_fund,
    validate_fund_update,
)
from parktracker.services.projects import M_NOT_FOUND
from parktracker.storage import funds
from parktracker.storage.database import Database

M_LAST_FIGURES = QT_TRANSLATE_NOOP(
    "Validation", "A fund keeps at least one report of its figures; delete the fund instead."
)


def _check_fund(db: Database, fund: Fund) -> None:
    others = funds.names_in_scope(db, fund.park_id, exclude_id=fund.id)
    problems = validate_fund(fund, other_names_in_park=others)
    # An edit may not move the establishment date after figures already reported.
    established = fund.established_date
    if (
        fund.id is not None
        and established is not None
        and any(u.date < established for u in funds.updates(db, fund.id))
    ):
        problems.append(Problem("established_date", M_UPDATE_BEFORE_FUND))
    if problems:
        raise ValidationError(problems)


def _check_update(db: Database, update: FundUpdate, fund: Fund | None) -> None:
    problems = validate_fund_update(
        update, established=None if fund is None else fund.established_date
    )
    if problems:
        raise ValidationError(problems)


def add_fund(db: Database, *, fund: Fund, first_figures: FundUpdate | None = None) -> int:
    """Store a fund and its first reported figures in one transaction.

    Every fund keeps at least one report of its figures (``check`` insists on it); without
    ``first_figures`` the fund starts with zeros on its establishment date (or today).
    """
    if first_figures is None:
        zero = Money.zero()
        first_figures = FundUpdate(0, fund.established_date or dt.date.today(), zero, zero, zero)
    _check_fund(db, fund)
    _check_update(db, first_figures, fund)
    with db.atomic():
        fund_id = funds.add(db, fund)
        funds.add_update(db, dataclasses.replace(first_figures, fund_id=fund_id, id=None))
    return fund_id


def update_fund(db: Database, *, fund: Fund) -> None:
    assert fund.id is not None
    _check_fund(db, fund)
    with db.atomic():
        funds.save(db, fund)


def record_fund_figures(db: Database, *, update: FundUpdate) -> int:
    """Add a dated report of a fund's scale, paid-in and invested amounts."""
    fund = funds.get(db, update.fund_id)
    if fund is None:
        raise ValidationError([Problem("name", M_NOT_FOUND)])
    _check_update(db, update, fund)
    with db.atomic():
        return funds.add_update(db, update)


def delete_fund(db: Database, *, fund_id: int) -> None:
    with db.atomic():
        funds.delete(db, fund_id)


def delete_fund_figures(db: Database, *, update_id: int) -> None:
    """Delete one report of figures; a fund's last report stays (delete the fund instead)."""
    if funds.update_count_of_fund_with_update(db, update_id) <= 1:
        raise ValidationError([Problem("date", M_LAST_FIGURES)])
    with db.atomic():
        funds.delete_update(db, update_id)
