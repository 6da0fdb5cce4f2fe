"""A database built by the tests, with one project lighting each warning rule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from parktracker.domain.enums import Metric, Stage
from parktracker.domain.models import (
    AnnualPlan,
    Fund,
    FundUpdate,
    MonthlyInvestment,
    Project,
    Target,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.problems import ProblemRecord
from parktracker.services import funds, problems, projects, revenue_entry, targets
from parktracker.services.revenue_entry import RevenueCell
from parktracker.storage import investment
from parktracker.storage import parks as park_store
from parktracker.storage.database import Database

D = dt.date


def wan(value: int) -> Money:
    return Money.wan(Decimal(value))


def park_ids(db: Database) -> dict[str, int]:
    return {p.short_name: p.id for p in park_store.all_parks(db) if p.id is not None}


def add(
    db: Database,
    park: int,
    name: str,
    stage: Stage,
    history: list[tuple[Stage, dt.date]],
    **fields: object,
) -> int:
    project = Project(park_id=park, name=name, stage=stage, **fields)  # type: ignore[arg-type]
    return projects.create_project(db, project=project, history=history)


def build(db: Database) -> dict[str, int]:
    """Projects (ids by role) in the first two parks; as of 2024-06-30 each role lights one
    rule, and ``green`` lights none."""
    ids = list(park_ids(db).values())
    a, b = ids[0], ids[1]
    out: dict[str, int] = {}
    # planned to start 2024-02, still signed on 2024-06-30: 4 months overdue → red
    out["overdue"] = add(
        db,
        a,
        "逾期未开工项目",
        Stage.SIGNED,
        [(Stage.SIGNED, D(2024, 1, 10))],
        signed_date=D(2024, 1, 10),
        planned_start_date=D(2024, 2, 15),
    )
    # signed 2023-11-20, no planned start: 7 full months on 2024-06-30 → yellow
    out["signed"] = add(
        db,
        a,
        "签约久未开工项目",
        Stage.SIGNED,
        [(Stage.SIGNED, D(2023, 11, 20))],
        signed_date=D(2023, 11, 20),
    )
    # under construction, 2024 plan 1000万, 150万 done by June: 15% against 50% → red
    out["behind"] = add(
        db,
        b,
        "投资滞后项目",
        Stage.UNDER_CONSTRUCTION,
        [(Stage.SIGNED, D(2023, 3, 1)), (Stage.UNDER_CONSTRUCTION, D(2023, 6, 1))],
        signed_date=D(2023, 3, 1),
        actual_start_date=D(2023, 6, 1),
    )
    investment.set_annual_plan(db, AnnualPlan(out["behind"], 2024, wan(1000)))
    projects.record_investment(
        db,
        entries=[MonthlyInvestment(out["behind"], YearMonth(2024, m), wan(25)) for m in range(1, 7)]
        + [MonthlyInvestment(out["behind"], YearMonth(2023, 12), wan(900))],
    )
    # on pace: 2024 plan 1200万, 600万 by June → green
    out["green"] = add(
        db,
        b,
        "进度正常项目",
        Stage.UNDER_CONSTRUCTION,
        [(Stage.SIGNED, D(2023, 3, 1)), (Stage.UNDER_CONSTRUCTION, D(2023, 6, 1))],
        signed_date=D(2023, 3, 1),
        actual_start_date=D(2023, 6, 1),
        planned_start_date=D(2023, 5, 1),
    )
    investment.set_annual_plan(db, AnnualPlan(out["green"], 2024, wan(1200)))
    projects.record_investment(
        db,
        entries=[
            MonthlyInvestment(out["green"], YearMonth(2024, m), wan(100)) for m in range(1, 7)
        ],
    )
    # park b: revenue target 1200万 for 2024, 300万 by June: 25% against 50% → 25 points, yellow
    targets.set_target(db, target=Target(2024, Metric.REVENUE, wan(1200), park_id=b))
    revenue_entry.set_monthly(
        db, cells=[RevenueCell(b, YearMonth(2024, m), wan(50)) for m in range(1, 7)]
    )
    # a fund of park a with 40% paid in → yellow
    funds.add_fund(db, fund=Fund("测试基金", a, established_date=D(2023, 1, 1)))
    fund_id = int(db.scalar("SELECT id FROM funds WHERE name = '测试基金'"))
    funds.record_fund_figures(
        db, update=FundUpdate(fund_id, D(2023, 6, 1), wan(10000), wan(4000), wan(1000))
    )
    # an open problem of "green", due 2024-05-31 → yellow on 2024-06-30
    out["problem"] = problems.add_problem(
        db,
        problem=ProblemRecord(
            park_id=b,
            project_id=out["green"],
            description="电力增容未落实",
            responsible_unit="市供电公司",
            raised=D(2024, 3, 1),
            due=D(2024, 5, 31),
        ),
    )
    out["park_a"], out["park_b"] = a, b
    return out
