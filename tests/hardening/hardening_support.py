"""Shared by the hardening tests: running the command line as a user would (in this process, or
as a separate process, optionally without root's power to ignore file permissions), racing
processes, and making the hostile files the outside probe used."""

from __future__ import annotations

import hashlib
import os
import select
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from parktracker.cli import main

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()

    def one_line_error(self) -> str:
        """The single error line the CLI promises, after checking there is no traceback."""
        assert "Traceback" not in self.err, self.err
        assert self.code == 2, (self.code, self.out, self.err)
        errors = [line for line in self.lines if line.startswith("parktracker")]
        assert len(errors) == 1, self.err
        return errors[0]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """``parktracker ARGS`` in this process, in English."""
    capsys.readouterr()
    try:
        code = main(["--lang", "en", *args])
    except SystemExit as exc:  # argparse refusing an argument
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def without_root_override() -> list[str]:
    """A command prefix under which file permissions apply even to root (root otherwise reads
    and writes whatever the permission bits say): its capabilities to override them dropped."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("needs setpriv(1) to run without root's permission override")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def cli_process(
    *args: str, prefix: list[str] | None = None, timeout: float = 60, lang: str = "en"
) -> Run:
    """``parktracker ARGS`` as its own process (bounded in time)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [*(prefix or []), sys.executable, "-m", "parktracker", "--lang", lang, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder with its hash: catches stray -wal/-shm/temporary files too."""
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def count(path: Path, table: str = "projects") -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def add_projects(conn: sqlite3.Connection, how_many: int, prefix: str = "WAL项目") -> None:
    park = conn.execute("SELECT min(id) FROM parks").fetchone()[0]
    for i in range(how_many):
        conn.execute(
            "INSERT INTO projects (park_id, name, stage) VALUES (?, ?, 'signed')",
            [park, f"{prefix}{i}"],
        )
    conn.commit()


def wal_with_pending_changes(source: Path, target: Path, added: int = 28) -> Path:
    """A copy of ``source`` in WAL mode whose latest ``added`` projects are committed but still
    only in its ``-wal`` file (as a ParkTracker file that another SQLite tool switched to WAL
    leaves it while that tool has it open)."""
    work = target.with_name(f"work-{target.name}")
    shutil.copyfile(source, work)
    conn = sqlite3.connect(work)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA foreign_keys = ON")
    add_projects(conn, added)
    shutil.copyfile(work, target)
    shutil.copyfile(f"{work}-wal", f"{target}-wal")
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    return target


def wal_copy(source: Path, target: Path) -> Path:
    """A copy of ``source`` switched to WAL mode and closed (no -wal file left)."""
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    assert not Path(f"{target}-wal").exists()
    return target


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def race(workers: int, job: Callable[[int], str], *, timeout: float = 60.0) -> list[str]:
    """Run ``job(i)`` in ``workers`` forked processes released at the same instant; each
    reports one line and then waits, holding whatever it took, until all have reported.
    Returns the reports (bounded by ``timeout``)."""
    go_read, go_write = os.pipe()
    out_read, out_write = os.pipe()
    done_read, done_write = os.pipe()
    pids = []
    for index in range(workers):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 0
            try:
                os.close(go_write)
                os.close(out_read)
                os.close(done_write)
                os.read(go_read, 1)  # EOF for all children at once: the start signal
                try:
                    line = job(index)
                except BaseException as exc:
                    line = f"ERROR {type(exc).__name__}: {exc}"
                os.write(out_write, (line.replace("\n", " ") + "\n").encode("utf-8"))
                os.read(done_read, 1)  # hold on until the parent has every report
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        pids.append(pid)
    os.close(go_read)
    os.close(out_write)
    os.close(done_read)
    os.close(go_write)  # go
    data = b""
    deadline = time.monotonic() + timeout
    try:
        while data.count(b"\n") < workers and time.monotonic() < deadline:
            ready, _, _ = select.select([out_read], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(out_read, 65536)
            if not chunk:
                break
            data += chunk
    finally:
        os.close(done_write)  # let them finish
        os.close(out_read)
        for pid in pids:
            os.waitpid(pid, 0)
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == workers, lines
    return lines
