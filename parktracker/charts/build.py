"""One entry point for every chart: the builder is chosen by the data's type."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from matplotlib.figure import Figure

from parktracker.charts.options import ChartOptions, Translate
from parktracker.domain.chart_data import (
    FundsByPark,
    InvestmentByPark,
    MonthlyInvestmentTrend,
    PipelineByPark,
    RevenueProgress,
)

ChartData = (
    RevenueProgress | InvestmentByPark | PipelineByPark | FundsByPark | MonthlyInvestmentTrend
)


def _builders() -> dict[type, Callable[..., Figure]]:
    from parktracker.charts.funds import funds_figure
    from parktracker.charts.investment import investment_by_park_figure
    from parktracker.charts.monthly import monthly_investment_figure
    from parktracker.charts.pipeline import pipeline_figure
    from parktracker.charts.revenue_progress import revenue_progress_figure

    return {
        RevenueProgress: revenue_progress_figure,
        InvestmentByPark: investment_by_park_figure,
        PipelineByPark: pipeline_figure,
        FundsByPark: funds_figure,
        MonthlyInvestmentTrend: monthly_investment_figure,
    }


def build_figure(
    data: ChartData | Any, options: ChartOptions | None = None, tr: Translate | None = None
) -> Figure:
    """The Figure for ``data`` (one of the :mod:`parktracker.domain.chart_data` classes)."""
    builder = _builders().get(type(data))
    if builder is None:
        raise TypeError(f"no chart for {type(data).__name__}")
    return builder(data, options, tr)


def structure_function(kind: type) -> Callable[..., Hashable | None] | None:
    """What a figure of data of ``kind`` is made of besides its numbers, for the charts whose
    figures can be refilled with new numbers (:mod:`parktracker.charts.refill`); None for the
    others (they are built again)."""
    from parktracker.charts import investment, pipeline, revenue_progress

    structures: dict[type, Callable[..., Hashable | None]] = {
        RevenueProgress: revenue_progress.structure,
        InvestmentByPark: investment.structure,
        PipelineByPark: pipeline.structure,
    }
    return structures.get(kind)
