"""``parktracker warnings``: the red and yellow lights as of a date, as text or JSON.

Exit codes: 0 when nothing is lit, 1 when there is at least one red or yellow light, 2 on
an error (bad date, unknown park, unreadable file), like ``check``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.periods import date_text
from parktracker.i18n import tr

if TYPE_CHECKING:
    from parktracker.domain.models import Park
    from parktracker.storage.database import Database

EXIT_NONE = 0
EXIT_LIT = 1

T_CMD = QT_TRANSLATE_NOOP("Cli", "list the red and yellow warnings as of a date, with reasons")
T_DB = QT_TRANSLATE_NOOP("Cli", "database file")
T_AS_OF = QT_TRANSLATE_NOOP("Cli", "date YYYY-MM-DD (default: end of the latest month with data)")
T_PARK = QT_TRANSLATE_NOOP("Cli", "one park, by name, short name or industry (default: all parks)")
T_JSON = QT_TRANSLATE_NOOP(
    "Cli", "print a JSON list of objects with level, park, project, rule and reason"
)
T_NONE = QT_TRANSLATE_NOOP("Cli", "No red or yellow warnings as of %1.")
T_COUNTS = QT_TRANSLATE_NOOP("Cli", "As of %1: %2 red, %3 yellow.")
T_LINE = QT_TRANSLATE_NOOP("Cli", "[%1] %2 — %3: %4")
T_PARK_ITSELF = QT_TRANSLATE_NOOP("Cli", "(the park)")
T_CITY = QT_TRANSLATE_NOOP("Cli", "(all parks)")


def add_warnings_parser(
    sub: Any, *, as_of_type: Callable[[str], dt.date], parents: list[Any] | None = None
) -> None:
    parser = sub.add_parser(
        "warnings", help=tr(T_CMD), description=tr(T_CMD), parents=parents or []
    )
    parser.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB))
    parser.add_argument("--as-of", type=as_of_type, metavar="YYYY-MM-DD", help=tr(T_AS_OF))
    parser.add_argument("--park", metavar="NAME", help=tr(T_PARK))
    parser.add_argument("--json", action="store_true", help=tr(T_JSON))


def run_warnings(
    args: argparse.Namespace, *, find_park: Callable[[Database, str | None], Park | None]
) -> int:
    from parktracker.domain.warnings import Level
    from parktracker.services.reporting import default_as_of
    from parktracker.services.warnings import findings
    from parktracker.storage.database import open_database

    with open_database(args.db, readonly=True) as db:
        park = find_park(db, args.park)
        as_of = args.as_of or default_as_of(db)
        found = findings(db, as_of=as_of, park=park)
    if args.json:
        items = [
            {
                "level": f.level.value,
                "park": f.park,
                "project": f.project,
                "rule": f.rule.value,
                "reason": f.render(tr),
            }
            for f in found
        ]
        print(json.dumps(items, ensure_ascii=False, indent=1))
    else:
        day = date_text(as_of, tr)
        if not found:
            print(tr(T_NONE, day))
        else:
            red = sum(1 for f in found if f.level is Level.RED)
            print(tr(T_COUNTS, day, red, len(found) - red))
            for f in found:
                where = f.project or tr(T_PARK_ITSELF if f.park else T_CITY)
                print(tr(T_LINE, tr(f.level.text), f.park or tr(T_CITY), where, f.render(tr)))
    return EXIT_LIT if found else EXIT_NONE
