"""Pages refresh on what a write, undo or redo changed (its meanings), and only then.

A page that did not reload is seen by what it still shows: a row renamed behind the session's
back (straight in the file, with no notice) stays as it was on screen until a write of the
page's own kind of record arrives."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import PlatformKind, PlatformLevel
from parktracker.domain.models import Enterprise, Platform
from parktracker.services.changes import Changes
from parktracker.services.fund_listing import list_funds
from parktracker.services.funds import update_fund
from parktracker.services.parks import list_parks
from parktracker.services.platforms_enterprises import add_enterprise, add_platform
from parktracker.storage.database import Database
from parktracker.ui.pages.dashboard.fetching import CHART_NAMES, cards_touched, charts_touched
from parktracker.ui.pages.funds import FundsPage
from parktracker.ui.pages.platforms_enterprises import PlatformsEnterprisesPage
from parktracker.ui.session import Session


def _rename_behind_the_back(db: Database, table: str, row_id: int, name: str) -> None:
    """A change no notice announces (as if another program wrote it)."""
    with db.atomic():
        db.conn.execute(f"UPDATE [{table}] SET name = ? WHERE id = ?", [name, row_id])


def _names(page: object) -> list[str]:
    proxy = page.proxy  # type: ignore[attr-defined]
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def _platform(db: Database, name: str) -> Platform:
    park = list_parks(db)[0]
    assert park.id is not None
    return Platform(park.id, name, PlatformLevel.MUNICIPAL, PlatformKind.KEY_LAB)


def test_session_announces_the_meanings_of_a_write_its_undo_and_its_redo(
    demo_db: Database,
) -> None:
    session = Session(demo_db)
    heard: list[Changes] = []
    session.changed.connect(heard.append)
    fund = list_funds(demo_db)[0].fund

    session.perform(
        "Edit fund", lambda db: update_fund(db, fund=dataclasses.replace(fund, notes="改"))
    )
    session.undo()
    session.redo()

    assert [c.meanings for c in heard] == [frozenset({"funds"})] * 3
    assert all(isinstance(c, Changes) for c in heard)
    expected_parks = frozenset() if fund.park_id is None else frozenset({fund.park_id})
    assert heard[0].park_ids == expected_parks


def test_funds_page_reloads_on_a_fund_change_and_not_on_a_platform_change(
    qtbot: QtBot, demo_db: Database
) -> None:
    session = Session(demo_db)
    page = FundsPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    first, second = list_funds(demo_db)[:2]
    assert first.name in _names(page)
    _rename_behind_the_back(demo_db, "funds", first.fund.id or 0, "改名的基金")

    session.perform("Add platform", lambda db: add_platform(db, platform=_platform(db, "新平台")))
    QApplication.processEvents()
    assert first.name in _names(page)  # a platform changed: the funds were not read again
    assert "改名的基金" not in _names(page)

    fund = second.fund
    session.perform(
        "Edit fund", lambda db: update_fund(db, fund=dataclasses.replace(fund, notes="改"))
    )
    QApplication.processEvents()
    assert "改名的基金" in _names(page)  # a fund changed: the page read them all again
    assert first.name not in _names(page)


def test_platforms_tab_reloads_on_a_platform_change_and_the_enterprises_tab_does_not(
    qtbot: QtBot, demo_db: Database
) -> None:
    session = Session(demo_db)
    page = PlatformsEnterprisesPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.tabs.setCurrentWidget(page.enterprises)
    QApplication.processEvents()
    enterprise = page.enterprises.proxy.visible_records()[0]
    _rename_behind_the_back(demo_db, "enterprises", enterprise.id, "改名的企业")

    session.perform("Add platform", lambda db: add_platform(db, platform=_platform(db, "新平台")))
    QApplication.processEvents()
    assert enterprise.name in _names(page.enterprises)  # not read again
    assert "改名的企业" not in _names(page.enterprises)
    page.tabs.setCurrentWidget(page.platforms)  # the hidden tab reads its rows when shown
    QApplication.processEvents()
    assert "新平台" in _names(page.platforms)
    page.tabs.setCurrentWidget(page.enterprises)
    QApplication.processEvents()
    assert "改名的企业" not in _names(page.enterprises)

    park = list_parks(demo_db)[0].id or 0
    session.perform(
        "Add enterprise",
        lambda db: add_enterprise(db, enterprise=Enterprise(park, "新企业", frozenset())),
    )
    QApplication.processEvents()
    assert {"新企业", "改名的企业"} <= set(_names(page.enterprises))

    session.undo()  # the undo of an enterprise write reloads the enterprises again
    QApplication.processEvents()
    assert "新企业" not in _names(page.enterprises)
    assert "改名的企业" in _names(page.enterprises)


def test_dashboard_redraws_only_the_charts_a_meaning_touches() -> None:
    everything = set(CHART_NAMES)
    assert charts_touched(Changes.of("revenue"), one_park=False) == {"revenue-progress"}
    assert charts_touched(Changes.of("targets"), one_park=False) == {"revenue-progress"}
    assert charts_touched(Changes.of("funds"), one_park=False) == {"funds"}
    assert charts_touched(Changes.of("investment"), one_park=False) == {
        "investment-by-park",
        "monthly-investment",
    }
    assert charts_touched(Changes.of("stages"), one_park=False) == {
        "investment-by-park",
        "pipeline",
    }
    assert charts_touched(Changes.of("projects"), one_park=False) == {
        "investment-by-park",
        "pipeline",
    }
    assert "monthly-investment" in charts_touched(Changes.of("projects"), one_park=True)
    assert charts_touched(Changes.of("parks"), one_park=False) == everything
    assert charts_touched(Changes.of("workspace"), one_park=False) == everything
    for meaning in ("platforms", "enterprises", "plans", "problems", "settings", "briefings"):
        assert charts_touched(Changes.of(meaning), one_park=False) == set(), meaning
    # The cards count platforms and enterprises; the warning counts follow plans, problems
    # and settings; an issued briefing shows on neither.
    for meaning in ("platforms", "enterprises", "plans", "problems", "settings", "revenue"):
        assert cards_touched(Changes.of(meaning)), meaning
    assert not cards_touched(Changes.of("briefings"))
    assert not cards_touched(Changes())
