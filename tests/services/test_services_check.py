"""check_database: SQLite integrity and the cross-table consistency rules."""

from __future__ import annotations

import datetime as dt
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


def project_id(path: Path, name: str) -> int:
    with open_database(path, readonly=True) as db:
        return int(db.scalar("SELECT id FROM projects WHERE name = ?", [name]))


def blocking(path: Path) -> list[str]:
    with open_database(path, readonly=True) as db:
        return [f.render() for f in check_database(db) if is_blocking(f)]


def test_demo_is_consistent(demo_path: Path) -> None:
    assert blocking(demo_path) == []


def test_stage_that_disagrees_with_history_is_found(demo_path: Path) -> None:
    raw(demo_path, "UPDATE projects SET stage = 'in_production' WHERE name = '京东方艺云项目'")
    pid = project_id(demo_path, "京东方艺云项目")
    # The stage names, not the stored codes.
    assert blocking(demo_path) == [
        f"Project “京东方艺云项目” (id {pid}) is marked “In production” but its stage history"
        " ends in “Signed, awaiting start”."
    ]


def test_project_without_history_is_found(demo_path: Path) -> None:
    raw(
        demo_path,
        "DELETE FROM project_stage_history WHERE project_id ="
        " (SELECT id FROM projects WHERE name = '泰科达数据中心')",
    )
    pid = project_id(demo_path, "泰科达数据中心")
    assert blocking(demo_path) == [f"Project “泰科达数据中心” (id {pid}) has no stage history."]


def test_fund_without_figures_and_bad_month_are_found(demo_path: Path) -> None:
    raw(demo_path, "DELETE FROM fund_updates WHERE fund_id = (SELECT min(id) FROM funds)")
    raw(demo_path, "UPDATE revenue SET month = '2024-13' WHERE id = (SELECT min(id) FROM revenue)")
    assert blocking(demo_path) == [
        "Fund “青岛市集成电路产业投资基金（示例）” (id 1) has no reported figures.",
        "Table revenue, row 1: “2024-13” is not a valid month.",
    ]


def test_invalid_fund_figures_are_found(demo_path: Path) -> None:
    """A fund update dated before the fund was established breaks a domain rule."""
    raw(
        demo_path,
        "UPDATE fund_updates SET date = '2000-01-01' WHERE id = (SELECT min(id) FROM fund_updates)",
    )
    assert blocking(demo_path) == [  # names the fund
        "Fund “青岛市集成电路产业投资基金（示例）” (id 1): The update date cannot be earlier"
        " than the date the fund was established."
    ]


# ---------------------------------------------------------------- consistency warnings


def findings(path: Path) -> tuple[list[str], list[str]]:
    """(errors, warnings) as rendered."""
    with open_database(path, readonly=True) as db:
        found = check_database(db, today=dt.date(2024, 3, 31))
    return (
        [f.render() for f in found if is_blocking(f)],
        [f.render() for f in found if not is_blocking(f)],
    )


def test_demo_projects_in_production_without_investment_are_warnings(demo_path: Path) -> None:
    errors, warnings = findings(demo_path)
    assert errors == []
    with open_database(demo_path, readonly=True) as db:
        in_production = db.scalar("SELECT count(*) FROM projects WHERE stage = 'in_production'")
    assert in_production == 17
    names = [
        ("中微创芯智能功率模块(IPM)项目", 1),
        ("青岛人工智能计算中心", 7),
        ("青岛“海之心”计算中心", 8),
        ("数字孪生平台项目（示例）", 80),
        ("京东方青岛生产基地", 4),
        ("万达光电(青岛)智造生产基地", 5),
        ("车载显示项目（示例）", 82),
        ("中药现代化项目（示例）", 75),
        ("高端涂料项目（示例）", 77),
        ("液氢装备项目（示例）", 78),
    ]
    assert warnings == [
        f"Project “{name}” (id {pid}) is in production but has no completed investment reported."
        for name, pid in names
    ]


def test_investment_clears_the_production_warning(demo_path: Path) -> None:
    raw(
        demo_path,
        "INSERT INTO project_monthly_investment (project_id, month, completed_yuan)"
        " SELECT id, '2024-01', 100000000 FROM projects WHERE name = '京东方青岛生产基地'",
    )
    _, warnings = findings(demo_path)
    assert len(warnings) == 9
    assert not any("“京东方青岛生产基地”" in w for w in warnings)
    assert (
        "Project “京东方青岛生产基地” (id 4) is in production but has no completed investment"
        " reported." not in warnings
    )


def test_date_order_breaks_are_errors(demo_path: Path) -> None:
    raw(
        demo_path,
        "UPDATE projects SET signed_date = '2024-05-01', actual_start_date = '2024-02-01'"
        " WHERE name = '泰科达数据中心'",
    )
    errors, _ = findings(demo_path)
    pid = project_id(demo_path, "泰科达数据中心")
    assert errors == [
        f"Project “泰科达数据中心” (id {pid}): The start date cannot be earlier than the signing"
        " date."
    ]


def test_production_without_start_and_before_start(demo_path: Path) -> None:
    raw(
        demo_path,
        "UPDATE projects SET actual_start_date = NULL WHERE name = '京东方青岛生产基地'",
    )
    raw(
        demo_path,
        "UPDATE projects SET production_date = '2000-01-01'"
        " WHERE name = '万达光电(青岛)智造生产基地'",
    )
    errors, warnings = findings(demo_path)
    assert (
        "Project “京东方青岛生产基地” (id 4) is “In production” but has no actual start date."
        in (warnings)
    )
    assert errors == [
        "Project “万达光电(青岛)智造生产基地” (id 5): The production date cannot be earlier than"
        " the start date."
    ]


def test_stage_history_out_of_order_is_a_warning(demo_path: Path) -> None:
    pid = project_id(demo_path, "泰科达数据中心")
    raw(
        demo_path,
        "INSERT INTO project_stage_history (project_id, stage, date) VALUES (?, 'signed',"
        " '2099-01-01')",
        (pid,),
    )
    raw(demo_path, "UPDATE projects SET stage = 'signed' WHERE id = ?", (pid,))
    errors, warnings = findings(demo_path)
    assert errors == []
    assert [w for w in warnings if "stage history goes back" in w] == [
        f"Project “泰科达数据中心” (id {pid}): its stage history goes back from “Under"
        " construction” to “Signed, awaiting start” on 2099-01-01."
    ]


def test_long_construction_without_investment_is_a_warning(demo_path: Path) -> None:
    pid = project_id(demo_path, "泰科达数据中心")
    raw(demo_path, "DELETE FROM project_monthly_investment WHERE project_id = ?", (pid,))
    raw(demo_path, "UPDATE projects SET actual_start_date = '2023-01-10' WHERE id = ?", (pid,))
    _, warnings = findings(demo_path)
    assert [w for w in warnings if "“泰科达数据中心”" in w] == [
        f"Project “泰科达数据中心” (id {pid}) has been under construction since 2023-01-10 but"
        " has no completed investment reported."
    ]


def test_fund_figures_over_scale_and_amounts_over_the_ceiling_are_errors(
    demo_path: Path,
) -> None:
    conn = sqlite3.connect(demo_path)
    try:
        # Written by a file from before the CHECK constraints: drop them the crude way.
        conn.execute("PRAGMA ignore_check_constraints = 1")
        conn.execute(
            "UPDATE fund_updates SET paid_in_yuan = scale_yuan + 1"
            " WHERE id = (SELECT min(id) FROM fund_updates)"
        )
        conn.execute(
            "UPDATE revenue SET amount_yuan = 5000000000000000000"
            " WHERE id = (SELECT min(id) FROM revenue)"
        )
        conn.commit()
    finally:
        conn.close()
    errors, _ = findings(demo_path)
    assert errors == [
        "Fund “青岛市集成电路产业投资基金（示例）” (id 1): Paid-in (9.60000001 亿元) cannot"
        " exceed the fund's total scale (9.6 亿元).",
        "Table revenue, row 1 holds 5000000000000000000 yuan, above the ceiling of"
        " 1000000000000 yuan for one amount.",
    ]


def test_check_runs_a_fixed_number_of_queries(demo_path: Path, tmp_path: Path) -> None:
    """Set-based rules: doubling the projects does not add a single query."""

    def statements(path: Path) -> int:
        with open_database(path, readonly=True) as db:
            seen: list[str] = []
            db.conn.set_trace_callback(seen.append)
            check_database(db, today=dt.date(2024, 3, 31))
            db.conn.set_trace_callback(None)
        return len(seen)

    before = statements(demo_path)
    raw(
        demo_path,
        "INSERT INTO projects (park_id, name, stage, planned_total_yuan)"
        " SELECT park_id, name || '（副本）', stage, planned_total_yuan FROM projects",
    )
    assert statements(demo_path) == before
