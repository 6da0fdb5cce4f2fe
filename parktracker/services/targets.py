"""Targets per year, scope (all parks or one park) and metric."""

from __future__ import annotations

from parktracker.domain.enums import Metric
from parktracker.domain.models import Target
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
