"""The Qt user interface: the only package that imports PySide6 widgets.

Importing it adjusts a process-wide setting (:mod:`parktracker.ui.process_memory`): PySide6's
per-module import check no longer reads and keeps each module's source. The other one there,
glibc giving large freed blocks back, is made once the window's first page is drawn.
"""

import PySide6.QtCore  # noqa: F401 - loads PySide6's import check, changed below

from parktracker.ui import process_memory

process_memory.install()  # before the UI's own modules, matplotlib and numpy load
