"""Charts are drawn with the objects made before the first one out of the garbage collector's
sight (a full collection during a redraw looks at what came after only), and a chart's figure
made after that is still freed when nothing holds it."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from parktracker.ui.chart_render import RenderJob


def test_the_first_chart_freezes_what_came_before_and_figures_are_still_freed(
    qtbot: QtBot,
) -> None:
    from matplotlib.figure import Figure

    made: list[weakref.ref[Figure]] = []

    def make() -> Figure:
        figure = Figure()
        figure.add_subplot().bar(["A", "B"], [1, 2])
        made.append(weakref.ref(figure))
        return figure

    results: list[object] = []
    job = RenderJob(1, make, width=200, height=120, ratio=1.0)
    job.succeeded.connect(results.append)
    job.begin()
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    job.wait()
    assert gc.get_freeze_count() > 0  # what existed before the first chart
    results.clear()
    gc.collect()
    assert made[0]() is None  # the figure, made after, was collected
