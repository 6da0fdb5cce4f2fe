"""The deterministic demo dataset.

It holds every named project and entity of the March 2024 report (resources/data) with the
facts given, plus illustrative records, flagged ``sample``, chosen so that as of 2024-03-31 the
published headline figures come out exactly: 50 projects under construction with 1351.4 亿元,
13 signed awaiting start with 337.9 亿元, 20 funds with 172.6 / 117.8 / 106.8 亿元, 25 platforms
at provincial level or above and 200+ AI-park enterprises of which 7 are little giants.

Everything illustrative is drawn from a fixed-seed random generator, so the file is the same on
every machine. No illustrative event is dated after 2024-03-31; the only later events are the
two April 2024 signings (and two enterprises that landed in April 2024) given by the report.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel, Stage
from parktracker.domain.models import (
    AnnualPlan,
    Enterprise,
    Fund,
    FundUpdate,
    MonthlyInvestment,
    Platform,
    Project,
    RevenueEntry,
    StageChange,
)
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.reference import facts, headline, seed_reference
from parktracker.storage import (
    enterprises,
    funds,
    investment,
    meta,
    monthly_revenue,
    platforms,
    projects,
)
from parktracker.storage.database import Database, create_database, target_exists

SEED = 20240331
AS_OF = dt.date(2024, 3, 31)
SAMPLE_NOTE = "示例数据（非公开数据）"
FIRST_DATA_MONTH = YearMonth(2023, 1)
EARLIER_DATA_MONTH = YearMonth(
    2022, 1
)  # investment only: the dashboard's trend looks 24 months back
LAST_DATA_MONTH = YearMonth(2024, 3)

_THEMES: dict[str, list[str]] = {
    "ic": [
        "功率半导体封测",
        "晶圆级封装",
        "电子特气",
        "半导体材料",
        "掩模版",
        "MEMS传感器",
        "射频芯片",
        "化合物半导体",
        "芯片测试基地",
        "半导体零部件",
    ],
    "ai": [
        "智能算力",
        "工业大模型",
        "智能网联",
        "机器人本体",
        "智能语音",
        "数据标注基地",
        "AI芯片模组",
        "智能制造解决方案",
        "数字孪生平台",
        "计算机视觉",
    ],
    "vr": [
        "光学模组",
        "近眼显示",
        "VR内容制作基地",
        "空间计算终端",
        "动作捕捉设备",
        "XR整机",
        "虚拟拍摄基地",
        "微显示器件",
        "沉浸式体验中心",
        "VR教育装备",
    ],
    "display": [
        "OLED模组",
        "Mini LED背光",
        "偏光片",
        "显示驱动芯片",
        "触控模组",
        "光学膜材",
        "柔性显示材料",
        "车载显示",
        "玻璃基板",
        "显示整机",
    ],
    "bio": [
        "创新药研发生产",
        "高端医疗器械",
        "生物制剂",
        "医用耗材",
        "体外诊断",
        "CXO服务平台",
        "中药现代化",
        "康复辅具",
        "医学影像设备",
        "基因检测",
    ],
    "instrument": [
        "工业测量仪器",
        "分析仪器",
        "光电传感器",
        "计量检测中心",
        "海洋仪器",
        "智能仪表",
        "精密光学",
        "超声检测设备",
        "环境监测仪器",
        "精密加工",
    ],
    "materials": [
        "高性能橡胶",
        "生物基材料",
        "可降解塑料",
        "特种化学品",
        "碳纤维复合材料",
        "新能源材料",
        "高端涂料",
        "电子化学品",
        "功能膜材料",
        "绿色化工中试",
    ],
    "hydrogen": [
        "加氢站网络",
        "氢燃料电池",
        "电解水制氢",
        "储氢装备",
        "新型储能电站",
        "氢能重卡",
        "液氢装备",
        "储能电池系统",
        "氢能检测中心",
        "绿氨合成",
    ],
}


_PHASES = ["", "二期", "三期", "四期", "五期"]


@dataclass
class _Plan:
    park: str
    name: str
    stage: Stage
    planned: Money | None
    history: list[tuple[Stage, dt.date]]
    fields: dict[str, Any]
    sample: bool


def build_demo(path: Path | str, *, force: bool = False) -> Database:
    """Write the demo database to ``path`` (atomically) and open it. See :func:`write_demo`
    for what happens to a file already at ``path``."""
    return write_demo(path, force=force)[0]


def write_demo(path: Path | str, *, force: bool = False) -> tuple[Database, Path | None]:
    """Write the demo database to ``path`` (atomically) and open it; also returns where the
    file it replaced was kept (None when nothing was replaced).

    Replacing a file (``force``) is done like a restore: under the database's lock (refused,
    changing nothing, while another ParkTracker has the file open), after a ``pre-replace``
    backup of it (or a byte copy, when it is not a ParkTracker database). The replacement keeps
    the replaced database's id, so its backups stay listed for the file."""
    from parktracker.services import backups
    from parktracker.storage.backup import identify

    path = Path(path)
    if not force or not target_exists(path):  # refuses a device, a pipe, a name too long
        db = create_database(path, populate=populate_demo, force=force)
        keep_cards(db)
        return db, None
    lock = backups.take_lock(path)
    try:
        kept = backups.keep_previous(path)
        identity = identify(path)[1] if kept is not None else None
        db = create_database(path, populate=populate_demo, force=True, identity=identity)
        keep_cards(db)
    finally:
        lock.release()
    return db, kept


def keep_cards(db: Database) -> bool:
    """Keep the dashboard cards' figures in the new file, so that its first start shows them
    in its first paint (:mod:`parktracker.services.card_snapshot`)."""
    from parktracker.services import card_snapshot, dashboard_figures

    stamp = card_snapshot.data_stamp(db)
    kpis = dashboard_figures.kpis(db, as_of=dashboard_figures.default_as_of(db))
    if card_snapshot.data_stamp(db) != stamp:
        return False
    return card_snapshot.save(db, kpis, stamp=stamp)


def populate_demo(db: Database) -> None:
    rng = random.Random(SEED)
    with db.atomic():
        park_ids = seed_reference(db)
        meta.set_value(db, meta.SAMPLE_DATA, "1")
        plans = _project_plans(rng)
        project_ids = _store_projects(db, park_ids, plans)
        _store_investment(db, rng, plans, project_ids)
        # A separate generator, so the records drawn after this stay as they were.
        _store_earlier_investment(db, random.Random(SEED + 2022), plans, project_ids)
        _store_funds(db, rng, park_ids)
        _store_platforms(db, rng, park_ids)
        _store_enterprises(db, rng, park_ids)
        _store_revenue(db, rng, park_ids)


# ------------------------------------------------------------------ projects


def _random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _split(rng: random.Random, total_tenths: int, count: int, minimum: int) -> list[int]:
    """``count`` parts (in 0.1 亿元) of at least ``minimum``, summing to ``total_tenths``."""
    weights = [rng.uniform(0.3, 1.7) for _ in range(count)]
    spare = total_tenths - minimum * count
    parts = [minimum + int(spare * w / sum(weights)) for w in weights]
    parts[rng.randrange(count)] += total_tenths - sum(parts)
    return parts


def _history(
    rng: random.Random,
    stage: Stage,
    *,
    production: dt.date | None = None,
    signed: dt.date | None = None,
) -> list[tuple[Stage, dt.date]]:
    """A plausible stage history ending in ``stage`` on or before 2024-03-31."""
    if stage is Stage.SIGNED:
        return [(Stage.SIGNED, signed or _random_date(rng, dt.date(2023, 5, 1), AS_OF))]
    if stage is Stage.UNDER_CONSTRUCTION:
        sign = _random_date(rng, dt.date(2021, 3, 1), dt.date(2023, 6, 30))
        start = sign + dt.timedelta(days=rng.randint(20, 240))
        return [(Stage.SIGNED, sign), (Stage.UNDER_CONSTRUCTION, min(start, AS_OF))]
    if stage is Stage.IN_PRODUCTION:
        prod = production or _random_date(rng, dt.date(2021, 6, 1), dt.date(2024, 2, 28))
        start = prod - dt.timedelta(days=rng.randint(300, 700))
        sign = start - dt.timedelta(days=rng.randint(30, 200))
        return [
            (Stage.SIGNED, sign),
            (Stage.UNDER_CONSTRUCTION, start),
            (Stage.IN_PRODUCTION, prod),
        ]
    if stage is Stage.NEGOTIATING:
        return [(Stage.NEGOTIATING, _random_date(rng, dt.date(2023, 9, 1), AS_OF))]
    sign = _random_date(rng, dt.date(2021, 3, 1), dt.date(2022, 12, 31))
    return [
        (Stage.SIGNED, sign),
        (Stage.TERMINATED, sign + dt.timedelta(days=rng.randint(90, 400))),
    ]


def _named_plans(rng: random.Random) -> list[_Plan]:
    plans = []
    for item in facts()["projects"]:
        stage = Stage(item["stage"])
        planned = (
            Money.yi(Decimal(item["planned_total_yi"])) if "planned_total_yi" in item else None
        )
        signed = dt.date.fromisoformat(item["signed_date"]) if "signed_date" in item else None
        production = (
            dt.date.fromisoformat(item["production_date"]) if "production_date" in item else None
        )
        history = (
            [(Stage.SIGNED, signed)]
            if signed and stage is Stage.SIGNED
            else _history(rng, stage, production=production)
        )
        # The name, stage and any amount or month given are public; the other dates (and the
        # day of a month the report names) are illustrative, so the record is sample data.
        notes = (
            item.get("notes", "")
            + "名称、阶段及报道所列金额、月份为公开信息，其余金额、日期为示例。"
        )
        fields = {
            "company": item.get("company", ""),
            "is_key": bool(item.get("is_key", False)),
            "is_chain_leader": bool(item.get("is_chain_leader", False)),
            "notes": notes,
        }
        plans.append(
            _Plan(item["park"], item["name"], stage, planned, history, fields, sample=True)
        )
    return plans


def _project_plans(rng: random.Random) -> list[_Plan]:
    """Named projects plus illustrative ones, sized to match the published totals exactly."""
    h = headline()
    plans = _named_plans(rng)
    in_march = [p for p in plans if p.history[-1][1] <= AS_OF]
    park_keys = list(_THEMES)
    theme_index = dict.fromkeys(park_keys, 0)

    def filler(stage: Stage, n: int) -> list[_Plan]:
        out = []
        for i in range(n):
            park = park_keys[i % len(park_keys)]
            cycle, index = divmod(theme_index[park], len(_THEMES[park]))
            theme_index[park] += 1
            name = f"{_THEMES[park][index]}{_PHASES[cycle]}项目（示例）"
            out.append(_Plan(park, name, stage, None, _history(rng, stage), {}, True))
        return out

    for stage, count, total in (
        (Stage.UNDER_CONSTRUCTION, h.under_construction_count, h.under_construction_planned),
        (Stage.SIGNED, h.signed_count, h.signed_planned),
    ):
        named = [p for p in in_march if p.stage is stage]
        known = sum(p.planned.yuan for p in named if p.planned is not None)
        unknown = [p for p in named if p.planned is None]
        extra = filler(stage, count - len(named))
        parts = _split(
            rng,
            (total.yuan - known) // (Money.yi(1).yuan // 10),
            len(unknown) + len(extra),
            minimum=8 if stage is Stage.SIGNED else 15,
        )
        for plan, tenths in zip([*unknown, *extra], parts, strict=True):
            plan.planned = Money.yi(Decimal(tenths) / 10)
        plans += extra
    for stage, n in ((Stage.IN_PRODUCTION, 12), (Stage.NEGOTIATING, 4), (Stage.TERMINATED, 2)):
        for plan in filler(stage, n):
            plan.planned = Money.yi(rng.randint(20, 300) / Decimal(10))
            plans.append(plan)
    return plans


def _store_projects(db: Database, park_ids: dict[str, int], plans: Sequence[_Plan]) -> list[int]:
    ids = []
    for plan in plans:
        dates = {stage: day for stage, day in plan.history}
        notes = plan.fields.get("notes") or f"{SAMPLE_NOTE}：名称、金额、日期均为示例。"
        project = Project(
            park_id=park_ids[plan.park],
            name=plan.name,
            stage=plan.stage,
            company=plan.fields.get("company", ""),
            is_key=plan.fields.get("is_key", False),
            is_chain_leader=plan.fields.get("is_chain_leader", False),
            planned_total=plan.planned,
            signed_date=dates.get(Stage.SIGNED),
            actual_start_date=dates.get(Stage.UNDER_CONSTRUCTION),
            production_date=dates.get(Stage.IN_PRODUCTION),
            notes=notes,
            sample=plan.sample,
        )
        project_id = projects.add(db, project)
        for stage, day in plan.history:
            projects.add_stage_change(db, StageChange(project_id, stage, day))
        ids.append(project_id)
    return ids


def _store_investment(
    db: Database, rng: random.Random, plans: Sequence[_Plan], ids: Sequence[int]
) -> None:
    """Monthly completed investment (万元) from each project's start to March 2024."""
    for plan, project_id in zip(plans, ids, strict=True):
        dates = dict(plan.history)
        start = dates.get(Stage.UNDER_CONSTRUCTION)
        if plan.planned is None or start is None or plan.stage is Stage.TERMINATED:
            continue
        first = max(YearMonth.of(start), FIRST_DATA_MONTH)
        last = min(YearMonth.of(dates.get(Stage.IN_PRODUCTION, AS_OF)), LAST_DATA_MONTH)
        months = first.months_until(last) + 1
        if months <= 0:
            continue
        share = Decimal(rng.randint(25, 70)) / 100  # of the planned total, spent in these months
        budget_wan = int(plan.planned.in_wan * share)
        for k, part in enumerate(_split(rng, budget_wan, months, minimum=1)):
            investment.set_monthly(db, MonthlyInvestment(project_id, first.add(k), Money.wan(part)))
        if plan.stage is Stage.UNDER_CONSTRUCTION:
            remaining = plan.planned.in_wan - budget_wan
            annual = int(remaining * Decimal(rng.randint(30, 60)) / 100)
            investment.set_annual_plan(db, AnnualPlan(project_id, 2024, Money.wan(annual)))


def _store_earlier_investment(
    db: Database, rng: random.Random, plans: Sequence[_Plan], ids: Sequence[int]
) -> None:
    """2022's completed investment of the projects already under way then, so the 24-month
    trend and its year-earlier comparison have data: each month 85–100% of the project's
    January 2023 figure, within what is left of its planned total."""
    for plan, project_id in zip(plans, ids, strict=True):
        start = dict(plan.history).get(Stage.UNDER_CONSTRUCTION)
        if plan.planned is None or start is None or plan.stage is Stage.TERMINATED:
            continue
        january = {e.month: e.completed for e in investment.monthly(db, project_id)}.get(
            FIRST_DATA_MONTH
        )
        first = max(YearMonth.of(start), EARLIER_DATA_MONTH)
        if january is None or first >= FIRST_DATA_MONTH:
            continue
        room = plan.planned.yuan - investment.completed_total(db, project_id).yuan
        month = first
        while month < FIRST_DATA_MONTH:
            amount = Money.wan(int(january.in_wan * Decimal(rng.randint(85, 100)) / 100))
            if amount.yuan > room:
                break
            investment.set_monthly(db, MonthlyInvestment(project_id, month, amount))
            room -= amount.yuan
            month = month.add(1)


# ------------------------------------------------------------------ funds, platforms, firms


def _store_funds(db: Database, rng: random.Random, park_ids: dict[str, int]) -> None:
    h = headline()
    tenth = Money.yi(1).yuan // 10
    n = h.fund_count
    scale = _split(rng, h.fund_scale.yuan // tenth, n, minimum=20)
    paid = _proportional(scale, h.fund_paid_in.yuan // tenth)
    invested = _proportional(paid, h.fund_invested.yuan // tenth)
    keys = list(park_ids)
    for i in range(n):
        if i < len(keys):
            park_key: str | None = keys[i]
            name = f"青岛市{facts()['parks'][i]['industry']}产业投资基金（示例）"
        else:
            park_key = keys[i % len(keys)] if i % 3 else None
            area = "科创" if park_key is None else facts()["parks"][i % len(keys)]["industry"]
            kind = ["创业投资", "股权投资", "天使投资", "成果转化"][i % 4]
            name = f"青岛{area}{kind}基金{i - len(keys) + 1}号（示例）"
        established = _random_date(rng, dt.date(2020, 6, 1), dt.date(2023, 6, 30))
        fund_id = funds.add(
            db,
            Fund(
                name=name,
                park_id=None if park_key is None else park_ids[park_key],
                manager="（示例）基金管理有限公司",
                established_date=established,
                notes=SAMPLE_NOTE,
                sample=True,
            ),
        )
        yi = Money.yi(Decimal(1) / 10).yuan
        funds.add_update(
            db,
            FundUpdate(
                fund_id,
                established,
                Money(scale[i] * yi),
                Money(paid[i] * yi // 2),
                Money(invested[i] * yi // 4),
                note="设立时（示例）",
            ),
        )
        funds.add_update(
            db,
            FundUpdate(
                fund_id,
                AS_OF,
                Money(scale[i] * yi),
                Money(paid[i] * yi),
                Money(invested[i] * yi),
                note="2024年3月末（示例）",
            ),
        )


def _proportional(whole: Sequence[int], total: int) -> list[int]:
    """Parts of ``total`` proportional to ``whole`` and each no larger than its ``whole``."""
    base = sum(whole)
    parts = [w * total // base for w in whole]
    i = 0
    while sum(parts) < total:
        if parts[i % len(parts)] < whole[i % len(parts)]:
            parts[i % len(parts)] += 1
        i += 1
    return parts


def _store_platforms(db: Database, rng: random.Random, park_ids: dict[str, int]) -> None:
    named_above = 0
    for item in facts()["platforms"]:
        level = PlatformLevel(item["level"])
        named_above += level.provincial_or_above
        illustrative = bool(item.get("level_is_illustrative"))
        platforms.add(
            db,
            Platform(
                park_id=park_ids[item["park"]],
                name=item["name"],
                level=level,
                kind=PlatformKind(item["kind"]),
                notes=item.get("notes", "") + ("级别为示例。" if illustrative else ""),
                sample=illustrative,
            ),
        )
    kinds = [
        PlatformKind.KEY_LAB,
        PlatformKind.ENGINEERING_CENTRE,
        PlatformKind.NEW_RD_INSTITUTION,
        PlatformKind.PILOT_BASE,
        PlatformKind.TECH_TRANSFER,
    ]
    labels = {
        PlatformKind.KEY_LAB: "重点实验室",
        PlatformKind.ENGINEERING_CENTRE: "工程技术研究中心",
        PlatformKind.NEW_RD_INSTITUTION: "新型研发机构",
        PlatformKind.PILOT_BASE: "中试基地",
        PlatformKind.TECH_TRANSFER: "技术转移服务平台",
    }
    keys = list(park_ids)
    needed = headline().platforms_provincial_or_above - named_above
    for i in range(needed + 10):
        level = (
            (PlatformLevel.NATIONAL if i % 6 == 0 else PlatformLevel.PROVINCIAL)
            if i < needed
            else PlatformLevel.MUNICIPAL
        )
        kind = kinds[i % len(kinds)]
        park = keys[i % len(keys)]
        industry = facts()["parks"][i % len(keys)]["industry"]
        platforms.add(
            db,
            Platform(
                park_id=park_ids[park],
                name=f"{industry}{labels[kind]}{i // len(keys) + 1}（示例）",
                level=level,
                kind=kind,
                recognized_date=_random_date(rng, dt.date(2019, 1, 1), dt.date(2024, 3, 1)),
                notes=SAMPLE_NOTE,
                sample=True,
            ),
        )


_NAME_HEADS = [
    "智",
    "云",
    "海",
    "数",
    "星",
    "锐",
    "航",
    "芯",
    "睿",
    "灵",
    "景",
    "博",
    "擎",
    "瀚",
    "启",
    "未",
]
_NAME_TAILS = [
    "科",
    "图",
    "联",
    "视",
    "算",
    "创",
    "达",
    "川",
    "源",
    "石",
    "岳",
    "岩",
    "途",
    "衡",
    "光",
    "言",
]
_NAME_KINDS = ["智能科技", "信息技术", "数据科技", "机器人", "软件", "视觉科技"]


def _store_enterprises(db: Database, rng: random.Random, park_ids: dict[str, int]) -> None:
    for item in facts()["enterprises"]:
        joined = dt.date.fromisoformat(item["joined_date"]) if "joined_date" in item else None
        enterprises.add(
            db,
            Enterprise(
                park_id=park_ids[item["park"]],
                name=item["name"],
                tags=frozenset(EnterpriseTag(t) for t in item.get("tags", [])),
                joined_date=joined,
                notes=item.get("notes", ""),
            ),
        )
    h = headline()
    count = h.ai_park_enterprises_min + 6
    little_giants = set(rng.sample(range(count), h.ai_park_little_giants))
    names = [
        f"青岛{a}{b}{kind}有限公司（示例）"
        for kind in _NAME_KINDS
        for a in _NAME_HEADS
        for b in _NAME_TAILS
    ]
    rng.shuffle(names)
    for i in range(count):
        tags = (
            {EnterpriseTag.LITTLE_GIANT, EnterpriseTag.HIGH_TECH} if i in little_giants else set()
        )
        if rng.random() < 0.25:
            tags.add(EnterpriseTag.ABOVE_SCALE)
        enterprises.add(
            db,
            Enterprise(
                park_id=park_ids["ai"],
                name=names[i],
                tags=frozenset(tags),
                joined_date=_random_date(rng, dt.date(2023, 1, 1), AS_OF),
                notes=SAMPLE_NOTE,
                sample=True,
            ),
        )


# ------------------------------------------------------------------ revenue

# Illustrative 2023 revenue per park in 亿元 (sums to 1120 亿元; 2024 Q1 runs about 8% higher).
_REVENUE_2023 = {
    "ic": 150,
    "ai": 170,
    "vr": 85,
    "display": 260,
    "bio": 120,
    "instrument": 70,
    "materials": 180,
    "hydrogen": 85,
}
_SEASON = [6.0, 6.5, 8.0, 8.2, 8.4, 8.6, 8.3, 8.4, 8.8, 8.9, 9.3, 10.6]  # % of the year per month


def _store_revenue(db: Database, rng: random.Random, park_ids: dict[str, int]) -> None:
    for key, annual in _REVENUE_2023.items():
        for year, growth in ((2023, Decimal(1)), (2024, Decimal("1.08"))):
            for month in range(1, 13 if year == 2023 else 4):
                share = Decimal(str(_SEASON[month - 1])) / 100 * Decimal(rng.randint(94, 106)) / 100
                wan = int(Decimal(annual) * growth * share * 10_000)
                monthly_revenue.set_month(
                    db,
                    RevenueEntry(
                        park_ids[key], YearMonth(year, month), Money.wan(wan), sample=True
                    ),
                )
