"""A reader that goes away early (``parktracker check --db X | head -1``): the command stops
quietly, as Unix tools do, with no BrokenPipeError traceback on the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parktracker.cli import EXIT_BROKEN_PIPE


@pytest.mark.parametrize("command", ["check", "summary", "warnings"])
def test_output_into_a_closed_pipe_ends_quietly(command: str, demo_template: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "parktracker", command, "--db", str(demo_template)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == EXIT_BROKEN_PIPE


def test_head_takes_the_first_line_and_nothing_is_printed_after(demo_template: Path) -> None:
    """The shell pipeline itself: head prints one line, the terminal sees no traceback."""
    done = subprocess.run(
        f'"{sys.executable}" -m parktracker check --db "{demo_template}" | head -c 1',
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert len(done.stdout) == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
