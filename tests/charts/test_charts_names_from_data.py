"""Names from data are drawn as written: no mathtext, no tofu, no label eating the plot."""

from __future__ import annotations

import dataclasses
import logging

import chart_samples
import pytest
from chart_helpers import draw
from matplotlib.figure import Figure

from parktracker.charts.build import build_figure
from parktracker.charts.glyphs import MAX_LABEL_CHARS, REPLACEMENT, drawable


def _with_first_park(name: str) -> dict[str, object]:
    """The three per-park charts, with ``name`` as the first park."""
    investment = chart_samples.investment()
    pipeline = chart_samples.pipeline()
    funds = chart_samples.funds()
    return {
        "investment": dataclasses.replace(investment, parks=[name, *investment.parks[1:]]),
        "pipeline": dataclasses.replace(pipeline, parks=[name, *pipeline.parks[1:]]),
        "funds": dataclasses.replace(funds, groups=[name, *funds.groups[1:]]),
    }


def _first_label(fig: Figure) -> str:
    ax = fig.axes[0]
    return str(ax.get_yticklabels()[0].get_text())


@pytest.mark.parametrize("chart", ["investment", "pipeline", "funds"])
@pytest.mark.parametrize("name", [r"$\frac{$光电", "$x^2$ 光电"])
def test_dollar_signs_in_a_name_are_text_not_mathtext(chart: str, name: str) -> None:
    fig = build_figure(_with_first_park(name)[chart])
    draw(fig)  # a mathtext parse error would raise here
    label = _first_label(fig)
    assert label.replace("\n", "") == name
    assert "$" in label  # drawn as typed, not as math


@pytest.mark.parametrize("chart", ["investment", "pipeline", "funds"])
def test_a_huge_name_is_cut_and_the_bars_keep_their_room(chart: str) -> None:
    fig = build_figure(_with_first_park("超长名称" * 2500)[chart])
    draw(fig)
    label = _first_label(fig)
    assert label.replace("\n", "").endswith("…")
    assert len(label.replace("\n", "")) <= MAX_LABEL_CHARS
    ax = fig.axes[0]
    assert ax.get_position().width > 0.4  # the plot keeps most of the width for its bars
    assert any(patch.get_width() > 0 for patch in ax.patches)


@pytest.mark.parametrize("chart", ["investment", "pipeline", "funds"])
def test_characters_the_fonts_lack_are_replaced_with_one_log_line(
    chart: str, caplog: pytest.LogCaptureFixture
) -> None:
    name = "光电\U000f0001\x1b"
    with caplog.at_level(logging.WARNING, logger="parktracker.charts"):
        fig = build_figure(_with_first_park(name)[chart])
        draw(fig)  # a "Glyph missing" warning would fail here
        build_figure(_with_first_park(name)[chart])
    assert _first_label(fig).replace("\n", "") == "光电" + REPLACEMENT * 2
    assert len([r for r in caplog.records if "U+F0001" in r.getMessage()]) <= 1


def test_drawable_keeps_what_the_fonts_have() -> None:
    assert drawable("青岛市集成电路产业园 (IC) 2024") == "青岛市集成电路产业园 (IC) 2024"
    assert drawable("第一行\n第二行") == "第一行\n第二行"


def test_an_edited_title_with_dollars_is_drawn_as_typed() -> None:
    from parktracker.charts.options import ChartOptions

    fig = build_figure(chart_samples.revenue(), ChartOptions(title="营收 $5$ 亿元"))
    draw(fig)
    assert any(t.get_text() == "营收 $5$ 亿元" for t in fig.texts)
