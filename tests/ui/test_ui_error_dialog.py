"""Unexpected errors are logged and shown calmly, and the data stays as it was."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from parktracker.cli import build_parser
from parktracker.services import app_log
from parktracker.storage import audit
from parktracker.storage.database import Database
from parktracker.ui.error_dialog import ErrorReporter
from parktracker.ui.session import Session


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    app_log.configure(folder=folder)
    yield folder
    for logger in (app_log.log, logging.getLogger("py.warnings")):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
    logging.captureWarnings(False)


@pytest.fixture
def reporter(log_folder: Path) -> Iterator[ErrorReporter]:
    made = ErrorReporter(None, log_folder)
    made.install()
    yield made
    made.uninstall()
    if made.dialog is not None:
        made.dialog.close()


def _state(db: Database) -> tuple[object, ...]:
    return (
        db.scalar("SELECT name FROM projects ORDER BY id LIMIT 1"),
        db.scalar("SELECT count(*) FROM audit_log"),
        db.scalar("SELECT total(amount_yuan) FROM revenue"),
    )


def test_an_exception_in_a_slot_shows_the_dialog_and_leaves_the_data(
    qtbot: QtBot, demo_db: Database, reporter: ErrorReporter, log_folder: Path
) -> None:
    session = Session(demo_db)
    first = int(demo_db.scalar("SELECT id FROM projects ORDER BY id LIMIT 1"))
    before = _state(demo_db)

    def broken_service(db: Database) -> None:
        with db.atomic():
            audit.update(db, "projects", first, {"name": "half-written"})
            raise RuntimeError("boom in the middle of a write")

    button = QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: session.perform("Broken operation", broken_service))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    text = dialog.message.text()
    assert "数据是安全的" in text or "data is safe" in text
    assert _state(demo_db) == before  # rolled back: the name, the audit log, the figures
    assert session.undo_stack.count() == 0  # nothing half-done to undo

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "RuntimeError: boom in the middle of a write" in copied
    assert copied.startswith("ParkTracker ")
    logged = (log_folder / app_log.LOG_FILE).read_text(encoding="utf-8")
    assert "RuntimeError: boom in the middle of a write" in logged
    assert "operation 'Broken operation' failed" in logged


def test_a_second_error_joins_the_open_dialog(qtbot: QtBot, reporter: ErrorReporter) -> None:
    for message in ("first failure", "second failure"):
        try:
            raise ValueError(message)
        except ValueError as exc:
            reporter.handle(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    details = reporter.dialog.details.toPlainText()
    assert "first failure" in details and "second failure" in details


def test_an_exception_in_a_worker_thread_reaches_the_gui_thread(
    qtbot: QtBot, reporter: ErrorReporter, log_folder: Path
) -> None:
    def work() -> None:
        raise OSError("worker failed")

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    assert "OSError: worker failed" in reporter.dialog.details.toPlainText()
    assert "worker failed" in (log_folder / app_log.LOG_FILE).read_text(encoding="utf-8")


def test_the_log_rotates_at_its_size_limit(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    try:
        path = app_log.configure(folder=folder, max_bytes=4_000)
        assert path == folder / app_log.LOG_FILE
        for index in range(400):
            app_log.log.info("record %04d of a long session", index)
    finally:
        for handler in list(app_log.log.handlers):
            app_log.log.removeHandler(handler)
            handler.close()
        logging.captureWarnings(False)
    files = sorted(p.name for p in folder.iterdir())
    assert files == [
        "parktracker.log",
        "parktracker.log.1",
        "parktracker.log.2",
        "parktracker.log.3",
        "parktracker.log.4",
        "parktracker.log.5",
    ]
    assert all((folder / name).stat().st_size <= 4_000 for name in files)
    assert "record 0399" in (folder / "parktracker.log").read_text(encoding="utf-8")


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    assert app_log.configure(folder=blocker / "logs") is None


def test_debug_raises_the_log_level(tmp_path: Path) -> None:
    assert build_parser().parse_args(["--debug"]).debug is True
    try:
        app_log.configure(folder=tmp_path, debug=True)
        assert app_log.log.getEffectiveLevel() == logging.DEBUG
        app_log.configure(folder=tmp_path)
        assert app_log.log.getEffectiveLevel() == logging.INFO
        assert len(app_log.log.handlers) == 1  # configuring again replaces, never adds
    finally:
        for handler in list(app_log.log.handlers):
            app_log.log.removeHandler(handler)
            handler.close()
        logging.captureWarnings(False)


def test_what_is_logged_before_the_file_opens_is_written_into_it_first(tmp_path: Path) -> None:
    """The GUI holds its records in memory until its first page is drawn, then opens the file:
    nothing logged in between is lost, and the order stays."""
    folder = tmp_path / "logs"
    try:
        app_log.hold()
        app_log.log.info("starting, before the file is opened")
        assert app_log.held() and not folder.exists()
        assert app_log.configure(folder=folder) == folder / app_log.LOG_FILE
        assert not app_log.held()
        app_log.log.info("after the first paint")
        assert len(app_log.log.handlers) == 1
    finally:
        for handler in list(app_log.log.handlers):
            app_log.log.removeHandler(handler)
            handler.close()
        logging.captureWarnings(False)
    text = (folder / app_log.LOG_FILE).read_text(encoding="utf-8")
    assert text.index("starting, before the file is opened") < text.index("after the first paint")
