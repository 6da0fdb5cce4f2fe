"""File → Print and Print Preview: the Warnings page prints its table (what the filters show)
with its summary; the dashboard prints as drawn; the preview dialog opens on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from pytestqt.qtbot import QtBot

from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.dashboard import DashboardPage
from parktracker.ui.pages.warnings import WarningsPage
from parktracker.ui.printing import render, table_html
from tests.ui import test_ui_warnings as shared
from tests.ui.test_ui_projects import type_text

built_db = shared.built_db
chinese = shared.chinese
window = shared.window


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_warnings_page_prints_the_filtered_table(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = window.page_of(WarningsPage)
    assert isinstance(page, WarningsPage)
    window.show_page(page)
    page.date_edit.setDate(QDate(2024, 6, 30))
    shared.wait_loaded(qtbot, page)
    type_text(qtbot, page.search, "签约")
    title, summary, model = page.print_table()  # type: ignore[misc]
    text = table_html(title, summary, model)
    assert "签约久未开工项目" in text and "逾期未开工项目" not in text
    assert "<th>原因</th>" in text
    assert "截至2024年6月30日：红灯0个，黄灯1个（共6个）" in text
    out = tmp_path / "warnings.pdf"
    render(page, pdf_printer(out))
    assert out.read_bytes().startswith(b"%PDF")


def test_dashboard_prints_as_drawn(window: MainWindow, tmp_path: Path) -> None:
    page = window.page_of(DashboardPage)
    assert isinstance(page, DashboardPage)
    assert page.print_table() is None
    out = tmp_path / "dashboard.pdf"
    render(page, pdf_printer(out))
    assert out.stat().st_size > 10_000


def test_print_preview_from_the_file_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        shown.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    page = window.page_of(WarningsPage)
    assert isinstance(page, WarningsPage)
    window.show_page(page)
    window.menus.print_preview.trigger()
    assert shown == ["打印预览 — 预警"]
