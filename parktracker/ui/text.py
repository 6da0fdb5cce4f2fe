"""Translating domain/storage texts (marked with QT_TRANSLATE_NOOP) through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from parktracker.domain.i18n_markers import Text, fill
from parktracker.storage.errors import StorageError


def qt_tr(text: Text, *args: object) -> str:
    return fill(QCoreApplication.translate(text.context, text.source), args)


def storage_error_text(exc: StorageError) -> str:
    return exc.render(qt_tr)
