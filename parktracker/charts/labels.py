"""Text on charts: number labels, shortened park names and line wrapping for Chinese."""

from __future__ import annotations

from collections.abc import Callable

from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import DEFAULT_FORMAT, NumberFormat
from parktracker.domain.number_format import percent_number as _percent_number

# Chinese takes no space between words, so a line may break between any two characters, except
# before closing punctuation and after opening punctuation (禁则), and not inside Latin words or
# numbers.
_NO_LINE_START = set("，。、；：？！）》」』】〕”’%％,.;:?!)]}…·—")
_NO_LINE_END = set("（《「『【〔“‘([{")


def amount_value(amount: Money, unit: Unit) -> float:
    """A plotting coordinate (float is fine for positions; labels use :func:`amount_label`)."""
    return float(amount.in_unit(unit))


def amount_label(amount: Money, unit: Unit, fmt: NumberFormat = DEFAULT_FORMAT) -> str:
    """``1351.4`` for a label beside a bar: the application's one number format (the chosen
    fixed decimals, rounded half up for display only)."""
    return fmt.number(amount, unit)


def amount_text(amount: Money, unit: Unit, fmt: NumberFormat = DEFAULT_FORMAT) -> str:
    """``250.9 亿元``: a rounded label with its unit."""
    return fmt.amount(amount, unit)


def percent_number(value: float) -> str:
    """``19.3`` (one decimal, rounded half up) for a template that writes the % sign itself."""
    return _percent_number(value)


def percent_label(value: float | None) -> str:
    """``19.3%``, or a dash when there is no base to compare with."""
    return "—" if value is None else percent_number(value) + "%"


def _tokens(text: str) -> list[str]:
    """Unbreakable pieces: runs of ASCII letters/digits stay whole, other characters alone."""
    tokens: list[str] = []
    for char in text:
        last = tokens[-1][-1:] if tokens else ""
        glued = (char.isascii() and char.isalnum() and last.isascii() and last.isalnum()) or (
            char in _NO_LINE_START or last in _NO_LINE_END
        )
        if tokens and glued:
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaking of ``text`` to lines no wider than ``width`` (as ``measure`` counts).

    Existing newlines are kept; spaces at a break are dropped. A single token wider than
    ``width`` gets a line of its own rather than being cut.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        whole = paragraph.rstrip()
        if not whole or measure(whole) <= width:
            # Fits on one line (no shorter piece is wider): one measurement instead of one per
            # piece, each a text layout of its own at a chart's first drawing.
            lines.append(whole)
            continue
        line = ""
        for token in _tokens(paragraph):
            candidate = line + token
            if line and measure(candidate.rstrip()) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
        lines.append(line.rstrip())
    return lines


def _ems(text: str) -> float:
    """Rough width in Chinese characters: a Latin letter, digit or space is about half one."""
    return sum(0.55 if char.isascii() else 1.0 for char in text)


def wrap_label(text: str, max_chars: int) -> str:
    """Two lines at most for an axis label wider than ``max_chars`` Chinese characters (park
    names; a Latin letter counts about half)."""
    if _ems(text) <= max_chars:
        return text
    spaces = [i for i, char in enumerate(text) if char == " "]
    if spaces:  # words stay whole: break at the space that evens the lines out best
        at = min(spaces, key=lambda i: (max(_ems(text[:i]), _ems(text[i + 1 :])), -i))
        return text[:at] + "\n" + text[at + 1 :]
    # Between characters, never inside a run of Latin letters or digits; the first line may be
    # the longer one.
    breaks = [
        i
        for i in range(1, len(text))
        if not (text[i - 1].isascii() and text[i - 1].isalnum() and text[i].isascii())
    ] or list(range(1, len(text)))
    at = min(breaks, key=lambda i: (max(_ems(text[:i]), _ems(text[i:])), -i))
    return text[:at] + "\n" + text[at:]
