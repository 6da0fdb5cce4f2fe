"""Render the project form and the stage dialog in both languages, as a 1280×720 screen shows
them, with dates typed in; keep the images (test-artifacts/date-forms/, not committed) and
check that each date, typed and echoed, is shown whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators, register_fonts
from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.i18n import language_from_environment, set_language
from parktracker.services.projects import create_project, get_project
from parktracker.storage.database import Database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.dialogs.stage_dialog import StageDialog
from parktracker.ui.session import Session
from parktracker.ui.widgets.date_field import WIDEST_DAY, DateField

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "date-forms"
D = dt.date


@pytest.fixture(params=["zh_CN", "en"])
def language(
    request: pytest.FixtureRequest, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    set_language(request.param)
    translators = install_translators(qapp, request.param)
    register_fonts()
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    set_language(language_from_environment())


def assert_whole(field: DateField) -> None:
    """The widest day fits the text box, and the echo shows its text unclipped."""
    metrics = field.line.fontMetrics()
    assert field.line.width() >= metrics.horizontalAdvance(WIDEST_DAY) + 8
    echo = field.echo
    assert echo.width() >= echo.fontMetrics().horizontalAdvance(echo.text())
    assert echo.isVisible() or not echo.text()


def save(widget: object, name: str, language: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # let the layout settle after the last keystroke
        QApplication.processEvents()
    image = widget.grab()  # type: ignore[attr-defined]
    assert image.width() <= 1280 and image.height() <= 720, (image.width(), image.height())
    assert image.save(str(ARTIFACTS / f"{language}-{name}.png"))


def test_render_project_form_with_dates(qtbot: QtBot, new_db: Database, language: str) -> None:
    pid = create_project(
        new_db,
        project=Project(
            1,
            "青岛芯片封装测试基地项目",
            Stage.UNDER_CONSTRUCTION,
            signed_date=D(2024, 12, 31),
            actual_start_date=D(2024, 12, 31),
        ),
        history=[(Stage.SIGNED, D(2024, 12, 31)), (Stage.UNDER_CONSTRUCTION, D(2024, 12, 31))],
    )
    project = get_project(new_db, pid)
    form = ProjectForm(Session(new_db), project)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.dates["planned_completion_date"].line, "2024-02-30")
    qtbot.keyClicks(form.dates["planned_start_date"].line, "20241231")
    for field in form.dates.values():
        assert_whole(field)
    save(form, "project-form", language)


def test_render_new_project_form(qtbot: QtBot, new_db: Database, language: str) -> None:
    form = ProjectForm(Session(new_db), park_id=1)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.name, "Test")
    qtbot.keyClicks(form.dates["planned_start_date"].line, "2024.3.15")
    for field in form.dates.values():
        assert_whole(field)
    save(form, "project-form-new", language)


def test_render_stage_dialog_terminating(qtbot: QtBot, new_db: Database, language: str) -> None:
    pid = create_project(
        new_db,
        project=Project(
            1,
            "青岛芯片封装测试基地项目",
            Stage.IN_PRODUCTION,
            signed_date=D(2022, 3, 1),
            actual_start_date=D(2022, 9, 1),
            production_date=D(2024, 1, 15),
        ),
    )
    project = get_project(new_db, pid)
    assert project is not None
    dialog = StageDialog(Session(new_db), project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    save(dialog, "stage-dialog-start", language)
    dialog.stage_box.setCurrentIndex(0)
    qtbot.keyClicks(dialog.date.line, "2024-12-31")
    assert_whole(dialog.date)
    save(dialog, "stage-dialog-terminating", language)
