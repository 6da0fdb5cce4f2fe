#!/usr/bin/env python3
"""Rebuild ParkTracker's bundled CJK fonts (resources/fonts/NotoSansSC-*.ttf).

Developer tool only: neither the application nor the test suite runs it.
The generated .ttf files are committed to the repository.

Input: the two OpenType collections shipped by Debian's ``fonts-noto-cjk``
package (OFL 1.1), e.g.::

    apt-get download fonts-noto-cjk unicode-data
    dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto
    dpkg-deb -x unicode-data_*.deb /tmp/noto
    python packaging/fonts/build_fonts.py \\
        --regular /tmp/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \\
        --bold    /tmp/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \\
        --unihan  /tmp/noto/usr/share/unicode/Unihan_OtherMappings.txt.bz2 \\
        --out     resources/fonts

What it does, per weight:

1. picks the Simplified Chinese face of the collection (name ID 1
   "Noto Sans CJK SC", i.e. not the JP/KR/TC/HK or Mono faces);
2. trims the ``locl`` feature to the lookups that the SC face itself uses
   (default language + ZHS), so the Japanese/Korean/Traditional glyph
   variants are not pulled in by the subsetter;
3. subsets to the Unicode ranges in ``UNICODE_RANGES`` (Latin, punctuation,
   symbols, CJK punctuation, full/half-width forms, ...) and the hanzi of
   通用规范汉字表 + GB 2312 (see ``tgh_hanzi``), keeping the
   layout features HarfBuzz applies by default plus the CJK width features;
4. converts the CFF (cubic) outlines to TrueType ``glyf`` (quadratic)
   outlines with cu2qu, because matplotlib's PDF backend needs ``glyf``
   outlines for Type 42 embedding (``pdf.fonttype = 42``);
5. renames the family to "Noto Sans SC" (name IDs 1/3/4/6, and 16/17 if
   present), styles "Regular" and "Bold".

Requires fontTools (already a matplotlib dependency).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

SOURCE_FAMILY = "Noto Sans CJK SC"
TARGET_FAMILY = "Noto Sans SC"
TARGET_PS_PREFIX = "NotoSansSC"

# Inclusive code point ranges kept in the subset.
UNICODE_RANGES: list[tuple[int, int, str]] = [
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement (incl. ¥ × ÷ ·)"),
    (0x0100, 0x024F, "Latin Extended-A/B (pinyin tone marks)"),
    (0x02B0, 0x02FF, "Spacing Modifier Letters (ˇ ˉ ˊ ˋ)"),
    (0x0300, 0x036F, "Combining Diacritical Marks"),
    (0x0370, 0x03FF, "Greek (α β μ Ω, GB2312)"),
    (0x0400, 0x04FF, "Cyrillic (GB2312)"),
    (0x2000, 0x206F, "General Punctuation (“ ” ‘ ’ — … ‰ ※)"),
    (0x2070, 0x209F, "Superscripts and Subscripts"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols (℃ № ℉)"),
    (0x2150, 0x218F, "Number Forms (Ⅰ Ⅱ ⅰ)"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x2300, 0x23FF, "Miscellaneous Technical"),
    (0x2460, 0x24FF, "Enclosed Alphanumerics (① ⑴ ⒈)"),
    (0x2500, 0x257F, "Box Drawing"),
    (0x2580, 0x259F, "Block Elements"),
    (0x25A0, 0x25FF, "Geometric Shapes (■ □ ▲ ○ ●)"),
    (0x2600, 0x26FF, "Miscellaneous Symbols (★ ☆)"),
    (0x2700, 0x27BF, "Dingbats (✓ ✔)"),
    (0x2E80, 0x2EFF, "CJK Radicals Supplement"),
    (0x2F00, 0x2FDF, "Kangxi Radicals"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation (、。《》「」【】〒)"),
    (0x3040, 0x30FF, "Hiragana, Katakana (GB2312; ・)"),
    (0x3100, 0x312F, "Bopomofo"),
    (0x3190, 0x319F, "Kanbun"),
    (0x31A0, 0x31BF, "Bopomofo Extended"),
    (0x31C0, 0x31EF, "CJK Strokes"),
    (0x3200, 0x32FF, "Enclosed CJK Letters and Months (㈠ ㈱ ㊣)"),
    (0x3300, 0x33FF, "CJK Compatibility (㎡ ㎏ ㎜)"),
    (0xFE10, 0xFE1F, "Vertical Forms"),
    (0xFE30, 0xFE4F, "CJK Compatibility Forms"),
    (0xFE50, 0xFE6F, "Small Form Variants"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms (，：；（）￥)"),
    (0xFFFC, 0xFFFD, "Specials"),
]

# HarfBuzz's default features (fontTools' default list, which includes
# ccmp/locl/liga/calt/kern/mark/vert/vrt2/palt/halt/...) plus the CJK width
# features.  'aalt', 'dlig', 'hist', 'ruby' (off by default) are dropped.
EXTRA_FEATURES = ["fwid", "hwid", "pwid"]

CU2QU_MAX_ERR = 1.0  # font units (UPM is 1000)


# Hanzi: not all 27,500 of CJK Unified Ideographs + Extension A (19 MB for the two weights),
# but the 8,105 characters of 通用规范汉字表 (Table of General Standard Chinese Characters,
# 2013: every character for names of people, places and companies in mainland usage; Unihan's
# kTGH field) together with GB 2312's 6,763 (what older GBK/GB2312 systems and files have),
# 8,230 in all, plus any character in ParkTracker's own texts. A character outside the set
# (a rare name character) is drawn by Qt from a system font; in charts glyphs.py shows U+FFFD.
def tgh_hanzi(unihan: str) -> set[int]:
    """通用规范汉字表 from Unihan_OtherMappings.txt (optionally .bz2): the kTGH code points."""
    import bz2

    opener = bz2.open if unihan.endswith(".bz2") else open
    found: set[int] = set()
    with opener(unihan, "rt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.split("\t")
            if len(fields) >= 2 and fields[1] == "kTGH":
                found.add(int(fields[0][2:], 16))
    if len(found) != 8105:
        raise SystemExit(f"{unihan}: {len(found)} kTGH characters, expected 8105")
    return found


def gb2312_hanzi() -> set[int]:
    """GB 2312's hanzi (rows 16-87), from Python's own codec."""
    found: set[int] = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((lead, trail)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def is_hanzi(cp: int) -> bool:
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


def own_hanzi(repo: str) -> set[int]:
    """Every hanzi in ParkTracker's sources and resources (translations, guide, demo data)."""
    found: set[int] = set()
    for folder in ("parktracker", "resources"):
        for root, _dirs, files in os.walk(os.path.join(repo, folder)):
            for name in files:
                if name.endswith((".py", ".ts", ".md", ".html", ".json", ".csv", ".txt", ".toml")):
                    with open(os.path.join(root, name), encoding="utf-8", errors="ignore") as f:
                        found.update(cp for cp in map(ord, f.read()) if is_hanzi(cp))
    return found


def unicodes(hanzi: set[int] = frozenset()) -> list[int]:  # type: ignore[assignment]
    cps: set[int] = set(hanzi)
    for lo, hi, _ in UNICODE_RANGES:
        cps.update(range(lo, hi + 1))
    return sorted(cps)


def find_sc_face(ttc_path: str, style: str) -> int:
    """Index of the 'Noto Sans CJK SC' face with the given subfamily."""
    coll = TTCollection(ttc_path, lazy=True)
    try:
        for i, face in enumerate(coll.fonts):
            name = face["name"]
            family = name.getDebugName(16) or name.getDebugName(1)
            sub = name.getDebugName(17) or name.getDebugName(2)
            if family == SOURCE_FAMILY and sub == style:
                return i
        found = [(f["name"].getDebugName(1), f["name"].getDebugName(2)) for f in coll.fonts]
    finally:
        coll.close()
    raise SystemExit(f"{ttc_path}: no face '{SOURCE_FAMILY}' / '{style}' (faces: {found})")


def prune_locl(font: TTFont) -> None:
    """Keep only the locl lookups the SC face uses for its own language.

    The collection's faces share one glyph set; each face's GSUB ``locl``
    maps ideographs to JP/KR/TC/HK variants when the text is tagged with
    those languages.  Keeping them would pull ~18k extra glyphs into the
    subset.  We keep the lookups reachable from the default language system
    and from the ZHS (Simplified Chinese) language system and strip every
    other lookup from every ``locl`` feature, so the font renders SC forms
    whatever language the text is tagged with.
    """
    if "GSUB" not in font:
        return
    gsub = font["GSUB"].table
    records = gsub.FeatureList.FeatureRecord
    keep: set[int] = set()
    for srec in gsub.ScriptList.ScriptRecord:
        langsyses = []
        if srec.Script.DefaultLangSys is not None:
            langsyses.append(srec.Script.DefaultLangSys)
        langsyses += [lr.LangSys for lr in srec.Script.LangSysRecord if lr.LangSysTag == "ZHS "]
        for ls in langsyses:
            for fi in ls.FeatureIndex:
                if records[fi].FeatureTag == "locl":
                    keep.update(records[fi].Feature.LookupListIndex)
    for rec in records:
        if rec.FeatureTag == "locl":
            rec.Feature.LookupListIndex = [i for i in rec.Feature.LookupListIndex if i in keep]
            rec.Feature.LookupCount = len(rec.Feature.LookupListIndex)


def subset_font(font: TTFont, hanzi: set[int]) -> None:
    opts = subset.Options()
    opts.layout_features = list(subset.Options._layout_features_default) + EXTRA_FEATURES
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.hinting = False  # CFF hints are meaningless after conversion
    opts.desubroutinize = True
    opts.drop_tables = [*list(opts.drop_tables), "DSIG"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes(hanzi))
    sub.subset(font)


def cff_to_glyf(font: TTFont, max_err: float = CU2QU_MAX_ERR) -> None:
    """Replace CFF outlines by quadratic TrueType outlines (otf2ttf)."""
    if "CFF " not in font:
        raise SystemExit("expected a CFF-flavoured OpenType font")
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    vorg = font.get("VORG", None)

    quad = {}
    for gname in glyph_order:
        tt_pen = TTGlyphPen(None)
        glyph_set[gname].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        quad[gname] = tt_pen.glyph(dropImpliedOnCurves=True)

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = quad
    del font["CFF "]
    if vorg is not None:
        del font["VORG"]
    glyf.compile(font)  # computes glyph bounding boxes

    # lsb := xMin (TrueType convention); keep each glyph's vertical origin
    # (VORG in CFF, yMax + tsb in TrueType) by recomputing tsb.
    hmtx = font["hmtx"]
    vmtx = font.get("vmtx", None)
    for gname, g in quad.items():
        if not hasattr(g, "xMin"):  # empty glyph
            continue
        adv, _ = hmtx[gname]
        hmtx[gname] = (adv, g.xMin)
        if vmtx is not None and vorg is not None:
            vadv, _ = vmtx[gname]
            origin_y = vorg.VOriginRecords.get(gname, vorg.defaultVertOriginY)
            vmtx[gname] = (vadv, origin_y - g.yMax)

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0
    # maxPoints/maxContours/maxComposite* are recomputed on compile.
    maxp.maxPoints = maxp.maxContours = 0
    maxp.maxCompositePoints = maxp.maxCompositeContours = 0

    post = font["post"]
    post.formatType = 3.0  # no glyph names: saves space, names are CIDs anyway
    post.extraNames = []
    post.mapping = {}

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, style: str) -> None:
    name = font["name"]
    version = font["head"].fontRevision
    ps_name = f"{TARGET_PS_PREFIX}-{style}"
    full = TARGET_FAMILY if style == "Regular" else f"{TARGET_FAMILY} {style}"
    new = {
        1: TARGET_FAMILY,
        3: f"{version:.3f};GOOG;{ps_name};ParkTracker-TTF-subset",
        4: full,
        6: ps_name,
        16: TARGET_FAMILY,
        17: style,
    }
    for rec in name.names:
        if rec.nameID in new:
            rec.string = new[rec.nameID]
        elif rec.nameID == 5:
            old = rec.toUnicode()
            rec.string = (
                f"{old}; ParkTracker subset, CFF to TrueType (cu2qu max_err {CU2QU_MAX_ERR:g})"
            )


def build_one(ttc: str, style: str, out_dir: str, hanzi: set[int]) -> str:
    t0 = time.time()
    index = find_sc_face(ttc, style)
    font = TTFont(ttc, fontNumber=index, lazy=False, recalcTimestamp=False)
    print(f"[{style}] {ttc} face #{index}: {len(font.getGlyphOrder())} glyphs")
    prune_locl(font)
    subset_font(font, hanzi)
    print(f"[{style}] subset: {len(font.getGlyphOrder())} glyphs ({time.time() - t0:.0f}s)")
    cff_to_glyf(font)
    print(f"[{style}] converted to glyf ({time.time() - t0:.0f}s)")
    rename(font, style)
    out = os.path.join(out_dir, f"{TARGET_PS_PREFIX}-{style}.ttf")
    font.save(out)
    font.close()
    print(f"[{style}] wrote {out}: {os.path.getsize(out):,} bytes ({time.time() - t0:.0f}s)")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--regular", required=True, help="NotoSansCJK-Regular.ttc")
    p.add_argument("--bold", required=True, help="NotoSansCJK-Bold.ttc")
    p.add_argument("--unihan", required=True, help="Unihan_OtherMappings.txt(.bz2)")
    p.add_argument("--out", required=True, help="output directory")
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    hanzi = tgh_hanzi(args.unihan) | gb2312_hanzi() | own_hanzi(repo)
    print(f"hanzi: {len(hanzi)}")
    build_one(args.regular, "Regular", args.out, hanzi)
    build_one(args.bold, "Bold", args.out, hanzi)
    return 0


if __name__ == "__main__":
    sys.exit(main())
