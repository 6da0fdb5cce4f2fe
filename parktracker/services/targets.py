"""Targets per year, scope (all parks or one park) and metric."""

from __future__ import annotations

from collections.abc import Mapping

from parktracker.domain.enums import Metric
from parktracker.domain.models import Target
from parktracker.domain.money import Money
from parktracker.domain.validation import ValidationError, validate_target
from parktracker.storage import targets
from parktracker.storage.database import Database


def set_target(db: Database, *, target: Target) -> int:
    problems = validate_target(target)
    if problems:
        raise ValidationError(problems)
    with db.atomic():
        return targets.set_target(db, target)


def get_target(
    db: Database, *, year: int, metric: Metric, park_id: int | None = None
) -> Target | None:
    return targets.get(db, year, metric, park_id=park_id)


def park_targets(db: Database, *, year: int, metric: Metric) -> dict[int, Money]:
    """Each park's own target for the year (parks without one are left out)."""
    return targets.of_parks(db, year, metric)


def set_park_targets(
    db: Database, *, year: int, metric: Metric, amounts: Mapping[int, Money | None]
) -> None:
    """Set (or, for None, remove) each park's own target for ``year`` in one transaction; the
    targets of parks not in ``amounts`` and the all-parks target stay as they are."""
    problems = [
        problem
        for park_id, amount in amounts.items()
        if amount is not None
        for problem in validate_target(Target(year, metric, amount, park_id=park_id))
    ]
    if problems:
        raise ValidationError(problems)
    with db.atomic():
        for park_id, amount in amounts.items():
            if amount is None:
                targets.clear(db, year, metric, park_id=park_id)
                continue
            existing = targets.get(db, year, metric, park_id=park_id)
            note = "" if existing is None else existing.note
            if existing is None or existing.amount != amount:
                targets.set_target(db, Target(year, metric, amount, park_id=park_id, note=note))
