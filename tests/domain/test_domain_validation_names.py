"""Names: required, of a documented maximum length, one line of printable text."""

from __future__ import annotations

import pytest

from parktracker.domain.enums import PlatformKind, PlatformLevel, Stage
from parktracker.domain.models import Enterprise, Fund, Park, Platform, Project
from parktracker.domain.validation import (
    M_CONTROL_CHARACTERS,
    M_NAME_TOO_LONG,
    MAX_NAME_LENGTH,
    escape_controls,
    validate_fund,
    validate_park,
    validate_park_record,
    validate_project,
)


def _name_messages(name: str) -> list[object]:
    problems = [
        *validate_project(Project(park_id=1, name=name, stage=Stage.SIGNED)),
        *validate_park(Park(name=name, short_name=name, industry="集成电路")),
        *validate_fund(Fund(name=name, park_id=1)),
        *validate_park_record(
            Platform(
                park_id=1,
                name=name,
                level=PlatformLevel.NATIONAL,
                kind=PlatformKind.KEY_LAB,
            )
        ),
        *validate_park_record(Enterprise(park_id=1, name=name)),
    ]
    return [p.message for p in problems if p.field in {"name", "short_name"}]


@pytest.mark.parametrize(
    "bad", ["光电\x1b[31m项目", "光电\r项目", "光电\x00", "第一行\n第二行", "名\t称"]
)
def test_control_characters_are_refused_in_every_kind_of_name(bad: str) -> None:
    assert _name_messages(bad) == [M_CONTROL_CHARACTERS] * 6


def test_a_name_longer_than_the_maximum_is_refused() -> None:
    assert _name_messages("名" * (MAX_NAME_LENGTH + 1)) == [M_NAME_TOO_LONG] * 6
    assert _name_messages("名" * MAX_NAME_LENGTH) == []


def test_the_too_long_message_says_the_limit_and_the_length() -> None:
    problems = validate_fund(Fund(name="基" * 10_000, park_id=None))
    assert [p.render() for p in problems] == [
        f"A name can have at most {MAX_NAME_LENGTH} characters; this one has 10000."
    ]


def test_ordinary_names_pass() -> None:
    assert _name_messages("青岛中微创芯 智能功率模块（IPM）项目 $x^2$ 😀") == []


def test_messages_escape_control_characters() -> None:
    assert escape_controls("光电\x1b[31m\r") == "光电\\x1b[31m\\r"
    assert escape_controls("普通文字") == "普通文字"
