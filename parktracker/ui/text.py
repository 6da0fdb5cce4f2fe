"""Translating domain/storage texts (marked with QT_TRANSLATE_NOOP) through Qt."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from parktracker.domain.i18n_markers import Plural, Text, fill
from parktracker.domain.periods import date_text
from parktracker.storage.errors import StorageError


def qt_tr(text: Text | Plural, *args: object) -> str:
    """Translate through Qt; a :class:`Plural` text takes its count first (``%n``)."""
    if isinstance(text, Plural):
        count = int(str(args[0]))
        return fill(QCoreApplication.translate(text.context, text.source, None, count), args[1:])
    return fill(QCoreApplication.translate(text.context, text.source), args)


def day_text(day: dt.date) -> str:
    """A day as the UI language writes it in prose: 2024-03-31, in Chinese 2024年3月31日."""
    return date_text(day, qt_tr)


def storage_error_text(exc: StorageError) -> str:
    return exc.render(qt_tr)
