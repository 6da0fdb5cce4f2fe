"""matplotlib and the chart builders, imported off the GUI thread.

Importing them takes about 0.4 s (numpy, matplotlib, its fonts). Done in the GUI thread after
the window's first paint, that was 0.4 s in which the window ignored the keyboard and mouse;
in a background thread the event loop keeps running (the thread shares the interpreter lock,
so the import takes about as long, but the window stays usable). :func:`load_charts` calls
back in the GUI thread when the modules are there. If the import fails, the callback runs
anyway: the dashboard then imports in the GUI thread and reports the error as before. The same
thread reads the charts' text work kept from the last session (:func:`keep_text_work`).

matplotlib registers its 3-D projection when it loads, which imports ``mpl_toolkits.mplot3d``
(about 80 ms of the import's 0.55 s of CPU time, and 1 MB). The charts are flat: here the
3-D toolkit is kept out of that import (matplotlib then goes without the 3-D projection, as it
does when the toolkit is missing), and can still be imported by name afterwards.

While its modules load, matplotlib also writes the docstrings of its artists' ``set`` methods
and keyword arguments: it inspects every setter of every artist class and parses its docstring
(``matplotlib.artist.kwdoc``), about 20 % of the import's CPU time, for text only ``help()``
shows. Here those lists are left out of the docstrings written during the import (the classes,
their methods and signatures are the same); ``kwdoc`` itself works as before afterwards.
"""

from __future__ import annotations

import atexit
import contextlib
import sys
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

MODULES = (
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
    "parktracker.charts.build",
    "parktracker.charts.options",
    "parktracker.charts.investment",
    "parktracker.charts.revenue_progress",
    "parktracker.charts.pipeline",
    "parktracker.charts.funds",
    "parktracker.charts.monthly",
)


class _Relay(QObject):
    """Carries "done" from the import thread to the GUI thread (a queued signal)."""

    done = Signal()


_relay: _Relay | None = None
_waiting: list[Callable[[], None]] = []
_lock = threading.Lock()
_running = False


def loaded() -> bool:
    return all(name in sys.modules for name in MODULES)


def load_charts(callback: Callable[[], None]) -> None:
    """Call ``callback`` in the GUI thread once the chart modules are imported (at once, in
    the next turn of the event loop, if they already are)."""
    global _relay, _running  # noqa: PLW0603 - one import per process
    if loaded():
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject):
            QTimer.singleShot(0, owner, callback)  # dropped if the page goes first
        else:
            QTimer.singleShot(0, callback)
        return
    with _lock:
        _waiting.append(callback)
        if _running:
            return
        _running = True
    if _relay is None:
        _relay = _Relay()
        _relay.done.connect(_finished)
    threading.Thread(target=_import, args=(_relay,), name="chart-import", daemon=True).start()


def _import(relay: _Relay) -> None:
    with contextlib.suppress(Exception):  # the GUI thread imports again and reports it
        import_modules()
        keep_text_work()
    relay.done.emit()


TEXT_STORE = Path("cache") / "chart-text.bin"  # in the user's data folder
_keeping: list[Path] = []


def text_store_path() -> Path:
    from parktracker.services.workspace import data_dir

    return data_dir() / TEXT_STORE


def keep_text_work() -> None:
    """Start from the charts' text work kept last session (:mod:`parktracker.charts.text_store`)
    and keep this session's for the next, written when the process ends. Once per process."""
    from parktracker.charts import text_store

    if _keeping:
        return
    path = text_store_path()
    _keeping.append(path)
    text_store.load(path)
    atexit.register(text_store.save, path)


THREE_D = "mpl_toolkits.mplot3d"


def import_modules() -> None:
    """Import :data:`MODULES`; matplotlib, if not loaded yet, without its 3-D toolkit and
    without the property lists in its artists' docstrings."""
    fresh = "matplotlib.projections" not in sys.modules
    hide = fresh and THREE_D not in sys.modules
    if hide:
        sys.modules[THREE_D] = None  # type: ignore[assignment] # "import" raises ImportError
        # matplotlib says so once, as a warning meant for a broken installation.
        warnings.filterwarnings("ignore", "Unable to import Axes3D", UserWarning)
    kwdoc = _skip_kwdoc() if fresh else None
    try:
        for name in MODULES:
            __import__(name)
    finally:
        if hide and THREE_D in sys.modules and sys.modules[THREE_D] is None:
            del sys.modules[THREE_D]  # importable by name again
        if kwdoc is not None:
            import matplotlib.artist

            matplotlib.artist.kwdoc = kwdoc


def _skip_kwdoc() -> Callable[..., str] | None:
    """Make ``matplotlib.artist.kwdoc`` (the property list of an artist class, for docstrings)
    answer an empty text; returns the real one, to be put back (None if there is none)."""
    try:
        import matplotlib.artist
    except Exception:  # the import proper reports it
        return None
    kwdoc = getattr(matplotlib.artist, "kwdoc", None)
    if not callable(kwdoc):
        return None
    matplotlib.artist.kwdoc = _no_kwdoc
    return kwdoc  # type: ignore[no-any-return]


def _no_kwdoc(artist: object) -> str:
    del artist
    return ""


def _finished() -> None:
    global _running  # noqa: PLW0603
    with _lock:
        callbacks = list(_waiting)
        _waiting.clear()
        _running = False
    for callback in callbacks:
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            continue  # its page was closed while matplotlib loaded
        callback()
