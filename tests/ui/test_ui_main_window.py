"""The main window: it opens on a database and shows the headline figures."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from parktracker.storage.database import Database
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window

NB = "\u00a0"


def _window(qtbot: QtBot, db: Database, **kwargs: object) -> MainWindow:
    window = build_window(Session(db, demo=bool(kwargs.pop("demo", False))), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.page_of(DashboardPage)
    assert isinstance(page, DashboardPage)
    # The cards' figures are fetched in the background once the page shows.
    qtbot.waitUntil(lambda: page.kpis is not None, timeout=30_000)
    return window


def _card_texts(window: MainWindow) -> str:
    page = window.page_of(DashboardPage)
    assert isinstance(page, DashboardPage)
    return "\n".join(card.text() for card in page.cards)


def test_demo_window_shows_headline_figures_and_sample_mark(
    qtbot: QtBot, demo_db: Database
) -> None:
    window = _window(qtbot, demo_db, demo=True)
    lines = _card_texts(window).splitlines()  # whole lines: "0 亿元" must not match "10 亿元"
    assert f"Under construction: 50, planned 1351.4{NB}亿元" in lines
    assert f"Signed, awaiting start: 13, planned 337.9{NB}亿元" in lines
    assert f"Funds: 20, total scale 172.6{NB}亿元" in lines
    assert f"2024 target: 1300.0{NB}亿元" in lines
    page = window.page_of(DashboardPage)
    assert page is not None and page.findChild(type(page.heading), "sampleMark") is not None
    assert window.banner.isVisible()
    assert str(demo_db.path) in window.db_label.text()


def test_new_database_window_has_no_sample_mark(qtbot: QtBot, new_db: Database) -> None:
    window = _window(qtbot, new_db, created=True)
    lines = _card_texts(window).splitlines()
    # No data yet: the page is as of today, whose year has no target (the reference one is 2024).
    year = dt.date.today().year
    assert f"{year}: no target set; year to date 0.0{NB}亿元" in lines
    # Nothing under construction yet, shown with its unit (whole lines, not substrings).
    assert f"Under construction: 0, planned 0.0{NB}亿元" in lines
    assert f"Signed, awaiting start: 0, planned 0.0{NB}亿元" in lines
    assert f"Funds: 0, total scale 0.0{NB}亿元" in lines
    assert not any("1300" in line for line in lines)
    page = window.page_of(DashboardPage)
    assert page is not None and page.findChild(type(page.heading), "sampleMark") is None
    assert not window.banner.isVisible()


def test_read_only_session_shows_banner_and_disables_editing(
    qtbot: QtBot, demo_path: object
) -> None:
    from parktracker.storage.database import open_database

    db = open_database(demo_path, readonly=True)  # type: ignore[arg-type]
    window = build_window(Session(db))
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible()
    for page in window.pages:
        window.show_page(page)
        assert not window.menus.add.isEnabled()
        assert not window.menus.delete.isEnabled()
    db.close()


def test_lazy_window_paints_first_then_builds_each_page_when_chosen(
    qtbot: QtBot, demo_db: Database
) -> None:
    window = build_window(Session(demo_db), lazy=True)
    qtbot.addWidget(window)
    assert list(window._built) == []  # the first paint shows the frame: menus, navigation
    shown: list[object] = []
    window.first_page_shown.connect(shown.append)
    window.show()
    qtbot.waitUntil(lambda: len(shown) == 1)  # right after the first paint: the dashboard
    assert type(shown[0]).__name__ == "DashboardPage"
    assert window.stack.currentWidget() is shown[0]
    window.nav.setCurrentRow(1)  # choosing a page builds it at once
    assert window.stack.currentWidget() is window.page_at(1)
    assert window.nav.item(1).text() == window.page_at(1).title()
    dashboard = shown[0]
    window.show_page(dashboard)
    # Once the dashboard's charts are drawn, Projects (the list used most) is built ahead; the
    # others wait until they are chosen (built ahead, they cost memory whether shown or not).
    qtbot.waitUntil(lambda: 2 in window._built, timeout=30_000)
    assert not dashboard.charts_pending()
    assert sorted(window._built) == [0, 1, 2]
    window.nav.setCurrentRow(4)
    assert window.stack.currentWidget() is window.page_at(4)
    assert type(window.page_at(4)).__name__ == "RevenuePage"
    assert [type(p).__name__ for p in window.pages] == [
        "DashboardPage",
        "ParksPage",
        "ProjectsPage",
        "FundsPage",
        "RevenuePage",
        "PlatformsEnterprisesPage",
        "WarningsPage",
        "ProblemsPage",
        "ComparisonPage",
    ]
