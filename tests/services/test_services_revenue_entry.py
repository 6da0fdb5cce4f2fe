"""Revenue entry: the monthly grid and year-to-date (1–N月累计) figures, stored monthly."""

from __future__ import annotations

from typing import Any

import pytest

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import M_NEGATIVE, M_YEAR_RANGE, ValidationError
from parktracker.domain.year_to_date import M_YTD_DECREASES, cumulative
from parktracker.services.revenue_entry import RevenueCell, set_monthly, set_year_to_date, year_grid
from parktracker.storage import parks
from parktracker.storage.database import Database

TABLES = ("revenue", "audit_log")


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}


def park_id(db: Database, key: str) -> int:
    park = parks.find(db, key)
    assert park is not None
    assert park.id is not None
    return park.id


def stored(db: Database, park: int) -> dict[str, int]:
    """The park's stored monthly rows, month text -> yuan, straight from the table."""
    rows = db.query("SELECT month, amount_yuan FROM revenue WHERE park_id = ?", [park])
    return {r[0]: r[1] for r in rows}


def cell(park: int, month: int, amount: Money | None, year: int = 2024) -> RevenueCell:
    return RevenueCell(park, YearMonth(year, month), amount)


def ytd_of(db: Database, park: int, year: int = 2024) -> dict[int, Money]:
    grid = year_grid(db, year)
    return cumulative({m: a for (p, m), a in grid.items() if p == park})


@pytest.fixture
def display(new_db: Database) -> int:
    return park_id(new_db, "新型显示")


# ---------------------------------------------------------------- set_monthly / year_grid


def test_set_monthly_stores_the_grid(new_db: Database, display: int) -> None:
    ai = park_id(new_db, "人工智能")

    set_monthly(
        new_db,
        cells=[
            cell(display, 1, Money.yi("18.1234")),
            cell(display, 2, Money.wan("160000.0001")),
            cell(ai, 1, Money.yi(12)),
        ],
    )

    assert stored(new_db, display) == {"2024-01": 1_812_340_000, "2024-02": 1_600_000_001}
    assert year_grid(new_db, 2024) == {
        (display, 1): Money.yi("18.1234"),
        (display, 2): Money.wan("160000.0001"),
        (ai, 1): Money.yi(12),
    }
    assert year_grid(new_db, 2023) == {}


def test_year_grid_holds_only_that_year(new_db: Database, display: int) -> None:
    set_monthly(
        new_db,
        cells=[
            cell(display, 12, Money.yi(30), year=2023),
            cell(display, 1, Money.yi(10)),
            cell(display, 12, Money.yi(40)),
            cell(display, 1, Money.yi(5), year=2025),
        ],
    )
    assert year_grid(new_db, 2024) == {(display, 1): Money.yi(10), (display, 12): Money.yi(40)}
    assert year_grid(new_db, 2023) == {(display, 12): Money.yi(30)}


def test_editing_a_cell_replaces_that_month_only(new_db: Database, display: int) -> None:
    set_monthly(new_db, cells=[cell(display, 1, Money.yi(10)), cell(display, 2, Money.yi(15))])
    row_id = new_db.scalar("SELECT id FROM revenue WHERE month = '2024-02'")

    set_monthly(new_db, cells=[cell(display, 2, Money.yi("15.5"))])

    assert stored(new_db, display) == {"2024-01": 1_000_000_000, "2024-02": 1_550_000_000}
    assert new_db.scalar("SELECT id FROM revenue WHERE month = '2024-02'") == row_id
    assert new_db.scalar("SELECT count(*) FROM revenue") == 2


def test_clearing_a_cell_deletes_the_month(new_db: Database, display: int) -> None:
    set_monthly(new_db, cells=[cell(display, 1, Money.yi(10)), cell(display, 2, Money.yi(15))])
    since = int(new_db.scalar("SELECT max(id) FROM audit_log"))

    set_monthly(new_db, cells=[cell(display, 2, None), cell(display, 3, None)])  # 3: never set

    assert stored(new_db, display) == {"2024-01": 1_000_000_000}
    assert year_grid(new_db, 2024) == {(display, 1): Money.yi(10)}
    actions = [
        tuple(r)
        for r in new_db.query("SELECT action, table_name FROM audit_log WHERE id > ?", [since])
    ]
    assert actions == [("delete", "revenue")]


def test_a_zero_month_is_stored_not_cleared(new_db: Database, display: int) -> None:
    set_monthly(new_db, cells=[cell(display, 1, Money.zero())])
    assert stored(new_db, display) == {"2024-01": 0}
    assert year_grid(new_db, 2024) == {(display, 1): Money.zero()}


def test_a_negative_cell_refuses_the_whole_paste(new_db: Database, display: int) -> None:
    set_monthly(new_db, cells=[cell(display, 1, Money.yi(10))])
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        set_monthly(
            new_db,
            cells=[
                cell(display, 1, None),
                cell(display, 2, Money.yi(15)),
                cell(display, 3, Money(-1)),
            ],
        )

    assert [(p.field, p.message) for p in caught.value.problems] == [("amount", M_NEGATIVE)]
    assert snapshot(new_db) == before


def test_a_month_outside_the_supported_years_is_refused(new_db: Database, display: int) -> None:
    before = snapshot(new_db)
    with pytest.raises(ValidationError) as caught:
        set_monthly(new_db, cells=[cell(display, 1, Money.yi(1), year=1999)])
    assert [p.message for p in caught.value.problems] == [M_YEAR_RANGE]
    assert snapshot(new_db) == before


# ---------------------------------------------------------------- set_year_to_date


def test_ytd_figures_become_monthly_figures(new_db: Database, display: int) -> None:
    set_year_to_date(
        new_db,
        cells=[
            cell(display, 1, Money.yi(10)),
            cell(display, 2, Money.yi(25)),
            cell(display, 3, Money.yi("41.2345")),
        ],
    )

    assert stored(new_db, display) == {
        "2024-01": 1_000_000_000,
        "2024-02": 1_500_000_000,
        "2024-03": 1_623_450_000,
    }
    assert ytd_of(new_db, display) == {
        1: Money.yi(10),
        2: Money.yi(25),
        3: Money.yi("41.2345"),
    }


def test_ytd_entered_one_month_at_a_time(new_db: Database, display: int) -> None:
    set_year_to_date(new_db, cells=[cell(display, 1, Money.yi(10))])
    set_year_to_date(new_db, cells=[cell(display, 2, Money.yi(25))])
    assert year_grid(new_db, 2024) == {(display, 1): Money.yi(10), (display, 2): Money.yi(15)}


def test_ytd_for_march_when_january_and_february_are_stored(new_db: Database, display: int) -> None:
    set_monthly(
        new_db,
        cells=[cell(display, 1, Money.wan("101234.5678")), cell(display, 2, Money.yi(15))],
    )

    set_year_to_date(new_db, cells=[cell(display, 3, Money.yi("40.00000001"))])

    # 40.00000001 亿 - 10.12345678 亿 - 15 亿 = 14.87654323 亿, exactly
    assert stored(new_db, display) == {
        "2024-01": 1_012_345_678,
        "2024-02": 1_500_000_000,
        "2024-03": 1_487_654_323,
    }
    assert year_grid(new_db, 2024)[(display, 3)] == Money.yi("14.87654323")


def test_changing_february_keeps_march_year_to_date(new_db: Database, display: int) -> None:
    set_year_to_date(
        new_db,
        cells=[
            cell(display, 1, Money.yi(10)),
            cell(display, 2, Money.yi(25)),
            cell(display, 3, Money.yi(40)),
        ],
    )
    march_row = new_db.scalar("SELECT id FROM revenue WHERE month = '2024-03'")

    set_year_to_date(new_db, cells=[cell(display, 2, Money.yi(28))])

    assert ytd_of(new_db, display) == {1: Money.yi(10), 2: Money.yi(28), 3: Money.yi(40)}
    assert year_grid(new_db, 2024) == {
        (display, 1): Money.yi(10),
        (display, 2): Money.yi(18),
        (display, 3): Money.yi(12),  # was 15: March's monthly figure absorbs the change
    }
    assert new_db.scalar("SELECT id FROM revenue WHERE month = '2024-03'") == march_row


def test_clearing_a_ytd_month_keeps_later_year_to_date(new_db: Database, display: int) -> None:
    set_year_to_date(
        new_db,
        cells=[
            cell(display, 1, Money.yi(10)),
            cell(display, 2, Money.yi(25)),
            cell(display, 3, Money.yi(40)),
        ],
    )

    set_year_to_date(new_db, cells=[cell(display, 2, None)])

    assert year_grid(new_db, 2024) == {(display, 1): Money.yi(10), (display, 3): Money.yi(30)}
    assert ytd_of(new_db, display) == {1: Money.yi(10), 3: Money.yi(40)}


def test_ytd_leaves_other_parks_and_years_alone(new_db: Database, display: int) -> None:
    ai = park_id(new_db, "人工智能")
    set_monthly(
        new_db,
        cells=[
            cell(ai, 1, Money.yi(7)),
            cell(display, 12, Money.yi(30), year=2023),
        ],
    )

    set_year_to_date(new_db, cells=[cell(display, 1, Money.yi(10)), cell(display, 2, Money.yi(25))])

    assert stored(new_db, ai) == {"2024-01": 700_000_000}
    assert stored(new_db, display) == {
        "2023-12": 3_000_000_000,
        "2024-01": 1_000_000_000,
        "2024-02": 1_500_000_000,
    }


def test_ytd_for_two_parks_at_once(new_db: Database, display: int) -> None:
    ai = park_id(new_db, "人工智能")
    set_year_to_date(
        new_db,
        cells=[
            cell(display, 1, Money.yi(10)),
            cell(ai, 1, Money.yi(6)),
            cell(display, 2, Money.yi(25)),
            cell(ai, 2, Money.yi(13)),
        ],
    )
    assert year_grid(new_db, 2024) == {
        (display, 1): Money.yi(10),
        (display, 2): Money.yi(15),
        (ai, 1): Money.yi(6),
        (ai, 2): Money.yi(7),
    }


def test_unchanged_ytd_writes_nothing(new_db: Database, display: int) -> None:
    set_year_to_date(new_db, cells=[cell(display, 1, Money.yi(10)), cell(display, 2, Money.yi(25))])
    before = snapshot(new_db)
    set_year_to_date(new_db, cells=[cell(display, 2, Money.yi(25))])
    assert snapshot(new_db) == before


def test_ytd_below_the_previous_month_is_refused(new_db: Database, display: int) -> None:
    set_year_to_date(new_db, cells=[cell(display, 1, Money.yi(10))])
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        set_year_to_date(new_db, cells=[cell(display, 2, Money.yi(8))])

    [problem] = caught.value.problems
    assert (problem.field, problem.message) == ("amount", M_YTD_DECREASES)
    assert problem.args == ("2", "8 亿元", "10 亿元")
    assert snapshot(new_db) == before


def test_a_decreasing_ytd_series_writes_none_of_it(new_db: Database, display: int) -> None:
    before = snapshot(new_db)
    with pytest.raises(ValidationError):
        set_year_to_date(
            new_db,
            cells=[
                cell(display, 1, Money.yi(10)),
                cell(display, 2, Money.yi(25)),
                cell(display, 3, Money.yi(24)),
            ],
        )
    assert snapshot(new_db) == before


def test_february_raised_above_march_ytd_is_refused(new_db: Database, display: int) -> None:
    set_year_to_date(
        new_db,
        cells=[
            cell(display, 1, Money.yi(10)),
            cell(display, 2, Money.yi(25)),
            cell(display, 3, Money.yi(40)),
        ],
    )
    before = snapshot(new_db)

    with pytest.raises(ValidationError) as caught:
        set_year_to_date(new_db, cells=[cell(display, 2, Money.yi(41))])

    [problem] = caught.value.problems
    assert problem.args == ("3", "40 亿元", "41 亿元")
    assert snapshot(new_db) == before


def test_a_refused_park_refuses_the_whole_entry(new_db: Database, display: int) -> None:
    ai = park_id(new_db, "人工智能")
    set_year_to_date(new_db, cells=[cell(ai, 1, Money.yi(6))])
    before = snapshot(new_db)
    with pytest.raises(ValidationError):
        set_year_to_date(
            new_db,
            cells=[cell(display, 1, Money.yi(10)), cell(ai, 2, Money.yi(5))],
        )
    assert snapshot(new_db) == before
