"""Where the app gets its database: created on first start with the reference data only."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest

from parktracker.domain.enums import Metric
from parktracker.domain.money import Money
from parktracker.services import workspace
from parktracker.storage import meta, targets
from parktracker.storage.errors import DatabaseEmpty

PARK_NAMES = {
    "青岛市集成电路产业园",
    "青岛市人工智能产业园",
    "青岛市虚拟现实产业园",
    "青岛市新型显示产业园",
    "青岛市生物医药及医疗器械产业园",
    "青岛市精密仪器仪表产业园",
    "青岛市绿色低碳新材料产业园",
    "青岛市氢能与储能产业园",
}


def test_first_start_creates_the_database_with_reference_data(tmp_path: Path) -> None:
    path = tmp_path / "新用户" / "parktracker.db"

    db, created = workspace.open_or_create(path)
    with db:
        assert created is True
        assert path.is_file()
        assert {r[0] for r in db.query("SELECT name FROM parks")} == PARK_NAMES
        target = targets.get(db, 2024, Metric.REVENUE)
        assert target is not None
        assert target.amount == Money.yi(1300)
        assert target.park_id is None
        for table in ("projects", "funds", "revenue", "platforms", "enterprises"):
            assert db.scalar(f"SELECT count(*) FROM {table}") == 0, table
        assert db.scalar("SELECT count(*) FROM parks WHERE sample = 1") == 0
        assert meta.holds_sample_data(db) is False
    assert sorted(p.name for p in path.parent.iterdir()) == ["parktracker.db"]


def test_second_start_opens_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "parktracker.db"
    first, created = workspace.open_or_create(path)
    first.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    again, created_again = workspace.open_or_create(path)
    with again:
        assert created_again is False
        assert again.scalar("SELECT count(*) FROM parks") == 8
    assert created is True
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_an_existing_unusable_file_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "parktracker.db"
    path.write_bytes(b"")
    with pytest.raises(DatabaseEmpty):
        workspace.open_or_create(path)
    assert path.read_bytes() == b""


def test_default_location_follows_the_data_dir_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARKTRACKER_DATA_DIR", str(tmp_path / "portable"))
    assert workspace.default_database_path() == tmp_path / "portable" / "parktracker.db"


def test_demo_copy_is_a_fresh_file_outside_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # keep the copy inside tmp_path
    with workspace.demo_copy() as db:
        assert db.path.is_relative_to(tmp_path)
        assert not db.path.is_relative_to(workspace.data_dir())
        assert meta.holds_sample_data(db) is True
        assert db.scalar("SELECT count(*) FROM projects") > 0
