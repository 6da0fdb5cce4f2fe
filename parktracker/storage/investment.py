"""Monthly completed investment and annual planned investment per project."""

from __future__ import annotations

from parktracker.domain.models import AnnualPlan, MonthlyInvestment
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.storage.rows import month_in

MONTHLY = "project_monthly_investment"
ANNUAL = "project_annual_plan"


def set_monthly(db: Database, entry: MonthlyInvestment) -> int:
    """Insert or replace the completed investment of one project-month; returns the row id."""
    existing = db.scalar(
        "SELECT id FROM project_monthly_investment WHERE project_id = ? AND month = ?",
        [entry.project_id, str(entry.month)],
    )
    if existing is not None:
        audit.update(db, MONTHLY, int(existing), {"completed_yuan": entry.completed.yuan})
        return int(existing)
    return audit.insert(
        db,
        MONTHLY,
        {
            "project_id": entry.project_id,
            "month": str(entry.month),
            "completed_yuan": entry.completed.yuan,
        },
    )


def monthly(db: Database, project_id: int) -> list[MonthlyInvestment]:
    rows = db.query(
        "SELECT * FROM project_monthly_investment WHERE project_id = ? ORDER BY month", [project_id]
    )
    return [
        MonthlyInvestment(
            id=r["id"],
            project_id=r["project_id"],
            month=month_in(r["month"]),
            completed=Money(r["completed_yuan"]),
        )
        for r in rows
    ]


def completed_total(db: Database, project_id: int, *, through: YearMonth | None = None) -> Money:
    sql = (
        "SELECT coalesce(sum(completed_yuan), 0) FROM project_monthly_investment"
        " WHERE project_id = ?"
    )
    params: list[object] = [project_id]
    if through is not None:
        sql += " AND month <= ?"
        params.append(str(through))
    return Money(int(db.scalar(sql, params)))


def monthly_totals(db: Database, *, park_id: int | None = None) -> list[tuple[YearMonth, Money]]:
    """Completed investment of all projects (or one park's) per month."""
    sql = (
        "SELECT i.month, sum(i.completed_yuan) FROM project_monthly_investment i"
        " JOIN projects p ON p.id = i.project_id"
        + (" WHERE p.park_id = ?" if park_id is not None else "")
        + " GROUP BY i.month ORDER BY i.month"
    )
    rows = db.query(sql, [park_id] if park_id is not None else [])
    return [(month_in(r[0]), Money(int(r[1]))) for r in rows]


def set_annual_plan(db: Database, plan: AnnualPlan) -> int:
    existing = db.scalar(
        "SELECT id FROM project_annual_plan WHERE project_id = ? AND year = ?",
        [plan.project_id, plan.year],
    )
    if existing is not None:
        audit.update(db, ANNUAL, int(existing), {"planned_yuan": plan.planned.yuan})
        return int(existing)
    return audit.insert(
        db,
        ANNUAL,
        {"project_id": plan.project_id, "year": plan.year, "planned_yuan": plan.planned.yuan},
    )


def annual_plans(db: Database, project_id: int) -> list[AnnualPlan]:
    rows = db.query(
        "SELECT * FROM project_annual_plan WHERE project_id = ? ORDER BY year", [project_id]
    )
    return [
        AnnualPlan(
            id=r["id"], project_id=r["project_id"], year=r["year"], planned=Money(r["planned_yuan"])
        )
        for r in rows
    ]


def delete_monthly(db: Database, project_id: int, month: YearMonth) -> bool:
    """Delete one project-month's completed investment (audited); False if there was none."""
    existing = db.scalar(
        "SELECT id FROM project_monthly_investment WHERE project_id = ? AND month = ?",
        [project_id, str(month)],
    )
    if existing is None:
        return False
    audit.delete(db, MONTHLY, int(existing))
    return True


def delete_annual_plan(db: Database, project_id: int, year: int) -> bool:
    """Delete one project-year's planned investment (audited); False if there was none."""
    existing = db.scalar(
        "SELECT id FROM project_annual_plan WHERE project_id = ? AND year = ?",
        [project_id, year],
    )
    if existing is None:
        return False
    audit.delete(db, ANNUAL, int(existing))
    return True


def all_monthly(
    db: Database, *, park_id: int | None = None, through: YearMonth | None = None
) -> list[MonthlyInvestment]:
    """Every project-month's completed investment (or one park's, or up to a month), by park
    in the parks' order, project, then month."""
    sql = (
        "SELECT i.id, i.project_id, i.month, i.completed_yuan FROM project_monthly_investment i"
        " JOIN projects p ON p.id = i.project_id JOIN parks k ON k.id = p.park_id WHERE 1 = 1"
    )
    params: list[object] = []
    if park_id is not None:
        sql += " AND p.park_id = ?"
        params.append(park_id)
    if through is not None:
        sql += " AND i.month <= ?"
        params.append(str(through))
    rows = db.query(sql + " ORDER BY k.sort_order, k.id, p.id, i.month", params)
    return [
        MonthlyInvestment(id=r[0], project_id=r[1], month=month_in(r[2]), completed=Money(r[3]))
        for r in rows
    ]


def park_year(db: Database, park_id: int, year: int) -> list[MonthlyInvestment]:
    """The completed investment of every project of a park in one year's months."""
    rows = db.query(
        "SELECT i.* FROM project_monthly_investment i JOIN projects p ON p.id = i.project_id"
        " WHERE p.park_id = ? AND i.month >= ? AND i.month <= ? ORDER BY i.project_id, i.month",
        [park_id, f"{year:04d}-01", f"{year:04d}-12"],
    )
    return [
        MonthlyInvestment(
            id=r["id"],
            project_id=r["project_id"],
            month=month_in(r["month"]),
            completed=Money(r["completed_yuan"]),
        )
        for r in rows
    ]
