"""Build the sample database of each released schema version: ``v1.db``, ``v2.db``, ...

Each sample holds the demo dataset written at that schema version (the migrations are applied
up to and including that version's, then the demo data is stored through the storage API), so
the upgrade tests start from a file as that release of ParkTracker would have left it.

The files are deterministic: the audit log's clock and user and the migrations' timestamps are
fixed, and the file is vacuumed. Released samples are frozen: rebuild one only when it is
wrong, and add a new one (``python tests/storage/schemas/make_schemas.py 3``) with every
release that adds a migration.

Usage:  python tests/storage/schemas/make_schemas.py [VERSION ...] [--force]
        (without VERSION: every released version whose file is missing)
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

import sqlite_utils

from parktracker.services.demo import populate_demo
from parktracker.storage import audit
from parktracker.storage.database import APPLICATION_ID, Database
from parktracker.storage.schema import migrations
from parktracker.storage.versions import SCHEMA_VERSION

HERE = Path(__file__).resolve().parent
FIXED_TIME = "2024-04-01T09:00:00+08:00"
FIXED_USER = "officer"


def migration_names() -> list[str]:
    return [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]


def sample_path(version: int, folder: Path = HERE) -> Path:
    return folder / f"v{version}.db"


def build(version: int, out: Path) -> Path:
    """Write the demo dataset at schema ``version`` to ``out`` (atomically)."""
    names = migration_names()
    if not 1 <= version <= len(names):
        raise ValueError(f"no schema version {version} (known: 1..{len(names)})")
    tmp = out.with_name(f".{out.name}.building")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = DELETE")
        db = Database(conn, tmp, readonly=False)
        stop = names[version] if version < len(names) else None
        migrations.apply(db.su, stop_before=stop)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        now, user = audit._now, audit.os_user
        audit._now = lambda: FIXED_TIME  # type: ignore[assignment]
        audit.os_user = lambda: FIXED_USER  # type: ignore[assignment]
        try:
            populate_demo(db)
        finally:
            audit._now, audit.os_user = now, user  # type: ignore[assignment]
        with db.atomic():
            conn.execute("UPDATE _sqlite_migrations SET applied_at = ?", [FIXED_TIME])
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        conn.execute("VACUUM")
    finally:
        conn.close()
    os.replace(tmp, out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("versions", nargs="*", type=int, metavar="VERSION")
    parser.add_argument("--force", action="store_true", help="rebuild existing files")
    parser.add_argument("--out", type=Path, default=HERE, help="folder (default: this one)")
    args = parser.parse_args(argv)
    versions = args.versions or list(range(1, SCHEMA_VERSION + 1))
    for version in versions:
        path = sample_path(version, args.out)
        if path.exists() and not args.force:
            print(f"{path}: kept (use --force to rebuild)")
            continue
        build(version, path)
        print(f"{path}: written ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
