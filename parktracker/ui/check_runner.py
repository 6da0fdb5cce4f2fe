"""The full integrity check of an open file, in a background thread after the window shows.

It runs as a :class:`~parktracker.ui.backup_runner.Job` (its own thread and its own read-only
connection; tracked, so quitting or restoring waits for it). ``succeeded`` carries None for a
sound file or the :class:`~parktracker.storage.errors.DatabaseDamaged` found.
"""

from __future__ import annotations

from pathlib import Path

from parktracker.services import file_check
from parktracker.ui.backup_runner import Job


def start_check(db_path: Path) -> Job:
    path = Path(db_path)
    return Job(lambda: file_check.check_file(path)).begin()
