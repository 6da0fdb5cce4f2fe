"""Start-up measured from outside the process, under Xvfb, against a bare Qt window.

For each case the benchmark spawns a process and times, with the clock of this (the parent)
process:
  * spawn -> the X window mapped: seen by an X client of its own (python-xlib) listening to the
    root window's MapNotify events, so nothing inside the measured process is trusted;
  * spawn -> the first page drawn: the app's own PARKTRACKER_BENCH_FIRST_PAINT hook prints the
    wall-clock time of the first page's first paint ("content-paint"; for the dashboard that is
    its KPI cards with their figures) and quits; the floor prints its window's first paint.

The floor is a bare Qt window (a QMainWindow at 1280x720, quitting at its first paint), run
interleaved with every case in the same run, so both see the same machine load. Cases:
  * demo-file:  parktracker --db <a copy of the demo database>
  * --demo:     parktracker --demo
  * large-file: parktracker --db <the realistic large file of bench/large_db.py>

Each case runs once unmeasured first (it warms the file cache and, for a file never opened
on this computer, lets its background integrity check run once), then --runs times. That
first run is also printed, as the first start on the file: the large file then has no cards'
figures kept in it yet (ParkTracker keeps them at close, stamped with the data they are of),
so its dashboard waits for them to be computed.
Prints the medians and the ratios to the floor's (target: <= 2.0x for both).

Usage:  python bench/startup_outside.py [--runs 7] [--large PATH] [--source DIR] [--before DIR]
                                      [--json OUT]
  --source DIR   run the app from another checkout: DIR is put first on PYTHONPATH.
  --before DIR   also run every case from the checkout DIR (e.g. the code before a change),
                 interleaved with the others against the same floor: before/after in one run.
Needs Xvfb (apt-get install xvfb) and python-xlib (pip install python-xlib); the Qt xcb plugin
needs libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

RATIO_TARGET = 2.0
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


class Xvfb:
    """A private X server, and an X client watching top-level windows being mapped."""

    def __init__(self) -> None:
        self.number = next(n for n in range(91, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        self.display = f":{self.number}"
        self.proc = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1600x900x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 10
        while not Path(f"/tmp/.X11-unix/X{self.number}").exists():
            if time.time() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        self.maps: queue.Queue[float] = queue.Queue()
        self._ready = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()
        self._ready.wait(10)

    def _watch(self) -> None:
        from Xlib import X, display

        conn = display.Display(self.display)
        root = conn.screen().root
        root.change_attributes(event_mask=X.SubstructureNotifyMask)
        conn.sync()
        self._ready.set()
        while True:
            try:
                event = conn.next_event()
            except Exception:  # the server is gone: the run is over
                return
            if event.type == X.MapNotify and not event.override:
                self.maps.put(time.time())

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


Case = tuple[list[str], dict[str, str]]  # the command and its environment


def run_once(command: list[str], env: dict[str, str], xvfb: Xvfb) -> dict[str, float]:
    """Seconds from spawn to the window mapped and to each paint the process reports."""
    while not xvfb.maps.empty():
        xvfb.maps.get_nowait()
    start = time.time()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        mapped = xvfb.maps.get(timeout=120) - start
    except queue.Empty:
        proc.kill()
        raise RuntimeError(f"no window mapped by {command}") from None
    out, err = proc.communicate(timeout=300)
    stamps = {
        line.split()[0]: float(line.split()[1]) - start
        for line in out.decode().splitlines()
        if line.startswith(("first-paint ", "content-paint "))
    }
    if "first-paint" not in stamps:
        raise RuntimeError(f"no paint reported by {command}:\n{out.decode()}\n{err.decode()}")
    return {"mapped": mapped, **stamps}


def measure(cases: dict[str, Case], env: dict[str, str], xvfb: Xvfb, runs: int) -> dict[str, Any]:
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT]
    run_once(floor_cmd, env, xvfb)
    first_open: dict[str, dict[str, float]] = {}
    for name, (command, case_env) in cases.items():
        # Warm-up (and any first background check). Its figures are those of the first
        # start on this file (for a file, one ParkTracker never closed: no kept cards yet).
        first_open[name] = run_once(command, case_env, xvfb)
    floors: list[dict[str, float]] = []
    seen: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (command, case_env) in cases.items():
            floors.append(run_once(floor_cmd, env, xvfb))
            seen[name].append(run_once(command, case_env, xvfb))
    floor_mapped = statistics.median(f["mapped"] for f in floors)
    floor_paint = statistics.median(f["first-paint"] for f in floors)
    result: dict[str, Any] = {
        "floor": {"mapped_s": round(floor_mapped, 4), "painted_s": round(floor_paint, 4)},
    }
    for name, values in seen.items():
        mapped = statistics.median(v["mapped"] for v in values)
        page = statistics.median(v.get("content-paint", float("nan")) for v in values)
        result[name] = {
            "mapped_s": round(mapped, 4),
            "page_drawn_s": round(page, 4),
            "mapped_ratio": round(mapped / floor_mapped, 3),
            "page_ratio": round(page / floor_paint, 3),
            "mapped_all_s": [round(v["mapped"], 4) for v in values],
            "first_open_page_drawn_s": round(first_open[name].get("content-paint", -1), 4),
        }
    return result


def _with_path(env: dict[str, str], folder: Path) -> dict[str, str]:
    """``env`` running the app from the checkout ``folder``."""
    paths = [str(folder), *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(env, PYTHONPATH=os.pathsep.join(paths))


def _cases(args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, Case]:
    """The cases, each with its command and environment (the 'before' ones, with --before)."""
    demo = work / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "parktracker", "demo", "--db", str(demo)],
        env=env,
        check=True,
        capture_output=True,
    )
    app = [sys.executable, "-m", "parktracker"]
    files = {"demo-file": demo}
    if not args.skip_large:
        if not args.large.exists():
            generator = Path(__file__).with_name("large_db.py")
            subprocess.run([sys.executable, str(generator), str(args.large)], check=True)
        files["large-file"] = work / "large.db"
        shutil.copy(args.large, files["large-file"])  # the app records its checks in it
    checkouts = {"": env}
    if args.before is not None:
        checkouts["before "] = _with_path(env, args.before)
    cases: dict[str, Case] = {}
    for prefix, case_env in checkouts.items():
        for name in ("demo-file", "--demo", "large-file"):
            if name == "--demo":
                cases[prefix + name] = ([*app, "--demo"], case_env)
            elif name in files:
                path = files[name]
                if prefix:  # its own copy: each version finds the file as it left it
                    path = work / f"before-{path.name}"
                    shutil.copy(files[name], path)
                cases[prefix + name] = ([*app, "--db", str(path)], case_env)
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--large", type=Path, default=Path("/tmp/parktracker-bench-large.db"))
    parser.add_argument("--source", type=Path, help="run the app from this checkout")
    parser.add_argument("--before", type=Path, help="also run every case from this checkout")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the result as JSON")
    args = parser.parse_args()
    if shutil.which("Xvfb") is None:
        print("Xvfb is needed: apt-get install -y xvfb", file=sys.stderr)
        return 2
    args.large = args.large.resolve()
    args.source = args.source.resolve() if args.source is not None else None
    args.before = args.before.resolve() if args.before is not None else None
    work = Path(tempfile.mkdtemp(prefix="parktracker-bench-outside-"))
    # `python -m` puts the working folder first on sys.path: run from an empty one, so the
    # code measured is the installed one, or --source's, never a checkout that happens to be here.
    os.chdir(work)
    env = dict(
        os.environ,
        PARKTRACKER_DATA_DIR=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "config"),
        PARKTRACKER_BENCH_FIRST_PAINT="1",
        QT_QPA_PLATFORM="xcb",
    )
    env.pop("MPLBACKEND", None)
    if args.source is not None:
        env = _with_path(env, args.source)
    import parktracker

    # An installed ParkTracker runs from bytecode compiled at install time; do the same here.
    source = args.source / "parktracker" if args.source else Path(parktracker.__file__).parent
    for folder in (source, args.before and args.before / "parktracker"):
        if folder:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True)
    xvfb = Xvfb()
    env["DISPLAY"] = xvfb.display
    try:
        cases = _cases(args, work, env)
        result = measure(cases, env, xvfb, args.runs)
    finally:
        xvfb.stop()
        shutil.rmtree(work, ignore_errors=True)
    result["source"] = str(args.source or Path(parktracker.__file__).parent.parent)
    if args.before is not None:
        result["before"] = str(args.before)
    if not args.skip_large:
        result["large_file_mib"] = round(args.large.stat().st_size / 2**20)
    _print(args, result, list(cases))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


def _print(args: argparse.Namespace, result: dict[str, Any], names: list[str]) -> None:
    floor = result["floor"]
    print(f"start-up from outside under Xvfb ({args.runs} interleaved runs; {result['source']})")
    if args.before is not None:
        print(f"  'before' cases run from {args.before}")
    print(
        f"  floor: bare Qt window    mapped {floor['mapped_s']:.3f} s,"
        f" painted {floor['painted_s']:.3f} s"
    )
    for name in names:
        case = result[name]
        print(
            f"  {name:<19} mapped {case['mapped_s']:.3f} s ({case['mapped_ratio']:.2f}x),"
            f" first page drawn {case['page_drawn_s']:.3f} s ({case['page_ratio']:.2f}x)"
            f"  target <= {RATIO_TARGET}x"
        )
    print("  the unmeasured first start of each case (one run, not a median): the large file has")
    print("  no dashboard figures kept in it yet; the demo files are built with them")
    for name in names:
        drawn = result[name]["first_open_page_drawn_s"]
        print(f"    {name:<19} first page drawn {drawn:.3f} s ({drawn / floor['painted_s']:.2f}x)")
    if "large_file_mib" in result:
        print(f"  large file: {args.large} ({result['large_file_mib']} MiB)")


if __name__ == "__main__":
    raise SystemExit(main())
