"""The Qt user interface: the only package that imports PySide6 widgets.

Importing it adjusts two process-wide settings (:mod:`parktracker.ui.process_memory`): PySide6's
per-module import check no longer reads and keeps each module's source, and glibc gives large
freed blocks back.
"""

import PySide6.QtCore  # noqa: F401 - loads PySide6's import check, changed below

from parktracker.ui import process_memory

process_memory.install()  # before the UI's own modules, matplotlib and numpy load
