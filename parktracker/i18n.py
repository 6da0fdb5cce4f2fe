"""Translations for code that runs without Qt (the CLI, exported files).

The GUI translates with Qt's QTranslator (.qm files). Headless code reads the same Qt Linguist
source, resources/translations/parktracker_<lang>.ts, so both speak with one vocabulary.
English is the source language; Chinese (zh_CN) is the default.
"""

from __future__ import annotations

import os
from functools import cache

from parktracker.domain.i18n_markers import Text, fill

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


@cache
def _catalog(language: str) -> dict[tuple[str, str], str]:
    if language == "en":
        return {}
    from importlib import resources  # the GUI uses Qt's .qm files and never comes here

    from defusedxml import ElementTree

    ts = resources.files("parktracker.resources").joinpath(
        "translations", f"parktracker_{language}.ts"
    )
    if not ts.is_file():
        return {}
    root = ElementTree.fromstring(ts.read_bytes())
    table: dict[tuple[str, str], str] = {}
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
            if translation.text:
                table[(name, source)] = translation.text
    return table


def tr(text: Text | tuple[str, str], *args: object) -> str:
    """Translate a marked text into the current language and fill ``%1``, ``%2``..."""
    context, source = text
    return fill(_catalog(_current).get((context, source), source), args)


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "current_language", "set_language", "tr"]
