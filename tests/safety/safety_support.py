"""Helpers of the safety tests: run and kill the writer process, snapshot and compare files.

(Not a test module: the tests in this folder import it by name, as pytest puts their folder on
sys.path.)
"""

from __future__ import annotations

import hashlib
import json
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WRITER = Path(__file__).with_name("_writer_script.py")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "safety"
SCHEMAS = Path(__file__).resolve().parents[1] / "storage" / "schemas"
WAIT_SECONDS = 60

# Columns that hold the time of a write: equal writes made at different times differ only here.
VOLATILE = {("audit_log", "at"), ("_sqlite_migrations", "applied_at")}

Snapshot = dict[str, Any]


@dataclass
class WriterRun:
    """What a killed writer said and how it ended."""

    returncode: int | None
    lines: list[str]
    stderr: str

    @property
    def begun(self) -> bool:
        return any(line.startswith("BEGUN") for line in self.lines)

    @property
    def done(self) -> bool:
        return any(line.startswith("DONE") for line in self.lines)

    @property
    def statements(self) -> int:
        """The number given by DONE: statements of the transaction (backup: steps)."""
        [done] = [line for line in self.lines if line.startswith("DONE")]
        return int(done.split()[1])

    def describe(self) -> str:
        return f"rc={self.returncode} out={self.lines} err={self.stderr[-2000:]!r}"


def writer_command(scenario: str, db: Path, *options: str) -> list[str]:
    return [sys.executable, str(WRITER), scenario, str(db), *options]


def run_and_kill(
    scenario: str,
    db: Path,
    *,
    at: str = "never",
    then: str = "sleep",
    delay: float = 0.0,
    options: tuple[str, ...] = (),
) -> WriterRun:
    """Start the writer, wait for its first line (its signal point, or DONE for ``never``),
    wait ``delay`` seconds, then SIGKILL it and collect what it printed."""
    command = writer_command(scenario, db, "--at", at, "--then", then, *options)
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        ready, _, _ = select.select([proc.stdout], [], [], WAIT_SECONDS)
        first = proc.stdout.readline() if ready else ""
        if delay:
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=WAIT_SECONDS)
        rest = proc.stdout.read()
        stderr = proc.stderr.read()
    lines = [line for line in [first.rstrip("\n"), *rest.splitlines()] if line]
    return WriterRun(proc.returncode, lines, stderr)


def run_to_end(scenario: str, db: Path, *options: str) -> WriterRun:
    """Run the writer without a signal point and wait for it to exit by itself."""
    proc = subprocess.run(
        writer_command(scenario, db, *options),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=WAIT_SECONDS,
        check=False,
    )
    return WriterRun(proc.returncode, proc.stdout.splitlines(), proc.stderr)


# ---------------------------------------------------------------- file states


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder with its hash (catches stray -journal files, temp copies)."""
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def integrity(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]


def snapshot_of(conn: sqlite3.Connection) -> Snapshot:
    """The whole logical content: schema, user_version and every row of every table."""
    state: Snapshot = {
        "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
        "schema": sorted(
            tuple(r) for r in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        ),
    }
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    for table in tables:
        columns = [
            f"[{c[1]}]"
            for c in conn.execute(f"PRAGMA table_info([{table}])")
            if (table, c[1]) not in VOLATILE
        ]
        state[table] = [
            _stable(table, tuple(r))
            for r in conn.execute(
                f"SELECT rowid, {', '.join(columns)} FROM [{table}] ORDER BY rowid"
            )
        ]
    return state


def _stable(table: str, row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row as compared: the database id is random (given to a file that has none on its
    first open for writing), so only its presence is compared."""
    if table == "meta" and len(row) == 3 and row[1] == "database_id":
        return (*row[:2], "<database id>")
    return row


def recover(path: Path) -> tuple[list[str], Snapshot]:
    """Open ``path`` read-write, as the app does after a crash (SQLite rolls back a hot
    journal on this first read), and return its integrity check and its content."""
    conn = sqlite3.connect(path)
    try:
        return integrity(conn), snapshot_of(conn)
    finally:
        conn.close()


def snapshot(path: Path) -> Snapshot:
    problems, state = recover(path)
    assert problems == ["ok"], problems
    return state


def differences(state: Snapshot, other: Snapshot) -> dict[str, tuple[int, int]]:
    """Which parts differ, with their row counts: for readable failure messages."""
    keys = sorted(set(state) | set(other))
    return {
        key: (_size(state.get(key)), _size(other.get(key)))
        for key in keys
        if state.get(key) != other.get(key)
    }


def _size(value: Any) -> int:
    return len(value) if isinstance(value, list) else int(value or 0)


def classify(state: Snapshot, before: Snapshot, after: Snapshot) -> str:
    """Which state the file is in: "before", "after" or "PARTIAL"."""
    if state == before:
        return "before"
    if state == after:
        return "after"
    return "PARTIAL"


def landing_zone(path: Path, original_digest: str) -> str:
    """Where in the write the kill landed, told by the files it left (before recovery):
    the database still as it was with no journal (before the first page was journalled),
    with a journal (inside the transaction, or the commit's journal phase), changed with a
    journal (in the commit's phase of writing pages to the database: the rollback case; the
    file may then be shorter than its new header says), or changed without one (after the
    commit). The demo files have 4096-byte pages."""
    journal = Path(f"{path}-journal")
    hot = journal.exists() and journal.stat().st_size > 0
    changed = digest(path) != original_digest
    zone = {
        (False, False): "untouched",
        (True, False): "journalled",
        (True, True): "mid-commit",
        (False, True): "committed",
    }[(hot, changed)]
    if zone == "mid-commit" and path.stat().st_size < header_page_count(path) * 4096:
        zone += " (shorter than its header says)"
    return zone


def header_page_count(path: Path) -> int:
    with path.open("rb") as handle:
        return int.from_bytes(handle.read(32)[28:32], "big")


# ---------------------------------------------------------------- tallies


@dataclass
class Tally:
    """Outcomes per kill point, for the assertion messages and the report."""

    name: str
    outcomes: dict[str, Counter[str]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    landed: Counter[str] = field(default_factory=Counter)
    inside: int = 0  # kills that landed between the writer's BEGUN marker and its commit's end
    missed: list[str] = field(default_factory=list)  # kills that came after the write ended

    def window(self, point: str, run: WriterRun, zone: str) -> None:
        """Record whether the kill landed inside the write it targets: after the writer said
        BEGUN, before it said DONE, and before the commit had finished (no "committed" file)."""
        if run.begun and not run.done and zone != "committed":
            self.inside += 1
        else:
            self.missed.append(f"{point} ({zone}{', after DONE' if run.done else ''})")

    def require_inside(self, least: int) -> None:
        """Fail unless at least ``least`` kills landed inside the write (a kill after the
        write proves nothing about crash safety)."""
        assert self.inside >= least, (
            f"{self.name}: only {self.inside} of {self.kills} kills landed inside the write;"
            f" missed: {self.missed}"
        )

    def add(self, point: str, outcome: str, detail: str = "") -> None:
        self.outcomes.setdefault(point, Counter())[outcome] += 1
        if outcome not in ("before", "after", "old", "new") and not outcome.startswith("v"):
            self.failures.append(f"{point}: {outcome} {detail}")

    @property
    def kills(self) -> int:
        return sum(sum(c.values()) for c in self.outcomes.values())

    def summary(self) -> str:
        points = "; ".join(
            f"{point}: " + ", ".join(f"{k} {n}" for k, n in sorted(c.items()))
            for point, c in self.outcomes.items()
        )
        zones = ", ".join(f"{k} {n}" for k, n in sorted(self.landed.items()))
        window = f"{self.inside} inside the write, {len(self.missed)} missed {self.missed}"
        return (
            f"{self.name}: {self.kills} kills, {len(self.failures)} bad [{points}] ({zones});"
            f" {window}"
        )

    def report(self) -> None:
        """Print the summary (shown by ``pytest -s`` or ``-rP``), record it in
        test-artifacts/safety/kills.json, and fail on any bad outcome."""
        print(self.summary())
        record = {
            "kills": self.kills,
            "bad": len(self.failures),
            "outcomes": {point: dict(counts) for point, counts in self.outcomes.items()},
            "landed": dict(self.landed),
            "inside": self.inside,
            "missed": self.missed,
        }
        path = ARTIFACTS / "kills.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            known = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        known[self.name] = record
        known["total"] = {
            "kills": sum(v["kills"] for k, v in known.items() if k != "total"),
            "bad": sum(v["bad"] for k, v in known.items() if k != "total"),
        }
        path.write_text(json.dumps(known, ensure_ascii=False, indent=2), encoding="utf-8")
        assert not self.failures, self.summary() + "\n" + "\n".join(self.failures)
