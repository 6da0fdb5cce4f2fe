"""Figures printed the way a briefing prints them: the demo's headline figures as of
2024-03-31 read exactly 1351.4, 337.9, 172.6, 117.8 and 106.8 亿元 on the cards and in the
summary; every amount on screen has the same fixed decimals, every percentage one; the decimals
are a preference (View → Decimals) that outlives the session."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from parktracker.domain.number_format import DEFAULT_FORMAT
from parktracker.services.summary import summarize
from parktracker.services.summary_text import summary_lines
from parktracker.storage.database import Database
from parktracker.ui import number_display
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window

HEADLINE = ("1351.4", "337.9", "172.6", "117.8", "106.8")
NB = "\u00a0"


@pytest.fixture(autouse=True)
def default_decimals() -> Iterator[None]:
    """Each test starts, and leaves, with the default choice."""
    number_display.set_current(DEFAULT_FORMAT)
    yield
    number_display.set_current(DEFAULT_FORMAT)


def window_on(qtbot: QtBot, db: Database) -> MainWindow:
    window = build_window(Session(db))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    page = window.page_of(DashboardPage)
    assert isinstance(page, DashboardPage)
    # The cards' figures are fetched in the background once the page shows.
    qtbot.waitUntil(lambda: page.kpis is not None, timeout=30_000)
    return window


def cards(window: MainWindow) -> str:
    page = window.page_of(DashboardPage)
    assert isinstance(page, DashboardPage)
    return "\n".join(card.text() for card in page.cards).replace(NB, " ")


def test_headline_figures_read_exactly_on_the_cards_and_in_the_summary(
    qtbot: QtBot, demo_db: Database
) -> None:
    window = window_on(qtbot, demo_db)
    page = window.page_of(DashboardPage)
    assert isinstance(page, DashboardPage) and page.as_of == dt.date(2024, 3, 31)
    text = cards(window)
    for figure in HEADLINE:
        assert f"{figure} 亿元" in text
    # One format on the whole screen: every 亿元 amount with one decimal, every % with one,
    # no thousands separators ("+62.15", "+406", "250.9207" were all on this screen).
    amounts = re.findall(r"([+-]?[\d,.]+) 亿元", text)
    assert amounts and all(re.fullmatch(r"[+-]?\d+\.\d", a) for a in amounts), amounts
    percents = re.findall(r"([+-]?[\d.]+)%", text)
    assert percents and all(re.fullmatch(r"[+-]?\d+\.\d", p) for p in percents), percents
    assert "+62.2 亿元" in text and "+81.6 亿元" in text and "+406.0 亿元" in text
    lines = summary_lines(
        summarize(demo_db, as_of=dt.date(2024, 3, 31)), lambda t, *a: _fill(t[1], a)
    )
    summary = "\n".join(lines)
    for figure in HEADLINE:
        assert f"{figure} 亿元" in summary
    assert "250.9 亿元" in summary and "250.9207" not in summary


def _fill(template: str, args: tuple[object, ...]) -> str:
    for i, arg in enumerate(args, start=1):
        template = template.replace(f"%{i}", str(arg))
    return template


def test_decimals_are_a_preference_applied_everywhere(qtbot: QtBot, demo_db: Database) -> None:
    window = window_on(qtbot, demo_db)
    window.menus.decimal_actions[("yi", 2)].trigger()
    assert QSettings().value(number_display.KEY_YI) in (2, "2")
    qtbot.waitUntil(lambda: "1351.40 亿元" in cards(window), timeout=10_000)
    assert "250.92 亿元" in cards(window)
    projects = window.page_of(ProjectsPage)
    assert isinstance(projects, ProjectsPage)
    window.show_page(projects)
    model = projects.view.model()
    planned = [model.index(r, 5).data() for r in range(model.rowCount())]
    assert all(re.fullmatch(r"\d+\.\d\d", p) for p in planned if p)
    assert "1973.70 亿元" in projects.footer.text().replace(NB, " ")
    window.menus.decimal_actions[("yi", 4)].trigger()
    window.show_page(window.page_of(DashboardPage))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: "250.9207 亿元" in cards(window), timeout=10_000)
    # Read again at the next start.
    number_display.forget()
    assert number_display.current().yi_places == 4
    window.menus.decimal_actions[("yi", 1)].trigger()
    qtbot.waitUntil(lambda: "1351.4 亿元" in cards(window), timeout=10_000)
    tip = model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)
    assert tip is not None and "元" in tip
