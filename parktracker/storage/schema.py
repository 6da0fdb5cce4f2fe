"""The database schema, as ordered sqlite-utils migrations.

Each migration runs inside one transaction (sqlite-utils ``Migrations`` wraps it in
``db.atomic()``) together with the record that it was applied, and sets ``PRAGMA user_version``
to its ordinal, so a file written by a newer ParkTracker is recognised and refused.

Released migrations are never edited: add a new one instead, and add a sample database of the
released schema under tests/storage/schemas/.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from parktracker.storage.versions import SCHEMA_VERSION

APPLICATION_ID = 0x504B5452  # "PKTR": marks the file as a ParkTracker database

migrations = Migrations("parktracker")
__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "migrations"]


def _set_version(db: Database, version: int) -> None:
    db.execute(f"PRAGMA user_version = {int(version)}")


@migrations(name="0001_initial")
def _m0001_initial(db: Database) -> None:
    for statement in _INITIAL_SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
    _set_version(db, 1)


_INITIAL_SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE parks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL,
    industry TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    listed_date TEXT,
    chain_leaders TEXT NOT NULL DEFAULT '[]',
    partner_parks TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    sample INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    park_id INTEGER NOT NULL REFERENCES parks(id),
    name TEXT NOT NULL,
    stage TEXT NOT NULL,
    company TEXT NOT NULL DEFAULT '',
    responsible_unit TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    planned_total_yuan INTEGER CHECK (planned_total_yuan IS NULL OR planned_total_yuan >= 0),
    signed_date TEXT,
    planned_start_date TEXT,
    actual_start_date TEXT,
    planned_completion_date TEXT,
    production_date TEXT,
    is_key INTEGER NOT NULL DEFAULT 0,
    is_chain_leader INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    over_plan_reason TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    UNIQUE (park_id, name)
);
CREATE INDEX idx_projects_park_stage ON projects (park_id, stage);
CREATE TABLE project_stage_history (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_stage_history_project ON project_stage_history (project_id, date);
CREATE TABLE project_monthly_investment (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    completed_yuan INTEGER NOT NULL CHECK (completed_yuan >= 0),
    UNIQUE (project_id, month)
);
CREATE INDEX idx_monthly_investment_month ON project_monthly_investment (month);
CREATE TABLE project_annual_plan (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    planned_yuan INTEGER NOT NULL CHECK (planned_yuan >= 0),
    UNIQUE (project_id, year)
);
CREATE TABLE funds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    park_id INTEGER REFERENCES parks(id),
    manager TEXT NOT NULL DEFAULT '',
    established_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE fund_updates (
    id INTEGER PRIMARY KEY,
    fund_id INTEGER NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    scale_yuan INTEGER NOT NULL CHECK (scale_yuan >= 0),
    paid_in_yuan INTEGER NOT NULL CHECK (paid_in_yuan >= 0 AND paid_in_yuan <= scale_yuan),
    invested_yuan INTEGER NOT NULL CHECK (invested_yuan >= 0 AND invested_yuan <= paid_in_yuan),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_fund_updates_fund ON fund_updates (fund_id, date);
CREATE TABLE revenue (
    id INTEGER PRIMARY KEY,
    park_id INTEGER NOT NULL REFERENCES parks(id),
    month TEXT NOT NULL,
    amount_yuan INTEGER NOT NULL CHECK (amount_yuan >= 0),
    sample INTEGER NOT NULL DEFAULT 0,
    UNIQUE (park_id, month)
);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    park_id INTEGER REFERENCES parks(id),
    metric TEXT NOT NULL,
    amount_yuan INTEGER NOT NULL CHECK (amount_yuan >= 0),
    note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_targets_scope ON targets (year, IFNULL(park_id, 0), metric);
CREATE TABLE platforms (
    id INTEGER PRIMARY KEY,
    park_id INTEGER NOT NULL REFERENCES parks(id),
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    kind TEXT NOT NULL,
    recognized_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    UNIQUE (park_id, name)
);
CREATE TABLE enterprises (
    id INTEGER PRIMARY KEY,
    park_id INTEGER NOT NULL REFERENCES parks(id),
    name TEXT NOT NULL,
    is_chain_leader INTEGER NOT NULL DEFAULT 0,
    is_little_giant INTEGER NOT NULL DEFAULT 0,
    is_above_scale INTEGER NOT NULL DEFAULT 0,
    is_high_tech INTEGER NOT NULL DEFAULT 0,
    joined_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    UNIQUE (park_id, name)
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX idx_audit_row ON audit_log (table_name, row_id)
"""


@migrations(name="0002_project_listing")
def _m0002_project_listing(db: Database) -> None:
    """A narrow, trigger-maintained copy of what the Projects page filters, searches and sums
    on, so one quick scan of it answers a find-as-you-type keystroke on 100,000 projects: park,
    stage, signing year, key flag, planned total, completed investment (the sum of the months)
    and the searched text (name, company and notes; ASCII letters in lower case).

    SQLite's trigram full-text index was not used: it cannot find two-character words such as
    光电, and its segment pages are not restored byte for byte when a write is undone. Every
    row here is a function of its project and that project's months, so undo restores it
    exactly; ``project_listing`` has no row of its own to audit or undo."""
    for statement in _PROJECT_LISTING_SCHEMA.split(";\n\n"):
        if statement.strip():
            db.execute(statement)
    db.execute(
        "INSERT INTO project_listing (project_id, park_id, stage, signed_year, is_key,"
        " planned_yuan, completed_yuan, search)"
        " SELECT p.id, p.park_id, p.stage, CAST(substr(p.signed_date, 1, 4) AS INTEGER),"
        " p.is_key, p.planned_total_yuan,"
        " coalesce((SELECT sum(i.completed_yuan) FROM project_monthly_investment i"
        " WHERE i.project_id = p.id), 0),"
        " lower(p.name || char(10) || p.company || char(10) || p.notes)"
        " FROM projects p"
    )
    _set_version(db, 2)


_PROJECT_LISTING_SCHEMA = """
CREATE TABLE project_listing (
    project_id INTEGER PRIMARY KEY,
    park_id INTEGER NOT NULL,
    stage TEXT NOT NULL,
    signed_year INTEGER,
    is_key INTEGER NOT NULL,
    planned_yuan INTEGER,
    completed_yuan INTEGER NOT NULL DEFAULT 0,
    search TEXT NOT NULL
);

CREATE TRIGGER project_listing_insert AFTER INSERT ON projects BEGIN
    INSERT INTO project_listing (project_id, park_id, stage, signed_year, is_key, planned_yuan,
                                 completed_yuan, search)
    VALUES (new.id, new.park_id, new.stage, CAST(substr(new.signed_date, 1, 4) AS INTEGER),
            new.is_key, new.planned_total_yuan,
            coalesce((SELECT sum(i.completed_yuan) FROM project_monthly_investment i
                      WHERE i.project_id = new.id), 0),
            lower(new.name || char(10) || new.company || char(10) || new.notes));
END;

CREATE TRIGGER project_listing_update AFTER UPDATE ON projects BEGIN
    UPDATE project_listing SET
        project_id = new.id,
        park_id = new.park_id,
        stage = new.stage,
        signed_year = CAST(substr(new.signed_date, 1, 4) AS INTEGER),
        is_key = new.is_key,
        planned_yuan = new.planned_total_yuan,
        search = lower(new.name || char(10) || new.company || char(10) || new.notes)
    WHERE project_id = old.id;
END;

CREATE TRIGGER project_listing_delete AFTER DELETE ON projects BEGIN
    DELETE FROM project_listing WHERE project_id = old.id;
END;

CREATE TRIGGER project_listing_month_insert AFTER INSERT ON project_monthly_investment BEGIN
    UPDATE project_listing SET completed_yuan = completed_yuan + new.completed_yuan
    WHERE project_id = new.project_id;
END;

CREATE TRIGGER project_listing_month_delete AFTER DELETE ON project_monthly_investment BEGIN
    UPDATE project_listing SET completed_yuan = completed_yuan - old.completed_yuan
    WHERE project_id = old.project_id;
END;

CREATE TRIGGER project_listing_month_update
AFTER UPDATE OF project_id, completed_yuan ON project_monthly_investment BEGIN
    UPDATE project_listing SET completed_yuan = completed_yuan - old.completed_yuan
    WHERE project_id = old.project_id;
    UPDATE project_listing SET completed_yuan = completed_yuan + new.completed_yuan
    WHERE project_id = new.project_id;
END
"""


@migrations(name="0003_monthly_investment_by_month")
def _m0003_monthly_investment_by_month(db: Database) -> None:
    """Completed investment summed per month without a look-up per row: the dashboard's
    24-month trend (and a year earlier) reads 720,000 monthly figures on 100,000 projects. With
    only ``month`` indexed, SQLite either looks each row up (about 500 ms when the figures are
    stored project by project) or scans and sorts them all (about 260 ms); with the amount in
    the index the range is read in month order, already grouped (about 60 ms). The new index
    starts with ``month``, so it also serves everything the old one did, which goes."""
    db.execute(
        "CREATE INDEX idx_monthly_investment_month_amount"
        " ON project_monthly_investment (month, completed_yuan)"
    )
    db.execute("DROP INDEX idx_monthly_investment_month")
    _set_version(db, 3)


@migrations(name="0004_dashboard_group_index")
def _m0004_dashboard_group_index(db: Database) -> None:
    """A covering index for the dashboard's projects per park and current stage, summed again
    after every edit. ``project_listing`` rows carry the search text, so on 100,000 projects
    the grouped scan of the table took about 60 ms; of an index of the four columns it needs,
    about 15 ms. (An index of the stage history by date was tried as well: it made the
    year-earlier comparison slower, 80 ms against 50, by trading one scan for 26,000 look-ups.)
    """
    db.execute(
        "CREATE INDEX idx_project_listing_park_stage"
        " ON project_listing (park_id, stage, planned_yuan, completed_yuan)"
    )
    _set_version(db, 4)


@migrations(name="0005_audit_history_indexes")
def _m0005_audit_history_indexes(db: Database) -> None:
    """Indexes for reading the audit log a page at a time, newest first, as Edit → History
    shows it: all of it, or one kind of record, or one user's changes, or a date range. Each
    index ends (implicitly) with the row id, so ``ORDER BY at DESC, id DESC LIMIT n`` after a
    filter on its first column reads n index entries instead of sorting every matching row:
    on a log of a million changes a page of one kind of record takes milliseconds either way."""
    db.execute("CREATE INDEX idx_audit_at ON audit_log (at)")
    db.execute("CREATE INDEX idx_audit_table_at ON audit_log (table_name, at)")
    db.execute("CREATE INDEX idx_audit_user_at ON audit_log (os_user, at)")
    _set_version(db, 5)


@migrations(name="0006_problems_and_settings")
def _m0006_problems_and_settings(db: Database) -> None:
    """The problem log (问题清单): problems raised on a project or on a park, each with a
    responsible unit, the date raised, the date due and a status, and dated progress notes;
    and a key/value ``settings`` table for what every officer on the file shares (the warning
    thresholds). Every row has an integer id so the audited writers and undo handle it like
    any other. Independent of 0005 (an audit-log index on another branch)."""
    for statement in _PROBLEMS_SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
    _set_version(db, 6)


_PROBLEMS_SCHEMA = """
CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    park_id INTEGER NOT NULL REFERENCES parks(id),
    project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    responsible_unit TEXT NOT NULL DEFAULT '',
    raised_date TEXT NOT NULL,
    due_date TEXT,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'coordinating', 'solved'))
);
CREATE INDEX idx_problems_park_status ON problems (park_id, status, due_date);
CREATE INDEX idx_problems_project ON problems (project_id);
CREATE TABLE problem_notes (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX idx_problem_notes_problem ON problem_notes (problem_id, date);
CREATE TABLE settings (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
)
"""


@migrations(name="0007_briefings")
def _m0007_briefings(db: Database) -> None:
    """The record of each monthly briefing as issued: its month, when it was saved, and its
    figures (JSON: stable key → exact integer, counts or yuan), so a later change to a figure
    of a month already reported can be shown ("3月通报后，以下数字已修改…")."""
    db.execute(
        """
        CREATE TABLE briefings (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
            issued_at TEXT NOT NULL,
            figures TEXT NOT NULL,
            file_name TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_briefings_month ON briefings (month, issued_at)")
    _set_version(db, 7)
