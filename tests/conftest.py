"""Test set-up shared by every test.

Qt must run offscreen and never touch the user's real settings or data folder, so both are set
before anything imports Qt or the app.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="parktracker-tests-"))
os.environ["PARKTRACKER_DATA_DIR"] = str(_SANDBOX / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")  # QSettings on Linux
os.environ["HOME"] = str(_SANDBOX / "home")  # QSettings elsewhere, platformdirs
os.environ.setdefault("PARKTRACKER_LANG", "zh_CN")
os.environ.setdefault("MPLBACKEND", "Agg")

# matplotlib's Qt backend trips PySide6's enum DeprecationWarning (AA_UseHighDpiPixmaps);
# turning it into an error segfaults pytest, so it is filtered here as well as in pyproject.
warnings.filterwarnings("ignore", message="Enum value", category=DeprecationWarning)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per session; copy it before writing to it."""
    from parktracker.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(path).close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for one test."""
    target = tmp_path / "demo.db"
    target.write_bytes(demo_template.read_bytes())
    return target


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[object]:
    from parktracker.storage.database import open_database

    db = open_database(demo_path)
    yield db
    db.close()


@pytest.fixture
def new_db(tmp_path: Path) -> Iterator[object]:
    """A new database holding only the reference data (the eight parks and the 2024 target)."""
    from parktracker.services.reference import seed_reference
    from parktracker.storage.database import create_database

    db = create_database(tmp_path / "new.db", populate=seed_reference)
    yield db
    db.close()


@pytest.fixture(scope="session")
def qapp(qapp: object) -> object:
    """pytest-qt's application, with what ParkTracker always installs for English: the
    plural forms of English ("1 park", "2 parks"), which Qt takes from a translation file.
    Chinese translators installed by a test take precedence over it while they are in place."""
    from PySide6.QtCore import QTranslator

    from parktracker.app import english_plurals

    translator: QTranslator | None = english_plurals(qapp)  # type: ignore[arg-type]
    assert translator is not None, "parktracker_en.qm is missing"
    return qapp


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Every test starts in the default language, whatever an earlier test switched to."""
    from parktracker.i18n import language_from_environment, set_language

    set_language(language_from_environment())
    yield


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    """Every test starts with no settings kept (the page last shown, the decimals, the window's
    place): what an earlier test left there made a later one start on another page."""
    from PySide6.QtCore import QSettings

    from parktracker.ui import number_display

    QSettings().clear()
    number_display.forget()
    yield
