"""Helpers for the packaging tests: the scripts in packaging/ are not a package."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_script(name: str) -> ModuleType:
    """packaging/<name>.py (or packaging/<folder>/<name>.py) as a module."""
    path = next((ROOT / "packaging").rglob(f"{name}.py"))
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def source_smoke(out: Path, home: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``python -m parktracker --smoke OUT`` from this (source) install, with a private home."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PARKTRACKER_DATA_DIR": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "MPLCONFIGDIR": str(home / "mpl"),
    }
    return subprocess.run(
        [sys.executable, "-m", "parktracker", "--smoke", str(out), *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
