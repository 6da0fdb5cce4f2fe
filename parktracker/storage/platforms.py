"""Innovation platforms: how a platform is stored as a row (the rest is
:class:`~parktracker.storage.park_records.ParkRecords`)."""

from __future__ import annotations

import sqlite3
from typing import Any

from parktracker.domain.enums import PlatformKind, PlatformLevel
from parktracker.domain.models import Platform
from parktracker.storage.park_records import ParkRecords
from parktracker.storage.rows import date_in, date_out

TABLE = "platforms"


def to_row(platform: Platform) -> dict[str, Any]:
    return {
        "park_id": platform.park_id,
        "name": platform.name.strip(),
        "level": platform.level.value,
        "kind": platform.kind.value,
        "recognized_date": date_out(platform.recognized_date),
        "notes": platform.notes,
        "sample": int(platform.sample),
    }


def from_row(row: sqlite3.Row) -> Platform:
    return Platform(
        id=row["id"],
        park_id=row["park_id"],
        name=row["name"],
        level=PlatformLevel(row["level"]),
        kind=PlatformKind(row["kind"]),
        recognized_date=date_in(row["recognized_date"]),
        notes=row["notes"],
        sample=bool(row["sample"]),
    )


RECORDS = ParkRecords(TABLE, to_row, from_row)
add = RECORDS.add
save = RECORDS.save
delete = RECORDS.delete
get = RECORDS.get
in_park = RECORDS.in_park
names_in_park = RECORDS.names_in_park
all_platforms = RECORDS.all
