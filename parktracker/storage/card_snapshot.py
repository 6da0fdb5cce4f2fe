"""The dashboard cards' last figures, kept in the file with a stamp of the data they were
computed from, so that the next start can show them before its first paint.

The stamp is SQLite's file change counter (the 4 bytes at offset 24 of the header): in the
rollback-journal mode every ParkTracker file is kept in, SQLite adds one to it whenever a
transaction that changed the file commits, whoever commits it (ParkTracker or another
program), and it is kept in the file. A snapshot is only ever shown while the counter still
holds the value its own write left: any later write, by anything, leaves another value.

In WAL mode SQLite does not count writes: a file in WAL mode (header bytes 18-19), or with a
``-wal`` file beside it, has no stamp, and no snapshot is read or written for it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from parktracker.storage.database import Database

KEY = "dashboard_cards"  # meta key: {"stamp": counter, "cards": <what the service stores>}
HEADER_SIZE = 100
WRITE_WAIT_MS = 100  # how long a write of the snapshot waits for readers to let it commit
ROLLBACK_JOURNAL = 1  # header bytes 18 and 19 (write and read format): 1 legacy, 2 WAL


def _counter(path: Path) -> int | None:
    """The file change counter, or None when the file cannot tell (WAL mode, unreadable)."""
    try:
        if os.path.exists(f"{path}-wal"):
            return None
        with open(path, "rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError:
        return None
    if len(header) < HEADER_SIZE or header[:16] != b"SQLite format 3\x00":
        return None
    if header[18] != ROLLBACK_JOURNAL or header[19] != ROLLBACK_JOURNAL:
        return None
    return int.from_bytes(header[24:28], "big")


def _is_file(db: Database) -> bool:
    return db.path.is_file()


def data_stamp(db: Database) -> int | None:
    """The file's change counter now (None: no stamp can be had). Read it before and after a
    set of queries: when both agree, nothing was committed in between."""
    return _counter(db.path) if _is_file(db) else None


def read(db: Database) -> tuple[str, int | None] | None:
    """The stored snapshot, and the file's change counter if it is current (its stamp is the
    counter now; None: stale). Read in one read transaction, so no write can commit between
    the two looks."""
    if not _is_file(db):
        return None
    conn = db.conn
    began = not conn.in_transaction
    try:
        if began:
            conn.execute("BEGIN")
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [KEY]).fetchone()
        counter = _counter(db.path)
    except sqlite3.Error:
        return None
    finally:
        if began and conn.in_transaction:
            conn.execute("COMMIT")
    if row is None or counter is None:
        return None
    stored = _parse(row[0])
    if stored is None:
        return None
    stamp, cards = stored
    return cards, counter if stamp == counter else None


def _parse(value: object) -> tuple[int, str] | None:
    """The stamp and the cards of a stored snapshot; None if it is not one."""
    try:
        stored = json.loads(value)  # type: ignore[arg-type]
        stamp, cards = stored["stamp"], stored["cards"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(stamp, int) or not isinstance(cards, str):
        return None
    return stamp, cards


def _value(stamp: int, cards: str) -> str:
    return json.dumps({"stamp": stamp, "cards": cards})


def _after(counter: int) -> int:
    """The change counter after one more counted commit (it is 4 bytes and wraps)."""
    return (counter + 1) % 2**32


def write(db: Database, cards: str, *, seen: int) -> bool:
    """Store ``cards``, computed from the data the file held at change counter ``seen``, if it
    still holds it; the stamp is the counter this write leaves. Returns whether it did.

    In one immediate transaction: no other write can commit between the look at the counter
    and this commit, so the commit adds exactly one to it (checked after)."""
    if db.readonly or not _is_file(db):
        return False
    conn = db.conn
    if conn.in_transaction:
        return False  # inside another write: its commit would count, not this one's
    waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    # Only a help for the next start: it does not wait for a background check or backup to
    # finish reading (its commit would), it is left out.
    conn.execute(f"PRAGMA busy_timeout = {WRITE_WAIT_MS}")
    try:
        return _write(db, cards, seen)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(waited)}")


def _write(db: Database, cards: str, seen: int) -> bool:
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            counter = _counter(db.path)
            if counter is None or counter != seen:
                conn.execute("ROLLBACK")
                return False
            value = _value(_after(counter), cards)
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [KEY, value],
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error:
        return False
    if _counter(db.path) == _after(counter):
        return True
    # The commit was not counted as expected: a later write could bring the counter to the
    # stamp. Such a snapshot must not stay.
    forget(db)
    return False


def forget(db: Database) -> None:
    """Remove the stored snapshot, if any."""
    if db.readonly or db.conn.in_transaction:
        return
    _forget(db.conn)


@contextmanager
def write_keeping_cards(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    """One write transaction that changes nothing the cards are computed from (a database id,
    a check's result): a snapshot current before it stays current after it (its stamp moves
    on with the counter, in the same transaction). Any other snapshot is left as it was."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        counter = _counter(path)
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [KEY]).fetchone()
        yield
        stored = None if row is None else _parse(row[0])
        moved = None  # the stamp a current snapshot moves on to
        if counter is not None and stored is not None and stored[0] == counter:
            moved = _after(counter)
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", [_value(moved, stored[1]), KEY])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if moved is not None and _counter(path) != moved:
        _forget(conn)


def _forget(conn: sqlite3.Connection) -> None:
    try:
        with conn:
            conn.execute("DELETE FROM meta WHERE key = ?", [KEY])
    except sqlite3.Error:
        return
