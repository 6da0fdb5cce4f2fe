"""Files the CLI must refuse: exit 2, one line on stderr, no traceback, the file untouched."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from parktracker.cli import EXIT_ERROR, main
from parktracker.i18n import current_language, set_language, tr
from parktracker.storage.errors import DatabaseTooNew
from parktracker.storage.versions import SCHEMA_VERSION

CJK = re.compile(r"[\u4e00-\u9fff]")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def missing(path: Path, demo: bytes) -> None:
    pass


def empty(path: Path, demo: bytes) -> None:
    path.write_bytes(b"")


def text(path: Path, demo: bytes) -> None:
    path.write_text("园区,项目,金额\n新型显示,翰博光电生产基地项目,50亿元\n", encoding="utf-8")


def xlsx_like(path: Path, demo: bytes) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")


def truncated(path: Path, demo: bytes) -> None:
    path.write_bytes(demo[: len(demo) // 2])


def flipped_page(path: Path, demo: bytes) -> None:
    size = page_size(demo)
    leaves = [n for n in range(2, len(demo) // size + 1) if demo[(n - 1) * size] == 0x0D]
    start = (leaves[len(leaves) // 2] - 1) * size
    data = bytearray(demo)
    for offset in range(1, 12):
        data[start + offset] ^= 0xFF
    path.write_bytes(bytes(data))


def swapped_cells(path: Path, demo: bytes) -> None:
    """Rows out of order on a table page: quick_check's report of it spans two lines."""
    size = page_size(demo)
    leaves = [n for n in range(2, len(demo) // size + 1) if demo[(n - 1) * size] == 0x0D]
    start = (leaves[len(leaves) // 2] - 1) * size
    data = bytearray(demo)
    first, second = demo[start + 8 : start + 10], demo[start + 10 : start + 12]
    data[start + 8 : start + 10], data[start + 10 : start + 12] = second, first
    path.write_bytes(bytes(data))


def garbled_schema(path: Path, demo: bytes) -> None:
    at = demo.find(b"os_user TEXT NOT NULL")
    data = bytearray(demo)
    data[at + 17 : at + 21] = b"\xff\xfe\xff\xfe"
    path.write_bytes(bytes(data))


def garbled_value(path: Path, demo: bytes) -> None:
    """Passes quick_check; the damage is met only when summary reads the meta table."""
    at = demo.find(b"sample_data1")
    data = bytearray(demo)
    data[at + len(b"sample_data")] = 0xFF
    path.write_bytes(bytes(data))


def foreign(path: Path, demo: bytes) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE 台账 (id INTEGER PRIMARY KEY, 名称 TEXT)")
    conn.execute("INSERT INTO 台账 (名称) VALUES ('别的软件的数据')")
    conn.commit()
    conn.close()


def too_new(path: Path, demo: bytes) -> None:
    path.write_bytes(demo)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


BAD: list[Callable[[Path, bytes], None]] = [
    missing,
    empty,
    text,
    xlsx_like,
    truncated,
    flipped_page,
    swapped_cells,
    garbled_schema,
    garbled_value,
    foreign,
    too_new,
]


# Damage to pages summary never reads (here, audit-log pages) is not its to find: the reading
# commands do not pay SQLite's check of the whole file (issue 14); ``check`` finds it.
UNREAD_BY_SUMMARY = (flipped_page, swapped_cells)
CASES = [
    (m, c)
    for m in BAD
    for c in ("summary", "check")
    if (m, c) != (garbled_value, "check") and not (m in UNREAD_BY_SUMMARY and c == "summary")
]


@pytest.mark.parametrize("make", UNREAD_BY_SUMMARY, ids=lambda m: m.__name__)
def test_summary_answers_from_pages_it_reads_and_check_finds_the_damage(
    make: Callable[[Path, bytes], None],
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """summary reads only the pages it needs (no full check first): damage elsewhere leaves
    its figures those of the sound file; ``check`` still reports the damage with exit 2."""
    sound = tmp_path / "sound.db"
    sound.write_bytes(demo_template.read_bytes())
    assert main(["summary", "--json", "--db", str(sound)]) == 0
    expected = capsys.readouterr().out
    path = tmp_path / "parktracker.db"
    make(path, demo_template.read_bytes())
    before = digest(path)

    assert main(["summary", "--json", "--db", str(path)]) == 0
    assert capsys.readouterr().out == expected
    assert main(["check", "--db", str(path)]) == EXIT_ERROR
    [line] = capsys.readouterr().err.splitlines()
    assert str(path) in line
    assert digest(path) == before


@pytest.mark.parametrize(("make", "command"), CASES, ids=[f"{m.__name__}-{c}" for m, c in CASES])
def test_bad_file_gives_one_line_and_exit_2(
    make: Callable[[Path, bytes], None],
    command: str,
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "parktracker.db"
    make(path, demo_template.read_bytes())
    before = folder_state(folder)

    code = main([command, "--db", str(path)])

    out, err = capsys.readouterr()
    assert code == EXIT_ERROR
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("parktracker: ")
    assert str(path) in lines[0]
    assert "Traceback" not in err
    assert folder_state(folder) == before


def test_too_new_message_is_in_chinese(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The catalog must translate this message: an untranslated one is a failure, not a skip."""
    path = tmp_path / "newer.db"
    too_new(path, demo_template.read_bytes())
    before = current_language()
    set_language("zh_CN")
    try:
        assert tr(DatabaseTooNew.message) != DatabaseTooNew.message.source, "not translated"
        assert main(["summary", "--db", str(path)]) == EXIT_ERROR
    finally:
        set_language(before)

    err = capsys.readouterr().err
    [line] = err.splitlines()
    # The file's schema and the one this version reads, in the Chinese sentence.
    assert line == (
        f"parktracker: 错误：{path}由更高版本的本软件写入（数据库结构版本{SCHEMA_VERSION + 1}，"
        f"本版本最高支持版本{SCHEMA_VERSION}），请升级本软件。文件未作任何改动。"
    )


@pytest.mark.parametrize("make", [too_new, garbled_schema, garbled_value], ids=lambda m: m.__name__)
def test_bad_file_in_a_real_process_has_no_traceback(
    make: Callable[[Path, bytes], None], demo_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "parktracker.db"
    make(path, demo_template.read_bytes())
    before = digest(path)
    env = {**os.environ, "PARKTRACKER_LANG": "zh_CN"}

    result = subprocess.run(
        [sys.executable, "-m", "parktracker", "summary", "--db", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )

    assert result.returncode == EXIT_ERROR
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert digest(path) == before
