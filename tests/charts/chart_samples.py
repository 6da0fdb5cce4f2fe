"""Hand-built chart data shaped like the demo database as of 2024-03-31 (and edge cases).

Built directly from the chart_data classes, so the chart tests do not depend on the services.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from parktracker.domain.chart_data import (
    ChartContext,
    FundsByPark,
    InvestmentByPark,
    MonthlyInvestmentTrend,
    PipelineByPark,
    RevenueProgress,
)
from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth

AS_OF = dt.date(2024, 3, 31)
PARKS = [
    "集成电路产业园",
    "人工智能产业园",
    "虚拟现实产业园",
    "新型显示产业园",
    "生物医药及医疗器械产业园",
    "精密仪器仪表产业园",
    "绿色低碳新材料产业园",
    "氢能与储能产业园",
]
STAGES = [Stage.NEGOTIATING, Stage.SIGNED, Stage.UNDER_CONSTRUCTION, Stage.IN_PRODUCTION]


def yi(value: str | int) -> Money:
    return Money.yi(Decimal(str(value)))


def context(*, sample: bool = True, scope: str = "八个园区") -> ChartContext:
    return ChartContext(as_of=AS_OF, scope=scope, sample_data=sample)


def revenue(*, sample: bool = True, months: int = 3) -> RevenueProgress:
    monthly = [
        "72.1675",
        "79.2941",
        "99.4591",
        "101.2",
        "104.8",
        "108.3",
        "103.9",
        "106.1",
        "110.4",
        "112.7",
        "118.2",
        "131.5",
    ][:months]
    cumulative: list[Money] = []
    total = Money.zero()
    for value in monthly:
        total = total + yi(value)
        cumulative.append(total)
    target = yi(1300)
    pace = [Money(target.yuan * m // 12) for m in range(13)]
    run_rate = total.yuan // months if months else 0
    projection = [(m, Money(total.yuan + run_rate * (m - months))) for m in range(months, 13)]
    return RevenueProgress(
        context=context(sample=sample),
        year=2024,
        months=list(range(1, months + 1)),
        cumulative=cumulative,
        target=target,
        pace=pace,
        projection=projection if months else [],
        latest_share_of_target=round(total.yuan * 100 / target.yuan, 2) if months else None,
    )


def investment(*, sample: bool = True) -> InvestmentByPark:
    planned = ["246.9", "296.2", "318.8", "244.6", "236.6", "223.3", "191.9", "178.8"]
    completed = ["67.543", "107.073", "113.761", "81.861", "93.736", "87.921", "53.129", "75.095"]
    return InvestmentByPark(
        context=context(sample=sample),
        parks=list(PARKS),
        planned=[yi(v) for v in planned],
        completed=[yi(v) for v in completed],
        completed_share=[
            round(float(Decimal(c) / Decimal(p) * 100), 2)
            for c, p in zip(completed, planned, strict=True)
        ],
    )


def pipeline(*, sample: bool = True) -> PipelineByPark:
    counts = {
        Stage.NEGOTIATING: [1, 1, 1, 1, 0, 0, 0, 0],
        Stage.SIGNED: [4, 2, 4, 1, 1, 1, 1, 1],
        Stage.UNDER_CONSTRUCTION: [5, 8, 7, 6, 6, 5, 7, 6],
        Stage.IN_PRODUCTION: [3, 4, 2, 4, 1, 1, 1, 1],
    }
    amounts = {
        Stage.NEGOTIATING: ["9.5", "10.1", "4.1", "12.9", "0", "0", "0", "0"],
        Stage.SIGNED: ["77.0", "45.7", "96.5", "35.9", "33.2", "24.4", "29.3", "10.9"],
        Stage.UNDER_CONSTRUCTION: [
            "146.8",
            "237.2",
            "169.1",
            "161.6",
            "184.7",
            "169.7",
            "139.9",
            "142.4",
        ],
        Stage.IN_PRODUCTION: ["23.1", "13.3", "53.2", "47.1", "18.7", "29.2", "22.7", "25.5"],
    }
    return PipelineByPark(
        context=context(sample=sample),
        parks=list(PARKS),
        stages=list(STAGES),
        counts=counts,
        amounts={stage: [yi(v) for v in values] for stage, values in amounts.items()},
    )


def funds(*, sample: bool = True) -> FundsByPark:
    rows = [
        ("集成电路产业园", "33.7", "23.0", "20.9"),
        ("人工智能产业园", "20.1", "13.7", "12.4"),
        ("虚拟现实产业园", "9.5", "6.5", "5.9"),
        ("新型显示产业园", "26.3", "18.0", "16.3"),
        ("生物医药及医疗器械产业园", "7.9", "5.4", "4.9"),
        ("精密仪器仪表产业园", "17.4", "11.8", "10.7"),
        ("绿色低碳新材料产业园", "17.6", "12.0", "10.9"),
        ("氢能与储能产业园", "12.1", "8.3", "7.6"),
        ("全市", "28.0", "19.1", "17.2"),
    ]
    return FundsByPark(
        context=context(sample=sample),
        groups=[r[0] for r in rows],
        scale=[yi(r[1]) for r in rows],
        paid_in=[yi(r[2]) for r in rows],
        invested=[yi(r[3]) for r in rows],
    )


def monthly(*, sample: bool = True) -> MonthlyInvestmentTrend:
    # Demo data starts in 2023-01: the months before are zero, as the services report them.
    recorded = {
        YearMonth(2023, m): v
        for m, v in enumerate(
            [
                "38.2325",
                "39.1289",
                "32.2847",
                "34.8294",
                "37.9131",
                "40.9245",
                "42.2079",
                "46.4639",
                "47.762",
                "48.1316",
                "44.3434",
                "56.3173",
            ],
            start=1,
        )
    }
    recorded.update(
        {
            YearMonth(2024, 1): "62.0603",
            YearMonth(2024, 2): "61.0564",
            YearMonth(2024, 3): "48.4631",
        }
    )
    months = [YearMonth(2024, 3).add(-23 + i) for i in range(24)]
    return MonthlyInvestmentTrend(
        context=context(sample=sample),
        months=months,
        amounts=[yi(recorded.get(m, "0")) for m in months],
        year_earlier=[yi(recorded.get(m.add(-12), "0")) for m in months],
    )


def all_charts(*, sample: bool = True) -> dict[str, object]:
    """The five charts under the names the CLI uses."""
    return {
        "revenue-progress": revenue(sample=sample),
        "investment-by-park": investment(sample=sample),
        "pipeline": pipeline(sample=sample),
        "funds": funds(sample=sample),
        "monthly-investment": monthly(sample=sample),
    }


def empty_charts() -> dict[str, object]:
    """Every chart with nothing to draw: a new database, or a park with no data."""
    ctx = context(sample=False, scope="氢能与储能产业园")
    months = [YearMonth(2024, 3).add(-23 + i) for i in range(24)]
    return {
        "revenue-progress": RevenueProgress(
            context=ctx,
            year=2024,
            months=[],
            cumulative=[],
            target=None,
            pace=[],
            projection=[],
            latest_share_of_target=None,
        ),
        "investment-by-park": InvestmentByPark(
            context=ctx, parks=[], planned=[], completed=[], completed_share=[]
        ),
        "pipeline": PipelineByPark(context=ctx, parks=[], stages=list(STAGES)),
        "funds": FundsByPark(context=ctx, groups=[], scale=[], paid_in=[], invested=[]),
        "monthly-investment": MonthlyInvestmentTrend(
            context=ctx,
            months=months,
            amounts=[Money.zero()] * 24,
            year_earlier=[Money.zero()] * 24,
        ),
    }
