"""The dashboard's first paint: its cards filled from the figures kept in the file, when the
file still holds the data they were computed from, and never from figures of other data."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.app import Controller
from parktracker.services import card_snapshot, dashboard_figures
from parktracker.storage import card_snapshot as store
from parktracker.storage.database import Database, open_database
from parktracker.storage.errors import DatabaseDamaged
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.session import Session

NB = "\u00a0"
WAIT = 30_000
TARGET_2024 = "UPDATE targets SET amount_yuan = ? WHERE year = 2024 AND park_id IS NULL"


def _first_page(controller: Controller, qtbot: QtBot, path: Path) -> DashboardPage:
    """Open ``path`` in ``controller`` and wait for its first page (the dashboard) to show."""
    assert controller.open(path)
    window = controller.window
    assert window is not None
    pages: list[object] = []
    window.first_page_shown.connect(pages.append)
    qtbot.waitUntil(lambda: bool(pages), timeout=WAIT)
    page = pages[0]
    assert isinstance(page, DashboardPage)
    return page


def card(page: DashboardPage, key: str) -> str:
    return page.card_by_key[key].text()


def test_the_cards_show_the_kept_figures_before_anything_is_fetched(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = DashboardPage(Session(demo_db))  # not shown: nothing fetched yet
    qtbot.addWidget(page)
    assert page._fetching is None
    assert page.as_of == dt.date(2024, 3, 31)
    assert f"Under construction: 50, planned 1351.4{NB}亿元" in card(page, "projects")
    assert f"Funds: 20, total scale 172.6{NB}亿元" in card(page, "capital")
    assert f"2024 target: 1300.0{NB}亿元" in card(page, "revenue")
    first = {key: card(page, key) for key in page.card_by_key}
    # Computed again once shown, and the same.
    page.resize(1280, 720)
    with qtbot.waitSignal(page.cards_updated, timeout=WAIT):
        page.show()
    assert {key: card(page, key) for key in page.card_by_key} == first


def test_a_file_changed_since_never_shows_the_old_figures(qtbot: QtBot, demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)  # another program changes the year's target
    with conn:
        conn.execute(TARGET_2024, [1400 * 10**8])
    conn.close()
    db = open_database(demo_path)
    try:
        page = DashboardPage(Session(db))
        qtbot.addWidget(page)
        seen = [card(page, "revenue")]
        page.cards_updated.connect(lambda: seen.append(card(page, "revenue")))
        assert "1300.0" not in seen[0] and "1400.0" not in seen[0]  # empty until computed
        page.resize(1280, 720)
        page.show()
        qtbot.waitUntil(lambda: f"2024 target: 1400.0{NB}亿元" in seen[-1], timeout=WAIT)
        assert not any("1300.0" in text for text in seen)
    finally:
        db.close()


def test_closing_keeps_the_figures_for_the_next_start(
    qapp: QApplication, qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No background check: its result, recorded meanwhile, would be a write after the
    # figures were computed (they would not be kept, and be computed again next time).
    monkeypatch.setattr(Controller, "_background_work", lambda *_: None)
    with open_database(demo_path) as db:
        store.forget(db)
    controller = Controller(qapp)
    try:
        page = _first_page(controller, qtbot, demo_path)
        qtbot.waitUntil(lambda: page.kpis is not None and not page._cards_dirty, timeout=WAIT)
        qtbot.waitUntil(lambda: page._fetching is None, timeout=WAIT)
    finally:
        controller.shutdown()
    with open_database(demo_path, readonly=True) as db:
        kept = card_snapshot.load(db)
        assert kept is not None
        assert kept == dashboard_figures.kpis(db, as_of=dashboard_figures.default_as_of(db))


def test_a_chosen_date_is_not_kept_as_the_default(qtbot: QtBot, demo_db: Database) -> None:
    store.forget(demo_db)
    page = DashboardPage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: page.kpis is not None and page._fetching is None, timeout=WAIT)
    page.as_of_edit.setDate(page.as_of_edit.date().addMonths(-1))
    qtbot.waitUntil(
        lambda: page.kpis.as_of == dt.date(2024, 2, 29) and page._fetching is None, timeout=WAIT
    )
    assert not page.keep_for_next_start()
    assert card_snapshot.load(demo_db) is None


def test_a_file_that_cannot_keep_the_figures_still_closes(
    qapp: QApplication, qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []

    def damaged(*args: object, **__: object) -> bool:
        calls.append(args)
        raise DatabaseDamaged(demo_path, "database disk image is malformed")

    monkeypatch.setattr(card_snapshot, "save", damaged)
    controller = Controller(qapp)
    try:
        page = _first_page(controller, qtbot, demo_path)
        assert page.kpis is not None  # the kept figures, to be kept again at close
    finally:
        controller.shutdown()
    assert len(calls) == 1
    assert controller.window is None and controller.opened is None


def test_only_figures_computed_from_nothing_are_stamped_for_keeping(demo_path: Path) -> None:
    """A fetch that carries figures over from the last one trusts that the session's changes
    are every change; another program may have written meanwhile, so its cards are never
    stamped (and never kept in the file as current)."""
    from parktracker.services.changes import Changes
    from parktracker.ui.pages.dashboard.fetching import fetch_in_file

    fresh = fetch_in_file(demo_path, None, None, cards=True, charts=())
    assert fresh.stamp is not None and fresh.carried is not None
    conn = sqlite3.connect(demo_path)  # another program changes the year's target
    with conn:
        conn.execute(TARGET_2024, [1_400_00_000_000])
    conn.close()
    carried = fetch_in_file(
        demo_path, None, None, cards=True, charts=(), carried=fresh.carried, changes=Changes()
    )
    assert carried.stamp is None
    again = fetch_in_file(demo_path, None, None, cards=True, charts=())
    assert again.stamp is not None and again.stamp != fresh.stamp
