"""Backups (and backup listings) in a background thread, so the window never waits for them.

The work runs in a :class:`QThread` and opens its OWN read-only SQLite connection there (a
connection is used only in the thread that made it); the GUI's connection is not touched. The
copy goes page by page, so a save from the GUI waits for one step (a few milliseconds) at most.
Results and errors come back to the GUI thread as queued signals.

Running jobs are tracked here, so the application can wait for them before it replaces the
database file (restore) or quits: :func:`wait_all`.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from parktracker.services import backups
from parktracker.ui import process_memory

_running: set[Job] = set()


class Job(QThread):
    """Runs ``work()`` in its own thread; emits ``succeeded(result)`` or ``failed(error)``."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.finished.connect(self._done)

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported to the GUI thread, which shows it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)

    def begin(self, priority: QThread.Priority = QThread.Priority.LowPriority) -> Job:
        _running.add(self)
        self.start(priority)
        return self

    def _done(self) -> None:
        self.wait()  # "finished" is emitted just before the thread ends
        _running.discard(self)
        if not running():
            process_memory.give_back()  # what the jobs' connections freed


def start_backup(db_path: Path, reason: backups.Reason = backups.Reason.MANUAL) -> Job:
    """Back up ``db_path`` in the background; ``succeeded`` carries the backup's path."""
    path = Path(db_path)
    return Job(lambda: backups.backup_file(path, reason)).begin()


def start_listing(db_path: Path) -> Job:
    """List (and check) the backups of ``db_path`` in the background."""
    path = Path(db_path)
    return Job(lambda: backups.list_backups(path)).begin()


def running() -> int:
    return sum(1 for job in _running if job.isRunning())


def wait_all() -> None:
    """Block until every background backup has finished (before a restore, or on quit)."""
    for job in list(_running):
        job.wait()
    _running.difference_update([j for j in _running if j.isFinished()])


atexit.register(wait_all)  # a QThread destroyed while running aborts the process
