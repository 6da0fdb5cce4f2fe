"""The spreadsheet layout ParkTracker writes: one sheet per kind of record, its name and its
columns (header text and value type), in the order of /HEADERS.md, which the importer reads.

Headers are translatable texts: English is the source; the Chinese translations in the .ts are
the canonical Chinese headers (tests/io hold them equal to the list the importer recognises).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.money import Unit


class TableKind(Enum):
    """What a sheet holds; the values are the command line's ``--table`` names."""

    PROJECTS = "projects"
    INVESTMENT = "investment"
    FUNDS = "funds"
    REVENUE = "revenue"
    PLATFORMS = "platforms"
    ENTERPRISES = "enterprises"
    PROBLEMS = "problems"  # the problem log: exported for reading, not imported


class ValueType(Enum):
    """How a column's values are written."""

    TEXT = "text"
    NUMBER = "number"  # a plain count (序号)
    AMOUNT_WAN = "amount_wan"  # Money, written as a number of 万元
    AMOUNT_YI = "amount_yi"  # Money, written as a number of 亿元
    DATE = "date"  # a real date cell
    MONTH = "month"  # YearMonth: a date cell (first day) shown as yyyy-mm

    @property
    def unit(self) -> Unit | None:
        return {ValueType.AMOUNT_WAN: Unit.WAN, ValueType.AMOUNT_YI: Unit.YI}.get(self)


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    header: Text
    type: ValueType = ValueType.TEXT


T_NO = QT_TRANSLATE_NOOP("Spreadsheet", "No.")
T_PARK = QT_TRANSLATE_NOOP("Spreadsheet", "Park")
T_PROJECT = QT_TRANSLATE_NOOP("Spreadsheet", "Project")
T_STAGE = QT_TRANSLATE_NOOP("Spreadsheet", "Stage")
T_COMPANY = QT_TRANSLATE_NOOP("Spreadsheet", "Company")
T_RESPONSIBLE = QT_TRANSLATE_NOOP("Spreadsheet", "Responsible unit")
T_CONTACT = QT_TRANSLATE_NOOP("Spreadsheet", "Contact")
T_PLANNED_TOTAL = QT_TRANSLATE_NOOP("Spreadsheet", "Planned total (10k yuan)")
T_SIGNED = QT_TRANSLATE_NOOP("Spreadsheet", "Signed")
T_PLANNED_START = QT_TRANSLATE_NOOP("Spreadsheet", "Planned start")
T_ACTUAL_START = QT_TRANSLATE_NOOP("Spreadsheet", "Actual start")
T_PLANNED_COMPLETION = QT_TRANSLATE_NOOP("Spreadsheet", "Planned completion")
T_PRODUCTION = QT_TRANSLATE_NOOP("Spreadsheet", "Production")
T_KEY = QT_TRANSLATE_NOOP("Spreadsheet", "Key project")
T_CHAIN_LEADER = QT_TRANSLATE_NOOP("Spreadsheet", "Chain leader")
T_NOTES = QT_TRANSLATE_NOOP("Spreadsheet", "Notes")
T_MONTH = QT_TRANSLATE_NOOP("Spreadsheet", "Month")
T_COMPLETED = QT_TRANSLATE_NOOP("Spreadsheet", "Completed this month (10k yuan)")
T_FUND = QT_TRANSLATE_NOOP("Spreadsheet", "Fund")
T_MANAGER = QT_TRANSLATE_NOOP("Spreadsheet", "Manager")
T_ESTABLISHED = QT_TRANSLATE_NOOP("Spreadsheet", "Established")
T_REPORT_DATE = QT_TRANSLATE_NOOP("Spreadsheet", "Report date")
T_SCALE = QT_TRANSLATE_NOOP("Spreadsheet", "Scale (100M yuan)")
T_PAID_IN = QT_TRANSLATE_NOOP("Spreadsheet", "Paid-in (100M yuan)")
T_INVESTED = QT_TRANSLATE_NOOP("Spreadsheet", "Invested (100M yuan)")
T_REVENUE = QT_TRANSLATE_NOOP("Spreadsheet", "Revenue this month (100M yuan)")
T_PLATFORM = QT_TRANSLATE_NOOP("Spreadsheet", "Platform")
T_LEVEL = QT_TRANSLATE_NOOP("Spreadsheet", "Level")
T_KIND = QT_TRANSLATE_NOOP("Spreadsheet", "Kind")
T_RECOGNISED = QT_TRANSLATE_NOOP("Spreadsheet", "Recognised")
T_ENTERPRISE = QT_TRANSLATE_NOOP("Spreadsheet", "Enterprise")
T_TAGS = QT_TRANSLATE_NOOP("Spreadsheet", "Tags")
T_JOINED = QT_TRANSLATE_NOOP("Spreadsheet", "Joined")

T_PROBLEM = QT_TRANSLATE_NOOP("Spreadsheet", "Problem")
T_RAISED = QT_TRANSLATE_NOOP("Spreadsheet", "Raised")
T_DUE = QT_TRANSLATE_NOOP("Spreadsheet", "Due")
T_STATUS = QT_TRANSLATE_NOOP("Spreadsheet", "Status")
T_PROGRESS = QT_TRANSLATE_NOOP("Spreadsheet", "Progress notes")

T_YES = QT_TRANSLATE_NOOP("Spreadsheet", "Yes")
T_NO_ANSWER = QT_TRANSLATE_NOOP("Spreadsheet", "No")
TAG_SEPARATOR = "、"  # between an enterprise's tags, in both languages (HEADERS.md)

_TEXT, _DATE, _MONTH = ValueType.TEXT, ValueType.DATE, ValueType.MONTH

COLUMNS: dict[TableKind, tuple[ColumnSpec, ...]] = {
    TableKind.PROJECTS: (
        ColumnSpec(T_NO, ValueType.NUMBER),
        ColumnSpec(T_PARK),
        ColumnSpec(T_PROJECT),
        ColumnSpec(T_STAGE),
        ColumnSpec(T_COMPANY),
        ColumnSpec(T_RESPONSIBLE),
        ColumnSpec(T_CONTACT),
        ColumnSpec(T_PLANNED_TOTAL, ValueType.AMOUNT_WAN),
        ColumnSpec(T_SIGNED, _DATE),
        ColumnSpec(T_PLANNED_START, _DATE),
        ColumnSpec(T_ACTUAL_START, _DATE),
        ColumnSpec(T_PLANNED_COMPLETION, _DATE),
        ColumnSpec(T_PRODUCTION, _DATE),
        ColumnSpec(T_KEY),
        ColumnSpec(T_CHAIN_LEADER),
        ColumnSpec(T_NOTES),
    ),
    TableKind.INVESTMENT: (
        ColumnSpec(T_PARK),
        ColumnSpec(T_PROJECT),
        ColumnSpec(T_MONTH, _MONTH),
        ColumnSpec(T_COMPLETED, ValueType.AMOUNT_WAN),
    ),
    TableKind.FUNDS: (
        ColumnSpec(T_FUND),
        ColumnSpec(T_PARK),
        ColumnSpec(T_MANAGER),
        ColumnSpec(T_ESTABLISHED, _DATE),
        ColumnSpec(T_REPORT_DATE, _DATE),
        ColumnSpec(T_SCALE, ValueType.AMOUNT_YI),
        ColumnSpec(T_PAID_IN, ValueType.AMOUNT_YI),
        ColumnSpec(T_INVESTED, ValueType.AMOUNT_YI),
        ColumnSpec(T_NOTES),
    ),
    TableKind.REVENUE: (
        ColumnSpec(T_PARK),
        ColumnSpec(T_MONTH, _MONTH),
        ColumnSpec(T_REVENUE, ValueType.AMOUNT_YI),
    ),
    TableKind.PLATFORMS: (
        ColumnSpec(T_PARK),
        ColumnSpec(T_PLATFORM),
        ColumnSpec(T_LEVEL),
        ColumnSpec(T_KIND),
        ColumnSpec(T_RECOGNISED, _DATE),
        ColumnSpec(T_NOTES),
    ),
    TableKind.ENTERPRISES: (
        ColumnSpec(T_PARK),
        ColumnSpec(T_ENTERPRISE),
        ColumnSpec(T_TAGS),
        ColumnSpec(T_JOINED, _DATE),
        ColumnSpec(T_NOTES),
    ),
    # The problem log: one row per problem, its dated progress notes one per line. The
    # importer recognises the sheet by its "Problem" column and leaves it alone.
    TableKind.PROBLEMS: (
        ColumnSpec(T_PARK),
        ColumnSpec(T_PROJECT),
        ColumnSpec(T_PROBLEM),
        ColumnSpec(T_RESPONSIBLE),
        ColumnSpec(T_RAISED, _DATE),
        ColumnSpec(T_DUE, _DATE),
        ColumnSpec(T_STATUS),
        ColumnSpec(T_PROGRESS),
    ),
}

SHEET_NAMES: dict[TableKind, Text] = {
    TableKind.PROJECTS: QT_TRANSLATE_NOOP("Spreadsheet", "Projects"),
    TableKind.INVESTMENT: QT_TRANSLATE_NOOP("Spreadsheet", "Monthly investment"),
    TableKind.FUNDS: QT_TRANSLATE_NOOP("Spreadsheet", "Funds"),
    TableKind.REVENUE: QT_TRANSLATE_NOOP("Spreadsheet", "Revenue"),
    TableKind.PLATFORMS: QT_TRANSLATE_NOOP("Spreadsheet", "Platforms"),
    TableKind.ENTERPRISES: QT_TRANSLATE_NOOP("Spreadsheet", "Enterprises"),
    TableKind.PROBLEMS: QT_TRANSLATE_NOOP("Spreadsheet", "Problem log"),
}

# The first line of every sheet: what it is, as of when, and the sample-data mark.
T_TITLE = QT_TRANSLATE_NOOP("Spreadsheet", "%1 — as of %2")
T_TITLE_PARK = QT_TRANSLATE_NOOP("Spreadsheet", "%1 — %2 — as of %3")
T_SAMPLE = QT_TRANSLATE_NOOP("Spreadsheet", "Sample data (示例数据)")
T_TEMPLATE_TITLE = QT_TRANSLATE_NOOP(
    "Spreadsheet", "%1 — figures for %2 — fill in the empty cells and send it back"
)
