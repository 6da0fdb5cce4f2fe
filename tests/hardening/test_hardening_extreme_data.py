"""Extreme data: a file that is valid SQLite and ParkTracker's, but lacks a part of its
schema, is damaged (exit 2, one line naming what is missing), never a "no such table"
traceback from deep inside summary or check.

Issue 13, item 16.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hardening_support import cli, digest

from parktracker.services import workspace

TABLES = [
    "meta",
    "parks",
    "projects",
    "project_stage_history",
    "project_monthly_investment",
    "project_annual_plan",
    "funds",
    "fund_updates",
    "revenue",
    "targets",
    "platforms",
    "enterprises",
    "audit_log",
    "project_listing",
]
INDEXES = ["idx_projects_park_stage", "idx_audit_row", "idx_project_listing_park_stage"]
TRIGGERS = ["project_listing_insert", "project_listing_month_update"]
PARTS = [("table", t) for t in TABLES] + [("index", i) for i in INDEXES]
PARTS += [("trigger", t) for t in TRIGGERS]


def dropped(template: Path, folder: Path, kind: str, name: str) -> Path:
    path = folder / f"without-{name}.db"
    path.write_bytes(template.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"DROP {kind.upper()} {name}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", ["summary", "check"])
@pytest.mark.parametrize("part", PARTS, ids=[f"{k}-{n}" for k, n in PARTS])
def test_a_file_missing_a_part_of_its_schema_is_reported_damaged(
    part: tuple[str, str],
    command: str,
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kind, name = part
    path = dropped(demo_template, tmp_path, kind, name)
    before = digest(path)
    run = cli(capsys, command, "--db", str(path))
    line = run.one_line_error()
    assert "is damaged" in line and f"{kind} {name}" in line, line
    assert "no such table" not in line
    assert digest(path) == before


def test_opening_a_file_without_a_table_offers_a_backup(
    demo_template: Path, tmp_path: Path
) -> None:
    """Damaged, so the app's recovery (restore the newest good backup) applies to it."""
    from parktracker.services.backups import is_recoverable
    from parktracker.storage.errors import StorageError

    path = dropped(demo_template, tmp_path, "table", "revenue")
    with pytest.raises(StorageError) as caught:
        workspace.open_for_editing(path)
    assert is_recoverable(caught.value)
