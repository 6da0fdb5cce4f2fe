"""The revenue grid: typing, clearing, pasting from Excel, year-to-date entry, undo and redo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.domain.money import Money
from parktracker.domain.number_format import DEFAULT_FORMAT
from parktracker.services.parks import list_parks
from parktracker.services.revenue_entry import year_grid
from parktracker.storage.database import Database
from parktracker.ui.models.revenue_grid_model import TOTAL_COLUMN
from parktracker.ui.pages.revenue import RevenuePage
from parktracker.ui.session import Session

YEAR = 2024


@pytest.fixture
def page(qtbot: QtBot, new_db: Database) -> Iterator[RevenuePage]:
    shown = RevenuePage(Session(new_db))
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    qtbot.waitExposed(shown)
    shown.year_box.setValue(YEAR)
    yield shown


def park_ids(db: Database) -> list[int]:
    return [p.id for p in list_parks(db) if p.id is not None]


def shown(page: RevenuePage, row: int, column: int, *, lower: bool = False) -> str:
    model = page.other_model if lower else page.entry_model
    return str(model.index(row, column).data())


def select(page: RevenuePage, row: int, column: int) -> None:
    page.entry_view.setFocus()
    page.entry_view.go_to(row, column)


def type_cell(qtbot: QtBot, page: RevenuePage, row: int, column: int, text: str) -> None:
    """Select a cell, type a figure and press Enter, as a user would."""
    select(page, row, column)
    qtbot.keyClicks(page.entry_view, text)
    qtbot.keyClick(page.entry_view, Qt.Key.Key_Return)


def paste(qtbot: QtBot, page: RevenuePage, row: int, column: int, text: str) -> None:
    select(page, row, column)
    QApplication.clipboard().setText(text)
    qtbot.keyClick(page.entry_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_typing_a_figure_stores_it_and_moves_down(qtbot: QtBot, page: RevenuePage) -> None:
    db = page.session.db
    type_cell(qtbot, page, 0, 2, "12.5")
    first = park_ids(db)[0]
    assert year_grid(db, YEAR) == {(first, 3): Money.yi("12.5")}
    assert shown(page, 0, 2) == "12.5"
    assert shown(page, 0, TOTAL_COLUMN) == "12.5"
    assert page.entry_view.currentIndex().row() == 1  # Enter moved down
    assert page.session.undo_stack.count() == 1
    assert "集成电路产业园" in page.session.undo_stack.undoText()
    assert page.record_count() == 1


def test_typing_in_wan_stores_the_exact_amount(qtbot: QtBot, page: RevenuePage) -> None:
    page.unit_box.setCurrentIndex(1)  # 万元
    type_cell(qtbot, page, 1, 0, "1,234.5")
    second = park_ids(page.session.db)[1]
    assert year_grid(page.session.db, YEAR) == {(second, 1): Money(12_345_000)}
    assert shown(page, 1, 0) == "1234.50"  # 万元 with two fixed decimals
    page.unit_box.setCurrentIndex(0)
    assert shown(page, 1, 0) == "0.1"  # 亿元 with one fixed decimal...
    tip = page.entry_model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "0.12345 亿元 = 12345000 元"  # ...the exact figure one hover away


def test_typing_text_that_is_not_a_number_stores_nothing(qtbot: QtBot, page: RevenuePage) -> None:
    type_cell(qtbot, page, 2, 4, "12,34")
    assert year_grid(page.session.db, YEAR) == {}
    assert page.message.isVisible()
    assert "12,34" in page.message.text() and "虚拟现实产业园" in page.message.text()
    current = page.entry_view.currentIndex()
    assert (current.row(), current.column()) == (2, 4)  # stays on the refused cell
    assert page.session.undo_stack.count() == 0


def test_delete_clears_the_selected_cells_in_one_step(qtbot: QtBot, page: RevenuePage) -> None:
    db = page.session.db
    paste(qtbot, page, 0, 0, "1\t2\n3\t4\n")
    select(page, 0, 0)
    page.entry_view.selectAll()
    qtbot.keyClick(page.entry_view, Qt.Key.Key_Delete)
    assert year_grid(db, YEAR) == {}
    assert shown(page, 0, 0) == "" and shown(page, 1, 1) == ""
    assert page.session.undo_stack.count() == 2
    page.session.undo()
    assert len(year_grid(db, YEAR)) == 4
    assert shown(page, 1, 1) == "4.0"


def test_pasting_a_3_by_8_block_stores_all_24_values(qtbot: QtBot, page: RevenuePage) -> None:
    db = page.session.db
    rows = [[f"{r + 1},0{c}0.5{r}" for c in range(8)] for r in range(3)]
    paste(qtbot, page, 2, 1, "\r\n".join("\t".join(row) for row in rows) + "\r\n")
    ids = park_ids(db)
    grid = year_grid(db, YEAR)
    assert len(grid) == 24
    for r in range(3):
        for c in range(8):
            expected = Money.yi(rows[r][c].replace(",", ""))  # "1,000.50" is 1000.5 亿元
            assert grid[(ids[2 + r], 2 + c)] == expected
            assert shown(page, 2 + r, 1 + c) == DEFAULT_FORMAT.number(expected)
    assert page.session.undo_stack.count() == 1
    assert "24" in page.session.undo_stack.undoText()
    assert "24" in page.message.text()
    assert page.record_count() == 24
    selected = {(i.row(), i.column()) for i in page.entry_view.selectedIndexes()}
    assert selected == {(2 + r, 1 + c) for r in range(3) for c in range(8)}


def test_pasting_an_8_by_3_block_fills_every_park(qtbot: QtBot, page: RevenuePage) -> None:
    db = page.session.db
    text = "\n".join("\t".join(f"{p}.{m}" for m in range(1, 4)) for p in range(1, 9))
    paste(qtbot, page, 0, 9, text)
    grid = year_grid(db, YEAR)
    ids = park_ids(db)
    assert len(grid) == 24
    assert grid[(ids[7], 12)] == Money.yi("8.3")
    assert shown(page, 7, 11) == "8.3"


def test_a_paste_with_text_inside_changes_nothing_and_says_where(
    qtbot: QtBot, page: RevenuePage
) -> None:
    db = page.session.db
    paste(qtbot, page, 0, 0, "1\t2\n3\t4\n")
    before = year_grid(db, YEAR)
    paste(qtbot, page, 0, 0, "5\t6\t7\n8\tabc\t9\n")
    assert year_grid(db, YEAR) == before
    assert shown(page, 0, 0) == "1.0"
    message = page.message.text()
    assert page.message.isVisible()
    assert "“abc”" in message
    assert "row 2, column 2" in message or "第2行第2列" in message
    assert "人工智能产业园" in message  # the cell it was meant for
    assert page.session.undo_stack.count() == 1


def test_a_block_that_does_not_fit_is_refused_whole(qtbot: QtBot, page: RevenuePage) -> None:
    paste(qtbot, page, 6, 10, "1\t2\t3\n4\t5\t6\n")  # three columns from November
    assert year_grid(page.session.db, YEAR) == {}
    assert page.message.isVisible() and "3" in page.message.text()
    assert page.session.undo_stack.count() == 0


def test_one_value_pasted_fills_the_selection(qtbot: QtBot, page: RevenuePage) -> None:
    select(page, 0, 0)
    view = page.entry_view
    view.select_block(0, 0, 2, 2)
    QApplication.clipboard().setText("7.25\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    grid = year_grid(page.session.db, YEAR)
    assert sorted(grid.values()) == [Money.yi("7.25")] * 4


def test_copy_puts_the_selection_on_the_clipboard_as_tsv(qtbot: QtBot, page: RevenuePage) -> None:
    paste(qtbot, page, 0, 0, "1.5\t2\n3\t4.25\n")
    page.entry_view.select_block(0, 0, 2, 2)
    qtbot.keyClick(page.entry_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "1.5\t2\n3\t4.25\n"


def test_year_to_date_entry_stores_monthly_differences(qtbot: QtBot, page: RevenuePage) -> None:
    db = page.session.db
    qtbot.mouseClick(page.ytd_radio, Qt.MouseButton.LeftButton)
    assert page.ytd_radio.isChecked()
    for month, ytd in enumerate(("10", "25", "45.5")):
        type_cell(qtbot, page, 3, month, ytd)
    park = park_ids(db)[3]
    assert year_grid(db, YEAR) == {
        (park, 1): Money.yi(10),
        (park, 2): Money.yi(15),
        (park, 3): Money.yi("20.5"),
    }
    assert [shown(page, 3, m) for m in range(3)] == ["10.0", "25.0", "45.5"]
    assert [shown(page, 3, m, lower=True) for m in range(3)] == ["10.0", "15.0", "20.5"]
    assert shown(page, 3, TOTAL_COLUMN, lower=True) == "45.5"
    assert page.session.undo_stack.count() == 3


def test_a_year_to_date_figure_below_the_previous_is_refused(
    qtbot: QtBot, page: RevenuePage
) -> None:
    db = page.session.db
    page.ytd_radio.setChecked(True)
    type_cell(qtbot, page, 0, 0, "10")
    type_cell(qtbot, page, 0, 1, "8")
    park = park_ids(db)[0]
    assert year_grid(db, YEAR) == {(park, 1): Money.yi(10)}
    assert page.message.isVisible()
    assert "集成电路产业园" in page.message.text() and "8" in page.message.text()
    # The refused figure stays on its cell, as typed, until that cell is fixed.
    assert shown(page, 0, 1) == "8"
    assert page.entry_model.errors.keys() == {(0, 1)}
    assert page.session.undo_stack.count() == 1


def test_a_year_to_date_paste_is_checked_before_anything_is_stored(
    qtbot: QtBot, page: RevenuePage
) -> None:
    page.ytd_radio.setChecked(True)
    paste(qtbot, page, 0, 0, "1\t2\t3\n5\t4\t6\n")  # the second park's February falls
    assert year_grid(page.session.db, YEAR) == {}
    assert "人工智能产业园" in page.message.text()


def test_undo_and_redo_of_an_edit_and_a_paste(qtbot: QtBot, page: RevenuePage) -> None:
    db = page.session.db
    session = page.session
    type_cell(qtbot, page, 0, 0, "1.1")
    paste(qtbot, page, 1, 0, "2\t3\n4\t5\n")
    assert len(year_grid(db, YEAR)) == 5
    session.undo()
    assert len(year_grid(db, YEAR)) == 1
    assert shown(page, 1, 0) == "" and shown(page, 0, 0) == "1.1"
    assert page.record_count() == 1
    session.undo()
    assert year_grid(db, YEAR) == {}
    assert shown(page, 0, 0) == ""
    assert shown(page, 0, 0, lower=True) == ""
    session.redo()
    assert shown(page, 0, 0) == "1.1" and shown(page, 0, 0, lower=True) == "1.1"
    session.redo()
    assert len(year_grid(db, YEAR)) == 5
    assert shown(page, 2, 1) == "5.0"
    assert shown(page, 8, 0) == "7.1"  # 1.1 + 2 + 4


def test_totals_are_exact(qtbot: QtBot, page: RevenuePage) -> None:
    paste(qtbot, page, 0, 0, "0.1\t0.2\n0.2\t0.1\n")
    total_row = len(page.parks)
    assert shown(page, total_row, 0) == "0.3"
    assert shown(page, total_row, 1) == "0.3"
    assert shown(page, 0, TOTAL_COLUMN) == "0.3"
    assert shown(page, total_row, TOTAL_COLUMN) == "0.6"
    assert shown(page, total_row, 1, lower=True) == "0.6"  # year to date, all parks
    assert page.entry_model.headerData(total_row, Qt.Orientation.Vertical) in ("Total", "合计")


def test_a_read_only_session_refuses_edits(qtbot: QtBot, demo_path: object) -> None:
    from parktracker.storage.database import open_database

    db = open_database(demo_path, readonly=True)  # type: ignore[arg-type]
    try:
        page = RevenuePage(Session(db))
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        assert page.year == 2024  # the latest year with data
        before = year_grid(db, 2024)
        index = page.entry_model.index(0, 0)
        assert not page.entry_model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert not page.target_button.isEnabled()
        assert not page.can_edit() and not page.can_delete()
        type_cell(qtbot, page, 0, 0, "99")
        assert shown(page, 0, 0) == "9.2"
        paste(qtbot, page, 0, 0, "1\t2\n")
        assert page.message.isVisible()
        qtbot.keyClick(page.entry_view, Qt.Key.Key_Delete)
        assert year_grid(db, 2024) == before
        assert page.session.undo_stack.count() == 0
    finally:
        db.close()


def test_the_whole_year_and_its_total_fit_a_1280_wide_window(
    qtbot: QtBot, demo_db: Database
) -> None:
    from parktracker.ui.window_factory import build_window

    window = build_window(Session(demo_db))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    page = window.page_of(RevenuePage)
    assert isinstance(page, RevenuePage)
    window.show_page(page)
    window.show()
    qtbot.waitExposed(window)
    for view in (page.entry_view, page.other_view):
        # Parks by their short label (full name on hover), so 12 months and the total fit.
        model = view.model()
        assert model.headerData(0, Qt.Orientation.Vertical) == "集成电路"
        tip = model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
        assert tip == "青岛市集成电路产业园"
        qtbot.waitUntil(lambda v=view: v.horizontalScrollBar().maximum() == 0)
        total = view.horizontalHeader().sectionViewportPosition(TOTAL_COLUMN)
        assert total + view.columnWidth(TOTAL_COLUMN) <= view.viewport().width()
