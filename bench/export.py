"""Export benchmark: 10,000 projects to .xlsx, against openpyxl writing the same cells.

Prints, from one run (best and median of 5 runs each, measured alternately):
  * the floor: openpyxl in write-only mode writing exactly the cells ParkTracker writes (the
    same values, amounts as numbers with their number format, dates as dates, a title line and
    a header), from rows already in memory, to a file;
  * the export: services.export.export_table, from the database to the finished file: the
    query, the rows in the user's language, column widths, formula guards, the write and the
    safe rename (fsync included);
  * the ratio of the two. Target: at most 1.5.

Usage:  python bench/export.py [--db PATH] [--projects 10000] [--regenerate]
The database is generated with bench/large_db.py when missing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGET = 1.5
RUNS = 5


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/parktracker-bench-10k.db"))
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--regenerate", action="store_true")
    return parser.parse_args(argv)


def floor_writer(sheet: Any) -> Callable[[Path], None]:
    """openpyxl write-only, writing ``sheet``'s cells with nothing else around them."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from parktracker.domain.money import Money
    from parktracker.domain.periods import YearMonth
    from parktracker.io.cell_values import NUMBER_FORMATS, amount_number

    units = [c.type.unit for c in sheet.columns]

    def write(path: Path) -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(sheet.name)
        ws.append([sheet.title])
        ws.append([c.header for c in sheet.columns])
        for row in sheet.rows:
            cells: list[Any] = []
            for value, unit in zip(row, units, strict=True):
                if isinstance(value, Money) and unit is not None:
                    cell = WriteOnlyCell(ws, value=amount_number(value, unit))
                    cell.number_format = NUMBER_FORMATS[unit]
                    cells.append(cell)
                elif isinstance(value, YearMonth):
                    cells.append(value.first_day)
                else:
                    cells.append(value)
            ws.append(cells)
        wb.save(path)

    return write


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.regenerate or not args.db.exists():
        generator = Path(__file__).with_name("large_db.py")
        command = [sys.executable, str(generator), str(args.db), "--force"]
        subprocess.run([*command, "--projects", str(args.projects)], check=True)

    from parktracker.i18n import tr
    from parktracker.io.export_layout import TableKind
    from parktracker.services.export import ExportScope, build_sheet, export_table
    from parktracker.storage.database import open_database

    db = open_database(args.db, readonly=True)
    sheet = build_sheet(db, kind=TableKind.PROJECTS, scope=ExportScope(), tr=tr)
    cells = len(sheet.rows) * len(sheet.columns)
    floor = floor_writer(sheet)
    ours: list[float] = []
    base: list[float] = []
    with tempfile.TemporaryDirectory(prefix="parktracker-bench-export-") as folder:
        for run in range(RUNS):
            for label, target in (("floor", base), ("ours", ours)):
                path = Path(folder) / f"{label}-{run}.xlsx"
                start = time.perf_counter()
                if label == "floor":
                    floor(path)
                else:
                    export_table(db, kind=TableKind.PROJECTS, path=path, scope=ExportScope(), tr=tr)
                target.append(time.perf_counter() - start)
        size = (Path(folder) / "ours-0.xlsx").stat().st_size / 1e6
    db.close()
    ratio = min(ours) / min(base)
    print(f"{len(sheet.rows):,} projects, {cells:,} cells, file {size:.1f} MB")
    print(
        f"floor (openpyxl write-only, same cells): best {min(base) * 1000:.0f} ms,"
        f" median {statistics.median(base) * 1000:.0f} ms"
    )
    print(
        f"export (database to file):             best {min(ours) * 1000:.0f} ms,"
        f" median {statistics.median(ours) * 1000:.0f} ms"
    )
    verdict = "OK" if ratio <= TARGET else "OVER TARGET"
    print(f"ratio (best/best): {ratio:.2f} (target <= {TARGET}) {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
