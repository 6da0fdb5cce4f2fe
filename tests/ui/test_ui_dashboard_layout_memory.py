"""The dashboard keeps where each chart's plot sat, and starts its first drawing there."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from test_ui_dashboard import show_page, wait_charts

from parktracker.storage.database import Database
from parktracker.ui.pages.dashboard import layout_memory
from parktracker.ui.pages.dashboard.fetching import CHART_NAMES
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.session import Session


def _plots(page: DashboardPage) -> dict[str, tuple[float, ...]]:
    """Each chart's plot box, in pixels of its picture."""
    boxes = {}
    for name, canvas in page.canvases.items():
        figure = canvas.figure
        assert figure is not None
        (axes,) = figure.axes
        boxes[name] = tuple(axes.get_position().transformed(figure.transFigure).extents)
    return boxes


@pytest.mark.parametrize(
    "kept",
    [
        None,  # as the page itself left it
        "pipeline=0.5 0.5 0.1 0.1;funds=nan 0 1 1;monthly-investment=0 0 1;x=;;junk",
        "revenue-progress=0.01 0.01 0.99 0.99;funds=0.3 0.3 0.4 0.4",  # far off
    ],
)
def test_a_page_restored_with_kept_places_draws_its_plots_where_they_belong(
    qtbot: QtBot, demo_db: Database, kept: str | None
) -> None:
    first = show_page(qtbot, demo_db)
    state = first.save_state()
    assert set(layout_memory.decode(state["layout"])) == set(CHART_NAMES)
    expected = _plots(first)
    if kept is not None:
        state["layout"] = kept
    page = DashboardPage(Session(demo_db))
    qtbot.addWidget(page)
    page.restore_state(state)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    wait_charts(qtbot, page)
    for name, box in _plots(page).items():
        assert box == pytest.approx(expected[name], abs=1.0), name  # within a pixel


def test_kept_places_that_make_no_box_are_ignored() -> None:
    text = "a=0.1 0.2 0.9 0.8;b=0.9 0.2 0.1 0.8;c=1 2;d=x y z w;e=0 0 1 1e9;=0 0 1 1;f"
    assert layout_memory.decode(text) == {"a": (0.1, 0.2, 0.9, 0.8)}
    assert layout_memory.decode(None) == {}
    assert layout_memory.decode(42) == {}
