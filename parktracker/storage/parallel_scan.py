"""One scan of a large table split over the processor's cores.

A find-as-you-type keystroke on 100,000 projects scans every row's search text (about 27 ms
on one core). SQLite runs a statement on one core, but Python's sqlite3 lets go of the GIL
while a statement runs, so consecutive key ranges of the table can be scanned at the same
time: the calling thread takes the first range on its own connection, and each other range
goes to a worker thread with a read-only connection of its own, opened for that scan and
closed after it (about 0.3 ms), so no connection outlives the scan to hold the file open.

Only committed data is seen by the other connections, so a connection in the middle of a
transaction scans alone; so does a table too small to gain from it, a database that is not a
file, and a one-core machine.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from functools import cache, partial
from pathlib import Path
from typing import TypeVar

from parktracker.storage.database import Database, open_reader

T = TypeVar("T")

MAX_PARTS = 4  # past four, opening and merging eat what another core would save
ROWS_PER_PART = 10_000  # about 2.5 ms of scanning: smaller parts are not worth a thread
READER_CACHE_PAGES = 16


def part_count(span: int, cores: int | None = None) -> int:
    """How many ranges to scan ``span`` keys in, on a machine with ``cores`` cores."""
    cores = os.cpu_count() if cores is None else cores
    return max(1, min(MAX_PARTS, cores or 1, span // ROWS_PER_PART))


def key_ranges(low: int, high: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` consecutive inclusive ranges covering ``low``..``high``, in order."""
    size = (high - low + parts) // parts
    return [(start, min(high, start + size - 1)) for start in range(low, high + 1, size)]


def scan_in_parts(
    db: Database, *, table: str, key: str, scan: Callable[[sqlite3.Connection, int, int], T]
) -> list[T]:
    """``scan(conn, low, high)`` over consecutive ranges of ``table``'s integer primary key
    ``key`` (inclusive bounds) that together cover the table, at the same time where it pays;
    the results in key order. One call, over the whole table, where it does not."""
    # Two subqueries: SQLite reads min() or max() of a key from the b-tree's end only when it
    # is alone in its query (both in one query scan the table).
    low, high = db.conn.execute(
        f"SELECT (SELECT min({key}) FROM {table}), (SELECT max({key}) FROM {table})"
    ).fetchone()
    if low is None:  # empty
        return [scan(db.conn, 0, -1)]
    parts = part_count(high - low + 1)
    if parts == 1 or not db.readers_see_the_same():
        return [scan(db.conn, low, high)]
    first, *others = key_ranges(low, high, parts)
    pool = _workers()
    pending = [pool.submit(_on_reader, db.path, scan, bounds) for bounds in others]
    try:
        results = [scan(db.conn, *first)]
        for bounds, future in zip(others, pending, strict=True):
            results.append(_result_or_again(future, partial(scan, db.conn, *bounds)))
    finally:
        # Whatever the caller's range raised, no worker's connection outlives the call (on
        # Windows an open connection would keep the file from being moved or replaced).
        wait(pending)
    return results


def _result_or_again(future: Future[T], again: Callable[[], T]) -> T:
    """The worker's result; if its connection failed (the file busy or gone meanwhile), the
    range again on the caller's connection, which then raises what the user should hear."""
    try:
        return future.result()
    except (sqlite3.Error, OSError):
        return again()


def _on_reader(
    path: Path, scan: Callable[[sqlite3.Connection, int, int], T], bounds: tuple[int, int]
) -> T:
    reader = open_reader(path)
    try:
        # Each page is read once and the connection closed after: a page cache would only
        # add to the process's memory (the operating system caches the file).
        reader.conn.execute(f"PRAGMA cache_size = {READER_CACHE_PAGES}")
        return scan(reader.conn, *bounds)
    finally:
        reader.close()


@cache
def _workers() -> ThreadPoolExecutor:
    """The worker threads, made at the first large scan and reused (idle in between)."""
    return ThreadPoolExecutor(MAX_PARTS - 1, thread_name_prefix="parktracker-scan")
