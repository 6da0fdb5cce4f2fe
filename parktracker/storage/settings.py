"""Shared settings of a database file (key/value), such as the warning thresholds: stored in
the file so every officer who opens it sees the same lights. Written through the audited
writers, so a change is in the audit log and can be undone."""

from __future__ import annotations

from collections.abc import Mapping

from parktracker.storage import audit
from parktracker.storage.database import Database

TABLE = "settings"


def read_all(db: Database, prefix: str) -> dict[str, str]:
    """Every setting whose key starts with ``prefix`` (the prefix removed from the keys)."""
    rows = db.query(
        "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", [len(prefix), prefix]
    )
    return {str(r[0])[len(prefix) :]: str(r[1]) for r in rows}


def write_all(db: Database, prefix: str, values: Mapping[str, str]) -> None:
    """Set each ``prefix + key`` to its value (one audited row per changed key)."""
    with db.atomic():
        for key, value in values.items():
            full = prefix + key
            existing = db.query("SELECT id, value FROM settings WHERE key = ?", [full])
            if not existing:
                audit.insert(db, TABLE, {"key": full, "value": value})
            elif existing[0][1] != value:
                audit.update(db, TABLE, int(existing[0][0]), {"value": value})
