"""A writer process for the crash-safety tests, killed with SIGKILL in the middle of a write.

It performs one real write through ParkTracker's own API and says on stdout when it has reached
its signal point inside that write, so that the test can kill it exactly there.

    python _writer_script.py SCENARIO DB [--at N|commit|never] [--then sleep|run]
                             [--target PATH] [--rows N] [--notes N] [--cache-size PAGES]
                             [--cache-spill] [--fsize-limit BYTES [--retry]]

``--cache-size`` makes SQLite's page cache small; ``--cache-spill`` lets SQLite write changed
pages to the file before the commit when the cache is full, as SQLite does by default (and
other programs do) but ParkTracker's connections do not.

``--fsize-limit`` emulates a full disk (RLIMIT_FSIZE, SIGXFSZ ignored: a write past the limit
fails with EFBIG). The write then runs without a signal point and prints ``FAILED ...`` and
``IN-TRANSACTION <bool>``; with ``--retry`` it lifts the limit (space freed), prints
``QUICK-CHECK <result>``, writes again in the same session and prints ``RETRIED``. It ends with
``END`` (exit 0), or right after the failure without ``--retry``.

Scenarios (each is one transaction, or one atomic file operation):
    project   a form save: create_project with a two-entry stage history, then its monthly
              completed investment (36 months) and annual plans, in one db.atomic()
    revenue   a pasted block of the revenue grid: services.revenue.set_monthly of 96 cells
              (8 parks x 12 months of 2024: some months replace stored figures, most are new)
    delete    delete_project of the demo project with the most monthly investment rows
    migrate   open_database of a schema-1 file, which upgrades it to the current schema
    backup    storage.backup.save_copy of DB to --target
    touch     every audit row rewritten in place (raw SQL: the file does not grow)
    bulk      --rows audited rows (3,000 by default; --notes N adds N characters of notes to
              each) in one transaction, which grows the file
              (for the journal tests; with a small --cache-size it is larger than the cache)

Signal points (``--at``):
    N         after the transaction's first N statements have run (the (N+1)-th is starting);
              for ``backup``: after N steps of the SQLite backup (8 pages a step)
    commit    as the COMMIT statement starts; for ``backup``: just before the rename into place
    never     no signal: run to the end (the reference run whose result a test compares with)

After the signal, ``--then sleep`` sleeps right there (so the kill certainly lands inside the
transaction) and ``--then run`` carries on, so the kill lands wherever the test's delay puts it.

Protocol, one flushed line each on stdout:
    BEGUN <n> <what>     the signal point was reached (inside the transaction)
    DONE <n>             the write completed (committed, or renamed into place) after n
                         statements in its transaction (backup: n steps)
    FAILED <Type>: <message>   the write raised; the process exits with code 3
After DONE, and at a ``sleep`` signal point, the process sleeps until it is killed, so the
test's SIGKILL always lands (return code -9); a kill that came after the end shows as DONE.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.modules["numpy"] = None  # type: ignore[assignment]  # sqlite-utils works without; starts faster

LINGER_SECONDS = 60  # a writer nobody kills gives up after this, rather than hang around


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def linger() -> None:
    time.sleep(LINGER_SECONDS)
    os._exit(4)


class Signal:
    """Counts the statements of the write transaction and signals at the chosen point."""

    def __init__(self, at: str, then: str) -> None:
        self.at = at
        self.then = then
        self.count = 0
        self.fired = False
        self.backup = False  # count backup steps (the backup scenario) instead of statements

    def fire(self, what: str) -> None:
        if self.fired:
            return
        self.fired = True
        say(f"BEGUN {self.count} {what[:60]!r}")
        if self.then == "sleep":
            linger()

    def statement(self, conn: sqlite3.Connection, sql: str) -> None:
        if self.fired or self.backup or not conn.in_transaction:
            return
        if sql.lstrip().upper().startswith("COMMIT"):
            if self.at == "commit":
                self.fire(sql)
            return
        if self.at.isdigit() and self.count == int(self.at):
            self.fire(sql)
        self.count += 1

    def backup_step(self, remaining: int, total: int) -> None:
        if not self.backup:  # e.g. the backup a migration makes first
            return
        self.count += 1
        if self.at.isdigit() and self.count == int(self.at):
            self.fire(f"backup step, {remaining} of {total} pages left")


SIGNAL = Signal("never", "run")


class WriterConnection(sqlite3.Connection):
    """Every connection of this process: traces statements, and backs up in small steps."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_trace_callback(lambda sql: SIGNAL.statement(self, sql))

    def backup(self, target: sqlite3.Connection, **kwargs: Any) -> None:  # type: ignore[override]
        def progress(status: int, remaining: int, total: int) -> None:
            SIGNAL.backup_step(remaining, total)

        super().backup(target, pages=8, progress=progress)


def _install_connection_class() -> None:
    original = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", WriterConnection)
        return original(*args, **kwargs)

    sqlite3.connect = connect  # type: ignore[assignment]


def _install_replace_signal() -> None:
    original = os.replace

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        if SIGNAL.backup and SIGNAL.at == "commit":
            SIGNAL.fire(f"rename into place: {dst}")
        original(src, dst, **kwargs)

    os.replace = replace  # type: ignore[assignment]


# ---------------------------------------------------------------- scenarios


def scenario_project(db: Any) -> None:
    from parktracker.domain.enums import Stage
    from parktracker.domain.models import MonthlyInvestment, Project
    from parktracker.domain.money import Money
    from parktracker.domain.periods import YearMonth
    from parktracker.services import projects
    from parktracker.storage import changes, parks

    park = parks.all_parks(db)[0]
    assert park.id is not None
    project = Project(
        park_id=park.id,
        name="崩溃测试生产基地项目",
        stage=Stage.UNDER_CONSTRUCTION,
        company="青岛崩溃测试科技有限公司",
        planned_total=Money.yi(80),
        signed_date=dt.date(2023, 1, 5),
        actual_start_date=dt.date(2023, 3, 1),
        notes="由崩溃测试写入" * 20,
    )
    history = [
        (Stage.SIGNED, dt.date(2023, 1, 5)),
        (Stage.UNDER_CONSTRUCTION, dt.date(2023, 3, 1)),
    ]
    with changes.recording(db), db.atomic():
        project_id = projects.create_project(db, project=project, history=history)
        months = [YearMonth(2023, 3).add(i) for i in range(36)]
        projects.edit_investment(
            db,
            project_id=project_id,
            entries=[
                MonthlyInvestment(project_id, month, Money.wan(5000 + index))
                for index, month in enumerate(months)
            ],
            annual_plans=[(year, Money.yi(20)) for year in (2023, 2024, 2025, 2026)],
        )


def scenario_revenue(db: Any) -> None:
    from parktracker.domain.money import Money
    from parktracker.domain.periods import YearMonth
    from parktracker.services.revenue_entry import RevenueCell, set_monthly
    from parktracker.storage import changes, parks

    cells = [
        RevenueCell(park.id, YearMonth(2024, month), Money.wan(100_000 + 37 * index + month))
        for index, park in enumerate(parks.all_parks(db))
        if park.id is not None
        for month in range(1, 13)
    ]
    assert len(cells) == 96
    with changes.recording(db):
        set_monthly(db, cells=cells)


def scenario_delete(db: Any) -> None:
    from parktracker.services import projects
    from parktracker.storage import changes

    project_id = db.scalar(
        "SELECT project_id FROM project_monthly_investment GROUP BY project_id"
        " ORDER BY count(*) DESC, project_id LIMIT 1"
    )
    with changes.recording(db):
        projects.delete_project(db, project_id=int(project_id))


BULK = {"rows": 3000, "notes": 0}


def scenario_bulk(db: Any) -> None:
    from parktracker.storage import audit

    park_id = db.scalar("SELECT min(id) FROM parks")
    with db.atomic():
        for index in range(BULK["rows"]):
            name = f"批量写入企业{index:05d}" * 4
            notes = "备" * BULK["notes"]
            audit.insert(db, "enterprises", {"park_id": park_id, "name": name, "notes": notes})


def scenario_touch(db: Any) -> None:
    """Rewrite a column of every audit row in place (same length, so no page grows): the
    storage engine's case of a large transaction that does not extend the file."""
    with db.atomic():
        for (row_id,) in db.conn.execute("SELECT id FROM audit_log ORDER BY id").fetchall():
            db.conn.execute("UPDATE audit_log SET action = 'update' WHERE id = ?", [row_id])


SCENARIOS: dict[str, Callable[[Any], None]] = {
    "project": scenario_project,
    "revenue": scenario_revenue,
    "delete": scenario_delete,
    "bulk": scenario_bulk,
    "touch": scenario_touch,
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=[*SCENARIOS, "migrate", "backup"])
    parser.add_argument("db", type=Path)
    parser.add_argument("--at", default="never")
    parser.add_argument("--then", choices=["sleep", "run"], default="sleep")
    parser.add_argument("--target", type=Path)
    parser.add_argument("--rows", type=int, default=BULK["rows"])
    parser.add_argument("--notes", type=int, default=0, help="characters of notes per bulk row")
    parser.add_argument("--cache-size", type=int)
    parser.add_argument("--cache-spill", action="store_true")
    parser.add_argument("--fsize-limit", type=int)
    parser.add_argument("--retry", action="store_true", help="after a failure, free space, retry")
    args = parser.parse_args(argv)

    BULK["rows"], BULK["notes"] = args.rows, args.notes
    SIGNAL.at, SIGNAL.then = args.at, args.then
    SIGNAL.backup = args.scenario == "backup"
    _install_connection_class()
    _install_replace_signal()

    from parktracker.storage import backup, database
    from parktracker.storage.errors import StorageError

    if args.cache_size is not None or args.cache_spill:
        connect = database._connect

        def small_cache(path: Path, *, readonly: bool) -> sqlite3.Connection:
            conn = connect(path, readonly=readonly)
            if args.cache_size is not None:
                conn.execute(f"PRAGMA cache_size = {args.cache_size}")
            if args.cache_spill:
                conn.execute("PRAGMA cache_spill = ON")
            return conn

        database._connect = small_cache  # type: ignore[assignment]

    def write(db: database.Database | None) -> database.Database:
        if db is None:
            db = database.open_database(args.db)  # "migrate" upgrades here
        if args.scenario == "backup":
            backup.save_copy(db, args.target)
        elif args.scenario != "migrate":
            SCENARIOS[args.scenario](db)
        return db

    if args.fsize_limit is not None:
        # Disk full, emulated: writes past the limit fail with EFBIG instead of killing us.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.fsize_limit, hard))
        db = database.open_database(args.db)
        try:
            write(db)
        except Exception as exc:  # anything but a StorageError is a bug the test reports
            say(f"FAILED {type(exc).__name__}: {exc}")
            say(f"IN-TRANSACTION {db.conn.in_transaction}")
            if not args.retry:
                os._exit(0)  # the app is closed while the disk is still full
            resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))  # space is freed
            say(f"QUICK-CHECK {db.scalar('PRAGMA quick_check')}")
            write(db)  # the user saves again, in the same session
            say("RETRIED")
        db.close()
        say("END")
        return 0

    try:
        write(None)
    except (StorageError, sqlite3.Error) as exc:
        say(f"FAILED {type(exc).__name__}: {exc}")
        return 3
    say(f"DONE {SIGNAL.count}")
    linger()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
