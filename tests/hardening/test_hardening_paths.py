"""Paths: what is at the path, or the path itself, is refused in one line, never a traceback,
never a blocked read, never a message naming a temporary file.

Issue 13, items 14 (names longer than the file system allows), 18 (a pipe, a device or a /proc
file given as the database) and 19 (``demo`` on a full disk names the target).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_support import ROOT, cli, cli_process, folder_state

from parktracker.services import workspace
from parktracker.storage.database import open_database

LONG = "园区项目投资跟踪数据库" * 10 + ".db"  # 300 bytes of UTF-8: more than a file name may have
assert len(LONG.encode("utf-8")) > 255


# ---------------------------------------------------------------- item 18: not a file


def _special_paths(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    return {
        "fifo": fifo,
        "dev-zero": Path("/dev/zero"),
        "dev-urandom": Path("/dev/urandom"),
        "dev-null": Path("/dev/null"),
        "proc-status": Path("/proc/self/status"),
        "proc-cpuinfo": Path("/proc/cpuinfo"),
    }


SPECIAL = ["fifo", "dev-zero", "dev-urandom", "dev-null", "proc-status", "proc-cpuinfo"]
READING_COMMANDS = {
    "summary": ["summary", "--db", "{p}"],
    "check": ["check", "--db", "{p}"],
    "backup": ["backup", "--db", "{p}", "--out", "{tmp}/copy.db"],
    "restore-from": ["restore", "--db", "{tmp}/live.db", "--from", "{p}"],
    "chart": ["chart", "pipeline", "--db", "{p}", "--out", "{tmp}/chart.png"],
}


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("command", list(READING_COMMANDS))
@pytest.mark.parametrize("kind", SPECIAL)
def test_a_special_file_as_the_database_is_not_a_regular_file(
    kind: str, command: str, tmp_path: Path, demo_template: Path
) -> None:
    """Run as its own process with a time limit: reading a pipe would block forever."""
    path = _special_paths(tmp_path)[kind]
    (tmp_path / "live.db").write_bytes(demo_template.read_bytes())
    args = [a.format(p=path, tmp=tmp_path) for a in READING_COMMANDS[command]]
    run = cli_process(*args, timeout=60)
    line = run.one_line_error()
    assert "is not a regular file" in line and str(path) in line
    assert "empty file" not in line
    assert not (tmp_path / "copy.db").exists() and not (tmp_path / "chart.png").exists()


def test_a_special_file_message_is_translated(tmp_path: Path) -> None:
    run = cli_process("summary", "--db", "/dev/zero", lang="zh_CN")
    line = run.one_line_error()
    assert "/dev/zero" in line and "不是普通文件" in line


def test_opening_a_pipe_for_editing_takes_no_lock_and_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    from parktracker.storage.errors import NotRegularFile

    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(NotRegularFile):
        workspace.open_for_editing(fifo)
    with pytest.raises(NotRegularFile):
        open_database(fifo, readonly=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no pipe.db.lock


def test_demo_refuses_to_replace_a_device(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    run = cli(capsys, "demo", "--db", str(fifo), "--force")
    assert "is not a regular file" in run.one_line_error()
    assert fifo.is_fifo()


# ---------------------------------------------------------------- item 14: names too long

LONG_NAME_COMMANDS = {
    "summary-db": ["summary", "--db", "{long}"],
    "check-db": ["check", "--db", "{long}"],
    "backup-db": ["backup", "--db", "{long}"],
    "backup-out": ["backup", "--db", "{demo}", "--out", "{long}"],
    "demo-db": ["demo", "--db", "{long}"],
    "demo-db-force": ["demo", "--db", "{long}", "--force"],
    "restore-db": ["restore", "--db", "{long}", "--from", "{demo}"],
    "restore-from": ["restore", "--db", "{demo}", "--from", "{long}"],
    "chart-db": ["chart", "pipeline", "--db", "{long}", "--out", "{tmp}/c.png"],
    "chart-out": ["chart", "pipeline", "--db", "{demo}", "--out", "{long}.png"],
    "long-folder": ["summary", "--db", "{tmp}/{longname}/x.db"],
}


@pytest.mark.parametrize("command", list(LONG_NAME_COMMANDS))
def test_a_name_longer_than_the_file_system_allows_gets_one_line(
    command: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = tmp_path / LONG
    args = [
        a.format(long=long, demo=demo_path, tmp=tmp_path, longname=LONG)
        for a in LONG_NAME_COMMANDS[command]
    ]
    before = folder_state(tmp_path)
    run = cli(capsys, *args)
    line = run.one_line_error()
    assert "longer than the file system allows" in line or "too long" in line.lower(), line
    assert folder_state(tmp_path) == before


def test_opening_a_long_name_in_the_app_is_refused_in_words(tmp_path: Path) -> None:
    from parktracker.storage.errors import NameTooLong

    with pytest.raises(NameTooLong):
        workspace.open_for_editing(tmp_path / LONG)


# ---------------------------------------------------------------- item 19: full disk


def _limit_file_size() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


@pytest.mark.parametrize("force", [False, True], ids=["new", "force"])
def test_demo_on_a_full_disk_names_the_target(force: bool, tmp_path: Path) -> None:
    """No byte may be written past 64 KB (as on a full disk): the message names the file the
    user asked for, and no temporary file is left."""
    target = tmp_path / "演示.db"
    if force:
        target.write_bytes(b"")
    args = ["demo", "--db", str(target)] + (["--force"] if force else [])
    proc = subprocess.run(
        [sys.executable, "-m", "parktracker", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        preexec_fn=_limit_file_size,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert str(target) in line
    assert ".creating-" not in line
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []
