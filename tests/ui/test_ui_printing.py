"""File → Print and Print Preview: the Warnings page prints its table (what the filters show)
with its summary; the dashboard prints as drawn; the preview dialog opens on the page."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from pytestqt.qtbot import QtBot

from parktracker.app import register_fonts
from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.services.parks import list_parks
from parktracker.services.projects import create_project
from parktracker.storage.database import Database
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.base import Page
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.pages.warnings import WarningsPage
from parktracker.ui.printing import new_printer, render, table_html
from parktracker.ui.session import Session
from tests.ui import test_ui_warnings as shared
from tests.ui.test_ui_projects import type_text

built_db = shared.built_db
chinese = shared.chinese
window = shared.window


def flat(text: str) -> str:
    """Text as extracted from a PDF, compared without the spaces and line breaks the
    extraction puts between runs; NFKC, as the font maps a few characters (目) to their
    Kangxi radical look-alikes (⽬, ⻚) and full-width punctuation folds to ASCII."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).replace("\u2eda", "页"))


def pdf_printer(path: Path, page: Page | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution) if page is None else new_printer(page)
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
    summary = [
        "截至2024年6月30日：红灯0个，黄灯1个（共6个）",
        "全部园区",
        "红灯和黄灯",
        "搜索：签约",
    ]
    assert "    ".join(summary) in text
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


def test_projects_page_prints_a_table_of_every_filtered_row_with_page_numbers(
    qtbot: QtBot, new_db: Database, tmp_path: Path, chinese: None
) -> None:
    """The Projects page prints as a table, not as drawn: the title, the date and filters,
    every row the search selects (beyond the screen), headings on each sheet, page numbers."""
    from pypdf import PdfReader

    register_fonts()  # as the app does at start: the bundled CJK font, with its text mapping
    park = list_parks(new_db)[0]
    assert park.id is not None
    for n in range(90):
        name = f"光电项目{n:03d}" if n % 3 else f"其他项目{n:03d}"
        create_project(new_db, project=Project(park.id, name, Stage.NEGOTIATING))
    page = ProjectsPage(Session(new_db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    type_text(qtbot, page.search, "光电")
    title, summary, model = page.print_table()  # type: ignore[misc]
    assert title == "项目" and model.rowCount() == 60
    assert f"截至{dt.date.today().isoformat()}" in summary and "搜索：光电" in summary
    assert "60个项目" in summary
    out = tmp_path / "projects.pdf"
    printer = pdf_printer(out, page)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    render(page, printer)
    reader = PdfReader(out)
    pages = [flat(p.extract_text()) for p in reader.pages]
    assert len(pages) >= 2
    text = "".join(pages)
    expected = [f"光电项目{n:03d}" for n in range(90) if n % 3]
    assert [name for name in expected if name not in text] == []
    assert "其他项目" not in text
    for number, sheet in enumerate(pages, start=1):
        assert flat(f"第{number}页，共{len(pages)}页") in sheet
        assert "在当前阶段" in sheet  # the headings repeat on every sheet
    (Path("test-artifacts") / "printing").mkdir(parents=True, exist_ok=True)
    shutil.copy(out, Path("test-artifacts") / "printing" / "projects.pdf")
