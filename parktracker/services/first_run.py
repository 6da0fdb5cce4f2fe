"""First run: a database that holds only the reference data gets the welcome panel."""

from __future__ import annotations

from parktracker.storage.contents import has_entered_records
from parktracker.storage.database import Database


def is_empty(db: Database) -> bool:
    """True while nothing has been entered: no project, fund, revenue, platform or enterprise."""
    return not has_entered_records(db)
