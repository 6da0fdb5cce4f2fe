"""Guard rails of data entry: the revenue grid keeps a refused cell marked until it is fixed,
and an amount 100 times or more above the largest comparable figure asks "…是否确认？"
(typing, pasting, forms) before anything is saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from confirm_helpers import Answerer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.domain.money import Money, Unit
from parktracker.domain.periods import YearMonth
from parktracker.services.parks import list_parks
from parktracker.services.revenue_entry import year_grid
from parktracker.storage.database import Database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.pages.revenue import RevenuePage
from parktracker.ui.session import Session

YEAR = 2024


def make_page(qtbot: QtBot, db: Database, year: int = YEAR) -> RevenuePage:
    page = RevenuePage(Session(db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.year_box.setValue(year)
    return page


def type_cell(qtbot: QtBot, page: RevenuePage, row: int, column: int, text: str) -> None:
    page.entry_view.setFocus()
    page.entry_view.go_to(row, column)
    qtbot.keyClicks(page.entry_view, text)
    qtbot.keyClick(page.entry_view, Qt.Key.Key_Return)


def cell(
    page: RevenuePage, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    return page.entry_model.index(row, column).data(role)


@pytest.fixture
def answer_yes(qtbot: QtBot) -> Iterator[Answerer]:
    answerer = Answerer(qtbot, yes=True)
    yield answerer
    answerer.stop()


@pytest.fixture
def answer_no(qtbot: QtBot) -> Iterator[Answerer]:
    answerer = Answerer(qtbot, yes=False)
    yield answerer
    answerer.stop()


# ---------------------------------------------------------------- refused cells stay marked


def test_a_refused_cell_stays_marked_until_it_is_fixed(qtbot: QtBot, new_db: Database) -> None:
    page = make_page(qtbot, new_db)
    ids = [p.id for p in list_parks(new_db)]
    type_cell(qtbot, page, 0, 2, "12..5")
    assert year_grid(new_db, YEAR) == {}
    # The cursor stays; the user moves on to another cell and enters a good figure there.
    type_cell(qtbot, page, 1, 2, "7.5")
    assert year_grid(new_db, YEAR) == {(ids[1], 3): Money.yi("7.5")}
    # The refused cell still shows what was typed, in red, with the reason on hover...
    assert cell(page, 0, 2) == "12..5"
    background = cell(page, 0, 2, Qt.ItemDataRole.BackgroundRole)
    assert background is not None and background.color().name() == "#fde2e1"
    tip = str(cell(page, 0, 2, Qt.ItemDataRole.ToolTipRole))
    assert "12..5" in tip
    # ...and the message line still names it, instead of being cleared by the good entry.
    assert page.message.isVisible()
    assert "12..5" in page.message.text() and "集成电路" in page.message.text()
    # Another refusal elsewhere, then a good entry elsewhere again: both stay marked.
    type_cell(qtbot, page, 3, 0, "abc")
    type_cell(qtbot, page, 4, 0, "1")
    assert set(page.entry_model.errors) == {(0, 2), (3, 0)}
    # Fixing the cell stores it and clears its mark; the other one stays.
    type_cell(qtbot, page, 0, 2, "12.5")
    assert year_grid(new_db, YEAR)[(ids[0], 3)] == Money.yi("12.5")
    assert cell(page, 0, 2) == "12.5"
    assert cell(page, 0, 2, Qt.ItemDataRole.BackgroundRole) is None
    assert set(page.entry_model.errors) == {(3, 0)}
    assert "abc" in page.message.text()


def test_an_amount_above_the_ceiling_is_refused_in_the_grid(qtbot: QtBot, new_db: Database) -> None:
    page = make_page(qtbot, new_db)
    type_cell(qtbot, page, 0, 0, "99999999")  # 99999999 亿元: the probe
    assert year_grid(new_db, YEAR) == {}
    assert page.message.isVisible()
    assert "10000" in page.message.text()  # the ceiling, 10000 亿元 (1 万亿元)
    assert cell(page, 0, 0) == "99999999"
    assert (0, 0) in page.entry_model.errors


# ---------------------------------------------------------------- fat fingers


def demo_page(qtbot: QtBot, demo_db: Database) -> tuple[RevenuePage, int, Money]:
    """The demo's 2024 grid; returns the first park's id and its stored March figure."""
    page = make_page(qtbot, demo_db)
    park = list_parks(demo_db)[0].id
    assert park is not None
    march = year_grid(demo_db, YEAR)[(park, 3)]
    return page, park, march


def test_typing_yuan_into_the_grid_asks_and_no_stores_nothing(
    qtbot: QtBot, demo_db: Database, answer_no: Answerer
) -> None:
    page, _, _ = demo_page(qtbot, demo_db)
    before = year_grid(demo_db, YEAR)
    type_cell(qtbot, page, 0, 2, "9000")  # 9000 亿元 for a park whose months are ~10 亿元
    assert len(answer_no.asked) == 1
    assert "9000" in answer_no.asked[0]
    assert year_grid(demo_db, YEAR) == before
    assert page.session.undo_stack.count() == 0
    current = page.entry_view.currentIndex()
    assert (current.row(), current.column()) == (0, 2)


def test_typing_a_large_figure_and_confirming_stores_it(
    qtbot: QtBot, demo_db: Database, answer_yes: Answerer
) -> None:
    page, park, _ = demo_page(qtbot, demo_db)
    type_cell(qtbot, page, 0, 2, "9000")
    assert len(answer_yes.asked) == 1
    assert year_grid(demo_db, YEAR)[(park, 3)] == Money.yi(9000)


def test_an_ordinary_figure_is_not_questioned(
    qtbot: QtBot, demo_db: Database, answer_no: Answerer
) -> None:
    page, park, _ = demo_page(qtbot, demo_db)
    type_cell(qtbot, page, 0, 3, "12.3456")
    assert answer_no.asked == []
    assert year_grid(demo_db, YEAR)[(park, 4)] == Money.yi("12.3456")


def test_pasting_a_fat_finger_asks_and_no_pastes_nothing(
    qtbot: QtBot, demo_db: Database, answer_no: Answerer
) -> None:
    page, _, _ = demo_page(qtbot, demo_db)
    before = year_grid(demo_db, YEAR)
    page.entry_view.setFocus()
    page.entry_view.go_to(0, 3)
    QApplication.clipboard().setText("10.5\t11.2\n5000\t9.8\n")
    qtbot.keyClick(page.entry_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(answer_no.asked) == 1
    assert "5000" in answer_no.asked[0]
    assert year_grid(demo_db, YEAR) == before


def drive(monkeypatch: pytest.MonkeyPatch, cls: type, steps: Callable[[object], None]) -> None:
    def fake_exec(dialog: object) -> int:
        dialog.show()  # type: ignore[attr-defined]
        steps(dialog)
        return int(dialog.result())  # type: ignore[attr-defined]

    monkeypatch.setattr(cls, "exec", fake_exec)


def planned_of(db: Database, name: str) -> int | None:
    value = db.scalar("SELECT planned_total_yuan FROM projects WHERE name = ?", [name])
    return None if value is None else int(value)


@pytest.fixture
def no_discard_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left open at the end of a test closes without asking about its edits."""
    monkeypatch.setattr(ProjectForm, "_confirm_discard", lambda self: True)


@pytest.mark.usefixtures("no_discard_question")
@pytest.mark.parametrize("yes", [False, True])
def test_a_project_planned_total_far_above_the_parks_largest_asks(
    qtbot: QtBot, demo_db: Database, yes: bool
) -> None:
    """Extra zeros: 5000 亿元 for a park whose largest project is about 34 亿元 (yuan or
    万元 typed into the 亿元 field are beyond the ceiling, refused outright)."""
    answerer = Answerer(qtbot, yes=yes)
    try:
        form = ProjectForm(Session(demo_db), park_id=list_parks(demo_db)[0].id)
        qtbot.addWidget(form)
        form.show()
        qtbot.keyClicks(form.name, "Fat finger project")
        qtbot.keyClicks(form.dates["signed_date"].line, "2024-03-01")  # a signed project's date
        qtbot.keyClicks(form.planned_total.line, "5000")
        assert form.save_button.isEnabled()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert len(answerer.asked) == 1
        assert "5000" in answerer.asked[0]
        if yes:
            assert planned_of(demo_db, "Fat finger project") == 5000 * 10**8
            assert not form.isVisible()
        else:
            assert (
                demo_db.scalar("SELECT count(*) FROM projects WHERE name = 'Fat finger project'")
                == 0
            )
            assert form.isVisible()  # the form stays open, the cursor in the amount
            assert form.focusWidget() is form.planned_total.line
    finally:
        answerer.stop()


@pytest.mark.usefixtures("no_discard_question")
def test_a_project_amount_above_the_ceiling_is_refused_beside_the_field(
    qtbot: QtBot, demo_db: Database
) -> None:
    form = ProjectForm(Session(demo_db), park_id=list_parks(demo_db)[0].id)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.name, "Ceiling project")
    qtbot.keyClicks(form.planned_total.line, "99999999")
    assert not form.save_button.isEnabled()
    assert "10000" in form.findChild(type(form.general_error), "message_planned_total").text()


@pytest.mark.parametrize("yes", [False, True])
def test_a_month_of_investment_far_above_the_parks_largest_asks(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, yes: bool
) -> None:
    from parktracker.services.projects import get_project, monthly_investment
    from parktracker.ui.dialogs.investment_grid import InvestmentGrid

    monkeypatch.setattr(InvestmentGrid, "_confirm_discard", lambda self: True)
    pid = int(demo_db.scalar("SELECT id FROM projects WHERE name = '翰博光电生产基地项目'"))
    project = get_project(demo_db, pid)
    assert project is not None
    before = {m.month: m.completed for m in monthly_investment(demo_db, pid)}
    answerer = Answerer(qtbot, yes=yes)
    try:
        grid = InvestmentGrid(Session(demo_db), project, year=2024)
        qtbot.addWidget(grid)
        grid.show()
        grid.unit_box.setCurrentIndex(grid.unit_box.findData(Unit.YI))
        grid.set_month(6, "900")  # 900 亿元 in one month, for a park of some 10 亿元 a month
        assert grid.save_button.isEnabled()
        qtbot.mouseClick(grid.save_button, Qt.MouseButton.LeftButton)
        assert len(answerer.asked) == 1 and "900" in answerer.asked[0]
        after = {m.month: m.completed for m in monthly_investment(demo_db, pid)}
        if yes:
            assert after[YearMonth(2024, 6)] == Money.yi(900)
        else:
            assert after == before
            assert grid.isVisible()
    finally:
        answerer.stop()


def test_a_month_of_investment_above_the_ceiling_keeps_save_disabled(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parktracker.services.projects import get_project
    from parktracker.ui.dialogs.investment_grid import InvestmentGrid

    monkeypatch.setattr(InvestmentGrid, "_confirm_discard", lambda self: True)
    pid = int(demo_db.scalar("SELECT id FROM projects WHERE name = '翰博光电生产基地项目'"))
    project = get_project(demo_db, pid)
    assert project is not None
    grid = InvestmentGrid(Session(demo_db), project, year=2024)
    qtbot.addWidget(grid)
    grid.show()
    grid.unit_box.setCurrentIndex(grid.unit_box.findData(Unit.YI))
    grid.set_month(6, "99999999")
    assert not grid.save_button.isEnabled()
    assert "10000" in grid.save_button.toolTip()


def test_fund_figures_far_above_the_largest_fund_ask_and_no_saves_nothing(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The largest fund scale reported is 12.6 亿元: a scale of 2000 亿元 is questioned."""
    from parktracker.services.fund_listing import get_fund
    from parktracker.ui.dialogs.fund_figures_form import FundFiguresForm

    monkeypatch.setattr(FundFiguresForm, "_confirm_discard", lambda self: True)
    fund_id = int(demo_db.scalar("SELECT min(id) FROM funds"))
    fund = get_fund(demo_db, fund_id)
    assert fund is not None
    before = demo_db.scalar("SELECT count(*) FROM fund_updates")
    answerer = Answerer(qtbot, yes=False)
    try:
        form = FundFiguresForm(Session(demo_db), fund)
        qtbot.addWidget(form)
        form.show()
        qtbot.keyClicks(form.date.line, "2024-03-31")  # the figures' date: never today unasked
        for edit, text in ((form.scale, "2000"), (form.paid_in, "5"), (form.invested, "4")):
            edit.line.clear()
            qtbot.keyClicks(edit.line, text)
        assert form.save_button.isEnabled()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert len(answerer.asked) == 1 and "2000" in answerer.asked[0]
        assert demo_db.scalar("SELECT count(*) FROM fund_updates") == before
        assert form.isVisible()
    finally:
        answerer.stop()
