"""Each park's own revenue target, set on one form from the revenue page (issue 15 §5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import Metric
from parktracker.domain.money import Money
from parktracker.services.parks import list_parks
from parktracker.services.targets import get_target
from parktracker.storage.database import Database
from parktracker.ui.dialogs.park_targets_form import ParkTargetsForm
from parktracker.ui.pages.revenue import RevenuePage
from parktracker.ui.session import Session


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[ParkTargetsForm]:
    forms: list[ParkTargetsForm] = []

    def fake_exec(self: QDialog) -> int:
        assert isinstance(self, ParkTargetsForm)
        forms.append(self)
        self.show()
        return 0

    monkeypatch.setattr(ParkTargetsForm, "exec", fake_exec)
    return forms


def _targets(db: Database) -> list[tuple[int, int | None, str, int]]:
    rows = db.query("SELECT year, park_id, metric, amount_yuan FROM targets ORDER BY id")
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def test_typing_park_targets_stores_them_as_one_undoable_audited_step(
    qtbot: QtBot, demo_db: Database, opened: list[ParkTargetsForm]
) -> None:
    page = RevenuePage(Session(demo_db))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    before = _targets(demo_db)
    audit_before = demo_db.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'targets'")
    qtbot.mouseClick(page.park_targets_button, Qt.MouseButton.LeftButton)
    (form,) = opened
    qtbot.addWidget(form)
    assert form.year == 2024
    parks = list_parks(demo_db)
    first, second = parks[0], parks[1]
    assert first.id is not None and second.id is not None
    assert all(edit.line.text() == "" for edit in form.amounts.values())  # none stored yet

    form.amounts[first.id].line.setFocus()
    qtbot.keyClicks(form.amounts[first.id].line, "260.5")
    qtbot.keyClick(form.amounts[first.id].line, Qt.Key.Key_Tab)
    second_line = form.amounts[second.id].line
    second_line.setFocus()
    qtbot.keyClicks(second_line, "abc")
    assert not form.save_button.isEnabled()
    assert form.messages[f"park_{second.id}"].isVisible()
    second_line.clear()
    qtbot.keyClicks(second_line, "1,040")
    assert form.save_button.isEnabled()
    assert "1300.5" in form.total.text() and "1300" in form.total.text()
    qtbot.keyClick(second_line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())

    first_target = get_target(demo_db, year=2024, metric=Metric.REVENUE, park_id=first.id)
    assert first_target is not None and first_target.amount == Money.yi("260.5")
    assert _targets(demo_db) == [
        *before,
        (2024, first.id, "revenue", 26_050_000_000),
        (2024, second.id, "revenue", 104_000_000_000),
    ]
    audited = demo_db.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'targets'")
    assert audited == audit_before + 2
    session = page.session
    assert session.undo_stack.count() == 1
    assert "2024" in session.undo_stack.undoText()

    session.undo()
    assert _targets(demo_db) == before
    session.redo()
    assert len(_targets(demo_db)) == len(before) + 2

    # The form shows them again; emptying a line removes that park's target.
    qtbot.mouseClick(page.park_targets_button, Qt.MouseButton.LeftButton)
    form = opened[-1]
    qtbot.addWidget(form)
    assert form.amounts[first.id].line.text() == "260.5"
    form.amounts[first.id].line.clear()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert get_target(demo_db, year=2024, metric=Metric.REVENUE, park_id=first.id) is None
    assert get_target(demo_db, year=2024, metric=Metric.REVENUE, park_id=second.id) is not None
    session.undo()
    assert get_target(demo_db, year=2024, metric=Metric.REVENUE, park_id=first.id) is not None
