"""Consistent copies of a database file (SQLite's backup API), written atomically and verified.

A copy is made page by page with SQLite's online backup API, so it is consistent even while
another connection (the GUI, another thread) is writing: the backup restarts when the source
changes under it. It is written under a temporary name in the target folder, checked (``PRAGMA
quick_check`` and the ParkTracker ``application_id``), synced, and only then renamed into place,
so a failure never leaves a half-written file under the final name.

Backups of ``<folder>/<stem>.db`` are named ``<stem>-<YYYY-MM-DDTHHMMSS>-<reason>.db`` (local
time; ``-2``, ``-3``... added when two fall in the same second) and kept in
``<folder>/<stem>-backups/``, or, when that folder cannot be written, in the user data folder
under ``backups/<stem>-<8 hex digits of the folder path>/`` (the digits keep apart databases of
the same name in different folders). The retention policy lives in
:mod:`parktracker.services.backups`; restoring is :mod:`parktracker.storage.restore`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.storage.data_folder import user_data_dir
from parktracker.storage.database import (
    APPLICATION_ID,
    Database,
    _check_file,
    _one_line,
    _unreadable,
    database_id,
    read_only_uri,
)
from parktracker.storage.errors import (
    DatabaseDamaged,
    DatabaseNotFound,
    DatabaseTooNew,
    ForeignSchema,
    HeldByAnother,
    NotParkTracker,
    StorageError,
    WriteFailed,
)
from parktracker.storage.files import claim_name, file_mode, private_folder_mode

STAMP = "%Y-%m-%dT%H%M%S"
# Pages copied per step of a background backup (4 MiB at the default 4 KiB page): between
# steps the source is unlocked, so a write from the GUI waits for one step at most.
STEP_PAGES = 1024
# SQLite starts a stepwise copy again whenever another connection writes to the source. A
# source that keeps changing for this long is then copied in one step (its writers wait for
# that step): the backup is delayed by a busy user, but never holds up their saves before that.
RESTART_PATIENCE = 60.0  # seconds


class Reason(StrEnum):
    """Why a backup was made; part of its file name."""

    DAILY = "daily"
    PRE_MIGRATION = "pre-migration"
    PRE_IMPORT = "pre-import"
    MANUAL = "manual"
    PRE_RESTORE = "pre-restore"
    PRE_REPLACE = "pre-replace"


class BackupFailed(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage", "No backup of %1 could be written (%2). The database was not changed."
    )


class InterruptedWrite(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 holds a write that was interrupted (its -journal file is still there). Open it in"
        " ParkTracker once, which rolls the write back, then back it up. Nothing was changed.",
    )


@dataclass(frozen=True)
class RecordCounts:
    parks: int
    projects: int
    funds: int
    revenue_months: int


@dataclass(frozen=True)
class BackupFile:
    """A backup found on disk, described by its name (nothing opened yet)."""

    path: Path
    created: dt.datetime
    reason: Reason
    size_bytes: int


@dataclass(frozen=True)
class Inspection:
    """What opening a backup read-only found: its counts, or why it cannot be restored."""

    counts: RecordCounts | None
    error: StorageError | None
    database_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


# ---------------------------------------------------------------- where backups go
def backup_key(db_path: Path) -> str:
    """The name backups of ``db_path`` are filed under: the stem of a ``.db`` file (as always),
    else the whole file name, so ``x.db`` and ``x.sqlite`` in one folder never share backups.
    (The database id inside each backup tells apart whatever names still collide.)"""
    name = Path(db_path).name
    return name[:-3] if name.lower().endswith(".db") and len(name) > 3 else name


def backup_folders(db_path: Path) -> list[Path]:
    """Where backups of ``db_path`` go: beside it first, then the user data folder. A symbolic
    link's backups are its target's."""
    db_path = Path(os.path.realpath(db_path))
    key = backup_key(db_path)
    import hashlib  # not at import: OpenSSL's start costs the GUI's first paint ~4 ms

    digest = hashlib.sha1(str(db_path.parent).encode("utf-8")).hexdigest()[:8]
    beside = db_path.with_name(f"{key}-backups")
    fallback = user_data_dir() / "backups" / f"{key}-{digest}"
    return [beside] if fallback.absolute() == beside else [beside, fallback]


def backup_name(stem: str, when: dt.datetime, reason: Reason, serial: int = 1) -> str:
    extra = f"-{serial}" if serial > 1 else ""
    return f"{stem}-{when.strftime(STAMP)}-{reason.value}{extra}.db"


def _name_pattern(stem: str) -> re.Pattern[str]:
    reasons = "|".join(re.escape(r.value) for r in Reason)
    return re.compile(
        rf"^{re.escape(stem)}-(\d{{4}}-\d{{2}}-\d{{2}}T\d{{6}})-({reasons})(?:-(\d+))?\.db$"
    )


def find_backups(db_path: Path) -> list[BackupFile]:
    """Every backup of ``db_path`` in its backup folders, newest first (by the name's time)."""
    pattern = _name_pattern(backup_key(db_path))
    found: list[tuple[dt.datetime, int, int, BackupFile]] = []
    for folder in backup_folders(db_path):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            match = pattern.match(path.name)
            if match is None:
                continue
            try:
                created = dt.datetime.strptime(match.group(1), STAMP)
                stat = path.stat()
            except (ValueError, OSError):
                continue
            backup = BackupFile(path, created, Reason(match.group(2)), stat.st_size)
            serial = int(match.group(3) or 1)
            found.append((created, stat.st_mtime_ns, serial, backup))
    found.sort(key=lambda item: item[:3], reverse=True)  # the same second: by write time
    return [item[3] for item in found]


def stale_temporaries(db_path: Path, older_than: dt.timedelta) -> list[Path]:
    """Temporary files a crashed backup left in the backup folders."""
    limit = dt.datetime.now().timestamp() - older_than.total_seconds()
    prefix = f".{backup_key(db_path)}-"
    stale = []
    for folder in backup_folders(db_path):
        with contextlib.suppress(OSError):
            for path in folder.iterdir():
                if path.name.startswith(prefix) and ".saving-" in path.name:
                    with contextlib.suppress(OSError):
                        if path.stat().st_mtime < limit:
                            stale.append(path)
    return stale


# ---------------------------------------------------------------- writing
def write_backup(
    db_path: Path,
    reason: Reason,
    *,
    source: Database | None = None,
    when: dt.datetime | None = None,
) -> Path:
    """Back up the database at ``db_path`` into its backup folder; returns the new file.

    With ``source``, its open connection is copied (same thread, e.g. before a migration);
    otherwise a read-only connection is opened here, in the calling thread, so this is what a
    background thread calls. Raises :class:`BackupFailed` when no folder can take the copy and
    a :class:`StorageError` naming the problem when the database itself is damaged or foreign.
    """
    db_path = Path(db_path)
    when = when or dt.datetime.now()
    conn = source.conn if source is not None else open_source(db_path)
    try:
        return _write_into_folders(conn, db_path, reason, when, step=source is None)
    finally:
        if source is None:
            conn.close()


def _write_into_folders(
    conn: sqlite3.Connection, db_path: Path, reason: Reason, when: dt.datetime, *, step: bool
) -> Path:
    first_error: WriteFailed | None = None
    for folder in backup_folders(db_path):
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=private_folder_mode(db_path))
            return copy_verified(
                conn,
                folder / backup_name(backup_key(db_path), when, reason),
                source_path=db_path,
                step=step,
                names=_names(folder, backup_key(db_path), when, reason),
            )
        except OSError as exc:
            first_error = first_error or WriteFailed(folder, exc.strerror or str(exc))
        except WriteFailed as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise BackupFailed(db_path, first_error.args_text[-1])


def _names(folder: Path, key: str, when: dt.datetime, reason: Reason) -> Iterator[Path]:
    """The names a backup may take, in order: each is claimed atomically (another backup made
    in the same second, by this or another process, gets the next serial number)."""
    for serial in itertools.count(1):
        yield folder / backup_name(key, when, reason, serial)


def open_source(db_path: Path) -> sqlite3.Connection:
    """A read-only connection to a ParkTracker file that is to be copied.

    Refuses (with the usual :class:`StorageError`) files that are missing, empty, not SQLite,
    truncated or foreign; damage inside pages shows when the copy is verified."""
    db_path = Path(db_path)
    try:
        _check_file(db_path)
        settled = True
    except DatabaseDamaged:
        # Perhaps a writer in the middle of a commit (page 1 already says the new size, the
        # new pages are not all there yet): look again while holding a read lock.
        settled = False
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 3000")
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the read lock
        if not settled:
            _check_file(db_path)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        conn.execute("COMMIT")
    except StorageError:
        assert conn is not None
        conn.close()
        raise
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if conn is not None:
            conn.close()
        name = getattr(exc, "sqlite_errorname", "")
        if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            raise BackupFailed(db_path, _one_line(str(exc))) from exc
        if name == "SQLITE_READONLY_ROLLBACK":
            raise InterruptedWrite(db_path) from exc
        if isinstance(exc, sqlite3.DatabaseError | UnicodeDecodeError):
            raise _unreadable(db_path, exc) from exc  # damaged, or WAL in a read-only folder
        raise DatabaseDamaged(db_path, _one_line(str(exc))) from exc
    if app_id != APPLICATION_ID:
        conn.close()
        raise NotParkTracker(db_path)
    return conn


def save_copy(db: Database, target: Path) -> None:
    """Write a consistent, verified copy of ``db`` to ``target`` (atomically: see module)."""
    target = Path(target)
    if target.resolve() == Path(db.path).resolve():
        raise WriteFailed(target, "same file")
    copy_verified(db.conn, target, source_path=Path(db.path), step=False)


def copy_file(db_path: Path, target: Path) -> None:
    """Write a consistent, verified copy of the file at ``db_path`` to ``target``."""
    db_path, target = Path(db_path), Path(target)
    if target.resolve() == db_path.resolve():
        raise WriteFailed(target, "same file")
    conn = open_source(db_path)
    try:
        copy_verified(conn, target, source_path=db_path, step=True)
    finally:
        conn.close()


def copy_verified(
    source: sqlite3.Connection,
    target: Path,
    *,
    source_path: Path,
    step: bool,
    names: Iterator[Path] | None = None,
) -> Path:
    """Copy ``source`` to ``target`` via a temporary file that is verified before the rename;
    returns the file written.

    ``step`` copies :data:`STEP_PAGES` pages at a time (for a connection other than the
    writer's, so the writer is never held up for long). A copy that fails the check means the
    source is damaged: :class:`DatabaseDamaged` names the source, and nothing is written.

    With ``names``, the copy takes the first of them that no file has, atomically (a backup
    never replaces another); else it replaces ``target`` (a symbolic link's target, not the
    link). The copy gets the source file's permissions, never wider ones. A target that
    another ParkTracker has open as its database is refused.
    """
    target = Path(os.path.realpath(target)) if names is None else Path(target)
    if target.exists() and not target.is_file():
        # A device (/dev/full, /dev/null) or a folder: the rename would replace it.
        raise WriteFailed(target, "not a regular file")
    if names is None:
        _refuse_if_held(target)
    tmp = target.with_name(f".{target.name}.saving-{os.getpid()}-{threading.get_ident()}")
    mode = file_mode(source_path)
    try:
        tmp.unlink(missing_ok=True)
        os.close(
            os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644 if mode is None else mode)
        )
        _copy_into(source, tmp, step=step)
        problem = verify(tmp)
        if problem is not None:
            raise DatabaseDamaged(source_path, problem)
        if mode is not None:
            os.chmod(tmp, mode)
        _fsync(tmp)
        if names is None:
            os.replace(tmp, target)
        else:
            target = claim_name(tmp, names)
        _fsync_folder(target.parent)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            raise DatabaseDamaged(source_path, _one_line(str(exc))) from exc
        raise WriteFailed(target, _one_line(str(exc))) from exc
    except OSError as exc:
        raise WriteFailed(target, exc.strerror or str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)
    return target


def _refuse_if_held(target: Path) -> None:
    """A file that another live ParkTracker has open as its database is not replaced."""
    from parktracker.storage.lock import hostname, is_stale, read_lock

    holder = read_lock(target)
    if holder is None or is_stale(holder):
        return
    if (holder.host, holder.pid) == (hostname(), os.getpid()):
        return
    raise HeldByAnother(target, holder.user, holder.host, str(holder.pid), holder.since)


class _Restarted(Exception):
    """The source kept changing under a stepwise backup."""


def _open_temporary(tmp: Path) -> sqlite3.Connection:
    dest = sqlite3.connect(str(tmp))
    # The copy's last step commits it while the source is still read-locked: no sync there
    # (writers would wait for it), the whole file is synced by the caller instead.
    dest.execute("PRAGMA synchronous = OFF")
    dest.execute("PRAGMA journal_mode = OFF")  # a temporary file: no journal needed
    return dest


def _copy_into(source: sqlite3.Connection, tmp: Path, *, step: bool) -> None:
    """Copy ``source`` into the empty temporary file ``tmp``."""
    dest = _open_temporary(tmp)
    try:
        try:
            _run_backup(source, dest, step=step)
        except _Restarted:
            # Busy source: copy it in one step (a writer waits for that step, up to its
            # timeout). The stepwise copy stopped half way, and with no journal the temporary
            # file keeps what it had written (page 1 of one version of the source, other pages
            # of another): the one-step copy starts again on an empty file, else SQLite reads
            # that mixture as the destination's header and fails ("file is not a database").
            dest.close()
            os.truncate(tmp, 0)
            dest = _open_temporary(tmp)
            source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def _run_backup(source: sqlite3.Connection, dest: sqlite3.Connection, *, step: bool) -> None:
    """The copy; raises :class:`_Restarted` when a stepwise copy's source kept changing for
    longer than :data:`RESTART_PATIENCE`."""
    if not step:
        source.backup(dest)
        return
    began = time.monotonic()
    last_remaining: int | None = None

    def progress(_status: int, remaining: int, _total: int) -> None:
        nonlocal last_remaining
        restarted = last_remaining is not None and remaining > last_remaining
        if restarted and time.monotonic() - began > RESTART_PATIENCE:
            raise _Restarted
        last_remaining = remaining

    source.backup(dest, pages=STEP_PAGES, progress=progress, sleep=0.05)


def verify(path: Path) -> str | None:
    """None when ``path`` is an intact ParkTracker database, else SQLite's words for why not."""
    try:
        conn = sqlite3.connect(read_only_uri(Path(path)), uri=True)
    except sqlite3.Error as exc:
        return _one_line(str(exc))
    try:
        result = str(conn.execute("PRAGMA quick_check").fetchone()[0])
        if result != "ok":
            return _one_line(result)
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return "not a ParkTracker database"
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        return _one_line(str(exc))
    finally:
        conn.close()
    return None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); folders cannot be opened this way on Windows."""
    if os.name == "nt":  # pragma: no cover - Windows
        return
    with contextlib.suppress(OSError):
        _fsync(folder)


# ---------------------------------------------------------------- reading backups
_checked: dict[tuple[str, int, int], Inspection] = {}


def inspect(path: Path) -> Inspection:
    """Open a backup read-only: ``PRAGMA quick_check``, application id, schema version and
    record counts. A backup file never changes, so the answer is remembered per (path, size,
    modification time) for this process."""
    from parktracker.storage.versions import SCHEMA_VERSION

    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return Inspection(None, DatabaseNotFound(path))
    except OSError as exc:
        return Inspection(None, DatabaseDamaged(path, exc.strerror or str(exc)))
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    known = _checked.get(key)
    if known is not None:
        return known
    try:
        _check_file(path)
        problem = verify(path)
        if problem == "not a ParkTracker database":
            raise NotParkTracker(path)
        if problem is not None:
            raise DatabaseDamaged(path, problem)
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise DatabaseTooNew(path, str(version), str(SCHEMA_VERSION))
            _refuse_other_schema(conn, path, version)
            counts = record_counts(conn)
            identity = database_id(conn)
        finally:
            conn.close()
        result = Inspection(counts, None, identity)
    except StorageError as exc:
        result = Inspection(None, exc)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        result = Inspection(None, DatabaseDamaged(path, _one_line(str(exc))))
    _checked[key] = result
    return result


def _refuse_other_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """A backup missing a part of its schema is damaged; one holding parts ParkTracker did not
    create (a hidden trigger) is not restored: it would be refused for editing once in place."""
    from parktracker.storage import schema_check

    found = schema_check.compare(conn, version)
    if found.missing:
        raise DatabaseDamaged(path, "missing " + schema_check.describe(found.missing))
    if found.foreign:
        raise ForeignSchema(path, schema_check.describe(found.foreign))


def record_counts(conn: sqlite3.Connection) -> RecordCounts:
    """Parks, projects, funds and months with revenue (tables missing from a file count 0)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def count(sql: str, table: str) -> int:
        return int(conn.execute(sql).fetchone()[0]) if table in tables else 0

    return RecordCounts(
        parks=count("SELECT count(*) FROM parks", "parks"),
        projects=count("SELECT count(*) FROM projects", "projects"),
        funds=count("SELECT count(*) FROM funds", "funds"),
        revenue_months=count("SELECT count(DISTINCT month) FROM revenue", "revenue"),
    )


def current_counts(db: Database) -> RecordCounts:
    return record_counts(db.conn)


def identify(path: Path) -> tuple[bool, str | None]:
    """Whether ``path`` is a ParkTracker database (by its header and application id, without
    the full check), and the database id it carries."""
    path = Path(path)
    try:
        _check_file(path)
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except (StorageError, sqlite3.Error, OSError):
        return False, None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False, None
        return True, database_id(conn)
    except (sqlite3.Error, UnicodeDecodeError):
        return False, None
    finally:
        conn.close()
