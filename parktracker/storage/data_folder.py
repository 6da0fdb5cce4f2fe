"""The user's data folder: where the default database, backups, logs and check records live.

Kept apart from :mod:`parktracker.storage.backup` so that finding the folder loads nothing else
(the GUI needs it on the way to its first paint).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "PARKTRACKER_DATA_DIR"
APP_NAME = "ParkTracker"


def user_data_dir() -> Path:
    """The user's data folder (platformdirs), or PARKTRACKER_DATA_DIR when set (tests, portable).

    :func:`parktracker.services.workspace.data_dir` returns this too."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # ~4 ms to load: only when the folder is asked for

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
