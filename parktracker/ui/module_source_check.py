"""Stop PySide6 keeping the source text of every module imported after it.

PySide6 asks, for each module imported once it is loaded, whether that module mentions
"PySide6" (for its optional ``__feature__`` switches), and finds out with
``inspect.getsource``. That reads the module through :mod:`linecache`, which keeps every line
of every such module for the life of the process: for the application with matplotlib and
numpy about 22 MB of Python strings, a sixth of the window's memory (measured with
tracemalloc on the Projects page bench). Here the same question is answered from the file's
bytes, which are not kept; modules without a source file are left to PySide6 as before.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

_INSTALLED = "_parktracker_reads_bytes"


def install() -> None:
    """Answer PySide6's per-module question without filling :mod:`linecache` (once; nothing
    happens if this PySide6 has no such check), and drop the lines it kept of the modules
    loaded before it (about 2 MB; linecache reads a file again if a traceback needs it)."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None or getattr(upstream, _INSTALLED, False):
        return

    def mentions_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(upstream(module))

    setattr(mentions_pyside, _INSTALLED, True)
    vars(feature)["_mod_uses_pyside"] = mentions_pyside
    linecache.clearcache()
