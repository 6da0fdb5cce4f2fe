"""The charts' text work kept between sessions (charts.text_store): a chart drawn from it is the
chart drawn from nothing, pixel for pixel, with no string laid out again; a file that is
damaged, or was written under other font settings, is not used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import chart_samples as samples
import matplotlib as mpl
import numpy as np
import pytest
from matplotlib import textpath

from parktracker.charts import screen_agg, text_store
from parktracker.charts.build import build_figure
from parktracker.charts.options import ChartOptions
from parktracker.charts.screen_agg import ScreenCanvasAgg, ScreenRendererAgg, clear_caches
from parktracker.charts.style import ChartSize

SIZE = ChartSize(15.6, 9.7)  # a dashboard chart at 1280×720


def _draw_all() -> list[np.ndarray]:
    pictures = []
    for data in samples.all_charts().values():
        canvas = ScreenCanvasAgg(build_figure(data, ChartOptions(size=SIZE)))
        canvas.draw()
        pictures.append(np.asarray(canvas.buffer_rgba()).copy())
    return pictures


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The strings laid out with FreeType from now on (for a size, a picture or a width)."""
    seen: list[str] = []
    prepare = ScreenRendererAgg._prepare_font
    measure = textpath.text_to_path.get_text_width_height_descent

    def prepared(self: Any, prop: Any) -> Any:
        seen.append("screen")
        return prepare(self, prop)

    def measured(s: str, prop: Any, ismath: Any) -> Any:
        seen.append(s)
        return measure(s, prop, ismath)

    monkeypatch.setattr(ScreenRendererAgg, "_prepare_font", prepared)
    monkeypatch.setattr(textpath.text_to_path, "get_text_width_height_descent", measured)
    yield seen


@pytest.fixture
def fresh() -> Iterator[None]:
    clear_caches()
    yield
    clear_caches()


def test_charts_drawn_from_the_kept_text_work_are_the_charts_drawn_from_nothing(
    tmp_path: Path, fresh: None, layouts: list[str]
) -> None:
    from_nothing = _draw_all()
    assert layouts  # the first drawing laid its strings out
    store = tmp_path / "cache" / "chart-text.bin"
    assert text_store.save(store)
    assert not text_store.save(store)  # nothing new since: not written again

    clear_caches()  # as a new session starts
    assert text_store.load(store) > 0
    layouts.clear()
    kept = _draw_all()
    assert layouts == []  # no string laid out again
    assert len(kept) == len(from_nothing)
    for drawn, expected in zip(kept, from_nothing, strict=True):
        assert np.array_equal(drawn, expected)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: b"not a store at all",
        lambda raw: raw[:8] + b"\xff" * 12 + raw[20:],  # a header that says nonsense
        lambda raw: raw.replace(b'"metrics"', b'"metricz"'),
        lambda raw: raw[:-100],  # pictures outside the file
    ],
)
def test_a_damaged_store_is_not_used(
    tmp_path: Path, fresh: None, damage: Any, layouts: list[str]
) -> None:
    from_nothing = _draw_all()
    store = tmp_path / "chart-text.bin"
    assert text_store.save(store)
    store.write_bytes(damage(store.read_bytes()))
    clear_caches()
    assert text_store.load(store) == 0
    assert not screen_agg._metrics and not screen_agg._pictures and not screen_agg._widths
    layouts.clear()
    again = _draw_all()
    assert layouts  # laid out from nothing, as without a store
    for drawn, expected in zip(again, from_nothing, strict=True):
        assert np.array_equal(drawn, expected)


def test_a_store_written_under_other_text_settings_is_not_used(tmp_path: Path, fresh: None) -> None:
    _draw_all()
    store = tmp_path / "chart-text.bin"
    assert text_store.save(store)
    clear_caches()
    with mpl.rc_context({"text.antialiased": False}):
        assert text_store.load(store) == 0
    assert text_store.load(store) > 0


def test_a_missing_store_or_an_unwritable_place_is_no_error(tmp_path: Path, fresh: None) -> None:
    assert text_store.load(tmp_path / "none.bin") == 0
    _draw_all()
    blocker = tmp_path / "a file"
    blocker.write_text("in the way")
    assert not text_store.save(blocker / "chart-text.bin")  # its folder cannot be made
