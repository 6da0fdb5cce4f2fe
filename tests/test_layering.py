"""The UI names no table and imports nothing from storage but its error types.

What changed is told to the UI by meaning (services/changes.py); table names belong below the
services. The first test reads the real table names from a new database and looks for any of
them as a string in the UI's source; the others run import-linter on the project's contract,
and on a copy of the package with a storage import added back, which it must refuse."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parktracker.storage.database import Database

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "parktracker" / "ui"

# Strings that are spelled like a table but name something else, each with what it names.
# They are few and fixed: a new one must be added here, with its reason, deliberately.
NOT_TABLES: dict[str, set[str]] = {
    # the dashboard's card keys ("projects", "revenue") and chart names
    # (services.dashboard_figures' CHART_NAMES: "funds" is the fund deployment chart)
    "pages/dashboard/page.py": {"projects", "revenue", "funds"},
    "pages/dashboard/card_text.py": {"projects", "revenue"},
    "pages/dashboard/fetching.py": {"funds"},
}


def _table_names(db: Database) -> set[str]:
    rows = db.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {r[0] for r in rows}


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal in the module (f-string parts included), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_no_table_name_appears_in_the_ui(new_db: Database) -> None:
    tables = _table_names(new_db)
    assert {"projects", "project_stage_history", "audit_log", "project_listing"} <= tables
    found = []
    for path in sorted(UI.rglob("*.py")):
        module = path.relative_to(UI).as_posix()
        allowed = NOT_TABLES.get(module, set())
        for line, text in _strings(path):
            if text in tables and text not in allowed:
                found.append(f"{module}:{line}: {text!r}")
            # SQL or a table written inside a longer string ("… FROM projects", "[funds]")
            for table in tables:
                if any(f"{before}{table}{after}" in text for before, after in _SPELLINGS):
                    found.append(f"{module}:{line}: {text!r}")
    assert found == []


_SPELLINGS = [("FROM ", ""), ("JOIN ", ""), ("INTO ", ""), ("UPDATE ", " "), ("[", "]")]


def test_the_allowed_spellings_are_still_used() -> None:
    """An entry of NOT_TABLES that no longer occurs goes, so the list does not grow stale."""
    for module, allowed in NOT_TABLES.items():
        strings = {text for _line, text in _strings(UI / module)}
        assert allowed <= strings, module


def test_the_scan_sees_a_table_name(tmp_path: Path, new_db: Database) -> None:
    """The scan itself finds what it looks for (a check that cannot fail proves nothing)."""
    module = tmp_path / "page.py"
    module.write_text('TABLES = frozenset({"project_monthly_investment"})\n', encoding="utf-8")
    assert (1, "project_monthly_investment") in _strings(module)
    assert "project_monthly_investment" in _table_names(new_db)


def _lint_imports(cwd: Path, *, path: Path | None = None) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("lint-imports is not installed (pip install -e '.[test]')")
    env = None
    if path is not None:
        import os

        env = {**os.environ, "PYTHONPATH": str(path)}
    return subprocess.run(
        [exe, "--no-cache"],
        check=False,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ui reaches storage only through services" in result.stdout


def test_a_storage_import_in_the_ui_breaks_the_contract(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT / "parktracker", copy / "parktracker", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    session = copy / "parktracker" / "ui" / "session.py"
    session.write_text(
        session.read_text(encoding="utf-8")
        + "\nfrom parktracker.storage.changes import apply_inverse  # noqa: E402, F401\n",
        encoding="utf-8",
    )
    result = _lint_imports(copy, path=copy)
    assert result.returncode != 0, result.stdout
    assert "parktracker.ui.session -> parktracker.storage.changes" in result.stdout
