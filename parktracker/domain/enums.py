"""Enumerations of the domain, with translatable display names."""

from __future__ import annotations

from enum import Enum

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text


class Stage(Enum):
    """A project's stage, in pipeline order: negotiating, signed, construction, production."""

    NEGOTIATING = "negotiating"  # 在谈
    SIGNED = "signed"  # 已签约待开工
    UNDER_CONSTRUCTION = "under_construction"  # 在建
    IN_PRODUCTION = "in_production"  # 已投产
    TERMINATED = "terminated"  # 已终止

    @property
    def text(self) -> Text:
        return _STAGE_TEXT[self]

    @property
    def rank(self) -> int:
        return _STAGE_RANK[self]

    def can_advance_to(self, target: Stage) -> bool:
        """Stages move forward along the pipeline, or to terminated from any live stage."""
        if self is Stage.TERMINATED:
            return False
        if target is Stage.TERMINATED:
            return True
        return target.rank > self.rank


_STAGE_TEXT = {
    Stage.NEGOTIATING: QT_TRANSLATE_NOOP("Stage", "In negotiation"),
    Stage.SIGNED: QT_TRANSLATE_NOOP("Stage", "Signed, awaiting start"),
    Stage.UNDER_CONSTRUCTION: QT_TRANSLATE_NOOP("Stage", "Under construction"),
    Stage.IN_PRODUCTION: QT_TRANSLATE_NOOP("Stage", "In production"),
    Stage.TERMINATED: QT_TRANSLATE_NOOP("Stage", "Terminated"),
}
_STAGE_RANK = {
    Stage.NEGOTIATING: 0,
    Stage.SIGNED: 1,
    Stage.UNDER_CONSTRUCTION: 2,
    Stage.IN_PRODUCTION: 3,
    Stage.TERMINATED: 99,
}


class PlatformLevel(Enum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"

    @property
    def text(self) -> Text:
        return _LEVEL_TEXT[self]

    @property
    def provincial_or_above(self) -> bool:
        return self in (PlatformLevel.NATIONAL, PlatformLevel.PROVINCIAL)


_LEVEL_TEXT = {
    PlatformLevel.NATIONAL: QT_TRANSLATE_NOOP("PlatformLevel", "National"),
    PlatformLevel.PROVINCIAL: QT_TRANSLATE_NOOP("PlatformLevel", "Provincial"),
    PlatformLevel.MUNICIPAL: QT_TRANSLATE_NOOP("PlatformLevel", "Municipal"),
}


class PlatformKind(Enum):
    KEY_LAB = "key_lab"
    ENGINEERING_CENTRE = "engineering_centre"
    NEW_RD_INSTITUTION = "new_rd_institution"
    PILOT_BASE = "pilot_base"
    RESEARCH_INSTITUTE = "research_institute"
    INNOVATION_CENTRE = "innovation_centre"
    TECH_TRANSFER = "tech_transfer"
    PUBLIC_SERVICE = "public_service"

    @property
    def text(self) -> Text:
        return _KIND_TEXT[self]


_KIND_TEXT = {
    PlatformKind.KEY_LAB: QT_TRANSLATE_NOOP("PlatformKind", "Key laboratory"),
    PlatformKind.ENGINEERING_CENTRE: QT_TRANSLATE_NOOP("PlatformKind", "Engineering centre"),
    PlatformKind.NEW_RD_INSTITUTION: QT_TRANSLATE_NOOP("PlatformKind", "New R&D institution"),
    PlatformKind.PILOT_BASE: QT_TRANSLATE_NOOP("PlatformKind", "Pilot-scale base"),
    PlatformKind.RESEARCH_INSTITUTE: QT_TRANSLATE_NOOP("PlatformKind", "Research institute"),
    PlatformKind.INNOVATION_CENTRE: QT_TRANSLATE_NOOP(
        "PlatformKind", "Manufacturing innovation centre"
    ),
    PlatformKind.TECH_TRANSFER: QT_TRANSLATE_NOOP("PlatformKind", "Technology-transfer platform"),
    PlatformKind.PUBLIC_SERVICE: QT_TRANSLATE_NOOP("PlatformKind", "Public service platform"),
}


class EnterpriseTag(Enum):
    CHAIN_LEADER = "chain_leader"  # 链主
    LITTLE_GIANT = "little_giant"  # 专精特新“小巨人”
    ABOVE_SCALE = "above_scale"  # 规上
    HIGH_TECH = "high_tech"  # 高新技术企业

    @property
    def text(self) -> Text:
        return _TAG_TEXT[self]


_TAG_TEXT = {
    EnterpriseTag.CHAIN_LEADER: QT_TRANSLATE_NOOP("EnterpriseTag", "Chain leader"),
    EnterpriseTag.LITTLE_GIANT: QT_TRANSLATE_NOOP("EnterpriseTag", "Little giant"),
    EnterpriseTag.ABOVE_SCALE: QT_TRANSLATE_NOOP("EnterpriseTag", "Above designated size"),
    EnterpriseTag.HIGH_TECH: QT_TRANSLATE_NOOP("EnterpriseTag", "High-tech enterprise"),
}


class Metric(Enum):
    """What a target measures."""

    REVENUE = "revenue"  # 营业收入
    ANNUAL_INVESTMENT = "annual_investment"  # 年度完成投资

    @property
    def text(self) -> Text:
        return _METRIC_TEXT[self]


_METRIC_TEXT = {
    Metric.REVENUE: QT_TRANSLATE_NOOP("Metric", "Operating revenue"),
    Metric.ANNUAL_INVESTMENT: QT_TRANSLATE_NOOP("Metric", "Annual completed investment"),
}
