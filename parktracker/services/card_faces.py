"""The dashboard cards as last shown: their words, kept in the file beside the figures they were
made from (:mod:`parktracker.services.card_snapshot`), so that the next start paints them
without loading the figures' types or working the words out again.

Faces are only ever read while the snapshot they are kept in is current (the file holds
exactly the data its figures were computed from), by the same version of ParkTracker, and for
the same language and decimals (their ``key``); any doubt, and the cards are made from the
figures instead. The window computes the figures again in the background all the same, and
replaces what it showed.

Only JSON's own types are read back, each checked (a file may come from anyone).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, TypedDict

from parktracker import __version__
from parktracker.services.handles import Database
from parktracker.storage import card_snapshot as store

FORMAT = 1  # bumped when the stored form changes (the snapshot's own format is apart)


class Face(TypedDict):
    """One card's words: its headline, its lines and its comparison with a year earlier."""

    headline: str
    lines: list[str]
    comparison: list[str]


class Faces(TypedDict):
    """What the dashboard showed of its cards, in one language and with one choice of decimals."""

    format: int
    key: str  # the language and decimals they are written in (the page makes it)
    as_of: str  # ISO date
    heading: str
    scope: str  # the scope list's first entry, "All 8 parks"
    cards: dict[str, Face]  # rounded as shown
    exact: dict[str, Face]  # with the exact stored figures (the tooltips)
    note: list[str]  # the status line under the heading
    provisional: bool  # the note warns of provisional figures
    sample: bool  # the file holds sample data
    has_target: bool  # the year has a revenue target


def _strings(raw: Any) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValueError(raw)
    return list(raw)


def _string(raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError(raw)
    return raw


def _flag(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(raw)
    return raw


def _face(raw: Any) -> Face:
    if not isinstance(raw, dict):
        raise ValueError(raw)
    return Face(
        headline=_string(raw.get("headline")),
        lines=_strings(raw.get("lines")),
        comparison=_strings(raw.get("comparison")),
    )


def _cards(raw: Any, keys: tuple[str, ...]) -> dict[str, Face]:
    if not isinstance(raw, dict) or set(raw) != set(keys):
        raise ValueError(raw)
    return {key: _face(raw[key]) for key in keys}


def checked(raw: Any, keys: tuple[str, ...]) -> Faces:
    """``raw`` as faces of the cards ``keys``; ValueError when it is not exactly that."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValueError(raw)
    as_of = _string(raw.get("as_of"))
    dt.date.fromisoformat(as_of)  # ValueError when it is not a date
    return Faces(
        format=FORMAT,
        key=_string(raw.get("key")),
        as_of=as_of,
        heading=_string(raw.get("heading")),
        scope=_string(raw.get("scope")),
        cards=_cards(raw.get("cards"), keys),
        exact=_cards(raw.get("exact"), keys),
        note=_strings(raw.get("note")),
        provisional=_flag(raw.get("provisional")),
        sample=_flag(raw.get("sample")),
        has_target=_flag(raw.get("has_target")),
    )


def stored_form(faces: Mapping[str, Any] | None, keys: tuple[str, ...]) -> Faces | None:
    """``faces`` as they are stored, checked as they will be read back (None: keep none)."""
    if faces is None:
        return None
    return checked(dict(faces), keys)


def load(db: Database, key: str, keys: tuple[str, ...]) -> Faces | None:
    """The faces of the cards ``keys`` written in ``key``, if they are kept with a current
    snapshot by this version; None otherwise (none kept, stale, another language or
    version, or unreadable)."""
    found = store.read(db)
    if found is None or found[1] is None:
        return None
    try:
        stored = json.loads(found[0])
        if not isinstance(stored, dict) or stored.get("version") != __version__:
            return None
        if stored.get("kpis", {}).get("park") is not None:
            return None  # one park's cards (never kept so, but a file may say anything)
        faces = checked(stored.get("faces"), keys)
    except (ValueError, TypeError, AttributeError):
        return None
    return faces if faces["key"] == key else None


def as_of(faces: Faces) -> dt.date:
    return dt.date.fromisoformat(faces["as_of"])
