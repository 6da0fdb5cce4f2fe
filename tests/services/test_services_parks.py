"""Park use cases: add, edit, and delete only what nothing else refers to."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from parktracker.domain.enums import Metric, PlatformKind, PlatformLevel, Stage
from parktracker.domain.models import Enterprise, Fund, Park, Platform, Project, Target
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import M_DUPLICATE_NAME, M_REQUIRED, ValidationError
from parktracker.services.funds import add_fund
from parktracker.services.parks import (
    M_PARK_IN_USE,
    add_park,
    delete_park,
    get_park,
    list_parks,
    update_park,
)
from parktracker.services.platforms_enterprises import add_enterprise, add_platform
from parktracker.services.projects import create_project
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.services.targets import set_target
from parktracker.storage import parks
from parktracker.storage.database import Database

D = dt.date
TABLES = (
    "parks",
    "projects",
    "project_stage_history",
    "funds",
    "platforms",
    "enterprises",
    "revenue",
    "targets",
    "audit_log",
)


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}


def rows(db: Database, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in db.query(sql)]


def park_id(db: Database, key: str) -> int:
    park = parks.find(db, key)
    assert park is not None
    assert park.id is not None
    return park.id


def new_park(**changes: Any) -> Park:
    values: dict[str, Any] = {
        "name": "青岛市低空经济产业园",
        "short_name": "低空经济产业园",
        "industry": "低空经济",
        "location": "即墨区",
        "listed_date": D(2024, 6, 1),
        "chain_leaders": ["中航无人机"],
        "partner_parks": ["青岛高新区"],
        "notes": "新挂牌",
        "sort_order": 9,
    }
    values.update(changes)
    return Park(**values)


def audit_actions(db: Database, since: int) -> list[tuple[str, str]]:
    rows = db.query("SELECT action, table_name FROM audit_log WHERE id > ? ORDER BY id", [since])
    return [(r[0], r[1]) for r in rows]


def last_audit_id(db: Database) -> int:
    return int(db.scalar("SELECT coalesce(max(id), 0) FROM audit_log"))


# ---------------------------------------------------------------- add_park


def test_add_park_stores_every_field(new_db: Database) -> None:
    since = last_audit_id(new_db)

    new_id = add_park(new_db, park=new_park())

    assert get_park(new_db, new_id) == new_park(id=new_id)
    assert len(list_parks(new_db)) == 9
    assert list_parks(new_db)[-1].name == "青岛市低空经济产业园"  # sort_order 9 comes last
    assert audit_actions(new_db, since) == [("insert", "parks")]


def test_add_park_trims_the_names(new_db: Database) -> None:
    new_id = add_park(
        new_db,
        park=new_park(name=" 青岛市低空经济产业园 ", short_name=" 低空 ", industry=" 低空经济 "),
    )
    stored = get_park(new_db, new_id)
    assert stored is not None
    assert (stored.name, stored.short_name, stored.industry) == (
        "青岛市低空经济产业园",
        "低空",
        "低空经济",
    )


@pytest.mark.parametrize(
    "name",
    ["青岛市新型显示产业园", " 青岛市新型显示产业园  "],
)
def test_add_park_with_an_existing_name_is_refused(new_db: Database, name: str) -> None:
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        add_park(new_db, park=new_park(name=name))

    assert [(p.field, p.message, p.args) for p in caught.value.problems] == [
        ("name", M_DUPLICATE_NAME, ("青岛市新型显示产业园",))
    ]
    assert snapshot(new_db) == before


def test_add_park_name_differing_only_in_bracket_width_is_refused(new_db: Database) -> None:
    add_park(new_db, park=new_park(name="青岛市（西海岸）低空经济产业园"))
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        add_park(new_db, park=new_park(name="青岛市(西海岸)低空经济产业园"))
    assert [p.message for p in caught.value.problems] == [M_DUPLICATE_NAME]
    assert snapshot(new_db) == before


def test_add_park_without_required_fields_is_refused(new_db: Database) -> None:
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        add_park(new_db, park=new_park(name=" ", short_name="", industry="  "))
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("name", M_REQUIRED),
        ("short_name", M_REQUIRED),
        ("industry", M_REQUIRED),
    ]
    assert snapshot(new_db) == before


# ---------------------------------------------------------------- update_park


def test_update_park_keeping_its_own_name(new_db: Database) -> None:
    stored = get_park(new_db, park_id(new_db, "新型显示"))
    assert stored is not None
    since = last_audit_id(new_db)

    update_park(
        new_db,
        park=dataclasses.replace(stored, location="崂山区", chain_leaders=["京东方", "惠科"]),
    )

    saved = get_park(new_db, stored.id or 0)
    assert saved is not None
    assert saved.name == "青岛市新型显示产业园"
    assert saved.location == "崂山区"
    assert saved.chain_leaders == ["京东方", "惠科"]
    assert audit_actions(new_db, since) == [("update", "parks")]


def test_update_park_renaming_it(new_db: Database) -> None:
    stored = get_park(new_db, park_id(new_db, "新型显示"))
    assert stored is not None
    update_park(new_db, park=dataclasses.replace(stored, name="青岛市新型显示与智能终端产业园"))
    assert parks.names(new_db).count("青岛市新型显示与智能终端产业园") == 1
    assert "青岛市新型显示产业园" not in parks.names(new_db)


def test_update_park_to_another_parks_name_is_refused(new_db: Database) -> None:
    stored = get_park(new_db, park_id(new_db, "新型显示"))
    assert stored is not None
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        update_park(new_db, park=dataclasses.replace(stored, name="青岛市人工智能产业园"))

    assert [(p.field, p.message) for p in caught.value.problems] == [("name", M_DUPLICATE_NAME)]
    assert snapshot(new_db) == before


# ---------------------------------------------------------------- delete_park


def test_delete_an_unused_park(new_db: Database) -> None:
    new_id = add_park(new_db, park=new_park())
    since = last_audit_id(new_db)

    delete_park(new_db, park_id=new_id)

    assert get_park(new_db, new_id) is None
    assert len(list_parks(new_db)) == 8
    assert audit_actions(new_db, since) == [("delete", "parks")]


def test_delete_park_with_only_revenue_and_targets_deletes_them_too(new_db: Database) -> None:
    doomed = add_park(new_db, park=new_park())
    kept = park_id(new_db, "新型显示")
    set_monthly(
        new_db,
        cells=[
            RevenueCell(doomed, YearMonth(2024, 1), Money.yi(3)),
            RevenueCell(doomed, YearMonth(2024, 2), Money.yi(4)),
            RevenueCell(kept, YearMonth(2024, 1), Money.yi(20)),
        ],
    )
    set_target(new_db, target=Target(2024, Metric.REVENUE, Money.yi(50), park_id=doomed))
    set_target(new_db, target=Target(2024, Metric.REVENUE, Money.yi(300), park_id=kept))
    since = last_audit_id(new_db)

    delete_park(new_db, park_id=doomed)

    assert get_park(new_db, doomed) is None
    assert rows(new_db, "SELECT park_id, month, amount_yuan FROM revenue") == [
        (kept, "2024-01", Money.yi(20).yuan)
    ]
    assert rows(new_db, "SELECT park_id, amount_yuan FROM targets ORDER BY id") == [
        (None, Money.yi(1300).yuan),
        (kept, Money.yi(300).yuan),
    ]
    assert sorted(audit_actions(new_db, since)) == [
        ("delete", "parks"),
        ("delete", "revenue"),
        ("delete", "revenue"),
        ("delete", "targets"),
    ]


def add_dependents(db: Database, target: int, kinds: dict[str, int]) -> None:
    for n in range(kinds.get("projects", 0)):
        create_project(
            db,
            project=Project(target, f"项目{n}", Stage.SIGNED, signed_date=D(2024, 1, 1)),
        )
    for n in range(kinds.get("funds", 0)):
        add_fund(db, fund=Fund(f"基金{n}", target))
    for n in range(kinds.get("platforms", 0)):
        add_platform(
            db,
            platform=Platform(target, f"平台{n}", PlatformLevel.PROVINCIAL, PlatformKind.KEY_LAB),
        )
    for n in range(kinds.get("enterprises", 0)):
        add_enterprise(db, enterprise=Enterprise(target, f"企业{n}"))


@pytest.mark.parametrize(
    ("kinds", "args"),
    [
        ({"projects": 2}, ("2", "0", "0", "0")),
        ({"funds": 1}, ("0", "1", "0", "0")),
        ({"platforms": 3}, ("0", "0", "3", "0")),
        ({"enterprises": 1}, ("0", "0", "0", "1")),
        ({"projects": 1, "funds": 2, "platforms": 1, "enterprises": 4}, ("1", "2", "1", "4")),
    ],
)
def test_delete_park_in_use_is_refused_with_the_counts(
    new_db: Database, kinds: dict[str, int], args: tuple[str, ...]
) -> None:
    target = add_park(new_db, park=new_park())
    add_dependents(new_db, target, kinds)
    set_monthly(new_db, cells=[RevenueCell(target, YearMonth(2024, 1), Money.yi(1))])
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        delete_park(new_db, park_id=target)

    [problem] = caught.value.problems
    assert problem.message == M_PARK_IN_USE
    assert problem.args == args
    assert problem.render().startswith(f"The park still has {args[0]} project(s), {args[1]} fund")
    assert snapshot(new_db) == before  # the revenue row was not deleted either
    assert get_park(new_db, target) is not None


def test_delete_demo_park_reports_what_it_holds(demo_db: Database) -> None:
    target = park_id(demo_db, "人工智能")
    expected = tuple(
        str(demo_db.scalar(f"SELECT count(*) FROM {t} WHERE park_id = ?", [target]))
        for t in ("projects", "funds", "platforms", "enterprises")
    )
    assert expected[0] != "0"
    assert expected[3] != "0"
    before = snapshot(demo_db)

    with pytest.raises(ValidationError) as caught:
        delete_park(demo_db, park_id=target)

    assert caught.value.problems[0].args == expected
    assert snapshot(demo_db) == before
