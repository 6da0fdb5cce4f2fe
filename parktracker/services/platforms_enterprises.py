"""Adding, editing and deleting innovation platforms and enterprises.

Both are named records of a park, checked and written the same way; what differs (the table,
and the rules of :mod:`parktracker.domain.validation`) is in :class:`_Kind`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from parktracker.domain.models import Enterprise, Platform
from parktracker.domain.validation import (
    ValidationError,
    validate_park_record,
)
from parktracker.storage import enterprises, platforms
from parktracker.storage.database import Database
from parktracker.storage.park_records import ParkRecords

R = TypeVar("R", Platform, Enterprise)


@dataclass(frozen=True, slots=True)
class _Kind(Generic[R]):
    records: ParkRecords[R]

    def check(self, db: Database, record: R) -> None:
        others: Iterable[str] = self.records.names_in_park(db, record.park_id, exclude_id=record.id)
        problems = validate_park_record(record, other_names_in_park=others)
        if problems:
            raise ValidationError(problems)

    def add(self, db: Database, record: R) -> int:
        self.check(db, record)
        with db.atomic():
            return self.records.add(db, record)

    def update(self, db: Database, record: R) -> None:
        assert record.id is not None
        self.check(db, record)
        with db.atomic():
            self.records.save(db, record)

    def delete(self, db: Database, record_id: int) -> None:
        with db.atomic():
            self.records.delete(db, record_id)


_PLATFORMS: _Kind[Platform] = _Kind(platforms.RECORDS)
_ENTERPRISES: _Kind[Enterprise] = _Kind(enterprises.RECORDS)


def add_platform(db: Database, *, platform: Platform) -> int:
    return _PLATFORMS.add(db, platform)


def update_platform(db: Database, *, platform: Platform) -> None:
    _PLATFORMS.update(db, platform)


def delete_platform(db: Database, *, platform_id: int) -> None:
    _PLATFORMS.delete(db, platform_id)


def add_enterprise(db: Database, *, enterprise: Enterprise) -> int:
    return _ENTERPRISES.add(db, enterprise)


def update_enterprise(db: Database, *, enterprise: Enterprise) -> None:
    _ENTERPRISES.update(db, enterprise)


def delete_enterprise(db: Database, *, enterprise_id: int) -> None:
    _ENTERPRISES.delete(db, enterprise_id)
