"""Is a smoke-mode screenshot a real rendering of the dashboard?

    python packaging/check_screenshot.py SHOT.png [--reference SOURCE_SHOT.png]

Checks, each of which a broken bundle fails:
  * the size is the smoke window's (1280 x 800) and the image is not blank;
  * charts are drawn: the chart area holds thousands of pixels in the charts' bar colours
    (charts/style.py NAVY and LIGHT_BLUE), which appear nowhere else on the dashboard;
  * Chinese is drawn with real glyphs, not boxes: the selected navigation item ("总览", white
    text on navy) has strokes across its width between its top and bottom edges, where
    missing-glyph boxes (hollow rectangles) have only their vertical sides;
  * with --reference (the same smoke mode run from the source install), the two images agree
    on at least 98% of the pixels above the status bar (which shows a temporary path): a
    bundle missing its font, translations or charts draws a visibly different window.
Prints one line per check; exit 0 when all pass.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SIZE = (1280, 800)
NAVY = (0x1F, 0x4E, 0x79)
LIGHT_BLUE = (0x9D, 0xC3, 0xE6)
CHART_TOP = 580  # the charts start below the cards in the 1280 x 800 smoke window
STATUS_BAR = 26
NAV_BOX = (4, 60, 196, 92)  # the first navigation item (总览), selected: white on navy
MIN_CHART_PIXELS = 2000
MIN_AGREEMENT = 0.98
MIN_GLYPH_FILL = 0.5


def _load(path: Path) -> object:
    from PIL import Image

    with Image.open(path) as image:
        return image.convert("RGB")


def chart_pixels(image: object) -> int:
    width, height = image.size  # type: ignore[attr-defined]
    box = image.crop((0, CHART_TOP, width, height - STATUS_BAR))  # type: ignore[attr-defined]
    colours = box.getcolors(maxcolors=1 << 20) or []
    return sum(count for count, colour in colours if colour in (NAVY, LIGHT_BLUE))


def glyph_fill(image: object) -> float:
    """How much of the navigation text's width has ink between its top and bottom edges.

    Measured on the selected navigation item (white text on navy): the columns holding ink
    in the text's inner rows (3 px in from its top and bottom), as a share of its width.
    Chinese glyphs have strokes across their whole width (about 0.75 for 总览); missing-glyph
    boxes are outlines whose inner rows hold only their vertical edges (about 0.25); no text
    at all gives 0."""
    nav = image.crop(NAV_BOX)  # type: ignore[attr-defined]
    width, height = nav.size
    pixels = nav.load()
    ink = {(x, y) for y in range(height) for x in range(width) if min(pixels[x, y]) > 160}
    if len(ink) < 20:
        return 0.0
    xs = [x for x, _ in ink]
    ys = [y for _, y in ink]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    inner = {x for x, y in ink if top + 3 <= y <= bottom - 3}
    return len(inner) / (right - left + 1)


def agreement(image: object, reference: object) -> float:
    from PIL import ImageChops

    width, height = image.size  # type: ignore[attr-defined]
    box = (0, 0, width, height - STATUS_BAR)
    diff = ImageChops.difference(image.crop(box), reference.crop(box)).convert("L")  # type: ignore[attr-defined]
    histogram = diff.histogram()
    same = sum(histogram[:16])  # tolerate anti-aliasing differences
    return same / (width * (height - STATUS_BAR))


def check(shot: Path, reference: Path | None = None) -> list[tuple[bool, str]]:
    image = _load(shot)
    results: list[tuple[bool, str]] = []
    size = image.size  # type: ignore[attr-defined]
    colours = len(image.getcolors(maxcolors=1 << 20) or [])  # type: ignore[attr-defined]
    results.append((size == SIZE and colours > 200, f"size {size}, {colours} colours"))
    pixels = chart_pixels(image)
    results.append((pixels >= MIN_CHART_PIXELS, f"chart bar pixels: {pixels}"))
    fill = glyph_fill(image)
    results.append((fill >= MIN_GLYPH_FILL, f"navigation text ink across its width: {fill:.2f}"))
    if reference is not None:
        share = agreement(image, _load(reference))
        results.append((share >= MIN_AGREEMENT, f"pixels equal to the reference: {share:.4f}"))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shot", type=Path)
    parser.add_argument("--reference", type=Path)
    args = parser.parse_args()
    results = check(args.shot, args.reference)
    for ok, text in results:
        print(("ok   " if ok else "FAIL ") + text)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
