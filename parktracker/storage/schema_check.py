"""Is a file's schema the one ParkTracker made? Tables, indexes, triggers and views compared
with :mod:`parktracker.storage.schema_signatures`, which records what each schema version's
migrations create (the SHA-256 of each object's SQL text, as SQLite keeps it; for the newest
version the text itself, so that opening a current file computes no digest).

* A missing object (a dropped table, index or trigger) makes the file damaged: ParkTracker's
  queries and rules need every part.
* A foreign object (a trigger, view, index or table that ParkTracker did not create, or one of
  its own with different SQL) means the file was changed outside ParkTracker: a hidden trigger
  can erase audit rows or rewrite amounts as they are saved. Such a file is refused for
  editing; read-only, where no trigger runs, it can still be looked at.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from parktracker.storage.schema_signatures import ANY_SQL, LATEST_SQL, SIGNATURES

# Made by SQLite itself (statistics, AUTOINCREMENT counters, the indexes of UNIQUE and
# PRIMARY KEY constraints, which follow from their table's SQL).
_SQLITE_OWN_TABLES = (
    "sqlite_sequence",
    "sqlite_stat1",
    "sqlite_stat2",
    "sqlite_stat3",
    "sqlite_stat4",
)


@dataclass(frozen=True)
class SchemaDifferences:
    missing: list[str]
    foreign: list[str]


def schema_texts(conn: sqlite3.Connection) -> dict[str, str]:
    """``"<type> <name>"`` → its SQL as SQLite keeps it ("" for none), for every schema object
    but those SQLite makes itself."""
    found: dict[str, str] = {}
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master"):
        if kind == "table" and name in _SQLITE_OWN_TABLES:
            continue
        if kind == "index" and sql is None and str(name).startswith("sqlite_autoindex_"):
            continue
        found[f"{kind} {name}"] = "" if sql is None else str(sql)
    return found


def digests(texts: dict[str, str]) -> dict[str, str]:
    """Each text's SHA-256 (16 hex digits)."""
    import hashlib  # not at import: OpenSSL's start costs an open ~2.5 ms (see compare)

    return {k: hashlib.sha256(t.encode("utf-8")).hexdigest()[:16] for k, t in texts.items()}


def signature(conn: sqlite3.Connection) -> dict[str, str]:
    """``"<type> <name>"`` → the SHA-256 (16 hex digits) of its SQL, for every schema object."""
    return digests(schema_texts(conn))


def _is_latest(texts: dict[str, str], version: int) -> bool:
    """Exactly the newest schema's objects and SQL (no digest needed to know it)."""
    if version != max(SIGNATURES) or texts.keys() != LATEST_SQL.keys():
        return False
    return all(sql in (ANY_SQL, texts[key]) for key, sql in LATEST_SQL.items())


def compare(conn: sqlite3.Connection, version: int) -> SchemaDifferences:
    """What ``conn``'s schema lacks and what it holds beyond version ``version``'s."""
    expected = SIGNATURES.get(version)
    if expected is None:
        return SchemaDifferences([], [])
    texts = schema_texts(conn)
    if _is_latest(texts, version):  # every open of a current file: its SQL as recorded
        return SchemaDifferences([], [])
    actual = digests(texts)
    missing = [key for key in expected if key not in actual]
    foreign = []
    for key, digest in sorted(actual.items()):
        wanted = expected.get(key)
        if wanted is None:
            foreign.append(key)
        elif wanted not in (ANY_SQL, digest):
            foreign.append(f"{key} (changed)")
    return SchemaDifferences(missing, foreign)


def describe(parts: list[str], limit: int = 6) -> str:
    """The parts named on one line, at most ``limit`` of them."""
    shown = ", ".join(parts[:limit])
    return shown if len(parts) <= limit else f"{shown}, … (+{len(parts) - limit})"


# Objects sqlite-utils makes for its record of applied migrations: their SQL text is
# sqlite-utils' to choose, so only their presence is compared.
_MIGRATIONS_RECORD = ("table _sqlite_migrations", "index idx__sqlite_migrations_migration_set_name")


def migrated_signature(version: int) -> dict[str, str]:
    """The signature of a new file after the migrations up to ``version`` (for the generator
    of :mod:`parktracker.storage.schema_signatures` and its test)."""
    return _as_recorded(digests(migrated_texts(version)))


def _as_recorded(found: dict[str, str]) -> dict[str, str]:
    """``found`` in key order, as the generated module records it: sqlite-utils' own objects
    by :data:`ANY_SQL`."""
    return {k: ANY_SQL if k in _MIGRATIONS_RECORD else v for k, v in sorted(found.items())}


def migrated_texts(version: int) -> dict[str, str]:
    """The SQL of each object of a new file after the migrations up to ``version``."""
    import sqlite_utils

    from parktracker.storage.schema import migrations
    from parktracker.storage.versions import SCHEMA_VERSION

    conn = sqlite3.connect(":memory:")
    try:
        db = sqlite_utils.Database(conn)
        names = [m.name for m in migrations.pending(db)]
        migrations.apply(db, stop_before=names[version] if version < SCHEMA_VERSION else None)
        return schema_texts(conn)
    finally:
        conn.close()


def signatures_module() -> str:
    """The text of :mod:`parktracker.storage.schema_signatures` for the current migrations."""
    from parktracker.storage.versions import SCHEMA_VERSION

    lines = [
        '"""What each schema version\'s migrations create: generated by',
        "``python -m parktracker.storage.schema_check``; do not edit (tests check it).",
        '"""',
        "",
        'ANY_SQL = "*"',
        "",
        "SIGNATURES: dict[int, dict[str, str]] = {",
    ]
    # Each version's schema made once: the newest one gives both its digests and its SQL.
    texts = {version: migrated_texts(version) for version in range(1, SCHEMA_VERSION + 1)}
    for version, found in texts.items():
        lines.append(f"    {version}: {{")
        lines += [f'        "{k}": "{v}",' for k, v in _as_recorded(digests(found)).items()]
        lines.append("    },")
    lines.append("}")
    lines += [
        "",
        "# The newest version's SQL itself, object by object: a current file is known for one",
        "# without computing a digest (hashlib's OpenSSL would cost each open ~2.5 ms).",
        "LATEST_SQL: dict[str, str] = {",
    ]
    for key, sql in _as_recorded(texts[SCHEMA_VERSION]).items():
        if "\n" in sql:
            lines.append(f'    "{key}": """{sql}""",')
        else:
            lines.append(f'    "{key}": "{sql}",')
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - developer tool
    from pathlib import Path

    Path(__file__).with_name("schema_signatures.py").write_text(signatures_module(), "utf-8")
