"""File → Export: the table on show with its filter, the whole database, park templates, and
a clear message when the file cannot be written."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from test_ui_date_entry import type_text  # ASCII as key clicks, 年月 as IME commits
from test_ui_projects import drive, search  # the helpers of the page's own tests

from parktracker.app import install_translators
from parktracker.io import safe_file
from parktracker.storage.database import Database
from parktracker.ui.dialogs.template_dialog import TemplateDialog
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.funds import FundsPage
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window

XLSX = "Excel 工作簿 (*.xlsx)"
CSV = "CSV，UTF-8 编码 (*.csv)"


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    """The GUI in its default language, Chinese, as the user sees it."""
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def window_on(qtbot: QtBot, db: Database) -> MainWindow:
    window = build_window(Session(db, demo=True))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def answer_save(
    monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = XLSX
) -> list[str]:
    asked: list[str] = []

    def save(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.extend([title, start, filters])
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return asked


def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: shown.append(f"{title}: {text}")
    )
    return shown


def test_export_the_projects_shown_by_the_search(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, demo_db)
    window.nav.setCurrentRow(2)
    page = window.current_page()
    assert isinstance(page, ProjectsPage)
    assert window.menus.exports.current_table.isEnabled()
    search(qtbot, page, "光电")
    shown = [page.view.model().index(r, 1).data() for r in range(page.view.model().rowCount())]
    assert len(shown) >= 1

    asked = answer_save(monkeypatch, tmp_path / "光电项目")  # no ending typed: the filter's
    window.menus.exports.current_table.trigger()
    assert asked[0] == "导出当前表格" and asked[2] == f"{XLSX};;{CSV}"
    path = tmp_path / "光电项目.xlsx"
    ws = load_workbook(path)["项目"]
    assert [r[2].value for r in ws.iter_rows(min_row=3)] == shown
    assert str(ws["A1"].value).endswith("示例数据")
    assert f"已导出到{path}" in window.statusBar().currentMessage()


def test_export_the_funds_of_one_park_as_csv(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, demo_db)
    window.nav.setCurrentRow(3)
    page = window.current_page()
    assert isinstance(page, FundsPage)
    combo = page.park_filter
    combo.setFocus()
    target = next(i for i in range(combo.count()) if "集成电路" in combo.itemText(i))
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == target
    visible = page.proxy.rowCount()
    answer_save(monkeypatch, tmp_path / "funds.csv", CSV)
    window.menus.exports.current_table.trigger()
    lines = (tmp_path / "funds.csv").read_text("utf-8-sig").splitlines()
    assert lines[1].startswith("基金名称,所属园区,")
    assert len(lines) == 2 + visible
    assert all(",青岛市集成电路产业园," in line for line in lines[2:])


def test_dashboard_has_no_current_table_but_the_whole_database_exports(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, demo_db)
    assert not window.menus.exports.current_table.isEnabled()  # the dashboard
    asked = answer_save(monkeypatch, tmp_path / "all.xlsx")
    window.menus.exports.whole_database.trigger()
    assert asked[2] == XLSX
    wb = load_workbook(tmp_path / "all.xlsx")
    assert wb.sheetnames == ["项目", "月度投资", "基金", "营收", "创新平台", "企业", "问题清单"]


def test_a_file_open_in_excel_is_explained_and_left_alone(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, demo_db)
    target = tmp_path / "open.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(safe_file.os, "replace", locked)
    shown = warnings_shown(monkeypatch)
    answer_save(monkeypatch, target)
    window.menus.exports.whole_database.trigger()
    assert len(shown) == 1
    assert shown[0].startswith("未导出: 无法替换")
    assert "Excel或WPS" in shown[0]
    assert target.read_bytes() == b"open in Excel"
    assert window.cursor().shape() == Qt.CursorShape.ArrowCursor


def first_park(qtbot: QtBot, dialog: TemplateDialog) -> None:
    combo = dialog.findChild(QComboBox, "templatePark")
    assert combo is not None
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the first park after "every park"


def test_template_for_one_park_through_the_dialog(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, demo_db)

    def choose(dialog: object) -> None:
        assert isinstance(dialog, TemplateDialog)
        first_park(qtbot, dialog)
        month = dialog.month.line
        qtbot.mouseClick(month, Qt.MouseButton.LeftButton)
        qtbot.keyClick(month, Qt.Key.Key_Down)  # one month earlier, as the month picker did
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    drive(monkeypatch, TemplateDialog, choose)
    from parktracker.services.templates import default_month

    month = default_month().add(-1)
    asked = answer_save(monkeypatch, tmp_path / "ic.xlsx")
    window.menus.exports.templates.trigger()
    assert asked[1].endswith(f"青岛市集成电路产业园-{month}.xlsx")
    wb = load_workbook(tmp_path / "ic.xlsx")
    assert wb.sheetnames == ["项目", "月度投资", "营收", "基金"]
    assert wb["营收"]["B3"].value.strftime("%Y-%m") == str(month)
    assert wb["项目"].protection.sheet


@pytest.mark.parametrize("typed", ["2024年2月", "2024-02", "202402", "2024/2"])
def test_template_month_typed_as_people_write_it(
    typed: str,
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The month of the figures is typed (2024年2月, 2024-02…) and Enter exports it; a text
    that is no month keeps the dialog open and says why."""
    window = window_on(qtbot, demo_db)
    seen: list[str] = []

    def choose(dialog: object) -> None:
        assert isinstance(dialog, TemplateDialog)
        first_park(qtbot, dialog)
        line = dialog.month.line
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
        qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(line, "2024-13")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # not exported for a month that does not exist
        seen.append(dialog.month.echo.text())
        qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, line, typed)
        seen.append(dialog.month.echo.text())
        qtbot.keyClick(line, Qt.Key.Key_Return)  # Enter: the month, then Export

    drive(monkeypatch, TemplateDialog, choose)
    asked = answer_save(monkeypatch, tmp_path / "ic.xlsx")
    window.menus.exports.templates.trigger()
    assert seen == ["2024-13不是有效日期", "2024年2月"]
    assert asked[1].endswith("青岛市集成电路产业园-2024-02.xlsx")
    wb = load_workbook(tmp_path / "ic.xlsx")
    assert wb["营收"]["B3"].value.strftime("%Y-%m") == "2024-02"
