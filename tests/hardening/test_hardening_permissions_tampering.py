"""Permissions and tampering: copies never wider than the database, unreadable files and
read-only folders said in those words, read-only looks that leave nothing behind, and a schema
changed outside ParkTracker found by ``check`` and never edited.

Issue 13, items 7, 8, 12, 17 and 26.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hardening_support import (
    cli,
    cli_process,
    digest,
    folder_state,
    wal_copy,
    wal_with_pending_changes,
    without_root_override,
)
from PySide6.QtWidgets import QApplication

from parktracker.services import backups, workspace
from parktracker.services.files import save_copy
from parktracker.storage.database import open_database

POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---------------------------------------------------------------- item 7: permissions


@pytest.fixture(params=[0o600, 0o640], ids=["private-0600", "group-0640"])
def private_db(request: pytest.FixtureRequest, demo_path: Path) -> Iterator[tuple[Path, int]]:
    old_umask = os.umask(0o022)  # new files would be 0644 by default
    os.chmod(demo_path, request.param)
    yield demo_path, request.param
    os.umask(old_umask)


@POSIX
def test_backups_keep_the_databases_permissions(private_db: tuple[Path, int]) -> None:
    path, wanted = private_db
    made = backups.backup_file(path)
    assert mode(made) == wanted
    if wanted == 0o600:
        assert mode(made.parent) == 0o700  # the backups folder is private too


@POSIX
def test_backup_out_and_save_copy_keep_the_databases_permissions(
    private_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, wanted = private_db
    run = cli(capsys, "backup", "--db", str(path), "--out", str(tmp_path / "out.db"))
    assert run.code == 0, run.err
    assert mode(tmp_path / "out.db") == wanted
    with open_database(path) as db:
        save_copy(db, tmp_path / "copy.db")
    assert mode(tmp_path / "copy.db") == wanted


@POSIX
def test_restore_keeps_the_live_databases_permissions(
    private_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, wanted = private_db
    backup = tmp_path / "wide-backup.db"
    shutil.copyfile(path, backup)
    os.chmod(backup, 0o644)
    run = cli(capsys, "restore", "--db", str(path), "--from", str(backup))
    assert run.code == 0, run.err
    assert mode(path) == wanted
    [kept] = (tmp_path / "demo-backups").iterdir()
    assert mode(kept) == wanted  # the pre-restore backup of the private file


@POSIX
def test_a_damaged_private_file_is_kept_aside_privately(
    private_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, wanted = private_db
    backup = tmp_path / "good.db"
    shutil.copyfile(path, backup)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)
    path.write_bytes(bytes(data))
    run = cli(capsys, "restore", "--db", str(path), "--from", str(backup))
    assert run.code == 0, run.err
    [kept] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert mode(kept) == wanted and mode(path) == wanted


@POSIX
def test_demo_force_keeps_the_replaced_files_permissions(
    private_db: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, wanted = private_db
    run = cli(capsys, "demo", "--db", str(path), "--force")
    assert run.code == 0, run.err
    assert mode(path) == wanted
    [kept] = (path.parent / "demo-backups").iterdir()
    assert mode(kept) == wanted


# ---------------------------------------------------------------- item 8: tampering


def _trigger_erasing_audit(conn: sqlite3.Connection) -> str:
    conn.execute(
        "CREATE TRIGGER audit_eraser AFTER INSERT ON audit_log"
        " BEGIN DELETE FROM audit_log WHERE id = new.id; END"
    )
    return "trigger audit_eraser"


def _trigger_multiplying_revenue(conn: sqlite3.Connection) -> str:
    conn.execute(
        "CREATE TRIGGER revenue_x10 AFTER INSERT ON revenue"
        " BEGIN UPDATE revenue SET amount_yuan = amount_yuan * 10 WHERE id = new.id; END"
    )
    return "trigger revenue_x10"


def _foreign_view(conn: sqlite3.Connection) -> str:
    conn.execute("CREATE VIEW park_names AS SELECT name FROM parks")
    return "view park_names"


def _foreign_index(conn: sqlite3.Connection) -> str:
    conn.execute("CREATE INDEX idx_sneaky ON projects (name)")
    return "index idx_sneaky"


def _foreign_table(conn: sqlite3.Connection) -> str:
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    return "table notes"


def _changed_own_trigger(conn: sqlite3.Connection) -> str:
    conn.execute("DROP TRIGGER project_listing_delete")
    conn.execute(
        "CREATE TRIGGER project_listing_delete AFTER DELETE ON projects"
        " BEGIN DELETE FROM project_listing; END"
    )
    return "trigger project_listing_delete (changed)"


TAMPERINGS: dict[str, Callable[[sqlite3.Connection], str]] = {
    "audit-eraser": _trigger_erasing_audit,
    "revenue-x10": _trigger_multiplying_revenue,
    "view": _foreign_view,
    "index": _foreign_index,
    "table": _foreign_table,
    "changed-own-trigger": _changed_own_trigger,
}


def tampered(template: Path, folder: Path, kind: str) -> tuple[Path, str]:
    path = folder / f"tampered-{kind}.db"
    path.write_bytes(template.read_bytes())
    conn = sqlite3.connect(path)
    part = TAMPERINGS[kind](conn)
    conn.commit()
    conn.close()
    return path, part


@pytest.mark.parametrize("kind", list(TAMPERINGS))
def test_check_reports_what_was_added_outside_parktracker(
    kind: str, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, part = tampered(demo_template, tmp_path, kind)
    before = digest(path)
    run = cli(capsys, "check", "--db", str(path))
    line = run.one_line_error()
    assert part in line and "did not create" in line
    assert "no problems found" not in run.out
    assert digest(path) == before


@pytest.mark.parametrize("kind", list(TAMPERINGS))
def test_a_tampered_file_is_refused_for_editing(
    kind: str, demo_template: Path, tmp_path: Path
) -> None:
    from parktracker.storage.errors import ForeignSchema

    path, part = tampered(demo_template, tmp_path, kind)
    before = digest(path)
    with pytest.raises(ForeignSchema) as caught:
        workspace.open_for_editing(path)
    assert part in str(caught.value)
    with pytest.raises(ForeignSchema):
        open_database(path)
    assert digest(path) == before
    assert not Path(f"{path}.lock").exists()


@pytest.mark.parametrize("kind", list(TAMPERINGS))
def test_a_tampered_file_can_still_be_looked_at_read_only(
    kind: str, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _part = tampered(demo_template, tmp_path, kind)
    run = cli(capsys, "summary", "--db", str(path), "--as-of", "2024-03-31")
    assert run.code == 0, run.err
    assert (
        run.out == cli(capsys, "summary", "--db", str(demo_template), "--as-of", "2024-03-31").out
    )


def test_a_tampered_backup_is_not_restored(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup, part = tampered(demo_path, tmp_path, "revenue-x10")
    before = digest(demo_path)
    run = cli(capsys, "restore", "--db", str(demo_path), "--from", str(backup))
    assert part in run.one_line_error()
    assert digest(demo_path) == before


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[object]:
    from parktracker.app import Controller, install_translators
    from parktracker.i18n import set_language

    set_language("zh_CN")
    ctrl = Controller(qapp)
    ctrl.translators = install_translators(qapp, "zh_CN")
    yield ctrl
    ctrl.shutdown()
    for translator in ctrl.translators:
        qapp.removeTranslator(translator)


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    """Stands in for the user at the dialog: clicks the button (exec() patched: no modal loop)."""
    from parktracker.ui.dialogs.tampered_dialog import TamperedDialog

    texts: list[str] = []

    def exec_(dialog: TamperedDialog) -> int:
        texts.append(dialog.text())
        dialog.show()
        button = dialog.read_only_button if choice == "read-only" else dialog.cancel_button
        button.click()
        return dialog.result()

    monkeypatch.setattr(TamperedDialog, "exec", exec_)
    return texts


def test_the_app_offers_to_open_a_tampered_file_read_only(
    controller: object, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, part = tampered(demo_template, tmp_path, "audit-eraser")
    before = digest(path)
    texts = _answer(monkeypatch, "read-only")
    assert controller.open(path)  # type: ignore[attr-defined]
    assert len(texts) == 1 and part in texts[0] and str(path) in texts[0]
    session = controller.session  # type: ignore[attr-defined]
    assert session is not None and session.readonly and session.db.readonly
    controller.shutdown()  # type: ignore[attr-defined]
    assert digest(path) == before


def test_cancelling_leaves_a_tampered_file_closed(
    controller: object, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _part = tampered(demo_template, tmp_path, "revenue-x10")
    texts = _answer(monkeypatch, "cancel")
    assert not controller.open(path)  # type: ignore[attr-defined]
    assert len(texts) == 1
    assert controller.session is None  # type: ignore[attr-defined]


# ---------------------------------------------------------------- item 12: unreadable file

UNREADABLE_COMMANDS = {
    "summary": ["summary", "--db", "{db}"],
    "check": ["check", "--db", "{db}"],
    "backup": ["backup", "--db", "{db}"],
    "backup-out": ["backup", "--db", "{db}", "--out", "{folder}/out.db"],
    "restore-from": ["restore", "--db", "{folder}/live.db", "--from", "{db}"],
    "chart": ["chart", "funds", "--db", "{db}", "--out", "{folder}/c.png"],
}


@pytest.fixture
def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder the test's own processes may reach once root's override is dropped."""
    folder = tmp_path_factory.mktemp("shared")
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            os.chmod(path, 0o755)


@POSIX
@pytest.mark.parametrize("command", list(UNREADABLE_COMMANDS))
def test_a_file_the_user_may_not_read_is_said_so(
    command: str, demo_template: Path, shared_folder: Path
) -> None:
    db = shared_folder / "locked.db"
    db.write_bytes(demo_template.read_bytes())
    (shared_folder / "live.db").write_bytes(demo_template.read_bytes())
    os.chmod(db, 0)
    args = [a.format(db=db, folder=shared_folder) for a in UNREADABLE_COMMANDS[command]]
    run = cli_process(*args, prefix=without_root_override())
    line = run.one_line_error()
    assert "not allowed to read" in line and str(db) in line
    assert not (shared_folder / "out.db").exists() and not (shared_folder / "c.png").exists()


# ---------------------------------------------------------------- item 17: read-only folder


@POSIX
@pytest.mark.parametrize("command", ["summary", "check"])
def test_a_healthy_wal_file_in_a_read_only_folder_is_read(
    command: str, demo_template: Path, shared_folder: Path
) -> None:
    path = wal_copy(demo_template, shared_folder / "wal.db")
    os.chmod(shared_folder, 0o555)
    before = folder_state(shared_folder)
    run = cli_process(command, "--db", str(path), prefix=without_root_override())
    assert run.code == 0, run.err
    assert "damaged" not in run.err
    assert folder_state(shared_folder) == before


@POSIX
@pytest.mark.parametrize("command", ["summary", "check", "backup-out"])
def test_a_wal_file_with_changes_in_a_read_only_folder_says_the_folder_is_read_only(
    command: str, demo_template: Path, shared_folder: Path, tmp_path: Path
) -> None:
    path = wal_with_pending_changes(demo_template, shared_folder / "wal.db", added=2)
    os.chmod(shared_folder, 0o555)
    before = folder_state(shared_folder)
    args = {
        "summary": ["summary", "--db", str(path)],
        "check": ["check", "--db", str(path)],
        "backup-out": ["backup", "--db", str(path), "--out", str(tmp_path / "o.db")],
    }[command]
    run = cli_process(*args, prefix=without_root_override())
    line = run.one_line_error()
    assert "folder is read-only" in line and "damaged" not in line
    assert folder_state(shared_folder) == before


# ---------------------------------------------------------------- item 26: no -shm left

LOOKS = {
    "summary": ["summary", "--db", "{db}"],
    "summary-json": ["summary", "--db", "{db}", "--json"],
    "check": ["check", "--db", "{db}"],
    "chart": ["chart", "pipeline", "--db", "{db}", "--out", "{out}/c.png"],
    "backup-out": ["backup", "--db", "{db}", "--out", "{out}/copy.db"],
}


@pytest.mark.parametrize("command", list(LOOKS))
def test_a_read_only_look_at_a_wal_file_leaves_nothing_beside_it(
    command: str, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    path = wal_copy(demo_template, folder / "wal.db")
    before = folder_state(folder)
    args = [a.format(db=path, out=out) for a in LOOKS[command]]
    run = cli(capsys, *args)
    assert run.code in (0, 1), run.err
    assert folder_state(folder) == before  # no wal.db-shm, no wal.db-wal


def test_the_apps_read_only_open_of_a_wal_file_leaves_nothing_beside_it(
    demo_template: Path, tmp_path: Path
) -> None:
    path = wal_copy(demo_template, tmp_path / "wal.db")
    before = folder_state(tmp_path)
    opened = workspace.open_read_only(path)
    try:
        assert opened.db.scalar("SELECT count(*) FROM parks") == 8
    finally:
        opened.close()
    assert folder_state(tmp_path) == before


def test_a_read_only_open_still_reads_what_a_wal_file_holds_in_its_wal(
    demo_template: Path, tmp_path: Path
) -> None:
    """Only a WAL file with no -wal beside it is read on its own; one with changes still in
    its -wal is read with them."""
    path = wal_with_pending_changes(demo_template, tmp_path / "wal.db", added=4)
    with open_database(demo_template, readonly=True) as plain:
        before = plain.scalar("SELECT count(*) FROM projects")
    with open_database(path, readonly=True) as db:
        assert db.scalar("SELECT count(*) FROM projects") == before + 4


APP_OPEN = (
    "import sys; from pathlib import Path; from parktracker.services.workspace import"
    " open_for_editing; from parktracker.storage.errors import StorageError\n"
    "try:\n    o = open_for_editing(Path(sys.argv[1]))\n"
    "except StorageError as e:\n    print('REFUSED', type(e).__name__, e)\n"
    "else:\n    print('OPEN', o.db.readonly, o.readonly_reason is not None); o.close()\n"
)


def _app_open(path: Path) -> str:
    import subprocess
    import sys

    from hardening_support import ROOT

    proc = subprocess.run(
        [*without_root_override(), sys.executable, "-c", APP_OPEN, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        check=False,
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout.strip()


@POSIX
def test_the_app_opens_a_wal_file_in_a_read_only_folder_read_only_with_the_reason(
    demo_template: Path, shared_folder: Path
) -> None:
    path = wal_copy(demo_template, shared_folder / "wal.db")
    os.chmod(shared_folder, 0o555)
    before = folder_state(shared_folder)
    assert _app_open(path) == "OPEN True True"
    assert folder_state(shared_folder) == before


@POSIX
def test_the_app_says_a_file_may_not_be_read(demo_template: Path, shared_folder: Path) -> None:
    path = shared_folder / "locked.db"
    path.write_bytes(demo_template.read_bytes())
    os.chmod(path, 0)
    answer = _app_open(path)
    assert answer.startswith("REFUSED DatabaseUnreadable") and "not allowed to read" in answer
    assert sorted(p.name for p in shared_folder.iterdir()) == ["locked.db"]  # no lock file
