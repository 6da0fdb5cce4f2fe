"""The record of issued briefings: one row per save, with the figures as printed then."""

from __future__ import annotations

import json
from dataclasses import dataclass

from parktracker.domain.periods import YearMonth
from parktracker.storage import audit
from parktracker.storage.database import Database

TABLE = "briefings"


@dataclass(frozen=True, slots=True)
class IssuedBriefing:
    id: int
    month: YearMonth
    issued_at: str
    figures: dict[str, int]
    file_name: str


def insert(
    db: Database, *, month: YearMonth, issued_at: str, figures: dict[str, int], file_name: str
) -> int:
    """Store one issued briefing (audited, in the caller's transaction or its own)."""
    return audit.insert(
        db,
        TABLE,
        {
            "month": str(month),
            "issued_at": issued_at,
            "figures": json.dumps(figures, ensure_ascii=False, sort_keys=False),
            "file_name": file_name,
        },
    )


def _issued(row: tuple[object, ...]) -> IssuedBriefing:
    raw = json.loads(str(row[3]))
    figures = {str(k): int(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    return IssuedBriefing(
        int(str(row[0])), YearMonth.parse(str(row[1])), str(row[2]), figures, str(row[4])
    )


_COLUMNS = "SELECT id, month, issued_at, figures, file_name FROM briefings"


def latest(db: Database, month: YearMonth) -> IssuedBriefing | None:
    """The last briefing issued for ``month`` (None: never issued)."""
    rows = db.query(
        f"{_COLUMNS} WHERE month = ? ORDER BY issued_at DESC, id DESC LIMIT 1", [str(month)]
    )
    return _issued(tuple(rows[0])) if rows else None


def latest_before(db: Database, month: YearMonth) -> IssuedBriefing | None:
    """The last briefing issued for the latest month before ``month``."""
    rows = db.query(
        f"{_COLUMNS} WHERE month < ? ORDER BY month DESC, issued_at DESC, id DESC LIMIT 1",
        [str(month)],
    )
    return _issued(tuple(rows[0])) if rows else None


def months(db: Database) -> list[YearMonth]:
    """Every month with an issued briefing, latest first."""
    rows = db.query("SELECT DISTINCT month FROM briefings ORDER BY month DESC")
    return [YearMonth.parse(str(r[0])) for r in rows]
