"""The first window: it opens on a database and shows the headline figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from parktracker.ui.main_window import MainWindow


def _card_texts(window: MainWindow) -> str:
    return "\n".join(card.body.text() for card in window.overview.cards)


def test_demo_window_shows_headline_figures_and_sample_mark(qtbot: QtBot, demo_db: object) -> None:
    window = MainWindow(demo_db, demo=True)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    texts = _card_texts(window)
    assert "1351.4 亿元" in texts
    assert "337.9 亿元" in texts
    assert "172.6 亿元" in texts
    assert "1300 亿元" in texts
    assert window.overview.findChild(type(window.overview.heading), "sampleMark") is not None
    assert str(demo_db.path) in window.db_label.text()  # type: ignore[attr-defined]


def test_new_database_window_has_no_sample_mark(
    qtbot: QtBot, new_db: object, tmp_path: Path
) -> None:
    window = MainWindow(new_db, created=True)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    texts = _card_texts(window)
    # No data yet: the page is as of today, whose year has no target (the reference one is 2024).
    assert str(dt.date.today().year) in texts
    assert "1300 亿元" not in texts
    assert "0 亿元" in texts  # nothing under construction yet, shown with its unit
    assert window.overview.findChild(type(window.overview.heading), "sampleMark") is None
