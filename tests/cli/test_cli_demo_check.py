"""`parktracker demo` and `parktracker check`."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from parktracker.cli import EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, main
from parktracker.services import workspace
from parktracker.storage.database import open_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_writes_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "out" / "demo.db"
    assert main(["demo", "--db", str(path)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert str(path) in out
    assert err == ""
    with open_database(path, readonly=True) as db:
        assert db.scalar("SELECT count(*) FROM projects WHERE stage = 'under_construction'") == 50


def test_demo_refuses_an_existing_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = workspace.open_or_create(tmp_path / "mine.db")
    db.close()
    path = tmp_path / "mine.db"
    before = digest(path)

    code = main(["demo", "--db", str(path)])

    out, err = capsys.readouterr()
    assert code == EXIT_ERROR
    assert out == ""
    [line] = err.splitlines()
    assert str(path) in line
    assert "--force" in line
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.db"]


def test_demo_with_force_replaces_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.db"
    db, _ = workspace.open_or_create(path)
    db.close()

    assert main(["demo", "--db", str(path), "--force"]) == EXIT_OK

    out = capsys.readouterr().out.splitlines()
    with open_database(path, readonly=True) as replaced:
        assert replaced.meta("sample_data") == "1"
        assert replaced.scalar("SELECT count(*) FROM projects") > 50
    # The replaced file was backed up first, like a restore does, and the output says where.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine-backups", "mine.db"]
    [kept] = (tmp_path / "mine-backups").iterdir()
    assert kept.name.endswith("-pre-replace.db")
    assert str(kept) in out[1]
    with open_database(kept, readonly=True) as previous:
        assert previous.scalar("SELECT count(*) FROM projects") == 0


def test_check_of_the_demo_passes(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(demo_path)
    assert main(["check", "--db", str(demo_path), "--lang", "zh_CN"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    # Sound, with the demo's consistency warnings listed: 10 of its 17 projects in production
    # have no completed investment reported. Warnings alone exit 0.
    assert lines[0] == f"{demo_path}：未发现错误；有10条一致性提示，请核对："
    warnings = [line for line in lines[1:] if line.startswith("  * ")]
    assert len(warnings) == 10 == len(lines) - 1
    assert (
        warnings[0]
        == "  * 项目“中微创芯智能功率模块(IPM)项目”（编号1）已投产，但尚未填报任何完成投资。"
    )
    assert all(w.endswith("已投产，但尚未填报任何完成投资。") for w in warnings)
    assert digest(demo_path) == before  # check only reads


def test_check_lists_a_stage_that_disagrees_with_its_history(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE projects SET stage = 'in_production' WHERE name = '小派科技项目'")
    conn.commit()
    last = conn.execute(
        "SELECT h.stage FROM project_stage_history h JOIN projects p ON p.id = h.project_id"
        " WHERE p.name = '小派科技项目' ORDER BY h.date DESC, h.id DESC LIMIT 1"
    ).fetchone()[0]
    conn.close()
    assert last == "signed"

    code = main(["check", "--db", str(demo_path), "--lang", "zh_CN"])

    out, err = capsys.readouterr()
    assert code == EXIT_PROBLEMS
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == f"{demo_path}：发现1个问题："  # the number of problems
    assert lines[1] == (
        "  - 项目“小派科技项目”（编号17）当前阶段为“已投产”，"
        "但阶段变更记录的最后一条为“已签约待开工”。"
    )
    assert lines[2] == "另有12条一致性提示，请核对："
    problems = [line for line in lines[1:] if line.startswith("  - ")]
    assert len(problems) == 1
    # Its missing investment and start date are warnings, listed apart (lines "  * ").
    assert any(line.startswith("  * ") and "小派科技项目" in line for line in lines)


def test_check_counts_every_problem(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute(
        "UPDATE projects SET stage = 'in_production' WHERE name IN ('小派科技项目', '欢创科技项目')"
    )
    conn.execute("DELETE FROM fund_updates WHERE fund_id = (SELECT min(id) FROM funds)")
    conn.commit()
    conn.close()

    assert main(["check", "--db", str(demo_path), "--lang", "zh_CN"]) == EXIT_PROBLEMS

    lines = capsys.readouterr().out.splitlines()
    assert len([line for line in lines if line.startswith("  - ")]) == 3
    assert lines[0] == f"{demo_path}：发现3个问题："
