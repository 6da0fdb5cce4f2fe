"""Fund use cases: a fund and its first figures together, dated figures, deletion."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from parktracker.domain.models import Fund, FundUpdate
from parktracker.domain.money import Money
from parktracker.domain.validation import (
    M_DUPLICATE_NAME,
    M_INVESTED_OVER_PAID_IN,
    M_NEGATIVE,
    M_PAID_IN_OVER_SCALE,
    M_REQUIRED,
    M_UPDATE_BEFORE_FUND,
    ValidationError,
)
from parktracker.services.funds import (
    add_fund,
    delete_fund,
    delete_fund_figures,
    record_fund_figures,
    update_fund,
)
from parktracker.storage import funds as fund_store
from parktracker.storage import parks
from parktracker.storage.database import Database

D = dt.date
TABLES = ("funds", "fund_updates", "audit_log")


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}


def rows(db: Database, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in db.query(sql, params)]


def park_id(db: Database, key: str) -> int:
    park = parks.find(db, key)
    assert park is not None
    assert park.id is not None
    return park.id


def ic_fund(db: Database, **changes: Any) -> Fund:
    values: dict[str, Any] = {
        "name": "青岛集成电路产业投资基金",
        "park_id": park_id(db, "集成电路"),
        "manager": "青岛市引导基金管理有限公司",
        "established_date": D(2023, 6, 30),
        "notes": "母基金",
    }
    values.update(changes)
    return Fund(**values)


def figures(fund_id: int = 0, **changes: Any) -> FundUpdate:
    values: dict[str, Any] = {
        "fund_id": fund_id,
        "date": D(2024, 3, 31),
        "scale": Money.yi("50.5"),
        "paid_in": Money.yi("20.25"),
        "invested": Money.wan("81234.5678"),
        "note": "一季度报送",
    }
    values.update(changes)
    return FundUpdate(**values)


def stored_updates(db: Database, fund_id: int) -> list[tuple[Any, ...]]:
    return rows(
        db,
        "SELECT date, scale_yuan, paid_in_yuan, invested_yuan, note FROM fund_updates"
        " WHERE fund_id = ? ORDER BY id",
        (fund_id,),
    )


class Boom(RuntimeError):
    pass


# ---------------------------------------------------------------- add_fund


def test_add_fund_with_first_figures_stores_both(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())

    assert fund_store.get(new_db, fund_id) == ic_fund(new_db, id=fund_id)
    # the figures belong to the new fund whatever fund_id the caller put in them
    assert stored_updates(new_db, fund_id) == [
        ("2024-03-31", 5_050_000_000, 2_025_000_000, 812_345_678, "一季度报送")
    ]
    assert new_db.scalar("SELECT count(*) FROM fund_updates") == 1
    assert fund_store.latest_update(new_db, fund_id) == figures(
        fund_id, id=new_db.scalar("SELECT id FROM fund_updates")
    )


def test_add_fund_without_figures_starts_with_zeros(new_db: Database) -> None:
    # Every fund keeps at least one report of its figures (check insists on it).
    fund_id = add_fund(new_db, fund=ic_fund(new_db))
    assert fund_store.get(new_db, fund_id) is not None
    assert stored_updates(new_db, fund_id) == [("2023-06-30", 0, 0, 0, "")]


def test_the_last_report_of_figures_cannot_be_deleted(new_db: Database) -> None:
    from parktracker.services.funds import delete_fund_figures

    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    only = fund_store.updates(new_db, fund_id)[0]
    assert only.id is not None
    with pytest.raises(ValidationError):
        delete_fund_figures(new_db, update_id=only.id)
    assert len(fund_store.updates(new_db, fund_id)) == 1


def test_figures_for_a_missing_fund_are_refused(new_db: Database) -> None:
    with pytest.raises(ValidationError):
        record_fund_figures(new_db, update=figures(424242))


def test_city_wide_fund(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db, park_id=None), first_figures=figures())
    stored = fund_store.get(new_db, fund_id)
    assert stored is not None
    assert stored.park_id is None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"paid_in": Money.yi(60)}, [("paid_in", M_PAID_IN_OVER_SCALE)]),
        ({"invested": Money.yi(21)}, [("invested", M_INVESTED_OVER_PAID_IN)]),
        ({"date": D(2023, 6, 29)}, [("date", M_UPDATE_BEFORE_FUND)]),
        ({"scale": Money(-1)}, [("scale", M_NEGATIVE), ("paid_in", M_PAID_IN_OVER_SCALE)]),
    ],
)
def test_add_fund_with_invalid_figures_stores_no_fund(
    new_db: Database, changes: dict[str, Any], expected: list[tuple[str, Any]]
) -> None:
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        add_fund(new_db, fund=ic_fund(new_db), first_figures=figures(**changes))

    assert [(p.field, p.message) for p in caught.value.problems] == expected
    assert snapshot(new_db) == before


def test_add_fund_failing_while_writing_figures_leaves_no_fund(
    new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(new_db)
    calls: list[FundUpdate] = []

    def broken(db: Database, update: FundUpdate) -> int:
        calls.append(update)
        raise Boom("disk I/O error while writing the figures")

    monkeypatch.setattr(fund_store, "add_update", broken)

    with pytest.raises(Boom):
        add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())

    assert len(calls) == 1  # the fund row had been written when the figures failed...
    assert calls[0].fund_id != 0
    assert snapshot(new_db) == before  # ...and was rolled back with its audit entry
    assert not new_db.conn.in_transaction


def test_add_fund_with_a_duplicate_name_in_the_park_is_refused(new_db: Database) -> None:
    add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        add_fund(new_db, fund=ic_fund(new_db, name=" 青岛集成电路产业投资基金 "))

    assert [(p.field, p.message) for p in caught.value.problems] == [("name", M_DUPLICATE_NAME)]
    assert snapshot(new_db) == before


def test_same_fund_name_in_another_park_or_city_wide_is_allowed(new_db: Database) -> None:
    add_fund(new_db, fund=ic_fund(new_db))
    add_fund(new_db, fund=ic_fund(new_db, park_id=park_id(new_db, "人工智能")))
    add_fund(new_db, fund=ic_fund(new_db, park_id=None))
    assert new_db.scalar("SELECT count(*) FROM funds WHERE name = '青岛集成电路产业投资基金'") == 3
    with pytest.raises(ValidationError):
        add_fund(new_db, fund=ic_fund(new_db, park_id=None))  # two city-wide funds of one name


def test_add_fund_without_a_name_is_refused(new_db: Database) -> None:
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        add_fund(new_db, fund=ic_fund(new_db, name="  "), first_figures=figures())
    assert [(p.field, p.message) for p in caught.value.problems] == [("name", M_REQUIRED)]
    assert snapshot(new_db) == before


# ---------------------------------------------------------------- record_fund_figures


def test_record_fund_figures_adds_a_dated_report(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())

    update_id = record_fund_figures(
        new_db,
        update=figures(
            fund_id,
            date=D(2024, 6, 30),
            scale=Money.yi("50.5"),
            paid_in=Money.yi(30),
            invested=Money.yi("12.00000001"),
            note="二季度",
        ),
    )

    assert update_id == new_db.scalar("SELECT max(id) FROM fund_updates")
    assert stored_updates(new_db, fund_id)[-1] == (
        "2024-06-30",
        5_050_000_000,
        3_000_000_000,
        1_200_000_001,
        "二季度",
    )
    latest = fund_store.latest_update(new_db, fund_id)
    assert latest is not None
    assert latest.invested == Money.yi("12.00000001")
    earlier = fund_store.latest_update(new_db, fund_id, as_of=D(2024, 4, 1))
    assert earlier is not None
    assert earlier.paid_in == Money.yi("20.25")


def test_figures_at_the_limits_are_accepted(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db))
    record_fund_figures(
        new_db,
        update=figures(
            fund_id,
            date=D(2023, 6, 30),  # the day the fund was established
            scale=Money.yi(10),
            paid_in=Money.yi(10),
            invested=Money.yi(10),
        ),
    )
    assert stored_updates(new_db, fund_id)[-1] == (
        "2023-06-30",
        1_000_000_000,
        1_000_000_000,
        1_000_000_000,
        "一季度报送",
    )


def test_paid_in_above_scale_is_refused(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        record_fund_figures(
            new_db,
            update=figures(
                fund_id, scale=Money.yi(50), paid_in=Money.yi("50.00000001"), invested=Money.yi(1)
            ),
        )

    [problem] = caught.value.problems
    assert (problem.field, problem.message) == ("paid_in", M_PAID_IN_OVER_SCALE)
    assert problem.args == ("50.00000001 亿元", "50 亿元")
    assert snapshot(new_db) == before


def test_invested_above_paid_in_is_refused(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        record_fund_figures(
            new_db,
            update=figures(fund_id, paid_in=Money.wan(5000), invested=Money.wan("5000.0001")),
        )

    [problem] = caught.value.problems
    assert (problem.field, problem.message) == ("invested", M_INVESTED_OVER_PAID_IN)
    assert problem.args == ("0.50000001 亿元", "0.5 亿元")
    assert snapshot(new_db) == before


def test_figures_dated_before_the_fund_was_established_are_refused(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        record_fund_figures(new_db, update=figures(fund_id, date=D(2023, 6, 29)))

    assert [(p.field, p.message) for p in caught.value.problems] == [("date", M_UPDATE_BEFORE_FUND)]
    assert snapshot(new_db) == before


def test_every_problem_of_a_report_is_given(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db))
    with pytest.raises(ValidationError) as caught:
        record_fund_figures(
            new_db,
            update=figures(
                fund_id,
                date=D(2020, 1, 1),
                scale=Money.yi(1),
                paid_in=Money.yi(2),
                invested=Money.yi(3),
            ),
        )
    assert [p.field for p in caught.value.problems] == ["date", "paid_in", "invested"]


# ---------------------------------------------------------------- update_fund


def test_update_fund_saves_the_edit(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    stored = fund_store.get(new_db, fund_id)
    assert stored is not None

    update_fund(new_db, fund=dataclasses.replace(stored, manager="青岛国投", notes="更名"))

    assert fund_store.get(new_db, fund_id) == dataclasses.replace(
        stored, manager="青岛国投", notes="更名"
    )
    assert len(stored_updates(new_db, fund_id)) == 1


def test_update_fund_to_a_sibling_name_is_refused(new_db: Database) -> None:
    add_fund(new_db, fund=ic_fund(new_db))
    other = add_fund(new_db, fund=ic_fund(new_db, name="芯片设计子基金"))
    stored = fund_store.get(new_db, other)
    assert stored is not None
    before = snapshot(new_db)
    with pytest.raises(ValidationError):
        update_fund(new_db, fund=dataclasses.replace(stored, name="青岛集成电路产业投资基金"))
    assert snapshot(new_db) == before


# ---------------------------------------------------------------- delete_fund


def test_delete_fund_deletes_its_figures_and_only_its_own(new_db: Database) -> None:
    doomed = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    record_fund_figures(new_db, update=figures(doomed, date=D(2024, 6, 30)))
    kept = add_fund(new_db, fund=ic_fund(new_db, name="芯片设计子基金"), first_figures=figures())
    since = int(new_db.scalar("SELECT max(id) FROM audit_log"))

    delete_fund(new_db, fund_id=doomed)

    assert fund_store.get(new_db, doomed) is None
    assert stored_updates(new_db, doomed) == []
    assert len(stored_updates(new_db, kept)) == 1
    assert rows(new_db, "SELECT action, table_name FROM audit_log WHERE id > ?", (since,)) == [
        ("delete", "fund_updates"),
        ("delete", "fund_updates"),
        ("delete", "funds"),
    ]


def test_delete_fund_figures_deletes_one_report(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    second = record_fund_figures(new_db, update=figures(fund_id, date=D(2024, 6, 30)))
    delete_fund_figures(new_db, update_id=second)
    assert [r[0] for r in stored_updates(new_db, fund_id)] == ["2024-03-31"]


def test_update_fund_moving_establishment_after_its_figures_is_refused(new_db: Database) -> None:
    """Otherwise `parktracker check` would report the stored figures as dated too early."""
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    stored = fund_store.get(new_db, fund_id)
    assert stored is not None
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        update_fund(new_db, fund=dataclasses.replace(stored, established_date=D(2024, 4, 1)))

    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("established_date", M_UPDATE_BEFORE_FUND)
    ]
    assert snapshot(new_db) == before


def test_update_fund_establishment_on_the_day_of_its_first_figures(new_db: Database) -> None:
    fund_id = add_fund(new_db, fund=ic_fund(new_db), first_figures=figures())
    stored = fund_store.get(new_db, fund_id)
    assert stored is not None
    update_fund(new_db, fund=dataclasses.replace(stored, established_date=D(2024, 3, 31)))
    saved = fund_store.get(new_db, fund_id)
    assert saved is not None
    assert saved.established_date == D(2024, 3, 31)
