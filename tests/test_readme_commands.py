"""The README's two commands are a promise: CI must run them exactly as written."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _sh_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    tests = [b for b in _sh_blocks() if "pytest" in b]
    assert len(tests) == 1, tests
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert tests[0] in ci.splitlines()


def test_readme_install_command_installs_the_package_and_starts_the_app() -> None:
    install = [b for b in _sh_blocks() if "pip install ." in b]
    assert len(install) == 1, install
    assert install[0].endswith("&& parktracker")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert install[0] in ci.splitlines()  # CI runs the first command too, verbatim
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'parktracker = "parktracker.cli:main"' in pyproject
