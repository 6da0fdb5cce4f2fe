"""`parktracker import`: what the terminal shows, the exit codes, and the database after."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from parktracker.cli import main
from parktracker.storage.database import open_database

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from import_support import dump, xlsx

HEADER = ["所属园区", "项目名称", "项目阶段", "计划总投资（万元）"]
TITLE = "2024年3月重点项目调度表"


def write(path: Path, rows: list[list[object]]) -> Path:
    path.write_bytes(xlsx(HEADER, rows, title=TITLE))
    return path


def state(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with open_database(db_path, readonly=True) as db:
        return dump(db)


def test_json_preview_with_reasons_and_exit_1_writes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(
        tmp_path / "march.xlsx",
        [
            ["集成电路", "新项目甲", "在谈", "1,000"],
            ["青岛市量子信息产业园", "量子项目", "在谈", 1],
            ["集成电路", "新项目乙", "在谈", "约5亿"],
        ],
    )
    before = state(demo_path)

    code = main(["import", str(file), "--db", str(demo_path), "--json"])

    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    data = json.loads(out)
    assert data["file"] == "march.xlsx" and data["kind"] == "projects"
    assert data["as_of"] == "2024-03" and data["applied"] is False
    assert data["counts"] == {"new": 1, "changed": 0, "unchanged": 0, "invalid": 2}
    rows = {r["row"]: r for r in data["rows"]}
    assert rows[3]["status"] == "new"
    assert {c["field"]: c["new"] for c in rows[3]["changes"]}["planned_total"] == "1000 万元"
    assert rows[4]["problems"] == ["第4行“所属园区”：青岛市量子信息产业园不在园区名录中"]
    assert rows[5]["problems"] == ["第5行“计划总投资”：无法识别的金额“约5亿”"]
    assert state(demo_path) == before


def test_skip_invalid_applies_the_rest_and_a_second_run_changes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(
        tmp_path / "march.xlsx",
        [
            ["集成电路", "新项目甲", "在谈", "1,000"],
            ["青岛市量子信息产业园", "量子项目", "在谈", 1],
        ],
    )
    assert main(["import", str(file), "--db", str(demo_path), "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "新增1条，变更0条，未变0条，有误1条" in out
    assert "已导入：新增1条，变更0条，未变0条，跳过1条。" in out
    after_first = state(demo_path)
    assert any(r[2] == "新项目甲" for r in after_first["projects"])
    backups = list((demo_path.parent / "demo-backups").glob("demo-*-pre-import.db"))
    assert len(backups) == 1

    assert main(["import", str(file), "--db", str(demo_path), "--skip-invalid"]) == 0
    assert "无需修改" in capsys.readouterr().out
    assert state(demo_path) == after_first


def test_dry_run_writes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path / "march.xlsx", [["集成电路", "新项目甲", "在谈", 1]])
    before = state(demo_path)
    assert main(["--lang", "en", "import", str(file), "--db", str(demo_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 new, 0 changed, 0 unchanged, 0 invalid" in out
    assert "Dry run: nothing was written." in out
    assert state(demo_path) == before


def test_an_unreadable_file_exits_2_with_one_line(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "report.xls"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert main(["import", str(bad), "--db", str(demo_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert "不是可读取的表格文件" in err


def test_a_database_that_cannot_be_opened_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path / "march.xlsx", [["集成电路", "新项目甲", "在谈", 1]])
    assert main(["import", str(file), "--db", str(tmp_path / "missing.db")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_kind_and_sheet_options(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path / "march.xlsx", [["集成电路", "新项目甲", "在谈", 1]])
    assert main(["import", str(file), "--db", str(demo_path), "--sheet", "没有", "--dry-run"]) == 2
    assert "没有名为“没有”的工作表" in capsys.readouterr().err
    assert main(["import", str(file), "--db", str(demo_path), "--kind", "funds", "--dry-run"]) == 2
    assert (
        main(
            [
                "import",
                str(file),
                "--db",
                str(demo_path),
                "--kind",
                "projects",
                "--sheet",
                "项目",
                "--as-of",
                "2024-05",
                "--dry-run",
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["as_of"] == "2024-05"
