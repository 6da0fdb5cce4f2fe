"""Import benchmark: preview and apply of a 10,000-row projects .xlsx.

Prints, from one run:
  * the floor: openpyxl in read-only mode reading every cell of the file (best of 3);
  * ParkTracker's import of the same file into a new database (reference parks only), all
    rows new: reading (python-calamine), preview (header and kind detection, every cell
    parsed, every row classified against the database) and apply (the verified pre-import
    backup, then one transaction with every project, its stage-history entry and their audit
    entries) — each step and the total, best of 3, each run on a fresh copy of the database;
  * the ratio total / floor (target ≤ 2.0);
  * the peak memory of a separate process that does the whole import once (resident set
    size from resource.getrusage, and the Python heap peak from tracemalloc; target ≤ 300 MB).

Usage:  python bench/import_xlsx.py [--rows 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RATIO_TARGET = 2.0
MEMORY_TARGET_MB = 300
HEADERS = [
    "序号", "所属园区", "项目名称", "项目阶段", "建设单位", "责任单位", "联系人",
    "计划总投资（万元）", "签约时间", "计划开工时间", "开工时间", "计划竣工时间", "投产时间",
    "重点项目", "链主项目", "备注",
]  # fmt: skip
STAGES = ["在谈", "已签约待开工", "在建", "已投产"]


def write_file(path: Path, rows: int, parks: list[str]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("项目")
    ws.append(["2024年3月新兴产业专业园区重点项目调度表"])
    ws.append(HEADERS)
    for n in range(1, rows + 1):
        stage = STAGES[n % 4]
        signed = dt.date(2020 + n % 4, 1 + n % 12, 1 + n % 28)
        started = signed + dt.timedelta(days=60) if stage in ("在建", "已投产") else None
        produced = signed + dt.timedelta(days=400) if stage == "已投产" else None
        ws.append([
            n, parks[n % len(parks)], f"重点项目{n:05d}号（一期）", stage, f"建设单位{n % 500}",
            "园区管委会", f"联系人{n % 97}", round(1000 + n * 3.1415, 4), signed,
            signed + dt.timedelta(days=30), started, signed + dt.timedelta(days=700), produced,
            "是" if n % 5 == 0 else "否", "是" if n % 50 == 0 else "否", f"备注{n}",
        ])  # fmt: skip
    book.save(path)


def new_database(path: Path) -> None:
    from parktracker.services.reference import seed_reference
    from parktracker.storage.database import create_database

    create_database(path, populate=seed_reference).close()


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    cells = 0
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += sum(1 for v in row if v is not None)
    book.close()
    return cells


def import_once(file: Path, db_path: Path) -> dict[str, float]:
    from parktracker.services import importing
    from parktracker.storage.database import open_database

    times: dict[str, float] = {}
    start = time.perf_counter()
    loaded = importing.load_file(file)
    times["read"] = time.perf_counter() - start
    with open_database(db_path) as db:
        mark = time.perf_counter()
        preview = importing.preview_import(db, loaded=loaded)
        times["preview"] = time.perf_counter() - mark
        mark = time.perf_counter()
        summary = importing.apply_import(db, preview=preview)
        times["apply"] = time.perf_counter() - mark
    times["total"] = time.perf_counter() - start
    times["added"] = summary.added
    return times


def _child(file: Path, db_path: Path) -> None:
    import resource
    import tracemalloc

    tracemalloc.start()
    times = import_once(file, db_path)
    _, heap_peak = tracemalloc.get_traced_memory()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({**times, "rss_mb": rss_kb / 1024, "heap_mb": heap_peak / 2**20}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0

    work = Path(tempfile.mkdtemp(prefix="parktracker-bench-import-"))
    os.environ["PARKTRACKER_DATA_DIR"] = str(work / "data")
    try:
        template = work / "template.db"
        new_database(template)
        from parktracker.storage import parks
        from parktracker.storage.database import open_database

        with open_database(template, readonly=True) as db:
            names = [p.name for p in parks.all_parks(db)]
        file = work / "projects.xlsx"
        write_file(file, args.rows, names)
        print(f"file: {args.rows:,} rows, {file.stat().st_size / 2**20:.1f} MB")

        floor = min(_timed(openpyxl_read, file) for _ in range(args.runs))
        runs = []
        for n in range(args.runs):
            db_path = work / f"run{n}" / "parktracker.db"
            db_path.parent.mkdir()
            shutil.copy(template, db_path)
            runs.append(import_once(file, db_path))
        best = min(runs, key=lambda r: r["total"])
        assert all(r["added"] == args.rows for r in runs), runs
        print(f"openpyxl read-only, every cell (floor): {floor * 1000:.0f} ms")
        print(
            "import, best of {}: read {:.0f} ms + preview {:.0f} ms + apply {:.0f} ms"
            " = {:.0f} ms".format(
                args.runs,
                best["read"] * 1000,
                best["preview"] * 1000,
                best["apply"] * 1000,
                best["total"] * 1000,
            )
        )
        ratio = best["total"] / floor
        print(f"ratio import / floor: {ratio:.2f} (target ≤ {RATIO_TARGET})")

        db_path = work / "memory" / "parktracker.db"
        db_path.parent.mkdir()
        shutil.copy(template, db_path)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(file), str(db_path)],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ},
        ).stdout
        memory = json.loads(out.strip().splitlines()[-1])
        print(
            f"peak memory of a process doing the import: {memory['rss_mb']:.0f} MB resident"
            f" (Python heap peak {memory['heap_mb']:.0f} MB; target ≤ {MEMORY_TARGET_MB} MB)"
        )
        ok = ratio <= RATIO_TARGET and memory["rss_mb"] <= MEMORY_TARGET_MB
        print("OK" if ok else "ABOVE TARGET")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _timed(function, *args) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
