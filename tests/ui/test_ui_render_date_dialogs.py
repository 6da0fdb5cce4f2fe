"""Render the dialogs whose dates and months are the product's date field (History's range,
the briefing's month, the templates' month) and the Comparison page, in both languages as a
1280×720 screen shows them; keep the images (test-artifacts/date-forms/, not committed) and
check that what is typed and echoed is shown whole."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

# The fixture "language" (both languages) is imported, and test arguments name it: F811.
# ruff: noqa: F811
from test_ui_render_date_forms import language, save  # noqa: F401

from parktracker.domain.periods import YearMonth
from parktracker.services.parks import list_parks
from parktracker.storage.database import Database
from parktracker.ui.dialogs.briefing_dialog import BriefingDialog
from parktracker.ui.dialogs.history_dialog import HistoryDialog
from parktracker.ui.dialogs.template_dialog import TemplateDialog
from parktracker.ui.pages.comparison import ComparisonPage
from parktracker.ui.session import Session
from parktracker.ui.widgets.as_of_field import AsOfField
from parktracker.ui.widgets.month_field import WIDEST_MONTH


def assert_whole(field: AsOfField, widest: str) -> None:
    metrics = field.line.fontMetrics()
    assert field.line.width() >= metrics.horizontalAdvance(widest) + 8
    assert field.line.width() >= metrics.horizontalAdvance(field.line.text()) + 4
    echo = field.echo
    assert echo.width() >= echo.fontMetrics().horizontalAdvance(echo.text())


def retype(qtbot: QtBot, field: AsOfField, text: str) -> None:
    qtbot.mouseClick(field.line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.line, text)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)


def test_render_history_range(qtbot: QtBot, demo_db: Database, language: str) -> None:
    dialog = HistoryDialog(Session(demo_db))
    qtbot.addWidget(dialog)
    dialog.resize(1100, 620)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.use_from.setChecked(True)
    dialog.use_to.setChecked(True)
    retype(qtbot, dialog.date_from, "2024-12-31")
    retype(qtbot, dialog.date_to, "2024-02-30")  # a problem, said beside it
    save(dialog, "history-range", language)
    assert_whole(dialog.date_from, "2024-12-31")
    assert_whole(dialog.date_to, "2024-02-30")
    assert dialog.current_filter().date_from == dt.date(2024, 12, 31)


def test_render_briefing_month(qtbot: QtBot, demo_db: Database, language: str) -> None:
    dialog = BriefingDialog(demo_db, YearMonth(2024, 3), record=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    retype(qtbot, dialog.month_edit, "2024-12")
    save(dialog, "briefing-month", language)
    assert dialog.month() == YearMonth(2024, 12)
    assert dialog.month_edit.echo.text() == ("2024年12月" if language == "zh_CN" else "2024-12")
    assert_whole(dialog.month_edit, WIDEST_MONTH)


def test_render_template_month(qtbot: QtBot, demo_db: Database, language: str) -> None:
    dialog = TemplateDialog(list_parks(demo_db), YearMonth(2024, 3))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    retype(qtbot, dialog.month, "2024-13")  # a problem: the dialog stays open and says it
    save(dialog, "template-month-problem", language)
    assert dialog.isVisible()
    assert_whole(dialog.month, WIDEST_MONTH)
    retype(qtbot, dialog.month, "202412")
    assert dialog.chosen_month() == YearMonth(2024, 12)


def test_render_comparison_summary(qtbot: QtBot, demo_db: Database, language: str) -> None:
    page = ComparisonPage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.first_edit.setDate(QDate(2023, 12, 31))
    page.second_edit.setDate(QDate(2024, 3, 31))
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    save(page, "comparison", language)
    text = page.summary.text()
    assert ("2023年12月31日" if language == "zh_CN" else "2023-12-31") in text
    assert not re.search(r"\d,\d", text)  # no thousands separators
