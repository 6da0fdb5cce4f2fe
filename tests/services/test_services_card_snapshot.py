"""The dashboard cards' figures kept in the file: shown at the next start only while the file
holds exactly the data they were computed from."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from parktracker.services import card_snapshot, dashboard_figures, workspace
from parktracker.storage import card_snapshot as store
from parktracker.storage import check_state
from parktracker.storage.database import Database, open_database

TARGET_2024 = "UPDATE targets SET amount_yuan = ? WHERE year = 2024 AND park_id IS NULL"


def computed(db: Database) -> dashboard_figures.Kpis:
    return dashboard_figures.kpis(db, as_of=dashboard_figures.default_as_of(db))


def test_a_new_demo_file_keeps_its_cards_current(demo_db: Database) -> None:
    kept = card_snapshot.load(demo_db)
    assert kept is not None
    assert kept == computed(demo_db)
    assert str(kept.as_of) == "2024-03-31"
    assert kept.capital.funds.now == 20


def test_a_demo_copy_starts_with_its_cards_current() -> None:
    db = workspace.demo_copy()
    try:
        assert card_snapshot.load(db) == computed(db)
    finally:
        db.close()


def test_saved_cards_come_back_equal(demo_db: Database) -> None:
    store.forget(demo_db)
    assert card_snapshot.load(demo_db) is None
    stamp = card_snapshot.data_stamp(demo_db)
    kpis = computed(demo_db)
    assert card_snapshot.save(demo_db, kpis, stamp=stamp)
    assert card_snapshot.load(demo_db) == kpis


def test_a_change_by_parktracker_makes_them_stale(demo_db: Database) -> None:
    with demo_db.atomic():
        demo_db.conn.execute(TARGET_2024, [1400 * 10**8])
    assert card_snapshot.load(demo_db) is None


def test_a_change_by_another_program_makes_them_stale(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.execute(TARGET_2024, [1400 * 10**8])
    conn.close()
    with open_database(demo_path, readonly=True) as db:
        assert card_snapshot.load(db) is None


def test_a_change_that_leaves_the_file_in_wal_mode_makes_them_stale(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA journal_mode = WAL")
    with conn:
        conn.execute(TARGET_2024, [1400 * 10**8])
    conn.close()
    with open_database(demo_path, readonly=True, verify=False) as db:
        assert card_snapshot.load(db) is None  # WAL mode: no stamp at all
    with open_database(demo_path, verify=False) as db:  # back to the rollback journal
        assert card_snapshot.load(db) is None


def test_cards_computed_before_a_change_are_not_kept(demo_db: Database) -> None:
    stamp = card_snapshot.data_stamp(demo_db)
    kpis = computed(demo_db)
    with demo_db.atomic():
        demo_db.conn.execute(TARGET_2024, [1400 * 10**8])
    assert not card_snapshot.save(demo_db, kpis, stamp=stamp)
    assert card_snapshot.load(demo_db) is None
    fresh = computed(demo_db)
    assert fresh.revenue.target is not None and fresh.revenue.target.yuan == 1400 * 10**8
    assert card_snapshot.save(demo_db, fresh, stamp=card_snapshot.data_stamp(demo_db))
    assert card_snapshot.load(demo_db) == fresh


def _store_current(db: Database, value: object) -> None:
    """Store ``value`` as the kept cards, stamped as current (as a faulty writer might)."""
    counter = card_snapshot.data_stamp(db)
    assert counter is not None
    text = json.dumps({"stamp": counter + 1, "cards": value})
    with db.conn:
        db.conn.execute("UPDATE meta SET value = ? WHERE key = ?", [text, store.KEY])


def test_unreadable_kept_cards_are_not_shown(demo_db: Database) -> None:
    _store_current(demo_db, "not JSON")
    assert store.read(demo_db) == ("not JSON", store.data_stamp(demo_db))
    assert card_snapshot.load(demo_db) is None
    good = json.loads(card_snapshot.encode(computed(demo_db)))
    good["kpis"]["capital"]["funds"]["now"] = "20"  # a count stored as text
    _store_current(demo_db, json.dumps(good))
    assert card_snapshot.load(demo_db) is None
    del good["kpis"]["capital"]
    _store_current(demo_db, json.dumps(good))
    assert card_snapshot.load(demo_db) is None


def test_a_check_result_keeps_current_cards_current(demo_db: Database) -> None:
    kpis = card_snapshot.load(demo_db)
    assert kpis is not None
    assert check_state.record_result(demo_db, None)
    assert demo_db.meta(check_state.RESULT) == "ok"
    assert card_snapshot.load(demo_db) == kpis


def test_a_check_result_leaves_stale_cards_stale(demo_db: Database) -> None:
    with demo_db.atomic():
        demo_db.conn.execute(TARGET_2024, [1400 * 10**8])
    assert check_state.record_result(demo_db, None)
    assert card_snapshot.load(demo_db) is None


def test_without_data_nothing_is_kept(new_db: Database) -> None:
    kpis = computed(new_db)
    assert not card_snapshot.save(new_db, kpis, stamp=card_snapshot.data_stamp(new_db))
    assert card_snapshot.load(new_db) is None


def test_a_read_only_session_keeps_nothing(demo_path: Path) -> None:
    with open_database(demo_path) as db:
        store.forget(db)
    with open_database(demo_path, readonly=True) as db:
        kpis = computed(db)
        assert not card_snapshot.save(db, kpis, stamp=card_snapshot.data_stamp(db))


def test_cards_kept_by_another_version_are_not_shown(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert card_snapshot.load(demo_db) is not None
    monkeypatch.setattr(card_snapshot, "__version__", "99.0")  # its rules may differ
    assert card_snapshot.load(demo_db) is None


def test_a_reader_holding_the_file_means_nothing_is_kept_now(demo_db: Database) -> None:
    store.forget(demo_db)
    stamp = card_snapshot.data_stamp(demo_db)
    kpis = computed(demo_db)
    reader = sqlite3.connect(demo_db.path)  # a background check reading the whole file
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM projects").fetchone()
    try:
        assert not card_snapshot.save(demo_db, kpis, stamp=stamp)  # gives up, does not wait
    finally:
        reader.close()
    assert demo_db.scalar("PRAGMA busy_timeout") == 3000  # other writes wait as before
    assert card_snapshot.load(demo_db) is None
    assert card_snapshot.save(demo_db, kpis, stamp=stamp)
    assert card_snapshot.load(demo_db) == kpis
