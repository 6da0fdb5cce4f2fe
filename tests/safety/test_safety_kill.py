"""Crash safety: a writer killed with SIGKILL in the middle of a write leaves a database that
passes SQLite's integrity check and holds the change wholly or not at all.

The writer (``_writer_script.py``) is a separate process that writes through ParkTracker's own
API and says when it has reached its signal point inside the transaction; the test then kills
it. Every kill must land (return code -9): a writer that had finished proves nothing. Kill
points per write: inside the transaction after a quarter, a half... of its statements
("sleep": it waits there, so the kill certainly lands mid-transaction), as COMMIT starts, and
"run" points where the writer carries on and the kill lands after a delay of 0-10 ms: in the
middle of the remaining statements, of the commit's journal writes and syncs, or after it.

After each kill the file is opened read-write as the app would (SQLite rolls back a hot
journal then) and compared with the file before the write and with the result of the same
write run to its end: it must equal one of the two exactly (every row of every table).
"""

from __future__ import annotations

import math
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from safety_support import (
    SCHEMAS,
    Snapshot,
    Tally,
    WriterRun,
    classify,
    differences,
    digest,
    landing_zone,
    recover,
    run_and_kill,
    snapshot,
)

from parktracker.services.check import check_database, is_blocking
from parktracker.storage.database import open_database
from parktracker.storage.errors import StorageError
from parktracker.storage.schema import migrations
from parktracker.storage.versions import SCHEMA_VERSION

RUN_DELAYS = (0.0, 0.0003, 0.0006, 0.0009, 0.0012, 0.0016, 0.003, 0.008)
MID_DELAYS = (0.0, 0.002)


def kill_points(statements: int) -> list[tuple[str, str, float]]:
    """(at, then, delay) for a transaction of ``statements`` statements."""
    inside = sorted({1, statements // 4, statements // 2, statements - 1})
    points = [(str(n), "sleep", 0.0) for n in inside]
    points.append(("commit", "sleep", 0.0))
    points += [("commit", "run", delay) for delay in RUN_DELAYS]
    points += [(str(statements // 2), "run", delay) for delay in MID_DELAYS]
    return points


def least_inside(points: list[tuple[str, str, float]], share: float = 0.5) -> int:
    """How many kills must land inside the write: every "sleep" point (the writer waits
    there) and ``share`` of the "run" points (the delays are chosen to hit the write)."""
    sleeps = sum(1 for _at, then, _delay in points if then == "sleep")
    return sleeps + math.ceil((len(points) - sleeps) * share)


def reference(scenario: str, source: Path, work: Path) -> tuple[Snapshot, Snapshot, int]:
    """The file's content before the write, after it ran to its end, and its statement count."""
    work.write_bytes(source.read_bytes())
    before = snapshot(work)
    run = run_and_kill(scenario, work)
    assert run.returncode == -9 and run.done, run.describe()
    after = snapshot(work)
    assert after != before, "the write changed nothing"
    return before, after, run.statements


def upgraded_to(sample: Path, version: int, folder: Path) -> Snapshot:
    """The sample's content after its migrations up to ``version`` (and no further; for the
    last version: before the database id, which is given after the migrations, on its own)."""
    path = folder / f"upgraded-to-{version}.db"
    path.write_bytes(sample.read_bytes())
    names = [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]
    conn = sqlite3.connect(path)
    try:
        stop = names[version] if version < len(names) else None
        migrations.apply(sqlite_utils.Database(conn), stop_before=stop)
    finally:
        conn.close()
    return snapshot(path)


def judge(
    tally: Tally,
    point: str,
    run: WriterRun,
    *,
    path: Path,
    original: str,
    states: tuple[Snapshot, Snapshot],
    between: dict[str, Snapshot] | None = None,
) -> str:
    """Classify one kill's result and record it; returns the outcome: "before", "after", a
    name from ``between`` (states that are whole too: a migration of several steps), or a
    failure in capitals."""
    before, after = states
    if run.returncode != -9 or not (run.begun or run.done):
        tally.add(point, "NOT-KILLED", run.describe())
        return "NOT-KILLED"
    zone = landing_zone(path, original)
    tally.landed[zone] += 1
    # Several migrations commit one by one: an earlier one's commit leaves a changed file while
    # the kill lands inside a later one, so only the writer's markers tell the window there.
    tally.window(point, run, "" if between else zone)
    as_the_app = path.with_name("app") / path.name  # the same files, opened by ParkTracker
    as_the_app.parent.mkdir(exist_ok=True)
    for name in (path.name, f"{path.name}-journal"):
        if (path.parent / name).exists():
            shutil.copyfile(path.parent / name, as_the_app.parent / name)
        else:
            (as_the_app.parent / name).unlink(missing_ok=True)
    problems, state = recover(path)
    if problems != ["ok"]:
        tally.add(point, "CORRUPT", f"{problems[:3]} {run.describe()}")
        return "CORRUPT"
    outcome = classify(state, before, after)
    for name, whole in (between or {}).items():
        if outcome == "PARTIAL" and state == whole:
            outcome = name
    if outcome == "before" and run.done:
        outcome = "LOST-AFTER-DONE"  # the writer had committed, yet its change is gone
    detail = f"{differences(state, before)} {run.describe()}"
    try:
        open_database(as_the_app).close()  # after a crash, the app's own open must succeed
    except StorageError as exc:
        outcome, detail = "REFUSED", f"{exc} {run.describe()}"
    tally.add(point, outcome, detail)
    return outcome


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["project", "revenue", "delete"])
def test_kill_during_a_service_write_leaves_all_or_nothing(
    scenario: str, demo_template: Path, tmp_path: Path
) -> None:
    """Form save (project with history, months and plans), a pasted revenue block of 96
    cells, and a delete with all its children."""
    work = tmp_path / "work.db"
    before, after, statements = reference(scenario, demo_template, work)
    assert statements >= 20, statements
    tally = Tally(scenario)
    original = digest(demo_template)
    for at, then, delay in kill_points(statements):
        work.write_bytes(demo_template.read_bytes())
        run = run_and_kill(scenario, work, at=at, then=then, delay=delay)
        outcome = judge(
            tally, f"{at}/{then}", run, path=work, original=original, states=(before, after)
        )
        if then == "sleep":  # it never got to commit: nothing of it may be there
            assert outcome == "before", tally.summary()
    tally.report()
    tally.require_inside(least_inside(kill_points(statements)))
    # The file is still a sound ParkTracker database: it opens and passes the full check.
    with open_database(work) as db:
        assert [f.render() for f in check_database(db) if is_blocking(f)] == []


@pytest.mark.slow
def test_kill_while_a_growing_transaction_commits(demo_template: Path, tmp_path: Path) -> None:
    """400 new rows with long notes (about 2.5 MB): the commit writes page 1, with the new
    page count, before the pages that extend the file, so a kill in between leaves a file
    shorter than its header says, with a hot journal beside it. SQLite rolls that back;
    ParkTracker must not refuse it as truncated first (it did, before its size checks waited
    for SQLite's rollback). The delays aim at that window (3-4 ms into the commit here)."""
    work = tmp_path / "work.db"
    rows = ("--rows", "400", "--notes", "1000")
    work.write_bytes(demo_template.read_bytes())
    before = snapshot(work)
    run = run_and_kill("bulk", work, options=rows)
    assert run.returncode == -9 and run.done, run.describe()
    after = snapshot(work)
    assert work.stat().st_size > 2 * demo_template.stat().st_size  # the write grew the file
    tally = Tally("growing commit")
    original = digest(demo_template)
    for delay in (0.0, 0.002, 0.0025, 0.003, 0.0035, 0.004, 0.0045, 0.005, 0.006, 0.008):
        work.write_bytes(demo_template.read_bytes())
        run = run_and_kill("bulk", work, at="commit", then="run", delay=delay, options=rows)
        point = f"commit/run {delay * 1000:g} ms"
        judge(tally, point, run, path=work, original=original, states=(before, after))
    tally.report()
    tally.require_inside(5)  # at least half of the delays aimed at the commit hit it


@pytest.mark.slow
@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_kill_during_a_migration_leaves_the_old_version(version: int, tmp_path: Path) -> None:
    """An older sample being upgraded: a kill leaves it at its version, intact (or, after a
    migration's commit, upgraded by whole migrations: each one commits on its own), and it
    opens and upgrades fine afterwards."""
    sample = SCHEMAS / f"v{version}.db"
    work = tmp_path / "work.db"
    before, after, statements = reference("migrate", sample, work)
    assert before["user_version"] == version
    assert after["user_version"] == SCHEMA_VERSION
    between = {  # the last: every migration committed, the database id not yet given
        f"v{k}": upgraded_to(sample, k, tmp_path) for k in range(version + 1, SCHEMA_VERSION + 1)
    }
    tally = Tally(f"migrate v{version}")
    original = digest(sample)
    for at, then, delay in kill_points(statements):
        work.write_bytes(sample.read_bytes())
        run = run_and_kill("migrate", work, at=at, then=then, delay=delay)
        outcome = judge(
            tally,
            f"{at}/{then}",
            run,
            path=work,
            original=original,
            states=(before, after),
            between=between,
        )
        if then == "sleep":  # inside a migration: at most the ones before it are there
            assert outcome == "before" or outcome in between, tally.summary()
        if outcome in {"before", "after", *between}:
            with open_database(work) as db:  # the next start upgrades it (again, or not at all)
                assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION
            assert snapshot(work) == after, f"{at}/{then}: {tally.summary()}"
    tally.report()
    tally.require_inside(least_inside(kill_points(statements)))


@pytest.mark.slow
@pytest.mark.parametrize("previous", [False, True], ids=["new-target", "existing-target"])
def test_kill_during_a_backup_leaves_nothing_or_a_whole_copy(
    previous: bool, demo_template: Path, tmp_path: Path
) -> None:
    """save_copy killed while copying pages or just before its rename: the target holds
    nothing (or its previous content) or a complete, valid copy; the source is untouched."""
    source = tmp_path / "source.db"
    source.write_bytes(demo_template.read_bytes())
    source_digest = digest(source)
    source_state = snapshot(source)
    assert digest(source) == source_digest
    old_bytes = (SCHEMAS / "v2.db").read_bytes() if previous else None
    folder = tmp_path / "copies"
    folder.mkdir()
    target = folder / "copy.db"

    def reset_target() -> None:
        shutil.rmtree(folder)
        folder.mkdir()
        if old_bytes is not None:
            target.write_bytes(old_bytes)

    reset_target()
    run = run_and_kill("backup", source, options=("--target", str(target)))
    assert run.returncode == -9 and run.done, run.describe()
    steps = run.statements
    assert steps >= 4, steps
    assert snapshot(target) == source_state

    points = [(str(n), "sleep", 0.0) for n in sorted({1, steps // 2, steps - 1})]
    points.append(("commit", "sleep", 0.0))
    points += [("1", "run", delay) for delay in (0.0, 0.001, 0.003, 0.008)]
    points += [("commit", "run", delay) for delay in (0.0, 0.0002, 0.001)]
    tally = Tally("backup" + (" over an existing file" if previous else ""))
    for at, then, delay in points:
        reset_target()
        run = run_and_kill(
            "backup", source, at=at, then=then, delay=delay, options=("--target", str(target))
        )
        point = f"{at}/{then}"
        if run.returncode != -9 or not (run.begun or run.done):
            tally.add(point, "NOT-KILLED", run.describe())
            continue
        assert digest(source) == source_digest, "the source was changed"
        others = sorted(p.name for p in folder.iterdir() if p != target)
        # A killed copy may leave its temporary file (".copy.db.saving-<pid>"), never a target
        # that is half written.
        assert all(name.startswith(".copy.db.saving-") for name in others), others
        if not target.exists():
            outcome = "old" if old_bytes is None else "MISSING"
        elif old_bytes is not None and target.read_bytes() == old_bytes:
            outcome = "old"
        else:
            problems, state = recover(target)
            outcome = "new" if problems == ["ok"] and state == source_state else "BROKEN"
        if outcome == "old" and run.done:
            outcome = "LOST-AFTER-DONE"
        if then == "sleep" and outcome == "new":
            outcome = "RENAMED-TOO-EARLY"
        tally.window(point, run, "")
        tally.add(point, outcome, run.describe())
    tally.report()
    tally.require_inside(least_inside(points, share=0.25))  # a rename is quick to miss
