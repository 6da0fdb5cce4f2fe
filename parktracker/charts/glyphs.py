"""Text from data made safe to draw: characters the chart fonts lack, and names too long to fit.

A name may hold an emoji or a rare character that neither the bundled Noto Sans SC nor
matplotlib's DejaVu Sans covers. matplotlib would draw an empty box and print a "Glyph missing"
warning for every occurrence at every draw (75 lines for one dashboard). Such characters are
replaced by U+FFFD (�) before drawing, and the first occurrence of each is logged once.
"""

from __future__ import annotations

import logging
import unicodedata
from functools import cache

log = logging.getLogger("parktracker.charts")

REPLACEMENT = "\ufffd"
# Category labels longer than this are cut with an ellipsis: a 10,000-character park name would
# otherwise take the whole width and leave no room for the bars.
MAX_LABEL_CHARS = 24
_KEEP = {"\n", " ", "\u3000"}
_reported: set[str] = set()


@cache
def _fonts() -> tuple[object, ...]:
    """The chart fonts in fallback order (Bold covers the same characters as Regular)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from parktracker.charts.fonts import ensure_fonts

    regular = ensure_fonts()[0]
    return (FT2Font(str(regular)), FT2Font(font_manager.findfont("DejaVu Sans")))


@cache
def can_draw(char: str) -> bool:
    """Whether one of the chart fonts has a glyph for ``char``."""
    if char in _KEEP:
        return True
    if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"}:
        return False
    return any(font.get_char_index(ord(char)) for font in _fonts())  # type: ignore[attr-defined]


def drawable(text: str) -> str:
    """``text`` with every character the fonts cannot draw replaced by U+FFFD."""
    if text.isascii() and text.isprintable():
        return text
    missing = {c for c in text if not can_draw(c)}
    if not missing:
        return text
    new = missing - _reported
    if new:
        _reported.update(new)
        shown = ", ".join(f"U+{ord(c):04X}" for c in sorted(new))
        log.warning("chart fonts lack %s; drawn as %s", shown, REPLACEMENT)
    return "".join(REPLACEMENT if c in missing else c for c in text)


def shortened(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis when it is longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
