"""`parktracker export` and `parktracker template`: files written, one-line refusals, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from parktracker.cli import EXIT_ERROR, EXIT_OK, main


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err.strip()


def test_export_one_table_and_the_whole_database(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "projects.xlsx"
    assert (
        main(["export", "--db", str(demo_path), "--table", "projects", "--out", str(out)])
        == EXIT_OK
    )
    assert capsys.readouterr().out.strip() == f"已导出到{out}。"
    ws = load_workbook(out)["项目"]
    assert ws.max_row == 2 + 88  # the title line, the header and the demo's 88 projects

    out = tmp_path / "all.xlsx"
    args = ["export", "--db", str(demo_path), "--table", "all", "--out", str(out)]
    assert main([*args, "--as-of", "2024-03-31", "--park", "集成电路"]) == EXIT_OK
    wb = load_workbook(out)
    assert wb.sheetnames == ["项目", "月度投资", "基金", "营收", "创新平台", "企业", "问题清单"]
    assert wb["项目"]["A1"].value.startswith("项目 — 青岛市集成电路产业园 — 截至2024年3月31日")
    parks = {r[1].value for r in wb["项目"].iter_rows(min_row=3)}
    assert parks == {"青岛市集成电路产业园"}

    out = tmp_path / "revenue.csv"
    assert (
        main(
            [
                "--lang",
                "en",
                "export",
                "--db",
                str(demo_path),
                "--table",
                "revenue",
                "--out",
                str(out),
            ]
        )
        == EXIT_OK
    )
    lines = out.read_text("utf-8-sig").splitlines()
    assert lines[1] == "Park,Month,Revenue this month (100M yuan)"


def test_export_refusals_are_one_line_and_exit_2(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo_path)
    cases = {
        "all.csv": (["--table", "all"], "一个CSV文件只能保存一张表"),
        "x.txt": (["--table", "funds"], "请选择以 .xlsx 或 .csv 结尾的文件"),
        "missing/x.xlsx": (["--table", "funds"], "文件夹不存在"),
        "p.xlsx": (["--table", "funds", "--park", "量子信息"], "没有与“量子信息”匹配的园区"),
    }
    for name, (extra, message) in cases.items():
        out = tmp_path / name
        assert main(["export", "--db", db, "--out", str(out), *extra]) == EXIT_ERROR
        assert message in one_line(capsys)
        assert not out.exists()

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    out = tmp_path / "x.xlsx"
    assert (
        main(["export", "--db", str(garbage), "--table", "projects", "--out", str(out)])
        == EXIT_ERROR
    )
    assert "garbage.db不是SQLite数据库" in one_line(capsys)
    assert (
        main(
            ["export", "--db", str(tmp_path / "none.db"), "--table", "projects", "--out", str(out)]
        )
        == EXIT_ERROR
    )
    assert "未找到数据库文件" in one_line(capsys)
    assert not out.exists()


def test_template_for_one_park_or_every_park(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo_path)
    out = tmp_path / "ic.xlsx"
    assert (
        main(
            ["template", "--db", db, "--park", "集成电路", "--month", "2024-04", "--out", str(out)]
        )
        == EXIT_OK
    )
    assert capsys.readouterr().out.strip() == f"填报模板已写入{out}。"
    wb = load_workbook(out)
    assert wb.sheetnames == ["项目", "月度投资", "营收", "基金"]
    assert wb["营收"]["B3"].value.strftime("%Y-%m") == "2024-04"

    folder = tmp_path / "templates"
    assert main(["template", "--db", db, "--month", "2024-04", "--out", str(folder)]) == EXIT_OK
    assert len(capsys.readouterr().out.strip().splitlines()) == 8
    assert len(list(folder.glob("*-2024-04.xlsx"))) == 8

    assert (
        main(["template", "--db", db, "--park", "集成电路", "--out", str(tmp_path / "x.csv")])
        == EXIT_ERROR
    )
    assert ".xlsx" in one_line(capsys)
    with pytest.raises(SystemExit) as exited:
        main(["template", "--db", db, "--month", "2024-13", "--out", str(out)])
    assert exited.value.code == EXIT_ERROR
    assert "“2024-13”不是有效月份" in capsys.readouterr().err
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["template", "--db", db, "--out", str(blocker / "sub")]) == EXIT_ERROR
    assert "无法写入" in one_line(capsys)
