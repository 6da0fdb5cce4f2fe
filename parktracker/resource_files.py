"""Where the data package ``parktracker.resources`` (fonts, icons, translations, the demo file)
is on disk.

Without importlib.resources on the way to the first paint: it imports zipfile, shutil, bz2 and
lzma (about 15 ms). The package is a folder in every way ParkTracker is installed (pip, an
editable install, the frozen bundle); if it ever is not, importlib.resources finds it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    """The folder of ``parktracker.resources``."""
    try:
        import parktracker.resources as package

        for entry in getattr(package, "__path__", ()):
            if Path(entry).is_dir():
                return Path(entry)
    except ImportError:
        pass
    from importlib import resources

    return Path(str(resources.files("parktracker.resources")))


def resource_path(*parts: str) -> Path:
    """A file or folder under ``parktracker.resources``, e.g. ``resource_path("icons")``."""
    return resource_root().joinpath(*parts)
