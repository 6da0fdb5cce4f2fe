"""The file operations of a restore: stage the backup, keep the old file, swap atomically.

The order matters (see :func:`parktracker.services.backups.restore_backup`):

1. :func:`stage` copies the backup beside the database under a temporary name, syncs and
   verifies it, so the final rename cannot expose a partial or damaged copy.
2. The current file is kept: as a ``pre-restore`` backup when it opens, else byte for byte
   by :func:`keep_aside` as ``<name>.damaged-<time>``, together with its ``-journal`` /
   ``-wal`` partners (a hot journal belongs to the old content: kept beside the kept copy under
   the matching name, SQLite still rolls it back when that copy is opened).
3. :func:`swap_in` removes the old file's journal partners and only then renames the staged
   copy over the database. The other order would be dangerous: a hot ``-journal`` found
   beside the *new* file would be "rolled back" into it, writing old pages into the restored
   database. When the old file is an intact ParkTracker database, a write lock (``BEGIN
   IMMEDIATE``) is held on it meanwhile, which also proves no other connection is in the middle
   of a transaction: its journal would be live, not stale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.storage.backup import (
    STAMP,
    RecordCounts,
    _fsync,
    _fsync_folder,
    record_counts,
    verify,
)
from parktracker.storage.database import _one_line, read_only_uri
from parktracker.storage.errors import DatabaseDamaged, StorageError, WriteFailed
from parktracker.storage.files import file_mode, keep_mode

PARTNERS = ("-journal", "-wal", "-shm")


class DatabaseInUse(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 is being written by another program. Close it there, then restore again."
        " Nothing was changed.",
    )


def stage(backup: Path, db_path: Path, *, expected: RecordCounts | None = None) -> Path:
    """A verified copy of ``backup`` beside ``db_path`` under a temporary name.

    The copy is made through SQLite's backup API from a read-only connection, so a backup in
    WAL mode is copied with the changes still in its ``-wal`` file (a byte copy of the main
    file would lose them), and converted to the rollback journal. With ``expected`` (the
    counts the backup was checked with), a copy that holds other counts is refused: what is
    restored is what was verified. The copy gets the current database's permissions (the
    backup's when there is no database), never wider ones."""
    backup, db_path = Path(backup), Path(db_path)
    if backup.resolve() == db_path.resolve():
        raise WriteFailed(db_path, "same file")
    tmp = db_path.with_name(f".{db_path.name}.restoring-{os.getpid()}")
    mode = file_mode(db_path) if db_path.exists() else file_mode(backup)
    try:
        tmp.unlink(missing_ok=True)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode or 0o644))
        keep_mode(tmp, mode)
        _copy_through_sqlite(backup, tmp)
        _fsync(tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteFailed(db_path, exc.strerror or str(exc)) from exc
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseDamaged(backup, _one_line(str(exc))) from exc
    problem = verify(tmp)
    if problem is None and expected is not None:
        conn = sqlite3.connect(read_only_uri(tmp), uri=True)
        try:
            if record_counts(conn) != expected:
                problem = "it changed while it was being restored"
        finally:
            conn.close()
    if problem is not None:
        tmp.unlink(missing_ok=True)
        raise DatabaseDamaged(backup, problem)
    return tmp


def _copy_through_sqlite(backup: Path, tmp: Path) -> None:
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        source.execute("PRAGMA busy_timeout = 3000")
        dest = sqlite3.connect(str(tmp))
        try:
            dest.execute("PRAGMA journal_mode = OFF")
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()


def keep_aside(db_path: Path, when: dt.datetime) -> Path:
    """Copy the (unusable) file and its journal partners to ``<name>.damaged-<time>``."""
    db_path = Path(db_path)
    kept = db_path.with_name(f"{db_path.name}.damaged-{when.strftime(STAMP)}")
    serial = 1
    while kept.exists():
        serial += 1
        kept = db_path.with_name(f"{db_path.name}.damaged-{when.strftime(STAMP)}-{serial}")
    try:
        for suffix in ("", *PARTNERS[:2]):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                target = Path(f"{kept}{suffix}")
                shutil.copyfile(source, target)
                keep_mode(target, file_mode(source))
                _fsync(target)
        _fsync_folder(kept.parent)
    except OSError as exc:
        for suffix in ("", *PARTNERS[:2]):
            Path(f"{kept}{suffix}").unlink(missing_ok=True)
        raise WriteFailed(kept, exc.strerror or str(exc)) from exc
    return kept


def swap_in(staged: Path, db_path: Path, *, old_is_intact: bool) -> None:
    """Replace ``db_path`` by ``staged`` atomically (see the module's step 3)."""
    staged, db_path = Path(staged), Path(db_path)
    guard: sqlite3.Connection | None = None
    if old_is_intact and _rollback_mode(db_path):
        guard = _write_lock(db_path)
    try:
        for suffix in PARTNERS:
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(staged, db_path)
        _fsync_folder(db_path.parent)
    except OSError as exc:
        raise WriteFailed(db_path, exc.strerror or str(exc)) from exc
    finally:
        if guard is not None:
            with contextlib.suppress(sqlite3.Error):
                guard.rollback()
            guard.close()


def _rollback_mode(db_path: Path) -> bool:
    """True for a file in rollback-journal mode (header bytes 18 and 19 are 1; WAL has 2): a
    connection to it creates no -wal/-shm files that would outlive the swap."""
    try:
        with db_path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 1 and header[19] == 1


def _write_lock(db_path: Path) -> sqlite3.Connection:
    """A connection holding the RESERVED lock of the old file (nothing is written)."""
    conn = sqlite3.connect(str(db_path), timeout=2.0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            raise DatabaseInUse(db_path) from exc
        raise WriteFailed(db_path, str(exc)) from exc
    except sqlite3.Error as exc:
        conn.close()
        raise WriteFailed(db_path, str(exc)) from exc
    return conn
