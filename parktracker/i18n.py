"""Translations for code that runs without Qt (the CLI, exported files).

The GUI translates with Qt's QTranslator (.qm files). Headless code reads the same Qt Linguist
source, resources/translations/parktracker_<lang>.ts, so both speak with one vocabulary.
English is the source language; Chinese (zh_CN) is the default.
"""

from __future__ import annotations

import os
from functools import cache

from parktracker.domain.i18n_markers import Plural, Text, fill, fill_count

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
_current = DEFAULT_LANGUAGE


def normalize_language(value: str | None) -> str:
    """Map ``zh``, ``zh-CN``, ``zh_CN.UTF-8``, ``en_US``... onto a supported language."""
    if not value:
        return DEFAULT_LANGUAGE
    key = value.replace("-", "_").split(".")[0].lower()
    return "en" if key.startswith("en") else DEFAULT_LANGUAGE


def language_from_environment() -> str:
    """PARKTRACKER_LANG, else Chinese (the default UI language whatever the OS locale)."""
    explicit = os.environ.get("PARKTRACKER_LANG")
    return normalize_language(explicit) if explicit else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _current  # noqa: PLW0603 - one process-wide UI language, as QTranslator has
    _current = normalize_language(language)


def current_language() -> str:
    return _current


def plural_form(language: str, count: int) -> int:
    """Which numerus form a count takes: English has two (1 / other), Chinese one."""
    if language == "en":
        return 0 if count == 1 else 1
    return 0


@cache
def _numerus(language: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """The numerus forms of each counted message (English: parktracker_en.ts holds only
    those, as Qt Linguist's -pluralonly writes it)."""
    return _read_ts(language)[1]


@cache
def _catalog(language: str) -> dict[tuple[str, str], str]:
    if language == "en":
        return {}
    return _read_ts(language)[0]


@cache
def _read_ts(
    language: str,
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], tuple[str, ...]]]:
    from importlib import resources  # the GUI uses Qt's .qm files and never comes here

    from defusedxml import ElementTree

    ts = resources.files("parktracker.resources").joinpath(
        "translations", f"parktracker_{language}.ts"
    )
    table: dict[tuple[str, str], str] = {}
    counted: dict[tuple[str, str], tuple[str, ...]] = {}
    if not ts.is_file():
        return table, counted
    root = ElementTree.fromstring(ts.read_bytes())
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "obsolete",
                "vanished",
            ):
                continue
            source = message.findtext("source", default="")
            forms = tuple(f.text or "" for f in translation.findall("numerusform"))
            if forms and all(forms):
                counted[(name, source)] = forms
            elif translation.text and translation.text.strip():
                table[(name, source)] = translation.text
    return table, counted


def tr(text: Text | Plural | tuple[str, str], *args: object) -> str:
    """Translate a marked text into the current language and fill ``%1``, ``%2``...

    A :class:`Plural` text takes its count first: ``tr(N_CHAIN_LEADERS, 1)`` → "1 chain
    leader"; the remaining arguments fill ``%1``, ``%2``..."""
    context, source = text
    if isinstance(text, Plural):
        count = int(str(args[0]))
        forms = _numerus(_current).get((context, source), (source,))
        form = forms[min(plural_form(_current, count), len(forms) - 1)]
        return fill_count(form, count, args[1:])
    return fill(_catalog(_current).get((context, source), source), args)


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Plural",
    "current_language",
    "set_language",
    "tr",
]
