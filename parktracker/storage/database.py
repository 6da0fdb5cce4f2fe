"""Opening, checking and creating ParkTracker database files.

Every open goes through :func:`open_database`, which refuses (and never modifies) missing, empty,
foreign, truncated, damaged and too-new files before SQLite is allowed to write anything.

Journal mode: the classic rollback journal (``journal_mode=DELETE``) rather than WAL. Officers
keep files in synced and network folders (OneDrive, Nutstore, SMB shares) where WAL's shared
memory file does not work and a database split over three files is copied inconsistently;
the rollback journal keeps the database a single file between transactions.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parktracker.storage.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseExists,
    DatabaseNotFound,
    DatabaseReadOnly,
    DatabaseTooNew,
    NeedsUpgradeReadOnly,
    NotADatabase,
    NotParkTracker,
    WriteFailed,
)

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x504B5452  # kept equal to schema.APPLICATION_ID (schema imports sqlite_utils)
_HEADER = b"SQLite format 3\x00"
_MALFORMED = "malformed database schema"


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
        """One transaction (or a savepoint when nested); rolled back on any exception."""
        if self.readonly:
            raise DatabaseReadOnly(self.path)
        with self.su.atomic() as db:
            yield db

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with _damage_as_error(self.path):
            return list(self.conn.execute(sql, params))

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        with _damage_as_error(self.path):
            row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def meta(self, key: str) -> str | None:
        value = self.scalar("SELECT value FROM meta WHERE key = ?", [key])
        return None if value is None else str(value)

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
        damaged = getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
        if damaged or str(exc).startswith("Could not decode to UTF-8"):
            raise DatabaseDamaged(path, _one_line(str(exc))) from exc
        raise


def _one_line(text: str) -> str:
    """The first finding of a (possibly multi-line) SQLite report, for a one-line message."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("***")]
    return lines[0] if lines else text.strip()


def _check_file(path: Path) -> None:
    """Refuse files that are not intact SQLite databases, by looking at bytes only."""
    if not path.exists():
        raise DatabaseNotFound(path)
    if path.is_dir():
        raise NotADatabase(path)
    size = path.stat().st_size
    if size == 0:
        raise DatabaseEmpty(path)
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(_HEADER):
        raise NotADatabase(path)
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseDamaged(path, "invalid page size")
    change_counter, page_count, _, _, _, _, _, _, valid_for = struct.unpack(">9I", header[24:60])
    version_valid_for = struct.unpack(">I", header[92:96])[0]
    if size % page_size:
        raise DatabaseDamaged(path, "truncated")
    if version_valid_for == change_counter and page_count and size < page_count * page_size:
        raise DatabaseDamaged(path, "truncated")
    del valid_for


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection with the per-connection settings; nothing here writes to the file.

    ``journal_mode`` is set by :func:`_use_rollback_journal` only once the file is known to be
    ParkTracker's: switching a foreign or too-new WAL file to DELETE would rewrite its header.
    """
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(str(path))
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 3000")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def _use_rollback_journal(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = DELETE")


def _schema_state(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; raises for damaged or foreign files."""
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, _one_line(str(exc))) from exc
    except UnicodeDecodeError as exc:  # SQLite's message quotes the damaged schema's bytes
        raise DatabaseDamaged(path, _MALFORMED) from exc
    if result != "ok":
        raise DatabaseDamaged(path, _one_line(str(result)))
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    if app_id != APPLICATION_ID and not (app_id == 0 and tables == 0):
        raise NotParkTracker(path)
    return version


def open_database(path: Path | str, *, readonly: bool = False) -> Database:
    """Open an existing ParkTracker file, upgrading its schema if it is older.

    Raises a :class:`StorageError` subclass (and leaves the file untouched) for a missing,
    empty, foreign, damaged or too-new file.
    """
    from parktracker.storage.versions import SCHEMA_VERSION

    path = Path(path)
    _check_file(path)
    try:
        conn = _connect(path, readonly=readonly)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, _one_line(str(exc))) from exc
    except UnicodeDecodeError as exc:  # SQLite's message quotes the damaged schema's bytes
        raise DatabaseDamaged(path, _MALFORMED) from exc
    try:
        version = _schema_state(conn, path)
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(path, str(version), str(SCHEMA_VERSION))
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
        return db
    except BaseException:
        conn.close()
        raise


def migrate(db: Database) -> None:
    from parktracker.storage.schema import APPLICATION_ID as SCHEMA_APP_ID
    from parktracker.storage.schema import migrations

    assert SCHEMA_APP_ID == APPLICATION_ID
    try:
        migrations.apply(db.su)
        db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.Error as exc:
        raise WriteFailed(db.path, str(exc)) from exc


def create_database(
    path: Path | str,
    *,
    populate: Callable[[Database], None] | None = None,
    force: bool = False,
) -> Database:
    """Create a ParkTracker database at ``path``, filled by ``populate``, and open it.

    The file is built under a temporary name beside ``path`` and renamed into place only when
    complete, so an existing file (replaced only with ``force``) is never left half-written.
    """
    path = Path(path)
    if path.exists() and not force:
        raise DatabaseExists(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        db = Database(_connect(tmp, readonly=False), tmp, readonly=False)
        try:
            _use_rollback_journal(db.conn)
            migrate(db)
            if populate is not None:
                populate(db)
        finally:
            db.close()
        os.replace(tmp, path)
    except sqlite3.Error as exc:
        raise WriteFailed(path, str(exc)) from exc
    except OSError as exc:
        raise WriteFailed(path, exc.strerror or str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)
    return open_database(path)
