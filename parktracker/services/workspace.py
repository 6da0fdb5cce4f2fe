"""Where databases live and how the app gets one: the user's own, a demo copy, or a given file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.storage.database import Database, create_database, open_database
from parktracker.storage.lock import DatabaseLock, LockInfo, acquire

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
    from parktracker.services.reference import seed_reference  # only when creating a file

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
    import tempfile

    from parktracker.services.demo import build_demo

    folder = Path(tempfile.mkdtemp(prefix="parktracker-demo-"))
    return build_demo(folder / "parktracker-demo.db")


M_LOCKED = QT_TRANSLATE_NOOP(
    "Workspace",
    "Read-only: %1 has this database open on %2 (process %3) since %4."
    " Close it there to edit here.",
)
M_NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "Workspace", "Read-only: the file or its folder cannot be written. Changes cannot be saved."
)


@dataclass
class OpenedDatabase:
    """A database opened for the GUI, with its lock, or the reason it is read-only."""

    db: Database
    created: bool
    lock: DatabaseLock | None
    readonly_reason: Text | None = None
    reason_args: tuple[str, ...] = ()

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()


def open_for_editing(path: Path, *, readonly: bool = False) -> OpenedDatabase:
    """Open (or create) ``path`` for the GUI: with the single-writer lock if it can be had,
    read-only (with the reason) if another ParkTracker holds it or the file cannot be written.
    Damaged or foreign files raise a StorageError and are left untouched."""
    created = False
    if not path.exists() and not readonly:
        create_database(path, populate=_populate_reference).close()
        created = True
    reason: Text | None = None
    args: tuple[str, ...] = ()
    lock: DatabaseLock | LockInfo | None = None
    if not readonly:
        try:
            lock = acquire(path)
        except OSError:
            reason = M_NOT_WRITABLE
        if isinstance(lock, LockInfo):
            reason, args = M_LOCKED, (lock.user, lock.host, str(lock.pid), lock.since)
            lock = None
        elif not os.access(path, os.W_OK):
            reason = M_NOT_WRITABLE
    try:
        db = open_database(path, readonly=readonly or reason is not None)
    except BaseException:
        if isinstance(lock, DatabaseLock):
            lock.release()
        raise
    held = lock if isinstance(lock, DatabaseLock) and reason is None else None
    if isinstance(lock, DatabaseLock) and held is None:
        lock.release()
    return OpenedDatabase(db, created, held, reason, args)
