"""Charts drawn for the screen (ScreenCanvasAgg) show the same texts in the same places as
matplotlib's own Agg canvas, drawn again from what the first draw kept."""

from __future__ import annotations

import chart_samples as samples
import numpy as np
import pytest
from chart_helpers import draw, texts
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from parktracker.charts import screen_agg
from parktracker.charts.build import build_figure
from parktracker.charts.fonts import ensure_fonts
from parktracker.charts.options import ChartOptions
from parktracker.charts.screen_agg import ScreenCanvasAgg, clear_caches
from parktracker.charts.style import ChartSize

SIZE = ChartSize(16, 9)


def _pixels(canvas: FigureCanvasAgg) -> np.ndarray:
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[:, :, :3].copy()


def _ink_box(pixels: np.ndarray) -> tuple[int, int, int, int]:
    rows, columns = np.nonzero((pixels < 200).any(axis=2))
    return int(rows.min()), int(columns.min()), int(rows.max()), int(columns.max())


@pytest.mark.parametrize("name", list(samples.all_charts()))
def test_texts_land_where_matplotlib_puts_them(name: str) -> None:
    data = samples.all_charts()[name]
    plain = build_figure(data, ChartOptions(size=SIZE))
    screen = build_figure(data, ChartOptions(size=SIZE))
    plain_renderer = draw(plain)
    canvas = ScreenCanvasAgg(screen)
    canvas.draw()
    screen_renderer = canvas.get_renderer()
    plain_boxes = [v for t in texts(plain) for v in t.get_window_extent(plain_renderer).bounds]
    screen_boxes = [v for t in texts(screen) for v in t.get_window_extent(screen_renderer).bounds]
    assert [t.get_text() for t in texts(plain)] == [t.get_text() for t in texts(screen)]
    assert screen_boxes == pytest.approx(plain_boxes)


def test_a_string_is_drawn_where_matplotlib_draws_it() -> None:
    ensure_fonts()
    clear_caches()
    pictures = []
    for canvas_type in (FigureCanvasAgg, ScreenCanvasAgg, ScreenCanvasAgg):
        figure = Figure(figsize=(4, 1), dpi=100, facecolor="white")
        figure.text(0.1, 0.4, "营收 Revenue 2024 年", fontsize=14)
        figure.text(0.5, 0.1, "旋转 45°", fontsize=10, rotation=45)
        pictures.append(_pixels(canvas_type(figure)))
    plain, first, again = pictures
    assert np.array_equal(first, again)  # drawn again from the kept picture, the same
    # Whole-pixel placement of the string instead of sub-pixel placement of each glyph.
    assert np.allclose(_ink_box(first), _ink_box(plain), atol=1)


def test_a_string_drawn_from_its_measuring_layout_looks_as_drawn_from_its_own() -> None:
    # Measuring a string lays it out and keeps its picture for the draw that follows (one
    # layout instead of two): the same pixels as a picture laid out for the draw alone.
    ensure_fonts()
    pictures = []
    for own_layout in (False, True):
        clear_caches()
        figure = Figure(figsize=(4, 1), dpi=100, facecolor="white")
        strings = [
            figure.text(0.05, 0.5, "截至2024年3月31日　单位：亿元", fontsize=9),
            figure.text(0.6, 0.1, "西海岸新区 12.5", fontsize=8, fontweight="bold"),
        ]
        canvas = ScreenCanvasAgg(figure)
        renderer = canvas.get_renderer()
        for text in strings:
            text.get_window_extent(renderer)
        if own_layout:
            screen_agg._pictures.clear()  # sizes kept, pictures laid out again at the draw
        pictures.append(_pixels(canvas))
    kept, own = pictures
    assert (kept < 200).any()  # the strings are there
    assert np.array_equal(kept, own)
