"""What the Platforms & Enterprises page and its forms read: the rows of each tab (with the
park's short name), one record, and the names already used in a park."""

from __future__ import annotations

from dataclasses import dataclass

from parktracker.domain.enums import EnterpriseTag
from parktracker.domain.models import Enterprise, Platform
from parktracker.storage import enterprises, parks, platforms
from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class PlatformRow:
    platform: Platform
    park_name: str  # the park's short name

    @property
    def id(self) -> int:
        assert self.platform.id is not None
        return self.platform.id

    @property
    def name(self) -> str:
        return self.platform.name


@dataclass(frozen=True, slots=True)
class EnterpriseRow:
    enterprise: Enterprise
    park_name: str  # the park's short name

    @property
    def id(self) -> int:
        assert self.enterprise.id is not None
        return self.enterprise.id

    @property
    def name(self) -> str:
        return self.enterprise.name

    @property
    def tags(self) -> list[EnterpriseTag]:
        """The enterprise's tags in their usual order (chain leader first)."""
        return [tag for tag in EnterpriseTag if tag in self.enterprise.tags]


def _short_names(db: Database) -> dict[int | None, str]:
    return {p.id: p.short_name for p in parks.all_parks(db)}


def list_platforms(db: Database) -> list[PlatformRow]:
    names = _short_names(db)
    return [PlatformRow(p, names.get(p.park_id, "")) for p in platforms.RECORDS.all(db)]


def list_enterprises(db: Database) -> list[EnterpriseRow]:
    names = _short_names(db)
    return [EnterpriseRow(e, names.get(e.park_id, "")) for e in enterprises.RECORDS.all(db)]


def get_platform(db: Database, platform_id: int) -> Platform | None:
    return platforms.RECORDS.get(db, platform_id)


def get_enterprise(db: Database, enterprise_id: int) -> Enterprise | None:
    return enterprises.RECORDS.get(db, enterprise_id)


def platform_names_in_park(
    db: Database, park_id: int, *, exclude_id: int | None = None
) -> list[str]:
    return platforms.RECORDS.names_in_park(db, park_id, exclude_id=exclude_id)


def enterprise_names_in_park(
    db: Database, park_id: int, *, exclude_id: int | None = None
) -> list[str]:
    return enterprises.RECORDS.names_in_park(db, park_id, exclude_id=exclude_id)
