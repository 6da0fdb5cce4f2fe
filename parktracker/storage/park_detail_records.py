"""A park's own records for its detail view (its projects' completed investment, its funds,
its latest revenue year). The park's figures as of a date are those of every other screen:
:mod:`parktracker.storage.as_of_figures`."""

from __future__ import annotations

from parktracker.domain.models import Fund
from parktracker.domain.money import Money
from parktracker.storage.database import Database
from parktracker.storage.funds import from_row as fund_from_row
from parktracker.storage.rows import month_in


def latest_revenue_year(db: Database, park_id: int) -> int | None:
    """The latest year in which the park has any revenue figure."""
    month = db.scalar("SELECT max(month) FROM revenue WHERE park_id = ?", [park_id])
    return None if month is None else month_in(month).year


def completed_by_project(db: Database, park_id: int) -> dict[int, Money]:
    """Cumulative completed investment of each of the park's projects that has any."""
    rows = db.query(
        "SELECT i.project_id, sum(i.completed_yuan) FROM project_monthly_investment i"
        " JOIN projects p ON p.id = i.project_id WHERE p.park_id = ? GROUP BY i.project_id",
        [park_id],
    )
    return {int(r[0]): Money(int(r[1])) for r in rows}


def funds_in_park(db: Database, park_id: int) -> list[Fund]:
    rows = db.query("SELECT * FROM funds WHERE park_id = ? ORDER BY id", [park_id])
    return [fund_from_row(r) for r in rows]
