"""The user's choice of decimals (View → Decimals), kept with the other preferences in
QSettings and handed to every page, table model, card and chart.

The format itself, and all rounding, is :mod:`parktracker.domain.number_format`; this module only
stores the choice. Pages read :func:`current` when they build their texts; changing the choice
makes the window's pages rebuild them.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from parktracker.domain.number_format import (
    DEFAULT_FORMAT,
    WAN_PLACES_CHOICES,
    YI_PLACES_CHOICES,
    NumberFormat,
)

KEY_YI = "display/yi_places"
KEY_WAN = "display/wan_places"

_current: list[NumberFormat] = []  # loaded once, on first use


def _stored(key: str, choices: tuple[int, ...], default: int) -> int:
    value = QSettings().value(key)
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if number in choices else default


def current() -> NumberFormat:
    """The format every figure on screen uses (1 decimal of 亿元 unless the user chose more)."""
    if not _current:
        _current.append(
            NumberFormat(
                _stored(KEY_YI, YI_PLACES_CHOICES, DEFAULT_FORMAT.yi_places),
                _stored(KEY_WAN, WAN_PLACES_CHOICES, DEFAULT_FORMAT.wan_places),
            )
        )
    return _current[0]


def set_current(number_format: NumberFormat) -> None:
    """Store the choice (it outlives the session) and use it from now on."""
    settings = QSettings()
    settings.setValue(KEY_YI, number_format.yi_places)
    settings.setValue(KEY_WAN, number_format.wan_places)
    _current[:] = [number_format]


def forget() -> None:
    """Read the stored choice again on next use (tests)."""
    _current.clear()
