"""How long each project has been in its current stage (from the stage history): a sortable
column of the Projects page and a line beside the stage in the project form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators
from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.services.parks import list_parks
from parktracker.services.projects import create_project
from parktracker.storage.database import Database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session

AGE_COLUMN = 4


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def months_before(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 - months
    return dt.date(total // 12, total % 12 + 1, 1)


def build(db: Database) -> dict[str, dt.date]:
    """Three projects: signed five months ago (first of the month), signed then under
    construction 12 days ago, and one signed a year and a half ago that started later."""
    today = dt.date.today()
    park = list_parks(db)[0]
    assert park.id is not None
    five = months_before(today, 5)
    twelve_days = today - dt.timedelta(days=12)
    old = months_before(today, 18)
    plans = {
        "五个月项目": (Stage.SIGNED, [(Stage.SIGNED, five)]),
        "十二天项目": (
            Stage.UNDER_CONSTRUCTION,
            [(Stage.SIGNED, old), (Stage.UNDER_CONSTRUCTION, twelve_days)],
        ),
        "一年半项目": (Stage.SIGNED, [(Stage.SIGNED, old)]),
    }
    for name, (stage, history) in plans.items():
        create_project(db, project=Project(park.id, name, stage), history=history)
    return {"五个月项目": five, "十二天项目": twelve_days, "一年半项目": old}


def page_on(qtbot: QtBot, db: Database) -> ProjectsPage:
    page = ProjectsPage(Session(db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown(page: ProjectsPage) -> dict[str, str]:
    model = page.view.model()
    return {
        model.index(r, 1).data(): model.index(r, AGE_COLUMN).data() for r in range(model.rowCount())
    }


def test_projects_page_shows_and_sorts_the_time_in_the_stage(
    qtbot: QtBot, new_db: Database
) -> None:
    since = build(new_db)
    page = page_on(qtbot, new_db)
    header = page.view.model().headerData(AGE_COLUMN, Qt.Orientation.Horizontal)
    assert header.replace("\n", "") == "在当前阶段"
    assert shown(page) == {"五个月项目": "5个月", "十二天项目": "12天", "一年半项目": "18个月"}
    model = page.view.model()
    row = [model.index(r, 1).data() for r in range(model.rowCount())].index("十二天项目")
    tip = model.index(row, AGE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"自{since['十二天项目'].isoformat()}起处于此阶段"
    # Clicking the header sorts by time in the stage: shortest first, then the other way.
    header_view = page.view.horizontalHeader()
    x = header_view.sectionViewportPosition(AGE_COLUMN) + 10
    qtbot.mouseClick(header_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    if header_view.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        assert names == ["十二天项目", "五个月项目", "一年半项目"]
    else:
        assert names == ["一年半项目", "五个月项目", "十二天项目"]
    qtbot.mouseClick(header_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    reversed_names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert reversed_names == list(reversed(names))


def test_the_column_is_not_clipped_at_1280x720(qtbot: QtBot, new_db: Database) -> None:
    build(new_db)
    page = page_on(qtbot, new_db)
    view = page.view
    metrics = view.fontMetrics()
    width = view.horizontalHeader().sectionSize(AGE_COLUMN)
    for text in shown(page).values():
        assert metrics.horizontalAdvance(text) + 8 <= width


def test_project_form_says_how_long_the_project_is_in_its_stage(
    qtbot: QtBot, new_db: Database
) -> None:
    since = build(new_db)
    project_id = int(new_db.scalar("SELECT id FROM projects WHERE name = '十二天项目'"))
    from parktracker.services.projects import get_project

    project = get_project(new_db, project_id)
    assert project is not None
    form = ProjectForm(Session(new_db), project)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    label = form.findChild(QLabel, "stageAge")
    assert isinstance(label, QLabel) and label.isVisible()
    assert label.text() == f"12天（自{since['十二天项目'].isoformat()}起）"
    caption = form.form.labelForField(label)
    assert isinstance(caption, QLabel) and caption.text() == "在当前阶段"
