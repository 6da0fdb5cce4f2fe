"""Whether a database holds anything the user entered (beyond the reference data)."""

from __future__ import annotations

from parktracker.storage.database import Database

# Tables a user fills; the parks and the year's target are reference data every file starts with.
ENTERED_TABLES = ("projects", "funds", "revenue", "platforms", "enterprises")


def has_entered_records(db: Database) -> bool:
    """Whether any table a user fills holds a row: a look at the first row of each, not a
    count of all (on a large file the counts read whole indexes before the window shows). A
    table missing from an old file holds nothing."""
    present = {
        row[0] for row in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    for table in ENTERED_TABLES:
        # Table names come from the constant above, never from input.
        if (
            table in present
            and db.conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
        ):
            return True
    return False
