"""Where databases live and how the app gets one: the user's own, a demo copy, or a given file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from parktracker.services.reference import seed_reference
from parktracker.storage.database import Database, create_database, open_database

APP_NAME = "ParkTracker"
DATABASE_NAME = "parktracker.db"


def data_dir() -> Path:
    """The user's data folder (platformdirs), or PARKTRACKER_DATA_DIR when set (tests, portable)."""
    override = os.environ.get("PARKTRACKER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def _populate_reference(db: Database) -> None:
    seed_reference(db)


def open_or_create(path: Path, *, readonly: bool = False) -> tuple[Database, bool]:
    """Open ``path``; if no file is there, create it with the reference data.

    Returns the database and whether it was created now. An existing file that cannot be
    opened raises a StorageError and is left untouched.
    """
    if not path.exists() and not readonly:
        return create_database(path, populate=_populate_reference), True
    return open_database(path, readonly=readonly), False


def demo_copy() -> Database:
    """A fresh demo database in a new temporary folder, never the user's own file."""
    from parktracker.services.demo import build_demo

    folder = Path(tempfile.mkdtemp(prefix="parktracker-demo-"))
    return build_demo(folder / "parktracker-demo.db")
