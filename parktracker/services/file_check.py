"""The background integrity check of an open file: run it, and record what it found.

See :mod:`parktracker.storage.check_state` for when a check is due and where results are kept.
"""

from __future__ import annotations

from pathlib import Path

from parktracker.storage import check_state
from parktracker.storage.database import Database
from parktracker.storage.errors import DatabaseDamaged

MAX_AGE_DAYS = check_state.MAX_AGE_DAYS


def check_file(path: Path) -> DatabaseDamaged | None:
    """SQLite's full integrity check of ``path`` on its own read-only connection (safe to call
    from a worker thread): the damage found, or None for a sound file."""
    return check_state.full_check(Path(path))


def record_result(*, db: Database, damage: DatabaseDamaged | None) -> bool:
    """Record the result in the open database's meta table; False if it could not be."""
    return check_state.record_result(db, damage)


def last_result(*, db: Database) -> tuple[str | None, str | None]:
    """(when, what) of the last recorded check: an ISO time and "ok" or the finding."""
    return db.meta(check_state.CHECKED_AT), db.meta(check_state.RESULT)
