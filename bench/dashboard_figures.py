"""Dashboard data benchmark: fetching every KPI card and chart's data (no drawing).

Prints, for the large database (100,000 projects by default) and the demo database, the median
(and the fastest) of several runs of ``services.dashboard.load`` (all parks and one park, at
the default as-of date and a year earlier), then each query of the all-parks load on its own,
beside the target of 300 ms for all the dashboard's data, and the machine's load average (other
processes slow every figure down). The drawing is measured by bench/dashboard.py.

Usage:  python bench/dashboard_figures.py [--db PATH] [--runs 7]
The large database is generated (bench/large_db.py) when missing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGET_MS = 300
DEFAULT_DB = Path(tempfile.gettempdir()) / "parktracker-bench-100k.db"


def timed_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and fastest of ``runs`` runs, in ms (the fastest is the least disturbed by other
    processes on a busy machine)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, min(times) * 1000


def report(label: str, ms: tuple[float, float], target: float | None = None) -> None:
    median, fastest = ms
    mark = "" if target is None else ("  ok" if median <= target else f"  OVER {target:.0f} ms")
    print(f"  {label:<50} {median:7.1f} ms (fastest {fastest:6.1f}){mark}")


def bench(path: Path, runs: int) -> None:
    from parktracker.domain import chart_data, figures
    from parktracker.services import dashboard_figures, reporting
    from parktracker.storage import as_of_figures as rules
    from parktracker.storage import meta, parks
    from parktracker.storage.database import open_database

    db = open_database(path, readonly=True)
    try:
        start = time.perf_counter()
        as_of = dashboard_figures.default_as_of(db)  # worked out once, then remembered
        found = time.perf_counter()
        dashboard_figures.kpis(db, as_of=as_of)
        cards = time.perf_counter()
        first_ms = (found - start) * 1000
        report("default_as_of (first call: up to three months)", (first_ms, first_ms))
        report(
            "first cards: default_as_of + kpis() (first calls)",
            ((cards - start) * 1000, (cards - start) * 1000),
            TARGET_MS,
        )
        year_ago = figures.same_date_last_year(as_of)
        park = parks.all_parks(db)[0]
        count = db.scalar("SELECT count(*) FROM projects")
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"{path.name}: {count} projects, as of {as_of} (load average {load})")
        dashboard_figures.load(db, as_of=as_of)  # warm the page cache
        report(
            "load(): all parks",
            timed_ms(lambda: dashboard_figures.load(db, as_of=as_of), runs),
            TARGET_MS,
        )
        report(
            f"load(): one park ({park.short_name})",
            timed_ms(lambda: dashboard_figures.load(db, as_of=as_of, park=park), runs),
            TARGET_MS,
        )
        report(
            f"load(): all parks as of {year_ago}",
            timed_ms(lambda: dashboard_figures.load(db, as_of=year_ago), runs),
        )
        month = figures.month_of_figures(as_of)
        assert month is not None
        first, last = chart_data.trend_window(month)
        parts: dict[str, Callable[[], object]] = {
            "current_groups (project_listing by park, stage)": lambda: rules.current_groups(db),
            "changed_groups (as of, with completed)": lambda: rules.changed_groups(
                db, as_of, through=month
            ),
            "changed_groups (a year earlier)": lambda: rules.changed_groups(db, year_ago),
            "investment_after (months after the as-of month)": lambda: rules.investment_after(
                db, month
            ),
            "monthly_investment (36 months, all parks)": lambda: rules.monthly_investment(
                db, first, last
            ),
            "monthly_investment (36 months, one park)": lambda: rules.monthly_investment(
                db, first, last, park_id=park.id
            ),
            "funds, platforms, enterprises (both dates)": lambda: [
                f(db, d)
                for d in (as_of, year_ago)
                for f in (
                    rules.fund_groups,
                    rules.platform_groups,
                    rules.enterprise_groups,
                )
            ],
            "revenue, sample-data flag": lambda: (
                rules.revenue_groups(db),
                meta.holds_sample_data(db),
            ),
            "reporting status of the as-of month (one month)": lambda: reporting.status(
                db, first=month, last=month
            ),
            "as-of report (revenue of the year, investment of the month)": lambda: (
                reporting.as_of_report(db, as_of=as_of)
            ),
        }
        for label, action in parts.items():
            report(label, timed_ms(action, runs))
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.db.exists():
        here = Path(__file__).resolve().parent
        subprocess.run([sys.executable, str(here / "large_db.py"), str(args.db)], check=True)
    bench(args.db, args.runs)
    from parktracker.services.demo import build_demo

    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.db"
        build_demo(demo).close()
        bench(demo, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
