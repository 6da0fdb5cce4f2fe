"""The bundled Noto Sans SC subset (packaging/fonts/build_fonts.py): the hanzi of 通用规范汉字表
and GB 2312 rather than all 27,500 (19 MB), the same characters in both weights, and every
character ParkTracker itself writes."""

from __future__ import annotations

from functools import cache

import pytest
from packaging_support import ROOT, load_script

FONTS = ROOT / "resources" / "fonts"
build_fonts = load_script("build_fonts")


@cache
def _cmap(name: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(FONTS / name, lazy=True) as font:
        return frozenset(font.getBestCmap())


@pytest.mark.parametrize("name", ["NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf"])
def test_the_fonts_have_the_common_hanzi_and_no_more(name: str) -> None:
    cmap = _cmap(name)
    gb2312 = build_fonts.gb2312_hanzi()
    assert len(gb2312) == 6763
    assert gb2312 <= cmap, "GB 2312 hanzi missing"
    hanzi = {cp for cp in cmap if build_fonts.is_hanzi(cp)}
    # 8,230 of 通用规范汉字表 ∪ GB 2312 (the few the source font lacks excepted): a rebuild
    # without the subset (27,500 hanzi, 19 MB) would fail here and in the bundle size guard.
    assert 8100 <= len(hanzi) <= 8300
    for char in "青岛崂胶堃喆镕淼珺昇":  # place names and name characters outside GB 2312
        assert ord(char) in cmap, char
    assert ord("〇") in cmap and ord("，") in cmap and ord("￥") in cmap and ord("㎡") in cmap


def test_both_weights_cover_the_same_characters() -> None:
    # charts/glyphs.py decides what can be drawn from the regular face alone
    assert _cmap("NotoSansSC-Regular.ttf") == _cmap("NotoSansSC-Bold.ttf")


def test_every_character_parktracker_writes_is_in_the_fonts() -> None:
    missing = build_fonts.own_hanzi(str(ROOT)) - _cmap("NotoSansSC-Regular.ttf")
    assert not missing, "".join(map(chr, sorted(missing)))
