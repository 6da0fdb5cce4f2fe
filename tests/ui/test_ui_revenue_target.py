"""The revenue page's progress line and target form, and the page inside the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import Metric
from parktracker.domain.models import Target
from parktracker.domain.money import Money
from parktracker.services.parks import list_parks
from parktracker.services.revenue_entry import year_grid
from parktracker.services.targets import get_target, set_target
from parktracker.storage.database import Database
from parktracker.ui.dialogs.target_form import TargetForm
from parktracker.ui.pages.revenue import RevenuePage
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window


def _page(qtbot: QtBot, db: Database) -> RevenuePage:
    page = RevenuePage(Session(db))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[TargetForm]:
    """Target forms the page opens, shown without blocking instead of exec()."""
    forms: list[TargetForm] = []

    def fake_exec(self: QDialog) -> int:
        assert isinstance(self, TargetForm)
        forms.append(self)
        self.show()
        return 0

    monkeypatch.setattr(TargetForm, "exec", fake_exec)
    return forms


def test_the_progress_line_shows_target_year_to_date_and_time_elapsed(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = _page(qtbot, demo_db)
    assert page.year == 2024  # the latest year with data
    assert page.record_count() == 24
    text = page.progress.text()
    assert "1300.0\u00a0亿元" in text
    assert "250.9\u00a0亿元" in text  # months 1–3, all parks (250.9207 exactly)
    assert "19.3%" in text  # 250.9207 / 1300
    assert "25.0%" in text  # three complete months of twelve


def test_another_year_shows_its_own_figures(qtbot: QtBot, demo_db: Database) -> None:
    page = _page(qtbot, demo_db)
    page.year_box.setValue(2023)
    assert page.record_count() == 96
    assert str(page.entry_model.index(8, 12).data()) == "1117.9"
    text = page.progress.text()
    assert "1117.9\u00a0亿元" in text
    assert "1300" not in text  # 2023 has no target
    assert "100.0%" in text  # the whole year has passed


def test_set_target_form_stores_the_target_as_one_undoable_step(
    qtbot: QtBot, demo_db: Database, opened: list[TargetForm]
) -> None:
    page = _page(qtbot, demo_db)
    qtbot.mouseClick(page.target_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    form = opened[0]
    qtbot.addWidget(form)
    assert form.year == 2024 and form.park_id is None and form.chosen_metric is Metric.REVENUE
    assert form.amount.line.text() == "1300"  # the stored target, exact, ready to change
    assert "1300 亿元" in form.current.text()
    form.amount.line.clear()
    qtbot.keyClicks(form.amount.line, "1,400.5")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    stored = get_target(demo_db, year=2024, metric=Metric.REVENUE)
    assert stored is not None and stored.amount == Money.yi("1400.5")
    assert "1400.5\u00a0亿元" in page.progress.text()
    session = page.session
    assert session.undo_stack.count() == 1
    assert "2024" in session.undo_stack.undoText()
    session.undo()
    stored = get_target(demo_db, year=2024, metric=Metric.REVENUE)
    assert stored is not None and stored.amount == Money.yi(1300)
    assert "1300.0\u00a0亿元" in page.progress.text()


def test_a_park_target_for_annual_investment(qtbot: QtBot, new_db: Database) -> None:
    session = Session(new_db)
    park = list_parks(new_db)[1]
    form = TargetForm(session, None, year=2025)
    qtbot.addWidget(form)
    form.show()
    form.scope_box.setCurrentIndex(form.scope_box.findData(park.id))
    form.metric_box.setCurrentIndex(form.metric_box.findData(Metric.ANNUAL_INVESTMENT))
    assert form.amount.line.text() == ""
    assert "2025" not in form.current.text()  # nothing stored: says so
    form.amount.unit_box.setCurrentIndex(1)  # 万元
    qtbot.keyClicks(form.amount.line, "355,000")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = get_target(new_db, year=2025, metric=Metric.ANNUAL_INVESTMENT, park_id=park.id)
    assert stored is not None and stored.amount == Money.yi("35.5")
    assert park.short_name in session.undo_stack.undoText()
    assert get_target(new_db, year=2025, metric=Metric.REVENUE) is None


def test_the_target_form_refuses_text_that_is_not_an_amount(qtbot: QtBot, new_db: Database) -> None:
    form = TargetForm(Session(new_db), None, year=2024)
    qtbot.addWidget(form)
    form.show()
    form.amount.line.clear()
    qtbot.keyClicks(form.amount.line, "abc")
    assert not form.save_button.isEnabled()
    assert form.messages["amount"].isVisible()
    form.amount.line.clear()
    assert not form.save_button.isEnabled()  # a target needs an amount
    stored = get_target(new_db, year=2024, metric=Metric.REVENUE)
    assert stored is not None and stored.amount == Money.yi(1300)


def test_a_target_changed_elsewhere_updates_the_progress_line(
    qtbot: QtBot, new_db: Database
) -> None:
    page = _page(qtbot, new_db)
    page.year_box.setValue(2024)
    target = Target(year=2024, metric=Metric.REVENUE, amount=Money.yi(1500))
    page.session.perform("t", lambda db: set_target(db, target=target))
    assert "1500.0\u00a0亿元" in page.progress.text()


def test_in_the_main_window_the_edit_menu_clears_and_undoes_cells(
    qtbot: QtBot, demo_db: Database
) -> None:
    window = build_window(Session(demo_db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.page_of(RevenuePage)
    assert isinstance(page, RevenuePage)
    window.show_page(page)
    assert "24" in window.count_label.text()
    page.entry_view.setFocus()
    page.entry_view.go_to(2, 1)
    assert window.menus.delete.isEnabled() and window.menus.edit.isEnabled()
    window.menus.delete.trigger()
    park = list_parks(demo_db)[2]
    assert (park.id, 2) not in year_grid(demo_db, 2024)
    assert str(page.entry_model.index(2, 1).data()) == ""
    assert "23" in window.count_label.text()
    window.menus.undo.trigger()
    assert year_grid(demo_db, 2024)[(park.id, 2)] == Money.yi("5.9073")
    assert str(page.entry_model.index(2, 1).data()) == "5.9"
    assert page.entry_model.index(2, 1).data(Qt.ItemDataRole.EditRole) == "5.9073"
    qtbot.keyClick(page.entry_view, Qt.Key.Key_Delete)  # the grid takes Delete itself
    assert (park.id, 2) not in year_grid(demo_db, 2024)
    stack = window.session.undo_stack
    assert stack.index() == 1 and not stack.canRedo()  # a new step replaced the undone one
