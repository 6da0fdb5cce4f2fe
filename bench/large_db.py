"""A large generated ParkTracker database for benchmarks: 100,000 projects by default.

The eight reference parks, then projects with realistic Chinese names (a share of them in 光电,
optoelectronics), companies and notes, random stages with a matching stage history, planned
totals, and monthly completed investment for most projects under construction or in production.
Everything is drawn from a fixed-seed generator, so a given size and seed give the same file.

The rows are written in bulk with ``executemany`` in one transaction (bench-only SQL: the audit
log is not filled for generated rows, and the undo machinery is not involved). The triggers of
the schema still run, so derived tables (each project's completed investment) are right.

Usage:  python bench/large_db.py OUT.db [--projects 100000] [--seed 7] [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
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


def _populate(count: int, seed: int) -> object:
    def populate(db: Database) -> None:
        park_ids = seed_reference(db)
        rows = generate_rows(park_ids, count, seed)
        with db.atomic():
            meta.set_value(db, meta.SAMPLE_DATA, "1")
            conn = db.conn
            conn.executemany(
                "INSERT INTO projects (id, park_id, name, stage, company, responsible_unit,"
                " contact, planned_total_yuan, signed_date, planned_start_date,"
                " actual_start_date, planned_completion_date, production_date, is_key,"
                " is_chain_leader, notes, over_plan_reason, sample)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.projects,
            )
            conn.executemany(
                "INSERT INTO project_stage_history (id, project_id, stage, date, note)"
                " VALUES (?, ?, ?, ?, ?)",
                rows.history,
            )
            conn.executemany(
                "INSERT INTO project_monthly_investment (id, project_id, month, completed_yuan)"
                " VALUES (?, ?, ?, ?)",
                rows.monthly,
            )
            conn.executemany(
                "INSERT INTO project_annual_plan (id, project_id, year, planned_yuan)"
                " VALUES (?, ?, ?, ?)",
                rows.annual,
            )

    return populate


def build_large_db(
    path: Path | str, *, projects: int = 100_000, seed: int = 7, force: bool = False
) -> Database:
    """Write a generated database of ``projects`` projects to ``path`` and open it."""
    return create_database(path, populate=_populate(projects, seed), force=force)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    db = build_large_db(args.out, projects=args.projects, seed=args.seed, force=args.force)
    took = time.perf_counter() - started
    counts = {
        table: db.scalar(f"SELECT count(*) FROM {table}")
        for table in ("projects", "project_stage_history", "project_monthly_investment")
    }
    optical = db.scalar("SELECT count(*) FROM projects WHERE instr(name, '光电') > 0")
    db.close()
    size = args.out.stat().st_size / 1e6
    print(f"wrote {args.out} in {took:.1f} s ({size:.0f} MB): {counts}, 光电 in name: {optical}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
