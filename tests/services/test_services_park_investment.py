"""A park's projects × months of investment: which projects are rows, and one transaction for
a block of cells."""

from __future__ import annotations

import datetime as dt

import pytest

from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.park_investment import (
    InvestmentCell,
    park_investment_year,
    set_park_investment,
)
from parktracker.services.parks import list_parks
from parktracker.services.projects import create_project, monthly_investment
from parktracker.storage.database import Database


def _add(db: Database, park_id: int, name: str, stage: Stage) -> int:
    day = dt.date(2024, 1, 10)
    return create_project(
        db,
        project=Project(
            park_id,
            name,
            stage,
            signed_date=day if stage is not Stage.NEGOTIATING else None,
            actual_start_date=day
            if stage in (Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION)
            else None,
            production_date=day if stage is Stage.IN_PRODUCTION else None,
        ),
    )


def test_rows_are_the_reporting_projects_under_construction_first(new_db: Database) -> None:
    park = list_parks(new_db)[0]
    assert park.id is not None
    talk = _add(new_db, park.id, "甲在谈", Stage.NEGOTIATING)
    _add(new_db, park.id, "乙签约", Stage.SIGNED)
    _add(new_db, park.id, "丙在建", Stage.UNDER_CONSTRUCTION)
    _add(new_db, park.id, "丁投产", Stage.IN_PRODUCTION)
    grid = park_investment_year(new_db, park_id=park.id, year=2024)
    assert [p.name for p in grid.projects] == ["丙在建", "丁投产", "乙签约"]
    # A project in negotiation with figures that year is shown (its figures must be reachable).
    set_park_investment(new_db, cells=[InvestmentCell(talk, YearMonth(2024, 2), Money.wan(3))])
    grid = park_investment_year(new_db, park_id=park.id, year=2024)
    assert grid.projects[-1].name == "甲在谈"
    assert grid.figures[(talk, 2)] == Money.wan(3)
    assert park_investment_year(new_db, park_id=park.id, year=2025).figures == {}


def test_a_block_is_stored_in_one_transaction(new_db: Database) -> None:
    park = list_parks(new_db)[0]
    assert park.id is not None
    one = _add(new_db, park.id, "一号", Stage.UNDER_CONSTRUCTION)
    set_park_investment(
        new_db,
        cells=[
            InvestmentCell(one, YearMonth(2024, 1), Money.wan(10)),
            InvestmentCell(one, YearMonth(2024, 2), Money.wan(20)),
        ],
    )
    with pytest.raises(Exception):  # noqa: B017 - the database refuses a negative amount
        set_park_investment(
            new_db,
            cells=[
                InvestmentCell(one, YearMonth(2024, 1), None),
                InvestmentCell(one, YearMonth(2024, 3), Money(-1)),
            ],
        )
    stored = {m.month.month: m.completed for m in monthly_investment(new_db, one)}
    assert stored == {1: Money.wan(10), 2: Money.wan(20)}  # nothing of the failed block
