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
