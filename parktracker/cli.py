"""Command line: the GUI by default, and headless sub-commands for automation.

    parktracker [--db PATH] [--demo] [--lang zh_CN|en]      the GUI
    parktracker demo --db PATH [--force]                    write the demo database
    parktracker summary --db PATH [--as-of D] [--park P] [--json]
    parktracker check --db PATH
    parktracker backup --db PATH [--out FILE [--force]]
    parktracker restore --db PATH --from FILE
    parktracker chart NAME --db PATH [--as-of D] [--park P] --out FILE.{png,svg,pdf}
                      [--preset word-full|word-half | --size WxH] [--title T] [--source S]
    parktracker chart --list
    parktracker export --db PATH --table KIND|all --out FILE.{xlsx,csv} [--as-of D] [--park P]
    parktracker template --db PATH [--park P] [--month YYYY-MM] --out FILE.xlsx|FOLDER
    parktracker import FILE --db PATH [--kind K] [--sheet NAME] [--as-of YYYY-MM]
                       [--dry-run] [--skip-invalid] [--json]
    parktracker warnings --db PATH [--as-of D] [--park P] [--json]
    parktracker briefing --db PATH [--month YYYY-MM] --out FILE.{docx,pdf}
    parktracker --version

Every failure the user can cause (bad path, damaged file, unknown park...) ends with a one-line
message in the user's language and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parktracker import __version__
from parktracker.cli_parser import T_VERSION, TranslatedParser
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.periods import YearMonth
from parktracker.i18n import LANGUAGES, language_from_environment, set_language, tr

if TYPE_CHECKING:
    from parktracker.domain.models import Park
    from parktracker.storage.database import Database

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2

T_DESCRIPTION = QT_TRANSLATE_NOOP(
    "Cli", "ParkTracker: investment tracking for Qingdao's emerging-industry parks."
)
T_DB = QT_TRANSLATE_NOOP("Cli", "database file (default: parktracker.db in your data folder)")
T_DEMO = QT_TRANSLATE_NOOP(
    "Cli", "open a fresh copy of the demo dataset; your own database is not touched"
)
T_READ_ONLY = QT_TRANSLATE_NOOP(
    "Cli", "open the database read-only: look without any risk of changing it"
)
T_LANG = QT_TRANSLATE_NOOP("Cli", "language of messages: zh_CN (default) or en")
T_DEBUG = QT_TRANSLATE_NOOP(
    "Cli", "write detailed records to the log file (logs/ in your data folder)"
)
T_SMOKE = QT_TRANSLATE_NOOP(
    "Cli",
    "open a demo copy, save a screenshot of the dashboard and its charts to OUT.png, exit",
)
T_CMD_DEMO = QT_TRANSLATE_NOOP("Cli", "write the demo database")
T_CMD_SUMMARY = QT_TRANSLATE_NOOP("Cli", "print the headline indicators as of a date")
T_CMD_CHECK = QT_TRANSLATE_NOOP("Cli", "check a database's integrity and consistency")
T_DB_REQUIRED = QT_TRANSLATE_NOOP("Cli", "database file")
T_FORCE = QT_TRANSLATE_NOOP("Cli", "overwrite an existing file")
T_AS_OF = QT_TRANSLATE_NOOP("Cli", "date YYYY-MM-DD (default: end of the latest month with data)")
T_PARK = QT_TRANSLATE_NOOP("Cli", "one park, by name, short name or industry (default: all parks)")
T_JSON = QT_TRANSLATE_NOOP("Cli", "print one JSON object")
T_ERROR = QT_TRANSLATE_NOOP("Cli", "Error: %1")
T_BAD_DATE_DETAIL = QT_TRANSLATE_NOOP("Cli", "“%1” is not a date ParkTracker accepts: %2.")
T_NO_PARK = QT_TRANSLATE_NOOP("Cli", "No park matches “%1”. Parks: %2")
T_DEMO_WRITTEN = QT_TRANSLATE_NOOP("Cli", "Demo database written to %1 (sample data).")
T_CMD_BACKUP = QT_TRANSLATE_NOOP(
    "Cli", "write a verified backup (into the database's backups folder, or to --out)"
)
T_CMD_RESTORE = QT_TRANSLATE_NOOP(
    "Cli", "replace the database by a backup; the current file is backed up first"
)
T_OUT = QT_TRANSLATE_NOOP("Cli", "write the backup to this file instead")
T_FORCE_OUT = QT_TRANSLATE_NOOP("Cli", "overwrite an existing --out file")
T_FROM = QT_TRANSLATE_NOOP("Cli", "the backup file to restore")
T_BACKED_UP = QT_TRANSLATE_NOOP("Cli", "Backup of %1 written to %2 (%3 bytes).")
T_RESTORED = QT_TRANSLATE_NOOP("Cli", "%1 restored from %2.")
T_KEPT = QT_TRANSLATE_NOOP("Cli", "The previous state was kept in %1.")
T_CMD_CHART = QT_TRANSLATE_NOOP("Cli", "save a dashboard chart as PNG, SVG or PDF")
T_CHART_NAME = QT_TRANSLATE_NOOP("Cli", "the chart (see --list)")
T_CHART_LIST = QT_TRANSLATE_NOOP("Cli", "print the chart names and exit")
T_CHART_OUT = QT_TRANSLATE_NOOP(
    "Cli", "the file to write; its ending (.png, .svg, .pdf) sets the format"
)
T_CHART_PRESET = QT_TRANSLATE_NOOP(
    "Cli", "word-full: 16 cm wide (default); word-half: 8 cm wide; PNG at 300 dpi"
)
T_CHART_SIZE = QT_TRANSLATE_NOOP("Cli", "a custom size in centimetres, e.g. 12x8")
T_CHART_TITLE = QT_TRANSLATE_NOOP("Cli", "the chart's title (default: what the chart shows)")
T_CHART_SOURCE = QT_TRANSLATE_NOOP("Cli", "the data-source footnote")
T_CHART_MEASURE = QT_TRANSLATE_NOOP("Cli", "pipeline chart: count projects or sum planned 亿元")
T_CHART_NEEDS = QT_TRANSLATE_NOOP("Cli", "Give a chart name, --db and --out (or --list).")
T_NO_CHART = QT_TRANSLATE_NOOP("Cli", "No chart named “%1”. Charts: %2")
T_BAD_SIZE = QT_TRANSLATE_NOOP(
    "Cli", "“%1” is not a size in centimetres such as 12x8 (3 to 100 cm)."
)
T_CHART_WRITTEN = QT_TRANSLATE_NOOP("Cli", "Chart written to %1.")
T_CMD_EXPORT = QT_TRANSLATE_NOOP(
    "Cli", "export records to .xlsx or CSV (UTF-8 with BOM), the layout the importer reads"
)
T_EXPORT_TABLE = QT_TRANSLATE_NOOP(
    "Cli", "what to export; all: every kind, a sheet each (.xlsx only)"
)
T_EXPORT_OUT = QT_TRANSLATE_NOOP(
    "Cli", "the file to write; its ending (.xlsx, .csv) sets the format"
)
T_EXPORT_AS_OF = QT_TRANSLATE_NOOP(
    "Cli", "date YYYY-MM-DD: the records as they stood then (default: as they are now)"
)
T_EXPORTED = QT_TRANSLATE_NOOP("Cli", "Exported to %1.")
T_CMD_TEMPLATE = QT_TRANSLATE_NOOP(
    "Cli", "write fill-in templates (.xlsx) for the parks, pre-filled with their projects and funds"
)
T_TEMPLATE_PARK = QT_TRANSLATE_NOOP(
    "Cli",
    "one park (--out is then a .xlsx file); without it, one file per park into the folder --out",
)
T_TEMPLATE_MONTH = QT_TRANSLATE_NOOP(
    "Cli", "the month of the figures to fill in, YYYY-MM (default: the last complete month)"
)
T_TEMPLATE_OUT = QT_TRANSLATE_NOOP("Cli", "a .xlsx file (with --park) or a folder (every park)")
T_TEMPLATE_WRITTEN = QT_TRANSLATE_NOOP("Cli", "Template written to %1.")
T_BAD_MONTH = QT_TRANSLATE_NOOP("Cli", "“%1” is not a month (YYYY-MM).")
T_TEMPLATE_XLSX = QT_TRANSLATE_NOOP(
    "Cli", "A template is an .xlsx file: give --out a name ending in .xlsx."
)
T_CHECK_OK = QT_TRANSLATE_NOOP("Cli", "%1: no problems found.")
T_CHECK_PROBLEMS = QT_TRANSLATE_NOOP("Cli", "%1: %2 problem(s) found:")
T_CHECK_WARNINGS_ONLY = QT_TRANSLATE_NOOP(
    "Cli", "%1: no errors; %2 consistency warning(s) to look at:"
)
T_CHECK_WARNINGS = QT_TRANSLATE_NOOP("Cli", "%1 consistency warning(s) to look at:")


def _date(text: str) -> dt.date:
    from parktracker.domain.dates import DateParseError, parse_day

    try:
        return parse_day(text)  # the product's one date parser: years 1990–2100
    except DateParseError as exc:
        problem = tr(exc.message, *exc.args_text)
        raise argparse.ArgumentTypeError(tr(T_BAD_DATE_DETAIL, text, problem)) from None


def _month(text: str) -> YearMonth:
    try:
        return YearMonth.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr(T_BAD_MONTH, text)) from None


# The GUI's options, one definition for the full parser (with translated help) and for the quick
# read of a plain GUI start (without: the help texts cost a read of the translations).
GUI_OPTIONS: tuple[tuple[str, dict[str, Any], Text], ...] = (
    ("--db", {"dest": "gui_db", "type": Path, "metavar": "PATH"}, T_DB),
    ("--demo", {"action": "store_true"}, T_DEMO),
    ("--read-only", {"action": "store_true"}, T_READ_ONLY),
    ("--lang", {"choices": LANGUAGES}, T_LANG),
    ("--debug", {"action": "store_true"}, T_DEBUG),
    ("--smoke", {"type": Path, "metavar": "OUT.png"}, T_SMOKE),
)


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    for flag, options, text in GUI_OPTIONS:
        parser.add_argument(flag, **options, help=tr(text))


def build_parser() -> argparse.ArgumentParser:
    parser = TranslatedParser(prog="parktracker", description=tr(T_DESCRIPTION))
    parser.add_argument(
        "--version", action="version", version=f"ParkTracker {__version__}", help=tr(T_VERSION)
    )
    _add_gui_options(parser)
    # The options that apply to every command are accepted after the command's name as well
    # (`parktracker summary --db X --lang en`). SUPPRESS: given only before the name, the value
    # set there is kept (a sub-parser's default would overwrite it).
    common = TranslatedParser(help_option=False)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=tr(T_LANG))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parents = [common]

    demo = sub.add_parser("demo", help=tr(T_CMD_DEMO), description=tr(T_CMD_DEMO), parents=parents)
    demo.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB_REQUIRED))
    demo.add_argument("--force", action="store_true", help=tr(T_FORCE))

    summary = sub.add_parser(
        "summary", help=tr(T_CMD_SUMMARY), description=tr(T_CMD_SUMMARY), parents=parents
    )
    summary.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB_REQUIRED))
    summary.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help=tr(T_AS_OF))
    summary.add_argument("--park", metavar="NAME", help=tr(T_PARK))
    summary.add_argument("--json", action="store_true", help=tr(T_JSON))

    check = sub.add_parser(
        "check", help=tr(T_CMD_CHECK), description=tr(T_CMD_CHECK), parents=parents
    )
    check.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB_REQUIRED))

    backup = sub.add_parser(
        "backup", help=tr(T_CMD_BACKUP), description=tr(T_CMD_BACKUP), parents=parents
    )
    backup.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB_REQUIRED))
    backup.add_argument("--out", type=Path, metavar="FILE", help=tr(T_OUT))
    backup.add_argument("--force", action="store_true", help=tr(T_FORCE_OUT))

    restore = sub.add_parser(
        "restore", help=tr(T_CMD_RESTORE), description=tr(T_CMD_RESTORE), parents=parents
    )
    restore.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB_REQUIRED))
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="FILE", help=tr(T_FROM)
    )

    chart = sub.add_parser(
        "chart", help=tr(T_CMD_CHART), description=tr(T_CMD_CHART), parents=parents
    )
    chart.add_argument("name", nargs="?", metavar="NAME", help=tr(T_CHART_NAME))
    chart.add_argument("--list", action="store_true", help=tr(T_CHART_LIST))
    chart.add_argument("--db", type=Path, metavar="PATH", help=tr(T_DB_REQUIRED))
    chart.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help=tr(T_AS_OF))
    chart.add_argument("--park", metavar="NAME", help=tr(T_PARK))
    chart.add_argument("--out", type=Path, metavar="FILE", help=tr(T_CHART_OUT))
    chart_size = chart.add_mutually_exclusive_group()
    chart_size.add_argument(
        "--preset", choices=("word-full", "word-half"), default="word-full", help=tr(T_CHART_PRESET)
    )
    chart_size.add_argument("--size", metavar="WxH", help=tr(T_CHART_SIZE))
    chart.add_argument("--title", help=tr(T_CHART_TITLE))
    chart.add_argument("--source", help=tr(T_CHART_SOURCE))
    chart.add_argument(
        "--measure", choices=("count", "amount"), default="count", help=tr(T_CHART_MEASURE)
    )
    _add_export_parsers(sub, parents)
    from parktracker import cli_import

    cli_import.add_parser(sub, parents)
    from parktracker.cli_warnings import add_warnings_parser

    add_warnings_parser(sub, as_of_type=_date, parents=parents)
    from parktracker import cli_briefing

    cli_briefing.add_parser(sub, month_type=_month, parents=parents)
    return parser


TABLE_CHOICES = (
    "projects",
    "investment",
    "funds",
    "revenue",
    "platforms",
    "enterprises",
    "problems",
    "all",
)


def _add_export_parsers(
    sub: argparse._SubParsersAction[TranslatedParser], parents: list[TranslatedParser]
) -> None:
    export = sub.add_parser(
        "export", help=tr(T_CMD_EXPORT), description=tr(T_CMD_EXPORT), parents=parents
    )
    export.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB_REQUIRED))
    export.add_argument("--table", required=True, choices=TABLE_CHOICES, help=tr(T_EXPORT_TABLE))
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help=tr(T_EXPORT_OUT))
    export.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help=tr(T_EXPORT_AS_OF))
    export.add_argument("--park", metavar="NAME", help=tr(T_PARK))

    template = sub.add_parser(
        "template", help=tr(T_CMD_TEMPLATE), description=tr(T_CMD_TEMPLATE), parents=parents
    )
    template.add_argument("--db", type=Path, required=True, metavar="PATH", help=tr(T_DB_REQUIRED))
    template.add_argument("--park", metavar="NAME", help=tr(T_TEMPLATE_PARK))
    template.add_argument("--month", type=_month, metavar="YYYY-MM", help=tr(T_TEMPLATE_MONTH))
    template.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=tr(T_TEMPLATE_OUT)
    )


def _language_hint(argv: Sequence[str]) -> str:
    """The language asked for, before parsing (argparse's own messages need it): the last
    ``--lang``, before or after the command's name, as argparse itself will read it."""
    chosen = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            chosen = argv[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    return chosen or language_from_environment()


class UserError(Exception):
    """A failure explained to the user in one line."""


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell shows for a reader that went away


def _dest(flag: str, options: dict[str, Any]) -> str:
    """The attribute argparse stores an option's value in."""
    return str(options.get("dest", flag[2:].replace("-", "_")))


def _gui_arguments(args_list: list[str]) -> argparse.Namespace | None:
    """The arguments of a plain GUI start (``--db PATH``, ``--demo``…), read from
    :data:`GUI_OPTIONS` without building a parser (argparse's first parser costs ~3 ms on the
    way to the window: gettext's lookups and the help formatter); None for anything else (a
    command, --help, an unknown or incomplete option, a value that is not a choice), which
    the full parser reads and, if need be, explains."""
    by_flag = {flag: options for flag, options, _text in GUI_OPTIONS}
    values: dict[str, Any] = {
        _dest(flag, options): False if options.get("action") == "store_true" else None
        for flag, options in by_flag.items()
    }
    index = 0
    while index < len(args_list):
        flag, has_value, value = args_list[index].partition("=")
        found = by_flag.get(flag)
        if found is None:
            return None
        options, dest = found, _dest(flag, found)
        if options.get("action") == "store_true":
            if has_value:
                return None
            values[dest] = True
            index += 1
            continue
        if not has_value:
            if index + 1 >= len(args_list) or args_list[index + 1].startswith("-"):
                return None
            value = args_list[index + 1]
            index += 1
        index += 1
        choices = options.get("choices")
        if choices is not None and value not in choices:
            return None
        convert = options.get("type")
        values[dest] = convert(value) if convert is not None else value
    return argparse.Namespace(**values, command=None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; when the reader of the output goes away early (``parktracker check |
    head -1``), stop quietly as Unix tools do, with no traceback (Python's documented recipe:
    point stdout at devnull so the flush at exit cannot fail again)."""
    try:
        status = _main(argv)
        sys.stdout.flush()  # a pipe's buffer is written here, so a closed pipe shows here
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    return status


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_hint(args_list))
    args = _gui_arguments(args_list) or build_parser().parse_args(args_list)
    from parktracker.storage.errors import StorageError

    try:
        headless = {
            "demo": _cmd_demo,
            "summary": _cmd_summary,
            "check": _cmd_check,
            "backup": _cmd_backup,
            "restore": _cmd_restore,
            "chart": _cmd_chart,
            "export": _cmd_export,
            "template": _cmd_template,
            "import": _cmd_import,
            "warnings": _cmd_warnings,
            "briefing": _cmd_briefing,
        }.get(args.command or "")
        if headless is not None:
            return headless(args)
        # No cyclic garbage collection while the window starts (run_gui turns it on again once
        # the first page is drawn): the imports and the first page leave next to no cycles,
        # and the collections, each walking everything imported so far, cost 5-7 % of the
        # start's CPU time.
        gc.disable()
        from parktracker.app import run_gui

        return run_gui(
            db_path=args.gui_db,
            demo=args.demo,
            language=args.lang,
            readonly=args.read_only,
            debug=args.debug,
            smoke=args.smoke,
        )
    except StorageError as exc:
        return _fail(exc.render(tr))
    except UserError as exc:
        return _fail(str(exc))
    except Exception as exc:
        # Not imported up front: its module loads secrets and hashlib, which a GUI start
        # does not need before the first paint.
        from parktracker.io.safe_file import ExportError

        if isinstance(exc, ExportError):
            return _fail(exc.render(tr))
        raise


def _fail(message: str) -> int:
    from parktracker.domain.validation import escape_controls

    # A name typed on the command line may hold ESC or CR: echo it escaped, never raw.
    print(f"parktracker: {escape_controls(tr(T_ERROR, message))}", file=sys.stderr)
    return EXIT_ERROR


def _cmd_briefing(args: argparse.Namespace) -> int:
    from parktracker import cli_briefing

    return cli_briefing.run(args)


def _cmd_warnings(args: argparse.Namespace) -> int:
    from parktracker.cli_warnings import run_warnings

    return run_warnings(args, find_park=_find_park)


def _cmd_import(args: argparse.Namespace) -> int:
    from parktracker import cli_import

    return cli_import.run(args, _fail)


def _cmd_demo(args: argparse.Namespace) -> int:
    from parktracker.services.demo import write_demo

    db, kept = write_demo(args.db, force=args.force)
    db.close()
    print(tr(T_DEMO_WRITTEN, args.db))
    if kept is not None:
        print(tr(T_KEPT, kept))
    return EXIT_OK


def _cmd_summary(args: argparse.Namespace) -> int:
    from parktracker.services.reporting import default_as_of
    from parktracker.services.summary import summarize
    from parktracker.storage import parks
    from parktracker.storage.database import open_database

    with open_database(args.db, readonly=True, verify=False) as db:
        park = None
        if args.park:
            park = parks.find(db, args.park)
            if park is None:
                raise UserError(tr(T_NO_PARK, args.park, "、".join(parks.names(db))))
        as_of = args.as_of or default_as_of(db)
        result = summarize(db, as_of=as_of, park=park)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        from parktracker.services.summary_text import summary_lines

        for line in summary_lines(result, tr):
            print(line)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from parktracker.services.check import check_database, is_blocking
    from parktracker.storage.database import open_database

    # Exit codes: 0 sound (consistency warnings, if any, are listed), 1 records breaking a
    # rule the application enforces, 2 damaged or unusable (see services/check.py).
    with open_database(args.db, readonly=True, verify=False) as db:  # check runs its own
        found = check_database(db)
    errors = [f for f in found if is_blocking(f)]
    warnings = [f for f in found if not is_blocking(f)]
    if errors:
        print(tr(T_CHECK_PROBLEMS, args.db, len(errors)))
        for finding in errors:
            print(f"  - {finding.render(tr)}")
    if warnings:
        if errors:
            print(tr(T_CHECK_WARNINGS, len(warnings)))
        else:
            print(tr(T_CHECK_WARNINGS_ONLY, args.db, len(warnings)))
        for finding in warnings:
            print(f"  * {finding.render(tr)}")
    if not found:
        print(tr(T_CHECK_OK, args.db))
    return EXIT_PROBLEMS if errors else EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from parktracker.services import backups

    if args.out is not None:
        made = backups.backup_to(args.db, args.out, force=args.force)
    else:
        made = backups.backup_file(args.db, backups.Reason.MANUAL)
    print(tr(T_BACKED_UP, args.db, made, made.stat().st_size))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from parktracker.services import backups

    kept = backups.restore_backup(args.db, args.source)
    print(tr(T_RESTORED, args.db, args.source))
    if kept is not None:
        print(tr(T_KEPT, kept))
    return EXIT_OK


def _cmd_chart(args: argparse.Namespace) -> int:
    from parktracker.services.dashboard_figures import CHART_NAMES, chart_data

    if args.list:
        for name in CHART_NAMES:
            print(name)
        return EXIT_OK
    if not (args.name and args.db and args.out):
        raise UserError(tr(T_CHART_NEEDS))
    if args.name not in CHART_NAMES:
        raise UserError(tr(T_NO_CHART, args.name, ", ".join(CHART_NAMES)))
    from parktracker.charts.export import ChartExportError, export_chart, format_of, preset
    from parktracker.charts.options import ChartOptions
    from parktracker.charts.style import ChartSize

    try:
        fmt = format_of(args.out)
        size = preset(args.preset)
        if args.size:
            try:
                size = ChartSize.parse(args.size)
            except ValueError:
                raise UserError(tr(T_BAD_SIZE, args.size)) from None
        from parktracker.services.reporting import default_as_of
        from parktracker.storage import parks
        from parktracker.storage.database import open_database

        with open_database(args.db, readonly=True, verify=False) as db:
            park = None
            if args.park:
                park = parks.find(db, args.park)
                if park is None:
                    raise UserError(tr(T_NO_PARK, args.park, "、".join(parks.names(db))))
            data = chart_data(db, args.name, as_of=args.as_of or default_as_of(db), park=park)
        options = ChartOptions(
            size=size, title=args.title, source=args.source, pipeline_measure=args.measure
        )
        written = export_chart(data, args.out, options=options, tr=tr, fmt=fmt)
    except ChartExportError as exc:
        raise UserError(exc.render(tr)) from None
    print(tr(T_CHART_WRITTEN, written))
    return EXIT_OK


def _find_park(db: Database, name: str | None) -> Park | None:
    from parktracker.storage import parks

    if not name:
        return None
    park = parks.find(db, name)
    if park is None:
        raise UserError(tr(T_NO_PARK, name, "、".join(parks.names(db))))
    return park


def _cmd_export(args: argparse.Namespace) -> int:
    """One table (.xlsx or .csv) or, with ``--table all``, every table in one .xlsx workbook;
    CSV holds one table, so ``--table all`` with a .csv is refused."""
    from parktracker.io.export_layout import TableKind
    from parktracker.services.export import (
        ExportScope,
        export_database,
        export_table,
        file_format,
    )
    from parktracker.storage.database import open_database

    file_format(args.out)  # refuse a wrong ending before opening anything
    with open_database(args.db, readonly=True, verify=False) as db:
        park = _find_park(db, args.park)
        scope = ExportScope(as_of=args.as_of, park_id=None if park is None else park.id)
        if args.table == "all":
            written = export_database(db, path=args.out, scope=scope, tr=tr)
        else:
            kind = TableKind(args.table)
            written = export_table(db, kind=kind, path=args.out, scope=scope, tr=tr)
    print(tr(T_EXPORTED, written))
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    """With ``--park``: one workbook, ``--out`` a .xlsx file. Without: ``--out`` is a folder
    (made if missing) that receives one workbook per park, named ``<park>-<YYYY-MM>.xlsx``."""
    from parktracker.services.templates import default_month, export_template, export_templates
    from parktracker.storage.database import open_database

    if args.park and args.out.suffix.lower() != ".xlsx":
        raise UserError(tr(T_TEMPLATE_XLSX))
    month = args.month or default_month()
    with open_database(args.db, readonly=True, verify=False) as db:
        park = _find_park(db, args.park)
        if park is not None and park.id is not None:
            written = [export_template(db, park_id=park.id, month=month, path=args.out, tr=tr)]
        else:
            written = export_templates(db, month=month, folder=args.out, tr=tr)
    for path in written:
        print(tr(T_TEMPLATE_WRITTEN, path))
    return EXIT_OK
