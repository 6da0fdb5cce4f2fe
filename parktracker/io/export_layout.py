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


def _h(source: str) -> Text:
    return QT_TRANSLATE_NOOP("Spreadsheet", source)


T_NO = _h("No.")
T_PARK = _h("Park")
T_PROJECT = _h("Project")
T_STAGE = _h("Stage")
T_COMPANY = _h("Company")
T_RESPONSIBLE = _h("Responsible unit")
T_CONTACT = _h("Contact")
T_PLANNED_TOTAL = _h("Planned total (10k yuan)")
T_SIGNED = _h("Signed")
T_PLANNED_START = _h("Planned start")
T_ACTUAL_START = _h("Actual start")
T_PLANNED_COMPLETION = _h("Planned completion")
T_PRODUCTION = _h("Production")
T_KEY = _h("Key project")
T_CHAIN_LEADER = _h("Chain leader")
T_NOTES = _h("Notes")
T_MONTH = _h("Month")
T_COMPLETED = _h("Completed this month (10k yuan)")
T_FUND = _h("Fund")
T_MANAGER = _h("Manager")
T_ESTABLISHED = _h("Established")
T_REPORT_DATE = _h("Report date")
T_SCALE = _h("Scale (100M yuan)")
T_PAID_IN = _h("Paid-in (100M yuan)")
T_INVESTED = _h("Invested (100M yuan)")
T_REVENUE = _h("Revenue this month (100M yuan)")
T_PLATFORM = _h("Platform")
T_LEVEL = _h("Level")
T_KIND = _h("Kind")
T_RECOGNISED = _h("Recognised")
T_ENTERPRISE = _h("Enterprise")
T_TAGS = _h("Tags")
T_JOINED = _h("Joined")

T_YES = _h("Yes")
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
}

SHEET_NAMES: dict[TableKind, Text] = {
    TableKind.PROJECTS: _h("Projects"),
    TableKind.INVESTMENT: _h("Monthly investment"),
    TableKind.FUNDS: _h("Funds"),
    TableKind.REVENUE: _h("Revenue"),
    TableKind.PLATFORMS: _h("Platforms"),
    TableKind.ENTERPRISES: _h("Enterprises"),
}

# The first line of every sheet: what it is, as of when, and the sample-data mark.
T_TITLE = QT_TRANSLATE_NOOP("Spreadsheet", "%1 — as of %2")
T_TITLE_PARK = QT_TRANSLATE_NOOP("Spreadsheet", "%1 — %2 — as of %3")
T_SAMPLE = QT_TRANSLATE_NOOP("Spreadsheet", "Sample data (示例数据)")
T_TEMPLATE_TITLE = QT_TRANSLATE_NOOP(
    "Spreadsheet", "%1 — figures for %2 — fill in the empty cells and send it back"
)
