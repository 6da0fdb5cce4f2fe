"""The headless ``parktracker import`` command.

    parktracker import FILE --db PATH [--kind K] [--sheet NAME] [--as-of YYYY-MM]
                       [--dry-run] [--skip-invalid] [--json]

Exit 0 when the import was applied (or previewed with --dry-run) with no invalid row, 1 when
rows are invalid and --skip-invalid was not given (nothing is written), 2 with one line for a
file that cannot be read or a database that cannot be opened.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.import_fields import ImportKind
from parktracker.domain.periods import YearMonth
from parktracker.i18n import tr

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2

T_CMD = QT_TRANSLATE_NOOP(
    "Cli", "import a spreadsheet (xlsx, xls, ods, csv, tsv): preview, then apply"
)
T_FILE = QT_TRANSLATE_NOOP("Cli", "the file to import")
T_KIND = QT_TRANSLATE_NOOP("Cli", "what the rows are (default: detected from the headers)")
T_SHEET = QT_TRANSLATE_NOOP("Cli", "the sheet to read (default: the first with a known header)")
T_IMPORT_AS_OF = QT_TRANSLATE_NOOP(
    "Cli", "the month the figures are for, YYYY-MM (default: from the title, e.g. 2024年3月)"
)
T_DRY_RUN = QT_TRANSLATE_NOOP("Cli", "only print the preview; write nothing")
T_SKIP_INVALID = QT_TRANSLATE_NOOP("Cli", "import the valid rows and skip the invalid ones")
T_IMPORT_JSON = QT_TRANSLATE_NOOP("Cli", "print the preview (per row, with reasons) as JSON")
T_BAD_MONTH = QT_TRANSLATE_NOOP("Cli", "“%1” is not a month (YYYY-MM).")
T_HEAD = QT_TRANSLATE_NOOP("Cli", "%1, sheet “%2”: %3 (as of %4)")
T_COUNTS = QT_TRANSLATE_NOOP("Cli", "%1 new, %2 changed, %3 unchanged, %4 invalid")
T_NO_AS_OF = QT_TRANSLATE_NOOP("Cli", "not given")
T_APPLIED = QT_TRANSLATE_NOOP(
    "Cli", "Imported: %1 added, %2 changed, %3 unchanged, %4 skipped. Backup: %5"
)
T_NOTHING = QT_TRANSLATE_NOOP("Cli", "Nothing to change: the database already holds these figures.")
T_DRY = QT_TRANSLATE_NOOP("Cli", "Dry run: nothing was written.")
T_BLOCKED = QT_TRANSLATE_NOOP(
    "Cli", "Nothing was written: %1 row(s) are invalid (use --skip-invalid to import the rest)."
)
T_ARROW = QT_TRANSLATE_NOOP("Cli", "%1: %2 → %3")
T_VALUE = QT_TRANSLATE_NOOP("Cli", "%1: %2")


def _month(text: str) -> YearMonth:
    try:
        return YearMonth.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr(T_BAD_MONTH, text)) from None


def add_parser(sub: Any, parents: list[Any]) -> None:
    parser = sub.add_parser("import", help=tr(T_CMD), description=tr(T_CMD), parents=parents)
    parser.add_argument("file", type=Path, metavar="FILE", help=tr(T_FILE))
    parser.add_argument("--db", type=Path, required=True, metavar="PATH")
    parser.add_argument("--kind", choices=[k.value for k in ImportKind], help=tr(T_KIND))
    parser.add_argument("--sheet", metavar="NAME", help=tr(T_SHEET))
    parser.add_argument("--as-of", type=_month, metavar="YYYY-MM", help=tr(T_IMPORT_AS_OF))
    parser.add_argument("--dry-run", action="store_true", help=tr(T_DRY_RUN))
    parser.add_argument("--skip-invalid", action="store_true", help=tr(T_SKIP_INVALID))
    parser.add_argument("--json", action="store_true", help=tr(T_IMPORT_JSON))


def _t(value: str | Text) -> str:
    return tr(value) if isinstance(value, Text) else value


def run(args: argparse.Namespace, fail: Any) -> int:
    from parktracker.services import importing
    from parktracker.services.import_types import RowStatus
    from parktracker.storage.database import open_database

    try:
        loaded = importing.load_file(args.file)
    except importing.ImportFailure as exc:
        return int(fail(f"{args.file}: {exc.render(tr)}"))
    with open_database(args.db, readonly=args.dry_run) as db:
        try:
            preview = importing.preview_import(
                db,
                loaded=loaded,
                sheet=args.sheet,
                kind=ImportKind(args.kind) if args.kind else None,
                as_of=args.as_of,
            )
        except importing.ImportFailure as exc:
            return int(fail(f"{args.file}: {exc.render(tr)}"))
        counts = preview.counts()
        invalid = counts[RowStatus.INVALID]
        blocked = bool(invalid) and not args.skip_invalid
        summary = None
        if not args.dry_run and not blocked:
            summary = importing.apply_import(db, preview=preview, skip_invalid=args.skip_invalid)
    if args.json:
        print(json.dumps(_as_json(preview, summary), ensure_ascii=False))
    else:
        _print(preview, summary, dry_run=args.dry_run, blocked=blocked)
    return EXIT_PROBLEMS if blocked else EXIT_OK


def _as_json(preview: Any, summary: Any) -> dict[str, Any]:
    multi = preview.sheet_count > 1
    return {
        "file": preview.source_name,
        "sha256": preview.sha256,
        "sheet": preview.sheet,
        "kind": preview.kind.value,
        "as_of": str(preview.as_of) if preview.as_of else None,
        "counts": {status.value: n for status, n in preview.counts().items()},
        "rows": [
            {
                "row": row.number,
                "sheet": row.sheet,
                "status": row.status.value,
                "key": row.key,
                "month": str(row.month) if row.month else None,
                "changes": [
                    {"field": c.field, "label": tr(c.label), "old": _t(c.old), "new": _t(c.new)}
                    for c in row.changes
                ],
                "problems": [p.render(tr, with_sheet=multi) for p in row.problems],
            }
            for row in preview.rows
        ],
        "applied": summary is not None,
        "summary": None
        if summary is None
        else {
            "added": summary.added,
            "changed": summary.changed,
            "unchanged": summary.unchanged,
            "skipped": summary.skipped,
            "backup": summary.backup,
        },
    }


def _print(preview: Any, summary: Any, *, dry_run: bool, blocked: bool) -> None:
    from parktracker.services.import_types import RowStatus

    as_of = str(preview.as_of) if preview.as_of else tr(T_NO_AS_OF)
    print(tr(T_HEAD, preview.source_name, preview.sheet, tr(preview.kind.text), as_of))
    counts = preview.counts()
    print(tr(T_COUNTS, *(counts[s] for s in RowStatus)))
    multi = preview.sheet_count > 1
    for row in preview.rows:
        if row.status is RowStatus.UNCHANGED:
            continue
        print(f"  {row.number:>5}  {tr(row.status.text)}  {row.record_text(tr)}")
        for change in row.changes:
            if change.old == "":  # a new record: its values only
                print("         " + tr(T_VALUE, tr(change.label), _t(change.new)))
            else:
                print("         " + tr(T_ARROW, tr(change.label), _t(change.old), _t(change.new)))
        for problem in row.problems:
            print("         " + problem.render(tr, with_sheet=multi))
    if blocked:
        print(tr(T_BLOCKED, counts[RowStatus.INVALID]))
    elif dry_run:
        print(tr(T_DRY))
    elif summary is not None and (summary.added or summary.changed):
        print(
            tr(
                T_APPLIED,
                summary.added,
                summary.changed,
                summary.unchanged,
                summary.skipped,
                summary.backup or "-",
            )
        )
    else:
        print(tr(T_NOTHING))
