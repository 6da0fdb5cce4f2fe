"""Damaged and foreign files: each is refused with a message that says what is wrong, nothing
beside it is written (rw and read-only), and ``parktracker check --db`` reports the same
problem headlessly: the same message on one line, exit code 2. (Exit 1 is kept for files that
are sound but whose records break a consistency rule.)

Covered: an empty file; files that are not SQLite; truncated files; flipped bytes in a table
b-tree page, an index page and the schema page; index entries that no longer match their rows;
text that is not UTF-8; a file from a newer ParkTracker; a hot journal left by a crash
(rolled back on the next read-write open; refused read-only); a lost -journal partner; a lost
-wal partner.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from safety_support import (
    digest,
    folder_state,
    header_page_count,
    landing_zone,
    run_and_kill,
    snapshot,
)

from parktracker.cli import EXIT_ERROR, main
from parktracker.i18n import tr
from parktracker.storage import database
from parktracker.storage.database import open_database
from parktracker.storage.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseTooNew,
    InterruptedChange,
    NotADatabase,
    StorageError,
)
from parktracker.storage.versions import SCHEMA_VERSION

PAGE = 4096  # the demo's page size
TABLE_LEAF, TABLE_INTERIOR, INDEX_LEAF, INDEX_INTERIOR = 0x0D, 0x05, 0x0A, 0x02


# ---------------------------------------------------------------- finding pages


def root_page(demo: Path, name: str) -> int:
    conn = sqlite3.connect(f"{demo.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]
        )
    finally:
        conn.close()


def page_start(number: int) -> int:
    """Where the b-tree header of page ``number`` starts (page 1 has the file header first)."""
    return (number - 1) * PAGE + (100 if number == 1 else 0)


def rightmost_child(data: bytes, number: int) -> int:
    at = page_start(number)
    assert data[at] in (TABLE_INTERIOR, INDEX_INTERIOR)
    return int.from_bytes(data[at + 8 : at + 12], "big")


def flip_header(data: bytes, number: int, kind: int) -> bytes:
    """Flip the b-tree header of a page (free-block start, cell count, content start...),
    keeping its type byte."""
    at = page_start(number)
    assert data[at] == kind, (number, data[at], kind)
    out = bytearray(data)
    for offset in range(1, 8):
        out[at + offset] ^= 0xFF
    return bytes(out)


def flip_cell_pointers(data: bytes, number: int) -> bytes:
    """Flip the high bytes of a page's first cell pointers: cells that point nowhere."""
    at = page_start(number)
    header = 12 if data[at] in (TABLE_INTERIOR, INDEX_INTERIOR) else 8
    out = bytearray(data)
    for cell in range(4):
        out[at + header + 2 * cell] ^= 0x5A
    return bytes(out)


# ---------------------------------------------------------------- the bad files


def empty(demo: Path) -> bytes:
    return b""


def csv_text(demo: Path) -> bytes:
    return "项目名称,计划总投资（亿元）\n翰博光电生产基地项目,50\n".encode("gb18030")


def xlsx(demo: Path) -> bytes:
    path = demo.parent / "sheet.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    return path.read_bytes()


def truncated_mid_page(demo: Path) -> bytes:
    data = demo.read_bytes()
    return data[: len(data) // 2 + 1000]


def truncated_on_page_boundary(demo: Path) -> bytes:
    data = demo.read_bytes()
    return data[: (len(data) // PAGE // 2) * PAGE]


def truncated_header(demo: Path) -> bytes:
    return demo.read_bytes()[:60]


def flipped_table_leaf(demo: Path) -> bytes:
    data = demo.read_bytes()
    return flip_header(data, rightmost_child(data, root_page(demo, "projects")), TABLE_LEAF)


def flipped_table_interior(demo: Path) -> bytes:
    return flip_cell_pointers(demo.read_bytes(), root_page(demo, "projects"))


def flipped_index_leaf(demo: Path) -> bytes:
    return flip_header(demo.read_bytes(), root_page(demo, "idx_projects_park_stage"), INDEX_LEAF)


def flipped_index_interior(demo: Path) -> bytes:
    return flip_cell_pointers(demo.read_bytes(), root_page(demo, "idx_audit_row"))


def flipped_schema_page(demo: Path) -> bytes:
    """Page 1: the file header, then the root of sqlite_schema (every table's definition)."""
    data = demo.read_bytes()
    return flip_header(data, 1, data[100])


def garbled_schema_text(demo: Path) -> bytes:
    """A CREATE TABLE statement in sqlite_schema whose text is no longer SQL."""
    data = bytearray(demo.read_bytes())
    at = data.find(b"planned_total_yuan INTEGER CHECK")
    assert at > 0
    data[at + 19 : at + 26] = b"\xff\xfe(((  "
    return bytes(data)


def index_entry_changed(demo: Path) -> bytes:
    """One entry of an index no longer matches its row: its bytes are valid, only the
    comparison with the table shows it (integrity_check does; quick_check does not)."""
    data = bytearray(demo.read_bytes())
    number = root_page(demo, "idx_projects_park_stage")
    at = data.find(b"under_construction", (number - 1) * PAGE, number * PAGE)
    assert at > 0
    data[at] = ord("v")
    return bytes(data)


def newer_version(demo: Path) -> bytes:
    path = demo.parent / "newer.db"
    path.write_bytes(demo.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return path.read_bytes()


CASES: list[tuple[str, Callable[[Path], bytes], type[StorageError], str]] = [
    ("empty", empty, DatabaseEmpty, "empty"),
    ("csv-text", csv_text, NotADatabase, "not a SQLite database"),
    ("xlsx", xlsx, NotADatabase, "not a SQLite database"),
    ("truncated-mid-page", truncated_mid_page, DatabaseDamaged, "truncated"),
    ("truncated-on-page-boundary", truncated_on_page_boundary, DatabaseDamaged, "truncated"),
    ("truncated-header", truncated_header, DatabaseDamaged, "truncated"),
    ("flipped-table-leaf", flipped_table_leaf, DatabaseDamaged, "damaged"),
    ("flipped-table-interior", flipped_table_interior, DatabaseDamaged, "damaged"),
    ("flipped-index-leaf", flipped_index_leaf, DatabaseDamaged, "damaged"),
    ("flipped-index-interior", flipped_index_interior, DatabaseDamaged, "damaged"),
    ("flipped-schema-page", flipped_schema_page, DatabaseDamaged, "damaged"),
    ("garbled-schema-text", garbled_schema_text, DatabaseDamaged, "malformed database schema"),
    ("index-entry-changed", index_entry_changed, DatabaseDamaged, "index"),
    ("newer-version", newer_version, DatabaseTooNew, "newer version"),
]


def check_line(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``parktracker check --db path``; it must exit with 2 and print one line only."""
    capsys.readouterr()
    code = main(["check", "--db", str(path)])
    out, err = capsys.readouterr()
    assert code == EXIT_ERROR, (out, err)
    assert out == ""
    [line] = err.splitlines()
    return line


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_damaged_file_is_refused_untouched_and_check_says_the_same(
    case: tuple[str, Callable[[Path], bytes], type[StorageError], str],
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, maker, error, says = case
    data = maker(demo_template)
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "园区项目.db"
    path.write_bytes(data)
    before = folder_state(folder)

    messages = []
    for readonly in (False, True):
        with pytest.raises(error) as caught:
            open_database(path, readonly=readonly)
        assert folder_state(folder) == before, f"readonly={readonly}"
        message = str(caught.value)  # in English, the source language
        assert str(path) in message and "\n" not in message
        assert says in message, message
        messages.append(caught.value.render(tr))
    assert messages[0] == messages[1]

    line = check_line(path, capsys)
    assert line.endswith(messages[0]), (line, messages[0])
    assert folder_state(folder) == before


def test_index_damage_of_a_large_file_is_found_by_check(
    demo_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Files above FULL_CHECK_BYTES get only quick_check at open (the full check costs about a
    second per 100 MB), which does not compare index entries with their rows: such a file
    opens, and ``parktracker check`` (the full integrity_check) finds the damage."""
    monkeypatch.setattr(database, "FULL_CHECK_BYTES", 0)
    path = tmp_path / "large.db"
    path.write_bytes(index_entry_changed(demo_template))
    before = folder_state(tmp_path)

    open_database(path, readonly=True).close()
    line = check_line(path, capsys)

    assert "idx_projects_park_stage" in line
    assert folder_state(tmp_path) == before


def stage_text_changed(demo: Path, path: Path) -> None:
    """Write to ``path`` the demo file with one project row's stage text changed in the table
    only: a valid record whose stage is no stage, and an index entry that no longer matches
    it (integrity_check finds that; quick_check does not)."""
    data = demo.read_bytes()
    at = data.find(b"in_production")
    while at > 0:
        changed = bytearray(data)
        changed[at + 5] = ord("x")  # in_prxduction
        path.write_bytes(bytes(changed))
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute(
                "SELECT count(*) FROM projects NOT INDEXED WHERE stage = 'in_prxduction'"
            ).fetchone()[0]
        finally:
            conn.close()
        if rows == 1:
            return
        at = data.find(b"in_production", at + 1)
    raise AssertionError("no project row holds 'in_production'")


def test_a_stage_changed_in_a_row_only_is_reported_as_damage_by_check(
    demo_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The consistency rules run while the check reads the file, and they meet a stage that
    is no stage; the user hears the check's finding, not the rules' failure."""
    monkeypatch.setattr(database, "FULL_CHECK_BYTES", 0)
    path = tmp_path / "large.db"
    stage_text_changed(demo_template, path)
    before = folder_state(tmp_path)

    open_database(path, readonly=True).close()
    line = check_line(path, capsys)

    assert "missing from index" in line or "wrong # of entries" in line, line
    assert "idx_projects_" in line, line
    assert folder_state(tmp_path) == before


def test_undecodable_text_is_found_by_check_as_summary_finds_it(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text that is not UTF-8 inside a record: the structure is sound, so opening (even the
    full integrity_check) passes and only reading the value meets it. ``summary`` reads it
    and reports the file damaged; ``check`` reads every value of every table and does too,
    naming the table, row and column."""
    data = bytearray(demo_path.read_bytes())
    at = data.find(b"sample_data1")  # the meta row ('sample_data', '1'): its value
    assert at > 0
    data[at + len(b"sample_data")] = 0xFF
    demo_path.write_bytes(bytes(data))
    before = folder_state(demo_path.parent)

    open_database(demo_path).close()
    capsys.readouterr()
    assert main(["summary", "--db", str(demo_path)]) == EXIT_ERROR
    summary_line = capsys.readouterr().err.strip()
    check = check_line(demo_path, capsys)

    for line in (summary_line, check):
        assert "Could not decode to UTF-8 column 'value'" in line
    assert "table meta, row" in check
    assert folder_state(demo_path.parent) == before


# ---------------------------------------------------------------- journals


def kill_mid_transaction(path: Path, scenario: str, *options: str) -> None:
    """Kill a writer 500 statements into a transaction larger than its 10-page cache."""
    run = run_and_kill(
        scenario, path, at="500", then="sleep", options=("--cache-size", "10", *options)
    )
    assert run.returncode == -9 and run.begun, run.describe()


def test_hot_journal_is_rolled_back_on_the_next_open(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A crash in the middle of a transaction that had written pages to the file (a program
    that lets SQLite spill its cache, as SQLite does by default): the -journal beside it holds
    what those pages were. Read-only, ParkTracker refuses it with the reason (it cannot be
    read before the rollback, which needs write access) and `check` says the same; the next
    read-write open rolls it back, leaving the file exactly as it was before the change."""
    path = tmp_path / "data.db"
    path.write_bytes(demo_template.read_bytes())
    before = snapshot(path)
    kill_mid_transaction(path, "bulk", "--cache-spill")
    journal = Path(f"{path}-journal")
    assert landing_zone(path, digest(demo_template)) == "mid-commit"  # changed, with a journal
    files = folder_state(tmp_path)

    with pytest.raises(InterruptedChange) as caught:
        open_database(path, readonly=True)
    assert "-journal" in str(caught.value)
    line = check_line(path, capsys)
    assert line.endswith(caught.value.render(tr))
    assert folder_state(tmp_path) == files

    with open_database(path) as db:
        assert db.scalar("PRAGMA integrity_check") == "ok"
    assert not journal.exists()
    assert digest(path) == digest(demo_template)
    assert snapshot(path) == before


def test_lost_journal_after_the_file_grew_is_refused(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same crash, and then the -journal is lost (deleted by a clean-up tool, or not
    copied by a sync client): SQLite cannot know that the file holds half a change. The
    transaction had grown the file, and the header (written only at commit) still gives the
    old page count, so ParkTracker sees a file longer than its header says and refuses it."""
    path = tmp_path / "data.db"
    path.write_bytes(demo_template.read_bytes())
    kill_mid_transaction(path, "bulk", "--cache-spill")
    Path(f"{path}-journal").unlink()
    assert path.stat().st_size > header_page_count(path) * PAGE
    files = folder_state(tmp_path)

    for readonly in (False, True):
        with pytest.raises(DatabaseDamaged) as caught:
            open_database(path, readonly=readonly)
        assert "journal" in str(caught.value)
    line = check_line(path, capsys)
    assert line.endswith(caught.value.render(tr))
    assert folder_state(tmp_path) == files


@pytest.mark.parametrize("scenario", ["bulk", "touch"])
def test_parktracker_never_writes_the_file_before_commit(
    scenario: str, demo_template: Path, tmp_path: Path
) -> None:
    """ParkTracker's connections keep a transaction's pages in memory until COMMIT (no cache
    spill), however large it is: killed in the middle, the file is byte for byte as before,
    so losing the -journal then loses nothing."""
    path = tmp_path / "data.db"
    path.write_bytes(demo_template.read_bytes())
    before = snapshot(path)
    kill_mid_transaction(path, scenario)
    assert Path(f"{path}-journal").exists()  # it was inside its transaction
    assert digest(path) == digest(demo_template)

    Path(f"{path}-journal").unlink()
    with open_database(path) as db:
        assert db.scalar("PRAGMA cache_spill") == 0
    assert snapshot(path) == before
    with open_database(path, readonly=True) as db:
        assert db.scalar("PRAGMA cache_spill") == 0


def test_lost_journal_after_changes_in_place_cannot_be_detected(
    demo_template: Path, tmp_path: Path
) -> None:
    """The case nobody can detect, documented: a program that spills its cache rewrites
    pages in place (the file does not grow), is killed, and the -journal is lost. Every page
    is well formed and the header is consistent, so SQLite, integrity_check and ParkTracker
    all see a sound file holding part of a change (SQLite keeps no page checksums). The least
    bad: it opens and passes every check rather than being refused or "repaired" by guesswork.
    ParkTracker's own writers cannot cause it (see the test above); a crash during the few
    milliseconds of a commit's page writes, followed by losing the journal, still could."""
    path = tmp_path / "data.db"
    path.write_bytes(demo_template.read_bytes())
    kill_mid_transaction(path, "touch", "--cache-spill")
    assert digest(path) != digest(demo_template)  # pages were written before the crash
    assert path.stat().st_size == demo_template.stat().st_size
    Path(f"{path}-journal").unlink()

    with open_database(path) as db:
        assert db.scalar("PRAGMA integrity_check") == "ok"
        rewritten = db.scalar("SELECT count(*) FROM audit_log WHERE action = 'update'")
        total = db.scalar("SELECT count(*) FROM audit_log")
    assert 0 < rewritten < total  # part of the change: what no check can tell


WAL_WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("UPDATE projects SET notes = 'WAL 中的修改'")
print("COMMITTED", flush=True)
time.sleep(60)
"""


def test_lost_wal_partner_leaves_the_last_checkpoint(demo_template: Path, tmp_path: Path) -> None:
    """ParkTracker never uses WAL (see storage/database.py); a file that another program
    switched to WAL keeps its newest commits in <db>-wal until a checkpoint. Lose that file
    after a crash and SQLite cannot know: the database is the (consistent) state of the last
    checkpoint. ParkTracker opens it as such, and puts it back on the rollback journal."""
    path = tmp_path / "data.db"
    path.write_bytes(demo_template.read_bytes())
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    before = snapshot(path)
    with subprocess.Popen(
        [sys.executable, "-c", WAL_WRITER, str(path)], stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "COMMITTED"
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -9
    assert Path(f"{path}-wal").stat().st_size > 0  # the commit is only there
    Path(f"{path}-wal").unlink()
    Path(f"{path}-shm").unlink(missing_ok=True)

    with open_database(path) as db:
        assert db.scalar("PRAGMA integrity_check") == "ok"
        assert db.scalar("PRAGMA journal_mode") == "delete"
    state = snapshot(path)
    assert state["projects"] == before["projects"]
