"""Cells as parks type them: amounts, dates, stage words, yes/no, parks and names."""

from __future__ import annotations

import datetime as dt

import pytest

from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel, Stage
from parktracker.domain.import_fields import AmountUnit
from parktracker.domain.import_values import (
    CellError,
    ParkIndex,
    amount,
    day,
    key_of,
    level,
    platform_kind,
    stage,
    tags,
    yes_no,
)
from parktracker.domain.models import Park
from parktracker.domain.money import Money


@pytest.mark.parametrize(
    ("cell", "unit", "yuan"),
    [
        ("125,000", AmountUnit.WAN, 1_250_000_000),
        ("125，000", AmountUnit.WAN, 1_250_000_000),
        ("１２５０００", AmountUnit.WAN, 1_250_000_000),
        (" 125000 ", AmountUnit.WAN, 1_250_000_000),
        ("1.2345万元", AmountUnit.WAN, 12_345),
        (125000, AmountUnit.WAN, 1_250_000_000),
        (0.1234, AmountUnit.WAN, 1234),
        (12.5, AmountUnit.YI, 1_250_000_000),
        ("1,250,000,000", AmountUnit.YUAN, 1_250_000_000),
        ("¥1,020元", AmountUnit.YUAN, 1020),
        ("3.5亿元", AmountUnit.YI, 350_000_000),
    ],
)
def test_amounts(cell: object, unit: AmountUnit, yuan: int) -> None:
    assert amount(cell, unit) == Money(yuan)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("约5亿", "amount not recognised: “约5亿”"),
        ("待定", "amount not recognised: “待定”"),
        ("12,34", "amount not recognised: “12,34”"),
        ("5亿元", "amount not recognised: “5亿元”"),  # 亿元 in a 万元 column: never guessed
        ("-100", "amounts cannot be negative: “-100”"),
        (-3, "amounts cannot be negative: “-3”"),
        ("0.00001", "Too many decimal places"),
    ],
)
def test_amounts_refused(cell: object, reason: str) -> None:
    with pytest.raises(CellError) as caught:
        amount(cell, AmountUnit.WAN)
    rendered = caught.value.message.source.replace("%1", *caught.value.args_text[:1] or [""])
    assert rendered.startswith(reason)


def test_empty_amount_is_none() -> None:
    assert amount(None, AmountUnit.WAN) is None
    assert amount("  ", AmountUnit.WAN) is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2023年11月", dt.date(2023, 11, 1)),
        ("2023.12", dt.date(2023, 12, 1)),
        (2023.12, dt.date(2023, 12, 1)),
        ("2024/1/15", dt.date(2024, 1, 15)),
        ("2024-02-20", dt.date(2024, 2, 20)),
        ("2023年10月8日", dt.date(2023, 10, 8)),
        (dt.datetime(2024, 3, 15), dt.date(2024, 3, 15)),
        (dt.date(2024, 3, 15), dt.date(2024, 3, 15)),
        (45366, dt.date(2024, 3, 15)),  # an Excel date serial number
        (" ２０２４－０３－１５ ", dt.date(2024, 3, 15)),
    ],
)
def test_dates(cell: object, expected: dt.date) -> None:
    assert day(cell) == expected


@pytest.mark.parametrize("cell", ["2024-02-30", "明年", "2023.1x"])
def test_impossible_dates(cell: str) -> None:
    with pytest.raises(CellError):
        day(cell)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("在建|建设中|已开工| 在建 ", Stage.UNDER_CONSTRUCTION),
        ("已签约待开工|签约未开工|待开工|已签约", Stage.SIGNED),
        ("已投产|投产|竣工投产", Stage.IN_PRODUCTION),
        ("在谈|洽谈", Stage.NEGOTIATING),
        ("终止|已终止", Stage.TERMINATED),
        ("Under construction|in_production", None),
    ],
)
def test_stage_words(words: str, expected: Stage | None) -> None:
    for word in words.split("|"):
        found = stage(word)
        assert found is (expected or found), word
        assert found is not None


def test_unknown_stage() -> None:
    with pytest.raises(CellError) as caught:
        stage("规划中")
    assert caught.value.args_text == ("规划中",)


def test_yes_no_level_kind_tags() -> None:
    assert yes_no("是") is True and yes_no("否") is False and yes_no(None) is None
    assert level("国家级") is PlatformLevel.NATIONAL and level("省级") is PlatformLevel.PROVINCIAL
    assert platform_kind("重点实验室") is PlatformKind.KEY_LAB
    assert platform_kind("新型研发机构") is PlatformKind.NEW_RD_INSTITUTION
    assert tags("链主、专精特新“小巨人”，规上") == frozenset(
        {EnterpriseTag.CHAIN_LEADER, EnterpriseTag.LITTLE_GIANT, EnterpriseTag.ABOVE_SCALE}
    )
    with pytest.raises(CellError):
        yes_no("也许")


PARKS = [
    Park("青岛市集成电路产业园", "集成电路产业园", "集成电路", id=1),
    Park("青岛市人工智能产业园", "人工智能产业园", "人工智能", id=2),
]


@pytest.mark.parametrize(
    "text", ["青岛市集成电路产业园", "集成电路产业园", "集成电路", " 集成电路 ", "集成 电路"]
)
def test_park_by_full_name_short_name_or_label(text: str) -> None:
    found = ParkIndex(PARKS).find(text)
    assert found is not None and found.id == 1


def test_unknown_park_names_itself() -> None:
    with pytest.raises(CellError) as caught:
        ParkIndex(PARKS).find("青岛市量子信息产业园")
    assert caught.value.message.source == "%1 is not in the list of parks"
    assert caught.value.args_text == ("青岛市量子信息产业园",)


def test_natural_keys_ignore_stray_spaces_and_bracket_width() -> None:
    assert key_of(" 芯片封装项目（一期） ") == key_of("芯片封装项目(一期)")
    assert key_of("ＡＢＣ  项目") == key_of("abc 项目")


def test_the_words_the_exporter_writes_are_read_back() -> None:
    """Export writes stages, levels, kinds and tags as the UI shows them, in Chinese or
    English; each one is recognised."""
    from parktracker.i18n import set_language, tr

    for language in ("zh_CN", "en"):
        set_language(language)
        for member in Stage:
            assert stage(tr(member.text)) is member, (language, tr(member.text))
        for lv in PlatformLevel:
            assert level(tr(lv.text)) is lv, (language, tr(lv.text))
        for kind in PlatformKind:
            assert platform_kind(tr(kind.text)) is kind, (language, tr(kind.text))
        for tag in EnterpriseTag:
            assert tags(tr(tag.text)) == frozenset({tag}), (language, tr(tag.text))
        joined = "、".join(tr(t.text) for t in EnterpriseTag)
        assert tags(joined) == frozenset(EnterpriseTag)
