"""Agg drawing for the screen, with the text work of one draw kept for the next.

A dashboard chart is mostly text: titles, tick labels, data labels, legend, notes. matplotlib
3.11 lays out and rasterises every string glyph by glyph at every draw, and keys its text-size
cache to one renderer, which a new figure never shares: text took about half of drawing a
chart, and the same strings were measured and rasterised again at every redraw.

:class:`ScreenCanvasAgg` draws with :class:`ScreenRendererAgg`, which keeps, for the whole
process, each string's size and its rasterised picture (by string, font properties and dpi), and
each font's file list; it draws a string as one picture at a whole-pixel position (as matplotlib
did up to 3.10) instead of glyph by glyph at sub-pixel positions. A string is laid out once
for both (its size is asked first, by the layout, and its picture kept from that layout): a
layout (``FT2Font.set_text``) costs 0.1-0.8 ms a string, and laying each out twice took about
a tenth of drawing the dashboard's charts the first time. Only pictures for the screen are
drawn this way; exports (PNG, SVG, PDF) use matplotlib's own canvases unchanged.

The caches hold plain data (numbers and pixel arrays), never a font object: matplotlib's font
objects stay per thread (``font_manager.get_font``), so charts drawn in two threads at once
share nothing but read-only arrays.
"""

from __future__ import annotations

import math
import threading
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import FontProperties, fontManager, get_font

MAX_ENTRIES = 4096  # strings kept per cache (a dashboard draws a few hundred)

_lock = threading.Lock()
_metrics: dict[tuple[Any, ...], tuple[float, float, float]] = {}
_pictures: dict[tuple[Any, ...], tuple[np.ndarray, float, float, float]] = {}
_font_files: dict[FontProperties, Any] = {}
_line_metrics: dict[tuple[Any, ...], tuple[float, float, float] | None] = {}
# Unhinted widths the chart frame measures lines with (text, points, weight, font families).
_widths: dict[tuple[str, float, str, tuple[str, ...]], float] = {}
_added = [0]  # entries added since the caches were last stored or filled (text_store)


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    with _lock:
        if len(cache) >= MAX_ENTRIES:
            cache.clear()
        cache[key] = value
        _added[0] += 1


def kept_width(key: tuple[str, float, str, tuple[str, ...]]) -> float | None:
    """A line's unhinted width as measured before (None: not measured yet)."""
    return _widths.get(key)


def keep_width(key: tuple[str, float, str, tuple[str, ...]], width: float) -> None:
    _remember(_widths, key, width)


def clear_caches() -> None:
    """Forget every measured string and picture (after the fonts changed)."""
    with _lock:
        _metrics.clear()
        _pictures.clear()
        _font_files.clear()
        _line_metrics.clear()
        _widths.clear()


class ScreenRendererAgg(RendererAgg):
    """RendererAgg whose text sizes and pictures are kept for the whole process."""

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)  # type: ignore[no-untyped-call]

    def _prepare_font(self, font_prop: FontProperties) -> Any:
        files = _font_files.get(font_prop)
        if files is None:
            files = fontManager._find_fonts_by_props(font_prop)
            _remember(_font_files, font_prop.copy(), files)
        font = get_font(files)  # this thread's own font object
        font.clear()
        font.set_size(font_prop.get_size_in_points(), self.dpi)
        return font

    def _get_font_height_metrics(self, font_prop: FontProperties) -> Any:
        """The font's ascent, descent and line gap in pixels, as ``Text._get_layout`` works them
        out from the font's tables (asked once per font, size and dpi instead of per string)."""
        key = (font_prop, self.dpi)
        if key in _line_metrics:
            found = _line_metrics[key]
        else:
            found = _font_line_metrics(
                get_font(fontManager._find_fonts_by_props(font_prop)),
                font_prop.get_size_in_points() * self.dpi / 72,
            )
            _remember(_line_metrics, (font_prop.copy(), self.dpi), found)
        return (None, None, None) if found is None else found

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> Any:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-untyped-call]
        key = (s, prop, self.dpi)
        found = _metrics.get(key)
        if found is None:
            # Laid out once for both: the size (as RendererAgg works it out) and the picture
            # the draw that usually follows shows (a layout is most of the cost of either).
            font = self._prepare_font(prop)
            font.set_text(s, 0.0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
            width, height = font.get_width_height()
            found = (width / 64.0, height / 64.0, font.get_descent() / 64.0)
            stored = prop.copy()
            _remember(_metrics, (s, stored, self.dpi), found)
            antialiased = bool(mpl.rcParams["text.antialiased"])  # what Text draws with
            if (s, prop, self.dpi, antialiased) not in _pictures:
                _remember(
                    _pictures, (s, stored, self.dpi, antialiased), _rasterise(font, antialiased)
                )
        return found

    def draw_text(  # noqa: PLR0917 - matplotlib's signature
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        features = None if mtext is None else mtext.get_fontfeatures()
        language = None if mtext is None else mtext.get_language()
        if ismath or features or language:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        antialiased = bool(gc.get_antialiased())
        key = (s, prop, self.dpi, antialiased)
        found = _pictures.get(key)
        if found is None:
            found = self._picture(s, prop, antialiased)
            _remember(_pictures, (s, prop.copy(), self.dpi, antialiased), found)
        picture, descent, x_offset, y_offset = found
        x_descent = descent * math.sin(math.radians(angle))
        y_descent = descent * math.cos(math.radians(angle))
        left = round(x + x_offset + x_descent)
        bottom = round(y + y_offset + y_descent)
        self._renderer.draw_text_image(picture, left, bottom + 1, angle, gc)

    def _picture(self, s: str, prop: Any, antialiased: bool) -> tuple[Any, float, float, float]:
        """``s`` rasterised in one piece (the whole string at a whole-pixel origin)."""
        font = self._prepare_font(prop)
        font.set_text(s, 0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
        return _rasterise(font, antialiased)


def _rasterise(font: Any, antialiased: bool) -> tuple[Any, float, float, float]:
    """The string ``font`` holds (after ``set_text``) as one picture, with its descent and the
    picture's offset (pixels)."""
    font.draw_glyphs_to_bitmap(antialiased=antialiased)
    picture = np.array(font.get_image(), dtype=np.uint8)  # a copy: the font is reused
    x_offset, y_offset = font.get_bitmap_offset()
    return picture, font.get_descent() / 64.0, x_offset / 64.0, y_offset / 64.0


def _font_line_metrics(font: Any, pixels_per_em: float) -> tuple[float, float, float] | None:
    """Ascent, descent and line gap (pixels) from the OS/2 or hhea table, as matplotlib's
    ``Text._get_layout`` reads them; None if the font has neither table."""
    for table_name, gap_key, ascent_key, descent_key in (
        ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        ("hhea", "lineGap", "ascent", "descent"),
    ):
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        scale = pixels_per_em / font.get_sfnt_table("head")["unitsPerEm"]
        return table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale
    return None


class ScreenCanvasAgg(FigureCanvasAgg):
    """FigureCanvasAgg drawing with :class:`ScreenRendererAgg`."""

    def get_renderer(self) -> Any:
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key or not isinstance(self.renderer, ScreenRendererAgg):
            self.renderer = ScreenRendererAgg(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer
