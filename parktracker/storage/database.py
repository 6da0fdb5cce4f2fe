"""Opening, checking and creating ParkTracker database files.

Every open goes through :func:`open_database`, which refuses (and never modifies) missing, empty,
foreign, truncated, damaged and too-new files before SQLite is allowed to write anything.

Journal mode: the classic rollback journal (``journal_mode=DELETE``) rather than WAL. Officers
keep files in synced and network folders (OneDrive, Nutstore, SMB shares) where WAL's shared
memory file does not work and a database split over three files is copied inconsistently;
the rollback journal keeps the database a single file between transactions.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import struct
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parktracker.storage.errors import (
    AmountsOutOfRange,
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseExists,
    DatabaseNotFound,
    DatabaseReadOnly,
    DatabaseTooNew,
    FolderReadOnly,
    ForeignSchema,
    InterruptedChange,
    NeedsUpgradeReadOnly,
    NotADatabase,
    NotParkTracker,
    NotRegularFile,
    StorageError,
    WriteFailed,
    os_refusal,
)

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x504B5452  # kept equal to schema.APPLICATION_ID (schema imports sqlite_utils)
_HEADER = b"SQLite format 3\x00"
_MALFORMED = "malformed database schema"
# With ``verify=True``, files up to this size get SQLite's full integrity_check when opened (a
# few ms per MiB): it also finds index entries that do not match their rows, which quick_check
# does not compare. Larger files get quick_check at open, and the full check from
# ``parktracker check``. The GUI and the reading CLI commands open with ``verify=False`` (no
# read of the whole file before the first paint); see :mod:`parktracker.storage.check_state`.
FULL_CHECK_BYTES = 8 * 1024 * 1024
_LONGER = "longer than its header says: a change was interrupted and its -journal file is lost"


class Database:
    """An open ParkTracker database: a stdlib connection plus a lazily made sqlite-utils view.

    Reads use the connection directly, so the first paint does not pay for importing
    sqlite-utils (which imports numpy); writes go through :attr:`su` and :meth:`atomic`.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self._su: sqlite_utils.Database | None = None

    @property
    def su(self) -> sqlite_utils.Database:
        if self._su is None:
            import sqlite_utils

            self._su = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._su

    @contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        """One transaction (or a savepoint when nested); rolled back on any exception.

        The pages reach the file only at COMMIT, so that is where a full disk or an I/O error
        shows: such a failure is rolled back too and raised as :class:`WriteFailed`."""
        if self.readonly:
            raise DatabaseReadOnly(self.path)
        body_done = False
        try:
            with self.su.atomic() as db:
                yield db
                body_done = True
        except sqlite3.Error as exc:
            if not body_done:
                raise
            raise WriteFailed(self.path, _one_line(str(exc))) from exc

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with _damage_as_error(self.path):
            return list(self.conn.execute(sql, params))

    def tuples(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> list[tuple[Any, ...]]:
        """Like :meth:`query`, as plain tuples: for large results read by position (no
        sqlite3.Row per row)."""
        with _damage_as_error(self.path):
            cursor = self.conn.cursor()
            cursor.row_factory = None
            return cursor.execute(sql, params).fetchall()

    def each_tuple(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> Iterator[tuple[Any, ...]]:
        """Like :meth:`tuples`, one row at a time: for results read once and let go (a
        large result is never held whole in memory)."""
        with _damage_as_error(self.path):
            cursor = self.conn.cursor()
            cursor.row_factory = None
            yield from cursor.execute(sql, params)

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        with _damage_as_error(self.path):
            row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def meta(self, key: str) -> str | None:
        value = self.scalar("SELECT value FROM meta WHERE key = ?", [key])
        return None if value is None else str(value)

    def readers_see_the_same(self) -> bool:
        """Whether another connection to this file (:func:`open_reader`) sees what this one
        sees: the database is a file, and this connection holds no uncommitted change."""
        return not self.conn.in_transaction and str(self.path) != ":memory:" and self.path.is_file()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _damage_as_error(path: Path) -> Iterator[None]:
    """Damage that quick_check cannot see (garbled text inside a record, a corrupt page met
    while reading) becomes :class:`DatabaseDamaged` rather than a bare sqlite3 error."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if str(exc) == "integer overflow":  # a SUM past 64 bits: amounts above the ceiling
            raise AmountsOutOfRange(path) from exc
        damaged = getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
        if damaged or str(exc).startswith("Could not decode to UTF-8"):
            raise DatabaseDamaged(path, _one_line(str(exc))) from exc
        raise


def _one_line(text: str) -> str:
    """The first finding of a (possibly multi-line) SQLite report, for a one-line message."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("***")]
    return lines[0] if lines else text.strip()


def _journal_present(path: Path) -> bool:
    """Whether a rollback journal lies beside ``path``: a writer is in the middle of a
    transaction, or one was interrupted (SQLite rolls it back on the next read-write open)."""
    try:
        return Path(f"{path}-journal").stat().st_size > 0
    except OSError:
        return False


def _check_file(path: Path) -> None:
    """Refuse files that are not intact SQLite databases, by looking at bytes only.

    The sizes are not judged while a journal lies beside the file: a commit in progress, or
    one that a crash interrupted, leaves it shorter or longer than its header says until the
    commit ends or SQLite has rolled the change back. :func:`open_database` checks them again
    once SQLite has opened the file, inside a read transaction."""
    journal_before = _journal_present(path)
    header, size = _check_header(path)
    if journal_before or _journal_present(path):
        return
    with path.open("rb") as handle:
        if handle.read(100) == header:  # else a writer committed meanwhile: leave it to SQLite
            _check_sizes(path, header, size)


def _check_header(path: Path) -> tuple[bytes, int]:
    """The file's first 100 bytes and its size, if it can be a SQLite database at all.

    Only a regular file is opened: a pipe would block the read, a device (``/dev/zero``) or a
    system file (``/proc``) is no database whatever it returns. What the operating system
    refuses (no permission to read, a name longer than allowed) is said in those words."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise DatabaseNotFound(path) from None
    except OSError as exc:
        raise os_refusal(path, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotADatabase(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path)
    size = info.st_size
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise os_refusal(path, exc) from exc
    if size == 0:
        # A file in /proc or /sys says it is empty and yet gives bytes when read.
        raise NotRegularFile(path) if header else DatabaseEmpty(path)
    if len(header) < 100 and header.startswith(_HEADER):
        raise DatabaseDamaged(path, "truncated")
    if len(header) < 100 or not header.startswith(_HEADER):
        raise NotADatabase(path)
    if _page_size(header) < 512 or _page_size(header) & (_page_size(header) - 1):
        raise DatabaseDamaged(path, "invalid page size")
    return header, size


def check_openable(path: Path) -> None:
    """Refuse, by looking at the file only, what no open could use (see :func:`_check_file`)."""
    _check_file(Path(path))


def is_wal(path: Path) -> bool:
    """True for a file whose header says WAL mode (bytes 18 and 19 are 2)."""
    try:
        with Path(path).open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def read_only_uri(path: Path) -> str:
    """The URI of a read-only connection to ``path`` that leaves nothing beside it.

    A read-only connection to a WAL-mode file creates ``-wal`` and ``-shm`` files, which it
    cannot remove again. When neither is there, no connection has the file open and all its
    content is in the file itself: it is then opened ``immutable``, which reads the file alone.
    With a ``-wal`` file present (changes not yet copied into the file, or a live writer) the
    normal read-only connection reads it too, creating the ``-shm`` if it must."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    if is_wal(path) and not any(Path(f"{path}{s}").exists() for s in ("-wal", "-shm")):
        uri += "&immutable=1"
    return uri


def _folder_read_only(path: Path) -> bool:
    folder = Path(path).resolve().parent
    with contextlib.suppress(OSError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    return not os.access(folder, os.W_OK)


def _page_size(header: bytes) -> int:
    size = int(struct.unpack(">H", header[16:18])[0])
    return 65536 if size == 1 else size


def _check_sizes(path: Path, header: bytes, size: int) -> None:
    """Refuse a file whose size disagrees with its header's page count."""
    page_size = _page_size(header)
    change_counter, page_count = struct.unpack(">II", header[24:32])
    version_valid_for = struct.unpack(">I", header[92:96])[0]
    if size % page_size:
        raise DatabaseDamaged(path, "truncated")
    header_size_valid = version_valid_for == change_counter and page_count
    if header_size_valid and size < page_count * page_size:
        raise DatabaseDamaged(path, "truncated")
    rollback_journal = header[18] == 1 and header[19] == 1  # not WAL
    if header_size_valid and rollback_journal and size > page_count * page_size:
        # Pages written past the end by a transaction that never committed, whose journal
        # (the only record of how to undo them) is gone: the file may hold half a change.
        raise DatabaseDamaged(path, _LONGER)


def _unreadable(path: Path, exc: sqlite3.DatabaseError | UnicodeDecodeError) -> StorageError:
    """The refusal for a file SQLite failed to read: a change a read-only connection cannot
    roll back, or damage (a UnicodeDecodeError: SQLite's message quoted damaged bytes)."""
    if isinstance(exc, UnicodeDecodeError):
        return DatabaseDamaged(path, _MALFORMED)
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
        return InterruptedChange(path)
    if is_wal(path) and _folder_read_only(path):
        return FolderReadOnly(path)  # no -shm can be made beside it: not damage
    return DatabaseDamaged(path, _one_line(str(exc)))


def _check_sizes_while_reading(conn: sqlite3.Connection, path: Path) -> None:
    """The size checks again, inside a read transaction.

    SQLite's first read on a connection rolls back an interrupted change (a hot journal) if
    the connection can write; a read-only one cannot, and raises :class:`InterruptedChange`.
    While the read transaction lasts, no other connection can be writing pages, so the file's
    size and header agree unless the file is damaged."""
    try:
        conn.execute("BEGIN")
        try:
            conn.execute("PRAGMA schema_version").fetchone()
            with path.open("rb") as handle:
                header = handle.read(100)
            _check_sizes(path, header, path.stat().st_size)
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _unreadable(path, exc) from exc


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection with the per-connection settings; nothing here writes to the file
    (except SQLite's own rollback of a change that a crash interrupted, on the first read).

    ``journal_mode`` is set by :func:`_use_rollback_journal` only once the file is known to be
    ParkTracker's: switching a foreign or too-new WAL file to DELETE would rewrite its header.
    """
    if readonly:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    else:
        conn = sqlite3.connect(str(path))
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 3000")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        # Keep a transaction's changed pages in memory until it commits, however large, so
        # the file is not written before COMMIT: a crash in the middle of a transaction then
        # leaves it untouched even if its -journal file is later lost (deleted, not synced).
        conn.execute("PRAGMA cache_spill = OFF")
    except BaseException:
        conn.close()
        raise
    return conn


def _use_rollback_journal(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = DELETE")


def _schema_state(conn: sqlite3.Connection, path: Path, *, verify: bool) -> int:
    """The file's schema version; raises for damaged or foreign files.

    With ``verify``, SQLite's structural check reads the file first (the whole of it); without,
    only the header and the schema are read, whatever the file's size."""
    try:
        if verify:
            check = "integrity_check" if path.stat().st_size <= FULL_CHECK_BYTES else "quick_check"
            result = conn.execute(f"PRAGMA {check}").fetchone()[0]
            if result != "ok":
                raise DatabaseDamaged(path, _one_line(str(result)))
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, _one_line(str(exc))) from exc
    except UnicodeDecodeError as exc:  # SQLite's message quotes the damaged schema's bytes
        raise DatabaseDamaged(path, _MALFORMED) from exc
    if app_id != APPLICATION_ID and not (app_id == 0 and tables == 0):
        raise NotParkTracker(path)
    return version


def _check_schema(conn: sqlite3.Connection, path: Path, version: int, *, readonly: bool) -> None:
    """Refuse a file that lacks a part of its schema (damaged) and, for editing, one holding
    parts ParkTracker did not make (see :mod:`parktracker.storage.schema_check`)."""
    from parktracker.storage import schema_check

    try:
        found = schema_check.compare(conn, version)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _unreadable(path, exc) from exc
    if found.missing:
        raise DatabaseDamaged(path, "missing " + schema_check.describe(found.missing))
    if found.foreign and not readonly:
        raise ForeignSchema(path, schema_check.describe(found.foreign))


def open_reader(path: Path | str) -> Database:
    """Another read-only connection to a file this process already has open (and checked),
    for work in a background thread: a connection is used only in the thread that made it."""
    path = Path(path)
    return Database(_connect(path, readonly=True), path, readonly=True)


def open_database(path: Path | str, *, readonly: bool = False, verify: bool = True) -> Database:
    """Open an existing ParkTracker file, upgrading its schema if it is older.

    Raises a :class:`StorageError` subclass (and leaves the file untouched) for a missing,
    empty, foreign, damaged or too-new file. ``verify=False`` leaves out SQLite's structural
    check of the whole file (the header, its sizes and the schema are still checked): the
    GUI runs that check in the background after the window shows, when one is due.
    """
    from parktracker.storage.versions import SCHEMA_VERSION

    path = Path(path)
    _check_file(path)
    try:
        conn = _connect(path, readonly=readonly)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _unreadable(path, exc) from exc
    try:
        _check_sizes_while_reading(conn, path)
        version = _schema_state(conn, path, verify=verify)
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(path, str(version), str(SCHEMA_VERSION))
        _check_schema(conn, path, version, readonly=readonly)
        if not readonly:
            try:
                _use_rollback_journal(conn)
            except sqlite3.DatabaseError as exc:
                raise DatabaseDamaged(path, _one_line(str(exc))) from exc
        db = Database(conn, path, readonly=readonly)
        if version < SCHEMA_VERSION:
            if readonly:
                raise NeedsUpgradeReadOnly(path)
            migrate(db)
        if not readonly:
            give_database_id(db)
        return db
    except BaseException:
        conn.close()
        raise


def migrate(db: Database) -> None:
    """Apply the pending migrations. A file that already holds tables is backed up first
    (reason ``pre-migration``); if that backup cannot be written, nothing is upgraded."""
    from parktracker.storage.schema import APPLICATION_ID as SCHEMA_APP_ID
    from parktracker.storage.schema import migrations

    assert SCHEMA_APP_ID == APPLICATION_ID
    try:
        has_tables = db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'") > 0
        if has_tables and migrations.pending(db.su):
            from parktracker.storage.backup import Reason, write_backup

            write_backup(db.path, Reason.PRE_MIGRATION, source=db)
        migrations.apply(db.su)
        db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.Error as exc:
        raise WriteFailed(db.path, str(exc)) from exc


DATABASE_ID = "database_id"  # meta key: this database's own id, copied into its backups


def database_id(conn: sqlite3.Connection) -> str | None:
    """The id a file carries in its meta table (None for files made before ids were kept)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [DATABASE_ID]).fetchone()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    return None if row is None else str(row[0])


def give_database_id(db: Database) -> None:
    """Give a file made before database ids were kept an id of its own, the first time it is
    opened for writing; a file that has one keeps it.

    Like a migration, it is one transaction that either happens whole or not at all, and a
    second run finds nothing to do (``INSERT OR IGNORE``). Unlike a migration it is not needed
    for the file to work: a file that cannot take the write now (a full disk, another
    program's lock) opens as before, without an id, and gets one on a later open. Its earlier
    backups carry no id and stay listed for it (:mod:`parktracker.services.backups`)."""
    if database_id(db.conn) is not None:
        return
    import uuid

    try:
        with db.conn:
            db.conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                [DATABASE_ID, uuid.uuid4().hex],
            )
    except sqlite3.Error:
        return


def open_copy(source: Path, target: Path) -> Database:
    """Copy the ParkTracker file ``source`` to the new file ``target`` and open the copy, under
    a database id of its own (the shipped demo file: a copy opens in milliseconds, where
    building the demo takes half a second and imports sqlite-utils and numpy)."""
    import shutil
    import uuid

    target = Path(target)
    if _target_exists(target):
        raise DatabaseExists(target)
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        raise WriteFailed(target, exc.strerror or str(exc)) from exc
    db = open_database(target, verify=False)
    try:
        # A new file that nothing refers to yet: its first write need not wait for the disk
        # (a crash now loses only the copy); every later write is synchronous as usual.
        db.conn.execute("PRAGMA synchronous = OFF")
        from parktracker.storage.card_snapshot import write_keeping_cards

        with write_keeping_cards(db.conn, target):  # the dashboard's kept figures stay current
            db.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [DATABASE_ID, uuid.uuid4().hex],
            )
        db.conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        db.close()
        raise WriteFailed(target, _one_line(str(exc))) from exc
    return db


def target_exists(path: Path) -> bool:
    """Whether a file is at ``path``, which is to be written or replaced: raises for what may
    never be replaced (a device, a pipe, a folder) and for a path the system refuses."""
    return _target_exists(Path(path))


def _target_exists(path: Path) -> bool:
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise os_refusal(path, exc) from exc
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path)  # never replace a device, a pipe or a folder
    return True


def create_database(
    path: Path | str,
    *,
    populate: Callable[[Database], None] | None = None,
    force: bool = False,
    identity: str | None = None,
) -> Database:
    """Create a ParkTracker database at ``path``, filled by ``populate``, and open it.

    The file is built under a temporary name beside ``path`` and renamed into place only when
    complete, so an existing file (replaced only with ``force``) is never left half-written.
    A replaced file's permissions are kept, and a symbolic link is written through to its
    target. ``identity`` is the database id to keep (a replaced database's); by default a new
    one. Every failure names ``path``, never the temporary file.
    """
    import uuid

    path = Path(os.path.realpath(path))
    exists = _target_exists(path)
    if exists and not force:
        raise DatabaseExists(path)
    from parktracker.storage.files import file_mode

    mode = file_mode(path) if exists else None
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        if mode is not None:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
            os.chmod(tmp, mode)
        db = Database(_connect(tmp, readonly=False), tmp, readonly=False)
        try:
            _use_rollback_journal(db.conn)
            migrate(db)
            with db.atomic():
                db.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    [DATABASE_ID, identity or uuid.uuid4().hex],
                )
            if populate is not None:
                populate(db)
        finally:
            db.close()
        os.replace(tmp, path)
    except StorageError as exc:  # raised naming the temporary file
        raise WriteFailed(path, exc.args_text[-1] if len(exc.args_text) > 1 else "") from exc
    except sqlite3.Error as exc:
        raise WriteFailed(path, _one_line(str(exc))) from exc
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise os_refusal(path, exc) from exc
        raise WriteFailed(path, exc.strerror or str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}-journal").unlink(missing_ok=True)
    return open_database(path)
