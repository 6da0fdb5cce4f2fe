"""After an edit the dashboard draws the charts it touched first, then counts the warnings
beside the heading again (not alongside the drawing, which slowed both and the window)."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from test_ui_dashboard import WAIT, _signed_project, show_page, wait_charts

from parktracker.domain.enums import Stage
from parktracker.domain.warnings import Rule
from parktracker.services.projects import advance_stage
from parktracker.storage.database import Database


def test_warnings_are_counted_again_after_the_touched_charts_are_drawn(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = show_page(qtbot, demo_db)
    qtbot.waitUntil(page.warnings_button.isVisible, timeout=WAIT)
    project = _signed_project(demo_db)
    assert project.id is not None
    pipeline_drawn = page.canvases["pipeline"].draw_count
    funds_drawn = page.canvases["funds"].draw_count
    events: list[str] = []
    page.charts_ready.connect(lambda: events.append("charts"))
    page.warnings_counted.connect(lambda: events.append("warnings"))

    page.session.perform(
        "开工",
        lambda db: advance_stage(
            db, project_id=project.id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 3, 31)
        ),
    )
    qtbot.waitUntil(lambda: "warnings" in events, timeout=WAIT)
    wait_charts(qtbot, page)

    assert events[0] == "charts"  # the touched charts were drawn before the count was made
    assert page.canvases["pipeline"].draw_count == pipeline_drawn + 1
    assert page.canvases["funds"].draw_count == funds_drawn  # untouched: not drawn again
    assert page.warnings_button.isVisible()


def test_at_the_first_showing_the_kept_cards_come_then_the_charts_then_the_warnings(
    qtbot: QtBot, demo_db: Database
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from parktracker.ui.pages.dashboard.page import DashboardPage
    from parktracker.ui.session import Session

    window = QMainWindow()  # the page's charts wait for its window's first paint, as in the app
    qtbot.addWidget(window)
    window.resize(1280, 720)
    page = DashboardPage(Session(demo_db))
    kept = page.card_by_key["projects"].text()
    assert "1351.4" in kept  # the figures kept in the file, before anything is fetched
    events: list[str] = []
    page.cards_updated.connect(lambda: events.append("cards"))
    page.charts_ready.connect(lambda: events.append("charts"))
    page.warnings_counted.connect(lambda: events.append("warnings"))
    window.setCentralWidget(page)
    window.show()
    qtbot.waitUntil(lambda: "warnings" in events, timeout=WAIT)

    # The kept figures are computed again once the charts are drawn, and the warnings counted
    # after them: none of it alongside matplotlib's import and the drawing.
    assert events == ["charts", "cards", "warnings"]
    assert page.card_by_key["projects"].text() == kept
    assert all(canvas.figure is not None for canvas in page.canvases.values())
    assert page.warnings_button.isVisible()


def test_charts_are_drawn_while_the_cards_alone_are_fetched(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a large file the cards take a second to compute: a chart that has its data is drawn
    # meanwhile, and the dashboard says its charts are ready without waiting for the cards.
    from parktracker.services.changes import Changes
    from parktracker.ui.pages.dashboard import fetching

    page = show_page(qtbot, demo_db)
    figure = page.canvases["pipeline"].figure
    gate = threading.Event()
    held: list[bool] = []
    real = fetching.fetch_in_file

    def cards_held(*args: Any, **kwargs: Any) -> Any:
        if kwargs["cards"] and not kwargs["charts"]:
            held.append(True)
            gate.wait(WAIT / 1000)  # until the test has seen the chart drawn
        return real(*args, **kwargs)

    monkeypatch.setattr(fetching, "fetch_in_file", cards_held)
    try:
        page.on_data_changed(Changes(problems=True))  # the cards change, no chart does
        qtbot.waitUntil(lambda: bool(held), timeout=WAIT)
        with qtbot.waitSignal(page.charts_ready, timeout=WAIT):
            page.measure_box.setCurrentIndex(page.measure_box.findData("amount"))
        new = page.canvases["pipeline"].figure
        assert new is not None and new is not figure
        assert "亿元" in " ".join(t.get_text() for t in new.texts)
        assert not gate.is_set() and page._fetching is not None  # the cards still computing
    finally:
        gate.set()
    with qtbot.waitSignal(page.cards_updated, timeout=WAIT):
        pass
    wait_charts(qtbot, page)


def test_a_change_stops_the_warning_count_under_way_and_the_warnings_are_counted_after_it(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a large file a count reads for half a second: an edit made meanwhile makes it stale.
    # It stops (it would share the interpreter with the redraw), its answer is not shown, and
    # the warnings shown are those counted after the edit.
    from parktracker.services import warnings

    page = show_page(qtbot, demo_db)
    qtbot.waitUntil(page.warnings_button.isVisible, timeout=WAIT)
    gate = threading.Event()
    stops: list[Any] = []
    answers: list[Any] = []
    real = warnings.counts_in_file

    def held(*args: Any, **kwargs: Any) -> Any:
        first = not stops
        if first:  # the count under way when the edit comes
            stops.append(kwargs["stop"])
            gate.wait(WAIT / 1000)
        answer = real(*args, **kwargs)
        if first:
            answers.append(answer)
        return answer

    monkeypatch.setattr(warnings, "counts_in_file", held)
    before = warnings.counts(demo_db, as_of=page.as_of)
    lit = [
        f for f in warnings.findings(demo_db, as_of=page.as_of) if f.rule is Rule.SIGNED_NOT_STARTED
    ]
    project_id = lit[0].project_id  # signed long ago, not started: its start puts the light out
    assert project_id is not None
    try:
        page._refresh_warnings()  # a count begins, as after the last edit's pause
        qtbot.waitUntil(lambda: bool(stops), timeout=WAIT)
        assert not stops[0]()
        page.session.perform(
            "开工",
            lambda db: advance_stage(
                db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=page.as_of
            ),
        )
        assert stops[0]()  # told at once
    finally:
        gate.set()
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    assert answers == [None]  # it stopped, and gave nothing to show
    after = warnings.counts(demo_db, as_of=page.as_of)
    assert after != before  # the edit moved the lights
    shown = f"{after.red} red, {after.yellow} yellow"
    qtbot.waitUntil(lambda: shown in page.warnings_button.text(), timeout=WAIT)


def test_the_cards_paint_first_and_the_chart_frames_come_without_moving_them(
    qtbot: QtBot, demo_db: Database
) -> None:
    """The first paint holds the header and the cards (with the figures kept in the file); the
    five chart frames come in with the charts' start, under the cards, which keep their place
    and width (the scroll bar is there from the first paint)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow

    from parktracker.ui.pages.dashboard.page import DashboardPage
    from parktracker.ui.session import Session

    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    page = DashboardPage(Session(demo_db))
    seen: dict[str, object] = {}

    class AtFirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "frames" not in seen:
                seen["frames"] = [c.isVisible() for c in page.canvases.values()]
                seen["cards"] = [c.geometry() for c in page.cards]
                seen["text"] = page.card_by_key["projects"].text()
            return False

    watcher = AtFirstPaint(window)
    page.cards[0].installEventFilter(watcher)
    window.setCentralWidget(page)
    window.show()
    qtbot.waitUntil(lambda: "frames" in seen, timeout=WAIT)
    wait_charts(qtbot, page)

    assert seen["frames"] == [False] * 5  # the cards painted before any chart frame
    assert "1351.4" in str(seen["text"])  # with their figures
    assert all(canvas.isVisible() for canvas in page.canvases.values())
    assert [c.geometry() for c in page.cards] == seen["cards"]  # not moved, not narrowed
    below = max(card.geometry().bottom() for card in page.cards)
    assert all(canvas.geometry().top() > below for canvas in page.canvases.values())
    assert all(canvas.figure is not None for canvas in page.canvases.values())
