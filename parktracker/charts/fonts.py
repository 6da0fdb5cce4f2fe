"""The bundled Noto Sans SC font, registered with matplotlib once per process.

matplotlib falls back from one family to the next only through ``rcParams["font.family"]``
(a list in ``font.sans-serif`` did not fall back). Noto Sans SC comes first so that Chinese,
Latin letters and digits share one design, as in the Qt widgets; DejaVu Sans (matplotlib's own
font) covers the few symbols the subset leaves out.

Exports embed the font: PDF as TrueType (Type 42, subset by matplotlib), SVG as glyph paths, so
a figure pasted into Word or WPS looks the same on a machine without Noto Sans SC.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

FAMILY = "Noto Sans SC"
FONT_FAMILIES = [FAMILY, "DejaVu Sans"]
FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")

# rcParams the charts rely on (applied globally by ensure_fonts and again around every save).
RC_PARAMS: Any = {
    "font.family": FONT_FAMILIES,
    "pdf.fonttype": 42,  # embed TrueType (subset), not Type 3 bitmaps-in-disguise
    "svg.fonttype": "path",  # text as outlines: identical everywhere, no font needed
    "svg.hashsalt": "parktracker",  # stable ids: the same chart gives the same SVG
    "axes.unicode_minus": True,
    # Glyphs unhinted: Noto Sans SC as bundled (TrueType outlines converted from CFF) carries no
    # hinting instructions, so matplotlib's default forced auto-hinting only cost time (about
    # 15 % of drawing a chart) and made on-screen advances differ from the unhinted ones the
    # frame measures with and PDF and SVG use.
    "text.hinting": "no_hinting",
    # Names come from the user and from the parks' files: "$x^2$ 园区" is a name, not math.
    "text.parse_math": False,
}


def fonts_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("parktracker.resources").joinpath("fonts")))


def ensure_fonts() -> tuple[Path, ...]:
    """Register the bundled fonts with matplotlib (once) and select them (every call, in case
    something changed rcParams since); returns the font files.

    Raises FileNotFoundError if the fonts are missing (a broken installation): charts without
    them would show empty boxes instead of Chinese.
    """
    import matplotlib as mpl

    paths = _register()
    mpl.rcParams.update(RC_PARAMS)
    return paths


@cache
def _register() -> tuple[Path, ...]:
    from matplotlib import font_manager

    paths = tuple(fonts_dir() / name for name in FONT_FILES)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError("bundled chart font missing: " + ", ".join(missing))
    for path in paths:
        font_manager.fontManager.addfont(str(path))
    return paths
