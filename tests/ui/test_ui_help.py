"""Help → User Guide (使用说明), Help → About, File → Show Data Folder, and the menus' icons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators
from parktracker.i18n import set_language
from parktracker.services.about import BUNDLED_PARTS
from parktracker.storage.database import Database
from parktracker.ui.help_dialogs import AboutDialog, GuideDialog
from parktracker.ui.icons import ACTION_ICONS, action_icon, icon_dir
from parktracker.ui.main_window import MainWindow
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window

GUIDE_TOPICS_ZH = (
    "录入一个项目",
    "录入一个月的数据",
    "导出图表用于文稿",
    "备份与恢复",
    "把数据库交给同事",
)
GUIDE_TOPICS_EN = (
    "Enter a project",
    "Record a month's figures",
    "Export a chart for a document",
    "Back up and restore",
    "Hand the database to a colleague",
)


@pytest.fixture(autouse=True)
def _chinese_ui(qapp: QApplication) -> Iterator[None]:
    """The default UI language, as the application installs it."""
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    window = build_window(Session(db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _help_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().actions()[-1].menu()
    assert isinstance(menu, QMenu)
    return menu


def _open(qtbot: QtBot, window: MainWindow, text: str, kind: type) -> object:
    action = next(a for a in _help_menu(window).actions() if a.text() == text)
    action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind))
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_help_menu_has_the_guide_welcome_log_and_about(qtbot: QtBot, demo_db: Database) -> None:
    texts = [a.text() for a in _help_menu(_window(qtbot, demo_db)).actions() if a.text()]
    assert texts == ["使用说明(&G)", "欢迎页(&W)", "打开日志文件夹(&L)", "关于园区项目投资跟踪(&A)"]


def test_user_guide_opens_offline_in_chinese_with_every_topic(
    qtbot: QtBot, demo_db: Database
) -> None:
    dialog = _open(qtbot, _window(qtbot, demo_db), "使用说明(&G)", GuideDialog)
    assert isinstance(dialog, GuideDialog)
    assert dialog.windowTitle() == "使用说明"
    text = dialog.browser.toPlainText()
    for topic in GUIDE_TOPICS_ZH:
        assert topic in text
    assert "文件 → 另存副本" in text and "文件 → 从备份恢复" in text


def test_user_guide_in_english_for_the_english_ui(qtbot: QtBot) -> None:
    set_language("en")
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for topic in GUIDE_TOPICS_EN:
        assert topic in text
    assert "录入一个项目" not in text


def test_guide_names_menu_items_that_exist(qtbot: QtBot, demo_db: Database) -> None:
    """The guide's "File → …" steps name the menu items as the menus show them."""
    window = _window(qtbot, demo_db)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    items = {a.text().split("(&")[0].rstrip("…") for a in file_menu.actions() if a.text()}
    guide = (Path(str(icon_dir())).parents[1] / "guide" / "user-guide.zh_CN.md").read_text("utf-8")
    for named in ("另存副本", "立即备份", "从备份恢复", "打开", "显示数据文件夹"):
        assert named in items
        assert f"文件 → {named}" in guide


def test_about_shows_locations_and_licences_and_copies_details(
    qtbot: QtBot, demo_db: Database
) -> None:
    dialog = _open(qtbot, _window(qtbot, demo_db), "关于园区项目投资跟踪(&A)", AboutDialog)
    assert isinstance(dialog, AboutDialog)
    header = dialog.header.text()
    assert str(demo_db.path) in header
    assert str(demo_db.path.with_name("demo-backups")) in header
    licences = dialog.licences.toPlainText()
    for needed in ("Noto Sans SC", "SIL Open Font License 1.1", "GNU LGPL 3.0", "matplotlib"):
        assert needed in licences
    assert "Matplotlib License" in licences and "openpyxl" in licences
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("ParkTracker 0.")
    assert f"Database: {demo_db.path}" in copied
    assert "Backups: " in copied and "Log folder: " in copied
    assert dialog.copy_button.text() == "已复制"


def test_licence_texts_ship_with_the_app() -> None:
    folder = icon_dir().parents[1] / "licenses"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (folder / "LGPL-3.0.txt").read_text("utf-8")
    assert (
        "SIL OPEN FONT LICENSE"
        in (icon_dir().parents[1] / "fonts" / "OFL.txt").read_text("utf-8").upper()
    )


def test_every_runtime_dependency_is_listed_with_its_licence() -> None:
    """A new dependency must be added to About's list (it ships in the desktop bundle)."""
    import re
    from importlib import metadata

    def name(requirement: str) -> str:
        return re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")

    seen: set[str] = set()
    todo = ["parktracker"]
    while todo:
        dist = metadata.distribution(todo.pop())
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            dep = name(requirement)
            if dep in seen:
                continue
            try:
                metadata.distribution(dep)
            except metadata.PackageNotFoundError:
                continue  # an optional, platform-only dependency not installed here
            seen.add(dep)
            todo.append(dep)
    listed = {p.distribution for p in BUNDLED_PARTS if p.distribution}
    # sqlite-utils requires pip for its own `install` command; nothing imports it, so the
    # desktop bundle does not contain it.
    assert seen - listed - {"pip"} == set()


def test_show_data_folder_opens_the_data_folder(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parktracker.services.workspace import data_dir

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = _window(qtbot, demo_db)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    action = next(a for a in file_menu.actions() if a.text() == "显示数据文件夹(&D)")
    action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [data_dir()]


def test_menu_actions_use_the_one_bundled_icon_set(qtbot: QtBot, demo_db: Database) -> None:
    window = _window(qtbot, demo_db)
    ours = {action_icon(name).cacheKey() for name in ACTION_ICONS.values()}
    for menu_action in window.menuBar().actions()[:2] + window.menuBar().actions()[-1:]:
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert not action.icon().isNull(), action.text()
            assert action.icon().cacheKey() in ours, action.text()


def test_a_window_shown_lazily_gets_its_menu_icons_once_its_first_page_is_drawn(
    qtbot: QtBot, demo_db: Database
) -> None:
    """As the application shows its window: no icon (Qt's SVG engine) before the first page
    is drawn, every menu's icons right after."""
    from parktracker.ui.startup import when_drawn

    window = build_window(Session(demo_db), lazy=True)
    qtbot.addWidget(window)
    assert window.menus.quit.icon().isNull()
    drawn: list[bool] = []
    window.first_page_shown.connect(lambda page: when_drawn(page, lambda: drawn.append(True)))
    window.show()
    qtbot.waitUntil(lambda: bool(drawn), timeout=10_000)
    ours = {action_icon(name).cacheKey() for name in ACTION_ICONS.values()}
    for attribute in ("quit", "open_db", "undo", "about"):
        assert getattr(window.menus, attribute).icon().cacheKey() in ours, attribute
    export = window.menus.exports.current_table
    assert export.icon().cacheKey() == action_icon("export").cacheKey()


def test_icon_set_is_one_style() -> None:
    """Same grid, stroke colour, width and caps in every icon: not a mixture of styles."""
    files = sorted(icon_dir().glob("*.svg"))
    assert {f.stem for f in files} >= set(ACTION_ICONS.values())
    for path in files:
        head = path.read_text("utf-8").split(">", 1)[0]
        for attribute in (
            'viewBox="0 0 24 24"',
            'fill="none"',
            'stroke="#1f4e79"',
            'stroke-width="2"',
            'stroke-linecap="round"',
        ):
            assert attribute in head, (path.name, attribute)
        assert not action_icon(path.stem).pixmap(16, 16).isNull()
