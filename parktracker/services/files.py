"""File operations on whole databases (copies now; backups and restore come with issue 5)."""

from __future__ import annotations

from pathlib import Path

from parktracker.storage import backup
from parktracker.storage.database import Database


def save_copy(db: Database, target: Path) -> None:
    """Write a consistent copy of the open database to ``target`` (atomically)."""
    backup.save_copy(db, target)
