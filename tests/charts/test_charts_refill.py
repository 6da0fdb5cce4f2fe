"""A figure refilled with new numbers (charts.refill) draws exactly what a figure built for them
draws: the same pixels, whatever the numbers; data of another structure gets a new figure."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import chart_samples as samples
import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parktracker.charts.build import build_figure
from parktracker.charts.options import ChartOptions
from parktracker.charts.refill import refill_or_build
from parktracker.charts.screen_agg import ScreenCanvasAgg
from parktracker.charts.style import ChartSize
from parktracker.domain.chart_data import InvestmentByPark, PipelineByPark, RevenueProgress
from parktracker.domain.money import Money

SIZE = ChartSize(15.6, 9.7)  # a dashboard chart at 1280×720
PARKS = len(samples.PARKS)


def _pixels(figure: Any, seed: Any = None) -> np.ndarray:
    engine = figure.get_layout_engine()
    if seed is not None:
        engine.seed = seed
    canvas = ScreenCanvasAgg(figure)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def _same_as_built(previous_data: Any, data: Any, options: ChartOptions) -> tuple[bool, bool]:
    """(refilled, same pixels): the figure of ``previous_data`` (drawn once, as on screen)
    given ``data``, against a new figure of ``data`` laid out from the same place."""
    previous = build_figure(previous_data, options)
    _pixels(previous)
    seed = previous.get_layout_engine().seed.frozen()
    result = refill_or_build(previous, data, options)
    refilled = result is previous
    fresh = build_figure(data, options)
    # A new figure starts from where the one it replaces sat (as the dashboard draws it).
    drawn = _pixels(result, None if refilled else seed)
    return refilled, bool(np.array_equal(drawn, _pixels(fresh, seed)))


amounts = st.integers(min_value=0, max_value=4000).map(
    lambda tenths: Money.yi(Decimal(tenths) / 10)
)


@st.composite
def investments(draw: st.DrawFn) -> InvestmentByPark:
    planned = draw(st.lists(amounts, min_size=PARKS, max_size=PARKS))
    completed = draw(st.lists(amounts, min_size=PARKS, max_size=PARKS))
    share = [
        None if not p else round(float(c.yuan / p.yuan * 100), 2)
        for p, c in zip(planned, completed, strict=True)
    ]
    return dataclasses.replace(
        samples.investment(), planned=planned, completed=completed, completed_share=share
    )


@st.composite
def pipelines(draw: st.DrawFn) -> PipelineByPark:
    stages = samples.STAGES
    counts = {s: draw(st.lists(st.integers(0, 40), min_size=PARKS, max_size=PARKS)) for s in stages}
    money = {s: draw(st.lists(amounts, min_size=PARKS, max_size=PARKS)) for s in stages}
    return dataclasses.replace(samples.pipeline(), counts=counts, amounts=money)


@st.composite
def revenues(draw: st.DrawFn) -> RevenueProgress:
    """A year's revenue to date (months 1..n), its target and its projection at the run rate."""
    monthly = draw(st.lists(amounts, min_size=1, max_size=12))
    target = draw(st.sampled_from([samples.yi(1300), samples.yi(40), None]))
    cumulative, total = [], Money.zero()
    for value in monthly:
        total = total + value
        cumulative.append(total)
    months = len(monthly)
    rate = total.yuan // months
    projection = [(m, Money(total.yuan + rate * (m - months))) for m in range(months, 13)]
    pace = [] if target is None else [Money(target.yuan * m // 12) for m in range(13)]
    share = None if target is None else round(total.yuan * 100 / target.yuan, 2)
    return RevenueProgress(
        context=samples.context(),
        year=2024,
        months=list(range(1, months + 1)),
        cumulative=cumulative,
        target=target,
        pace=pace,
        projection=projection,
        latest_share_of_target=share,
    )


FEW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(investments())
def test_investment_refilled_draws_what_a_new_figure_draws(data: InvestmentByPark) -> None:
    refilled, same = _same_as_built(samples.investment(), data, ChartOptions(size=SIZE))
    assert same
    assert refilled == data.has_data  # a chart without data is built again ("No data")


@FEW
@given(pipelines(), st.sampled_from(["count", "amount"]))
def test_pipeline_refilled_draws_what_a_new_figure_draws(
    data: PipelineByPark, measure: str
) -> None:
    options = ChartOptions(size=SIZE, pipeline_measure=measure)  # type: ignore[arg-type]
    refilled, same = _same_as_built(samples.pipeline(), data, options)
    assert same
    assert refilled == any(
        any(c) for c in (data.amounts if measure == "amount" else data.counts).values()
    )


@FEW
@given(revenues(), revenues())
def test_revenue_refilled_draws_what_a_new_figure_draws(
    before: RevenueProgress, after: RevenueProgress
) -> None:
    refilled, same = _same_as_built(before, after, ChartOptions(size=SIZE))
    assert same
    kept = (before.target, len(before.projection) >= 2) == (
        after.target,
        len(after.projection) >= 2,
    )
    assert refilled == (kept and after.has_data)


def test_a_revenue_edit_refills_the_revenue_chart() -> None:
    """A month's revenue corrected: the year to date moves, target and months stay."""
    before = samples.revenue()
    later = samples.revenue(months=4)
    after = dataclasses.replace(
        before,
        cumulative=[before.cumulative[0], *(m + samples.yi(3) for m in before.cumulative[1:])],
        projection=later.projection[:1] + before.projection[1:],
    )
    assert _same_as_built(before, after, ChartOptions(size=SIZE)) == (True, True)


def test_a_stage_edit_moves_one_project_in_the_picture() -> None:
    """One project from signed to under construction: its park's numbers change, nothing
    else; the figure shown is refilled, and draws as a new one would."""
    before = samples.pipeline()
    counts = {s: list(c) for s, c in before.counts.items()}
    counts[samples.STAGES[1]][0] -= 1
    counts[samples.STAGES[2]][0] += 1
    after = dataclasses.replace(before, counts=counts)
    assert _same_as_built(before, after, ChartOptions(size=SIZE)) == (True, True)


def test_another_structure_gets_a_new_figure() -> None:
    options = ChartOptions(size=SIZE)
    previous = build_figure(samples.investment(), options)
    other_parks = dataclasses.replace(
        samples.investment(), parks=[*samples.PARKS[:-1], "另一个产业园"]
    )
    assert refill_or_build(previous, other_parks, options) is not previous
    later = dataclasses.replace(
        samples.investment(),
        context=dataclasses.replace(samples.context(), provisional=("集成电路",)),
    )
    assert refill_or_build(previous, later, options) is not previous
    wider = ChartOptions(size=ChartSize(20, 9.7))
    assert refill_or_build(previous, samples.investment(), wider) is not previous
    assert refill_or_build(previous, samples.pipeline(), options) is not previous
    one_park = dataclasses.replace(
        samples.investment(), context=dataclasses.replace(samples.context(), one_park=True)
    )
    shown = build_figure(one_park, options)
    assert refill_or_build(shown, one_park, options) is not shown  # rows fit the room: built
