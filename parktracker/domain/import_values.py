"""Reading one cell as the value its column holds, the way parks type it.

Each reader returns the value or raises :class:`CellError` with a translatable reason; the
row reader turns that into "第8行“计划总投资”：无法识别的金额“约5亿”".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from parktracker.domain.dates import DateParseError, date_from_cell
from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel, Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.import_fields import AmountUnit, nfkc
from parktracker.domain.models import Park
from parktracker.domain.money import MSG_TOO_PRECISE, Money, parse_decimal
from parktracker.domain.periods import YearMonth

M_BAD_AMOUNT = QT_TRANSLATE_NOOP("Import", "amount not recognised: “%1”")
M_NEGATIVE = QT_TRANSLATE_NOOP("Import", "amounts cannot be negative: “%1”")
M_TOO_PRECISE = MSG_TOO_PRECISE
M_UNKNOWN_PARK = QT_TRANSLATE_NOOP("Import", "%1 is not in the list of parks")
M_AMBIGUOUS_PARK = QT_TRANSLATE_NOOP("Import", "“%1” could be more than one park: %2")
M_BAD_STAGE = QT_TRANSLATE_NOOP(
    "Import", "stage not recognised: “%1” (在谈, 已签约待开工, 在建, 已投产 or 已终止)"
)
M_BAD_YES_NO = QT_TRANSLATE_NOOP("Import", "write 是 or 否, not “%1”")
M_BAD_LEVEL = QT_TRANSLATE_NOOP("Import", "level not recognised: “%1” (国家级, 省级 or 市级)")
M_BAD_KIND = QT_TRANSLATE_NOOP("Import", "platform type not recognised: “%1”")
M_BAD_TAG = QT_TRANSLATE_NOOP("Import", "tag not recognised: “%1”")
M_REQUIRED = QT_TRANSLATE_NOOP("Import", "required, but empty")
M_CONTROL = QT_TRANSLATE_NOOP("Import", "contains control characters")


class CellError(ValueError):
    def __init__(self, message: Text, *args: str) -> None:
        super().__init__(message.source)
        self.message = message
        self.args_text = args


_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_of(value: object) -> str:
    """A cell as trimmed text (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def clean_text(value: object) -> str:
    text = text_of(value)
    if _CONTROL.search(text):
        raise CellError(M_CONTROL)
    return text


def key_of(text: str) -> str:
    """A natural key: NFKC, trimmed, inner runs of spaces made one, letters folded."""
    return _SPACES.sub(" ", nfkc(text).strip()).casefold()


def _number(value: object, unit: AmountUnit) -> Decimal | None:
    """A cell as an exact decimal number in the column's unit; None when empty."""
    if value is None:
        return None
    if isinstance(value, bool | dt.date):
        raise CellError(M_BAD_AMOUNT, text_of(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        number = Decimal(repr(value))
        if not number.is_finite():
            raise CellError(M_BAD_AMOUNT, repr(value))
        return number
    text = str(value)
    cleaned = nfkc(text).strip().lstrip("¥").strip()
    if cleaned.endswith(unit.label):  # only the column's own unit: 5亿元 in 万元 is refused
        cleaned = cleaned[: -len(unit.label)].strip()
    if not cleaned:
        return None
    try:
        return parse_decimal(cleaned)
    except ValueError:
        raise CellError(M_BAD_AMOUNT, text.strip()) from None


def amount(value: object, unit: AmountUnit) -> Money | None:
    """An amount in ``unit``, exact to the yuan; None for an empty cell."""
    number = _number(value, unit)
    if number is None:
        return None
    if number < 0:
        raise CellError(M_NEGATIVE, text_of(value))
    try:
        yuan = number * unit.value
    except InvalidOperation:
        raise CellError(M_BAD_AMOUNT, text_of(value)) from None
    if yuan != yuan.to_integral_value():
        raise CellError(M_TOO_PRECISE)
    if yuan > 10**18:
        raise CellError(M_BAD_AMOUNT, text_of(value))
    return Money(int(yuan))


def day(value: object, *, epoch_1904: bool = False) -> dt.date | None:
    """A date; a month alone (2023年11月, 2023.12) means its first day."""
    try:
        parsed = date_from_cell(value, allow_month=True, epoch_1904=epoch_1904)
    except DateParseError as exc:
        raise CellError(exc.message, *exc.args_text) from None
    return None if parsed is None else parsed.date


def month(value: object) -> YearMonth | None:
    try:
        parsed = date_from_cell(value, allow_month=True)
    except DateParseError as exc:
        raise CellError(exc.message, *exc.args_text) from None
    return None if parsed is None else parsed.month


_STAGE_WORDS = {
    Stage.NEGOTIATING: "在谈|洽谈|洽谈中|在谈项目|negotiating|in negotiation",
    Stage.SIGNED: "已签约待开工|签约未开工|待开工|已签约|签约|signed|signed, awaiting start",
    Stage.UNDER_CONSTRUCTION: "在建|建设中|已开工|在建项目|开工建设|under_construction|under construction",
    Stage.IN_PRODUCTION: "已投产|投产|竣工投产|已竣工投产|in_production|in production",
    Stage.TERMINATED: "终止|已终止|terminated",
}
_STAGES = {
    key_of(word): stage for stage, words in _STAGE_WORDS.items() for word in words.split("|")
}


def stage(value: object) -> Stage | None:
    text = clean_text(value)
    if not text:
        return None
    found = _STAGES.get(key_of(text).replace(" ", ""))
    if found is None:
        found = _STAGES.get(key_of(text))
    if found is None:
        raise CellError(M_BAD_STAGE, text)
    return found


_YES = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "key", "重点"}
_NO = {"否", "n", "no", "false", "0", "×", "-", "—", "无"}


def yes_no(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = key_of(clean_text(value))
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(M_BAD_YES_NO, clean_text(value))


_LEVELS = {
    PlatformLevel.NATIONAL: "国家级|国家|national",
    PlatformLevel.PROVINCIAL: "省级|省|provincial",
    PlatformLevel.MUNICIPAL: "市级|市|municipal",
}
_LEVEL_KEYS = {key_of(w): lv for lv, ws in _LEVELS.items() for w in ws.split("|")}


def level(value: object) -> PlatformLevel | None:
    text = clean_text(value)
    if not text:
        return None
    found = _LEVEL_KEYS.get(key_of(text))
    if found is None:
        raise CellError(M_BAD_LEVEL, text)
    return found


_KINDS = {
    PlatformKind.KEY_LAB: "重点实验室|实验室|key laboratory|key_lab",
    PlatformKind.ENGINEERING_CENTRE: "工程研究中心|工程技术研究中心|工程中心|工程实验室|engineering centre|engineering_centre",
    PlatformKind.NEW_RD_INSTITUTION: "新型研发机构|new r&d institution|new_rd_institution",
    PlatformKind.PILOT_BASE: "中试基地|中试平台|pilot-scale base|pilot_base",
    PlatformKind.RESEARCH_INSTITUTE: "研究院|研究所|research institute|research_institute",
    PlatformKind.INNOVATION_CENTRE: "制造业创新中心|创新中心|manufacturing innovation centre|innovation_centre",
    PlatformKind.TECH_TRANSFER: "技术转移平台|技术转移中心|技术转移机构|technology-transfer platform|tech_transfer",
    PlatformKind.PUBLIC_SERVICE: "公共服务平台|公共技术服务平台|public service platform|public_service",
}
_KIND_KEYS = {key_of(w): k for k, ws in _KINDS.items() for w in ws.split("|")}


def platform_kind(
    value: object, *, extra: dict[str, PlatformKind] | None = None
) -> PlatformKind | None:
    text = clean_text(value)
    if not text:
        return None
    found = _KIND_KEYS.get(key_of(text)) or (extra or {}).get(key_of(text))
    if found is None:
        raise CellError(M_BAD_KIND, text)
    return found


_TAGS = {
    EnterpriseTag.CHAIN_LEADER: "链主|链主企业|chain leader|chain_leader",
    EnterpriseTag.LITTLE_GIANT: '专精特新“小巨人”|专精特新小巨人|小巨人|专精特新"小巨人"|little giant|little_giant',
    EnterpriseTag.ABOVE_SCALE: "规上|规上企业|规模以上|规模以上企业|above designated size|above_scale",
    EnterpriseTag.HIGH_TECH: "高新技术企业|高企|高新|high-tech enterprise|high_tech",
}
_TAG_KEYS = {key_of(w): t for t, ws in _TAGS.items() for w in ws.split("|")}
_TAG_SPLIT = re.compile(r"[、,，;；/|\n]+")


def tags(
    value: object, *, extra: dict[str, EnterpriseTag] | None = None
) -> frozenset[EnterpriseTag] | None:
    text = clean_text(value)
    if not text:
        return None
    found: set[EnterpriseTag] = set()
    for raw in _TAG_SPLIT.split(text):
        part = raw.strip()
        if not part:
            continue
        tag = _TAG_KEYS.get(key_of(part)) or (extra or {}).get(key_of(part))
        if tag is None:
            raise CellError(M_BAD_TAG, part)
        found.add(tag)
    return frozenset(found)


class ParkIndex:
    """Parks by full name, short name and label (集成电路), compared as natural keys."""

    def __init__(self, parks: Sequence[Park]) -> None:
        self._by_key: dict[str, list[Park]] = {}
        for park in parks:
            names = {park.name, park.short_name, park.label}
            for name in names:
                if name:
                    bucket = self._by_key.setdefault(key_of(name).replace(" ", ""), [])
                    if park not in bucket:
                        bucket.append(park)

    def find(self, value: object) -> Park | None:
        text = clean_text(value)
        if not text:
            return None
        matches = self._by_key.get(key_of(text).replace(" ", ""), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise CellError(M_AMBIGUOUS_PARK, text, "、".join(p.name for p in matches))
        raise CellError(M_UNKNOWN_PARK, text)
