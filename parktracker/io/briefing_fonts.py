"""Font files for the briefing's PDF: the GB/T 9704 fonts where the system has them, else the
bundled Noto Sans SC (Regular for the body, Bold for the title and level-1 headings).

Only TrueType-outline files (.ttf, or .otf/.ttc with ``glyf`` outlines) can be embedded by the
PDF writer; the GB fonts as Windows and the 方正 packages ship them are .ttf.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# role → file names (lower case) of the usual GB fonts, best first
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": ("fzxbsjw.ttf", "fzxbsjw--gb1-0.ttf", "方正小标宋简体.ttf", "fzxiaobiaosong-b05s.ttf"),
    "body": ("fangsong_gb2312.ttf", "仿宋_gb2312.ttf", "simfang.ttf", "fangsong.ttf"),
    "heading1": ("simhei.ttf", "黑体.ttf"),
    "heading2": ("kaiti_gb2312.ttf", "楷体_gb2312.ttf", "simkai.ttf", "kaiti.ttf"),
    "page_number": ("simsun.ttf", "simsun.ttc", "宋体.ttf"),
}


@dataclass(frozen=True, slots=True)
class FontFile:
    path: Path
    subfont: int = 0  # index in a .ttc collection


def font_folders() -> list[Path]:
    home = Path.home()
    folders = [
        Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
        home / "AppData/Local/Microsoft/Windows/Fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        home / "Library/Fonts",
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local/share/fonts",
    ]
    return [f for f in folders if f.is_dir()] if sys.platform != "emscripten" else []


@cache
def _system_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in font_folders():
        for root, _dirs, files in os.walk(folder):
            for name in files:
                found.setdefault(name.lower(), Path(root) / name)
    return found


def bundled(bold: bool = False) -> FontFile:
    from importlib import resources

    name = "NotoSansSC-Bold.ttf" if bold else "NotoSansSC-Regular.ttf"
    return FontFile(Path(str(resources.files("parktracker.resources").joinpath("fonts", name))))


def font_for(role: str, *, system: bool = True) -> FontFile:
    """The file for ``role`` (title, body, heading1, heading2, page_number)."""
    if system:
        files = _system_files()
        for name in _CANDIDATES.get(role, ()):
            if name in files:
                return FontFile(files[name])
    return bundled(bold=role in ("title", "heading1"))
