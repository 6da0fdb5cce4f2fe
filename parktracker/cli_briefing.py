"""``parktracker briefing``: write a month's briefing (通报) as .docx or PDF and record it.

Exit codes: 0 when written, 2 (one line) when the database, the month or the file is wrong.
A notice that figures of a month already briefed have changed goes to stderr, after the path.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.periods import YearMonth
from parktracker.i18n import tr

T_CMD = QT_TRANSLATE_NOOP("Cli", "write a month's briefing (通报) as .docx or PDF, and record it")
T_DB = QT_TRANSLATE_NOOP("Cli", "database file")
T_MONTH = QT_TRANSLATE_NOOP("Cli", "month YYYY-MM (default: the latest month every park reported)")
T_OUT = QT_TRANSLATE_NOOP("Cli", "the file to write, ending in .docx or .pdf")
T_WRITTEN = QT_TRANSLATE_NOOP("Cli", "Briefing written to %1.")


def add_parser(
    sub: Any, *, month_type: Callable[[str], YearMonth], parents: list[Any] | None = None
) -> None:
    parser = sub.add_parser(
        "briefing", help=tr(T_CMD), description=tr(T_CMD), parents=parents or []
    )
    parser.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB))
    parser.add_argument("--month", type=month_type, metavar="YYYY-MM", help=tr(T_MONTH))
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help=tr(T_OUT))


def run(args: argparse.Namespace) -> int:
    from parktracker.services import briefing
    from parktracker.storage.database import open_database

    briefing.format_of(args.out)  # a wrong ending fails before the database is opened
    with open_database(args.db) as db:
        month = args.month or briefing.default_month(db)
        notices = briefing.notices(db, month=month, tr=tr)
        written = briefing.write_briefing(db, month=month, path=args.out, tr=tr)
    print(tr(T_WRITTEN, written))
    for notice in notices:
        print(notice, file=sys.stderr)
    return 0
