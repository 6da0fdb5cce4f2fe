"""Disk full and unwritable places: a write that fails raises WriteFailed with a clear message,
leaves the database as it was and the session usable (the same save succeeds once there is
room), and a failed copy leaves any previous file of that name untouched.

Full disks are made three ways: ``PRAGMA max_page_count`` (the database may not grow: the
failure comes while a statement allocates a page), RLIMIT_FSIZE in a writer process (writes
past the limit fail with EFBIG: the failure comes at COMMIT, when the pages reach the file),
and a 256 KB tmpfs in a private mount namespace (ENOSPC; run where that is allowed).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from safety_support import (
    SCHEMAS,
    digest,
    integrity,
    recover,
    run_and_kill,
    run_to_end,
    snapshot,
    snapshot_of,
)

from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services import projects
from parktracker.services.files import save_copy
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import parks
from parktracker.storage.database import Database, open_database
from parktracker.storage.errors import WriteFailed

NO_LIMIT = 1_073_741_823  # SQLite's default max_page_count


def big_project(db: Database) -> None:
    """A form save whose notes (about 300 KB) need new pages."""
    park = parks.all_parks(db)[0]
    assert park.id is not None
    project = Project(
        park_id=park.id,
        name="磁盘已满测试项目",
        stage=Stage.SIGNED,
        planned_total=Money.yi(12),
        signed_date=dt.date(2024, 2, 1),
        notes="项目备注" * 25_000,
    )
    projects.create_project(db, project=project)


def pasted_revenue(db: Database) -> None:
    """A pasted block of 96 revenue cells for a year with no figures yet."""
    cells = [
        RevenueCell(park.id, YearMonth(2025, month), Money.wan(120_000 + month))
        for park in parks.all_parks(db)
        if park.id is not None
        for month in range(1, 13)
    ]
    set_monthly(db, cells=cells)


WRITES: dict[str, Callable[[Database], None]] = {"project": big_project, "revenue": pasted_revenue}


def fill_up(db: Database) -> None:
    """No page may be added to the file from now on."""
    pages = db.scalar("PRAGMA page_count")
    assert db.scalar(f"PRAGMA max_page_count = {pages}") == pages


@pytest.mark.parametrize("write", list(WRITES))
def test_full_database_refuses_the_write_and_stays_usable(write: str, demo_db: Database) -> None:
    before = snapshot_of(demo_db.conn)
    fill_up(demo_db)

    with pytest.raises(WriteFailed) as caught:
        WRITES[write](demo_db)

    assert "full" in str(caught.value)
    assert "Nothing was changed" in str(caught.value)
    assert not demo_db.conn.in_transaction
    assert integrity(demo_db.conn) == ["ok"]
    assert snapshot_of(demo_db.conn) == before
    # Room again (space freed): the same save succeeds on the same connection.
    demo_db.scalar(f"PRAGMA max_page_count = {NO_LIMIT}")
    WRITES[write](demo_db)
    assert snapshot_of(demo_db.conn) != before
    assert integrity(demo_db.conn) == ["ok"]


def test_session_and_undo_stack_stay_as_they_were(demo_db: Database, qtbot: object) -> None:
    """The GUI's path: Session.perform raises the WriteFailed (the form shows it and keeps the
    input), pushes no undo step and announces no change; the retry is one undoable step."""
    from parktracker.ui.session import Session

    session = Session(demo_db)
    announced: list[object] = []
    session.changed.connect(announced.append)
    before = snapshot_of(demo_db.conn)
    fill_up(demo_db)

    with pytest.raises(WriteFailed):
        session.perform("新建项目", big_project)

    assert session.undo_stack.count() == 0
    assert announced == []
    assert snapshot_of(demo_db.conn) == before
    demo_db.scalar(f"PRAGMA max_page_count = {NO_LIMIT}")
    session.perform("新建项目", big_project)
    assert session.undo_stack.count() == 1
    assert announced
    session.undo()
    after_undo = snapshot_of(demo_db.conn)
    assert after_undo["projects"] == before["projects"]
    assert after_undo["project_stage_history"] == before["project_stage_history"]


@pytest.mark.slow
@pytest.mark.parametrize("retry", [False, True], ids=["closed", "retried"])
@pytest.mark.parametrize("room", ["cannot-grow", "cannot-rewrite"])
@pytest.mark.parametrize("scenario", ["project", "revenue"])
def test_disk_full_at_commit(
    scenario: str, room: str, retry: bool, demo_template: Path, tmp_path: Path
) -> None:
    """The writer process may write no byte past the limit: the file's size ("cannot-grow",
    as on a full disk), or half of it ("cannot-rewrite", as on a full copy-on-write file
    system, where even rewriting a page needs free space). The commit fails part way through
    writing pages; SQLite rolls back from the journal (at once, or on the next open when even
    that could not be written). The writer gets WriteFailed, not a raw sqlite3 error; after it
    the file holds nothing of the change, or, after the retry, all of it."""
    work = tmp_path / "work.db"
    work.write_bytes(demo_template.read_bytes())
    before = snapshot(work)
    reference = run_and_kill(scenario, work)
    assert reference.returncode == -9 and reference.done, reference.describe()
    after = snapshot(work)

    work.write_bytes(demo_template.read_bytes())
    Path(f"{work}-journal").unlink(missing_ok=True)
    size = work.stat().st_size
    limit = size if room == "cannot-grow" else size // 2
    options = ["--fsize-limit", str(limit)] + (["--retry"] if retry else [])
    run = run_to_end(scenario, work, *options)

    assert run.returncode == 0, run.describe()
    assert run.lines[0].startswith("FAILED WriteFailed: "), run.describe()
    assert "Nothing was changed" in run.lines[0]
    assert run.lines[1] == "IN-TRANSACTION False"
    if retry:
        assert run.lines[2:] == ["QUICK-CHECK ok", "RETRIED", "END"], run.describe()
    problems, state = recover(work)
    assert problems == ["ok"]
    assert state == (after if retry else before)
    open_database(work).close()


# ---------------------------------------------------------------- copies (exports, backups)


def test_copy_to_dev_full_is_refused_and_the_device_left_alone(demo_db: Database) -> None:
    """A copy is written beside its target and renamed over it; onto /dev/full (or /dev/null)
    that rename would replace the device itself, so a target that is not a regular file is
    refused before anything is written."""
    device = Path("/dev/full")
    if not device.exists():
        pytest.skip("no /dev/full here")
    before = os.stat(device)
    litter = sorted(p.name for p in Path("/dev").glob(".full.*"))

    with pytest.raises(WriteFailed) as caught:
        save_copy(demo_db, device)

    assert "not a regular file" in str(caught.value)
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert sorted(p.name for p in Path("/dev").glob(".full.*")) == litter


def test_copy_on_a_full_disk_leaves_the_previous_file(demo_template: Path, tmp_path: Path) -> None:
    """save_copy in a process that may write no byte past 200 KB (the copy is 640 KB): it
    fails with WriteFailed, the previous file of that name is unchanged, and no temporary
    file is left behind."""
    source = tmp_path / "source.db"
    source.write_bytes(demo_template.read_bytes())
    copies = tmp_path / "copies"
    copies.mkdir()
    target = copies / "导出副本.db"
    shutil.copyfile(SCHEMAS / "v2.db", target)
    previous = digest(target)
    source_digest = digest(source)

    run = run_to_end("backup", source, "--target", str(target), "--fsize-limit", str(200 * 1024))

    assert run.returncode == 0, run.describe()
    assert run.lines[0].startswith("FAILED WriteFailed: "), run.describe()
    assert str(target) in run.lines[0]
    assert digest(target) == previous
    assert [p.name for p in copies.iterdir()] == [target.name]
    assert digest(source) == source_digest


TMPFS_COPY = """
import hashlib, json, sqlite3, sys
from pathlib import Path
from parktracker.services.files import save_copy
from parktracker.storage.database import open_database
from parktracker.storage.errors import WriteFailed
source, target = Path(sys.argv[1]), Path(sys.argv[2])
conn = sqlite3.connect(target)  # the previous export: a small database
conn.execute("CREATE TABLE previous (n INTEGER)")
conn.execute("INSERT INTO previous VALUES (1)")
conn.commit()
conn.close()
before = hashlib.sha256(target.read_bytes()).hexdigest()
error = None
with open_database(source, readonly=True) as db:
    try:
        save_copy(db, target)
    except WriteFailed as exc:
        error = str(exc)
print(json.dumps({
    "error": error,
    "previous_kept": hashlib.sha256(target.read_bytes()).hexdigest() == before,
    "files": sorted(p.name for p in target.parent.iterdir()),
}))
"""


def test_copy_to_a_full_file_system_leaves_the_previous_file(
    demo_template: Path, tmp_path: Path
) -> None:
    """A real full disk (ENOSPC): a 256 KB tmpfs mounted in a private mount namespace, which
    needs root (CI runs as root; elsewhere this is skipped)."""
    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare(1) to mount a small tmpfs privately")
    small = tmp_path / "small"
    small.mkdir()
    source = tmp_path / "source.db"
    source.write_bytes(demo_template.read_bytes())
    script = (
        f"mount -t tmpfs -o size=256k tmpfs {small} && "
        f'exec "$0" -c "$1" {source} {small / "导出.db"}'
    )
    proc = subprocess.run(
        [unshare, "--mount", "sh", "-c", script, sys.executable, TMPFS_COPY],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if proc.returncode != 0 and "mount" in proc.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["error"] is not None and "full" in result["error"], result
    assert result["previous_kept"], result
    assert result["files"] == ["导出.db"], result
    assert list(small.iterdir()) == []  # the tmpfs was private to that process


def test_copy_into_a_missing_folder_fails_cleanly(demo_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "不存在的文件夹" / "副本.db"
    with pytest.raises(WriteFailed) as caught:
        save_copy(demo_db, target)
    assert str(target) in str(caught.value)
    assert not target.parent.exists()


def test_read_only_database_file_is_not_written(demo_path: Path) -> None:
    """Unwritable location, as root cannot be stopped by permissions: a read-only open really
    cannot write (SQLite's mode=ro), and the write fails cleanly without touching the file."""
    before = digest(demo_path)
    with open_database(demo_path, readonly=True) as db:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.conn.execute("UPDATE parks SET notes = 'x'")
        assert integrity(db.conn) == ["ok"]
    assert digest(demo_path) == before
