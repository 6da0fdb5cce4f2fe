"""Frozen start-up benchmark: the desktop bundle's start to first paint against the source
install's, on the same demo database, runs interleaved so both see the same machine load.

Prints the medians, the ratio frozen / source (issue 11's target: <= 1.2), and the bundle's
size on disk. Build the bundle first (python packaging/build.py).

Usage:  python bench/frozen_startup.py [--bundle dist/ParkTracker] [--runs 9] [--json OUT]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "packaging"))

# isort: off
# Script folders, not packages: whether "build" sorts as first- or third-party depends on
# whether a build/ folder exists, so the order is fixed by hand.
from build import disk_size  # noqa: E402 - packaging/build.py
from startup import _paint_seconds  # noqa: E402 - bench/startup.py

# isort: on


def measure(bundle: Path, runs: int, platform: str) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="parktracker-frozen-bench-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=platform,
        PARKTRACKER_DATA_DIR=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "config"),
        PARKTRACKER_BENCH_FIRST_PAINT="1",
    )
    demo = work / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "parktracker", "demo", "--db", str(demo)],
        env=env,
        check=True,
        capture_output=True,
    )
    import parktracker  # an installed app runs from bytecode compiled at install time

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(parktracker.__file__).parent)],
        check=True,
    )
    source_cmd = [sys.executable, "-m", "parktracker", "--db", str(demo)]
    frozen_cmd = [str(bundle / "ParkTracker"), "--db", str(demo)]
    _paint_seconds(source_cmd, env)  # warm the file cache for both
    _paint_seconds(frozen_cmd, env)
    source, frozen = [], []
    for _ in range(runs):
        source.append(_paint_seconds(source_cmd, env)["first-paint"])
        frozen.append(_paint_seconds(frozen_cmd, env)["first-paint"])
    shutil.rmtree(work, ignore_errors=True)
    source_median, frozen_median = statistics.median(source), statistics.median(frozen)
    return {
        "benchmark": "frozen_startup",
        "platform": platform,
        "runs": runs,
        "source_median_s": round(source_median, 4),
        "frozen_median_s": round(frozen_median, 4),
        "ratio": round(frozen_median / source_median, 3),
        "bundle_size_mb": round(disk_size(bundle) / 1e6, 1),
        "source_all_s": [round(x, 4) for x in source],
        "frozen_all_s": [round(x, 4) for x in frozen],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ParkTracker")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--json", type=Path, help="also write the result as JSON")
    args = parser.parse_args()
    if not (args.bundle / "ParkTracker").exists():
        parser.error(f"no bundle at {args.bundle}: run python packaging/build.py first")
    result = measure(args.bundle, args.runs, args.platform)
    print(f"source install, first paint   median {result['source_median_s']:.3f} s")
    print(f"desktop bundle, first paint   median {result['frozen_median_s']:.3f} s")
    print(f"ratio                         {result['ratio']:.2f}x  (target for issue 11: <= 1.2x)")
    print(f"bundle size on disk           {result['bundle_size_mb']:.1f} MB")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
