"""The revenue page's reporting grid (报送情况): which parks have reported which months."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import CellStatus
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import parks
from parktracker.storage.database import Database
from parktracker.ui.models.reporting_model import STATUS_ROLE
from parktracker.ui.pages.revenue import RevenuePage
from parktracker.ui.session import Session


def test_the_grid_shows_who_reported_april(qtbot: QtBot, demo_db: Database) -> None:
    chip = parks.find(demo_db, "集成电路")
    ai = parks.find(demo_db, "人工智能")
    assert chip is not None and chip.id is not None and ai is not None and ai.id is not None
    set_monthly(demo_db, cells=[RevenueCell(chip.id, YearMonth(2024, 4), Money.yi(30))])
    page = RevenuePage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    tabs = page.lower_tabs
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center()
    )
    assert tabs.currentWidget() is page.reporting_view
    assert page.reporting_view.isVisible()
    model = page.reporting_model

    def shown(row: int, month: int) -> tuple[str, str]:
        index = model.index(row, month - 1)
        return model.headerData(row, Qt.Orientation.Vertical), index.data()

    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(2)] == [
        "集成电路",
        "人工智能",
    ]
    assert shown(0, 3) == ("集成电路", "Reported")
    assert shown(0, 4) == ("集成电路", "No invest.")  # revenue in, investment not
    assert shown(1, 4) == ("人工智能", "Missing")
    assert model.index(1, 4).data() is None  # May has not come: blank
    tooltip = model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Revenue: Reported\nInvestment: Not reported"
    colours = {
        model.index(r, c).data(STATUS_ROLE): model.index(r, c).data(Qt.ItemDataRole.BackgroundRole)
        for r, c in ((0, 2), (0, 3), (1, 3))
    }
    assert all(isinstance(b, QBrush) for b in colours.values())
    assert len({b.color().name() for b in colours.values()}) == 3  # three statuses, three colours
    assert set(colours) == {CellStatus.REPORTED, CellStatus.INVESTMENT_MISSING,
                            CellStatus.NOT_REPORTED}  # fmt: skip
    assert "2024-04: Revenue reported by 1 of 8 parks" in page.progress.text()

    # AI's April revenue typed into the grid: its cell follows.
    page.entry_view.setFocus()
    page.entry_view.go_to(1, 3)
    qtbot.keyClicks(page.entry_view, "12.5")
    qtbot.keyClick(page.entry_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(1, 4) == ("人工智能", "No invest."))
    assert "2024-04: Revenue reported by 2 of 8 parks" in page.progress.text()


APRIL = YearMonth(2024, 4)


def _shown_then_hidden(qtbot: QtBot, db: Database) -> RevenuePage:
    """The Revenue page with 集成电路's April revenue in and no April investment, shown and
    then hidden (another page shows; the projects are edited there)."""
    chip = parks.find(db, "集成电路")
    assert chip is not None and chip.id is not None
    set_monthly(db, cells=[RevenueCell(chip.id, APRIL, Money.yi(30))])
    page = RevenuePage(Session(db))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.reporting_model.index(0, 3).data() == "No invest."
    page.hide()
    return page


def _record_chip_investment(page: RevenuePage) -> None:
    """April investment for each of 集成电路's projects under construction, as an edit."""
    from parktracker.domain.models import MonthlyInvestment
    from parktracker.services.projects import record_investment

    db = page.session.db
    chip = parks.find(db, "集成电路")
    assert chip is not None
    projects = [
        int(r[0])
        for r in db.query(
            "SELECT id FROM projects WHERE park_id = ? AND stage = 'under_construction'",
            [chip.id],
        )
    ]
    entries = [MonthlyInvestment(pid, APRIL, Money.wan(500)) for pid in projects]
    page.session.perform("投资", lambda d: record_investment(d, entries=entries))


def test_the_grid_follows_investment_recorded_elsewhere(qtbot: QtBot, demo_db: Database) -> None:
    page = _shown_then_hidden(qtbot, demo_db)
    _record_chip_investment(page)
    assert page.reporting_model.index(0, 3).data() == "No invest."  # not counted while hidden
    page.show()
    qtbot.waitExposed(page)
    assert page.reporting_model.index(0, 3).data() == "Reported"
    assert page.reporting_model.index(1, 3).data() == "Missing"


def test_investment_recorded_while_hidden_is_counted_after_a_later_revenue_edit(
    qtbot: QtBot, demo_db: Database
) -> None:
    """Projects edited elsewhere, then a revenue figure: the grid counts the investment again
    when it shows (a revenue edit alone keeps the investment as counted)."""
    ai = parks.find(demo_db, "人工智能")
    assert ai is not None and ai.id is not None
    page = _shown_then_hidden(qtbot, demo_db)
    _record_chip_investment(page)
    cell = RevenueCell(ai.id, APRIL, Money.yi(12))
    page.session.perform("营收", lambda db: set_monthly(db, cells=[cell]))
    page.show()
    qtbot.waitExposed(page)
    assert page.reporting_model.index(0, 3).data() == "Reported"
    assert page.reporting_model.index(1, 3).data() == "No invest."
