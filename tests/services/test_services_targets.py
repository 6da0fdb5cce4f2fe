"""Yearly targets: one per year, scope and metric; setting one again updates it."""

from __future__ import annotations

from typing import Any

import pytest

from parktracker.domain.enums import Metric
from parktracker.domain.models import Target
from parktracker.domain.money import Money
from parktracker.domain.validation import M_NEGATIVE, M_YEAR_RANGE, ValidationError
from parktracker.services.targets import get_target, set_target
from parktracker.storage import parks
from parktracker.storage.database import Database


def snapshot(db: Database) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in db.query("SELECT * FROM targets ORDER BY id")] + [
        tuple(r) for r in db.query("SELECT * FROM audit_log ORDER BY id")
    ]


def park_id(db: Database, key: str) -> int:
    park = parks.find(db, key)
    assert park is not None
    assert park.id is not None
    return park.id


def test_new_database_holds_the_2024_revenue_target(new_db: Database) -> None:
    target = get_target(new_db, year=2024, metric=Metric.REVENUE)
    assert target is not None
    assert (target.amount, target.park_id) == (Money.yi(1300), None)


def test_set_target_adds_a_target(new_db: Database) -> None:
    target_id = set_target(
        new_db,
        target=Target(2025, Metric.ANNUAL_INVESTMENT, Money.yi("350.5"), note="年度投资目标"),
    )

    assert get_target(new_db, year=2025, metric=Metric.ANNUAL_INVESTMENT) == Target(
        2025, Metric.ANNUAL_INVESTMENT, Money.yi("350.5"), None, "年度投资目标", id=target_id
    )
    assert get_target(new_db, year=2025, metric=Metric.REVENUE) is None
    assert new_db.scalar("SELECT amount_yuan FROM targets WHERE id = ?", [target_id]) == (
        35_050_000_000
    )


def test_setting_a_target_again_updates_it(new_db: Database) -> None:
    first = set_target(new_db, target=Target(2025, Metric.REVENUE, Money.yi(1400), note="初定"))
    count = new_db.scalar("SELECT count(*) FROM targets")

    second = set_target(
        new_db, target=Target(2025, Metric.REVENUE, Money.wan("14500000.5"), note="调整")
    )

    assert second == first
    assert new_db.scalar("SELECT count(*) FROM targets") == count
    stored = get_target(new_db, year=2025, metric=Metric.REVENUE)
    assert stored is not None
    assert (stored.id, stored.amount, stored.note) == (first, Money.wan("14500000.5"), "调整")
    last = new_db.query("SELECT action, row_id FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert tuple(last) == ("update", first)


def test_the_reference_target_is_updated_not_duplicated(new_db: Database) -> None:
    reference = get_target(new_db, year=2024, metric=Metric.REVENUE)
    assert reference is not None
    set_target(new_db, target=Target(2024, Metric.REVENUE, Money.yi(1350)))
    stored = get_target(new_db, year=2024, metric=Metric.REVENUE)
    assert stored is not None
    assert (stored.id, stored.amount, stored.note) == (reference.id, Money.yi(1350), "")
    assert new_db.scalar("SELECT count(*) FROM targets") == 1


def test_park_target_is_separate_from_the_all_parks_target(new_db: Database) -> None:
    display = park_id(new_db, "新型显示")
    ai = park_id(new_db, "人工智能")

    display_id = set_target(new_db, target=Target(2024, Metric.REVENUE, Money.yi(300), display))
    ai_id = set_target(new_db, target=Target(2024, Metric.REVENUE, Money.yi(180), ai))
    set_target(new_db, target=Target(2024, Metric.REVENUE, Money.yi(310), display))

    assert len({display_id, ai_id}) == 2
    all_parks = get_target(new_db, year=2024, metric=Metric.REVENUE)
    for_display = get_target(new_db, year=2024, metric=Metric.REVENUE, park_id=display)
    for_ai = get_target(new_db, year=2024, metric=Metric.REVENUE, park_id=ai)
    assert all_parks is not None and all_parks.amount == Money.yi(1300)
    assert for_display is not None and for_display.amount == Money.yi(310)
    assert for_ai is not None and for_ai.amount == Money.yi(180)
    assert new_db.scalar("SELECT count(*) FROM targets") == 3


def test_a_negative_target_is_refused(new_db: Database) -> None:
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        set_target(new_db, target=Target(2024, Metric.REVENUE, Money(-1)))

    assert [(p.field, p.message) for p in caught.value.problems] == [("amount", M_NEGATIVE)]
    assert snapshot(new_db) == before
    stored = get_target(new_db, year=2024, metric=Metric.REVENUE)
    assert stored is not None
    assert stored.amount == Money.yi(1300)


def test_a_target_for_an_unsupported_year_is_refused(new_db: Database) -> None:
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        set_target(new_db, target=Target(1999, Metric.REVENUE, Money.yi(1)))
    assert [(p.field, p.message) for p in caught.value.problems] == [("year", M_YEAR_RANGE)]
    assert snapshot(new_db) == before
