"""The one error type the importer raises: a file it cannot read, explained to the user.

Everything that can go wrong while reading a spreadsheet (not a spreadsheet, encrypted,
damaged, too large, a zip or XML bomb, no recognisable header) ends as :class:`ImportFailure`
with a translatable message, never as another exception.
"""

from __future__ import annotations

from collections.abc import Callable

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill

MSG_NOT_SPREADSHEET = QT_TRANSLATE_NOOP(
    "Import", "This file is not a spreadsheet ParkTracker can read (xlsx, xls, ods, csv, tsv)."
)
MSG_ENCRYPTED = QT_TRANSLATE_NOOP(
    "Import", "This workbook is protected with a password: save it without one and try again."
)
MSG_DAMAGED = QT_TRANSLATE_NOOP("Import", "This workbook is damaged and cannot be read (%1).")
MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "Import", "The file is %1 MB; files up to %2 MB can be imported. Split it and import the parts."
)
MSG_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "Import", "Sheet “%1” has more than %2 rows. Split it and import the parts."
)
MSG_BOMB = QT_TRANSLATE_NOOP(
    "Import", "This workbook would unpack to more than %1 MB: it is refused as unsafe."
)
MSG_XML_UNSAFE = QT_TRANSLATE_NOOP(
    "Import", "This file contains XML entity declarations and is refused as unsafe."
)
MSG_EMPTY = QT_TRANSLATE_NOOP("Import", "The file holds no data.")
MSG_NO_SHEET = QT_TRANSLATE_NOOP("Import", "There is no sheet named “%1”. Sheets: %2")
MSG_PROBLEM_LOG = QT_TRANSLATE_NOOP(
    "Import",
    "Sheet “%1” is the problem log (问题清单), exported for reading: it is not imported. Enter"
    " problems on the Problems page.",
)
MSG_NO_HEADER = QT_TRANSLATE_NOOP(
    "Import",
    "No header row with known column names (such as 项目名称, 所属园区) was found on sheet “%1”.",
)
MSG_UNREADABLE = QT_TRANSLATE_NOOP("Import", "The file cannot be read: %1")


class ImportFailure(Exception):
    """A file that cannot be imported; ``message`` is translatable, ``args`` fill ``%1``..."""

    def __init__(self, message: Text, *args: object) -> None:
        super().__init__(fill(message.source, args))
        self.message = message
        self.args_text = tuple(str(a) for a in args)

    def render(self, translate: Callable[[Text], str] | None = None) -> str:
        template = translate(self.message) if translate is not None else self.message.source
        return fill(template, self.args_text)
