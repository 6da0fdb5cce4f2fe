"""Markers that let Qt Linguist (pyside6-lupdate) collect strings defined outside Qt code.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; lupdate finds the call by name
and records ``text`` under ``context`` in the .ts files. The UI translates the text at display time
with ``QCoreApplication.translate(context, text)``; the CLI with :mod:`parktracker.i18n`.
"""

from __future__ import annotations

from typing import NamedTuple


class Text(NamedTuple):
    """A translatable source text together with its Linguist context."""

    context: str
    source: str


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:  # noqa: N802 - name fixed by lupdate
    return Text(context, source)
