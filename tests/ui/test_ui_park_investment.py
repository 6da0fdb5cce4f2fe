"""Projects → Monthly investment by park: a park's projects × months grid in 万元, typed and
pasted like the revenue grid, each edit or paste one undoable step; checked in the database."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.app import register_fonts
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.projects import monthly_investment
from parktracker.storage.database import Database
from parktracker.ui.dialogs.park_investment_dialog import ParkInvestmentDialog
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "park-investment"


def _open(qtbot: QtBot, db: Database) -> tuple[ProjectsPage, ParkInvestmentDialog]:
    register_fonts()
    page = ProjectsPage(Session(db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    qtbot.mouseClick(page.park_investment_button, Qt.MouseButton.LeftButton)
    dialog = page.park_investment_dialog
    assert isinstance(dialog, ParkInvestmentDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.year_box.setValue(2025)  # a year with no figures yet
    return page, dialog


def _stored(db: Database, project_id: int, month: YearMonth) -> Money | None:
    return next((m.completed for m in monthly_investment(db, project_id) if m.month == month), None)


def _project_id(dialog: ParkInvestmentDialog, row: int) -> int:
    project = dialog.model.project_at(row)
    assert project is not None and project.id is not None
    return project.id


def test_the_grid_lists_the_parks_projects_by_month(qtbot: QtBot, demo_db: Database) -> None:
    _, dialog = _open(qtbot, demo_db)
    assert dialog.park_box.currentText() == "青岛市集成电路产业园"
    assert len(dialog.model.projects) >= 5
    assert dialog.model.columnCount() == 13
    header = dialog.model.headerData(0, Qt.Orientation.Vertical)
    assert header == dialog.model.projects[0].name
    dialog.year_box.setValue(2024)  # the demo's figures
    assert any(dialog.model.figure(r, 2) for r in range(len(dialog.model.projects)))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "en-2024.png"))


def test_typing_a_cell_stores_it_in_wan_and_undo_takes_it_back(
    qtbot: QtBot, demo_db: Database
) -> None:
    page, dialog = _open(qtbot, demo_db)
    stack = page.session.undo_stack
    before = stack.count()
    project_id = _project_id(dialog, 1)
    dialog.view.setFocus()
    dialog.view.go_to(1, 2)  # the second project, March
    qtbot.keyClicks(dialog.view, "1234.5")
    qtbot.keyClick(dialog.view.viewport().focusWidget() or dialog.view, Qt.Key.Key_Return)
    assert _stored(demo_db, project_id, YearMonth(2025, 3)) == Money.wan(Decimal("1234.5"))
    assert dialog.model.plain_text(1, 2) == "1234.5"
    assert dialog.view.currentIndex().row() == 2  # Enter moved down
    assert stack.count() == before + 1
    stack_text = stack.undoText()
    assert "2025-03" in stack_text
    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z here
    assert _stored(demo_db, project_id, YearMonth(2025, 3)) is None
    assert dialog.model.plain_text(1, 2) == ""
    qtbot.keyClick(dialog.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo
    assert _stored(demo_db, project_id, YearMonth(2025, 3)) == Money.wan(Decimal("1234.5"))


def test_a_pasted_block_is_one_step_and_undoes_whole(qtbot: QtBot, demo_db: Database) -> None:
    page, dialog = _open(qtbot, demo_db)
    first, second = _project_id(dialog, 0), _project_id(dialog, 1)
    QApplication.clipboard().setText("1,200\t300.5\r\n0\t45\r\n")  # as Excel puts it there
    dialog.view.setFocus()
    dialog.view.go_to(0, 3)  # April of the first project
    before = page.session.undo_stack.count()
    qtbot.keyClick(dialog.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _stored(demo_db, first, YearMonth(2025, 4)) == Money.wan(1200)
    assert _stored(demo_db, first, YearMonth(2025, 5)) == Money.wan(Decimal("300.5"))
    assert _stored(demo_db, second, YearMonth(2025, 4)) == Money.wan(0)
    assert _stored(demo_db, second, YearMonth(2025, 5)) == Money.wan(45)
    assert page.session.undo_stack.count() == before + 1
    assert dialog.message.text() == "Pasted 4 cells."
    assert dialog.model.plain_text(0, 12) == "1500.5"  # the project's year total
    page.session.undo()
    for project_id in (first, second):
        for month in (4, 5):
            assert _stored(demo_db, project_id, YearMonth(2025, month)) is None
    assert dialog.model.plain_text(0, 3) == ""


def test_a_bad_cell_refuses_the_whole_paste_naming_the_cell(
    qtbot: QtBot, demo_db: Database
) -> None:
    _, dialog = _open(qtbot, demo_db)
    first = _project_id(dialog, 0)
    second_name = dialog.model.projects[1].name
    QApplication.clipboard().setText("10\t20\nabc\t40\n")
    dialog.view.setFocus()
    dialog.view.go_to(0, 0)
    qtbot.keyClick(dialog.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _stored(demo_db, first, YearMonth(2025, 1)) is None  # nothing at all was stored
    text = dialog.message.text()
    assert text.startswith("Nothing was pasted: “abc” in row 2, column 1 of the copied block")
    assert second_name in text and "Jan" in text
    # A block that runs past December is refused too.
    QApplication.clipboard().setText("1\t2\t3\n")
    dialog.view.go_to(0, 11)
    qtbot.keyClick(dialog.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "does not fit" in dialog.message.text()
    assert _stored(demo_db, first, YearMonth(2025, 12)) is None


def test_delete_clears_the_selected_cells_in_one_step(qtbot: QtBot, demo_db: Database) -> None:
    page, dialog = _open(qtbot, demo_db)
    first = _project_id(dialog, 0)
    QApplication.clipboard().setText("5\t6\n")
    dialog.view.setFocus()
    dialog.view.go_to(0, 0)
    qtbot.keyClick(dialog.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _stored(demo_db, first, YearMonth(2025, 2)) == Money.wan(6)
    dialog.view.selectAll()
    before = page.session.undo_stack.count()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    assert _stored(demo_db, first, YearMonth(2025, 1)) is None
    assert _stored(demo_db, first, YearMonth(2025, 2)) is None
    assert page.session.undo_stack.count() == before + 1


def test_a_typed_word_is_refused_and_stays_on_its_cell(qtbot: QtBot, demo_db: Database) -> None:
    _, dialog = _open(qtbot, demo_db)
    first = _project_id(dialog, 0)
    dialog.view.setFocus()
    dialog.view.go_to(0, 0)
    qtbot.keyClicks(dialog.view, "12x")
    qtbot.keyClick(dialog.view.viewport().focusWidget() or dialog.view, Qt.Key.Key_Return)
    assert _stored(demo_db, first, YearMonth(2025, 1)) is None
    assert dialog.message.text().startswith("Not stored: “12x”")
    assert (dialog.view.currentIndex().row(), dialog.view.currentIndex().column()) == (0, 0)


def test_render_in_chinese(qtbot: QtBot, demo_db: Database, qapp: QApplication) -> None:
    from parktracker.app import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        _, dialog = _open(qtbot, demo_db)
        dialog.year_box.setValue(2024)
        assert dialog.windowTitle() == "按园区填报月度投资"
        assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "1月"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(ARTIFACTS / "zh_CN-2024.png"))
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
