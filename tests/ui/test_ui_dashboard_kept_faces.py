"""The dashboard's first paint from the cards' words kept at the last close: the same words the
officer saw, shown before any figure is loaded, and only while they still hold: the same data,
the same language, the same decimals."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators
from parktracker.domain.number_format import DEFAULT_FORMAT, NumberFormat
from parktracker.i18n import set_language
from parktracker.services import card_faces
from parktracker.storage import card_snapshot as store
from parktracker.storage.database import open_database
from parktracker.ui import number_display
from parktracker.ui.pages.dashboard.card_text import CARD_KEYS
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.session import Session

WAIT = 30_000
NB = "\u00a0"


@pytest.fixture
def closed_once(
    qapp: QApplication, qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, object]:
    """The demo file after one session that showed its dashboard and closed: what the
    dashboard showed then."""
    # No background check: its result, recorded meanwhile, is a write the kept cards would
    # have to survive (tested in test_services_card_snapshot); here the close keeps them.
    monkeypatch.setattr(Controller, "_background_work", lambda *_: None)
    controller = Controller(qapp)
    try:
        assert controller.open(demo_path)
        window = controller.window
        assert window is not None
        page = window.page_of(DashboardPage)
        assert isinstance(page, DashboardPage)
        qtbot.waitUntil(lambda: page.kpis is not None and page._fetching is None, timeout=WAIT)
        shown = _shown(page)
    finally:
        controller.shutdown()
    return shown


def _shown(page: DashboardPage) -> dict[str, object]:
    return {
        "cards": {key: card.text() for key, card in page.card_by_key.items()},
        "tooltips": {key: card.headline.toolTip() for key, card in page.card_by_key.items()},
        "heading": page.heading.text(),
        "scope": page.scope_box.itemText(0),
        "note": page.reporting_note.text(),
        "date": page.as_of_edit.date(),
        "titles": {name: canvas.title_label.text() for name, canvas in page.canvases.items()},
    }


@pytest.fixture
def reopened(demo_path: Path) -> Iterator[Session]:
    with open_database(demo_path) as db:
        yield Session(db)


def test_the_next_start_paints_the_words_last_shown_before_any_figure(
    qtbot: QtBot, closed_once: dict[str, object], reopened: Session
) -> None:
    page = DashboardPage(reopened)  # built as the first paint builds it: not shown yet
    qtbot.addWidget(page)
    assert page.kpis is None and page._fetching is None  # nothing loaded or computed
    assert not page.cards_pending
    assert _shown(page) == closed_once
    assert f"Under construction: 50, planned 1351.4{NB}亿元" in page.card_by_key["projects"].text()
    assert page.parks == [] and page.scope_box.count() == 1  # the parks load after the paint
    # Once painted, the figures are computed again, and say the same; the parks are listed.
    page.resize(1280, 720)
    with qtbot.waitSignal(page.cards_updated, timeout=WAIT):
        page.show()
    assert page.kpis is not None
    assert _shown(page) == closed_once
    assert page.scope_box.count() == 9
    assert page.scope_box.itemData(1, Qt.ItemDataRole.ToolTipRole) == page.parks[0].name


def test_a_change_since_the_close_makes_the_kept_words_stale(
    qtbot: QtBot, closed_once: dict[str, object], demo_path: Path
) -> None:
    conn = sqlite3.connect(demo_path)  # another program changes the year's target
    with conn:
        conn.execute(
            "UPDATE targets SET amount_yuan = ? WHERE year = 2024 AND park_id IS NULL",
            [1400 * 10**8],
        )
    conn.close()
    with open_database(demo_path) as db:
        page = DashboardPage(Session(db))
        qtbot.addWidget(page)
        assert page._faces is None and page.cards_pending
        assert "1300.0" not in page.card_by_key["revenue"].text()
        page.resize(1280, 720)
        with qtbot.waitSignal(page.cards_updated, timeout=WAIT):
            page.show()
        assert f"2024 target: 1400.0{NB}亿元" in page.card_by_key["revenue"].text()


def test_words_kept_in_another_language_are_not_shown(
    qapp: QApplication, qtbot: QtBot, closed_once: dict[str, object], reopened: Session
) -> None:
    set_language("zh_CN")
    translators = install_translators(qapp, "zh_CN")
    try:
        page = DashboardPage(reopened)
        qtbot.addWidget(page)
        assert page._faces is None
        assert page.kpis is not None  # made from the kept figures instead, in Chinese
        assert f"在建项目：50个，计划总投资1351.4{NB}亿元" in page.card_by_key["projects"].text()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_words_kept_with_other_decimals_are_not_shown(
    qtbot: QtBot, closed_once: dict[str, object], reopened: Session
) -> None:
    number_display.set_current(NumberFormat(2, DEFAULT_FORMAT.wan_places))
    try:
        page = DashboardPage(reopened)
        qtbot.addWidget(page)
        assert page._faces is None
        assert f"planned 1351.40{NB}亿元" in page.card_by_key["projects"].text()
    finally:
        number_display.set_current(DEFAULT_FORMAT)


def test_unreadable_kept_words_fall_back_to_the_figures(
    qtbot: QtBot, closed_once: dict[str, object], demo_path: Path
) -> None:
    with open_database(demo_path) as db:
        stored = json.loads(store.read(db)[0])  # type: ignore[index]
        key = stored["faces"]["key"]
        assert card_faces.load(db, key, CARD_KEYS) is not None
        for broken in (
            {**stored["faces"], "sample": "no"},  # a flag stored as text
            {**stored["faces"], "cards": {}},  # cards missing
            {**stored["faces"], "as_of": "2024-02-30"},  # not a date
            {**stored["faces"], "format": 99},  # a later form
        ):
            _store_current(db, json.dumps({**stored, "faces": broken}, ensure_ascii=False))
            assert card_faces.load(db, key, CARD_KEYS) is None
            page = DashboardPage(Session(db))
            qtbot.addWidget(page)
            assert page._faces is None and page.kpis is not None  # from the kept figures
            assert f"planned 1351.4{NB}亿元" in page.card_by_key["projects"].text()
        _store_current(db, json.dumps({**stored, "version": "0.0.1"}, ensure_ascii=False))
        assert card_faces.load(db, key, CARD_KEYS) is None  # kept by another version


def _store_current(db: object, cards: str) -> None:
    """Store ``cards`` as a current snapshot (as a write by this session would)."""
    stamp = store.data_stamp(db)  # type: ignore[arg-type]
    assert stamp is not None
    assert store.write(db, cards, seen=stamp)  # type: ignore[arg-type]
