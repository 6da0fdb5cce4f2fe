"""Automatic and manual backups, their retention, and restoring one.

When backups are made (each a consistent, verified copy: :mod:`parktracker.storage.backup`):

* ``daily``: when the GUI opens a database for editing and no daily backup of it was made
  today (in the background, so the window never waits);
* ``pre-migration``: before a schema upgrade of a file that holds data;
* ``pre-import``: before an import writes anything (:func:`backup_before_import`);
* ``manual``: File → Back Up Now, or ``parktracker backup --db PATH``;
* ``pre-restore``: the current state, just before a restore replaces it.

Where: ``<db folder>/<db stem>-backups/``, or the user data folder when the database's folder
cannot be written (see :func:`parktracker.storage.backup.backup_folders`).

Retention (applied after every backup, to all backups of that database):

* daily backups: the 7 newest; the newest of each of the 4 newest ISO weeks that have one; the
  newest of each of the 12 newest months that have one (so about a year back, at most 23
  files);
* manual, pre-migration, pre-import and pre-restore backups: 90 days;
* the newest backup is never deleted, whatever its age.

Each backup is about the size of the database (a few MB for a typical office file, 117 MB for
the 100,000-project benchmark file), so the policy keeps roughly 25-40 copies.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.services.app_log import log, timed
from parktracker.storage import restore as restore_files
from parktracker.storage.backup import (
    BackupFailed,
    BackupFile,
    Reason,
    RecordCounts,
    copy_file,
    current_counts,
    find_backups,
    identify,
    inspect,
    stale_temporaries,
    write_backup,
)
from parktracker.storage.database import Database, target_exists
from parktracker.storage.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseExists,
    DatabaseNotFound,
    DatabaseTooNew,
    HeldByAnother,
    NotADatabase,
    NotParkTracker,
    StorageError,
    WriteFailed,
)
from parktracker.storage.leftovers import remove_dead
from parktracker.storage.lock import DatabaseLock, acquire

__all__ = [
    "BackupFailed",
    "BackupInfo",
    "Reason",
    "RecordCounts",
    "backup_before_import",
    "backup_file",
    "backup_now",
    "backup_to",
    "current_counts",
    "daily_backup_due",
    "is_recoverable",
    "keep",
    "list_backups",
    "newest_good_backup",
    "prune",
    "restore_backup",
]

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_OTHER = dt.timedelta(days=90)
STALE_TEMPORARY = dt.timedelta(days=1)

REASON_TEXTS: dict[Reason, Text] = {
    Reason.DAILY: QT_TRANSLATE_NOOP("Backups", "Daily"),
    Reason.PRE_MIGRATION: QT_TRANSLATE_NOOP("Backups", "Before upgrade"),
    Reason.PRE_IMPORT: QT_TRANSLATE_NOOP("Backups", "Before import"),
    Reason.MANUAL: QT_TRANSLATE_NOOP("Backups", "Manual"),
    Reason.PRE_RESTORE: QT_TRANSLATE_NOOP("Backups", "Before restore"),
    Reason.PRE_REPLACE: QT_TRANSLATE_NOOP("Backups", "Before replacing"),
}


class DatabaseOpenElsewhere(HeldByAnother):
    message = QT_TRANSLATE_NOOP(
        "Backups",
        "%1 is open in ParkTracker by %2 on %3 (process %4) since %5."
        " Close it there, then restore again. Nothing was changed.",
    )


@dataclass(frozen=True)
class BackupInfo:
    """A backup as the restore dialog lists it. ``counts`` is None and ``error`` says why when
    the backup cannot be restored (damaged, foreign, from a newer version)."""

    path: Path
    created: dt.datetime
    reason: Reason
    size_bytes: int
    counts: RecordCounts | None
    error: StorageError | None
    database_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def reason_text(self) -> Text:
        return REASON_TEXTS[self.reason]


def _info(found: BackupFile) -> BackupInfo:
    checked = inspect(found.path)
    return BackupInfo(
        found.path,
        found.created,
        found.reason,
        found.size_bytes,
        checked.counts,
        checked.error,
        checked.database_id,
    )


# ---------------------------------------------------------------- making backups
def backup_now(db: Database, reason: Reason = Reason.MANUAL) -> Path:
    """Back up the open database through its own connection (call it in ``db``'s thread)."""
    with timed(f"backup ({reason.value})"):
        made = write_backup(Path(db.path), reason, source=db)
        prune(Path(db.path))
    log.info("backup written: %s", made)
    return made


def backup_file(db_path: Path, reason: Reason = Reason.MANUAL) -> Path:
    """Back up the file at ``db_path`` through a read-only connection opened here: what a
    background thread calls, while the GUI keeps its own connection."""
    with timed(f"backup ({reason.value})"):
        made = write_backup(Path(db_path), reason)
        prune(Path(db_path))
    log.info("backup written: %s", made)
    return made


def backup_before_import(db: Database) -> Path:
    """The hook an import calls before it writes anything."""
    return backup_now(db, Reason.PRE_IMPORT)


def backup_to(db_path: Path, out: Path, *, force: bool = False) -> Path:
    """A verified copy of ``db_path`` at ``out`` (outside the backup folders; not pruned)."""
    if target_exists(Path(out)) and not force:  # also refuses a device or a name too long
        raise DatabaseExists(out)
    copy_file(Path(db_path), Path(out))
    return Path(out)


def daily_backup_due(db_path: Path, *, today: dt.date | None = None) -> bool:
    """True unless a daily backup of ``db_path`` was made today."""
    today = today or dt.date.today()
    return not any(
        b.reason is Reason.DAILY and b.created.date() == today for b in find_backups(db_path)
    )


def backup_daily_if_due(db_path: Path) -> Path | None:
    return backup_file(db_path, Reason.DAILY) if daily_backup_due(db_path) else None


# ---------------------------------------------------------------- retention
def keep(backups: Sequence[BackupFile], now: dt.datetime) -> set[Path]:
    """The backups the retention policy (see the module) keeps."""
    newest_first = sorted(backups, key=lambda b: b.created, reverse=True)
    kept: set[Path] = set()
    if newest_first:
        kept.add(newest_first[0].path)
    daily = [b for b in newest_first if b.reason is Reason.DAILY]
    kept.update(b.path for b in daily[:KEEP_DAILY])
    weeks: dict[tuple[int, int], Path] = {}
    months: dict[tuple[int, int], Path] = {}
    for b in daily:
        iso = b.created.isocalendar()
        weeks.setdefault((iso.year, iso.week), b.path)
        months.setdefault((b.created.year, b.created.month), b.path)
    kept.update(list(weeks.values())[:KEEP_WEEKLY])
    kept.update(list(months.values())[:KEEP_MONTHLY])
    others = [b for b in newest_first if b.reason is not Reason.DAILY]
    kept.update(b.path for b in others if now - b.created <= KEEP_OTHER)
    return kept


def prune(db_path: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups of ``db_path`` the policy does not keep; returns what was deleted."""
    now = now or dt.datetime.now()
    identity = _current_id(db_path)
    found = [b for b in find_backups(db_path) if _ours(b, identity)]
    kept = keep(found, now)
    removed = []
    for b in found:
        if b.path not in kept:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    for leftover in stale_temporaries(db_path, STALE_TEMPORARY):
        with contextlib.suppress(OSError):
            leftover.unlink()
    remove_dead(db_path)
    return removed


def _current_id(db_path: Path) -> str | None:
    """The database id of the file at ``db_path`` (None when it has none or cannot be read)."""
    return identify(db_path)[1]


def _ours(found: BackupFile, identity: str | None) -> bool:
    """Whether a file named like a backup is a ParkTracker database that is a backup of the
    database with id ``identity``: retention deletes nothing else (not a stray file with a
    backup's name, not another database's backup)."""
    is_parktracker, backup_id = identify(found.path)
    return is_parktracker and backup_id == identity


def _same_database(info: BackupInfo, identity: str | None) -> bool:
    """A backup is offered for a database unless both carry ids and they differ."""
    return identity is None or info.database_id is None or info.database_id == identity


# ---------------------------------------------------------------- listing
def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of ``db_path``, newest first, each opened read-only to check and count.
    A backup carrying another database's id is not listed."""
    identity = _current_id(db_path)
    listed = [_info(b) for b in find_backups(db_path)]
    return [info for info in listed if _same_database(info, identity)]


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes the check (damaged and too-new ones are skipped), and is
    not another database's."""
    identity = _current_id(db_path)
    for found in find_backups(db_path):
        info = _info(found)
        if info.ok and _same_database(info, identity):
            return info
    return None


def is_recoverable(error: BaseException) -> bool:
    """Whether a refusal to open is one a backup can cure (the file is missing, damaged,
    foreign or from a newer version), rather than, say, a lock held elsewhere."""
    kinds = (
        DatabaseDamaged,
        DatabaseEmpty,
        NotADatabase,
        NotParkTracker,
        DatabaseTooNew,
        DatabaseNotFound,
    )
    return isinstance(error, kinds)


# ---------------------------------------------------------------- restoring
def restore_backup(
    db_path: Path, backup: Path | BackupInfo, *, now: dt.datetime | None = None
) -> Path | None:
    """Replace the database at ``db_path`` by ``backup``; nothing is lost on the way.

    The database must be closed by every connection of this process first (the GUI closes its
    session). Steps: the backup is checked and copied beside the database (a damaged backup is
    refused before anything changes); the current file is backed up (reason ``pre-restore``)
    or, when it does not open, kept byte for byte as ``<name>.damaged-<time>``; then the
    database is replaced atomically (:mod:`parktracker.storage.restore`). Returns where the
    previous state was kept (None when there was no file). Refuses, changing nothing, while
    another ParkTracker has the file open.
    """
    db_path = Path(os.path.realpath(db_path))  # a symbolic link: restore its target
    source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    checked = inspect(source)
    if checked.error is not None:
        raise checked.error
    now = now or dt.datetime.now()
    lock = _take_lock(db_path)
    try:
        remove_dead(db_path)  # what an earlier, killed restore left
        staged = restore_files.stage(source, db_path, expected=checked.counts)
        try:
            kept: Path | None = None
            intact = False
            if db_path.exists():
                try:
                    kept = write_backup(db_path, Reason.PRE_RESTORE, when=now)
                    intact = True
                except BackupFailed:
                    raise  # the current state could not be saved: do not replace it
                except StorageError:  # damaged, empty, foreign, or a hot journal
                    kept = restore_files.keep_aside(db_path, now)
            restore_files.swap_in(staged, db_path, old_is_intact=intact)
        finally:
            staged.unlink(missing_ok=True)
    finally:
        lock.release()
    prune(db_path, now=now)
    return kept


def keep_previous(db_path: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Before a file is replaced (``demo --force``): a ``pre-replace`` backup of it, or, when it
    does not open as a ParkTracker database, a byte-for-byte copy beside it
    (``<name>.damaged-<time>``). Returns where it was kept; None when there was no file."""
    db_path = Path(os.path.realpath(db_path))
    if not db_path.exists():
        return None
    now = now or dt.datetime.now()
    try:
        return write_backup(db_path, Reason.PRE_REPLACE, when=now)
    except BackupFailed:
        raise
    except StorageError:
        return restore_files.keep_aside(db_path, now)


def take_lock(db_path: Path) -> DatabaseLock:
    """The database's single-writer lock, for a command that replaces the file; raises
    :class:`DatabaseOpenElsewhere` while another ParkTracker has it open."""
    return _take_lock(db_path, refusal=HeldByAnother)


def _take_lock(
    db_path: Path, *, refusal: type[HeldByAnother] = DatabaseOpenElsewhere
) -> DatabaseLock:
    try:
        lock = acquire(db_path)
    except OSError as exc:
        raise WriteFailed(db_path, exc.strerror or str(exc)) from exc
    if not isinstance(lock, DatabaseLock):
        raise refusal(db_path, lock.user, lock.host, str(lock.pid), lock.since)
    return lock
