"""One park as the scope: every chart is titled and shaped for that park (issue 15 §5), read
back from the drawn artists."""

from __future__ import annotations

import datetime as dt

from chart_helpers import draw
from matplotlib.patches import Rectangle

from parktracker.charts.build import build_figure
from parktracker.charts.options import ChartOptions
from parktracker.domain.enums import Metric, Stage
from parktracker.domain.models import Target
from parktracker.domain.money import Money
from parktracker.services import dashboard_figures
from parktracker.services.summary import summarize
from parktracker.services.targets import set_target
from parktracker.storage import parks
from parktracker.storage.database import Database

MARCH_END = dt.date(2024, 3, 31)


def _title(figure: object) -> str:
    """The drawn title: the figure's largest text."""
    texts = figure.texts  # type: ignore[attr-defined]
    return str(max(texts, key=lambda t: t.get_fontsize()).get_text())


def _bars(figure: object) -> list[Rectangle]:
    ax = figure.axes[0]  # type: ignore[attr-defined]
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]


def _chip(db: Database) -> object:
    park = parks.find(db, "集成电路")
    assert park is not None
    return park


def test_investment_chart_shows_the_parks_projects(demo_db: Database) -> None:
    park = _chip(demo_db)
    data = dashboard_figures.chart_data(demo_db, "investment-by-park", MARCH_END, park)  # type: ignore[arg-type]
    figure = build_figure(data, ChartOptions())
    draw(figure)
    assert _title(figure) == "集成电路产业园：在建项目计划总投资与累计完成投资"
    uc = summarize(demo_db, as_of=MARCH_END, park=park).pipeline[Stage.UNDER_CONSTRUCTION]  # type: ignore[arg-type]
    assert len(data.parks) == uc.count == 5  # five projects, not one fat bar
    assert len(_bars(figure)) == 2 * 5  # planned and completed, per project
    assert Money.total(data.planned) == uc.planned_total
    labels = [t.get_text().replace("\n", "") for t in figure.axes[0].get_yticklabels()]
    assert all("项目" in label for label in labels)
    everyone = dashboard_figures.chart_data(demo_db, "investment-by-park", MARCH_END)
    row = everyone.parks.index("集成电路产业园")
    assert everyone.planned[row] == Money.total(data.planned)
    assert everyone.completed[row] == Money.total(data.completed)


def test_pipeline_and_funds_charts_for_one_park(demo_db: Database) -> None:
    park = _chip(demo_db)
    pipeline = build_figure(dashboard_figures.chart_data(demo_db, "pipeline", MARCH_END, park))  # type: ignore[arg-type]
    draw(pipeline)
    assert _title(pipeline) == "集成电路产业园：分阶段项目数"
    ticks = [t.get_text() for t in pipeline.axes[0].get_yticklabels()]
    assert ticks == ["在谈", "已签约待开工", "在建", "已投产"]
    assert [round(b.get_width()) for b in _bars(pipeline)] == [1, 2, 5, 3]
    funds_data = dashboard_figures.chart_data(demo_db, "funds", MARCH_END, park)  # type: ignore[arg-type]
    funds = build_figure(funds_data)
    draw(funds)
    assert _title(funds) == "集成电路产业园：各基金规模、实缴与对外投资"
    assert len(funds_data.groups) >= 2 and all("基金" in g for g in funds_data.groups)
    assert len(_bars(funds)) == 3 * len(funds_data.groups)


def test_revenue_chart_without_and_with_the_parks_own_target(demo_db: Database) -> None:
    park = _chip(demo_db)
    data = dashboard_figures.chart_data(demo_db, "revenue-progress", MARCH_END, park)  # type: ignore[arg-type]
    figure = build_figure(data)
    draw(figure)
    words = "\n".join(t.get_text() for t in figure.texts)
    assert _title(figure) == "集成电路产业园：2024年营业收入"
    assert "目标" not in _title(figure)
    assert "年度目标" not in "".join(t.get_text() for t in figure.legends[0].get_texts())
    assert "序时进度" not in words
    assert _target_lines(figure) == []
    set_target(
        demo_db,
        target=Target(2024, Metric.REVENUE, Money.yi(160), park_id=park.id),  # type: ignore[attr-defined]
    )
    data = dashboard_figures.chart_data(demo_db, "revenue-progress", MARCH_END, park)  # type: ignore[arg-type]
    assert data.target == Money.yi(160)
    figure = build_figure(data)
    draw(figure)
    assert _title(figure) == "集成电路产业园：2024年营业收入与年度目标"
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "年度目标（160.0 亿元）" in legend
    assert _target_lines(figure) == [160.0]


def _target_lines(figure: object) -> list[float]:
    """Heights of the horizontal lines across the whole plot (axhline: the target)."""
    return [
        float(line.get_ydata()[0])
        for line in figure.axes[0].get_lines()  # type: ignore[attr-defined]
        if list(line.get_xdata()) == [0, 1]
    ]
