"""The dashboard page: KPI cards and charts follow the as-of date, the scope and every edit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Project
from parktracker.domain.money import Money
from parktracker.domain.number_format import DEFAULT_FORMAT
from parktracker.domain.periods import YearMonth
from parktracker.services.parks import list_parks
from parktracker.services.projects import advance_stage, record_investment
from parktracker.services.revenue_entry import RevenueCell, set_monthly, year_grid
from parktracker.storage import card_snapshot
from parktracker.storage import projects as project_store
from parktracker.storage.database import Database
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.session import Session

NB = "\u00a0"
WAIT = 30_000  # ms: drawing five charts on a busy machine


def show_page(qtbot: QtBot, db: Database, *, width: int = 1280, height: int = 720) -> DashboardPage:
    page = DashboardPage(Session(db))
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    wait_charts(qtbot, page)
    return page


def wait_charts(qtbot: QtBot, page: DashboardPage) -> None:
    qtbot.waitUntil(lambda: not page.charts_pending(), timeout=WAIT)


def card(page: DashboardPage, key: str) -> str:
    return page.card_by_key[key].text()


def wait_card(qtbot: QtBot, page: DashboardPage, key: str, text: str) -> None:
    qtbot.waitUntil(lambda: text in card(page, key), timeout=WAIT)


def uc_total(page: DashboardPage) -> tuple[int, Money]:
    """Projects under construction in the pipeline chart's data: count and planned total."""
    data = page.chart_data["pipeline"]
    return (
        sum(data.counts[Stage.UNDER_CONSTRUCTION]),
        Money.total(data.amounts[Stage.UNDER_CONSTRUCTION]),
    )


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    from parktracker.app import install_translators

    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


# ---------------------------------------------------------------- the reference figures
def test_demo_as_of_2024_03_31_shows_the_reference_headline_figures(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = show_page(qtbot, demo_db)
    assert page.as_of == dt.date(2024, 3, 31)  # the end of the latest month with data
    assert page.as_of_edit.date() == QDate(2024, 3, 31)
    projects = card(page, "projects")
    assert f"Under construction: 50, planned 1351.4{NB}亿元" in projects
    assert f"Signed, awaiting start: 13, planned 337.9{NB}亿元" in projects
    capital = card(page, "capital")
    assert f"Funds: 20, total scale 172.6{NB}亿元" in capital
    assert f"Paid-in: 117.8{NB}亿元" in capital
    assert f"Invested: 106.8{NB}亿元" in capital
    assert "Provincial level or above: 25" in card(page, "innovation")
    revenue = card(page, "revenue")
    # One number format: 亿元 with one fixed decimal, percentages with one.
    assert f"2024 target: 1300.0{NB}亿元" in revenue
    assert f"Year to date: 250.9{NB}亿元 (19.3% of target)" in revenue
    # 序时进度: 3 of 12 months = 25.0%; 19.3% is 5.7 points behind.
    assert "Share of the year elapsed: 25.0%, behind by 5.7 percentage points" in revenue
    # (1300 - 250.9207) / 9 months = 116.5643667 亿元
    assert f"Still needed: 116.6{NB}亿元 a month over the remaining 9 months" in revenue
    # Each card compares with the same date a year earlier.
    assert "Since 2023-03-31:" in projects
    assert f"under construction +10 (+25.0%), planned +406.0{NB}亿元 (+42.9%)" in projects
    # The exact stored figures are one hover away.
    body = page.card_by_key["revenue"].body.toolTip()
    assert "Year to date: 250.9207 亿元 (19.3% of target)" in body
    assert "Still needed: 116.56436667 亿元" in body
    assert "Growth on the same period of 2023: +8.2%" in revenue
    # The charts show the same figures.
    assert uc_total(page) == (50, Money.yi(Decimal("1351.4")))
    funds = page.chart_data["funds"]
    assert Money.total(funds.scale) == Money.yi(Decimal("172.6"))
    assert page.chart_data["revenue-progress"].target == Money.yi(1300)


def test_the_reference_figures_in_chinese(qtbot: QtBot, demo_db: Database, chinese: None) -> None:
    page = show_page(qtbot, demo_db)
    assert f"在建项目：50个，计划总投资1351.4{NB}亿元" in card(page, "projects")
    assert f"已签约待开工项目：13个，计划总投资337.9{NB}亿元" in card(page, "projects")
    assert f"基金：20支，总规模172.6{NB}亿元" in card(page, "capital")
    assert f"实缴：117.8{NB}亿元（占总规模的68.3%）" in card(page, "capital")
    assert f"对外投资：106.8{NB}亿元（占实缴的90.7%）" in card(page, "capital")
    assert "省级及以上创新平台：25个" in card(page, "innovation")
    assert f"2024年目标：1300.0{NB}亿元" in card(page, "revenue")


def test_sample_data_is_marked_once_on_the_page_and_on_every_export(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = show_page(qtbot, demo_db)
    assert page.sample_label is not None and page.sample_label.isVisible()
    for key, kpi_card in page.card_by_key.items():
        assert "Sample data" not in kpi_card.text(), key
    for name, canvas in page.canvases.items():
        assert canvas.figure is not None, name
        texts = [t.get_text() for t in canvas.figure.texts]
        assert "Sample data" not in texts, (name, texts)  # the page's mark says it once
        # What leaves the app (files, the clipboard) carries the mark and the sample source.
        from parktracker.charts.build import build_figure
        from parktracker.ui.text import qt_tr

        exported = build_figure(page.data_of(name), page.chart_options(name), qt_tr)
        texts = [t.get_text() for t in exported.texts]
        assert "Sample data" in texts, (name, texts)
        assert any("sample data for demonstration only" in t for t in texts), texts


def test_a_new_database_has_no_sample_mark_and_charts_say_no_data(
    qtbot: QtBot, new_db: Database
) -> None:
    page = show_page(qtbot, new_db)
    assert page.sample_label is None
    figure = page.canvases["pipeline"].figure
    assert figure is not None
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    assert "No data" in texts
    assert "Sample data" not in [t.get_text() for t in figure.texts]


# ---------------------------------------------------------------- controls
def test_changing_the_as_of_date_and_the_scope_updates_cards_and_charts(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = show_page(qtbot, demo_db)
    drawn = page.canvases["pipeline"].draw_count

    page.as_of_edit.setFocus()
    page.as_of_edit.setDate(QDate(2023, 3, 31))
    wait_card(qtbot, page, "projects", f"Under construction: 40, planned 945.4{NB}亿元")
    wait_charts(qtbot, page)
    assert page.as_of == dt.date(2023, 3, 31)
    assert not page.follow_latest
    assert "Since 2022-03-31:" in card(page, "projects") or "No figures for 2022-03-31" in card(
        page, "projects"
    )
    assert uc_total(page) == (40, Money.yi(Decimal("945.4")))
    assert page.canvases["pipeline"].draw_count > drawn
    assert page.chart_data["pipeline"].context.as_of == dt.date(2023, 3, 31)

    # One park: the cards and the charts show that park only.
    # 青岛市人工智能产业园 on 2023-03-31: 6 projects under construction, planned 139.4 亿元
    # (counted in SQL from the stage history when this test was written).
    park = list_parks(demo_db)[1]
    assert park.name == "青岛市人工智能产业园"
    page.scope_box.setCurrentIndex(page.scope_box.findData(park.id))
    wait_card(qtbot, page, "projects", f"Under construction: 6, planned 139.4{NB}亿元")
    wait_charts(qtbot, page)
    assert park.name in page.heading.text()
    # One park: its projects under construction, one bar each (issue 15 §5).
    investment = page.chart_data["investment-by-park"]
    assert len(investment.parks) == 6
    assert Money.total(investment.planned) == Money.yi(Decimal("139.4"))
    assert uc_total(page) == (6, Money.yi(Decimal("139.4")))

    # Back to all parks and the latest month.
    page.scope_box.setCurrentIndex(0)
    page.latest_button.click()
    wait_card(qtbot, page, "projects", f"Under construction: 50, planned 1351.4{NB}亿元")
    assert page.follow_latest and page.as_of == dt.date(2024, 3, 31)


def test_typing_a_date_waits_for_a_pause(qtbot: QtBot, demo_db: Database) -> None:
    page = show_page(qtbot, demo_db)
    before = page.canvases["revenue-progress"].draw_count
    page.as_of_edit.setDate(QDate(2024, 2, 29))
    page.as_of_edit.setDate(QDate(2024, 1, 31))
    page.as_of_edit.setDate(QDate(2023, 12, 31))
    wait_card(qtbot, page, "revenue", "2023: no target set")
    wait_charts(qtbot, page)
    # Three dates typed in a row: the chart was rebuilt once, for the last one.
    assert page.canvases["revenue-progress"].draw_count == before + 1
    assert page.chart_data["revenue-progress"].year == 2023


# ---------------------------------------------------------------- edits anywhere
def _signed_project(db: Database, by: dt.date = dt.date(2024, 3, 31)) -> Project:
    for park in list_parks(db):
        assert park.id is not None
        for project in project_store.in_park(db, park.id):
            if project.stage is not Stage.SIGNED or project.planned_total is None:
                continue
            assert project.id is not None
            history = project_store.history(db, project.id)
            if history and history[-1].date <= by:
                return project  # signed by then, and no later change
    raise AssertionError("the demo has projects signed by March 2024")


def test_an_edit_undo_and_redo_update_the_card_and_the_chart(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = show_page(qtbot, demo_db)
    session = page.session
    project = _signed_project(demo_db)
    assert project.id is not None and project.planned_total is not None
    planned = Money.yi(Decimal("1351.4")) + project.planned_total
    pipeline = page.canvases["pipeline"]
    drawn, picture = pipeline.draw_count, pipeline.canvas.image  # type: ignore[union-attr]
    funds_drawn = page.canvases["funds"].draw_count

    session.perform(
        "开工",
        lambda db: advance_stage(
            db, project_id=project.id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 3, 31)
        ),
    )
    shown = DEFAULT_FORMAT.amount(planned).replace(" ", NB)
    wait_card(qtbot, page, "projects", f"Under construction: 51, planned {shown}")
    wait_charts(qtbot, page)
    assert uc_total(page) == (51, planned)
    assert pipeline.draw_count == drawn + 1  # redrawn, showing the project moved:
    assert pipeline.canvas.image != picture  # type: ignore[union-attr]
    assert page.canvases["funds"].draw_count == funds_drawn  # untouched: not redrawn
    assert project_store.get(demo_db, project.id).stage is Stage.UNDER_CONSTRUCTION  # type: ignore[union-attr]

    session.undo()
    wait_card(qtbot, page, "projects", f"Under construction: 50, planned 1351.4{NB}亿元")
    wait_charts(qtbot, page)
    assert uc_total(page) == (50, Money.yi(Decimal("1351.4")))
    session.redo()
    wait_card(qtbot, page, "projects", "Under construction: 51")
    wait_charts(qtbot, page)
    assert uc_total(page)[0] == 51


def test_new_revenue_moves_the_card_and_the_revenue_chart(qtbot: QtBot, demo_db: Database) -> None:
    page = show_page(qtbot, demo_db)
    park = list_parks(demo_db)[0]
    assert park.id is not None
    march = year_grid(demo_db, 2024)[(park.id, 3)]
    more = march + Money.yi(10)
    page.session.perform(
        "营收",
        lambda db: set_monthly(db, cells=[RevenueCell(park.id, YearMonth(2024, 3), more)]),
    )
    wait_card(qtbot, page, "revenue", f"Year to date: 260.9{NB}亿元")
    wait_charts(qtbot, page)
    assert page.chart_data["revenue-progress"].cumulative[-1] == Money.yi(Decimal("260.9207"))

    # One park's April figures do not move the as-of date: April counts once every park has
    # reported it (issue 15 §2). Then it moves on to the end of April (the user kept "latest").
    page.session.perform(
        "营收",
        lambda db: set_monthly(db, cells=[RevenueCell(park.id, YearMonth(2024, 4), more)]),
    )
    qtbot.waitUntil(lambda: "2024-04: Revenue reported by 1 of 8" in page.reporting_note.text())
    assert page.as_of == dt.date(2024, 3, 31)
    april = YearMonth(2024, 4)
    revenue = [RevenueCell(p.id or 0, april, more) for p in list_parks(demo_db)[1:]]
    investment = [
        MonthlyInvestment(int(r[0]), april, Money.wan(100))
        for r in demo_db.query("SELECT id FROM projects WHERE stage = 'under_construction'")
    ]

    def report_april(db: Database) -> None:
        set_monthly(db, cells=revenue)
        record_investment(db, entries=investment)

    page.session.perform("四月", report_april)
    qtbot.waitUntil(lambda: page.as_of == dt.date(2024, 4, 30), timeout=WAIT)
    qtbot.waitUntil(page.reporting_note.isHidden, timeout=WAIT)
    assert page.as_of_edit.date() == QDate(2024, 4, 30)
    wait_charts(qtbot, page)
    assert page.chart_data["revenue-progress"].months[-1] == 4


def test_a_burst_of_changes_redraws_once(qtbot: QtBot, demo_db: Database) -> None:
    page = show_page(qtbot, demo_db)
    park = list_parks(demo_db)[0]
    assert park.id is not None
    before = page.canvases["revenue-progress"].draw_count
    for amount in (11, 12, 13):
        page.session.perform(
            "营收",
            lambda db, a=amount: set_monthly(
                db, cells=[RevenueCell(park.id, YearMonth(2024, 3), Money.yi(a))]
            ),
        )
    wait_charts(qtbot, page)
    qtbot.waitUntil(lambda: page.canvases["revenue-progress"].draw_count > before, timeout=WAIT)
    # Nothing is left to do (no timer running, no chart queued or awaiting its paint), so the
    # count cannot grow any more: the three changes were drawn once.
    assert not page.charts_pending()
    assert not page._change_timer.isActive() and not page._chart_timer.isActive()
    assert page.canvases["revenue-progress"].draw_count == before + 1
    # The park's March went from 13.2192 to 13 亿元 (the last of the three amounts).
    assert page.chart_data["revenue-progress"].cumulative[-1] == Money.yi(Decimal("250.7015"))
    assert page.kpis is not None
    assert page.kpis.revenue.ytd == Money.yi(Decimal("250.7015"))
    wait_card(qtbot, page, "revenue", f"Year to date: 250.7{NB}亿元")


def test_an_edit_while_charts_are_being_redrawn_is_not_lost(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = show_page(qtbot, demo_db)
    project = _signed_project(demo_db, by=dt.date(2024, 3, 1))
    assert project.id is not None
    page.as_of_edit.setDate(QDate(2024, 3, 30))  # every chart is redrawn, one at a time
    qtbot.waitUntil(lambda: "pipeline" in page._queue, timeout=WAIT)
    qtbot.waitUntil(lambda: "investment-by-park" not in page._queue, timeout=WAIT)
    assert "pipeline" in page._queue  # the projects were fetched; the pipeline is still to come
    page.session.perform(
        "开工",
        lambda db: advance_stage(
            db, project_id=project.id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 3, 1)
        ),
    )
    wait_card(qtbot, page, "projects", "Under construction: 51")
    wait_charts(qtbot, page)
    assert uc_total(page)[0] == 51
    assert sum(page.chart_data["pipeline"].counts[Stage.SIGNED]) == 12


def test_a_hidden_dashboard_catches_up_when_shown(qtbot: QtBot, demo_db: Database) -> None:
    page = show_page(qtbot, demo_db)
    project = _signed_project(demo_db)
    assert project.id is not None
    page.hide()
    drawn = page.canvases["pipeline"].draw_count
    page.session.perform(
        "开工",
        lambda db: advance_stage(
            db, project_id=project.id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 3, 31)
        ),
    )
    # The change's timer fires and its refresh runs while the page is hidden: nothing is
    # fetched, queued or drawn (the signal, not a sleep, says the refresh has run).
    with qtbot.waitSignal(page._change_timer.timeout, timeout=WAIT):
        pass
    assert page._queue == []
    assert not page._chart_timer.isActive()
    assert page.canvases["pipeline"].draw_count == drawn  # nothing drawn while hidden
    assert uc_total(page)[0] == 50  # the data shown is still the old one
    page.show()
    wait_card(qtbot, page, "projects", "Under construction: 51")
    wait_charts(qtbot, page)
    assert page.canvases["pipeline"].draw_count == drawn + 1
    assert uc_total(page)[0] == 51


def test_charts_wait_for_the_first_paint(qtbot: QtBot, demo_db: Database) -> None:
    card_snapshot.forget(demo_db)  # no figures kept in the file
    page = DashboardPage(Session(demo_db))
    qtbot.addWidget(page)
    # Nothing is fetched or built before the page is shown: the frame paints first.
    assert f"1351.4{NB}亿元" not in card(page, "projects")
    assert all(c.canvas is None for c in page.canvases.values())
    assert all(c.placeholder.text() for c in page.canvases.values())
    page.show()
    wait_card(qtbot, page, "projects", f"1351.4{NB}亿元")
    wait_charts(qtbot, page)
    assert all(c.canvas is not None and c.draw_count >= 1 for c in page.canvases.values())


def test_figures_and_charts_are_made_off_the_gui_thread(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window keeps answering while the cards' figures are fetched and the charts drawn:
    both happen in other threads, and only the finished picture is shown here."""
    import threading

    from parktracker.charts import build
    from parktracker.ui.pages.dashboard import fetching

    threads: dict[str, set[int]] = {"fetch": set(), "build": set()}
    fetch, build_figure = fetching.fetch, build.build_figure

    def spy_fetch(*args: object, **kwargs: object) -> object:
        threads["fetch"].add(threading.get_ident())
        return fetch(*args, **kwargs)  # type: ignore[arg-type]

    def spy_build(*args: object, **kwargs: object) -> object:
        threads["build"].add(threading.get_ident())
        return build_figure(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fetching, "fetch", spy_fetch)
    monkeypatch.setattr(build, "build_figure", spy_build)
    page = show_page(qtbot, demo_db)
    assert f"1351.4{NB}亿元" in card(page, "projects")
    gui = threading.get_ident()
    assert threads["fetch"] and gui not in threads["fetch"]
    assert threads["build"] and gui not in threads["build"]
    # What is shown is the Figure that was drawn: its texts are there to read.
    figure = page.canvases["pipeline"].figure
    assert figure is not None and any(t.get_text() for t in figure.texts)
    canvas = page.canvases["pipeline"].canvas
    assert canvas is not None and canvas.image is not None and not canvas.image.isNull()


def test_the_pipeline_switch_shows_amounts(qtbot: QtBot, demo_db: Database) -> None:
    page = show_page(qtbot, demo_db)
    figure = page.canvases["pipeline"].figure
    page.measure_box.setCurrentIndex(page.measure_box.findData("amount"))
    wait_charts(qtbot, page)
    qtbot.waitUntil(lambda: page.canvases["pipeline"].figure is not figure, timeout=WAIT)
    new = page.canvases["pipeline"].figure
    assert new is not None
    assert "亿元" in " ".join(t.get_text() for t in new.texts)
    # The choice is kept with the window's settings.
    assert page.save_state()["pipeline"] == "amount"
    again = DashboardPage(Session(demo_db))
    qtbot.addWidget(again)
    again.restore_state(page.save_state())
    assert again.pipeline_measure() == "amount"


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_layout_fits_the_window_without_horizontal_scrolling(
    qtbot: QtBot, demo_db: Database, width: int, height: int
) -> None:
    page = show_page(qtbot, demo_db, width=width, height=height)
    viewport = page.scroll_area.viewport().width()
    assert page.content.width() <= viewport
    for kpi_card in page.cards:
        assert kpi_card.geometry().right() <= page.content.width()
        assert kpi_card.width() >= 250
    for canvas in page.canvases.values():
        assert canvas.geometry().right() <= page.content.width()
        assert canvas.width() >= 400
        assert canvas.canvas.height() >= 250
    assert page.scroll_area.verticalScrollBar().maximum() > 0  # the rest is reached by scrolling


def test_charts_wait_for_the_dashboard_when_another_page_came_first(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parktracker.ui import chart_loader
    from parktracker.ui.pages.projects import ProjectsPage
    from parktracker.ui.window_factory import build_window

    loads: list[object] = []
    load = chart_loader.load_charts

    def spy(callback: object) -> None:
        loads.append(callback)
        load(callback)  # type: ignore[arg-type]

    monkeypatch.setattr(chart_loader, "load_charts", spy)

    window = build_window(Session(demo_db))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    page = window.page_of(DashboardPage)
    assert isinstance(page, DashboardPage)
    window.show_page(window.page_of(ProjectsPage))  # as when the last session ended there
    window.show()
    qtbot.waitExposed(window)
    page._enable_charts()  # the after-first-paint call, arriving when the page is hidden
    for _ in range(50):
        QApplication.processEvents()
    # Nothing is loaded or drawn for a page nobody looks at...
    assert loads == []
    assert page.charts_pending()
    assert all(canvas.figure is None for canvas in page.canvases.values())
    # ...and everything is there once it shows.
    with qtbot.waitSignal(page.charts_ready, timeout=30_000):
        window.show_page(page)
    assert len(loads) == 1
    assert all(canvas.figure is not None for canvas in page.canvases.values())
