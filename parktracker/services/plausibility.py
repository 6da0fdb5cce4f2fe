"""Reference figures for the fat-finger confirmation (:mod:`parktracker.domain.plausibility`):
what an amount being entered is compared with. None when nothing comparable is stored yet."""

from __future__ import annotations

from parktracker.domain import plausibility as rule
from parktracker.domain.enums import Metric
from parktracker.domain.i18n_markers import Text
from parktracker.domain.money import Money
from parktracker.domain.plausibility import Reference
from parktracker.storage import plausibility as figures
from parktracker.storage.database import Database


def _reference(yuan: int | None, what: Text) -> Reference | None:
    return None if not yuan else Reference(Money(yuan), what)


def project_total_reference(
    db: Database, *, park_id: int, exclude_project_id: int | None = None
) -> Reference | None:
    """A project's planned total: the largest planned total of the park's other projects."""
    largest = figures.largest_planned_total(db, park_id, exclude_id=exclude_project_id)
    return _reference(largest, rule.REF_LARGEST_PROJECT)


def revenue_reference(db: Database, *, park_id: int) -> Reference | None:
    """A month's revenue: the park's usual (median) monthly revenue."""
    usual = rule.usual(Money(y) for y in figures.revenue_months(db, park_id))
    return None if usual is None else Reference(usual, rule.REF_USUAL_REVENUE)


def investment_reference(db: Database, *, park_id: int) -> Reference | None:
    """A month's completed investment: the largest monthly figure reported in the park, or
    else its largest planned total."""
    largest = figures.largest_monthly_investment(db, park_id)
    if largest:
        return Reference(Money(largest), rule.REF_LARGEST_INVESTMENT)
    return project_total_reference(db, park_id=park_id)


def fund_reference(db: Database) -> Reference | None:
    """A fund's scale, paid-in or invested capital: the largest fund scale reported."""
    return _reference(figures.largest_fund_scale(db), rule.REF_LARGEST_FUND)


def target_reference(db: Database, *, metric: Metric) -> Reference | None:
    """A yearly target: the largest target of the same measure stored."""
    return _reference(figures.largest_target(db, metric.value), rule.REF_LARGEST_TARGET)
