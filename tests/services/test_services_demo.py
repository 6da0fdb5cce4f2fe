"""The demo dataset: the published facts of March 2024, and illustrative records marked as such.

The expected values below are transcribed from the reference page (Qingdao Daily, May 2024,
quoting the Development and Reform Commission), not read from the data file the demo is built
from, so a slip in either shows up here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.money import Money
from parktracker.services.demo import build_demo
from parktracker.services.summary import default_as_of, summarize
from parktracker.storage import as_of_figures, meta, parks
from parktracker.storage.database import Database, open_database

D = dt.date
MARCH_END = D(2024, 3, 31)
APRIL_END = D(2024, 4, 30)

PARKS = {
    "青岛市集成电路产业园": "集成电路",
    "青岛市人工智能产业园": "人工智能",
    "青岛市虚拟现实产业园": "虚拟现实",
    "青岛市新型显示产业园": "新型显示",
    "青岛市生物医药及医疗器械产业园": "生物医药及医疗器械",
    "青岛市精密仪器仪表产业园": "精密仪器仪表",
    "青岛市绿色低碳新材料产业园": "绿色低碳新材料",
    "青岛市氢能与储能产业园": "氢能与储能",
}

# (park industry, project, stage stated or implied by the page, planned total in 亿元 if given)
NAMED_PROJECTS: list[tuple[str, str, Stage | None, str | None]] = [
    ("集成电路", "中微创芯智能功率模块(IPM)项目", Stage.IN_PRODUCTION, None),
    ("集成电路", "合肥贝斯兰湿法设备总部研发生产基地项目", Stage.SIGNED, "6"),
    ("集成电路", "科新微电子芯片设计总部项目", Stage.SIGNED, "9"),
    ("新型显示", "京东方青岛生产基地", Stage.IN_PRODUCTION, None),
    ("新型显示", "万达光电(青岛)智造生产基地", Stage.IN_PRODUCTION, None),
    ("新型显示", "翰博光电生产基地项目", Stage.UNDER_CONSTRUCTION, "50"),
    ("人工智能", "青岛人工智能计算中心", Stage.IN_PRODUCTION, None),
    ("人工智能", "青岛“海之心”计算中心", Stage.IN_PRODUCTION, None),
    ("人工智能", "中科曙光全球研发总部基地", Stage.UNDER_CONSTRUCTION, None),
    ("人工智能", "一汽解放(青岛)商用车研究院", Stage.UNDER_CONSTRUCTION, None),
    ("人工智能", "泰科达数据中心", Stage.UNDER_CONSTRUCTION, None),
    ("绿色低碳新材料", "董家口新材料及绿色化工科创园中试基地项目", Stage.UNDER_CONSTRUCTION, None),
    ("虚拟现实", "虚拟现实创享中心", Stage.UNDER_CONSTRUCTION, None),
    ("虚拟现实", "虚拟现实整机和光学模组项目（一期）", Stage.UNDER_CONSTRUCTION, None),
    ("虚拟现实", "京东方艺云项目", None, None),
    ("虚拟现实", "欢创科技项目", None, None),
    ("虚拟现实", "小派科技项目", None, None),
    ("生物医药及医疗器械", "阿斯利康青岛区域总部", None, None),
]
LANDMARKS = ["国橡中心", "氢枫氢能"]  # park not given by the page
APRIL_SIGNINGS = {"合肥贝斯兰湿法设备总部研发生产基地项目": "6", "科新微电子芯片设计总部项目": "9"}
NAMED_ENTERPRISES = {
    "四方思锐": "集成电路",
    "五洲通达集成电路备件中心仓": "集成电路",
    "中科仪(南通)半导体设备有限责任公司青岛分公司": "集成电路",
    "京东方": "新型显示",
    "海信视像": "新型显示",
    "融合光电": "新型显示",
    "万达光电": "新型显示",
    "海克斯康": "精密仪器仪表",
    "阿斯利康": "生物医药及医疗器械",
}
APRIL_LANDINGS = ["五洲通达集成电路备件中心仓", "中科仪(南通)半导体设备有限责任公司青岛分公司"]
NAMED_PLATFORMS = {
    "国家虚拟现实创新中心(青岛)": "虚拟现实",
    "青岛双智赋能中心": "精密仪器仪表",
    "康复大学": "生物医药及医疗器械",
    "山东中医药大学青岛中医药科学院": "生物医药及医疗器械",
}
# Amounts the page states for named projects: a non-sample project may hold only these.
PUBLISHED_AMOUNTS = {"翰博光电生产基地项目": "50", **APRIL_SIGNINGS}
DATA_TABLES = (
    "meta",
    "parks",
    "projects",
    "project_stage_history",
    "project_monthly_investment",
    "project_annual_plan",
    "funds",
    "fund_updates",
    "revenue",
    "targets",
    "platforms",
    "enterprises",
)


@pytest.fixture(scope="module")
def demo(demo_template: Path) -> Iterator[Database]:
    db = open_database(demo_template, readonly=True)
    yield db
    db.close()


def industry_of_park(db: Database, park_id: int) -> str:
    return str(db.scalar("SELECT industry FROM parks WHERE id = ?", [park_id]))


def project_row(db: Database, name: str) -> dict[str, object]:
    rows = db.query("SELECT * FROM projects WHERE name = ?", [name])
    assert len(rows) == 1, name
    return dict(rows[0])


def names_as_of(db: Database, as_of: dt.date) -> dict[str, Stage]:
    names = {r[0]: r[1] for r in db.query("SELECT id, name FROM projects")}
    return {
        names[pid]: stage for pid, stage in as_of_figures.project_stages_as_of(db, as_of).items()
    }


# ---------------------------------------------------------------- published figures


def test_headline_figures_as_of_march_2024(demo: Database) -> None:
    s = summarize(demo, as_of=MARCH_END)
    assert s.park_count == 8
    uc, signed = s.pipeline[Stage.UNDER_CONSTRUCTION], s.pipeline[Stage.SIGNED]
    assert (uc.count, uc.planned_total) == (50, Money.yi("1351.4"))
    assert (signed.count, signed.planned_total) == (13, Money.yi("337.9"))
    assert s.funds.count == 20
    assert s.funds.scale == Money.yi("172.6")
    assert s.funds.paid_in == Money.yi("117.8")
    assert s.funds.invested == Money.yi("106.8")
    assert s.platforms_provincial_or_above == 25
    assert s.revenue.year == 2024
    assert s.revenue.target == Money.yi(1300)
    assert s.sample_data is True


def test_ai_park_enterprises(demo: Database) -> None:
    ai = parks.find(demo, "人工智能")
    assert ai is not None
    s = summarize(demo, as_of=MARCH_END, park=ai)
    assert s.enterprise_count >= 200
    assert s.enterprise_tags[EnterpriseTag.LITTLE_GIANT] == 7


def test_default_as_of_is_the_end_of_march_2024(demo: Database) -> None:
    assert default_as_of(demo) == MARCH_END


def test_no_illustrative_event_after_march_2024(demo: Database) -> None:
    """Only the report's April 2024 signings and landings are dated after 2024-03-31."""
    later_projects = {
        r[0]
        for r in demo.query(
            "SELECT DISTINCT p.name FROM project_stage_history h JOIN projects p"
            " ON p.id = h.project_id WHERE h.date > '2024-03-31'"
        )
    }
    assert later_projects == set(APRIL_SIGNINGS)
    later_firms = {
        r[0] for r in demo.query("SELECT name FROM enterprises WHERE joined_date > '2024-03-31'")
    }
    assert later_firms == set(APRIL_LANDINGS)
    for table, column in (
        ("fund_updates", "date"),
        ("platforms", "recognized_date"),
        ("funds", "established_date"),
    ):
        assert demo.scalar(f"SELECT count(*) FROM {table} WHERE {column} > '2024-03-31'") == 0
    for table in ("revenue", "project_monthly_investment"):
        assert demo.scalar(f"SELECT max(month) FROM {table}") == "2024-03"


def test_april_signings_appear_only_in_april(demo: Database) -> None:
    march, april = names_as_of(demo, MARCH_END), names_as_of(demo, APRIL_END)
    for name in APRIL_SIGNINGS:
        assert name not in march
        assert april[name] is Stage.SIGNED
    assert {n: s for n, s in april.items() if n not in APRIL_SIGNINGS} == march

    before, after = summarize(demo, as_of=MARCH_END), summarize(demo, as_of=APRIL_END)
    signed = after.pipeline[Stage.SIGNED]
    assert (signed.count, signed.planned_total) == (15, Money.yi("352.9"))
    for stage in (Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION, Stage.NEGOTIATING):
        assert after.pipeline[stage] == before.pipeline[stage]
    assert after.funds == before.funds
    assert after.platforms == before.platforms
    assert after.enterprise_tags == before.enterprise_tags
    assert after.enterprise_count == before.enterprise_count + len(APRIL_LANDINGS)
    assert after.revenue.ytd == before.revenue.ytd  # no April revenue in the demo
    assert after.revenue.target == before.revenue.target


# ---------------------------------------------------------------- named facts


def test_the_eight_parks(demo: Database) -> None:
    rows = demo.query("SELECT name, industry, sample FROM parks ORDER BY sort_order")
    assert {r["name"]: r["industry"] for r in rows} == PARKS
    assert all(r["sample"] == 0 for r in rows)
    display = parks.find(demo, "新型显示")
    assert display is not None
    assert display.chain_leaders == ["京东方"]
    assert display.partner_parks == ["开投芯屏产业园", "融安光电科技园", "联东U谷"]


@pytest.mark.parametrize(
    ("industry", "name", "stage", "planned_yi"), NAMED_PROJECTS, ids=[p[1] for p in NAMED_PROJECTS]
)
def test_named_project_is_in_the_demo(
    demo: Database, industry: str, name: str, stage: Stage | None, planned_yi: str | None
) -> None:
    row = project_row(demo, name)
    assert industry_of_park(demo, int(str(row["park_id"]))) == industry
    if stage is not None:
        assert row["stage"] == stage.value
        later = APRIL_END if name in APRIL_SIGNINGS else MARCH_END
        assert names_as_of(demo, later)[name] is stage
    if planned_yi is not None:
        assert row["planned_total_yuan"] == Money.yi(Decimal(planned_yi)).yuan
    # Named projects carry illustrative dates (the report gives none, or only a month), so they
    # are sample data too; the note says which facts are public.
    assert row["sample"] == 1
    assert "公开信息" in str(row["notes"])


@pytest.mark.parametrize("name", LANDMARKS)
def test_landmark_projects_are_in_the_demo(demo: Database, name: str) -> None:
    project_row(demo, name)


def test_zhongwei_chuangxin_in_production_from_september_2023(demo: Database) -> None:
    row = project_row(demo, "中微创芯智能功率模块(IPM)项目")
    assert row["company"] == "青岛中微创芯电子有限公司"
    assert str(row["production_date"]).startswith("2023-09")
    name = "中微创芯智能功率模块(IPM)项目"
    assert names_as_of(demo, D(2023, 8, 31))[name] is Stage.UNDER_CONSTRUCTION
    assert names_as_of(demo, D(2023, 9, 30))[name] is Stage.IN_PRODUCTION


def test_boe_is_the_display_chain_leader(demo: Database) -> None:
    row = project_row(demo, "京东方青岛生产基地")
    assert row["is_chain_leader"] == 1
    firm = demo.query("SELECT * FROM enterprises WHERE name = '京东方'")[0]
    assert firm["is_chain_leader"] == 1
    assert industry_of_park(demo, firm["park_id"]) == "新型显示"


def test_named_enterprises_and_platforms(demo: Database) -> None:
    for name, industry in NAMED_ENTERPRISES.items():
        [row] = demo.query("SELECT park_id FROM enterprises WHERE name = ?", [name])
        assert industry_of_park(demo, row[0]) == industry, name
    for name, industry in NAMED_PLATFORMS.items():
        [row] = demo.query("SELECT park_id FROM platforms WHERE name = ?", [name])
        assert industry_of_park(demo, row[0]) == industry, name
    vr_centre = demo.query("SELECT level FROM platforms WHERE name = '国家虚拟现实创新中心(青岛)'")
    assert PlatformLevel(vr_centre[0][0]) is PlatformLevel.NATIONAL


# ---------------------------------------------------------------- illustrative data is marked


def test_illustrative_records_are_marked_sample(demo: Database) -> None:
    assert meta.holds_sample_data(demo)
    assert demo.meta(meta.SAMPLE_DATA) == "1"
    # No per-fund figures and no monthly revenue are published: all of it is illustrative.
    assert demo.scalar("SELECT count(*) FROM funds WHERE sample = 0") == 0
    assert demo.scalar("SELECT count(*) FROM revenue WHERE sample = 0") == 0
    assert demo.scalar("SELECT count(*) FROM funds") == 20
    # Every invented record carries the mark in its name and its sample flag.
    for table in ("projects", "funds", "platforms", "enterprises"):
        unmarked = demo.query(f"SELECT name FROM {table} WHERE name LIKE '%示例%' AND sample = 0")
        assert [r[0] for r in unmarked] == [], table
    # A record left unmarked is one the page names...
    named = {p[1] for p in NAMED_PROJECTS} | set(LANDMARKS)
    for table, known in (
        ("projects", named),
        ("enterprises", set(NAMED_ENTERPRISES) | {"青岛中微创芯电子有限公司"}),
        ("platforms", set(NAMED_PLATFORMS)),
    ):
        unmarked = {r[0] for r in demo.query(f"SELECT name FROM {table} WHERE sample = 0")}
        assert unmarked <= known, table
    # ...and holds no invented amount: a planned total on it is one the page gives.
    for row in demo.query("SELECT name, planned_total_yuan FROM projects WHERE sample = 0"):
        if row[1] is not None:
            assert row[1] == Money.yi(Decimal(PUBLISHED_AMOUNTS[row[0]])).yuan, row[0]
    # Platform levels the page does not state are illustrative.
    for name in ("青岛双智赋能中心", "康复大学", "山东中医药大学青岛中医药科学院"):
        assert demo.scalar("SELECT sample FROM platforms WHERE name = ?", [name]) == 1


def test_sample_project_notes_say_so(demo: Database) -> None:
    for row in demo.query("SELECT name, notes FROM projects WHERE sample = 1"):
        assert "示例" in row[1], row[0]


# ---------------------------------------------------------------- determinism


def table_contents(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every stored record, except the file's own id (each file is a database of its own)."""
    return {
        t: [
            tuple(r)
            for r in db.query(f"SELECT * FROM {t} ORDER BY rowid")
            if not (t == "meta" and r[0] == "database_id")
        ]
        for t in DATA_TABLES
    }


def test_demo_build_is_deterministic(demo: Database, tmp_path: Path) -> None:
    with build_demo(tmp_path / "again.db") as again:
        second = table_contents(again)
    first = table_contents(demo)
    assert second == first
    assert len(first["projects"]) > 50
    assert len(first["revenue"]) > 0
    assert len(first["funds"]) == 20


def test_demo_rows_match_the_audit_log(demo: Database) -> None:
    """Every stored project was written through the audited path."""
    logged = {
        r[0]
        for r in demo.query(
            "SELECT row_id FROM audit_log WHERE table_name = 'projects' AND action = 'insert'"
        )
    }
    ids = {r[0] for r in demo.query("SELECT id FROM projects")}
    assert ids == logged
