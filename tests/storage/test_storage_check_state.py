"""When the full integrity check is due: never for a healthy file that ParkTracker closed
cleanly and checked lately; always after an unclean session, a change made outside, or when
the last check is old. Each check's result is recorded in the file's meta table."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from parktracker.services import file_check, workspace
from parktracker.storage import check_state
from parktracker.storage.errors import DatabaseDamaged


def checked_open(path: Path) -> workspace.OpenedDatabase:
    """Open for editing as the GUI does, run the due check as its background job would, record."""
    opened = workspace.open_for_editing(path, verify=False)
    if opened.check_reason is not None:
        damage = file_check.check_file(path)
        file_check.record_result(db=opened.db, damage=damage)
        opened.check_failed = damage is not None
    return opened


def test_a_file_never_seen_here_is_checked_and_the_result_recorded(demo_path: Path) -> None:
    opened = workspace.open_for_editing(demo_path, verify=False)
    assert opened.check_reason == check_state.UNKNOWN
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    assert file_check.record_result(db=opened.db, damage=file_check.check_file(demo_path))
    opened.close()
    conn = sqlite3.connect(demo_path)
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    conn.close()
    assert meta[check_state.RESULT] == "ok"
    assert dt.datetime.fromisoformat(meta[check_state.CHECKED_AT]) >= before


def test_no_full_check_after_a_clean_close(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked_open(demo_path).close()
    calls: list[Path] = []
    real = check_state.full_check
    monkeypatch.setattr(check_state, "full_check", lambda p: calls.append(p) or real(p))
    pragmas: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(pragmas.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)

    opened = checked_open(demo_path)
    assert opened.check_reason is None
    opened.close()
    assert calls == []
    assert not [s for s in pragmas if "PRAGMA integrity_check" in s or "PRAGMA quick_check" in s]
    assert any("FROM meta" in s for s in pragmas)  # the trace did see this open's reads


def test_an_unclean_session_makes_the_next_open_check(demo_path: Path) -> None:
    checked_open(demo_path).close()
    crashed = workspace.open_for_editing(demo_path, verify=False)
    assert crashed.check_reason is None
    # The process dies: the operating system drops the lock; nothing records a clean close.
    crashed.db.close()
    assert crashed.lock is not None
    crashed.lock.release()

    again = workspace.open_for_editing(demo_path, verify=False)
    assert again.check_reason == check_state.UNCLEAN
    again.close()


def test_a_change_made_outside_makes_the_next_open_check(demo_path: Path) -> None:
    checked_open(demo_path).close()
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE parks SET notes = 'edited elsewhere' WHERE id = 1")
    conn.commit()
    conn.close()
    opened = workspace.open_for_editing(demo_path, verify=False)
    assert opened.check_reason == check_state.CHANGED
    opened.close()


def test_a_touched_file_counts_as_changed(demo_path: Path) -> None:
    """A byte copy or a sync writes no new change counter, but the file's time moves."""
    checked_open(demo_path).close()
    info = demo_path.stat()
    os.utime(demo_path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    opened = workspace.open_for_editing(demo_path, verify=False)
    assert opened.check_reason == check_state.CHANGED
    opened.close()


def test_an_old_check_is_done_again(demo_path: Path) -> None:
    checked_open(demo_path).close()
    opened = workspace.open_read_only(demo_path, verify=False)
    assert opened.check_reason is None
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=check_state.MAX_AGE_DAYS + 1)
    assert check_state.reason_to_check(opened.db, now=later) == check_state.STALE
    opened.close()


def test_a_failed_check_is_recorded_and_checked_again(demo_path: Path) -> None:
    opened = workspace.open_for_editing(demo_path, verify=False)
    damage = file_check.check_file(demo_path)
    assert damage is None
    found = DatabaseDamaged(demo_path, "row 3 missing from index idx_audit_row")
    assert file_check.record_result(db=opened.db, damage=found)
    assert file_check.last_result(db=opened.db)[1] == "row 3 missing from index idx_audit_row"
    opened.check_failed = True
    opened.close()
    again = workspace.open_for_editing(demo_path, verify=False)
    assert again.check_reason == check_state.UNCLEAN  # its close was not recorded as clean
    again.close()


def test_read_only_opens_record_nothing(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    opened = workspace.open_read_only(demo_path, verify=False)
    assert opened.check_reason == check_state.UNKNOWN
    assert not file_check.record_result(db=opened.db, damage=None)
    opened.close()
    assert demo_path.read_bytes() == before
    assert workspace.open_read_only(demo_path, verify=False).check_reason == check_state.UNKNOWN


def record_of(path: Path) -> dict[str, object] | None:
    return check_state._read_record(path)


def test_a_deferred_open_leaves_the_data_folder_alone_until_it_settles(demo_path: Path) -> None:
    """The GUI opens with ``defer=True``: the session record, the decision about the check and
    the removal of leftovers wait for settle(), which it calls once the first page is drawn."""
    checked_open(demo_path).close()
    closed = record_of(demo_path)
    assert closed is not None and closed["state"] == "closed"
    leftover = demo_path.with_name(f".{demo_path.name}.saving-999999-1")
    leftover.write_bytes(b"partial copy of a killed process")

    opened = workspace.open_for_editing(demo_path, verify=False, defer=True)
    assert not opened.settled
    assert record_of(demo_path) == closed  # nothing recorded yet
    assert leftover.exists()
    assert opened.check_reason is None

    opened.settle()
    assert opened.settled
    assert opened.check_reason is None  # closed cleanly and checked lately
    again = record_of(demo_path)
    assert again is not None and again["state"] == "open"
    assert not leftover.exists()
    opened.close()
    final = record_of(demo_path)
    assert final is not None and final["state"] == "closed"


def test_settling_judges_the_file_as_it_was_at_open(demo_path: Path) -> None:
    """What the session writes before settle() is not a change made outside: the fingerprint
    taken at open is the one compared; a file changed outside before the open still is."""
    checked_open(demo_path).close()
    opened = workspace.open_for_editing(demo_path, verify=False, defer=True)
    opened.db.conn.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
    opened.db.conn.execute("CREATE TABLE written_by_this_session (x)")
    opened.db.conn.commit()
    opened.settle()
    assert opened.check_reason is None
    opened.close()

    conn = sqlite3.connect(demo_path)  # another program writes the closed file
    conn.execute("DROP TABLE written_by_this_session")
    conn.commit()
    conn.close()
    changed = workspace.open_for_editing(demo_path, verify=False, defer=True)
    changed.settle()
    assert changed.check_reason == check_state.CHANGED
    changed.close()


def test_a_session_closed_before_it_settles_keeps_the_old_record(demo_path: Path) -> None:
    """Closed before settle() (the window closed at once): the record is not marked clean, so a
    file that was due for a check is still due next time."""
    crashed = workspace.open_for_editing(demo_path, verify=False)  # never seen: UNKNOWN
    crashed.db.close()
    assert crashed.lock is not None
    crashed.lock.release()  # killed: the record says "open"

    quick = workspace.open_for_editing(demo_path, verify=False, defer=True)
    quick.close()
    record = record_of(demo_path)
    assert record is not None and record["state"] == "open"
    again = workspace.open_for_editing(demo_path, verify=False)
    assert again.check_reason == check_state.UNCLEAN
    again.close()


def test_a_deferred_read_only_open_decides_at_settle(demo_path: Path) -> None:
    opened = workspace.open_read_only(demo_path, verify=False, defer=True)
    assert opened.check_reason is None and not opened.settled
    opened.settle()
    assert opened.check_reason == check_state.UNKNOWN
    opened.close()
    assert record_of(demo_path) is None  # read-only opens record nothing
