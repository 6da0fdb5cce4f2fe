"""The dashboard's counts and the lists agree (issue 15 §5): a list that shows every record to
date says so, with the count as of the dashboard's date beside it."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from parktracker.domain.enums import Stage
from parktracker.services.summary import default_as_of, summarize
from parktracker.storage import parks
from parktracker.storage.database import Database
from parktracker.ui.pages.parks import ParksPage
from parktracker.ui.pages.platforms_enterprises import PlatformsEnterprisesPage
from parktracker.ui.session import Session

MARCH_END = dt.date(2024, 3, 31)


def test_the_enterprises_tab_gives_the_dashboards_count_beside_its_own(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = PlatformsEnterprisesPage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    summary = summarize(demo_db, as_of=default_as_of(demo_db))
    assert summary.as_of == MARCH_END and summary.enterprise_count == 214
    total = page.enterprises.record_count()
    assert total == 216  # two joined in April
    assert page.tabs.tabText(1) == "Enterprises 216 (as of 2024-03-31: 214)"
    assert "214 are dated on or before 2024-03-31" in page.tabs.tabToolTip(1)
    # A park filter: both counts follow it.
    tab = page.enterprises
    chip = parks.find(demo_db, "集成电路")
    assert chip is not None
    tab.park_filter.setCurrentIndex(tab.park_filter.findData(chip.id))
    chip_summary = summarize(demo_db, as_of=MARCH_END, park=chip)
    shown, then = tab.record_count(), tab.count_as_of(MARCH_END)
    assert then == chip_summary.enterprise_count
    expected = (
        f"Enterprises ({shown})"
        if shown == then
        else f"Enterprises {shown} (as of 2024-03-31: {then})"
    )
    assert page.tabs.tabText(1) == expected


def test_the_park_detail_says_why_its_list_and_tiles_differ(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = ParksPage(Session(demo_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    chip = parks.find(demo_db, "集成电路")
    assert chip is not None and chip.id is not None
    page.table.select_park(chip.id)
    page.table.open_selected()
    detail = page.detail
    signed_then = summarize(demo_db, as_of=MARCH_END, park=chip).pipeline[Stage.SIGNED].count
    signed_now = detail.projects.texts(1).count("Signed, awaiting start")
    assert (signed_then, signed_now) == (2, 4)  # two signed in April
    assert detail.tiles["signed"].value.text() == "2"
    note = detail.projects.note
    assert note.isVisible()
    assert note.text().startswith("The list shows every project in its stage today.")
    assert (
        "As of 2024-03-31, the figures above count Signed, awaiting start: 2 (4 in the list)"
        in (note.text())
    )
