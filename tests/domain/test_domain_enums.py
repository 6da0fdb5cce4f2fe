"""Stage transitions and enum display texts."""

from __future__ import annotations

import itertools

import pytest

from parktracker.domain.enums import (
    EnterpriseTag,
    Metric,
    PlatformKind,
    PlatformLevel,
    Stage,
)
from parktracker.domain.i18n_markers import Text

NEG = Stage.NEGOTIATING
SIG = Stage.SIGNED
CON = Stage.UNDER_CONSTRUCTION
PRO = Stage.IN_PRODUCTION
TER = Stage.TERMINATED

# Every allowed move, written out by hand: forward along the pipeline (skipping is allowed) or to
# terminated from any live stage. Everything else, including staying put, is refused.
ALLOWED = {
    (NEG, SIG),
    (NEG, CON),
    (NEG, PRO),
    (NEG, TER),
    (SIG, CON),
    (SIG, PRO),
    (SIG, TER),
    (CON, PRO),
    (CON, TER),
    (PRO, TER),
}


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED, key=str))
def test_allowed_moves(current: Stage, target: Stage) -> None:
    assert current.can_advance_to(target)


@pytest.mark.parametrize(
    ("current", "target"),
    sorted(set(itertools.product(Stage, Stage)) - ALLOWED, key=str),
)
def test_refused_moves(current: Stage, target: Stage) -> None:
    assert not current.can_advance_to(target)


def test_refused_examples_spelled_out() -> None:
    assert not PRO.can_advance_to(CON)  # backwards
    assert not SIG.can_advance_to(NEG)
    assert not CON.can_advance_to(CON)  # same stage
    assert not TER.can_advance_to(NEG)  # terminated is final
    assert not TER.can_advance_to(TER)


def test_pipeline_rank_order() -> None:
    assert NEG.rank < SIG.rank < CON.rank < PRO.rank


def test_stage_values_are_stable_storage_keys() -> None:
    assert [s.value for s in Stage] == [
        "negotiating",
        "signed",
        "under_construction",
        "in_production",
        "terminated",
    ]


@pytest.mark.parametrize(
    ("enum", "context"),
    [
        (Stage, "Stage"),
        (PlatformLevel, "PlatformLevel"),
        (PlatformKind, "PlatformKind"),
        (EnterpriseTag, "EnterpriseTag"),
        (Metric, "Metric"),
    ],
)
def test_every_member_has_a_translatable_text(enum: type, context: str) -> None:
    texts = [member.text for member in enum]
    assert all(isinstance(t, Text) and t.context == context and t.source for t in texts)
    assert len({t.source for t in texts}) == len(texts)  # distinct labels


def test_provincial_or_above() -> None:
    assert PlatformLevel.NATIONAL.provincial_or_above
    assert PlatformLevel.PROVINCIAL.provincial_or_above
    assert not PlatformLevel.MUNICIPAL.provincial_or_above
