"""Consistent copies of a database file (SQLite's backup API), written atomically."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from parktracker.storage.database import Database
from parktracker.storage.errors import WriteFailed


def save_copy(db: Database, target: Path) -> None:
    """Write a consistent copy of ``db`` to ``target``.

    The copy is made under a temporary name in the target folder and renamed into place, so
    a failure (disk full, no permission) never leaves a half-written file at ``target``.
    """
    target = Path(target)
    if target.resolve() == Path(db.path).resolve():
        raise WriteFailed(target, "same file")
    tmp = target.with_name(f".{target.name}.saving-{os.getpid()}")
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        raise WriteFailed(target, getattr(exc, "strerror", None) or str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
