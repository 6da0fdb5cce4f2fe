"""Options that apply to every command (--lang) are accepted after the command's name too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parktracker.cli import EXIT_OK, main


def test_summary_with_lang_after_the_command_speaks_english(demo_template: Path) -> None:
    """Through the real command line, as the officer typed it."""
    env = dict(os.environ, PARKTRACKER_LANG="zh_CN")
    command = ["summary", "--db", str(demo_template), "--lang", "en"]
    result = subprocess.run(
        [sys.executable, "-m", "parktracker", *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("As of 2024-03-31, all 8 parks")
    assert "截至" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "--db", "{db}", "--lang", "en"],
        ["summary", "--lang", "en", "--db", "{db}"],
        ["summary", "--db", "{db}", "--lang=en"],
        ["--lang", "en", "summary", "--db", "{db}"],
        ["--lang", "zh_CN", "summary", "--db", "{db}", "--lang", "en"],  # the last one counts
    ],
)
def test_lang_is_accepted_before_or_after_the_command(
    demo_template: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    argv = [a.replace("{db}", str(demo_template)) for a in args]
    assert main(argv) == EXIT_OK
    out, err = capsys.readouterr()
    assert err == ""
    assert "As of" in out or "as of" in out, out


def test_chinese_after_the_command(demo_template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "summary", "--db", str(demo_template), "--lang", "zh_CN"]) == 0
    out, _ = capsys.readouterr()
    assert "截至" in out


@pytest.mark.parametrize("command", ["check", "demo", "backup", "chart"])
def test_every_command_accepts_lang(
    command: str, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(demo_template.read_bytes())
    argv = {
        "check": ["check", "--db", str(db), "--lang", "en"],
        "demo": ["demo", "--db", str(tmp_path / "new.db"), "--lang", "en"],
        "backup": ["backup", "--db", str(db), "--lang", "en"],
        "chart": ["chart", "--list", "--lang", "en"],
    }[command]
    code = main(argv)
    out, err = capsys.readouterr()
    assert "unrecognized arguments" not in err
    assert code in (0, 1), err
    if command != "chart":
        assert out.isascii() or command == "check", out


def test_an_unknown_language_after_the_command_is_refused(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["summary", "--db", str(demo_template), "--lang", "fr"])
    assert exit_info.value.code == 2
    _, err = capsys.readouterr()
    assert "fr" in err


def test_json_output_is_unchanged_by_lang_after_the_command(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", "--db", str(demo_template), "--json", "--lang", "en"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["projects"]["under_construction"]["count"] > 0
