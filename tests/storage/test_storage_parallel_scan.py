"""A large table's scan split over the cores gives the same answer as one scan, on as many
connections as it says, and falls back to one scan where other connections would see other
data (a transaction under way, an in-memory database) or could not be opened."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from parktracker.storage import parallel_scan
from parktracker.storage.database import Database, open_reader
from parktracker.storage.parallel_scan import key_ranges, part_count, scan_in_parts

ROWS = 50_000


@pytest.mark.parametrize(
    ("low", "high", "parts"),
    [(1, 100_000, 4), (1, 100_000, 3), (7, 10, 4), (5, 5, 1), (1, 10, 3), (-20, 31, 2)],
)
def test_key_ranges_cover_every_key_once_in_order(low: int, high: int, parts: int) -> None:
    ranges = key_ranges(low, high, parts)
    assert 1 <= len(ranges) <= parts
    covered = [key for start, end in ranges for key in range(start, end + 1)]
    assert covered == list(range(low, high + 1))
    assert all(start <= end for start, end in ranges)


def test_part_count_is_bounded_by_cores_rows_and_the_maximum() -> None:
    assert part_count(100_000, cores=2) == 2
    assert part_count(100_000, cores=64) == parallel_scan.MAX_PARTS
    assert part_count(100_000, cores=1) == 1
    assert part_count(parallel_scan.ROWS_PER_PART - 1, cores=8) == 1
    assert part_count(3 * parallel_scan.ROWS_PER_PART, cores=8) == 3
    assert part_count(0, cores=8) == 1


def _scan(conn: sqlite3.Connection, low: int, high: int) -> tuple[list[int], int, int]:
    """The ids of the rows whose text holds '7', in order, and a sum; plus who scanned."""
    rows = conn.execute(
        "SELECT id, amount FROM item WHERE id BETWEEN ? AND ? AND text LIKE '%7%' ORDER BY id",
        (low, high),
    ).fetchall()
    return [r[0] for r in rows], sum(r[1] for r in rows), id(conn)


@pytest.fixture
def items(tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "items.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, text TEXT, amount INTEGER)")
    conn.executemany(
        "INSERT INTO item VALUES (?, ?, ?)",
        ((i, f"项目 {i * 37 % 1000}", i % 97) for i in range(3, ROWS + 3)),
    )
    conn.commit()
    db = Database(conn, path, readonly=False)
    yield db
    db.close()


def _whole(db: Database) -> tuple[list[int], int]:
    ids, total, _ = _scan(db.conn, -(2**62), 2**62)
    return ids, total


def _joined(parts: list[tuple[list[int], int, int]]) -> tuple[list[int], int]:
    return [i for ids, _, _ in parts for i in ids], sum(total for _, total, _ in parts)


def test_a_split_scan_equals_one_scan_and_uses_a_connection_per_part(
    items: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: 4)
    threads: set[str] = set()
    connections: list[sqlite3.Connection] = []  # held, so no two can share an id()

    def scan(conn: sqlite3.Connection, low: int, high: int) -> tuple[list[int], int, int]:
        threads.add(threading.current_thread().name)
        connections.append(conn)
        return _scan(conn, low, high)

    parts = scan_in_parts(items, table="item", key="id", scan=scan)
    assert len(parts) == 4
    assert _joined(parts) == _whole(items)
    assert len({id(conn) for conn in connections}) == 4
    assert parts[0][2] == id(items.conn)  # the first part on the caller's connection
    assert threading.current_thread().name in threads and len(threads) > 1


def test_one_scan_in_a_transaction_so_uncommitted_rows_are_seen(
    items: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: 4)
    items.conn.execute("INSERT INTO item VALUES (?, ?, ?)", (ROWS + 10, "新 7", 5))
    assert items.conn.in_transaction
    parts = scan_in_parts(items, table="item", key="id", scan=_scan)
    assert len(parts) == 1 and parts[0][2] == id(items.conn)
    assert parts[0][0][-1] == ROWS + 10
    items.conn.rollback()


def test_one_scan_on_one_core_and_on_a_small_table(
    items: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: 1)
    assert len(scan_in_parts(items, table="item", key="id", scan=_scan)) == 1
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(parallel_scan, "ROWS_PER_PART", ROWS + 1)
    assert len(scan_in_parts(items, table="item", key="id", scan=_scan)) == 1


def test_one_scan_for_a_database_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: 4)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, text TEXT, amount INTEGER)")
    conn.executemany("INSERT INTO item VALUES (?, '7', 1)", ((i,) for i in range(ROWS)))
    conn.commit()
    db = Database(conn, Path(":memory:"), readonly=False)
    parts = scan_in_parts(db, table="item", key="id", scan=_scan)
    assert len(parts) == 1 and parts[0][0] == list(range(ROWS)) and parts[0][1] == ROWS
    conn.close()


def test_an_empty_table_is_one_empty_scan(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, text TEXT, amount INTEGER)")
    db = Database(conn, path, readonly=False)
    assert scan_in_parts(db, table="item", key="id", scan=_scan) == [([], 0, id(conn))]
    conn.close()


def test_a_part_whose_connection_fails_is_scanned_again_on_the_callers(
    items: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: 4)
    opened: list[int] = []

    def flaky(path: Path) -> Database:
        opened.append(1)
        if len(opened) == 2:
            raise sqlite3.OperationalError("unable to open database file")
        return open_reader(path)

    monkeypatch.setattr(parallel_scan, "open_reader", flaky)
    parts = scan_in_parts(items, table="item", key="id", scan=_scan)
    assert len(opened) == 3
    assert _joined(parts) == _whole(items)
    on_caller = [conn for _, _, conn in parts if conn == id(items.conn)]
    assert len(on_caller) == 2  # its own part and the failed one


def test_when_the_callers_part_fails_no_worker_connection_outlives_the_call(
    items: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An open connection would keep the file from being moved or replaced on Windows."""
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: 4)
    opened: list[Database] = []
    closed: list[Database] = []

    def recorded(path: Path) -> Database:
        reader = open_reader(path)
        opened.append(reader)
        close = reader.close
        monkeypatch.setattr(reader, "close", lambda: (close(), closed.append(reader)))
        return reader

    def scan(conn: sqlite3.Connection, low: int, high: int) -> tuple[list[int], int, int]:
        if conn is items.conn:
            raise sqlite3.OperationalError("interrupted")
        time.sleep(0.2)  # the workers are still scanning when the caller's part fails
        return _scan(conn, low, high)

    monkeypatch.setattr(parallel_scan, "open_reader", recorded)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        scan_in_parts(items, table="item", key="id", scan=scan)
    assert len(opened) == 3
    assert sorted(map(id, closed)) == sorted(map(id, opened))
