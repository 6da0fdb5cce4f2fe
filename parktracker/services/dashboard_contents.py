"""What the dashboard's cards show, named apart from how it is worked out: the five cards'
figures (:class:`Kpis`).

Kept out of :mod:`parktracker.services.dashboard_figures`, which loads the charts' data
(:mod:`parktracker.domain.chart_data`, the as-of rules): the window's first paint shows the
cards from figures kept in the file (:mod:`parktracker.services.card_snapshot`) and needs only
these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parktracker.domain.cards import (
    CapitalCard,
    InnovationCard,
    LeadersCard,
    ProjectsCard,
    RevenueCard,
)
from parktracker.domain.chart_names import CHART_NAMES
from parktracker.domain.models import Park
from parktracker.services.reporting import AsOfReport


@dataclass(frozen=True)
class Kpis:
    """The five cards as of a date, for all parks or one."""

    as_of: dt.date
    year_ago: dt.date
    park: Park | None
    sample_data: bool
    projects: ProjectsCard
    capital: CapitalCard
    innovation: InnovationCard
    leaders: LeadersCard
    revenue: RevenueCard
    reporting: AsOfReport | None = None  # which figures are provisional, later months owed


__all__ = ["CHART_NAMES", "Kpis"]
