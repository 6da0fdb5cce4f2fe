"""Render the reporting status at 1280×720 in both languages, kept as test artefacts
(test-artifacts/pages/reporting-*.png): the dashboard's note with April reported by 1 of 8
parks, the provisional marks at a later date, and the revenue page's reporting grid."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators, register_fonts
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.i18n import set_language
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import parks
from parktracker.storage.database import open_database

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pages"
NOTE = {
    "zh_CN": "2024年4月：营收1/8个园区已报送，投资0/8个园区已报送，显示截至2024年3月底",
    "en": "2024-04: Revenue reported by 1 of 8 parks; Investment reported by 0 of 8 parks;"
    " showing figures to the end of 2024-03",
}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_render_the_reporting_status(
    qapp: QApplication, qtbot: QtBot, demo_path: Path, language: str
) -> None:
    with open_database(demo_path) as db:
        chip = parks.find(db, "集成电路")
        assert chip is not None and chip.id is not None
        set_monthly(db, cells=[RevenueCell(chip.id, YearMonth(2024, 4), Money.yi(30))])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    set_language(language)
    controller = Controller(qapp)
    controller.translators = install_translators(qapp, language)
    register_fonts()
    try:
        assert controller.open(demo_path)
        window = controller.window
        assert window is not None
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        dashboard = window.pages[0]
        window.show_page(dashboard)
        qtbot.waitUntil(lambda: not dashboard.charts_pending(), timeout=30_000)
        assert dashboard.reporting_note.text() == NOTE[language]
        _save(window, f"reporting-{language}-dashboard.png")
        dashboard.as_of_edit.setDate(QDate(2024, 4, 30))
        qtbot.waitUntil(lambda: dashboard.reporting_note.text() != NOTE[language], timeout=10_000)
        qtbot.waitUntil(lambda: not dashboard.charts_pending(), timeout=30_000)
        _save(window, f"reporting-{language}-provisional.png")
        revenue = next(p for p in window.pages if type(p).__name__ == "RevenuePage")
        window.show_page(revenue)
        revenue.lower_tabs.setCurrentIndex(1)
        qapp.processEvents()
        _save(window, f"reporting-{language}-revenue-grid.png")
        view = revenue.reporting_view
        for column in range(4):  # January to April: every cell's words fit their column
            text = str(view.model().index(0, column).data())
            assert view.fontMetrics().horizontalAdvance(text) < view.columnWidth(column), text
    finally:
        controller.shutdown()
        for translator in controller.translators:
            qapp.removeTranslator(translator)
        set_language("zh_CN")


def _save(window: object, name: str) -> None:
    QApplication.processEvents()
    time.sleep(0.05)
    image = window.grab()  # type: ignore[attr-defined]
    assert (image.width(), image.height()) == (1280, 720)
    assert image.save(str(ARTIFACTS / name))
