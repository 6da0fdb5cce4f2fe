"""Every chart renders at both Word presets, with its frame, without clipping or missing glyphs."""

from __future__ import annotations

from dataclasses import replace

import chart_samples as samples
import pytest
from chart_helpers import all_text, draw, texts
from matplotlib.axes import Axes

from parktracker.charts.build import build_figure
from parktracker.charts.options import (
    T_NO_DATA,
    T_PROJECTS_UNIT,
    T_SAMPLE_MARK,
    T_SOURCE,
    T_SOURCE_SAMPLE,
    ChartOptions,
)
from parktracker.charts.style import WORD_FULL, WORD_HALF, ChartSize
from parktracker.i18n import tr

SIZES = {"word-full": WORD_FULL, "word-half": WORD_HALF, "screen": ChartSize(20, 8)}
NAMES = list(samples.all_charts())


def _visible_axes(fig: object) -> list[Axes]:
    return [ax for ax in fig.axes if ax.axison]  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", NAMES)
def test_every_chart_draws_inside_its_figure(name: str, size: str) -> None:
    data = samples.all_charts()[name]
    fig = build_figure(data, ChartOptions(size=SIZES[size]))
    renderer = draw(fig)
    figure_box = fig.bbox
    for text in texts(fig):
        box = text.get_window_extent(renderer)
        assert box.x0 >= figure_box.x0 - 0.5, f"{text.get_text()!r} cut off on the left"
        assert box.x1 <= figure_box.x1 + 0.5, f"{text.get_text()!r} cut off on the right"
        assert box.y0 >= figure_box.y0 - 0.5, f"{text.get_text()!r} cut off at the bottom"
        assert box.y1 <= figure_box.y1 + 0.5, f"{text.get_text()!r} cut off at the top"
    (ax,) = _visible_axes(fig)
    plot = ax.get_tightbbox(renderer)
    assert plot is not None
    # The header (title, date, legend) and the footer (notes, source) stay clear of the plot.
    frame_texts = [t for t in fig.texts if t.get_text().strip()]
    assert frame_texts
    for text in frame_texts:
        box = text.get_window_extent(renderer)
        assert box.y0 >= plot.y1 - 0.5 or box.y1 <= plot.y0 + 0.5, (
            f"{text.get_text()!r} overlaps the plot"
        )
    for legend in fig.legends:
        assert legend.get_window_extent(renderer).y0 >= plot.y1 - 0.5
        assert legend.get_window_extent(renderer).x1 <= figure_box.x1 + 0.5


@pytest.mark.parametrize("name", NAMES)
def test_frame_states_title_date_unit_source_and_sample_mark(name: str) -> None:
    data = samples.all_charts()[name]
    fig = build_figure(data)
    draw(fig)
    shown = all_text(fig)
    assert "截至2024年3月31日" in shown
    unit = tr(T_PROJECTS_UNIT) if name == "pipeline" else "亿元"
    assert tr(("Charts", "Unit: %1"), unit) in shown
    assert tr(T_SOURCE_SAMPLE) in shown.replace("\n", "")
    assert tr(T_SAMPLE_MARK) in shown
    assert "八个园区" in fig.get_label()


@pytest.mark.parametrize("name", NAMES)
def test_real_data_has_no_sample_mark_and_the_plain_source(name: str) -> None:
    data = samples.all_charts(sample=False)[name]
    fig = build_figure(data)
    draw(fig)
    shown = all_text(fig)
    assert tr(T_SAMPLE_MARK) not in shown
    assert tr(T_SOURCE) in shown
    assert tr(T_SOURCE_SAMPLE) not in shown.replace("\n", "")


@pytest.mark.parametrize("size", [WORD_FULL, WORD_HALF])
@pytest.mark.parametrize("name", NAMES)
def test_a_chart_without_data_says_so(name: str, size: ChartSize) -> None:
    data = samples.empty_charts()[name]
    fig = build_figure(data, ChartOptions(size=size))
    draw(fig)
    assert tr(T_NO_DATA) in [t.get_text() for t in texts(fig)]
    assert _visible_axes(fig) == []  # no empty or broken axis
    assert "氢能与储能产业园" in all_text(fig)  # still titled, dated and sourced
    assert tr(T_SOURCE) in all_text(fig)


def test_edited_title_and_source_replace_the_defaults() -> None:
    options = ChartOptions(
        title="图1 各园区项目投资完成情况", source="资料来源：市发展改革委投资处"
    )
    fig = build_figure(samples.investment(), options)
    draw(fig)
    shown = all_text(fig)
    assert "图1 各园区项目投资完成情况" in shown
    assert "资料来源：市发展改革委投资处" in shown
    assert tr(T_SOURCE_SAMPLE) not in shown.replace("\n", "")
    assert fig.get_label() == "图1 各园区项目投资完成情况"


def test_an_empty_title_and_source_leave_their_lines_out() -> None:
    plain = build_figure(samples.funds())
    bare = build_figure(samples.funds(), ChartOptions(title="", source=""))
    draw(plain)
    draw(bare)
    assert len(texts(bare)) < len(texts(plain))
    assert tr(T_SOURCE_SAMPLE) not in all_text(bare).replace("\n", "")
    # the plot gets the room
    assert bare.axes[0].get_position().height > plain.axes[0].get_position().height


def test_long_title_wraps_inside_a_half_width_figure() -> None:
    title = "青岛市八个新兴产业专业园区重点项目计划总投资与累计完成投资情况对比（截至一季度末）"
    fig = build_figure(samples.investment(), ChartOptions(size=WORD_HALF, title=title))
    renderer = draw(fig)
    (shown,) = [t for t in texts(fig) if t.get_text().replace("\n", "") == title]
    assert "\n" in shown.get_text()
    assert shown.get_window_extent(renderer).x1 <= fig.bbox.x1


def test_a_glyph_missing_from_the_fonts_fails_the_render() -> None:
    """The guard itself: a character no bundled font has must raise, not draw a box. (Text from
    data is replaced before it is drawn, so the character goes in below the chart's own texts.)"""
    fig = build_figure(samples.funds())
    fig.text(0.5, 0.5, "产业基金 \U0001fae0")
    with pytest.raises(UserWarning, match="Glyph"):
        draw(fig)


def test_chinese_and_symbols_render_from_the_bundled_font() -> None:
    title = "营业收入（亿元）：同比＋12.5%，序时进度≥25%；①②③ ㎡ ℃ — “示例”"
    fig = build_figure(samples.revenue(), ChartOptions(title=title))
    draw(fig)  # would raise on any missing glyph


def test_revenue_chart_annotates_the_latest_point() -> None:
    fig = build_figure(samples.revenue())
    draw(fig)
    shown = all_text(fig)
    assert "250.9 亿元" in shown  # 72.1675 + 79.2941 + 99.4591 = 250.9207
    assert "19.3" in shown  # % of the 1300 亿元 target
    assert "1300.0 亿元" in shown  # the target line's legend, fixed decimals
    ax = fig.axes[0]
    assert any(line.get_ydata()[-1] == pytest.approx(1300) for line in ax.get_lines())


@pytest.mark.parametrize("months", [1, 6, 9, 11, 12])
def test_revenue_callout_stays_in_the_plot_all_year(months: int) -> None:
    for size in (WORD_FULL, WORD_HALF):
        fig = build_figure(samples.revenue(months=months), ChartOptions(size=size))
        renderer = draw(fig)
        ax = fig.axes[0]
        (callout,) = [t for t in ax.texts if "亿元" in t.get_text()]
        box = callout.get_window_extent(renderer)
        assert ax.bbox.x0 <= box.x0 and box.x1 <= ax.bbox.x1 + 1
        assert ax.bbox.y0 <= box.y0 and box.y1 <= ax.bbox.y1 + 1


def test_revenue_without_target_draws_no_target_or_pace() -> None:
    data = replace(samples.revenue(), target=None, pace=[], latest_share_of_target=None)
    fig = build_figure(data)
    draw(fig)
    assert "1300" not in all_text(fig)
    assert "250.9 亿元" in all_text(fig)


def test_investment_chart_labels_each_park_with_its_share() -> None:
    fig = build_figure(samples.investment())
    draw(fig)
    shown = all_text(fig)
    for label in ("27.4%", "36.2%", "42.0%"):
        assert label in shown
    assert "生物医药及医疗器械" in shown  # "产业园" dropped from the labels
    assert "产业园\n" not in shown


def test_pipeline_switches_between_counts_and_amounts() -> None:
    counts = build_figure(samples.pipeline())
    amounts = build_figure(samples.pipeline(), ChartOptions(pipeline_measure="amount"))
    draw(counts)
    draw(amounts)
    count_text, amount_text = all_text(counts), all_text(amounts)
    assert tr(("Charts", "Unit: %1"), tr(T_PROJECTS_UNIT)) in count_text
    assert tr(("Charts", "Unit: %1"), "亿元") in amount_text
    assert "15" in count_text.split("\n")  # 人工智能: 1 + 2 + 8 + 4 projects
    assert "256.4" in amount_text.split("\n")  # 集成电路: 9.5 + 77.0 + 146.8 + 23.1 亿元
    assert "237.2" in amount_text.split("\n")  # a segment label


def test_funds_chart_labels_bars_when_there_is_room() -> None:
    tall = build_figure(samples.funds(), ChartOptions(size=ChartSize(16, 20)))
    short = build_figure(samples.funds(), ChartOptions(size=WORD_HALF))
    draw(tall)
    draw(short)
    assert "33.7" in all_text(tall).split("\n")  # 集成电路 fund scale
    assert "全市" in all_text(tall)
    assert "33.7" not in all_text(short).split("\n")


def test_monthly_chart_spans_24_months_with_the_year_before() -> None:
    data = samples.monthly()
    fig = build_figure(data)
    draw(fig)
    ax = fig.axes[0]
    assert len(ax.patches) == 24
    (earlier,) = ax.get_lines()
    # the demo records start in 2023-01: a year earlier, only 2024-01..03 have a comparison
    assert list(earlier.get_xdata()) == [21, 22, 23]
    assert "48.5" in all_text(fig).split("\n")
    assert any("2023" in t.get_text() for t in ax.get_xticklabels())


def test_english_labels(english: None) -> None:
    fig = build_figure(samples.revenue())
    draw(fig)
    shown = all_text(fig)
    assert "As of 2024-03-31" in shown
    assert "Sample data" in shown
    assert "Jan" in shown


def test_unknown_data_is_refused() -> None:
    with pytest.raises(TypeError):
        build_figure(object())


def test_charts_use_neither_pyplot_nor_qt() -> None:
    """Figures are plain matplotlib objects: no global pyplot state, no Qt in headless use."""
    import subprocess
    import sys

    code = (
        "import sys, datetime as dt\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "import chart_samples as s\n"
        "from parktracker.charts.build import build_figure\n"
        "from parktracker.charts.export import figure_bytes\n"
        "for data in s.all_charts().values():\n"
        "    figure_bytes(build_figure(data), 'png', dpi=50)\n"
        "bad = [m for m in ('matplotlib.pyplot', 'PySide6') if m in sys.modules]\n"
        "print(','.join(bad) or 'clean')\n"
    )
    from pathlib import Path

    result = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "clean"


def test_a_chart_rebuilt_after_an_edit_starts_its_layout_where_the_plot_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parktracker.charts.band_layout import BandLayout, carry_layout
    from parktracker.domain.money import Money

    data = samples.all_charts()["investment-by-park"]
    before = build_figure(data, ChartOptions(size=WORD_FULL))
    draw(before)
    engine = before.get_layout_engine()
    assert isinstance(engine, BandLayout) and engine.seed is not None

    passes: list[int] = []
    measured = Axes.get_tightbbox

    def counting(self: Axes, *args: object, **kwargs: object) -> object:
        passes.append(1)
        return measured(self, *args, **kwargs)

    monkeypatch.setattr(Axes, "get_tightbbox", counting)
    same = build_figure(data, ChartOptions(size=WORD_FULL))
    carry_layout(before, same)
    draw(same)
    assert len(passes) == 1  # the same chart again: one pass confirms the old place

    # After an edit that widens the labels, the seeded layout lands where a fresh one does.
    edited = replace(
        data,
        planned=[m + Money.yi(400) for m in data.planned],
        completed_share=[99.9 for _ in data.completed_share],
    )
    monkeypatch.setattr(Axes, "get_tightbbox", measured)
    seeded, fresh = (build_figure(edited, ChartOptions(size=WORD_FULL)) for _ in range(2))
    carry_layout(before, seeded)
    renderer = draw(seeded)
    draw(fresh)
    pixel = 1 / seeded.bbox.width
    assert seeded.axes[0].get_position().bounds == pytest.approx(
        fresh.axes[0].get_position().bounds, abs=pixel
    )
    for text in texts(seeded):
        box = text.get_window_extent(renderer)
        assert box.x0 >= -0.5 and box.x1 <= seeded.bbox.x1 + 0.5, text.get_text()
        assert box.y0 >= -0.5 and box.y1 <= seeded.bbox.y1 + 0.5, text.get_text()


def test_charts_print_the_chosen_decimals() -> None:
    """Charts and their exports use the application's one number format."""
    from parktracker.charts.options import ChartOptions
    from parktracker.domain.number_format import NumberFormat

    fig = build_figure(samples.revenue(), ChartOptions(number_format=NumberFormat(yi_places=2)))
    draw(fig)
    shown = all_text(fig)
    assert "250.92 亿元" in shown and "1300.00 亿元" in shown
    assert "250.9207" not in shown
