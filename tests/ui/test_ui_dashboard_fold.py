"""The dashboard at 1280×720, in both languages: the first row of charts starts on screen
without scrolling, and sample data is marked exactly once on the page (the page's mark, or
the window's banner for a demo copy), while each exported chart still carries its own mark.
Renders are kept in test-artifacts/dashboard/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators, register_fonts
from parktracker.i18n import set_language
from parktracker.ui.pages.dashboard.page import DashboardPage

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "dashboard"
WAIT = 30_000
MIN_CHART_VISIBLE = 150  # px of the first charts' drawing area on screen


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[Controller]:
    made = Controller(qapp)
    made.translators = []
    register_fonts()
    yield made
    made.shutdown()
    for translator in made.translators:
        qapp.removeTranslator(translator)
    set_language("zh_CN")


def _open(
    qapp: QApplication, qtbot: QtBot, controller: Controller, path: Path, *, case: tuple[str, bool]
) -> DashboardPage:
    language, demo = case
    set_language(language)
    controller.translators = install_translators(qapp, language)
    assert controller.open(path, demo=demo) if demo else controller.open(path)
    window = controller.window
    assert window is not None
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    page = window.current_page()
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=WAIT)
    return page


def _sample_marks(window: QWidget, page: DashboardPage) -> list[str]:
    """Every visible thing on screen that says the data are sample data."""
    words = ("示例数据", "sample data")
    marks = [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisible() and any(w in label.text().lower() for w in words)
    ]
    for canvas in page.canvases.values():
        if canvas.figure is not None and canvas.isVisible():
            marks += [
                t.get_text()
                for t in canvas.figure.texts
                if any(w in t.get_text().lower() for w in words)
            ]
    return marks


@pytest.mark.parametrize(
    "case",
    [("zh_CN", False), ("en", False), ("zh_CN", True), ("en", True)],
    ids=["zh_CN-demo-file", "en-demo-file", "zh_CN-demo-copy", "en-demo-copy"],
)
def test_first_charts_on_screen_and_one_sample_mark(
    qapp: QApplication,
    qtbot: QtBot,
    controller: Controller,
    demo_path: Path,
    case: tuple[str, bool],
) -> None:
    language, demo = case
    page = _open(qapp, qtbot, controller, demo_path, case=case)
    window = controller.window
    assert window is not None
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image = window.grab()
    assert image.save(str(ARTIFACTS / f"{language}-{'copy' if demo else 'file'}-1280x720.png"))
    viewport = page.scroll_area.viewport()
    assert page.scroll_area.verticalScrollBar().value() == 0
    first_row = [page.canvases["revenue-progress"], page.canvases["investment-by-park"]]
    for card in first_row:
        drawing = card.canvas
        assert drawing is not None and drawing.isVisible()
        top = drawing.mapTo(viewport, drawing.rect().topLeft()).y()
        assert 0 < top < viewport.height() - MIN_CHART_VISIBLE, (card.name, top)
    marks = _sample_marks(window, page)
    assert len(marks) == 1, marks
