"""Entry script of the frozen application: the same main() as the installed command."""

import os
import sys


def _persistent_matplotlib_cache() -> None:
    """PyInstaller's matplotlib hook points MPLCONFIGDIR at a new temporary folder on every
    start, so matplotlib would rebuild its font list each time (seconds, before the first
    chart). Keep it in the user's cache folder instead, as a source install does."""
    if not getattr(sys, "frozen", False):
        return
    import platformdirs

    folder = os.path.join(platformdirs.user_cache_dir("ParkTracker", appauthor=False), "matplotlib")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return  # the temporary folder set by the hook stays
    os.environ["MPLCONFIGDIR"] = folder


_persistent_matplotlib_cache()

from parktracker.cli import main  # noqa: E402

raise SystemExit(main())
