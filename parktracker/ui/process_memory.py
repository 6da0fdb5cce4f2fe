"""Process-wide settings that keep the window's memory down, made once when the UI loads.

**Module sources.** PySide6 asks, for each module imported once it is loaded, whether that
module mentions "PySide6" (for its optional ``__feature__`` switches), and finds out with
``inspect.getsource``. That reads the module through :mod:`linecache`, which keeps every line
of every such module for the life of the process: for the application with matplotlib and
numpy about 22 MB of Python strings, a sixth of the window's memory (measured with
tracemalloc on the Projects page bench). Here the same question is answered from the file's
bytes, which are not kept; modules without a source file are left to PySide6 as before.

**Large blocks.** glibc's malloc serves a block of 128 KiB or more from its own mapping, given
back when freed, but raises that limit to the size of each such block freed (up to 32 MiB):
after the first chart picture or query result is let go, the next ones come from the heap
and their freed space stays with the process. The window makes many such blocks in passing
(Agg's chart pixels, SQLite's sort buffers, query results); fixing the limit at 512 KiB
gives them back (7 MB less at the peak on the Projects page bench, on 100,000 projects;
the same as at glibc's starting 128 KiB, with fewer mappings made and filled, which cost
a few per cent of the Projects page's first query at 128 KiB). It is made here, before the
window: made once the first page was drawn (to take ctypes' ~2 ms off the start), the peak
was 5 MB higher, the window's early blocks having raised the limit already.

**One heap for every thread.** glibc gives each thread that allocates a heap (an "arena") of
its own, up to eight per core, and a freed block stays in the heap it came from. The
dashboard's fetch and chart-import threads, the warning count and the Projects page's queries
each left memory in theirs: with one heap for all, the dashboard + Projects peak on the
100,000-project file went from 166–168 MB (one run 162) to 161.5–164.3 MB (four runs), with
the redraws, the dashboard's start and the keystrokes unchanged (bench/dashboard.py and
bench/projects_page.py, before and after in one run). The threads' own work is mostly
SQLite's and Agg's, which allocate little, so they seldom wait for the heap's lock.

**Memory given back after background work.** The background jobs (the integrity check, the
daily backup, the dashboard's warning count) read through the file with connections of their
own, each with SQLite's page cache of up to 2 MiB, and free it all when they end. Freed blocks
in the middle of the heap stay with the process: about 4.5 MB after the check and the backup
of the 100,000-project file. :func:`give_back` (``malloc_trim``, about 0.5 ms there) returns
them once no job is running.

All three only on Linux with glibc; elsewhere nothing is changed.
"""

from __future__ import annotations

import ctypes
import linecache
import os
import sys
from collections.abc import Callable
from functools import cache
from types import ModuleType

_INSTALLED = "_parktracker_reads_bytes"


def install() -> None:
    """Both settings (each once; harmless where they do not apply)."""
    read_module_sources_as_bytes()
    keep_large_blocks_mapped()


_M_MMAP_THRESHOLD = -3  # glibc's malloc.h
_M_ARENA_MAX = -8
LARGE_BLOCK = 512 * 1024  # chart pictures, query results and sort buffers are larger
ARENAS = 1  # one heap for every thread


def keep_large_blocks_mapped() -> None:
    """Fix glibc's threshold for mapping large blocks at :data:`LARGE_BLOCK`, and keep every
    thread's small blocks in one heap (Linux only)."""
    mallopt = _glibc("mallopt")
    if mallopt is not None:
        mallopt(ctypes.c_int(_M_MMAP_THRESHOLD), ctypes.c_int(LARGE_BLOCK))
        mallopt(ctypes.c_int(_M_ARENA_MAX), ctypes.c_int(ARENAS))


def give_back() -> None:
    """Return the heap's free pages to the system (Linux with glibc only)."""
    trim = _glibc("malloc_trim")
    if trim is not None:
        trim(0)


@cache
def _glibc(name: str) -> Callable[..., int] | None:
    """glibc's function ``name``; None off Linux, or where the C library has no such function
    (not glibc): malloc is then left as it is."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function: Callable[..., int] = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    return function


def read_module_sources_as_bytes() -> None:
    """Answer PySide6's per-module question without filling :mod:`linecache` (once; nothing
    happens if this PySide6 has no such check), and drop the lines it kept of the modules
    loaded before it (about 2 MB; linecache reads a file again if a traceback needs it)."""
    feature = sys.modules.get("PySide6.support.feature") or sys.modules.get(
        "shibokensupport.feature"
    )
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None or getattr(upstream, _INSTALLED, False):
        return
    stdlib = os.path.dirname(os.__file__) + os.sep

    def mentions_pyside(module: ModuleType) -> bool:
        # ParkTracker's own modules never use __feature__, and Python's own library never
        # uses PySide6: both are answered at once (about 25 ms of the start otherwise).
        if getattr(module, "__name__", "").startswith("parktracker."):
            return True
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.startswith(stdlib) and "-packages" not in path:
            return False
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
