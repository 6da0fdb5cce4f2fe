"""The main window's first size and place: larger on a large monitor, 1280×720 otherwise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from parktracker.ui.window_placement import FRAME_SIDE, FRAME_TOP, first_geometry


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        # A 1920×1080 monitor less a task bar: 85 %, centred with the title bar on screen.
        (QRect(0, 0, 1920, 1040), QRect(144, 93, 1632, 884)),
        # A 4K monitor: no larger than 1760×1100.
        (QRect(0, 0, 3840, 2120), QRect(1040, 525, 1760, 1100)),
        # A second monitor to the right of the first: on that monitor.
        (QRect(1920, 0, 2560, 1400), QRect(2320, 165, 1760, 1100)),
        # A 1366×768 laptop, or anything smaller: 1280×720, placed by the window system.
        (QRect(0, 0, 1366, 728), None),
        (QRect(0, 0, 1024, 600), None),
    ],
)
def test_first_geometry(available: QRect, expected: QRect | None) -> None:
    geometry = first_geometry(available)
    assert geometry == expected
    if geometry is not None:  # the title bar and borders fit on the screen too
        assert geometry.top() - FRAME_TOP >= available.top()
        assert geometry.bottom() + FRAME_SIDE <= available.bottom()
        assert geometry.left() - FRAME_SIDE >= available.left()
        assert geometry.right() + FRAME_SIDE <= available.right()


def test_a_saved_geometry_wins_over_the_first_placement(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    from parktracker.ui.session import Session
    from parktracker.ui.window_factory import build_window

    first = build_window(Session(demo_db))
    qtbot.addWidget(first)
    first.restore_settings(settings)  # nothing saved yet: the first placement
    assert (first.width(), first.height()) == (1280, 720)  # the offscreen screen is small
    first.resize(1100, 650)
    settings.setValue("window/geometry", first.saveGeometry())

    second = build_window(Session(demo_db))
    qtbot.addWidget(second)
    second.restore_settings(settings)
    # Qt fits a restored window to the screen (800 px wide offscreen, so the width comes back
    # at the window's minimum); the height shows the saved geometry was used.
    assert second.height() == 650
