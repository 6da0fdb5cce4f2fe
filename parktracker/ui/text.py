"""Translating domain/storage texts (marked with QT_TRANSLATE_NOOP) through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from parktracker.domain.i18n_markers import Text
from parktracker.storage.errors import StorageError


def qt_tr(text: Text, *args: object) -> str:
    result = QCoreApplication.translate(text.context, text.source)
    for index, arg in enumerate(args, start=1):
        result = result.replace(f"%{index}", str(arg))
    return result


def storage_error_text(exc: StorageError) -> str:
    return exc.render(qt_tr)
