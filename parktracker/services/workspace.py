"""Where databases live and how the app gets one: the user's own, a demo copy, or a given file."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.storage import check_state
from parktracker.storage.database import (
    Database,
    check_openable,
    create_database,
    open_database,
)
from parktracker.storage.errors import os_refusal
from parktracker.storage.leftovers import remove_dead
from parktracker.storage.lock import DatabaseLock, LockInfo, acquire, hostname, is_stale, read_lock

DATABASE_NAME = "parktracker.db"


def data_dir() -> Path:
    """The user's data folder (platformdirs), or PARKTRACKER_DATA_DIR when set (tests, portable)."""
    from parktracker.storage.data_folder import user_data_dir  # backups fall back to it, too

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


# Under parktracker.resources; built by packaging/build_demo_db.py.
SHIPPED_DEMO = ("data", "demo.db")


def shipped_demo() -> Path | None:
    """The prebuilt demo file shipped with the app (equal to what build_demo makes, but for
    ids and times: tests/services/test_services_demo_shipped.py), if it is there."""
    from parktracker.resource_files import resource_path

    path = resource_path(*SHIPPED_DEMO)
    return path if path.is_file() else None


def demo_copy() -> Database:
    """A fresh demo database in a new temporary folder, never the user's own file: a copy of
    the shipped demo file (no sqlite-utils, numpy or building on the way to the first paint),
    or, if that is missing or unusable, one built now."""
    import tempfile

    from parktracker.storage.database import open_copy
    from parktracker.storage.errors import StorageError
    from parktracker.storage.versions import SCHEMA_VERSION

    folder = Path(tempfile.mkdtemp(prefix="parktracker-demo-"))
    target = folder / "parktracker-demo.db"
    shipped = shipped_demo()
    if shipped is not None:
        try:
            db = open_copy(shipped, target)
        except StorageError:
            target.unlink(missing_ok=True)
        else:
            if int(db.scalar("PRAGMA user_version") or 0) == SCHEMA_VERSION:
                return db
            db.close()  # an older schema was migrated: fine, but rebuild to be exact
            target.unlink(missing_ok=True)
    from parktracker.services.demo import build_demo

    return build_demo(target)


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
    # Why a full integrity check is due (check_state.UNKNOWN, UNCLEAN...): the GUI runs it in
    # the background once the window shows. None: the file closed cleanly and was checked lately.
    check_reason: str | None = None
    check_failed: bool = False  # a check found damage: the close is not recorded as clean
    # Opened with ``defer=True``: what :meth:`settle` still has to do once the window shows,
    # and the file's fingerprint taken at open, before this session could write to it.
    settled: bool = True
    seen: check_state.Fingerprint | None = None

    def settle(self) -> None:
        """Finish an open made with ``defer=True`` (the GUI calls this once its first page is
        complete, just before it starts the daily backup and the check): remove what killed
        processes left beside the file, decide whether a full integrity check is due, and
        record the editing session as open. These read and write the user's data folder,
        which the window need not wait for."""
        if self.settled:
            return
        self.settled = True
        if self.lock is not None:
            remove_dead(self.db.path)
        if not self.created:
            self.check_reason = check_state.reason_to_check(self.db, seen=self.seen)
        if self.lock is not None:
            check_state.mark_open(self.db.path)

    @property
    def backup_due(self) -> bool:
        """No daily backup yet today of a file opened for editing: the GUI makes one in the
        background. Asked when it is about to (it lists the backup folders), not at open."""
        if self.lock is None or self.created:
            return False
        from parktracker.services.backups import daily_backup_due

        return daily_backup_due(self.db.path)

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            # Closed before :meth:`settle`: the record stays as it was (an unclean or changed
            # file is still checked next time).
            if self.settled and not self.check_failed:
                check_state.mark_closed(self.db.path)
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


def _settle_now_or_later(opened: OpenedDatabase, *, defer: bool) -> None:
    """An open without the full check: its fingerprint now, the rest by :meth:`settle`, at
    once or (``defer``) when the caller calls it."""
    opened.seen, opened.settled = check_state.fingerprint(opened.db.path), False
    if not defer:
        opened.settle()


def open_read_only(
    path: Path, *, holder: LockInfo | None = None, verify: bool = True, defer: bool = False
) -> OpenedDatabase:
    """Open ``path`` read-only (SQLite ``mode=ro``); with ``holder``, the reason names who has
    it open. Damaged or foreign files raise a StorageError and are left untouched.

    ``verify=False``: no structural check of the whole file now; ``check_reason`` says whether
    one is due (to run in the background); with ``defer`` it is decided by
    :meth:`OpenedDatabase.settle`."""
    db = open_database(path, readonly=True, verify=verify)
    reason, args = (None, ()) if holder is None else (M_LOCKED, _holder_args(holder))
    opened = OpenedDatabase(db, False, None, reason, args)
    if not verify:
        _settle_now_or_later(opened, defer=defer)
    return opened


def open_for_editing(
    path: Path, *, readonly: bool = False, verify: bool = True, defer: bool = False
) -> OpenedDatabase:
    """Open (or create) ``path`` for the GUI: with the single-writer lock if it can be had,
    read-only (with the reason) if another ParkTracker holds it or the file cannot be written.
    Damaged or foreign files raise a StorageError and are left untouched.

    ``verify=False`` (the GUI): no structural check of the whole file before the window shows;
    ``check_reason`` says whether one is due, and an editing session is recorded as open until
    it closes cleanly (see :mod:`parktracker.storage.check_state`); with ``defer`` both wait
    for :meth:`OpenedDatabase.settle`, and so does the removal of leftovers."""
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
        db = open_database(path, readonly=readonly or reason is not None, verify=verify)
    except BaseException:
        if isinstance(lock, DatabaseLock):
            lock.release()
        raise
    held = lock if isinstance(lock, DatabaseLock) and reason is None else None
    if isinstance(lock, DatabaseLock) and held is None:
        lock.release()
    opened = OpenedDatabase(db, created, held, reason, args)
    if verify:
        if held is not None:
            remove_dead(path)  # what a killed restore, copy or backup left beside it
        return opened
    _settle_now_or_later(opened, defer=defer)
    return opened
