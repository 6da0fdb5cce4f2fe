"""Chart export benchmark: one chart to PNG at 300 dpi (word-full, 16 cm) against a floor.

Prints, from one run:
  * the floor: a matplotlib Figure with one bar, the same size, saved as PNG at 300 dpi;
  * each ParkTracker chart, built from the demo database (as of 2024-03-31) and exported with
    parktracker.charts.export.export_chart (frame, layout, atomic write);
  * warm medians (same process, after one warm-up) and cold times (a fresh process each:
    Python start, imports, font registration, data, build, save);
  * the ratio of each chart's warm median to the floor's. The goal: an export ≤ 0.5 s.

Usage:  python bench/charts.py [--runs 7] [--cold-runs 3] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 0.5
FLOOR_CODE = """
import time, sys
start = time.perf_counter()
from matplotlib.figure import Figure
fig = Figure(figsize=(16 / 2.54, 10 / 2.54))
fig.add_subplot().bar([0], [1])
fig.savefig(sys.argv[1], format="png", dpi=300)
print(time.perf_counter() - start)
"""
CHART_CODE = """
import time, sys, datetime as dt
start = time.perf_counter()
from parktracker.charts.export import export_chart
from parktracker.services.dashboard_figures import chart_data
from parktracker.storage.database import open_database
with open_database(sys.argv[2], readonly=True) as db:
    data = chart_data(db, sys.argv[3], as_of=dt.date(2024, 3, 31))
export_chart(data, sys.argv[1])
print(time.perf_counter() - start)
"""


def floor_once(out: Path) -> float:
    from matplotlib.figure import Figure

    start = time.perf_counter()
    fig = Figure(figsize=(16 / 2.54, 10 / 2.54))
    fig.add_subplot().bar([0], [1])
    fig.savefig(out, format="png", dpi=300)
    return time.perf_counter() - start


def chart_once(data: object, out: Path) -> float:
    from parktracker.charts.export import export_chart

    start = time.perf_counter()
    export_chart(data, out)  # type: ignore[arg-type]
    return time.perf_counter() - start


def cold(code: str, *args: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    import datetime as dt

    from parktracker.services.dashboard_figures import CHART_NAMES, chart_data
    from parktracker.services.demo import build_demo
    from parktracker.storage.database import open_database

    work = Path(tempfile.mkdtemp(prefix="parktracker-bench-charts-"))
    demo = work / "demo.db"
    build_demo(demo).close()
    with open_database(demo, readonly=True) as db:
        charts = {name: chart_data(db, name, as_of=dt.date(2024, 3, 31)) for name in CHART_NAMES}

    # warm-up: imports, font registration, first-draw caches
    floor_once(work / "floor.png")
    for name, data in charts.items():
        chart_once(data, work / f"{name}.png")

    results: dict[str, dict[str, float]] = {}
    floor_runs: list[float] = []
    chart_runs: dict[str, list[float]] = {name: [] for name in charts}
    for _ in range(args.runs):  # interleaved, so all see the same machine load
        floor_runs.append(floor_once(work / "floor.png"))
        for name, data in charts.items():
            chart_runs[name].append(chart_once(data, work / f"{name}.png"))
    floor = statistics.median(floor_runs)
    floor_cold = statistics.median(
        cold(FLOOR_CODE, str(work / "floor-cold.png")) for _ in range(args.cold_runs)
    )
    print(
        f"floor (one bar, 16 cm, PNG 300 dpi): warm {floor * 1000:7.1f} ms   "
        f"cold {floor_cold * 1000:7.1f} ms"
    )
    worst = 0.0
    for name in charts:
        warm = statistics.median(chart_runs[name])
        cold_s = statistics.median(
            cold(CHART_CODE, str(work / f"{name}-cold.png"), str(demo), name)
            for _ in range(args.cold_runs)
        )
        worst = max(worst, warm)
        results[name] = {"warm_s": warm, "cold_s": cold_s, "ratio_to_floor": warm / floor}
        print(
            f"{name:20s} warm {warm * 1000:7.1f} ms ({warm / floor:4.1f}× floor)   "
            f"cold {cold_s * 1000:7.1f} ms"
        )
    verdict = "OK" if worst <= GOAL_SECONDS else "SLOW"
    print(
        f"slowest warm export {worst * 1000:.0f} ms; goal ≤ {GOAL_SECONDS * 1000:.0f} ms: {verdict}"
    )
    if args.json:
        args.json.write_text(
            json.dumps({"floor_s": floor, "floor_cold_s": floor_cold, "charts": results}, indent=2)
        )
    return 0 if worst <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
