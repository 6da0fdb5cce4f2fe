"""Markers that let Qt Linguist (pyside6-lupdate) collect strings defined outside Qt code.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; lupdate finds the call by name
and records ``text`` under ``context`` in the .ts files. The UI translates the text at display time
with ``QCoreApplication.translate(context, text)``; the CLI with :mod:`parktracker.i18n`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple


class Text(NamedTuple):
    """A translatable source text together with its Linguist context."""

    context: str
    source: str


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:  # noqa: N802 - name fixed by lupdate
    return Text(context, source)


class Plural(NamedTuple):
    """A translatable text with a count, ``%n``: "%n chain leader(s)" reads "1 chain leader",
    "2 chain leaders" in English and "2家" in Chinese (Qt Linguist's numerus forms)."""

    context: str
    source: str


def translate(context: str, source: str, disambiguation: None = None, n: int = 0) -> Plural:
    """Mark a text with a count for lupdate, outside Qt code.

    pyside6-lupdate takes a call named ``translate`` with a count argument as a numerus
    message (it knows no QT_TRANSLATE_N_NOOP), so it is written as in Qt:
    ``translate("Summary", "%n chain leader(s)", None, 0)``. The count given here is only
    for lupdate: the count shown is passed when the text is translated
    (``tr(marker, count, ...)``; ``qt_tr`` in the UI)."""
    del disambiguation, n
    return Plural(context, source)


def fill_count(template: str, count: int, args: Sequence[object] = ()) -> str:
    """``%n`` (the count) and ``%1``, ``%2``... filled in."""
    return fill(template.replace("%n", str(count)), args)


_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, args: Sequence[object]) -> str:
    """Replace Qt-style ``%1``, ``%2``... in one pass (``%10`` is not ``%1`` followed by 0, and a
    value that itself contains ``%2`` is left as it is)."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(args[index]) if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(value, template)
