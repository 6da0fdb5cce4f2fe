"""The recorded schema signatures are what the migrations create, version by version, and what
the sample file of each released version holds: a new migration without a regenerated
``schema_signatures.py`` (``python -m parktracker.storage.schema_check``) fails here."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parktracker.storage import schema_check
from parktracker.storage.schema_signatures import ANY_SQL, SIGNATURES
from parktracker.storage.versions import SCHEMA_VERSION

SAMPLES = Path(__file__).parent / "schemas"


def test_every_schema_version_has_a_signature() -> None:
    assert sorted(SIGNATURES) == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_the_signature_is_what_the_migrations_create(version: int) -> None:
    assert schema_check.migrated_signature(version) == SIGNATURES[version]


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_each_released_sample_matches_its_signature(version: int) -> None:
    conn = sqlite3.connect(f"{(SAMPLES / f'v{version}.db').as_uri()}?mode=ro", uri=True)
    try:
        found = schema_check.compare(conn, version)
        actual = schema_check.signature(conn)
    finally:
        conn.close()
    assert found.missing == [] and found.foreign == []
    assert set(actual) == set(SIGNATURES[version])
    assert all(v == ANY_SQL or actual[k] == v for k, v in SIGNATURES[version].items())


def test_the_generated_module_is_up_to_date() -> None:
    module = Path(schema_check.__file__).with_name("schema_signatures.py")
    assert module.read_text("utf-8") == schema_check.signatures_module()


def test_a_current_file_is_recognised_by_its_sql_without_a_digest(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every open of a current file: its SQL is the newest schema's, compared as text (no
    hashlib, whose OpenSSL costs the window's start); anything else is compared by digest."""
    assert schema_check.LATEST_SQL.keys() == SIGNATURES[SCHEMA_VERSION].keys()

    def no_digest(texts: dict[str, str]) -> dict[str, str]:
        raise AssertionError("a digest was computed")

    conn = sqlite3.connect(demo_path)
    try:
        with monkeypatch.context() as patched:
            patched.setattr(schema_check, "digests", no_digest)
            found = schema_check.compare(conn, SCHEMA_VERSION)
        assert found.missing == [] and found.foreign == []
        conn.execute("DROP TRIGGER project_listing_month_insert")
        conn.execute(
            "CREATE TRIGGER project_listing_month_insert AFTER INSERT ON "
            "project_monthly_investment BEGIN DELETE FROM audit_log; END"
        )
        conn.execute("CREATE VIEW extra AS SELECT 1")
        found = schema_check.compare(conn, SCHEMA_VERSION)
    finally:
        conn.close()
    assert found.missing == []
    assert found.foreign == ["trigger project_listing_month_insert (changed)", "view extra"]
