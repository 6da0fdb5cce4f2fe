"""Start-up benchmark: ParkTracker's start to first paint against a bare Qt window.

Prints, from one run, interleaved so both see the same machine load:
  * the floor: a Python process that creates a QApplication, shows an empty QMainWindow and
    quits at its first paint;
  * ParkTracker started on (a copy of) the demo database, to the first paint of its window
    (menus, navigation, status bar);
  * the ratio of the two medians;
  * and when the first page (the dashboard's cards), built right after that first paint, has
    painted too, with its ratio to the same floor.

Usage:  python bench/startup.py [--runs 9] [--json OUT]
Runs offscreen unless DISPLAY is set and --platform xcb is given.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_SCRIPT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Hook(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 720)
hook = Hook(window)
window.installEventFilter(hook)
window.show()
app.exec()
"""


def _paint_seconds(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning ``command`` to each paint it reports (first-paint, content-paint)."""
    start = time.time()
    proc = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    times = {
        line.split()[0]: float(line.split()[1]) - start
        for line in proc.stdout.splitlines()
        if line.startswith(("first-paint ", "content-paint "))
    }
    if "first-paint" not in times:
        raise RuntimeError(f"no first paint reported by {command}:\n{proc.stdout}\n{proc.stderr}")
    return times


def measure(runs: int, platform: str) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="parktracker-bench-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=platform,
        PARKTRACKER_DATA_DIR=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "config"),
    )
    demo = work / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "parktracker", "demo", "--db", str(demo)],
        env=env,
        check=True,
        capture_output=True,
    )
    # An installed ParkTracker runs from bytecode that pip compiled at install time; do the same
    # here (PYTHONDONTWRITEBYTECODE may be set, so nothing else would write it).
    import parktracker

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(parktracker.__file__).parent)],
        check=True,
    )
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT]
    app_cmd = [sys.executable, "-m", "parktracker", "--db", str(demo)]
    app_env = dict(env, PARKTRACKER_BENCH_FIRST_PAINT="1")
    # Warm the file cache once for each, then interleave the measured runs.
    _paint_seconds(floor_cmd, env)
    _paint_seconds(app_cmd, app_env)
    floor, app, content = [], [], []
    for _ in range(runs):
        floor.append(_paint_seconds(floor_cmd, env)["first-paint"])
        times = _paint_seconds(app_cmd, app_env)
        app.append(times["first-paint"])
        content.append(times.get("content-paint", float("nan")))
    shutil.rmtree(work, ignore_errors=True)
    floor_median, app_median = statistics.median(floor), statistics.median(app)
    content_median = statistics.median(content)
    return {
        "content_median_s": round(content_median, 4),
        "content_ratio": round(content_median / floor_median, 3),
        "benchmark": "startup",
        "platform": platform,
        "runs": runs,
        "floor_median_s": round(floor_median, 4),
        "parktracker_median_s": round(app_median, 4),
        "ratio": round(app_median / floor_median, 3),
        "floor_all_s": [round(x, 4) for x in floor],
        "parktracker_all_s": [round(x, 4) for x in app],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--json", type=Path, help="also write the result as JSON")
    args = parser.parse_args()
    result = measure(args.runs, args.platform)
    print(f"floor (empty QMainWindow)     median {result['floor_median_s']:.3f} s")
    print(f"ParkTracker on demo database  median {result['parktracker_median_s']:.3f} s")
    print(f"ratio                         {result['ratio']:.2f}x  (target for issue 3: <= 2.0x)")
    print(
        f"dashboard page painted        median {result['content_median_s']:.3f} s"
        f"  ({result['content_ratio']:.2f}x the floor; built right after the first paint)"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
