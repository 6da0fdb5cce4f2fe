"""When SQLite's full integrity check of a file is due, and what the last one found.

Opening a file never reads the whole of it (see ``verify`` in
:func:`parktracker.storage.database.open_database`): the GUI decides here whether a full
``PRAGMA integrity_check`` is due and, if so, runs it in the background after the window shows.
A check is due when there is a reason to doubt the file:

- ``unknown``: this computer has no record of the file being closed by ParkTracker;
- ``unclean``: the last session that edited it did not close cleanly (a crash, a kill);
- ``changed``: the file's size, modification time or SQLite change counter differ from what
  was recorded when ParkTracker last closed it (another program, a sync, a copy wrote it);
- ``never``: no check result is recorded in the file, or the last one found damage;
- ``stale``: the last check is older than :data:`MAX_AGE_DAYS` days (damage from the disk itself
  changes neither size nor time).

Each check's result is recorded in the database's meta table (:data:`CHECKED_AT`,
:data:`RESULT`). The session record (open / closed with the file's fingerprint) is kept outside
the file, in the user's data folder (``check-state/``), because writing it into the file would
change the very size and time it records.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import struct
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

from parktracker.storage.card_snapshot import write_keeping_cards
from parktracker.storage.database import Database, _one_line, read_only_uri
from parktracker.storage.errors import DatabaseDamaged, StorageError

MAX_AGE_DAYS = 30  # a file checked a month ago is checked again in the background
CHECKED_AT = "integrity_checked_at"  # meta key: when the last full check ran (UTC, ISO 8601)
RESULT = "integrity_result"  # meta key: "ok", or SQLite's first finding
FOLDER = "check-state"

UNKNOWN = "unknown"
UNCLEAN = "unclean"
CHANGED = "changed"
NEVER = "never"
STALE = "stale"


@dataclass(frozen=True)
class Fingerprint:
    """What changes when anything writes the file: its size, time and SQLite change counter."""

    size: int
    mtime_ns: int
    change_counter: int


def fingerprint(path: Path) -> Fingerprint | None:
    try:
        info = os.stat(path)
        with Path(path).open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    counter = struct.unpack(">I", header[24:28])[0] if len(header) >= 28 else -1
    return Fingerprint(info.st_size, info.st_mtime_ns, int(counter))


def _record_file(path: Path) -> Path:
    from parktracker.storage.data_folder import user_data_dir

    # Two cheap checksums of the real path name the record (hashlib's OpenSSL costs start-up
    # time); the record also holds the path, so a collision only reads as "unknown".
    name = os.path.realpath(path).encode("utf-8", "surrogateescape")
    return user_data_dir() / FOLDER / f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}.json"


def _read_record(path: Path) -> dict[str, object] | None:
    try:
        record = json.loads(_record_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("path") != os.path.realpath(path):
        return None
    return record


def _write_record(path: Path, record: dict[str, object]) -> None:
    """Best effort: a data folder that cannot be written only means a check next time."""
    target = _record_file(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        return


def mark_open(path: Path) -> None:
    """An editing session starts: until :func:`mark_closed`, the file counts as not closed."""
    _write_record(path, {"state": "open", "path": os.path.realpath(path), "pid": os.getpid()})


def mark_closed(path: Path) -> None:
    """The editing session closed the file cleanly: remember its fingerprint."""
    print_ = fingerprint(path)
    if print_ is None:
        return
    _write_record(path, {"state": "closed", "path": os.path.realpath(path), **asdict(print_)})


def _checked_at(db: Database) -> dt.datetime | None:
    try:
        text = db.meta(CHECKED_AT)
        return None if text is None else dt.datetime.fromisoformat(text)
    except (ValueError, sqlite3.Error, StorageError):
        return None


def reason_to_check(
    db: Database, *, now: dt.datetime | None = None, seen: Fingerprint | None = None
) -> str | None:
    """Why the open file ``db`` needs a full integrity check now; None when it does not.

    ``seen``: the file's fingerprint taken when it was opened, when this is asked later (the
    GUI asks once its window shows): what the file was like before this session wrote to it."""
    record = _read_record(db.path)
    if record is None:
        return UNKNOWN
    if record.get("state") != "closed":
        return UNCLEAN
    recorded = Fingerprint(
        int(str(record.get("size", -1))),
        int(str(record.get("mtime_ns", -1))),
        int(str(record.get("change_counter", -1))),
    )
    if (seen or fingerprint(db.path)) != recorded:
        return CHANGED
    checked = _checked_at(db)
    try:
        result = db.meta(RESULT)
    except (sqlite3.Error, StorageError):
        result = None
    if checked is None or result != "ok":
        return NEVER
    now = now or dt.datetime.now(dt.UTC)
    if checked.tzinfo is None:
        checked = checked.replace(tzinfo=dt.UTC)
    if now - checked > dt.timedelta(days=MAX_AGE_DAYS):
        return STALE
    return None


def full_check(path: Path) -> DatabaseDamaged | None:
    """SQLite's full integrity check of ``path`` on a connection of its own (read-only), so it
    can run in a background thread: the damage found, as opening the file reports it."""
    try:
        conn = sqlite3.connect(read_only_uri(Path(path)), uri=True)
    except sqlite3.Error as exc:
        return DatabaseDamaged(Path(path), _one_line(str(exc)))
    try:
        conn.execute("PRAGMA busy_timeout = 3000")
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return DatabaseDamaged(Path(path), _one_line(str(exc)))
    except UnicodeDecodeError:  # SQLite's message quotes the damaged schema's bytes
        return DatabaseDamaged(Path(path), "malformed database schema")
    finally:
        conn.close()
    return None if rows == ["ok"] else DatabaseDamaged(Path(path), _one_line(rows[0]))


def record_result(db: Database, damage: DatabaseDamaged | None) -> bool:
    """Write a check's result into the meta table (when and what it found). Uses the stdlib
    connection directly (no sqlite-utils import for two rows). False when it could not be
    written (a read-only session, a locked or damaged file)."""
    if db.readonly:
        return False
    found = "ok" if damage is None else (damage.args_text[-1] if damage.args_text else "damaged")
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    if db.conn.in_transaction:
        return False
    try:
        # A check's result changes no figure: the dashboard's kept figures stay current.
        with write_keeping_cards(db.conn, db.path):
            db.conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [(CHECKED_AT, at), (RESULT, found)],
            )
    except sqlite3.Error:
        return False
    return True
