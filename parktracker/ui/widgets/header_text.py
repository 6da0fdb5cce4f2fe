"""Column headers on two lines, so a table of figures fits a laptop screen in either language
without cutting its headers: "Completed of plan (%)" becomes "Completed", "of plan", "(%)",
"累计完成投资（亿元）" becomes "累计完成投资" over "（亿元）". The one-line text stays the
header's tooltip."""

from __future__ import annotations

MIN_SPLIT = 12  # characters: shorter headers stay on one line


def two_lines(text: str) -> str:
    """``text`` broken before its unit in brackets, or else at the space nearest its middle
    (long headers only); text that already has a line break is left as it is."""
    if "\n" in text or (len(text) < MIN_SPLIT and "（" not in text):
        return text
    for opening in ("（", " ("):
        at = text.rfind(opening)
        if at > 0:
            words = text[:at].rstrip()
            if len(words) >= MIN_SPLIT:  # "Completed of plan (%)": three short lines
                words = two_lines(words)
            return words + "\n" + text[at:].lstrip()
    spaces = [i for i, c in enumerate(text) if c == " " and text[i + 1 : i + 2] != "/"]
    if not spaces:
        return text
    middle = len(text) / 2
    at = min(spaces, key=lambda i: abs(i - middle))
    return text[:at] + "\n" + text[at + 1 :]


def one_line(text: str) -> str:
    """The header as one line again (for its tooltip, and for a copy to a spreadsheet)."""
    lines = [part.strip() for part in text.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        out += line if line.startswith("（") or _wide(out[-1:]) else " " + line
    return out


def _wide(char: str) -> bool:
    return bool(char) and ord(char) >= 0x2E80  # CJK text and full-width punctuation
