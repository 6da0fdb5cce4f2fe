"""A large, realistic generated ParkTracker database for benchmarks: 100,000 projects by default.

The eight reference parks, then projects with realistic Chinese names (a share of them in 光电,
optoelectronics), companies and notes, random stages with a matching stage history, planned
totals, monthly completed investment for most projects under construction or in production and
annual plans; about 2,000 funds (one per 50 projects) with two to six reported updates each; ten
years of monthly revenue for every park; platforms and enterprises; and the audit log the app
itself writes for all of it (storage/audit.py: one ``insert`` entry per row with the row as JSON,
and an ``update`` entry per stage change after the first), about 1.25 million rows at 100k
projects. The database id and meta rows are those the app writes (create_database).
Everything is drawn from a fixed-seed generator, so a given size and seed give the same file.

The rows are written in bulk with ``executemany`` in one transaction (bench-only SQL, written as
storage/audit.py would write them; the undo machinery is not involved). The triggers of the
schema still run, so derived tables (each project's completed investment) are right.

Usage:  python bench/large_db.py OUT.db [--projects 100000] [--seed 7] [--force] [--no-audit]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parktracker.services.reference import seed_reference
from parktracker.storage import meta
from parktracker.storage.database import Database, create_database

AS_OF = dt.date(2025, 6, 30)
YI = 100_000_000
WAN = 10_000

# Products per park key (as in the reference data), a few of them in 光电 (optoelectronics).
THEMES: dict[str, list[str]] = {
    "ic": ["功率半导体封测", "晶圆级封装", "电子特气", "半导体材料", "掩模版", "MEMS传感器",
           "射频芯片", "化合物半导体", "光电芯片", "芯片测试"],
    "ai": ["智能算力中心", "工业大模型", "智能网联", "机器人本体", "智能语音", "数据标注",
           "AI芯片模组", "智能制造解决方案", "数字孪生平台", "计算机视觉"],
    "vr": ["光学模组", "近眼显示", "VR内容制作", "空间计算终端", "动作捕捉设备", "XR整机",
           "虚拟拍摄", "微显示器件", "沉浸式体验", "光电显示模组"],
    "display": ["OLED模组", "Mini LED背光", "偏光片", "显示驱动芯片", "触控模组", "光学膜材",
                "柔性显示材料", "车载显示", "光电玻璃基板", "显示整机"],
    "bio": ["创新药", "高端医疗器械", "生物制剂", "医用耗材", "体外诊断", "CXO服务",
            "中药现代化", "康复辅具", "医学影像设备", "基因检测"],
    "instrument": ["工业测量仪器", "分析仪器", "光电传感器", "计量检测", "海洋仪器", "智能仪表",
                   "精密光学", "超声检测设备", "环境监测仪器", "精密加工"],
    "materials": ["高性能橡胶", "生物基材料", "可降解塑料", "特种化学品", "碳纤维复合材料",
                  "新能源材料", "高端涂料", "电子化学品", "功能膜材料", "绿色化工"],
    "hydrogen": ["加氢站", "氢燃料电池", "电解水制氢", "储氢装备", "新型储能电站", "氢能重卡",
                 "液氢装备", "储能电池系统", "氢能检测", "绿氨合成"],
}  # fmt: skip
HEADS = "智云海数星锐航芯睿灵景博擎瀚启未华恒达远泰鑫润德嘉瑞"
TAILS = "科图联视算创达川源石岳岩途衡光言通信微宇明晟诚康盛"
KINDS = ["科技", "智能科技", "光电科技", "新材料", "电子", "生物科技", "装备制造", "能源科技"]
SUFFIXES = ["项目", "生产基地项目", "研发中心项目", "产业化项目", "扩产项目", "智能制造基地项目"]
PHASES = ["", "", "", "二期", "三期"]
NOTES = [
    "",
    "",
    "",
    "列入市重点项目",
    "拟申报省重点项目",
    "用地已落实，手续办理中",
    "环评已批复",
    "设备已进场安装",
    "光电产业链延伸项目",
    "链主企业带动落地",
    "外资项目，按季度调度",
    "厂房主体已封顶",
]
UNITS = ["区发改局", "区投资促进中心", "园区管委会", "区工信局", "街道办事处"]
CONTACTS = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
STAGE_WEIGHTS = [
    ("negotiating", 10),
    ("signed", 15),
    ("under_construction", 40),
    ("in_production", 27),
    ("terminated", 8),
]


@dataclass
class Generated:
    projects: list[tuple[object, ...]] = field(default_factory=list)
    history: list[tuple[object, ...]] = field(default_factory=list)
    monthly: list[tuple[object, ...]] = field(default_factory=list)
    annual: list[tuple[object, ...]] = field(default_factory=list)
    funds: list[tuple[object, ...]] = field(default_factory=list)
    fund_updates: list[tuple[object, ...]] = field(default_factory=list)
    revenue: list[tuple[object, ...]] = field(default_factory=list)
    platforms: list[tuple[object, ...]] = field(default_factory=list)
    enterprises: list[tuple[object, ...]] = field(default_factory=list)


COLUMNS: dict[str, tuple[str, ...]] = {
    "projects": (
        "id", "park_id", "name", "stage", "company", "responsible_unit", "contact",
        "planned_total_yuan", "signed_date", "planned_start_date", "actual_start_date",
        "planned_completion_date", "production_date", "is_key", "is_chain_leader", "notes",
        "over_plan_reason", "sample",
    ),
    "project_stage_history": ("id", "project_id", "stage", "date", "note"),
    "project_monthly_investment": ("id", "project_id", "month", "completed_yuan"),
    "project_annual_plan": ("id", "project_id", "year", "planned_yuan"),
    "funds": ("id", "name", "park_id", "manager", "established_date", "notes", "sample"),
    "fund_updates": (
        "id", "fund_id", "date", "scale_yuan", "paid_in_yuan", "invested_yuan", "note",
    ),
    "revenue": ("id", "park_id", "month", "amount_yuan", "sample"),
    "platforms": (
        "id", "park_id", "name", "level", "kind", "recognized_date", "notes", "sample",
    ),
    "enterprises": (
        "id", "park_id", "name", "is_chain_leader", "is_little_giant", "is_above_scale",
        "is_high_tech", "joined_date", "notes", "sample",
    ),
}  # fmt: skip
FUND_KINDS = ["产业投资基金", "天使投资基金", "创业投资基金", "并购基金", "产业引导基金"]
MANAGERS = ["青岛市创新投资有限公司", "青岛国信资本", "海发资本", "青岛财通集团", "华通创投"]
LEVELS = [("national", 1), ("provincial", 4), ("municipal", 10)]
PLATFORM_KINDS = [
    "key_lab", "engineering_centre", "new_rd_institution", "pilot_base", "research_institute",
    "innovation_centre", "tech_transfer", "public_service",
]  # fmt: skip
PLATFORM_NAMES = ["重点实验室", "工程技术研究中心", "新型研发机构", "中试基地", "研究院",
                  "创新中心", "技术转移中心", "公共服务平台"]  # fmt: skip


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _months(first: dt.date, last: dt.date) -> Iterator[str]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _name(rng: random.Random, themes: list[str], taken: set[str]) -> str:
    while True:
        brand = rng.choice(HEADS) + rng.choice(TAILS)
        name = brand + rng.choice(themes) + rng.choice(PHASES) + rng.choice(SUFFIXES)
        if name not in taken:
            taken.add(name)
            return name


def generate_rows(park_ids: dict[str, int], count: int, seed: int) -> Generated:
    rng = random.Random(seed)
    out = Generated()
    keys = list(park_ids)
    taken: dict[str, set[str]] = {k: set() for k in keys}
    stages = [s for s, _ in STAGE_WEIGHTS]
    weights = [w for _, w in STAGE_WEIGHTS]
    history_id = monthly_id = annual_id = 0
    for project_id in range(1, count + 1):
        key = keys[project_id % len(keys)]
        stage = rng.choices(stages, weights)[0]
        signed = _day(rng, dt.date(2016, 1, 1), dt.date(2025, 5, 31))
        start = production = None
        steps: list[tuple[str, dt.date]] = []
        if stage == "negotiating":
            steps = [("negotiating", _day(rng, dt.date(2024, 6, 1), AS_OF))]
            signed = None
        else:
            steps = [("signed", signed)]
        if stage in ("under_construction", "in_production"):
            start = min(signed + dt.timedelta(days=rng.randint(20, 300)), AS_OF)
            steps.append(("under_construction", start))
        if stage == "in_production":
            assert start is not None
            production = min(start + dt.timedelta(days=rng.randint(300, 900)), AS_OF)
            steps.append(("in_production", production))
        if stage == "terminated":
            assert signed is not None
            steps.append(
                ("terminated", min(signed + dt.timedelta(days=rng.randint(60, 500)), AS_OF))
            )
        planned_tenths = rng.randint(5, 1000)
        planned = planned_tenths * YI // 10
        brand = rng.choice(HEADS) + rng.choice(TAILS)
        company = f"青岛{brand}{rng.choice(KINDS)}有限公司" if rng.random() < 0.9 else ""
        planned_start = None if signed is None else signed + dt.timedelta(days=rng.randint(15, 90))
        planned_completion = (
            None
            if planned_start is None
            else planned_start + dt.timedelta(days=rng.randint(300, 1100))
        )
        completed = 0
        if start is not None and rng.random() < 0.7:
            last = production or AS_OF
            first = max(start, dt.date(last.year - 2, last.month, 1))
            months = list(_months(first, last))
            budget = planned * rng.randint(20, 85) // 100
            for month in months:
                amount = budget // len(months) // WAN * WAN
                if amount:
                    monthly_id += 1
                    out.monthly.append((monthly_id, project_id, month, amount))
                    completed += amount
            if stage == "under_construction":
                annual_id += 1
                out.annual.append((annual_id, project_id, AS_OF.year, (planned - completed) // 2))
        over_reason = ""
        if completed > planned:
            over_reason = "追加投资（生成数据）"
        out.projects.append(
            (
                project_id,
                park_ids[key],
                _name(rng, THEMES[key], taken[key]),
                stage,
                company,
                rng.choice(UNITS),
                rng.choice(CONTACTS) + rng.choice(["工", "经理", "主任"]),
                planned,
                None if signed is None else signed.isoformat(),
                None if planned_start is None else planned_start.isoformat(),
                None if start is None else start.isoformat(),
                None if planned_completion is None else planned_completion.isoformat(),
                None if production is None else production.isoformat(),
                int(rng.random() < 0.15),
                int(rng.random() < 0.05),
                rng.choice(NOTES),
                over_reason,
                1,
            )
        )
        for step_stage, day in steps:
            history_id += 1
            out.history.append((history_id, project_id, step_stage, day.isoformat(), ""))
    return out


def _advances(history: list[tuple[object, ...]]) -> Iterator[tuple[int, str, str, str]]:
    """(project, stage before, stage after, date) for each stage change after a project's first."""
    previous: tuple[object, ...] | None = None
    for row in history:
        if previous is not None and previous[1] == row[1]:
            yield int(str(row[1])), str(previous[2]), str(row[2]), str(row[3])
        previous = row


def generate_other_rows(out: Generated, park_ids: dict[str, int], count: int, seed: int) -> None:
    """Funds (one per 50 projects) and their updates, ten years of monthly revenue per park,
    platforms (one per 50 projects) and enterprises (one per 5 projects)."""
    rng = random.Random(seed + 1)
    keys = list(park_ids)
    update_id = 0
    for fund_id in range(1, max(1, count // 50) + 1):
        key = keys[fund_id % len(keys)]
        established = _day(rng, dt.date(2015, 1, 1), dt.date(2025, 1, 31))
        brand = rng.choice(HEADS) + rng.choice(TAILS)
        out.funds.append(
            (fund_id, f"青岛{brand}{rng.choice(FUND_KINDS)}{fund_id}号", park_ids[key],
             rng.choice(MANAGERS), established.isoformat(), rng.choice(NOTES), 1)
        )  # fmt: skip
        scale = rng.randint(1, 200) * YI // 10
        paid = invested = 0
        day = established
        for _ in range(rng.randint(2, 6)):
            paid = min(scale, paid + scale * rng.randint(5, 40) // 100)
            invested = min(paid, invested + paid * rng.randint(5, 60) // 100)
            update_id += 1
            out.fund_updates.append(
                (update_id, fund_id, day.isoformat(), scale, paid, invested, "")
            )
            day = min(AS_OF, day + dt.timedelta(days=rng.randint(60, 400)))
    revenue_id = 0
    for key in keys:
        level = rng.randint(20, 200) * YI // 10
        for month in _months(dt.date(AS_OF.year - 10, AS_OF.month, 1), AS_OF):
            revenue_id += 1
            level = level * rng.randint(97, 105) // 100
            out.revenue.append((revenue_id, park_ids[key], month, level // WAN * WAN, 1))
    levels = [lv for lv, _ in LEVELS]
    level_weights = [w for _, w in LEVELS]
    names: set[tuple[int, str]] = set()
    for platform_id in range(1, max(1, count // 50) + 1):
        park = park_ids[keys[platform_id % len(keys)]]
        kind_index = rng.randrange(len(PLATFORM_KINDS))
        brand = rng.choice(HEADS) + rng.choice(TAILS)
        name = f"青岛{brand}{PLATFORM_NAMES[kind_index]}{platform_id}"
        names.add((park, name))
        recognized = _day(rng, dt.date(2012, 1, 1), AS_OF)
        out.platforms.append(
            (platform_id, park, name, rng.choices(levels, level_weights)[0],
             PLATFORM_KINDS[kind_index], recognized.isoformat(), rng.choice(NOTES), 1)
        )  # fmt: skip
    for enterprise_id in range(1, max(1, count // 5) + 1):
        park = park_ids[keys[enterprise_id % len(keys)]]
        brand = rng.choice(HEADS) + rng.choice(TAILS)
        joined = _day(rng, dt.date(2010, 1, 1), AS_OF)
        out.enterprises.append(
            (enterprise_id, park, f"青岛{brand}{rng.choice(KINDS)}有限公司{enterprise_id}",
             int(rng.random() < 0.02), int(rng.random() < 0.05), int(rng.random() < 0.4),
             int(rng.random() < 0.3), joined.isoformat(), "", 1)
        )  # fmt: skip


def _stamp(day: object, second: int) -> str:
    """An audit time as storage/audit.py writes it (local time with its offset, to the second),
    on the day the event happened."""
    date = str(day)[:10] if day else AS_OF.isoformat()
    if len(date) == 7:  # a month
        date += "-28"
    return f"{date}T{9 + second // 3600 % 9:02d}:{second // 60 % 60:02d}:{second % 60:02d}+08:00"


def audit_rows(rows: Generated, user: str) -> Iterator[tuple[object, ...]]:
    """The audit log entries the app writes for these rows (storage/audit.py ``_log``)."""
    serial = 0

    def entry(table: str, values: tuple[object, ...], day: object) -> tuple[object, ...]:
        nonlocal serial
        serial += 1
        after = json.dumps(dict(zip(COLUMNS[table], values, strict=True)), ensure_ascii=False)
        return (_stamp(day, serial), user, "insert", table, values[0], None, after)

    by_id = {row[0]: row for row in rows.projects}
    date_column = {"funds": 4, "fund_updates": 2, "revenue": 2, "platforms": 5, "enterprises": 7}
    for table, values_list in (
        ("projects", rows.projects),
        ("project_stage_history", rows.history),
        ("project_monthly_investment", rows.monthly),
        ("project_annual_plan", rows.annual),
        ("funds", rows.funds),
        ("fund_updates", rows.fund_updates),
        ("revenue", rows.revenue),
        ("platforms", rows.platforms),
        ("enterprises", rows.enterprises),
    ):
        for values in values_list:
            if table == "projects":
                day = values[8] or values[9] or AS_OF
            elif table in ("project_stage_history",):
                day = values[3]
            elif table == "project_monthly_investment":
                day = values[2]
            elif table == "project_annual_plan":
                day = f"{values[2]}-01-15"
            else:
                day = values[date_column[table]]
            yield entry(table, values, day)
    for project_id, before_stage, after_stage, day in _advances(rows.history):
        serial += 1
        row = dict(zip(COLUMNS["projects"], by_id[project_id], strict=True))
        before = json.dumps({**row, "stage": before_stage}, ensure_ascii=False)
        after = json.dumps({**row, "stage": after_stage}, ensure_ascii=False)
        yield (_stamp(day, serial), user, "update", "projects", project_id, before, after)


def _insert(conn: object, table: str, rows: list[tuple[object, ...]]) -> None:
    columns = COLUMNS[table]
    conn.executemany(  # type: ignore[attr-defined]
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        rows,
    )


def _populate(count: int, seed: int, *, audit: bool = True) -> object:
    def populate(db: Database) -> None:
        from parktracker.storage.audit import os_user

        park_ids = seed_reference(db)
        rows = generate_rows(park_ids, count, seed)
        generate_other_rows(rows, park_ids, count, seed)
        with db.atomic():
            meta.set_value(db, meta.SAMPLE_DATA, "1")
            conn = db.conn
            for table in COLUMNS:
                _insert(conn, table, getattr(rows, _FIELD[table]))
            if audit:
                conn.executemany(
                    "INSERT INTO audit_log (at, os_user, action, table_name, row_id, before,"
                    " after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    audit_rows(rows, os_user()),
                )

    return populate


_FIELD = {
    "projects": "projects",
    "project_stage_history": "history",
    "project_monthly_investment": "monthly",
    "project_annual_plan": "annual",
    "funds": "funds",
    "fund_updates": "fund_updates",
    "revenue": "revenue",
    "platforms": "platforms",
    "enterprises": "enterprises",
}


def build_large_db(
    path: Path | str,
    *,
    projects: int = 100_000,
    seed: int = 7,
    force: bool = False,
    audit: bool = True,
) -> Database:
    """Write a generated database of ``projects`` projects to ``path`` and open it."""
    populate = _populate(projects, seed, audit=audit)
    return create_database(path, populate=populate, force=force)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true")
    parser.add_argument(
        "--no-audit", action="store_true", help="leave out the audit log (the old, small file)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    db = build_large_db(
        args.out,
        projects=args.projects,
        seed=args.seed,
        force=args.force,
        audit=not args.no_audit,
    )
    took = time.perf_counter() - started
    counts = {
        table: db.scalar(f"SELECT count(*) FROM {table}") for table in (*COLUMNS, "audit_log")
    }
    optical = db.scalar("SELECT count(*) FROM projects WHERE instr(name, '光电') > 0")
    db.close()
    size = args.out.stat().st_size
    print(
        f"wrote {args.out} in {took:.1f} s, file size {size / 2**20:.0f} MiB"
        f" ({size / 1e6:.0f} MB): {counts}, 光电 in name: {optical}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
