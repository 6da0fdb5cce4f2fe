"""Fund use cases: funds and their dated figures (scale, paid-in, invested)."""

from __future__ import annotations

from parktracker.domain.models import Fund, FundUpdate
from parktracker.domain.validation import ValidationError, validate_fund, validate_fund_update
from parktracker.storage import funds
from parktracker.storage.database import Database


def _check_fund(db: Database, fund: Fund) -> None:
    others = funds.names_in_scope(db, fund.park_id, exclude_id=fund.id)
    problems = validate_fund(fund, other_names_in_park=others)
    if problems:
        raise ValidationError(problems)


def _check_update(db: Database, update: FundUpdate, fund: Fund | None) -> None:
    problems = validate_fund_update(
        update, established=None if fund is None else fund.established_date
    )
    if problems:
        raise ValidationError(problems)


def add_fund(db: Database, *, fund: Fund, first_figures: FundUpdate | None = None) -> int:
    """Store a fund and, if given, its first reported figures, in one transaction."""
    _check_fund(db, fund)
    if first_figures is not None:
        _check_update(db, first_figures, fund)
    with db.atomic():
        fund_id = funds.add(db, fund)
        if first_figures is not None:
            funds.add_update(
                db,
                FundUpdate(
                    fund_id,
                    first_figures.date,
                    first_figures.scale,
                    first_figures.paid_in,
                    first_figures.invested,
                    first_figures.note,
                ),
            )
    return fund_id


def update_fund(db: Database, *, fund: Fund) -> None:
    assert fund.id is not None
    _check_fund(db, fund)
    with db.atomic():
        funds.save(db, fund)


def record_fund_figures(db: Database, *, update: FundUpdate) -> int:
    """Add a dated report of a fund's scale, paid-in and invested amounts."""
    _check_update(db, update, funds.get(db, update.fund_id))
    with db.atomic():
        return funds.add_update(db, update)


def delete_fund(db: Database, *, fund_id: int) -> None:
    with db.atomic():
        funds.delete(db, fund_id)


def delete_fund_figures(db: Database, *, update_id: int) -> None:
    with db.atomic():
        funds.delete_update(db, update_id)
