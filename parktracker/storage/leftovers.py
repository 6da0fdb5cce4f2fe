"""Temporary files that a killed ParkTracker left behind, removed at the next open.

A restore stages the backup as ``.<name>.restoring-<pid>``, a new database is built as
``.<name>.creating-<pid>``, and every copy or backup is written as
``.<target>.saving-<pid>-<thread>``; each is renamed or removed when its operation ends. A
process killed in between leaves it, as large as the database. The next time the database is
opened for editing, restored or backed up, the leftovers whose process is gone are removed.

This runs while the caller holds the database's lock, so no other ParkTracker (on this or
another computer) is writing them at that moment.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from parktracker.storage.lock import _pid_alive

_BESIDE = re.compile(
    r"\.(?:restoring|creating)-(\d+)(?:-journal)?$|\.saving-(\d+)-\d+(?:-journal)?$"
)


def _dead(match: re.Match[str]) -> bool:
    pid = int(match.group(1) or match.group(2))
    return pid != os.getpid() and not _pid_alive(pid)


def remove_dead(db_path: Path) -> list[Path]:
    """Remove the leftovers of dead processes beside ``db_path`` and in its backup folders;
    returns what was removed."""
    from parktracker.storage.backup import backup_folders, backup_key

    db_path = Path(os.path.realpath(db_path))
    places = [(db_path.parent, f".{db_path.name}.")]
    places += [(folder, f".{backup_key(db_path)}-") for folder in backup_folders(db_path)]
    removed = []
    for folder, prefix in places:
        try:
            names = [n for n in os.listdir(folder) if n.startswith(prefix)]
        except OSError:
            continue
        for name in names:
            match = _BESIDE.search(name)
            if match is None or not _dead(match):
                continue
            with contextlib.suppress(OSError):
                (folder / name).unlink()
                removed.append(folder / name)
    return removed
