"""Yearly targets per scope (all parks or one park) and metric."""

from __future__ import annotations

from parktracker.domain.enums import Metric
from parktracker.domain.models import Target
from parktracker.domain.money import Money
from parktracker.storage import audit
from parktracker.storage.database import Database

TABLE = "targets"


def set_target(db: Database, target: Target) -> int:
    existing = db.scalar(
        "SELECT id FROM targets WHERE year = ? AND park_id IS ? AND metric = ?",
        [target.year, target.park_id, target.metric.value],
    )
    values = {"amount_yuan": target.amount.yuan, "note": target.note}
    if existing is not None:
        audit.update(db, TABLE, int(existing), values)
        return int(existing)
    return audit.insert(
        db,
        TABLE,
        {"year": target.year, "park_id": target.park_id, "metric": target.metric.value, **values},
    )


def get(db: Database, year: int, metric: Metric, *, park_id: int | None = None) -> Target | None:
    rows = db.query(
        "SELECT * FROM targets WHERE year = ? AND park_id IS ? AND metric = ?",
        [year, park_id, metric.value],
    )
    if not rows:
        return None
    r = rows[0]
    return Target(
        id=r["id"],
        year=r["year"],
        metric=Metric(r["metric"]),
        amount=Money(r["amount_yuan"]),
        park_id=r["park_id"],
        note=r["note"],
    )


def clear(db: Database, year: int, metric: Metric, *, park_id: int | None) -> bool:
    """Delete the target of ``year``, ``metric`` and scope; False when there was none."""
    existing = db.scalar(
        "SELECT id FROM targets WHERE year = ? AND park_id IS ? AND metric = ?",
        [year, park_id, metric.value],
    )
    if existing is None:
        return False
    audit.delete(db, TABLE, int(existing))
    return True


def of_parks(db: Database, year: int, metric: Metric) -> dict[int, Money]:
    """Each park's own target for ``year`` and ``metric`` (parks without one are left out)."""
    rows = db.query(
        "SELECT park_id, amount_yuan FROM targets"
        " WHERE year = ? AND metric = ? AND park_id IS NOT NULL",
        [year, metric.value],
    )
    return {int(r[0]): Money(int(r[1])) for r in rows}
