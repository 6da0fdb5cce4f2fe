"""Undo and redo of every service call: the database returns exactly to how it was."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from parktracker.domain.enums import EnterpriseTag, Metric, PlatformKind, PlatformLevel, Stage
from parktracker.domain.models import (
    AnnualPlan,
    Enterprise,
    Fund,
    FundUpdate,
    MonthlyInvestment,
    Park,
    Platform,
    Project,
    Target,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services import (
    funds,
    parks,
    platforms_enterprises,
    projects,
    revenue_entry,
    targets,
)
from parktracker.services.revenue_entry import RevenueCell
from parktracker.storage import enterprises as enterprise_store
from parktracker.storage import funds as fund_store
from parktracker.storage import investment
from parktracker.storage import parks as park_store
from parktracker.storage import platforms as platform_store
from parktracker.storage import projects as project_store
from parktracker.storage.changes import ChangeSet, apply_forward, apply_inverse, recording
from parktracker.storage.database import Database

D = dt.date
Tables = dict[str, list[tuple[Any, ...]]]
Context = dict[str, int]


def everything(db: Database) -> Tables:
    """Every row of every table but the audit log (which records undo and redo too)."""
    names = [
        r[0]
        for r in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit_log'"
            " ORDER BY name"
        )
    ]
    assert {"parks", "projects", "fund_updates", "revenue", "targets"} <= set(names)
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM [{t}] ORDER BY rowid")] for t in names}


def park_id(db: Database, key: str) -> int:
    park = park_store.find(db, key)
    assert park is not None
    assert park.id is not None
    return park.id


def audit_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM audit_log"))


# ---------------------------------------------------------------- fixtures of each scenario


def with_project(db: Database) -> Context:
    """A project with a three-entry stage history, monthly investment and an annual plan."""
    display = park_id(db, "新型显示")
    project_id = projects.create_project(
        db,
        project=Project(
            display,
            "车载显示模组项目",
            Stage.SIGNED,
            planned_total=Money.yi(12),
            signed_date=D(2023, 11, 3),
        ),
    )
    projects.advance_stage(
        db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=D(2024, 1, 15)
    )
    projects.record_investment(
        db,
        entries=[
            MonthlyInvestment(project_id, YearMonth(2024, 1), Money.wan("3500.5")),
            MonthlyInvestment(project_id, YearMonth(2024, 2), Money.wan(4200)),
            MonthlyInvestment(project_id, YearMonth(2024, 3), Money.wan(5100)),
        ],
    )
    with db.atomic():
        investment.set_annual_plan(db, AnnualPlan(project_id, 2024, Money.yi(6)))
    other = projects.create_project(db, project=Project(display, "背光模组项目", Stage.NEGOTIATING))
    projects.record_investment(
        db, entries=[MonthlyInvestment(other, YearMonth(2024, 2), Money.wan(100))]
    )
    return {"project": project_id, "other": other}


def with_fund(db: Database) -> Context:
    fund_id = funds.add_fund(
        db,
        fund=Fund("青岛新型显示产业基金", park_id(db, "新型显示"), established_date=D(2023, 1, 1)),
        first_figures=FundUpdate(0, D(2023, 12, 31), Money.yi(30), Money.yi(10), Money.yi(4)),
    )
    update_id = funds.record_fund_figures(
        db,
        update=FundUpdate(fund_id, D(2024, 3, 31), Money.yi(30), Money.yi(12), Money.wan(61234)),
    )
    other = funds.add_fund(
        db,
        fund=Fund("青岛天使投资基金", None),
        first_figures=FundUpdate(0, D(2024, 3, 31), Money.yi(5), Money.yi(2), Money.yi(1)),
    )
    return {"fund": fund_id, "update": update_id, "other": other}


def with_park_revenue(db: Database) -> Context:
    new = parks.add_park(db, park=Park("青岛市低空经济产业园", "低空经济产业园", "低空经济"))
    display = park_id(db, "新型显示")
    revenue_entry.set_monthly(
        db,
        cells=[
            RevenueCell(new, YearMonth(2024, 1), Money.yi("2.5")),
            RevenueCell(new, YearMonth(2024, 2), Money.yi("3.25")),
            RevenueCell(display, YearMonth(2024, 1), Money.yi(20)),
        ],
    )
    targets.set_target(db, target=Target(2024, Metric.REVENUE, Money.yi(40), park_id=new))
    return {"park": new, "display": display}


def with_entities(db: Database) -> Context:
    ai = park_id(db, "人工智能")
    platform_id = platforms_enterprises.add_platform(
        db,
        platform=Platform(
            ai, "青岛人工智能创新中心", PlatformLevel.MUNICIPAL, PlatformKind.KEY_LAB
        ),
    )
    enterprise_id = platforms_enterprises.add_enterprise(
        db,
        enterprise=Enterprise(
            ai, "青岛创新奇智科技集团股份有限公司", frozenset({EnterpriseTag.HIGH_TECH})
        ),
    )
    return {"park": ai, "platform": platform_id, "enterprise": enterprise_id}


def with_ytd(db: Database) -> Context:
    display = park_id(db, "新型显示")
    revenue_entry.set_year_to_date(
        db,
        cells=[
            RevenueCell(display, YearMonth(2024, 1), Money.yi(10)),
            RevenueCell(display, YearMonth(2024, 2), Money.yi(25)),
            RevenueCell(display, YearMonth(2024, 3), Money.yi(40)),
        ],
    )
    return {"park": display}


def nothing(db: Database) -> Context:
    return {}


# ---------------------------------------------------------------- the service calls


def do_add_park(db: Database, c: Context) -> None:
    parks.add_park(
        db, park=Park("青岛市低空经济产业园", "低空经济产业园", "低空经济", chain_leaders=["中航"])
    )


def do_update_park(db: Database, c: Context) -> None:
    park = park_store.get(db, park_id(db, "新型显示"))
    assert park is not None
    parks.update_park(db, park=dataclasses.replace(park, name="青岛市新型显示产业园（西区）"))


def do_delete_park(db: Database, c: Context) -> None:
    parks.delete_park(db, park_id=c["park"])


def do_add_fund(db: Database, c: Context) -> None:
    funds.add_fund(
        db,
        fund=Fund("青岛集成电路产业投资基金", park_id(db, "集成电路")),
        first_figures=FundUpdate(0, D(2024, 3, 31), Money.yi(50), Money.yi(20), Money.yi(8)),
    )


def do_update_fund(db: Database, c: Context) -> None:
    fund = fund_store.get(db, c["fund"])
    assert fund is not None
    funds.update_fund(db, fund=dataclasses.replace(fund, manager="青岛国投", notes="改"))


def do_record_fund_figures(db: Database, c: Context) -> None:
    funds.record_fund_figures(
        db,
        update=FundUpdate(c["fund"], D(2024, 6, 30), Money.yi(30), Money.yi(15), Money.yi(9)),
    )


def do_delete_fund(db: Database, c: Context) -> None:
    funds.delete_fund(db, fund_id=c["fund"])


def do_delete_fund_figures(db: Database, c: Context) -> None:
    funds.delete_fund_figures(db, update_id=c["update"])


def do_add_platform(db: Database, c: Context) -> None:
    platforms_enterprises.add_platform(
        db,
        platform=Platform(
            c["park"], "山东省智能机器人重点实验室", PlatformLevel.PROVINCIAL, PlatformKind.KEY_LAB
        ),
    )


def do_update_platform(db: Database, c: Context) -> None:
    platform = platform_store.get(db, c["platform"])
    assert platform is not None
    platforms_enterprises.update_platform(
        db, platform=dataclasses.replace(platform, level=PlatformLevel.NATIONAL)
    )


def do_delete_platform(db: Database, c: Context) -> None:
    platforms_enterprises.delete_platform(db, platform_id=c["platform"])


def do_add_enterprise(db: Database, c: Context) -> None:
    platforms_enterprises.add_enterprise(
        db,
        enterprise=Enterprise(
            c["park"], "青岛海纳云科技控股有限公司", frozenset(EnterpriseTag), D(2020, 1, 1)
        ),
    )


def do_update_enterprise(db: Database, c: Context) -> None:
    enterprise = enterprise_store.get(db, c["enterprise"])
    assert enterprise is not None
    platforms_enterprises.update_enterprise(
        db,
        enterprise=dataclasses.replace(
            enterprise, tags=frozenset({EnterpriseTag.LITTLE_GIANT, EnterpriseTag.ABOVE_SCALE})
        ),
    )


def do_delete_enterprise(db: Database, c: Context) -> None:
    platforms_enterprises.delete_enterprise(db, enterprise_id=c["enterprise"])


def do_set_monthly(db: Database, c: Context) -> None:
    """One grid edit: a new month, a changed month and a cleared month."""
    revenue_entry.set_monthly(
        db,
        cells=[
            RevenueCell(c["park"], YearMonth(2024, 4), Money.yi(16)),
            RevenueCell(c["park"], YearMonth(2024, 2), Money.yi("15.5")),
            RevenueCell(c["park"], YearMonth(2024, 1), None),
        ],
    )


def do_set_year_to_date(db: Database, c: Context) -> None:
    """February's YTD changes (so does March's monthly figure) and April's is added."""
    revenue_entry.set_year_to_date(
        db,
        cells=[
            RevenueCell(c["park"], YearMonth(2024, 2), Money.yi(28)),
            RevenueCell(c["park"], YearMonth(2024, 4), Money.yi(55)),
        ],
    )


def do_add_target(db: Database, c: Context) -> None:
    targets.set_target(
        db, target=Target(2025, Metric.ANNUAL_INVESTMENT, Money.yi(400), note="新目标")
    )


def do_update_target(db: Database, c: Context) -> None:
    targets.set_target(db, target=Target(2024, Metric.REVENUE, Money.yi(1350), note="调高"))


def do_delete_project(db: Database, c: Context) -> None:
    projects.delete_project(db, project_id=c["project"])


SCENARIOS: list[tuple[Callable[[Database], Context], Callable[[Database, Context], None]]] = [
    (nothing, do_add_park),
    (nothing, do_update_park),
    (with_park_revenue, do_delete_park),
    (nothing, do_add_fund),
    (with_fund, do_update_fund),
    (with_fund, do_record_fund_figures),
    (with_fund, do_delete_fund),
    (with_fund, do_delete_fund_figures),
    (with_entities, do_add_platform),
    (with_entities, do_update_platform),
    (with_entities, do_delete_platform),
    (with_entities, do_add_enterprise),
    (with_entities, do_update_enterprise),
    (with_entities, do_delete_enterprise),
    (with_ytd, do_set_monthly),
    (with_ytd, do_set_year_to_date),
    (nothing, do_add_target),
    (nothing, do_update_target),
    (with_project, do_delete_project),
]


def record(db: Database, action: Callable[[Database], None]) -> tuple[Tables, Tables, ChangeSet]:
    before = everything(db)
    with recording(db) as change_set:
        action(db)
    after = everything(db)
    assert change_set  # the call wrote something...
    assert after != before  # ...that shows in the tables
    return before, after, change_set


@pytest.mark.parametrize(
    ("setup", "action"), SCENARIOS, ids=[a.__name__.removeprefix("do_") for _, a in SCENARIOS]
)
def test_undo_and_redo_restore_every_table(
    new_db: Database,
    setup: Callable[[Database], Context],
    action: Callable[[Database, Context], None],
) -> None:
    context = setup(new_db)
    before, after, change_set = record(new_db, lambda db: action(db, context))
    logged = audit_count(new_db)

    apply_inverse(new_db, change_set)
    assert everything(new_db) == before
    assert audit_count(new_db) == logged + len(change_set.changes)  # undo is audited

    apply_forward(new_db, change_set)
    assert everything(new_db) == after

    apply_inverse(new_db, change_set)
    assert everything(new_db) == before
    assert not new_db.conn.in_transaction


def test_undo_of_delete_project_restores_history_and_investment_with_ids(
    new_db: Database,
) -> None:
    ids = with_project(new_db)
    project_id = ids["project"]
    project = projects.get_project(new_db, project_id)
    history = projects.stage_history(new_db, project_id)
    monthly = projects.monthly_investment(new_db, project_id)
    plans = investment.annual_plans(new_db, project_id)
    assert len(history) == 2
    assert len(monthly) == 3

    _, _, change_set = record(new_db, lambda db: projects.delete_project(db, project_id=project_id))
    assert projects.get_project(new_db, project_id) is None
    assert projects.stage_history(new_db, project_id) == []
    assert projects.monthly_investment(new_db, project_id) == []
    assert len(projects.monthly_investment(new_db, ids["other"])) == 1  # another project's stays

    apply_inverse(new_db, change_set)

    assert projects.get_project(new_db, project_id) == project
    assert projects.stage_history(new_db, project_id) == history  # same ids, stages, dates
    assert projects.monthly_investment(new_db, project_id) == monthly
    assert investment.annual_plans(new_db, project_id) == plans
    assert investment.completed_total(new_db, project_id) == Money.wan("12800.5")


def test_undo_of_deleting_a_demo_project(demo_db: Database) -> None:
    project_id = int(
        demo_db.scalar(
            "SELECT p.id FROM projects p WHERE"
            " (SELECT count(*) FROM project_stage_history h WHERE h.project_id = p.id) >= 2"
            " AND (SELECT count(*) FROM project_monthly_investment i WHERE i.project_id = p.id)"
            " >= 2 ORDER BY p.id LIMIT 1"
        )
    )
    before, after, change_set = record(
        demo_db, lambda db: projects.delete_project(db, project_id=project_id)
    )
    assert project_store.get(demo_db, project_id) is None

    apply_inverse(demo_db, change_set)
    assert everything(demo_db) == before
    apply_forward(demo_db, change_set)
    assert everything(demo_db) == after


def test_undo_of_delete_fund_restores_its_figures(new_db: Database) -> None:
    ids = with_fund(new_db)
    figures = fund_store.updates(new_db, ids["fund"])
    assert len(figures) == 2

    _, _, change_set = record(new_db, lambda db: funds.delete_fund(db, fund_id=ids["fund"]))
    assert fund_store.updates(new_db, ids["fund"]) == []

    apply_inverse(new_db, change_set)

    assert fund_store.get(new_db, ids["fund"]) is not None
    assert fund_store.updates(new_db, ids["fund"]) == figures
    latest = fund_store.latest_update(new_db, ids["fund"])
    assert latest is not None
    assert latest.invested == Money.wan(61234)


def test_undo_of_delete_park_restores_its_revenue_and_target(new_db: Database) -> None:
    ids = with_park_revenue(new_db)
    grid = revenue_entry.year_grid(new_db, 2024)
    assert (ids["park"], 2) in grid

    _, _, change_set = record(new_db, lambda db: parks.delete_park(db, park_id=ids["park"]))
    assert revenue_entry.year_grid(new_db, 2024) == {(ids["display"], 1): Money.yi(20)}

    apply_inverse(new_db, change_set)

    assert parks.get_park(new_db, ids["park"]) is not None
    assert revenue_entry.year_grid(new_db, 2024) == grid
    target = targets.get_target(new_db, year=2024, metric=Metric.REVENUE, park_id=ids["park"])
    assert target is not None
    assert target.amount == Money.yi(40)


def test_undo_of_a_ytd_change_restores_the_monthly_figures(new_db: Database) -> None:
    ids = with_ytd(new_db)
    grid = revenue_entry.year_grid(new_db, 2024)
    _, _, change_set = record(new_db, lambda db: do_set_year_to_date(db, ids))
    assert revenue_entry.year_grid(new_db, 2024)[(ids["park"], 3)] == Money.yi(12)

    apply_inverse(new_db, change_set)

    assert revenue_entry.year_grid(new_db, 2024) == grid
    assert grid[(ids["park"], 3)] == Money.yi(15)
