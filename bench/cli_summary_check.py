"""The CLI on the realistic large file, measured from outside: wall time from process start to
exit, median of interleaved runs.

  * ``parktracker summary --json`` on the large file against the same on the demo database
    (target: <= 3.0x);
  * ``parktracker check`` on the large file against SQLite's own ``PRAGMA integrity_check`` of
    the same file, run by a bare Python process with the same SQLite library (target: <= 1.5x).

Every command is a fresh process started by this one, timed with this process's clock; each runs
once unmeasured first (file cache warm), then ``--runs`` times, the four interleaved so they see
the same machine load. The large file is copied first (the shared one is never opened by the
app), the demo database built by the code measured.

Usage:  python bench/cli_summary_check.py [--runs 5] [--large PATH] [--source DIR]
  --large PATH   the file of bench/large_db.py (default: /work/shared_bench/large.db when it
                 exists, else /tmp/parktracker-bench-large.db, generated when missing)
  --source DIR   run another checkout's code (e.g. the code before a change): DIR is put first
                 on PYTHONPATH, for before/after figures in one run
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED_LARGE = Path("/work/shared_bench/large.db")
GENERATED_LARGE = Path("/tmp/parktracker-bench-large.db")
SUMMARY_TARGET = 3.0
CHECK_TARGET = 1.5

CLI = "import sys; from parktracker.cli import main; sys.exit(main(sys.argv[1:]))"
INTEGRITY = (
    "import sqlite3, sys; conn = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True);"
    " print(conn.execute('PRAGMA integrity_check').fetchone()[0])"
)
BUILD_DEMO = (
    "import sys; from parktracker.services.demo import build_demo; build_demo(sys.argv[1]).close()"
)


def environment(source: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    env.setdefault("LANG", "C.UTF-8")
    return env


def timed(
    command: list[str], env: dict[str, str], cwd: Path, *, codes: tuple[int, ...] = (0,)
) -> float:
    """Seconds from spawn to exit. ``cwd``: a folder without the package (``python -c`` puts
    the current folder first on the path, before ``--source``)."""
    start = time.perf_counter()
    done = subprocess.run(command, check=False, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in codes:
        raise SystemExit(
            f"{' '.join(command[:2])}... exited {done.returncode}:\n{done.stderr[-2000:]}"
        )
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large", type=Path, default=None)
    parser.add_argument("--source", type=Path, default=None)
    args = parser.parse_args(argv)
    large = args.large or (SHARED_LARGE if SHARED_LARGE.exists() else GENERATED_LARGE)
    if not large.exists():
        generator = Path(__file__).with_name("large_db.py")
        subprocess.run([sys.executable, str(generator), str(large)], check=True)
    env = environment(None if args.source is None else args.source.resolve())
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="pt-cli-bench-") as folder:
        work = Path(folder)
        copy = work / "large.db"
        shutil.copyfile(large, copy)
        demo = work / "demo.db"
        subprocess.run([py, "-c", BUILD_DEMO, str(demo)], env=env, cwd=work, check=True)
        cases = {
            "summary --json, demo": [py, "-c", CLI, "summary", "--json", "--db", str(demo)],
            "summary --json, large": [py, "-c", CLI, "summary", "--json", "--db", str(copy)],
            "PRAGMA integrity_check, large": [py, "-c", INTEGRITY, str(copy)],
            # exit 0: sound, 1: records breaking a rule (listed); both are a full check
            "check, large": [py, "-c", CLI, "check", "--db", str(copy)],
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for command in cases.values():  # unmeasured: file cache warm, code compiled
            timed(command, env, work, codes=(0, 1))
        for _ in range(args.runs):
            for name, command in cases.items():
                times[name].append(timed(command, env, work, codes=(0, 1)))
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    size = large.stat().st_size / 2**20
    version = subprocess.run(
        [py, "-c", "import parktracker; print(parktracker.__file__)"],
        env=env,
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"{large} ({size:.0f} MiB), code: {version}")
    print(f"median of {args.runs} interleaved runs, wall time spawn -> exit (load {load})")
    for name, ts in times.items():
        print(f"  {name:<32} {medians[name]:6.3f} s  (fastest {min(ts):.3f} s)")
    summary = medians["summary --json, large"] / medians["summary --json, demo"]
    check = medians["check, large"] / medians["PRAGMA integrity_check, large"]
    for label, ratio, target in (
        ("summary --json large / demo", summary, SUMMARY_TARGET),
        ("check large / PRAGMA integrity_check", check, CHECK_TARGET),
    ):
        verdict = "met" if ratio <= target else "NOT met"
        print(f"  {label:<40} {ratio:5.2f}x  (target <= {target}x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
