"""A plain GUI start's arguments are read without building a parser: the quick reader gives
what argparse gives for the GUI's options, and hands everything else to the full parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from parktracker import cli


def argparse_reading(args: list[str]) -> dict[str, object] | None:
    """What argparse makes of ``args`` with the GUI's options only (None: not a plain start)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    for flag, options, _text in cli.GUI_OPTIONS:
        parser.add_argument(flag, **options)
    try:
        parsed, rest = parser.parse_known_args(args)
    except (argparse.ArgumentError, SystemExit):
        return None
    return None if rest else {**vars(parsed), "command": None}


CASES = [
    [],
    ["--db", "/tmp/x.db"],
    ["--db=/tmp/x.db"],
    ["--db", "数据/园区 2024.db"],
    ["--demo"],
    ["--demo", "--lang", "en"],
    ["--lang=zh_CN", "--read-only", "--db", "a b.db"],
    ["--debug", "--smoke", "shot.png"],
    ["--db", "x.db", "--db", "y.db"],  # the last one counts, as in argparse
    ["--lang", "fr"],  # not a choice: the full parser explains
    ["--db"],  # no value
    ["--db", "--demo"],
    ["--db", "-x"],
    ["--demo=1"],  # a flag takes no value
    ["--d", "x.db"],  # no abbreviations
    ["summary", "--db", "x.db"],  # a command
    ["-h"],
    ["--version"],
    ["--", "--demo"],
]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) or "(none)" for c in CASES])
def test_quick_reading_agrees_with_argparse(args: list[str]) -> None:
    quick = cli._gui_arguments(args)
    assert (None if quick is None else vars(quick)) == argparse_reading(args)


def test_a_plain_start_is_read_with_its_types() -> None:
    args = cli._gui_arguments(["--db", "parks.db", "--lang", "en", "--read-only"])
    assert args is not None
    assert args.gui_db == Path("parks.db")
    assert (args.lang, args.read_only, args.demo, args.command) == ("en", True, False, None)
