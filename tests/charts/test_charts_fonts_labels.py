"""The bundled font is what matplotlib uses; labels are rounded, shortened and wrapped well."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from parktracker.charts.fonts import FONT_FAMILIES, ensure_fonts
from parktracker.charts.labels import (
    amount_label,
    amount_text,
    percent_label,
    wrap,
    wrap_label,
)
from parktracker.domain.models import compact_park_name
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import NumberFormat


def test_bundled_fonts_are_found_for_regular_and_bold() -> None:
    import matplotlib as mpl
    from matplotlib.font_manager import FontProperties, findfont

    paths = ensure_fonts()
    assert [p.name for p in paths] == ["NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf"]
    regular = findfont(FontProperties(family="Noto Sans SC"), fallback_to_default=False)
    bold = findfont(FontProperties(family="Noto Sans SC", weight="bold"), fallback_to_default=False)
    assert Path(regular).name == "NotoSansSC-Regular.ttf"
    assert Path(bold).name == "NotoSansSC-Bold.ttf"
    assert mpl.rcParams["font.family"] == FONT_FAMILIES
    assert mpl.rcParams["pdf.fonttype"] == 42


def test_fonts_are_selected_again_after_rcparams_changed() -> None:
    import matplotlib as mpl

    ensure_fonts()
    with mpl.rc_context({"font.family": ["serif"]}):
        ensure_fonts()
        assert mpl.rcParams["font.family"] == FONT_FAMILIES


def test_amount_labels_round_half_up_for_display_only() -> None:
    assert amount_label(Money.yi(Decimal("250.9207")), Unit.YI) == "250.9"
    assert amount_label(Money.yi(Decimal("0.05")), Unit.YI) == "0.1"  # not banker's 0.0
    assert amount_label(Money.yi(Decimal("1300")), Unit.YI) == "1300.0"
    two = NumberFormat(yi_places=4, wan_places=2)
    assert amount_label(Money.wan(Decimal("12345.67")), Unit.WAN, two) == "12345.67"
    assert amount_label(Money.wan(Decimal("12345.67")), Unit.WAN) == "12345.67"  # 2 by default
    assert (
        amount_label(Money.wan(Decimal("12345.67")), Unit.WAN, NumberFormat(wan_places=0))
        == "12346"
    )
    assert amount_label(Money.yi(Decimal("250.9207")), Unit.YI, two) == "250.9207"
    assert amount_text(Money.yi(Decimal("1351.4")), Unit.YI) == "1351.4 亿元"


def test_percent_labels() -> None:
    assert percent_label(19.3007) == "19.3%"
    assert percent_label(0.25) == "0.3%"
    assert percent_label(None) == "—"


def test_park_names_lose_the_shared_suffix() -> None:
    assert compact_park_name("集成电路产业园") == "集成电路"
    assert compact_park_name("生物医药及医疗器械产业园") == "生物医药及医疗器械"
    assert compact_park_name("全市") == "全市"
    assert compact_park_name("产业园") == "产业园"  # nothing would be left


def test_long_labels_go_on_two_lines_at_a_word_boundary() -> None:
    assert wrap_label("生物医药及医疗器械", 6) == "生物医药及\n医疗器械"
    assert wrap_label("City-wide funds", 9) == "City-wide funds"  # Latin letters are narrow
    assert wrap_label("City-wide funds", 6) == "City-wide\nfunds"
    # The break evens out the widths, and never splits a Latin word.
    assert wrap_label("AI芯片模组产业园区", 6) == "AI芯片模\n组产业园区"
    assert wrap_label("ABCDEFGH芯片", 4) == "ABCDEFGH\n芯片"
    assert wrap_label("集成电路", 6) == "集成电路"


@pytest.mark.parametrize("width", [5, 8, 11, 14])
def test_wrapping_chinese_keeps_punctuation_and_numbers_in_place(width: int) -> None:
    text = "注：序时进度为目标×已过月数÷12，预计值按1300亿元推算（示例）。"
    lines = wrap(text, width, len)
    assert "".join(lines) == text
    assert all(len(line) <= max(width, 5) for line in lines)  # one token may overrun
    assert any("1300" in line for line in lines)  # numbers are never cut
    assert any("12" in line for line in lines)
    for line in lines[1:]:
        assert line[0] not in "，。：；）、"
    for line in lines[:-1]:
        assert line[-1] not in "（“"


def test_wrapping_by_measured_width_and_existing_newlines() -> None:
    assert wrap("ab cd\nef", 3, len) == ["ab", "cd", "ef"]
    assert wrap("", 3, len) == [""]


def test_a_line_that_fits_is_measured_once_and_kept_whole() -> None:
    measured: list[str] = []

    def measure(text: str) -> float:
        measured.append(text)
        return float(len(text))

    text = "全部8个园区：2024年营业收入\n\n截至3月31日  "
    assert wrap(text, 20, measure) == ["全部8个园区：2024年营业收入", "", "截至3月31日"]
    assert measured == ["全部8个园区：2024年营业收入", "截至3月31日"]  # not each piece
    assert wrap(text, 8, measure)[:2] == ["全部8个园区：", "2024年营业收"]  # too wide: broken
