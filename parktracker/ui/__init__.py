"""The Qt user interface: the only package that imports PySide6 widgets."""

import PySide6.QtCore  # noqa: F401 - loads PySide6's import check, changed below

from parktracker.ui import process_memory

process_memory.install()  # before the UI's own modules, matplotlib and numpy load
