"""After an edit that changes only a chart's numbers, the dashboard puts them into the figure it
shows (charts.refill) instead of building another: the picture is the one a new figure of the
edited data draws, pixel for pixel."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from test_ui_dashboard import _signed_project, show_page, uc_total, wait_charts

from parktracker.charts.build import build_figure
from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.parks import list_parks
from parktracker.services.projects import advance_stage
from parktracker.services.revenue_entry import RevenueCell, set_monthly, year_grid
from parktracker.storage.database import Database
from parktracker.ui.chart_render import render
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.text import qt_tr

TOUCHED = ("investment-by-park", "pipeline")  # what a stage edit touches


def _as_built(page: DashboardPage, name: str, seed: object) -> object:
    """The picture of a new figure of the chart's data now, laid out from ``seed``."""
    canvas = page.canvases[name]
    options = page.chart_options(name, size=page._chart_size(name), mark_sample=False)
    width, height = canvas.chart_area()
    data = page.chart_data[name]
    _, image = render(
        lambda: build_figure(data, options, qt_tr),
        width=width,
        height=height,
        ratio=canvas.device_pixel_ratio(),
        seed=seed,
    )
    return image


def test_a_stage_edit_and_its_undo_refill_the_charts_shown(qtbot: QtBot, demo_db: Database) -> None:
    page = show_page(qtbot, demo_db)
    project = _signed_project(demo_db)
    assert project.id is not None
    figures = {name: page.canvases[name].figure for name in TOUCHED}
    pictures = {name: page.canvases[name].canvas.image for name in TOUCHED}  # type: ignore[union-attr]
    seeds = {name: page.canvases[name].layout_seed() for name in TOUCHED}
    under_construction = uc_total(page)[0]

    page.session.perform(
        "开工",
        lambda db: advance_stage(
            db, project_id=project.id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 3, 31)
        ),
    )
    qtbot.waitUntil(lambda: uc_total(page)[0] == under_construction + 1, timeout=30_000)
    wait_charts(qtbot, page)
    for name in TOUCHED:
        canvas = page.canvases[name]
        assert canvas.figure is figures[name]  # the same figure, with the new numbers
        assert canvas.canvas is not None
        assert canvas.canvas.image != pictures[name]  # the picture moved with the edit
        assert canvas.canvas.image == _as_built(page, name, seeds[name])

    seeds = {name: page.canvases[name].layout_seed() for name in TOUCHED}
    page.session.undo()
    qtbot.waitUntil(lambda: uc_total(page)[0] == under_construction, timeout=30_000)
    wait_charts(qtbot, page)
    for name in TOUCHED:
        canvas = page.canvases[name]
        assert canvas.figure is figures[name]
        assert canvas.canvas is not None
        assert canvas.canvas.image == pictures[name]  # back to what it showed before the edit
        assert canvas.canvas.image == _as_built(page, name, seeds[name])


def test_a_revenue_correction_refills_the_revenue_chart(qtbot: QtBot, demo_db: Database) -> None:
    page = show_page(qtbot, demo_db)
    canvas = page.canvases["revenue-progress"]
    figure, picture, seed = canvas.figure, canvas.canvas.image, canvas.layout_seed()  # type: ignore[union-attr]
    year_to_date = page.chart_data["revenue-progress"].cumulative[-1]
    park = list_parks(demo_db)[0]
    assert park.id is not None
    march = year_grid(demo_db, 2024)[(park.id, 3)]

    page.session.perform(
        "营收",
        lambda db: set_monthly(
            db, cells=[RevenueCell(park.id, YearMonth(2024, 3), march + Money.yi(10))]
        ),
    )
    qtbot.waitUntil(
        lambda: page.chart_data["revenue-progress"].cumulative[-1] == year_to_date + Money.yi(10),
        timeout=30_000,
    )
    wait_charts(qtbot, page)
    assert canvas.figure is figure
    assert canvas.canvas is not None and canvas.canvas.image != picture
    assert canvas.canvas.image == _as_built(page, "revenue-progress", seed)
