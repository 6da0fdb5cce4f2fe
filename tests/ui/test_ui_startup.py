"""Starting the application as a user does: `parktracker`, `parktracker --demo`, a bad --db."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def _start(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        PARKTRACKER_DATA_DIR=str(data_dir),
        PARKTRACKER_BENCH_FIRST_PAINT="1",  # quit once the window has painted
        QT_QPA_PLATFORM="offscreen",
    )
    return subprocess.run(
        [sys.executable, "-m", "parktracker", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_first_start_creates_the_database_in_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _start([], data)
    assert result.returncode == 0, result.stderr
    assert "first-paint" in result.stdout
    # Creating the file runs the migrations (sqlite-utils); charts and Excel still wait.
    assert "matplotlib" not in result.stdout and "openpyxl" not in result.stdout
    db = data / "parktracker.db"
    assert db.is_file()
    with sqlite3.connect(db) as conn:
        parks = [r[0] for r in conn.execute("SELECT name FROM parks ORDER BY sort_order")]
        target = conn.execute(
            "SELECT year, amount_yuan FROM targets WHERE park_id IS NULL AND metric = 'revenue'"
        ).fetchone()
        samples = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
    assert len(parks) == 8
    assert parks[0] == "青岛市集成电路产业园"
    assert target == (2024, 1300 * 100_000_000)
    assert samples == 0

    # The second start opens the same file and keeps what is in it.
    before = db.read_bytes()
    again = _start([], data)
    assert again.returncode == 0, again.stderr
    # An ordinary start imports none of matplotlib, numpy, openpyxl, sqlite-utils before it paints.
    assert "heavy-modules=none" in again.stdout, again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM parks").fetchone()[0] == 8
    assert len(db.read_bytes()) == len(before)


def test_demo_never_touches_the_users_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _start(["--demo"], data)
    assert result.returncode == 0, result.stderr
    assert not (data / "parktracker.db").exists()


def test_bad_database_shows_a_message_and_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from parktracker.app import run_gui

    bad = tmp_path / "notes.db"
    bad.write_text("这不是数据库", encoding="utf-8")
    before = bad.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(str(args[2])))
    # Not a database: the message offers a backup or another file; the user cancels.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert run_gui(db_path=bad, demo=False, language="en") == 2
    assert len(shown) == 1 and str(bad) in shown[0]
    assert bad.read_bytes() == before


# The dashboard's charts after the first paint: matplotlib is imported by the "chart-import"
# thread, and the window's event loop keeps running while it loads.
_CHARTS_SCRIPT = """
import sys, threading
importers = {}
def audit(event, args):
    if event == "import" and args[0] == "matplotlib":
        importers.setdefault(args[0], threading.current_thread().name)
sys.addaudithook(audit)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from parktracker.ui.pages.dashboard import page
ticks = []
made = page.DashboardPage.__init__
def hooked(self, *args, **kwargs):
    made(self, *args, **kwargs)
    timer = QTimer(self)
    timer.timeout.connect(lambda: ticks.append("matplotlib.figure" in sys.modules))
    timer.start(1)
    def ready():
        print("importers", importers.get("matplotlib"))
        print("ticks-while-loading", ticks.count(False) if ticks else 0)
        QTimer.singleShot(0, QApplication.quit)
    self.charts_ready.connect(ready)
page.DashboardPage.__init__ = hooked
from parktracker.cli import main
sys.exit(main(["--demo"]))
"""


def _draw_charts(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the app (``--demo``) until the dashboard's charts are drawn, then quit."""
    return subprocess.run(
        [sys.executable, "-c", _CHARTS_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_matplotlib_loads_off_the_gui_thread_while_the_window_stays_live(tmp_path: Path) -> None:
    env = dict(os.environ, PARKTRACKER_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    result = _draw_charts(env)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["importers"] == "chart-import"
    # The window's timers fired while matplotlib was still loading.
    assert int(lines["ticks-while-loading"]) > 0


def test_demo_paints_its_first_page_before_any_heavy_import(tmp_path: Path) -> None:
    """`--demo` starts from the shipped demo file: neither building the demo (sqlite-utils,
    numpy) nor charts (matplotlib) come before the window and its first page are painted."""
    result = _start(["--demo"], tmp_path / "data")
    assert result.returncode == 0, result.stderr
    paints = [line for line in result.stdout.splitlines() if "-paint " in line]
    assert [line.split()[0] for line in paints] == ["first-paint", "content-paint"], result.stdout
    for line in paints:
        assert line.endswith("heavy-modules=none"), line


def test_an_ordinary_start_reads_no_more_than_header_and_schema(tmp_path: Path) -> None:
    """Opening for the window runs neither integrity_check nor quick_check (the whole file):
    the check, when due, runs in the background after the first paint."""
    script = """
import sqlite3, sys
seen = []
real = sqlite3.connect
def connect(*args, **kwargs):
    conn = real(*args, **kwargs)
    conn.set_trace_callback(seen.append)
    return conn
sqlite3.connect = connect
from parktracker.ui.startup import FirstPaint as _FirstPaint
paint = _FirstPaint.eventFilter
def hooked(self, watched, event):
    from PySide6.QtCore import QEvent
    if event.type() == QEvent.Type.Paint and self.label == "first-paint":
        print("checks-before-paint", sum("_check" in s.lower() for s in seen), flush=True)
    return paint(self, watched, event)
_FirstPaint.eventFilter = hooked
from parktracker.cli import main
sys.exit(main(sys.argv[1:]))
"""
    db = tmp_path / "demo.db"
    from parktracker.services.demo import build_demo

    build_demo(db).close()
    env = dict(
        os.environ,
        PARKTRACKER_DATA_DIR=str(tmp_path / "data"),
        PARKTRACKER_BENCH_FIRST_PAINT="1",
        QT_QPA_PLATFORM="offscreen",
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "checks-before-paint 0" in result.stdout, result.stdout


def test_a_start_quit_before_the_charts_keeps_last_sessions_plot_places(tmp_path: Path) -> None:
    """The dashboard remembers where each chart's plot sat. A session closed before its charts
    were drawn (matplotlib still loading) saves those places again as they were, without
    importing matplotlib on the GUI thread while the loader thread imports it (that raced:
    "partially initialized module 'matplotlib.transforms'", and the app exited with 1)."""
    config = tmp_path / "config"
    env = dict(
        os.environ,
        PARKTRACKER_DATA_DIR=str(tmp_path / "data"),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
    )
    drawn = _draw_charts(env)
    assert drawn.returncode == 0, drawn.stderr
    before = _kept_places(config)
    assert "pipeline=" in before
    quick = subprocess.run(
        [sys.executable, "-m", "parktracker", "--demo"],
        env=dict(env, PARKTRACKER_BENCH_FIRST_PAINT="1"),
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert quick.returncode == 0, quick.stderr
    log = (tmp_path / "data" / "logs" / "parktracker.log").read_text(encoding="utf-8")
    assert "Unexpected error" not in log
    assert _kept_places(config) == before


def _kept_places(config: Path) -> str:
    """The plot places the dashboard kept in its settings file."""
    from PySide6.QtCore import QSettings

    settings = QSettings(str(next(config.rglob("*.conf"))), QSettings.Format.IniFormat)
    state = settings.value("pages/zh_CN/DashboardPage")
    assert isinstance(state, dict)
    return str(state.get("layout", ""))
