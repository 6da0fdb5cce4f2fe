"""The dashboard cards' words as shown, in the form they are kept in the file for the next
start's first paint (:mod:`parktracker.services.card_faces`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from parktracker.services import card_faces
from parktracker.ui.pages.dashboard.card_text import CardContent


def _face(content: CardContent) -> card_faces.Face:
    return card_faces.Face(
        headline=content.headline,
        lines=list(content.lines),
        comparison=list(content.comparison),
    )


def faces(
    *,
    key: str,
    as_of: dt.date,
    heading: str,
    scope: str,
    cards: Mapping[str, CardContent],
    exact: Mapping[str, CardContent],
    note: list[str],
    provisional: bool,
    sample: bool,
    has_target: bool,
) -> card_faces.Faces:
    """What the cards show now, as kept: ``cards`` rounded as shown, ``exact`` as their
    tooltips give them."""
    return card_faces.Faces(
        format=card_faces.FORMAT,
        key=key,
        as_of=as_of.isoformat(),
        heading=heading,
        scope=scope,
        cards={name: _face(content) for name, content in cards.items()},
        exact={name: _face(content) for name, content in exact.items()},
        note=list(note),
        provisional=provisional,
        sample=sample,
        has_target=has_target,
    )
