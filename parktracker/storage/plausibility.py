"""The reference figures a fat-finger check compares an amount with (one query each)."""

from __future__ import annotations

from parktracker.storage.database import Database


def _int_or_none(value: object) -> int | None:
    return None if value is None else int(str(value))


def largest_planned_total(
    db: Database, park_id: int, *, exclude_id: int | None = None
) -> int | None:
    return _int_or_none(
        db.scalar(
            "SELECT max(planned_total_yuan) FROM projects WHERE park_id = ? AND id IS NOT ?",
            [park_id, exclude_id],
        )
    )


def revenue_months(db: Database, park_id: int) -> list[int]:
    """The park's stored monthly revenue figures (yuan)."""
    return [
        int(r[0]) for r in db.query("SELECT amount_yuan FROM revenue WHERE park_id = ?", [park_id])
    ]


def largest_monthly_investment(db: Database, park_id: int) -> int | None:
    return _int_or_none(
        db.scalar(
            "SELECT max(i.completed_yuan) FROM project_monthly_investment i"
            " JOIN projects p ON p.id = i.project_id WHERE p.park_id = ?",
            [park_id],
        )
    )


def largest_fund_scale(db: Database) -> int | None:
    return _int_or_none(db.scalar("SELECT max(scale_yuan) FROM fund_updates"))


def largest_target(db: Database, metric: str) -> int | None:
    return _int_or_none(
        db.scalar("SELECT max(amount_yuan) FROM targets WHERE metric = ?", [metric])
    )
