"""The welcome panel: shown on a database with nothing entered, gone once there is data,
back from Help → Welcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_ui_projects import drive, type_text

from parktracker.app import install_translators
from parktracker.domain.enums import Stage
from parktracker.storage.database import Database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session
from parktracker.ui.welcome import WelcomePanel
from parktracker.ui.window_factory import build_window


@pytest.fixture(autouse=True)
def _chinese_ui(qapp: QApplication) -> Iterator[None]:
    """The default UI language, as the application installs it."""
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _window(qtbot: QtBot, db: Database, *, demo: bool = False) -> MainWindow:
    window = build_window(Session(db, demo=demo))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def _panel(window: MainWindow) -> WelcomePanel:
    assert isinstance(window.welcome, WelcomePanel)
    return window.welcome


def test_empty_database_shows_the_welcome_panel_with_its_choices(
    qtbot: QtBot, new_db: Database
) -> None:
    panel = _panel(_window(qtbot, new_db))
    assert panel.isVisible()
    assert panel.title.text() == "欢迎使用园区项目投资跟踪"
    assert panel.enter_button.isVisible() and panel.enter_button.text().startswith("开始录入数据")
    assert panel.demo_button.isVisible() and panel.demo_button.text().startswith("打开演示数据")
    # File → Import… is the panel's import choice.
    assert panel.import_button.isVisible()
    assert panel.import_button.text().startswith("导入")


def test_database_with_data_or_a_demo_copy_shows_no_panel(qtbot: QtBot, demo_db: Database) -> None:
    assert not _panel(_window(qtbot, demo_db)).isVisible()
    assert not _panel(_window(qtbot, demo_db, demo=True)).isVisible()


def test_help_welcome_brings_the_panel_back(qtbot: QtBot, demo_db: Database) -> None:
    window = _window(qtbot, demo_db)
    panel = _panel(window)
    assert not panel.isVisible()
    window.menus.welcome.trigger()
    assert panel.isVisible()
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()


def test_demo_button_asks_for_the_demo_dataset(qtbot: QtBot, new_db: Database) -> None:
    panel = _panel(_window(qtbot, new_db))
    with qtbot.waitSignal(panel.demo_requested, timeout=2000):
        qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)


def test_import_button_appears_with_an_import_action_and_triggers_it(
    qtbot: QtBot, new_db: Database
) -> None:
    window = _window(qtbot, new_db)
    panel = _panel(window)
    action = QAction("Import…", window)
    triggered: list[bool] = []
    action.triggered.connect(lambda: triggered.append(True))
    panel.set_import_action(action)
    assert panel.import_button.isVisible()
    with qtbot.waitSignal(panel.import_requested, timeout=2000):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert triggered == [True]


def test_start_entering_opens_the_project_form_and_the_panel_goes_once_saved(
    qtbot: QtBot, new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, new_db)
    panel = _panel(window)
    seen: list[str] = []

    def fill_in(dialog: object) -> None:
        form = dialog
        assert isinstance(form, ProjectForm)
        seen.append(form.windowTitle())
        form.park.setCurrentIndex(1)
        type_text(qtbot, form.name, "青岛首个录入项目")
        type_text(qtbot, form.company, "青岛测试科技有限公司")
        form.stage.setCurrentIndex(form.stage.findData(Stage.SIGNED))
        qtbot.keyClicks(form.planned_total.line, "3.5")
        form.dates["signed_date"].set_value(dt.date(2024, 2, 1))
        assert form.save_button.isEnabled()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, ProjectForm, fill_in)
    qtbot.mouseClick(panel.enter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert isinstance(window.current_page(), ProjectsPage)
    assert new_db.scalar("SELECT count(*) FROM projects") == 1
    assert not panel.isVisible()  # there is data now


def test_the_application_opens_the_demo_copy_from_the_panel(
    qtbot: QtBot, qapp: QApplication, tmp_path: object
) -> None:
    from pathlib import Path

    from parktracker.app import Controller

    controller = Controller(qapp)
    try:
        own = Path(str(tmp_path)) / "mine.db"
        assert controller.open(own)
        assert controller.window is not None and controller.session is not None
        panel = _panel(controller.window)
        qtbot.waitUntil(panel.isVisible, timeout=5000)
        qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.session is not None and controller.session.demo)
        assert controller.window is not None and controller.window.banner.isVisible()
        assert not _panel(controller.window).isVisible()
        assert own.exists()  # the user's own file is left as it was
        assert controller.opened is not None and controller.opened.db.path != own
    finally:
        controller.shutdown()
