"""What an import can read: the kinds of records, their fields, and the column names
(Chinese, English and the synonyms parks use) that stand for each field.

The canonical headers are those the exporter writes (docs: HEADERS.md); every one of them is
recognised here, so an exported file imports back unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text


class ImportKind(Enum):
    PROJECTS = "projects"
    INVESTMENT = "investment"
    FUNDS = "funds"
    REVENUE = "revenue"
    PLATFORMS = "platforms"
    ENTERPRISES = "enterprises"

    @property
    def text(self) -> Text:
        return _KIND_TEXT[self]


_KIND_TEXT = {
    ImportKind.PROJECTS: QT_TRANSLATE_NOOP("Import", "Projects"),
    ImportKind.INVESTMENT: QT_TRANSLATE_NOOP("Import", "Monthly investment"),
    ImportKind.FUNDS: QT_TRANSLATE_NOOP("Import", "Funds"),
    ImportKind.REVENUE: QT_TRANSLATE_NOOP("Import", "Revenue"),
    ImportKind.PLATFORMS: QT_TRANSLATE_NOOP("Import", "Platforms"),
    ImportKind.ENTERPRISES: QT_TRANSLATE_NOOP("Import", "Enterprises"),
}


class ValueType(Enum):
    TEXT = "text"
    NAME = "name"  # required text, part of the natural key
    PARK = "park"
    AMOUNT = "amount"
    DAY = "day"
    MONTH = "month"
    STAGE = "stage"
    YES_NO = "yes_no"
    LEVEL = "level"
    PLATFORM_KIND = "platform_kind"
    TAGS = "tags"
    IGNORED = "ignored"


class AmountUnit(Enum):
    """The unit of an amount column, from its header (or the title's 单位：万元)."""

    YUAN = 1
    WAN = 10_000
    YI = 100_000_000

    @property
    def label(self) -> str:
        return {AmountUnit.YUAN: "元", AmountUnit.WAN: "万元", AmountUnit.YI: "亿元"}[self]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    type: ValueType
    label: Text  # how the preview names the field
    names: tuple[str, ...]  # header texts, compared after :func:`header_key`
    unit: AmountUnit | None = None  # the default unit of an amount column
    ytd: bool = False  # a year-to-date (1–N月累计) amount


def _f(
    key: str,
    type_: ValueType,
    label: Text,
    names: str,
    unit: AmountUnit | None = None,
    *,
    ytd: bool = False,
) -> FieldSpec:
    return FieldSpec(key, type_, label, tuple(names.split("|")), unit, ytd)


_SEQ = _f(
    "seq", ValueType.IGNORED, QT_TRANSLATE_NOOP("ImportField", "No."), "序号|编号|no.|no|#|number"
)
_PARK = _f(
    "park",
    ValueType.PARK,
    QT_TRANSLATE_NOOP("ImportField", "Park"),
    "所属园区|园区|园区名称|专业园区|park|park name",
)
_NOTES = _f(
    "notes",
    ValueType.TEXT,
    QT_TRANSLATE_NOOP("ImportField", "Notes"),
    "备注|说明|notes|note|remarks",
)
_MONTH = _f(
    "month",
    ValueType.MONTH,
    QT_TRANSLATE_NOOP("ImportField", "Month"),
    "月份|月度|统计月份|报告期|所属月份|month",
)

FIELDS: dict[ImportKind, tuple[FieldSpec, ...]] = {
    ImportKind.PROJECTS: (
        _SEQ,
        _PARK,
        _f(
            "name",
            ValueType.NAME,
            QT_TRANSLATE_NOOP("ImportField", "Project"),
            "项目名称|项目|项目名|project|project name",
        ),
        _f(
            "stage",
            ValueType.STAGE,
            QT_TRANSLATE_NOOP("ImportField", "Stage"),
            "项目阶段|阶段|项目状态|状态|建设状态|项目进展|stage|status",
        ),
        _f(
            "company",
            ValueType.TEXT,
            QT_TRANSLATE_NOOP("ImportField", "Company"),
            "建设单位|项目单位|业主单位|实施主体|投资主体|建设主体|company",
        ),
        _f(
            "responsible_unit",
            ValueType.TEXT,
            QT_TRANSLATE_NOOP("ImportField", "Responsible unit"),
            "责任单位|牵头单位|责任部门|responsible unit",
        ),
        _f(
            "contact",
            ValueType.TEXT,
            QT_TRANSLATE_NOOP("ImportField", "Contact"),
            "联系人|联系方式|联系人及电话|联系人及联系方式|contact",
        ),
        _f(
            "planned_total",
            ValueType.AMOUNT,
            QT_TRANSLATE_NOOP("ImportField", "Planned total"),
            "计划总投资|总投资|项目总投资|投资总额|计划投资|planned total|total investment",
            AmountUnit.WAN,
        ),
        _f(
            "signed_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Signed"),
            "签约时间|签约日期|signed|signing date|signed date",
        ),
        _f(
            "planned_start_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Planned start"),
            "计划开工时间|计划开工日期|planned start",
        ),
        _f(
            "actual_start_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Actual start"),
            "开工时间|实际开工时间|开工日期|actual start|start date",
        ),
        _f(
            "planned_completion_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Planned completion"),
            "计划竣工时间|计划竣工日期|预计竣工时间|planned completion",
        ),
        _f(
            "production_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Production"),
            "投产时间|投产日期|竣工投产时间|实际投产时间|production|production date",
        ),
        _f(
            "is_key",
            ValueType.YES_NO,
            QT_TRANSLATE_NOOP("ImportField", "Key project"),
            "重点项目|是否重点项目|key project",
        ),
        _f(
            "is_chain_leader",
            ValueType.YES_NO,
            QT_TRANSLATE_NOOP("ImportField", "Chain leader"),
            "链主项目|是否链主项目|chain leader",
        ),
        _NOTES,
    ),
    ImportKind.INVESTMENT: (
        _SEQ,
        _PARK,
        _f(
            "project",
            ValueType.NAME,
            QT_TRANSLATE_NOOP("ImportField", "Project"),
            "项目名称|项目|项目名|project|project name",
        ),
        _MONTH,
        _f(
            "completed",
            ValueType.AMOUNT,
            QT_TRANSLATE_NOOP("ImportField", "Completed this month"),
            "本月完成投资|当月完成投资|本月完成|月度完成投资|完成投资|completed this month|monthly investment",
            AmountUnit.WAN,
        ),
        _f(
            "completed_ytd",
            ValueType.AMOUNT,
            QT_TRANSLATE_NOOP("ImportField", "Year-to-date completed"),
            "累计完成投资|本年累计完成投资|年度累计完成投资|本年完成投资|年度完成投资|今年完成投资|year-to-date completed|ytd completed",
            AmountUnit.WAN,
            ytd=True,
        ),
        _NOTES,
    ),
    ImportKind.FUNDS: (
        _SEQ,
        _f(
            "name",
            ValueType.NAME,
            QT_TRANSLATE_NOOP("ImportField", "Fund"),
            "基金名称|基金|fund|fund name",
        ),
        _PARK,
        _f(
            "manager",
            ValueType.TEXT,
            QT_TRANSLATE_NOOP("ImportField", "Manager"),
            "管理机构|基金管理人|管理人|manager",
        ),
        _f(
            "established_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Established"),
            "设立时间|成立时间|设立日期|established",
        ),
        _f(
            "report_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Report date"),
            "报送日期|填报日期|统计日期|截止日期|report date",
        ),
        _f(
            "scale",
            ValueType.AMOUNT,
            QT_TRANSLATE_NOOP("ImportField", "Scale"),
            "基金规模|规模|认缴规模|scale",
            AmountUnit.YI,
        ),
        _f(
            "paid_in",
            ValueType.AMOUNT,
            QT_TRANSLATE_NOOP("ImportField", "Paid-in"),
            "实缴规模|实缴|实缴金额|paid-in",
            AmountUnit.YI,
        ),
        _f(
            "invested",
            ValueType.AMOUNT,
            QT_TRANSLATE_NOOP("ImportField", "Invested"),
            "对外投资|已投资|对外投资金额|累计投资|invested",
            AmountUnit.YI,
        ),
        _NOTES,
    ),
    ImportKind.REVENUE: (
        _SEQ,
        _PARK,
        _MONTH,
        _f(
            "amount",
            ValueType.AMOUNT,
            QT_TRANSLATE_NOOP("ImportField", "Revenue this month"),
            "本月营业收入|当月营业收入|营业收入|营收|revenue this month|revenue",
            AmountUnit.YI,
        ),
        _f(
            "amount_ytd",
            ValueType.AMOUNT,
            QT_TRANSLATE_NOOP("ImportField", "Year-to-date revenue"),
            "累计营业收入|本年累计营业收入|累计营收|year-to-date revenue|ytd revenue",
            AmountUnit.YI,
            ytd=True,
        ),
        _NOTES,
    ),
    ImportKind.PLATFORMS: (
        _SEQ,
        _PARK,
        _f(
            "name",
            ValueType.NAME,
            QT_TRANSLATE_NOOP("ImportField", "Platform"),
            "平台名称|平台|创新平台|platform|platform name",
        ),
        _f(
            "level",
            ValueType.LEVEL,
            QT_TRANSLATE_NOOP("ImportField", "Level"),
            "级别|平台级别|层级|level",
        ),
        _f(
            "kind",
            ValueType.PLATFORM_KIND,
            QT_TRANSLATE_NOOP("ImportField", "Kind"),
            "类型|平台类型|类别|kind|type",
        ),
        _f(
            "recognized_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Recognised"),
            "认定时间|认定日期|获批时间|recognised|recognized",
        ),
        _NOTES,
    ),
    ImportKind.ENTERPRISES: (
        _SEQ,
        _PARK,
        _f(
            "name",
            ValueType.NAME,
            QT_TRANSLATE_NOOP("ImportField", "Enterprise"),
            "企业名称|企业|enterprise|enterprise name|company name",
        ),
        _f(
            "tags",
            ValueType.TAGS,
            QT_TRANSLATE_NOOP("ImportField", "Tags"),
            "标签|企业类型|企业标签|tags",
        ),
        _f(
            "joined_date",
            ValueType.DAY,
            QT_TRANSLATE_NOOP("ImportField", "Joined"),
            "入园时间|入驻时间|入园日期|joined",
        ),
        _NOTES,
    ),
}

# The fields a kind cannot do without (its natural key and at least one figure).
REQUIRED: dict[ImportKind, tuple[tuple[str, ...], ...]] = {
    ImportKind.PROJECTS: (("park",), ("name",)),
    ImportKind.INVESTMENT: (("park",), ("project",), ("completed", "completed_ytd")),
    ImportKind.FUNDS: (("name",),),
    ImportKind.REVENUE: (("park",), ("amount", "amount_ytd")),
    ImportKind.PLATFORMS: (("park",), ("name",), ("level",), ("kind",)),
    ImportKind.ENTERPRISES: (("park",), ("name",)),
}


def spec(kind: ImportKind, key: str) -> FieldSpec:
    for field in FIELDS[kind]:
        if field.key == key:
            return field
    raise KeyError(key)


_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_YTD_RANGE = re.compile(r"^(?:1[-~至到])?(\d{1,2})月")
_UNIT_SUFFIX = re.compile(r"(万元|亿元|元)$")
_SPACE = re.compile(r"\s+")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def header_key(text: str) -> str:
    """A header as compared with the names: NFKC, lower case, no spaces, no bracketed unit,
    no trailing unit word, no required-marker or colon."""
    key = _SPACE.sub("", nfkc(text).lower())
    key = _BRACKETS.sub("", key).strip("*:")
    key = _UNIT_SUFFIX.sub("", key)
    return key


def ytd_month(text: str) -> int | None:
    """N of a "1-N月累计" header (1–12), or None."""
    key = _SPACE.sub("", nfkc(text))
    match = _YTD_RANGE.match(key)
    if match and "累计" in key:
        month = int(match.group(1))
        return month if 1 <= month <= 12 else None
    return None


def header_unit(text: str) -> AmountUnit | None:
    """The unit written in a header: （万元）, (亿元), 元, (10k yuan), (100M yuan)."""
    key = _SPACE.sub("", nfkc(text).lower())
    if "亿元" in key or "100myuan" in key:
        return AmountUnit.YI
    if "万元" in key or "10kyuan" in key:
        return AmountUnit.WAN
    if key.endswith(("元", "元)", "(yuan)")):
        return AmountUnit.YUAN
    return None


_LOOKUP: dict[ImportKind, dict[str, str]] = {
    kind: {header_key(name): field.key for field in fields for name in field.names}
    for kind, fields in FIELDS.items()
}


def field_for(kind: ImportKind, header: str) -> str | None:
    """The field a header names for ``kind``, or None."""
    key = header_key(header)
    if not key:
        return None
    found = _LOOKUP[kind].get(key)
    if found is not None:
        return found
    stripped = _YTD_RANGE.sub("", key)
    return _LOOKUP[kind].get(stripped) if stripped != key else None
