"""`parktracker warnings`: the JSON keys, the text, and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parktracker.cli import EXIT_ERROR, main
from parktracker.cli_warnings import EXIT_LIT, EXIT_NONE
from parktracker.services.reference import seed_reference
from parktracker.storage.database import create_database
from tests.services.warning_db import build


@pytest.fixture
def built(tmp_path: Path) -> Path:
    path = tmp_path / "built.db"
    db = create_database(path, populate=seed_reference)
    build(db)
    db.close()
    return path


def test_json_lists_every_light_with_its_keys(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--lang", "zh_CN", "warnings", "--db", str(built), "--as-of", "2024-06-30", "--json"]
    )
    out, err = capsys.readouterr()
    assert code == EXIT_LIT
    assert err == ""
    items = json.loads(out)
    assert all(set(item) == {"level", "park", "project", "rule", "reason"} for item in items)
    assert {item["level"] for item in items} == {"red", "yellow"}
    assert [item["level"] for item in items][:2] == ["red", "red"]  # red first
    overdue = next(i for i in items if i["rule"] == "start_overdue")
    assert overdue["project"] == "逾期未开工项目"
    assert overdue["reason"] == "计划2024年2月开工，已逾期4个月未开工"
    park_own = next(i for i in items if i["rule"] == "revenue_behind_pace")
    assert park_own["project"] is None
    assert park_own["park"]


def test_json_in_english(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", "en", "warnings", "--db", str(built), "--as-of", "2024-06-30", "--json"])
    items = json.loads(capsys.readouterr().out)
    reasons = {i["rule"]: i["reason"] for i in items}
    assert reasons["signed_not_started"] == "Signed 7 months ago and not yet started"


def test_nothing_lit_exits_zero(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["warnings", "--db", str(built), "--as-of", "2020-01-31", "--json"]) == EXIT_NONE
    assert json.loads(capsys.readouterr().out) == []
    assert (
        main(["--lang", "en", "warnings", "--db", str(built), "--as-of", "2020-01-31"]) == EXIT_NONE
    )
    assert capsys.readouterr().out.strip() == "No red or yellow warnings as of 2020-01-31."


def test_text_output_and_one_park(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "--lang",
            "en",
            "warnings",
            "--db",
            str(built),
            "--as-of",
            "2024-06-30",
            "--park",
            "人工智能",
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == EXIT_LIT
    assert out[0] == "As of 2024-06-30: 1 red, 2 yellow."
    assert out[1] == (
        "[Red] 青岛市人工智能产业园 — 投资滞后项目: Annual investment 15.0% complete,"
        " 35.0 percentage points behind schedule pace"
    )
    assert "(the park): Park revenue 25.0 percentage points behind" in out[2]


def test_unknown_park_exits_two_with_one_line(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["warnings", "--db", str(built), "--park", "不存在"]) == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "不存在" in err


def test_bad_date_exits_two_with_one_line(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["warnings", "--db", str(built), "--as-of", "2024-02-30"])
    assert caught.value.code == EXIT_ERROR
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "2024-02-30" in err


def test_missing_file_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["warnings", "--db", str(tmp_path / "none.db")]) == EXIT_ERROR
    assert capsys.readouterr().out == ""
