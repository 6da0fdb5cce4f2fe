"""Arguments: dates outside the documented range (1990–2100) or not dates at all get one clear
line and exit 2, never "year out of range" from deep inside; every date form the product's one
parser accepts works on the command line too.

Issue 13, item 13.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hardening_support import cli

OUT_OF_RANGE = ["0001-01-01", "9999-12-31", "1989-12-31", "2101-01-01", "1900-06-30", "0000-01-01"]
NOT_DATES = ["2024-02-30", "2024-13-01", "31/12/2024", "yesterday", "", "2024-03"]
COMMANDS = {
    "summary": ["summary", "--db", "{db}", "--as-of", "{date}"],
    "summary-json": ["summary", "--db", "{db}", "--json", "--as-of", "{date}"],
    "chart": ["chart", "funds", "--db", "{db}", "--out", "{tmp}/c.png", "--as-of", "{date}"],
}


def _args(command: str, db: Path, tmp: Path, date: str) -> list[str]:
    return [a.format(db=db, tmp=tmp, date=date) for a in COMMANDS[command]]


@pytest.mark.parametrize("date", OUT_OF_RANGE)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_date_out_of_the_documented_range_gets_one_line_naming_the_range(
    command: str, date: str, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = cli(capsys, *_args(command, demo_template, tmp_path, date))
    assert run.code == 2
    assert "Traceback" not in run.err and "year out of range" not in run.err
    last = run.lines[-1]
    assert f"“{date}”" in last and "1990" in last and "2100" in last
    assert run.out == ""
    assert not (tmp_path / "c.png").exists()


@pytest.mark.parametrize("date", NOT_DATES)
def test_text_that_is_no_date_gets_one_line(
    date: str, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = cli(capsys, *_args("summary", demo_template, tmp_path, date))
    assert run.code == 2 and "Traceback" not in run.err
    assert f"“{date}”" in run.lines[-1]


@pytest.mark.parametrize("date", ["1990-01-01", "2100-12-31", "2024/3/31", "2024年3月31日"])
def test_dates_the_product_accepts_work_on_the_command_line(
    date: str, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = cli(capsys, *_args("summary-json", demo_template, tmp_path, date))
    assert run.code == 0, run.err


def test_the_out_of_range_message_is_in_chinese_by_default(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parktracker.cli import main

    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:
        main(["summary", "--db", str(demo_template), "--as-of", "9999-12-31"])
    assert caught.value.code == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert "1990" in last and "2100" in last and "日期" in last and "不是" in last
