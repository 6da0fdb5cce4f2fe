"""Innovation platforms and enterprises: add, edit, delete, names unique within a park."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel
from parktracker.domain.models import Enterprise, Platform
from parktracker.domain.validation import M_DUPLICATE_NAME, M_REQUIRED, ValidationError
from parktracker.services.platforms_enterprises import (
    add_enterprise,
    add_platform,
    delete_enterprise,
    delete_platform,
    update_enterprise,
    update_platform,
)
from parktracker.storage import enterprises, parks, platforms
from parktracker.storage.database import Database

D = dt.date
TABLES = ("platforms", "enterprises", "audit_log")
TAGS = {
    EnterpriseTag.CHAIN_LEADER: "is_chain_leader",
    EnterpriseTag.LITTLE_GIANT: "is_little_giant",
    EnterpriseTag.ABOVE_SCALE: "is_above_scale",
    EnterpriseTag.HIGH_TECH: "is_high_tech",
}


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}


def park_id(db: Database, key: str) -> int:
    park = parks.find(db, key)
    assert park is not None
    assert park.id is not None
    return park.id


def last_audit(db: Database) -> tuple[str, str, int]:
    row = db.query("SELECT action, table_name, row_id FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    return (row[0], row[1], row[2])


def lab(db: Database, **changes: Any) -> Platform:
    values: dict[str, Any] = {
        "park_id": park_id(db, "人工智能"),
        "name": "山东省智能机器人重点实验室",
        "level": PlatformLevel.PROVINCIAL,
        "kind": PlatformKind.KEY_LAB,
        "recognized_date": D(2022, 11, 8),
        "notes": "依托青岛大学",
    }
    values.update(changes)
    return Platform(**values)


def company(db: Database, **changes: Any) -> Enterprise:
    values: dict[str, Any] = {
        "park_id": park_id(db, "人工智能"),
        "name": "青岛创新奇智科技集团股份有限公司",
        "tags": frozenset({EnterpriseTag.HIGH_TECH, EnterpriseTag.LITTLE_GIANT}),
        "joined_date": D(2021, 5, 20),
        "notes": "港股上市",
    }
    values.update(changes)
    return Enterprise(**values)


# ---------------------------------------------------------------- platforms


def test_add_platform_stores_every_field(new_db: Database) -> None:
    platform_id = add_platform(new_db, platform=lab(new_db))
    assert platforms.get(new_db, platform_id) == lab(new_db, id=platform_id)
    assert last_audit(new_db) == ("insert", "platforms", platform_id)


def test_duplicate_platform_name_in_the_park_is_refused(new_db: Database) -> None:
    add_platform(new_db, platform=lab(new_db))
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        add_platform(
            new_db,
            platform=lab(new_db, name=" 山东省智能机器人重点实验室 ", level=PlatformLevel.NATIONAL),
        )

    assert [(p.field, p.message, p.args) for p in caught.value.problems] == [
        ("name", M_DUPLICATE_NAME, ("山东省智能机器人重点实验室",))
    ]
    assert snapshot(new_db) == before


def test_same_platform_name_in_another_park_is_allowed(new_db: Database) -> None:
    first = add_platform(new_db, platform=lab(new_db))
    second = add_platform(new_db, platform=lab(new_db, park_id=park_id(new_db, "集成电路")))
    assert first != second
    assert [(p.id, p.name) for p in platforms.in_park(new_db, park_id(new_db, "集成电路"))] == [
        (second, "山东省智能机器人重点实验室")
    ]


def test_platform_without_a_name_is_refused(new_db: Database) -> None:
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        add_platform(new_db, platform=lab(new_db, name=""))
    assert [(p.field, p.message) for p in caught.value.problems] == [("name", M_REQUIRED)]
    assert snapshot(new_db) == before


def test_update_platform(new_db: Database) -> None:
    platform_id = add_platform(new_db, platform=lab(new_db))
    edited = lab(
        new_db,
        id=platform_id,
        level=PlatformLevel.NATIONAL,
        kind=PlatformKind.ENGINEERING_CENTRE,
        recognized_date=None,
        notes="",
    )

    update_platform(new_db, platform=edited)

    assert platforms.get(new_db, platform_id) == edited
    assert last_audit(new_db) == ("update", "platforms", platform_id)


def test_update_platform_to_a_sibling_name_is_refused(new_db: Database) -> None:
    add_platform(new_db, platform=lab(new_db))
    other = add_platform(new_db, platform=lab(new_db, name="青岛人工智能创新中心"))
    before = snapshot(new_db)
    stored = platforms.get(new_db, other)
    assert stored is not None

    with pytest.raises(ValidationError) as caught:
        update_platform(
            new_db, platform=dataclasses.replace(stored, name="山东省智能机器人重点实验室")
        )

    assert [p.message for p in caught.value.problems] == [M_DUPLICATE_NAME]
    assert snapshot(new_db) == before


def test_delete_platform(new_db: Database) -> None:
    doomed = add_platform(new_db, platform=lab(new_db))
    kept = add_platform(new_db, platform=lab(new_db, name="青岛人工智能创新中心"))
    delete_platform(new_db, platform_id=doomed)
    assert platforms.get(new_db, doomed) is None
    assert [p.id for p in platforms.in_park(new_db, park_id(new_db, "人工智能"))] == [kept]
    assert last_audit(new_db) == ("delete", "platforms", doomed)


# ---------------------------------------------------------------- enterprises


def test_add_enterprise_stores_every_field(new_db: Database) -> None:
    enterprise_id = add_enterprise(new_db, enterprise=company(new_db))
    assert enterprises.get(new_db, enterprise_id) == company(new_db, id=enterprise_id)
    assert last_audit(new_db) == ("insert", "enterprises", enterprise_id)


@pytest.mark.parametrize(
    "tags",
    [
        frozenset(),
        frozenset({EnterpriseTag.CHAIN_LEADER}),
        frozenset({EnterpriseTag.LITTLE_GIANT, EnterpriseTag.ABOVE_SCALE}),
        frozenset(EnterpriseTag),
    ],
    ids=["none", "chain-leader", "two", "all"],
)
def test_enterprise_tags_round_trip(new_db: Database, tags: frozenset[EnterpriseTag]) -> None:
    enterprise_id = add_enterprise(new_db, enterprise=company(new_db, tags=tags))

    stored = enterprises.get(new_db, enterprise_id)
    assert stored is not None
    assert stored.tags == tags
    row = new_db.query("SELECT * FROM enterprises WHERE id = ?", [enterprise_id])[0]
    assert {tag for tag, column in TAGS.items() if row[column] == 1} == tags
    assert all(row[column] in (0, 1) for column in TAGS.values())


def test_update_enterprise_changes_its_tags(new_db: Database) -> None:
    enterprise_id = add_enterprise(new_db, enterprise=company(new_db))
    edited = company(
        new_db,
        id=enterprise_id,
        tags=frozenset({EnterpriseTag.ABOVE_SCALE}),
        joined_date=None,
        notes="已迁出总部",
    )

    update_enterprise(new_db, enterprise=edited)

    assert enterprises.get(new_db, enterprise_id) == edited
    assert last_audit(new_db) == ("update", "enterprises", enterprise_id)


def test_duplicate_enterprise_name_in_the_park_is_refused(new_db: Database) -> None:
    add_enterprise(new_db, enterprise=company(new_db, name="海尔卡奥斯（青岛）工业智能研究院"))
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        add_enterprise(new_db, enterprise=company(new_db, name="海尔卡奥斯(青岛)工业智能研究院"))

    assert [(p.field, p.message) for p in caught.value.problems] == [("name", M_DUPLICATE_NAME)]
    assert snapshot(new_db) == before


def test_same_enterprise_name_in_another_park_is_allowed(new_db: Database) -> None:
    add_enterprise(new_db, enterprise=company(new_db))
    other = park_id(new_db, "虚拟现实")
    enterprise_id = add_enterprise(new_db, enterprise=company(new_db, park_id=other))
    assert [e.id for e in enterprises.in_park(new_db, other)] == [enterprise_id]
    assert new_db.scalar("SELECT count(*) FROM enterprises") == 2


def test_update_enterprise_to_a_sibling_name_is_refused(new_db: Database) -> None:
    add_enterprise(new_db, enterprise=company(new_db))
    other = add_enterprise(new_db, enterprise=company(new_db, name="青岛海纳云科技控股有限公司"))
    stored = enterprises.get(new_db, other)
    assert stored is not None
    before = snapshot(new_db)

    with pytest.raises(ValidationError):
        update_enterprise(
            new_db,
            enterprise=dataclasses.replace(stored, name="青岛创新奇智科技集团股份有限公司"),
        )

    assert snapshot(new_db) == before


def test_update_enterprise_keeping_its_name(new_db: Database) -> None:
    enterprise_id = add_enterprise(new_db, enterprise=company(new_db))
    stored = enterprises.get(new_db, enterprise_id)
    assert stored is not None
    update_enterprise(new_db, enterprise=dataclasses.replace(stored, notes="改备注"))
    saved = enterprises.get(new_db, enterprise_id)
    assert saved is not None
    assert (saved.name, saved.notes) == ("青岛创新奇智科技集团股份有限公司", "改备注")


def test_delete_enterprise(new_db: Database) -> None:
    doomed = add_enterprise(new_db, enterprise=company(new_db))
    kept = add_enterprise(new_db, enterprise=company(new_db, name="青岛海纳云科技控股有限公司"))
    delete_enterprise(new_db, enterprise_id=doomed)
    assert enterprises.get(new_db, doomed) is None
    assert [e.id for e in enterprises.in_park(new_db, park_id(new_db, "人工智能"))] == [kept]
    assert last_audit(new_db) == ("delete", "enterprises", doomed)
