"""Translating domain/storage texts (marked with QT_TRANSLATE_NOOP) through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from parktracker.domain.i18n_markers import Plural, Text, fill
from parktracker.storage.errors import StorageError


def qt_tr(text: Text | Plural, *args: object) -> str:
    """Translate through Qt; a :class:`Plural` text takes its count first (``%n``)."""
    if isinstance(text, Plural):
        count = int(str(args[0]))
        return fill(QCoreApplication.translate(text.context, text.source, None, count), args[1:])
    return fill(QCoreApplication.translate(text.context, text.source), args)


def storage_error_text(exc: StorageError) -> str:
    return exc.render(qt_tr)
