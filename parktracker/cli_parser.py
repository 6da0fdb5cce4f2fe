"""argparse in the user's language, with the documented one-line error.

argparse writes its own words in English ("usage:", "options:", "error: the following arguments
are required") and answers a mistake with three lines of usage. ParkTracker's command line says
every failure in one line, in the user's language, with the exit code 2; ``--help`` reads in
the user's language too.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.i18n import tr

EXIT_USAGE = 2

T_USAGE = QT_TRANSLATE_NOOP("CliParser", "usage: ")
T_POSITIONALS = QT_TRANSLATE_NOOP("CliParser", "positional arguments")
T_OPTIONS = QT_TRANSLATE_NOOP("CliParser", "options")
T_HELP = QT_TRANSLATE_NOOP("CliParser", "show this help message and exit")
T_VERSION = QT_TRANSLATE_NOOP("CliParser", "show the version and exit")
T_ERROR_LINE = QT_TRANSLATE_NOOP("CliParser", "%1: error: %2 (see %3 --help)")
T_ARGUMENT = QT_TRANSLATE_NOOP("CliParser", "argument %1: %2")
T_REQUIRED = QT_TRANSLATE_NOOP("CliParser", "the following arguments are required: %1")
T_UNRECOGNIZED = QT_TRANSLATE_NOOP("CliParser", "unrecognized arguments: %1")
T_INVALID_CHOICE = QT_TRANSLATE_NOOP("CliParser", "invalid choice: %1 (choose from %2)")
T_EXPECTED_ONE = QT_TRANSLATE_NOOP("CliParser", "expected one argument")
T_INVALID_VALUE = QT_TRANSLATE_NOOP("CliParser", "invalid value: %1")
T_NOT_ALLOWED_WITH = QT_TRANSLATE_NOOP("CliParser", "not allowed with argument %1")
T_ONE_REQUIRED = QT_TRANSLATE_NOOP("CliParser", "one of the arguments %1 is required")
T_AMBIGUOUS = QT_TRANSLATE_NOOP("CliParser", "ambiguous option: %1 could match %2")
T_IGNORED_EXPLICIT = QT_TRANSLATE_NOOP("CliParser", "ignored explicit argument %1")

# argparse's messages (Python 3.11 to 3.13 wording) and the translatable text for each.
_MESSAGES: tuple[tuple[re.Pattern[str], Text], ...] = tuple(
    (re.compile(pattern, re.DOTALL), text)
    for pattern, text in (
        (r"^the following arguments are required: (.+)$", T_REQUIRED),
        (r"^unrecognized arguments: (.+)$", T_UNRECOGNIZED),
        (r"^invalid choice: (.+?) \(choose from (.+)\)$", T_INVALID_CHOICE),
        (r"^expected one argument$", T_EXPECTED_ONE),
        (r"^invalid \S+ value: (.+)$", T_INVALID_VALUE),
        (r"^not allowed with argument (.+)$", T_NOT_ALLOWED_WITH),
        (r"^one of the arguments (.+) is required$", T_ONE_REQUIRED),
        (r"^ambiguous option: (.+?) could match (.+)$", T_AMBIGUOUS),
        (r"^ignored explicit argument (.+)$", T_IGNORED_EXPLICIT),
    )
)
_ARGUMENT = re.compile(r"^argument (\S+?): (.+)$", re.DOTALL)


def translate_message(message: str) -> str:
    """An argparse error message in the user's language (unknown ones stay as they are)."""
    argument = _ARGUMENT.match(message)
    if argument is not None:
        return tr(T_ARGUMENT, argument.group(1), translate_message(argument.group(2)))
    for pattern, text in _MESSAGES:
        match = pattern.match(message)
        if match is not None:
            return tr(text, *match.groups())
    return message


class TranslatedHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, tr(T_USAGE) if prefix is None else prefix)  # type: ignore[arg-type]


class TranslatedParser(argparse.ArgumentParser):
    """An ArgumentParser whose words follow the user's language; sub-parsers are of this class
    too (argparse makes them with the parent's class)."""

    def __init__(self, *args: object, help_option: bool = True, **kwargs: object) -> None:
        """``help_option=False``: no -h (a parser that is only a parent of others)."""
        kwargs.setdefault("formatter_class", TranslatedHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = tr(T_POSITIONALS)
        self._optionals.title = tr(T_OPTIONS)
        if help_option:
            self.add_argument("-h", "--help", action="help", help=tr(T_HELP))

    def error(self, message: str) -> NoReturn:
        line = tr(T_ERROR_LINE, self.prog, translate_message(message), self.prog)
        print(line.replace("\n", " "), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
