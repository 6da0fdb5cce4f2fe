"""The dashboard says which parks have reported the month after the one it shows, and marks the
figures of a later date chosen by hand as provisional, naming the parks missing (issue 15 §2)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import parks
from parktracker.storage.database import Database
from tests.ui.test_ui_dashboard import card, chinese, show_page, wait_charts  # noqa: F401


def _april(db: Database, *names: str) -> None:
    cells = []
    for name in names:
        park = parks.find(db, name)
        assert park is not None and park.id is not None
        cells.append(RevenueCell(park.id, YearMonth(2024, 4), Money.yi(30)))
    set_monthly(db, cells=cells)


def _type_date(qtbot: QtBot, page: object, text: str) -> None:
    edit = page.as_of_edit.line  # type: ignore[attr-defined]  # the date field's text
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_one_of_eight_parks_for_april_keeps_march_and_says_so(
    qtbot: QtBot, demo_db: Database
) -> None:
    _april(demo_db, "集成电路")
    page = show_page(qtbot, demo_db)
    assert page.as_of == dt.date(2024, 3, 31)
    note = page.reporting_note
    assert note.isVisible()
    assert note.text() == (
        "2024-04: Revenue reported by 1 of 8 parks; Investment reported by 0 of 8 parks;"
        " showing figures to the end of 2024-03"
    )
    assert "Provisional" not in card(page, "revenue")
    assert not page.chart_data["revenue-progress"].context.provisional

    # A later date typed by hand: every figure built on April is provisional.
    _type_date(qtbot, page, "2024-04-30")
    qtbot.waitUntil(lambda: page.as_of == dt.date(2024, 4, 30), timeout=5_000)
    qtbot.waitUntil(lambda: "Provisional" in card(page, "revenue"), timeout=10_000)
    wait_charts(qtbot, page)
    revenue = card(page, "revenue")
    assert page.card_by_key["revenue"].headline.text().endswith("(provisional)")
    assert "Provisional: revenue not reported by 人工智能, 虚拟现实, 新型显示" in revenue
    assert note.text().splitlines() == [
        "Provisional: revenue not reported by " + _names(demo_db, exclude="集成电路"),
        "Provisional: investment not reported by " + _names(demo_db),
    ]
    assert page.chart_data["revenue-progress"].context.provisional == tuple(
        _names(demo_db, exclude="集成电路").split(", ")
    )
    assert not page.chart_data["pipeline"].context.provisional  # counts of a date: not monthly
    subtitle_texts = [t.get_text() for t in page.canvases["revenue-progress"].figure.texts]
    assert any("(provisional)" in t for t in subtitle_texts), subtitle_texts

    # Back to the latest month every park has reported.
    page.latest_button.click()
    qtbot.waitUntil(lambda: "Provisional" not in card(page, "revenue"), timeout=10_000)
    assert page.as_of == dt.date(2024, 3, 31)


def _names(db: Database, exclude: str = "") -> str:
    from parktracker.domain.models import compact_park_name

    return ", ".join(
        compact_park_name(p.short_name) for p in parks.all_parks(db) if p.industry != exclude
    )


def test_the_note_in_chinese(qtbot: QtBot, demo_db: Database, chinese: None) -> None:  # noqa: F811
    _april(demo_db, "集成电路")
    page = show_page(qtbot, demo_db)
    assert page.reporting_note.text() == (
        "2024年4月：营收1/8个园区已报送，投资0/8个园区已报送，显示截至2024年3月底"
    )
