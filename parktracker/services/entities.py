"""Innovation platforms and enterprises."""

from __future__ import annotations

from parktracker.domain.models import Enterprise, Platform
from parktracker.domain.validation import ValidationError, validate_enterprise, validate_platform
from parktracker.storage import enterprises, platforms
from parktracker.storage.database import Database


def add_platform(db: Database, *, platform: Platform) -> int:
    _check_platform(db, platform)
    with db.atomic():
        return platforms.add(db, platform)


def update_platform(db: Database, *, platform: Platform) -> None:
    assert platform.id is not None
    _check_platform(db, platform)
    with db.atomic():
        platforms.save(db, platform)


def delete_platform(db: Database, *, platform_id: int) -> None:
    with db.atomic():
        platforms.delete(db, platform_id)


def _check_platform(db: Database, platform: Platform) -> None:
    others = platforms.names_in_park(db, platform.park_id, exclude_id=platform.id)
    problems = validate_platform(platform, other_names_in_park=others)
    if problems:
        raise ValidationError(problems)


def add_enterprise(db: Database, *, enterprise: Enterprise) -> int:
    _check_enterprise(db, enterprise)
    with db.atomic():
        return enterprises.add(db, enterprise)


def update_enterprise(db: Database, *, enterprise: Enterprise) -> None:
    assert enterprise.id is not None
    _check_enterprise(db, enterprise)
    with db.atomic():
        enterprises.save(db, enterprise)


def delete_enterprise(db: Database, *, enterprise_id: int) -> None:
    with db.atomic():
        enterprises.delete(db, enterprise_id)


def _check_enterprise(db: Database, enterprise: Enterprise) -> None:
    others = enterprises.names_in_park(db, enterprise.park_id, exclude_id=enterprise.id)
    problems = validate_enterprise(enterprise, other_names_in_park=others)
    if problems:
        raise ValidationError(problems)
