"""Edit → History on a large audit log (1,000,000 entries by default).

Builds a database whose audit log holds N entries spread over two years, eleven kinds of
record and five users (written straight into the table: the benchmark measures reading), then
times, best of 3 runs, each query the History dialog makes:
  * the first page (200 entries) of everything, and the 50th page (keyset: the cursor of
    the page before);
  * the first page of one kind of record (revenue targets: a rare one), of one user, of
    one month, and of one record;
  * the list of users for the filter.
Target: every query under 50 ms.

Usage:  python bench/history.py [--entries 1000000] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parktracker.services.history import (
    HistoryFilter,
    RecordKind,
    RecordRef,
    history_page,
    history_users,
)
from parktracker.services.reference import seed_reference
from parktracker.storage.database import create_database, open_database

TARGET_MS = 50
USERS = ("officer", "wang.li", "zhang.wei", "liu.yang", "chen.jing")


def build(path: Path, entries: int) -> None:
    db = create_database(path, populate=seed_reference)
    rng = random.Random(7)
    start = dt.datetime(2024, 1, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    span = 2 * 365 * 24 * 3600
    kinds = list(RecordKind)
    weights = [30, 5, 40, 5, 1, 3, 3, 8, 0.01, 2, 3]
    rows = []
    for i in range(entries):
        kind = rng.choices(kinds, weights)[0]
        at = start + dt.timedelta(seconds=span * i // entries)
        before = {"id": i % 5000, "name": f"项目{i % 5000}", "planned_total_yuan": i * 1000}
        after = dict(before, planned_total_yuan=i * 1000 + 10**8)
        rows.append(
            (
                at.isoformat(timespec="seconds"),
                rng.choice(USERS),
                "update",
                kind.value,
                i % 5000,
                json.dumps(before, ensure_ascii=False),
                json.dumps(after, ensure_ascii=False),
            )
        )
        if len(rows) == 50_000:
            _insert(db, rows)
            rows = []
    _insert(db, rows)
    db.conn.commit()
    db.close()


def _insert(db: object, rows: list[tuple[object, ...]]) -> None:
    db.conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO audit_log (at, os_user, action, table_name, row_id, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def best_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.mkdtemp(prefix="parktracker-bench-")) / "history.db"
    if not path.exists():
        began = time.perf_counter()
        build(path, args.entries)
        print(f"built {args.entries:,} audit entries in {time.perf_counter() - began:.1f} s")
    db = open_database(path, readonly=True)
    everything = HistoryFilter()

    first = history_page(db, where=everything)
    cursor = None
    for _ in range(49):
        cursor = history_page(db, where=everything, after=cursor)[-1].cursor
    cases: dict[str, Callable[[], object]] = {
        "first page, everything": lambda: history_page(db, where=everything),
        "50th page, everything (given the 49th)": lambda: history_page(
            db, where=everything, after=cursor
        ),
        "first page, revenue targets (rare)": lambda: history_page(
            db, where=HistoryFilter(kind=RecordKind.TARGET)
        ),
        "first page, one user": lambda: history_page(db, where=HistoryFilter(user="wang.li")),
        "first page, March 2024": lambda: history_page(
            db,
            where=HistoryFilter(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31)),
        ),
        "first page, one project": lambda: history_page(
            db, where=HistoryFilter(record=RecordRef(RecordKind.PROJECT, first[0].row_id))
        ),
        "users for the filter": lambda: history_users(db),
    }
    worst = 0.0
    for name, run in cases.items():
        ms = best_ms(run)
        worst = max(worst, ms)
        print(f"{name:45s} {ms:8.1f} ms")
    print(f"worst {worst:.1f} ms (target {TARGET_MS} ms): {'ok' if worst <= TARGET_MS else 'SLOW'}")
    db.close()
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
