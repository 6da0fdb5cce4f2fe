"""`parktracker briefing`: writes the file and records it; one line and exit 2 on errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parktracker.cli import EXIT_ERROR, EXIT_OK, main


def test_writes_docx_and_records_it(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "通报.docx"
    assert (
        main(["briefing", "--db", str(demo_path), "--month", "2024-03", "--out", str(out)])
        == EXIT_OK
    )
    assert out.read_bytes()[:2] == b"PK"
    assert capsys.readouterr().out.strip() == f"通报已写入{out}。"
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT month FROM briefings").fetchall() == [("2024-03",)]
    conn.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2024-13", "--out", "x.pdf"], "不是有效月份"),
        (["--month", "2024-03", "--out", "x.txt"], "请选择以 .docx 或 .pdf 结尾的文件名"),
        (["--month", "2024-03", "--out", "missing/x.pdf"], "文件夹不存在"),
    ],
)
def test_errors_are_one_line_exit_2(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    args = [a if not a.endswith((".pdf", ".txt")) else str(tmp_path / a) for a in args]
    try:
        code = main(["briefing", "--db", str(demo_path), *args])
    except SystemExit as exited:  # argparse refuses a bad --month itself
        code = exited.code  # type: ignore[assignment]
    assert code == EXIT_ERROR
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and message in err
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT count(*) FROM briefings").fetchone() == (0,)
    conn.close()


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["briefing", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "b.pdf")])
    assert code == EXIT_ERROR
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()


def test_next_briefing_names_figures_changed_since_the_last_one(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parktracker.domain.money import Money
    from parktracker.domain.periods import YearMonth
    from parktracker.services.revenue_entry import RevenueCell, set_monthly, year_grid
    from parktracker.storage import parks
    from parktracker.storage.database import open_database

    db_args = ["briefing", "--db", str(demo_path)]
    assert main([*db_args, "--month", "2024-03", "--out", str(tmp_path / "3.pdf")]) == EXIT_OK
    assert capsys.readouterr().err == ""
    with open_database(demo_path) as db:
        park = parks.all_parks(db)[0]
        assert park.id is not None
        march = year_grid(db, 2024)[(park.id, 3)]
        cells = [RevenueCell(park.id, YearMonth(2024, 3), march + Money.yi(10))]
        set_monthly(db, cells=cells)
    assert main([*db_args, "--month", "2024-04", "--out", str(tmp_path / "4.docx")]) == EXIT_OK
    err = capsys.readouterr().err
    assert err.startswith("3月通报后，以下数字已修改：累计营业收入（亿元）：250.9→260.9；")
    assert (tmp_path / "4.docx").is_file()
