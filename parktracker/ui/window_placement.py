"""Where the main window opens the first time (later starts restore the saved geometry).

1280×720 suits a laptop, but on a 1920×1080 or larger monitor it left most of the screen
unused and the dashboard's charts below the fold. On a screen with room to spare the window
takes about 85 % of the available area, up to 1760×1100, centred with its title bar on the
screen. Otherwise it keeps 1280×720 and the window system places it, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

DEFAULT = QSize(1280, 720)
LARGEST = QSize(1760, 1100)
SHARE = 0.85
# What the window system adds around the window's contents (title bar, borders); the
# geometry set is the contents', so this much is kept free above and around it.
FRAME_TOP = 40
FRAME_SIDE = 10


def first_geometry(available: QRect) -> QRect | None:
    """The window's contents geometry on a screen whose available area is ``available``, or
    None to keep the default size and let the window system place the window."""
    width = min(round(available.width() * SHARE), LARGEST.width())
    height = min(round(available.height() * SHARE), LARGEST.height())
    if width <= DEFAULT.width() and height <= DEFAULT.height():
        return None
    width, height = max(width, DEFAULT.width()), max(height, DEFAULT.height())
    outer_w, outer_h = width + 2 * FRAME_SIDE, height + FRAME_TOP + FRAME_SIDE
    if outer_w > available.width() or outer_h > available.height():
        return None
    left = available.left() + (available.width() - outer_w) // 2 + FRAME_SIDE
    top = available.top() + (available.height() - outer_h) // 2 + FRAME_TOP
    return QRect(left, top, width, height)
