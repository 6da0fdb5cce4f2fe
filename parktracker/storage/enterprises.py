"""Enterprises and their tags (chain leader, little giant, above-scale, high-tech): how an
enterprise is stored as a row (the rest is
:class:`~parktracker.storage.park_records.ParkRecords`)."""

from __future__ import annotations

import sqlite3
from typing import Any

from parktracker.domain.enums import EnterpriseTag
from parktracker.domain.models import Enterprise
from parktracker.storage.park_records import ParkRecords
from parktracker.storage.rows import date_in, date_out

TABLE = "enterprises"
TAG_COLUMNS = {
    EnterpriseTag.CHAIN_LEADER: "is_chain_leader",
    EnterpriseTag.LITTLE_GIANT: "is_little_giant",
    EnterpriseTag.ABOVE_SCALE: "is_above_scale",
    EnterpriseTag.HIGH_TECH: "is_high_tech",
}


def to_row(enterprise: Enterprise) -> dict[str, Any]:
    return {
        "park_id": enterprise.park_id,
        "name": enterprise.name.strip(),
        **{column: int(tag in enterprise.tags) for tag, column in TAG_COLUMNS.items()},
        "joined_date": date_out(enterprise.joined_date),
        "notes": enterprise.notes,
        "sample": int(enterprise.sample),
    }


def tags_of(row: sqlite3.Row) -> frozenset[EnterpriseTag]:
    return frozenset(tag for tag, column in TAG_COLUMNS.items() if row[column])


def from_row(row: sqlite3.Row) -> Enterprise:
    return Enterprise(
        id=row["id"],
        park_id=row["park_id"],
        name=row["name"],
        tags=tags_of(row),
        joined_date=date_in(row["joined_date"]),
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
all_enterprises = RECORDS.all
