"""The records ParkTracker keeps. Plain dataclasses: no Qt, no SQL.

``id`` is ``None`` for a record not yet stored. ``sample`` marks illustrative (demo) records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from parktracker.domain.enums import EnterpriseTag, Metric, PlatformKind, PlatformLevel, Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth


@dataclass(slots=True)
class Park:
    name: str
    short_name: str
    industry: str
    location: str = ""
    listed_date: dt.date | None = None
    chain_leaders: list[str] = field(default_factory=list)
    partner_parks: list[str] = field(default_factory=list)
    notes: str = ""
    sort_order: int = 0
    sample: bool = False
    id: int | None = None

    @property
    def label(self) -> str:
        """The park in a row or axis of parks: ``集成电路`` for 集成电路产业园 (where every row is
        a park, the shared word says nothing)."""
        return compact_park_name(self.short_name or self.name)


_PARK_SUFFIXES = ("产业园区", "产业园", "园区")


def compact_park_name(name: str) -> str:
    """``集成电路产业园`` → ``集成电路``; a name that is nothing but the suffix stays whole."""
    for suffix in _PARK_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@dataclass(slots=True)
class Project:
    park_id: int
    name: str
    stage: Stage
    company: str = ""
    responsible_unit: str = ""
    contact: str = ""
    planned_total: Money | None = None
    signed_date: dt.date | None = None
    planned_start_date: dt.date | None = None
    actual_start_date: dt.date | None = None
    planned_completion_date: dt.date | None = None
    production_date: dt.date | None = None
    is_key: bool = False
    is_chain_leader: bool = False
    notes: str = ""
    over_plan_reason: str = ""
    sample: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class StageChange:
    """One entry of a project's stage history: from ``date`` on, the project is in ``stage``."""

    project_id: int
    stage: Stage
    date: dt.date
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class MonthlyInvestment:
    """Investment completed by a project in one month (not cumulative)."""

    project_id: int
    month: YearMonth
    completed: Money
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AnnualPlan:
    """A project's planned investment for one calendar year."""

    project_id: int
    year: int
    planned: Money
    id: int | None = None


@dataclass(slots=True)
class Fund:
    """An industry fund; its amounts live in dated :class:`FundUpdate` records."""

    name: str
    park_id: int | None  # None: a city-wide fund
    manager: str = ""
    established_date: dt.date | None = None
    notes: str = ""
    sample: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class FundUpdate:
    """A fund's figures as reported on ``date``: total scale, paid-in and invested externally."""

    fund_id: int
    date: dt.date
    scale: Money
    paid_in: Money
    invested: Money
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class RevenueEntry:
    """A park's operating revenue for one month (monthly, not year-to-date)."""

    park_id: int
    month: YearMonth
    amount: Money
    sample: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A yearly target; ``park_id`` None means all parks together."""

    year: int
    metric: Metric
    amount: Money
    park_id: int | None = None
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class Platform:
    """An innovation platform (key lab, engineering centre, new R&D institution...)."""

    park_id: int
    name: str
    level: PlatformLevel
    kind: PlatformKind
    recognized_date: dt.date | None = None
    notes: str = ""
    sample: bool = False
    id: int | None = None


@dataclass(slots=True)
class Enterprise:
    park_id: int
    name: str
    tags: frozenset[EnterpriseTag] = frozenset()
    joined_date: dt.date | None = None
    notes: str = ""
    sample: bool = False
    id: int | None = None
