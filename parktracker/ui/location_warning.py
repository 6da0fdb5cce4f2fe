"""A one-time warning for a database on a network drive or in a synced folder.

The reason comes from :mod:`parktracker.services.locations`. The warning is window-modal but
does not block (``open()``), so the window is usable behind it; once the user has
acknowledged it, the file's path is remembered in QSettings and it is not shown again.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from parktracker.domain.i18n_markers import fill
from parktracker.services.locations import LocationRisk, check_location
from parktracker.ui.text import qt_tr

SETTINGS_KEY = "storage/locationWarningsShown"


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def warned_paths(settings: QSettings | None = None) -> list[str]:
    value = (settings or QSettings()).value(SETTINGS_KEY, [], type=list)
    return [str(v) for v in value] if isinstance(value, list) else []


def remember_warned(path: Path, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    paths = warned_paths(settings)
    key = _key(path)
    if key not in paths:
        settings.setValue(SETTINGS_KEY, [*paths, key])


class LocationWarning(QMessageBox):
    """Says why the database's location endangers it and what to do instead."""

    def __init__(self, path: Path, risk: LocationRisk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locationWarning")
        self.path = path
        self.risk = risk
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Database location"))
        self.setText(fill(qt_tr(risk.where), risk.args))
        self.setInformativeText(
            "\n\n".join(
                (qt_tr(risk.why), qt_tr(risk.advice), fill(self.tr("File: %1"), (str(path),)))
            )
        )
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.finished.connect(lambda _result: remember_warned(self.path))


def warn_about_location(
    path: Path, parent: QWidget | None = None, *, risk: LocationRisk | None = None
) -> LocationWarning | None:
    """Show the warning for ``path`` unless its location is safe or it was shown before.

    Returns the (open, non-blocking) warning, or None when nothing is shown."""
    if _key(path) in warned_paths():
        return None
    risk = risk if risk is not None else check_location(path)
    if risk is None:
        return None
    box = LocationWarning(path, risk, parent)
    box.open()
    return box
