"""The Qt user interface: the only package that imports PySide6 widgets.

Importing it tells PySide6 that ParkTracker's own modules use it, so that PySide6 does not read
each one's source file to find out (:func:`_known_to_use_pyside`).
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - sets up PySide6's import hook, adjusted below


def _known_to_use_pyside() -> None:
    """PySide6 (6.4 and later) reads the whole source file of every module imported after it,
    to look for the word "PySide6" (whether the module may use ``from __feature__ import``):
    about 25 ms of the start, for ParkTracker's own modules and Python's library. ParkTracker's
    own modules never use ``__feature__`` and Python's library never uses PySide6: for them the
    answer is given at once; for every other module PySide6 still looks. If PySide6 no longer
    works this way, nothing is changed."""
    feature = sys.modules.get("PySide6.support.feature") or sys.modules.get(
        "shibokensupport.feature"
    )
    looks = getattr(feature, "_mod_uses_pyside", None)
    if looks is None or getattr(looks, "parktracker", False):
        return

    stdlib = os.path.dirname(os.__file__) + os.sep

    def uses_pyside(module: ModuleType) -> bool:
        if getattr(module, "__name__", "").startswith("parktracker."):
            return True
        path = getattr(module, "__file__", None) or ""
        if path.startswith(stdlib) and "-packages" not in path:
            return False  # Python's own library never uses PySide6
        return bool(looks(module))

    uses_pyside.parktracker = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_known_to_use_pyside()
