"""open_database refuses files it must not touch, and leaves them byte-for-byte as they were."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from parktracker.storage.database import open_database
from parktracker.storage.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseNotFound,
    DatabaseTooNew,
    NotADatabase,
    NotParkTracker,
    StorageError,
)
from parktracker.storage.versions import SCHEMA_VERSION

PAGE_HEADER_TABLE_LEAF = 0x0D


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder with its hash: catches stray -journal/-wal/-shm files too."""
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


# ---------------------------------------------------------------- bad files


def page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def make_missing(path: Path, demo: bytes) -> Path:
    return path


def make_empty(path: Path, demo: bytes) -> Path:
    path.write_bytes(b"")
    return path


def make_text(path: Path, demo: bytes) -> Path:
    path.write_text("项目名称,计划总投资（亿元）\n翰博光电生产基地项目,50\n", encoding="utf-8")
    return path


def make_xlsx_like(path: Path, demo: bytes) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        archive.writestr(
            "xl/worksheets/sheet1.xml", "<worksheet>" + "<row/>" * 500 + "</worksheet>"
        )
    return path


def make_truncated_half(path: Path, demo: bytes) -> Path:
    path.write_bytes(demo[: len(demo) // 2])
    return path


def make_truncated_on_page_boundary(path: Path, demo: bytes) -> Path:
    """Cut after half the pages: every page is whole, so only the header's page count tells."""
    size = page_size(demo)
    pages = len(demo) // size
    path.write_bytes(demo[: (pages // 2) * size])
    return path


def table_leaf_pages(data: bytes) -> list[int]:
    size = page_size(data)
    return [
        number
        for number in range(2, len(data) // size + 1)
        if data[(number - 1) * size] == PAGE_HEADER_TABLE_LEAF
    ]


def make_flipped_page(path: Path, demo: bytes) -> Path:
    """Flip the b-tree page header (cell count, content offset...) of a table-data page in the
    middle of the file."""
    leaves = table_leaf_pages(demo)
    assert len(leaves) > 10
    number = leaves[len(leaves) // 2]
    start = (number - 1) * page_size(demo)
    data = bytearray(demo)
    for offset in range(1, 12):
        data[start + offset] ^= 0xFF
    assert data[start] == PAGE_HEADER_TABLE_LEAF  # still looks like a table page
    path.write_bytes(bytes(data))
    return path


def make_swapped_cells(path: Path, demo: bytes) -> Path:
    """Swap the first two cell pointers of a table page: rows out of order, which quick_check
    reports as a multi-line finding ("*** in database main ***" then the page and cell)."""
    leaves = table_leaf_pages(demo)
    start = (leaves[len(leaves) // 2] - 1) * page_size(demo)
    assert int.from_bytes(demo[start + 3 : start + 5], "big") >= 2
    data = bytearray(demo)
    first, second = demo[start + 8 : start + 10], demo[start + 10 : start + 12]
    data[start + 8 : start + 10], data[start + 10 : start + 12] = second, first
    path.write_bytes(bytes(data))
    return path


def make_garbled_schema(path: Path, demo: bytes) -> Path:
    """Invalid UTF-8 inside the stored CREATE TABLE text: SQLite's error quotes those bytes."""
    at = demo.find(b"os_user TEXT NOT NULL")
    assert at > 0
    data = bytearray(demo)
    data[at + 17 : at + 21] = b"\xff\xfe\xff\xfe"  # NULL -> an undecodable "identifier"
    path.write_bytes(bytes(data))
    return path


def make_foreign(path: Path, demo: bytes) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, total REAL)")
    conn.execute("INSERT INTO orders (customer, total) VALUES ('张三', 12.5)")
    conn.commit()
    conn.close()
    return path


def make_foreign_wal(path: Path, demo: bytes) -> Path:
    """A foreign database in WAL mode: switching it to the rollback journal would rewrite it."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT)")
    conn.execute("INSERT INTO orders (customer) VALUES ('李四')")
    conn.commit()
    conn.close()
    return path


BAD_FILES: list[tuple[str, Callable[[Path, bytes], Path], type[StorageError]]] = [
    ("missing", make_missing, DatabaseNotFound),
    ("empty", make_empty, DatabaseEmpty),
    ("text", make_text, NotADatabase),
    ("xlsx", make_xlsx_like, NotADatabase),
    ("truncated-half", make_truncated_half, DatabaseDamaged),
    ("truncated-pages", make_truncated_on_page_boundary, DatabaseDamaged),
    ("flipped-page", make_flipped_page, DatabaseDamaged),
    ("swapped-cells", make_swapped_cells, DatabaseDamaged),
    ("garbled-schema", make_garbled_schema, DatabaseDamaged),
    ("foreign", make_foreign, NotParkTracker),
    ("foreign-wal", make_foreign_wal, NotParkTracker),
]


@pytest.mark.parametrize("readonly", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize(
    ("maker", "error"), [(m, e) for _, m, e in BAD_FILES], ids=[n for n, _, _ in BAD_FILES]
)
def test_bad_file_is_refused_and_left_untouched(
    maker: Callable[[Path, bytes], Path],
    error: type[StorageError],
    readonly: bool,
    demo_template: Path,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    path = maker(folder / "data.db", demo_template.read_bytes())
    before = folder_state(folder)

    with pytest.raises(error) as caught:
        open_database(path, readonly=readonly)

    after = folder_state(folder)
    if maker is make_foreign_wal and readonly:  # see test_read_only_refusal_of_wal_file_...
        after = {name: h for name, h in after.items() if not name.endswith(("-wal", "-shm"))}
    assert after == before
    assert not path.exists() if error is DatabaseNotFound else path.exists()
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message


def test_read_only_refusal_of_wal_file_leaves_no_side_files(tmp_path: Path) -> None:
    """A WAL-mode file that no connection has open is read on its own (``immutable``), so the
    read-only look leaves no -wal or -shm beside it."""
    path = make_foreign_wal(tmp_path / "foreign.db", b"")
    before = folder_state(tmp_path)
    with pytest.raises(NotParkTracker):
        open_database(path, readonly=True)
    assert folder_state(tmp_path) == before


def test_damaged_file_message_gives_the_finding_on_one_line(
    demo_template: Path, tmp_path: Path
) -> None:
    """The damaged-file message carries SQLite's finding on one line (not a multi-line report)."""
    path = make_swapped_cells(tmp_path / "swapped.db", demo_template.read_bytes())
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path)
    assert caught.value.args_text[0] == str(path)
    detail = caught.value.args_text[1]
    assert "out of order" in detail
    assert "\n" not in detail
    assert "***" not in detail


# ---------------------------------------------------------------- too new


def make_too_new(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("readonly", [False, True], ids=["read-write", "read-only"])
def test_newer_schema_is_refused_and_left_untouched(demo_path: Path, readonly: bool) -> None:
    make_too_new(demo_path)
    before = folder_state(demo_path.parent)

    with pytest.raises(DatabaseTooNew) as caught:
        open_database(demo_path, readonly=readonly)

    assert folder_state(demo_path.parent) == before
    assert caught.value.args_text == (str(demo_path), str(SCHEMA_VERSION + 1), str(SCHEMA_VERSION))
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    finally:
        conn.close()


def test_newer_schema_in_wal_mode_is_left_untouched(demo_path: Path) -> None:
    """A later ParkTracker might use WAL: refusing the file must not switch its journal mode."""
    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = folder_state(demo_path.parent)

    with pytest.raises(DatabaseTooNew):
        open_database(demo_path)

    assert folder_state(demo_path.parent) == before


def test_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADatabase):
        open_database(tmp_path)


# ---------------------------------------------------------------- damage quick_check cannot see


def test_undecodable_text_in_a_record_is_reported_as_damage(demo_path: Path) -> None:
    """quick_check checks structure, not text encoding: a garbled value is found only when it
    is read, and must then surface as DatabaseDamaged, not a raw sqlite3 error."""
    data = bytearray(demo_path.read_bytes())
    at = data.find(b"sample_data1")  # the meta row (key, value) = ('sample_data', '1')
    assert at > 0
    data[at + len(b"sample_data")] = 0xFF
    demo_path.write_bytes(bytes(data))
    before = digest(demo_path)

    with open_database(demo_path, readonly=True) as db, pytest.raises(DatabaseDamaged):
        db.meta("sample_data")

    assert digest(demo_path) == before


def test_a_good_file_opens(demo_path: Path) -> None:
    with open_database(demo_path, readonly=True) as db:
        assert db.scalar("SELECT count(*) FROM parks") == 8
