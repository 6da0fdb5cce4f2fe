"""create_database: built under a temporary name and renamed into place only when complete."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from parktracker.services.reference import seed_reference
from parktracker.storage.database import Database, create_database, open_database
from parktracker.storage.errors import DatabaseExists


class PopulateFailed(RuntimeError):
    pass


def seed_then_fail(db: Database) -> None:
    """Writes real rows first, so a leftover file would hold something."""
    seed_reference(db)
    assert db.scalar("SELECT count(*) FROM parks") == 8
    raise PopulateFailed("disk vanished")


def test_failing_populate_leaves_no_file_and_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "parktracker.db"

    with pytest.raises(PopulateFailed):
        create_database(path, populate=seed_then_fail)

    assert not path.exists()
    assert list(folder.iterdir()) == []


def test_failing_populate_with_force_keeps_the_existing_file(demo_path: Path) -> None:
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()

    with pytest.raises(PopulateFailed):
        create_database(demo_path, populate=seed_then_fail, force=True)

    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in demo_path.parent.iterdir()) == [demo_path.name]
    with open_database(demo_path, readonly=True) as db:
        assert db.scalar("SELECT count(*) FROM projects") > 0


def test_existing_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("不要覆盖我", encoding="utf-8")

    with pytest.raises(DatabaseExists) as caught:
        create_database(path, populate=seed_reference)

    assert path.read_text(encoding="utf-8") == "不要覆盖我"
    assert "--force" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_force_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    path.write_text("旧文件", encoding="utf-8")

    with create_database(path, populate=seed_reference, force=True) as db:
        assert db.scalar("SELECT count(*) FROM parks") == 8

    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]


def test_created_file_is_complete_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "new.db"  # missing folders are made
    create_database(path, populate=seed_reference).close()

    with open_database(path, readonly=True) as db:
        assert db.scalar("SELECT count(*) FROM parks") == 8
        assert db.scalar("PRAGMA integrity_check") == "ok"
    assert sorted(p.name for p in path.parent.iterdir()) == ["new.db"]
