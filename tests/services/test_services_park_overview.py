"""Per-park figures (the Parks table) and a park's detail: the dashboard's figures split by park."""

from __future__ import annotations

import datetime as dt

from parktracker.domain.enums import Metric, PlatformKind, PlatformLevel, Stage
from parktracker.domain.models import Fund, FundUpdate, Park, Platform, Project, Target
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.funds import add_fund
from parktracker.services.park_overview import overview, park_detail, records_in_park
from parktracker.services.parks import add_park, list_parks
from parktracker.services.platforms_enterprises import add_platform
from parktracker.services.projects import create_project
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.services.summary import default_as_of, summarize
from parktracker.services.targets import set_target
from parktracker.storage import parks
from parktracker.storage.database import Database

D = dt.date
XINXING = "青岛市新型显示产业园"


def _park(db: Database, name: str) -> Park:
    park = parks.find(db, name)
    assert park is not None and park.id is not None
    return park


def test_rows_are_the_parks_in_their_order_as_of_the_latest_data(demo_db: Database) -> None:
    result = overview(demo_db)
    assert result.as_of == default_as_of(demo_db) == D(2024, 3, 31)
    assert [r.park.name for r in result.rows] == [p.name for p in list_parks(demo_db)]
    assert len(result.rows) == 8


def test_each_row_equals_the_summary_of_its_park(demo_db: Database) -> None:
    result = overview(demo_db)
    for row in result.rows:
        s = summarize(demo_db, as_of=result.as_of, park=row.park)
        assert row.under_construction == s.pipeline[Stage.UNDER_CONSTRUCTION]
        assert row.signed == s.pipeline[Stage.SIGNED]
        assert row.in_production == s.pipeline[Stage.IN_PRODUCTION].count
        assert row.funds == s.funds
        assert row.platforms_provincial_or_above == s.platforms_provincial_or_above
        assert row.enterprises == s.enterprise_count
        assert row.revenue_ytd == s.revenue.ytd


def test_rows_add_up_to_the_dashboard_headline(demo_db: Database) -> None:
    result = overview(demo_db)
    rows = result.rows
    whole = summarize(demo_db, as_of=result.as_of)
    uc = Money.total([r.under_construction.planned_total for r in rows])
    assert uc == whole.pipeline[Stage.UNDER_CONSTRUCTION].planned_total == Money.yi("1351.4")
    assert sum(r.under_construction.count for r in rows) == 50
    assert Money.total([r.signed.planned_total for r in rows]) == Money.yi("337.9")
    assert sum(r.signed.count for r in rows) == 13
    assert sum(r.platforms_provincial_or_above for r in rows) == 25
    assert sum(r.enterprises for r in rows) == whole.enterprise_count
    assert Money.total([r.revenue_ytd for r in rows]) == whole.revenue.ytd
    # City-wide funds belong to no park: parks plus city-wide make the dashboard's 20 funds.
    assert sum(r.funds.count for r in rows) + result.city_funds.count == 20
    scale = Money.total([r.funds.scale for r in rows]) + result.city_funds.scale
    assert scale == Money.yi("172.6")
    assert result.city_funds.count > 0


def test_a_later_date_counts_the_april_signings(demo_db: Database) -> None:
    rows = overview(demo_db, as_of=D(2024, 4, 30)).rows
    assert sum(r.signed.count for r in rows) == 15
    assert Money.total([r.signed.planned_total for r in rows]) == Money.yi("352.9")


def test_detail_of_a_park_lists_its_records(demo_db: Database) -> None:
    park = _park(demo_db, XINXING)
    assert park.id is not None
    detail = park_detail(demo_db, park.id)
    assert detail is not None
    assert detail.park == park
    assert detail.figures == overview(demo_db).row_of(park.id)
    names = [line.project.name for line in detail.projects]
    assert "翰博光电生产基地项目" in names
    own = demo_db.query("SELECT name FROM projects WHERE park_id = ? ORDER BY id", [park.id])
    assert names == [r[0] for r in own]
    hanbo = next(line for line in detail.projects if line.project.name == "翰博光电生产基地项目")
    completed = demo_db.scalar(
        "SELECT sum(completed_yuan) FROM project_monthly_investment WHERE project_id = ?",
        [hanbo.project.id],
    )
    assert hanbo.completed == Money(int(completed))
    funds = demo_db.query("SELECT id FROM funds WHERE park_id = ? ORDER BY id", [park.id])
    assert [f.fund.id for f in detail.funds] == [r[0] for r in funds]
    for line in detail.funds:
        latest = demo_db.query(
            "SELECT scale_yuan FROM fund_updates WHERE fund_id = ? ORDER BY date DESC, id DESC",
            [line.fund.id],
        )
        assert line.latest is not None and line.latest.scale == Money(latest[0][0])
    assert len(detail.platforms) == demo_db.scalar(
        "SELECT count(*) FROM platforms WHERE park_id = ?", [park.id]
    )
    assert len(detail.enterprises) == demo_db.scalar(
        "SELECT count(*) FROM enterprises WHERE park_id = ?", [park.id]
    )


def test_detail_revenue_is_the_latest_year_monthly_and_year_to_date(demo_db: Database) -> None:
    park = _park(demo_db, XINXING)
    assert park.id is not None
    detail = park_detail(demo_db, park.id)
    assert detail is not None
    assert detail.revenue_year == 2024
    assert [str(line.month) for line in detail.revenue] == ["2024-01", "2024-02", "2024-03"]
    monthly = demo_db.query(
        "SELECT amount_yuan FROM revenue WHERE park_id = ? AND month LIKE '2024-%' ORDER BY month",
        [park.id],
    )
    assert [line.amount for line in detail.revenue] == [Money(r[0]) for r in monthly]
    running = 0
    for line, row in zip(detail.revenue, monthly, strict=True):
        running += row[0]
        assert line.ytd == Money(running)
    assert detail.revenue[-1].ytd == detail.figures.revenue_ytd


def test_new_database_has_eight_parks_with_nothing_yet(new_db: Database) -> None:
    result = overview(new_db)
    assert len(result.rows) == 8
    for row in result.rows:
        assert row.under_construction.count == 0
        assert row.under_construction.planned_total == Money.zero()
        assert row.funds.count == 0
        assert row.revenue_ytd == Money.zero()
    assert result.city_funds.count == 0
    park_id = result.rows[0].park.id
    assert park_id is not None
    detail = park_detail(new_db, park_id)
    assert detail is not None
    assert detail.revenue_year is None and detail.revenue == []
    assert detail.projects == [] and detail.funds == []


def test_missing_park_has_no_detail(new_db: Database) -> None:
    assert park_detail(new_db, 9999) is None


def test_revenue_gap_month_is_shown_empty(new_db: Database) -> None:
    park = list_parks(new_db)[0]
    assert park.id is not None
    with new_db.atomic():
        set_monthly(
            new_db,
            cells=[
                RevenueCell(park.id, YearMonth(2023, 12), Money.yi(9)),
                RevenueCell(park.id, YearMonth(2024, 1), Money.yi(2)),
                RevenueCell(park.id, YearMonth(2024, 3), Money.yi("3.5")),
            ],
        )
        set_target(new_db, target=Target(2024, Metric.REVENUE, Money.yi(40), park_id=park.id))
    detail = park_detail(new_db, park.id)
    assert detail is not None
    assert detail.revenue_year == 2024
    assert detail.revenue_target == Money.yi(40)
    lines = [(str(r.month), r.amount, r.ytd) for r in detail.revenue]
    assert lines == [
        ("2024-01", Money.yi(2), Money.yi(2)),
        ("2024-02", None, None),
        ("2024-03", Money.yi("3.5"), Money.yi("5.5")),
    ]
    # As of the end of March 2024 (the latest data), only 2024 counts towards the YTD.
    row = overview(new_db).row_of(park.id)
    assert row is not None and row.revenue_ytd == Money.yi("5.5")


def test_figures_respect_the_as_of_date(new_db: Database) -> None:
    park = list_parks(new_db)[1]
    assert park.id is not None
    create_project(
        new_db,
        project=Project(park.id, "测试项目", Stage.SIGNED, planned_total=Money.yi(5)),
        history=[(Stage.SIGNED, D(2024, 1, 10)), (Stage.UNDER_CONSTRUCTION, D(2024, 2, 20))],
    )
    add_fund(
        new_db,
        fund=Fund("测试基金", park.id, established_date=D(2024, 1, 1)),
        first_figures=FundUpdate(0, D(2024, 1, 31), Money.yi(10), Money.yi(4), Money.yi(1)),
    )
    add_fund(
        new_db,
        fund=Fund("全市基金", None, established_date=D(2023, 1, 1)),
        first_figures=FundUpdate(0, D(2024, 2, 29), Money.yi(30), Money.yi(6), Money.yi(2)),
    )
    add_platform(
        new_db,
        platform=Platform(
            park.id,
            "测试平台",
            PlatformLevel.NATIONAL,
            PlatformKind.KEY_LAB,
            recognized_date=D(2024, 3, 1),
        ),
    )
    jan = overview(new_db, as_of=D(2024, 1, 31)).row_of(park.id)
    mar = overview(new_db, as_of=D(2024, 3, 31)).row_of(park.id)
    assert jan is not None and mar is not None
    assert (jan.signed.count, jan.under_construction.count) == (1, 0)
    assert (mar.signed.count, mar.under_construction.count) == (0, 1)
    assert mar.under_construction.planned_total == Money.yi(5)
    assert jan.funds.count == 1 and jan.funds.scale == Money.yi(10)
    assert jan.platforms_provincial_or_above == 0
    assert mar.platforms_provincial_or_above == 1
    # The city-wide fund belongs to no park: counted apart, from its first figures on.
    assert all(r.funds.count == 0 for r in overview(new_db).rows if r.park.id != park.id)
    assert overview(new_db, as_of=D(2024, 1, 31)).city_funds.count == 0
    city = overview(new_db, as_of=D(2024, 3, 31)).city_funds
    assert (city.count, city.scale) == (1, Money.yi(30))


def test_records_in_park_counts_what_blocks_deletion(demo_db: Database) -> None:
    park = _park(demo_db, XINXING)
    assert park.id is not None
    counts = records_in_park(demo_db, park.id)
    assert counts["projects"] == len(
        demo_db.query("SELECT id FROM projects WHERE park_id = ?", [park.id])
    )
    assert set(counts) == {"projects", "funds", "platforms", "enterprises"}
    new_id = add_park(demo_db, park=Park("空园区", "空园区", "测试"))
    assert records_in_park(demo_db, new_id) == dict.fromkeys(counts, 0)
