"""check_database: SQLite integrity and the cross-table consistency rules."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from parktracker.services.check import check_database, is_blocking
from parktracker.storage.database import open_database


def raw(path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def blocking(path: Path) -> list[str]:
    with open_database(path, readonly=True) as db:
        return [f.render() for f in check_database(db) if is_blocking(f)]


def test_demo_is_consistent(demo_path: Path) -> None:
    assert blocking(demo_path) == []


def test_stage_that_disagrees_with_history_is_found(demo_path: Path) -> None:
    raw(demo_path, "UPDATE projects SET stage = 'in_production' WHERE name = '京东方艺云项目'")
    [finding] = blocking(demo_path)
    assert "京东方艺云项目" in finding
    assert "In production" in finding  # the stage names, not the stored codes
    assert "Signed, awaiting start" in finding
    assert "in_production" not in finding


def test_project_without_history_is_found(demo_path: Path) -> None:
    raw(
        demo_path,
        "DELETE FROM project_stage_history WHERE project_id ="
        " (SELECT id FROM projects WHERE name = '泰科达数据中心')",
    )
    [finding] = blocking(demo_path)
    assert "泰科达数据中心" in finding


def test_fund_without_figures_and_bad_month_are_found(demo_path: Path) -> None:
    raw(demo_path, "DELETE FROM fund_updates WHERE fund_id = (SELECT min(id) FROM funds)")
    raw(demo_path, "UPDATE revenue SET month = '2024-13' WHERE id = (SELECT min(id) FROM revenue)")
    findings = blocking(demo_path)
    assert len(findings) == 2
    assert any("2024-13" in f for f in findings)


def test_invalid_fund_figures_are_found(demo_path: Path) -> None:
    """A fund update dated before the fund was established breaks a domain rule."""
    raw(
        demo_path,
        "UPDATE fund_updates SET date = '2000-01-01' WHERE id = (SELECT min(id) FROM fund_updates)",
    )
    [finding] = blocking(demo_path)
    assert "（示例）" in finding  # names the fund
