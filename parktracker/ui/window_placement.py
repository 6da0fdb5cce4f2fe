"""Where the main window opens the first time (later starts restore the saved geometry).

1280×720 suits a laptop, but on a 1920×1080 or larger monitor it left most of the screen
unused and the dashboard's charts below the fold. On a screen with room to spare the window
takes about 85 % of the available area, up to 1760×1100; otherwise it keeps 1280×720 (the
window system fits it to a smaller screen). It is centred when it fits on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

DEFAULT = QSize(1280, 720)
LARGEST = QSize(1760, 1100)
SHARE = 0.85


def first_geometry(available: QRect) -> QRect:
    """The window's geometry on a screen whose available area is ``available``."""
    width = min(max(round(available.width() * SHARE), DEFAULT.width()), LARGEST.width())
    height = min(max(round(available.height() * SHARE), DEFAULT.height()), LARGEST.height())
    rect = QRect(available.topLeft(), QSize(width, height))
    if width <= available.width() and height <= available.height():
        rect.moveCenter(available.center())
    return rect
