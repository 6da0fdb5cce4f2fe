"""A park's monthly completed investment, all its projects at once: the projects × months grid
of one year (Projects → Monthly investment by park), read and written as one undoable step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.storage import investment, projects
from parktracker.storage.database import Database

# Investment is reported from signing on; a project in negotiation or terminated is listed only
# when it already has figures in the year shown. Rows: under construction first (where the
# month's figures come from), then in production, then signed.
_RANK = {Stage.UNDER_CONSTRUCTION: 0, Stage.IN_PRODUCTION: 1, Stage.SIGNED: 2}


@dataclass(frozen=True, slots=True)
class ParkInvestmentYear:
    year: int
    projects: tuple[Project, ...]  # the grid's rows, in pipeline order, then by name
    figures: dict[tuple[int, int], Money]  # (project id, month 1–12) → completed investment


@dataclass(frozen=True, slots=True)
class InvestmentCell:
    project_id: int
    month: YearMonth
    amount: Money | None  # None: clear the month


def park_investment_year(db: Database, *, park_id: int, year: int) -> ParkInvestmentYear:
    figures = {
        (m.project_id, m.month.month): m.completed for m in investment.park_year(db, park_id, year)
    }
    with_figures = {project_id for project_id, _ in figures}
    rows = sorted(
        (p for p in projects.in_park(db, park_id) if p.stage in _RANK or p.id in with_figures),
        key=lambda p: (_RANK.get(p.stage, len(_RANK)), p.name),
    )
    return ParkInvestmentYear(year, tuple(rows), figures)


def set_park_investment(db: Database, *, cells: Sequence[InvestmentCell]) -> None:
    """Store (or clear) several project-months in one transaction."""
    with db.atomic():
        for cell in cells:
            if cell.amount is None:
                investment.delete_monthly(db, cell.project_id, cell.month)
            else:
                investment.set_monthly(
                    db, MonthlyInvestment(cell.project_id, cell.month, cell.amount)
                )
