"""What an export writes, already in the user's language: sheets of typed values.

Services fill these from the database; the writers (xlsx_export, csv_export, xlsx_template)
turn them into files. Values are ``str``, ``int`` (a count), :class:`Money`, ``date``,
:class:`YearMonth` or ``None`` (an empty cell), matching the column's :class:`ValueType`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.io.export_layout import ValueType

CellValue = str | int | Money | dt.date | YearMonth | None


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    type: ValueType = ValueType.TEXT
    # Templates only: a cell the park fills in (unlocked), and the choices of a drop-down list.
    editable: bool = False
    choices: tuple[str, ...] = ()


@dataclass(slots=True)
class Sheet:
    name: str
    title: str  # the first line: what, as of when, and the sample-data mark
    columns: Sequence[Column]
    rows: list[Sequence[CellValue]] = field(default_factory=list)
    blank_rows: int = 0  # templates: empty editable rows for new records below the data


@dataclass(slots=True)
class Book:
    sheets: list[Sheet]
