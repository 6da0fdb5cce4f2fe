"""`parktracker backup` and `parktracker restore`: what they print, their exit codes, and that a
restore backs up the current file first."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parktracker.cli import EXIT_ERROR, EXIT_OK, main
from parktracker.i18n import set_language
from parktracker.services import backups
from parktracker.services.backups import Reason


@pytest.fixture(autouse=True)
def english() -> object:
    set_language("en")
    yield None
    set_language("zh_CN")


def parks_in(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM parks").fetchone()[0])
    finally:
        conn.close()


def add_park_row(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO parks (name, short_name, industry) VALUES ('测试园', '测试', '测试')")
    conn.commit()
    conn.close()


def test_backup_into_the_backups_folder(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "backup", "--db", str(demo_path)]) == EXIT_OK
    out = capsys.readouterr().out.strip()
    [made] = backups.list_backups(demo_path)
    assert made.reason is Reason.MANUAL and made.ok
    assert out == f"Backup of {demo_path} written to {made.path} ({made.size_bytes} bytes)."


def test_backup_to_a_file(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "copy" / "saved.db"
    out_file.parent.mkdir()
    assert main(["--lang", "en", "backup", "--db", str(demo_path), "--out", str(out_file)]) == 0
    assert str(out_file) in capsys.readouterr().out
    assert parks_in(out_file) == 8
    assert backups.list_backups(demo_path) == []  # not a file of the backups folder

    # An existing file is not replaced without --force.
    assert main(["--lang", "en", "backup", "--db", str(demo_path), "--out", str(out_file)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("parktracker: Error: ") and "--force" in err and "\n" not in err
    add_park_row(demo_path)
    args = ["--lang", "en", "backup", "--db", str(demo_path), "--out", str(out_file), "--force"]
    assert main(args) == EXIT_OK
    assert parks_in(out_file) == 9


def test_backup_of_a_damaged_file_fails_in_one_line(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(demo_path.read_bytes())
    data[4096 * 3 + 8 : 4096 * 3 + 208] = b"\xa5" * 200
    demo_path.write_bytes(bytes(data))
    assert main(["--lang", "en", "backup", "--db", str(demo_path)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is damaged" in err
    assert backups.list_backups(demo_path) == []


def test_backup_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.db"
    assert main(["--lang", "en", "backup", "--db", str(missing)]) == EXIT_ERROR
    assert f"No database file at {missing}." in capsys.readouterr().err
    assert not missing.exists()


def test_restore_backs_up_first_and_says_where(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "backup", "--db", str(demo_path)]) == EXIT_OK
    [made] = backups.list_backups(demo_path)
    add_park_row(demo_path)
    capsys.readouterr()

    args = ["--lang", "en", "restore", "--db", str(demo_path), "--from", str(made.path)]
    assert main(args) == EXIT_OK
    lines = capsys.readouterr().out.strip().splitlines()
    kept = next(b for b in backups.list_backups(demo_path) if b.reason is Reason.PRE_RESTORE)
    assert lines == [
        f"{demo_path} restored from {made.path}.",
        f"The previous state was kept in {kept.path}.",
    ]
    assert parks_in(demo_path) == 8
    assert parks_in(kept.path) == 9


def test_restore_from_a_damaged_backup_changes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    before = demo_path.read_bytes()
    args = ["--lang", "en", "restore", "--db", str(demo_path), "--from", str(bad)]
    assert main(args) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err
    assert demo_path.read_bytes() == before
    assert backups.list_backups(demo_path) == []


def test_restore_from_a_missing_backup_in_chinese(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = demo_path.with_name("nothing.db")
    before = demo_path.read_bytes()
    args = ["--lang", "zh_CN", "restore", "--db", str(demo_path), "--from", str(missing)]
    assert main(args) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("parktracker: 错误") and str(missing) in err and err.count("\n") == 1
    assert demo_path.read_bytes() == before


INTERRUPTED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")
conn.execute("BEGIN IMMEDIATE")
for _ in range(300):
    conn.execute("INSERT INTO meta (key, value) VALUES (hex(randomblob(8)), hex(randomblob(3000)))")
os._exit(0)
"""


def test_backup_of_a_file_with_an_interrupted_write_says_so(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    subprocess.run([sys.executable, "-c", INTERRUPTED_WRITER, str(demo_path)], check=True)
    journal = Path(f"{demo_path}-journal")
    before = (demo_path.read_bytes(), journal.read_bytes())
    assert main(["--lang", "en", "backup", "--db", str(demo_path)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "interrupted" in err and "Open it in ParkTracker" in err and err.count("\n") == 1
    assert (demo_path.read_bytes(), journal.read_bytes()) == before  # read-only: untouched
