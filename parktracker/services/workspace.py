"""Where databases live and how the app gets one: the user's own, a demo copy, or a given file."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.storage.database import (
    Database,
    check_openable,
    create_database,
    open_database,
)
from parktracker.storage.errors import os_refusal
from parktracker.storage.leftovers import remove_dead
from parktracker.storage.lock import DatabaseLock, LockInfo, acquire, hostname, is_stale, read_lock

APP_NAME = "ParkTracker"
DATABASE_NAME = "parktracker.db"


def data_dir() -> Path:
    """The user's data folder (platformdirs), or PARKTRACKER_DATA_DIR when set (tests, portable)."""
    from parktracker.storage.backup import user_data_dir  # backups fall back to it, too

    return user_data_dir()


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def _populate_reference(db: Database) -> None:
    from parktracker.services.reference import seed_reference  # only when creating a file

    seed_reference(db)


def _exists(path: Path) -> bool:
    """Whether something is at ``path``; what the system refuses to look at (a name too long)
    is refused as opening it would be."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise os_refusal(path, exc) from exc
    return True


def open_or_create(path: Path, *, readonly: bool = False) -> tuple[Database, bool]:
    """Open ``path``; if no file is there, create it with the reference data.

    Returns the database and whether it was created now. An existing file that cannot be
    opened raises a StorageError and is left untouched.
    """
    if not _exists(path) and not readonly:
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
    backup_due: bool = False  # no daily backup yet today: the GUI makes one in the background

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()


def lock_holder(path: Path) -> LockInfo | None:
    """Who holds ``path``'s single-writer lock: another live ParkTracker, on this computer or
    another one; None when the lock is free, ours, or stale (left by a crashed process here).

    Asked before opening, so the user can choose to open read-only or cancel. The lock is only
    taken by :func:`open_for_editing`, which checks again atomically (another instance may
    start in between) and then falls back to read-only with the reason."""
    holder = read_lock(path)
    if holder is None or is_stale(holder):
        return None
    if holder.host == hostname() and holder.pid == os.getpid():
        return None
    return holder


def since_text(since: str) -> str:
    """A lock's ISO time as people read it: this computer's local time, to the minute
    ("2024-05-06 09:30"); anything unparsable as written."""
    try:
        moment = dt.datetime.fromisoformat(since)
    except ValueError:
        return since
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def _holder_args(holder: LockInfo) -> tuple[str, ...]:
    return (holder.user, holder.host, str(holder.pid), since_text(holder.since))


def open_read_only(path: Path, *, holder: LockInfo | None = None) -> OpenedDatabase:
    """Open ``path`` read-only (SQLite ``mode=ro``); with ``holder``, the reason names who has
    it open. Damaged or foreign files raise a StorageError and are left untouched."""
    db = open_database(path, readonly=True)
    if holder is None:
        return OpenedDatabase(db, False, None)
    return OpenedDatabase(db, False, None, M_LOCKED, _holder_args(holder))


def open_for_editing(path: Path, *, readonly: bool = False) -> OpenedDatabase:
    """Open (or create) ``path`` for the GUI: with the single-writer lock if it can be had,
    read-only (with the reason) if another ParkTracker holds it or the file cannot be written.
    Damaged or foreign files raise a StorageError and are left untouched."""
    created = False
    if not _exists(path) and not readonly:
        create_database(path, populate=_populate_reference).close()
        created = True
    check_openable(path)  # a pipe, a device, an unreadable file: refused before any lock
    reason: Text | None = None
    args: tuple[str, ...] = ()
    lock: DatabaseLock | LockInfo | None = None
    if not readonly:
        try:
            lock = acquire(path)
        except OSError:
            reason = M_NOT_WRITABLE
        if isinstance(lock, LockInfo):
            reason, args = M_LOCKED, _holder_args(lock)
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
    if held is not None:
        remove_dead(path)  # what a killed restore, copy or backup left beside it
    from parktracker.services.backups import daily_backup_due

    due = held is not None and not created and daily_backup_due(path)
    return OpenedDatabase(db, created, held, reason, args, backup_due=due)
