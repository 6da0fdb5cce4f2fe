"""Exporting dashboard charts from the export dialog, and reading the files back."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.storage.database import Database
from parktracker.ui.dialogs.chart_export_dialog import ChartExportDialog
from parktracker.ui.pages.dashboard.fetching import CHART_NAMES
from parktracker.ui.pages.dashboard.page import DashboardPage
from parktracker.ui.session import Session

SVG = "{http://www.w3.org/2000/svg}"
TITLE = "二〇二四年一季度各园区项目推进情况"
SOURCE = "数据来源：市发展改革委（测试脚注）"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


@pytest.fixture
def page(qtbot: QtBot, demo_db: Database) -> DashboardPage:
    shown = DashboardPage(Session(demo_db))
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: not shown.charts_pending(), timeout=30_000)
    return shown


def open_from_menu(qtbot: QtBot, page: DashboardPage, name: str, fmt: str) -> ChartExportDialog:
    """Right-click the chart and choose Save as <fmt>…: the dialog opens without blocking."""
    canvas = page.canvases[name]
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(40, 40), canvas.mapToGlobal(QPoint(40, 40))
    )
    QApplication.sendEvent(canvas, event)
    qtbot.waitUntil(canvas.menu.isVisible)
    canvas.save_actions[fmt].trigger()
    canvas.menu.hide()
    dialog = page.export_dialog
    assert isinstance(dialog, ChartExportDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_save_one_chart_with_an_edited_title_and_footnote(
    qtbot: QtBot, page: DashboardPage, tmp_path: Path, fmt: str
) -> None:
    dialog = open_from_menu(qtbot, page, "pipeline", fmt)
    assert dialog.fmt() == fmt
    figure = page.canvases["pipeline"].figure
    assert figure is not None
    assert dialog.title_edit.text() == figure.get_label()  # the chart's own title to edit
    assert dialog.source_edit.text()  # the default data-source footnote
    assert dialog.path_edit.text().endswith("." + fmt)
    dialog.title_edit.clear()
    dialog.title_edit.setFocus()
    commit = QInputMethodEvent("", [])  # Chinese arrives as an input method commits it
    commit.setCommitString(TITLE)
    QApplication.sendEvent(dialog.title_edit, commit)
    assert dialog.title_edit.text() == TITLE
    dialog.source_edit.setText(SOURCE)
    target = tmp_path / f"管线.{fmt}"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    assert saved.args == [[target]]
    assert not dialog.isVisible()
    data = target.read_bytes()
    if fmt == "png":
        assert png_size(data) == (1889, 1181)  # 16 × 10 cm at 300 dpi
    elif fmt == "svg":
        root = ElementTree.fromstring(data)
        assert root.tag == SVG + "svg"
        assert root.findtext(SVG + "title") == TITLE
        assert root.get("width") == "453.543307pt"  # 16 cm
        assert list(root.iter(SVG + "path"))  # the text, as glyph outlines
    else:
        assert data.startswith(b"%PDF")
        assert b"/FontFile2" in data  # the Chinese font embedded
        assert pdf_pages(data) == 1
    assert page.status.text() and str(target) in page.status.text()


def test_sizes_half_width_and_custom(qtbot: QtBot, page: DashboardPage, tmp_path: Path) -> None:
    dialog = page.export_chart("revenue-progress", "png")
    qtbot.addWidget(dialog)
    dialog.size_box.setCurrentIndex(dialog.size_box.findData("word-half"))
    assert not dialog.width_box.isEnabled()
    assert dialog.width_box.value() == 8.0
    half = tmp_path / "half.png"
    dialog.path_edit.setText(str(half))
    dialog.save_button.click()
    assert png_size(half.read_bytes()) == (944, 826)  # 8 × 7 cm at 300 dpi

    dialog = page.export_chart("revenue-progress", "png")
    qtbot.addWidget(dialog)
    dialog.size_box.setCurrentIndex(dialog.size_box.findData("custom"))
    assert dialog.width_box.isEnabled()
    dialog.width_box.setValue(12.0)
    dialog.height_box.setValue(8.0)
    dialog.dpi_box.setValue(150)
    custom = tmp_path / "custom.png"
    dialog.path_edit.setText(str(custom))
    dialog.save_button.click()
    assert png_size(custom.read_bytes()) == (708, 472)  # 12 × 8 cm at 150 dpi


def test_the_format_choice_changes_the_file_suffix(qtbot: QtBot, page: DashboardPage) -> None:
    dialog = page.export_chart("funds", "png")
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    assert dialog.path_edit.text().endswith(".svg")
    assert not dialog.dpi_box.isEnabled()  # resolution is for PNG only


def test_a_file_that_cannot_be_written_gets_a_message_and_the_dialog_stays(
    qtbot: QtBot, page: DashboardPage, tmp_path: Path
) -> None:
    dialog = page.export_chart("funds", "png")
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "missing-folder" / "funds.png"
    dialog.path_edit.setText(str(target))
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert str(target) in dialog.message.text()
    assert not target.exists()

    (tmp_path / "taken.png").mkdir()  # a folder where the file should go
    dialog.path_edit.setText(str(tmp_path / "taken.png"))
    dialog.save_button.click()
    assert dialog.isVisible() and "taken.png" in dialog.message.text()


def test_export_all_charts_to_a_folder(qtbot: QtBot, page: DashboardPage, tmp_path: Path) -> None:
    page.export_folder_action.trigger()
    dialog = page.export_dialog
    assert isinstance(dialog, ChartExportDialog)
    qtbot.addWidget(dialog)
    assert not dialog.title_edit.isVisible()  # each chart keeps its own title
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    folder = tmp_path / "charts"
    dialog.path_edit.setText(str(folder))
    dialog.source_edit.setText(SOURCE)
    with qtbot.waitSignal(dialog.saved, timeout=60_000):
        dialog.save_button.click()
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted(f"{name}.svg" for name in CHART_NAMES)
    for name in CHART_NAMES:
        root = ElementTree.fromstring((folder / f"{name}.svg").read_bytes())
        figure = page.canvases[name].figure
        assert figure is not None
        assert root.findtext(SVG + "title") == figure.get_label()


def test_export_all_charts_to_one_pdf(qtbot: QtBot, page: DashboardPage, tmp_path: Path) -> None:
    page.export_pdf_action.trigger()
    dialog = page.export_dialog
    assert isinstance(dialog, ChartExportDialog)
    qtbot.addWidget(dialog)
    target = tmp_path / "总览图表.pdf"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.saved, timeout=60_000):
        dialog.save_button.click()
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == len(CHART_NAMES)
    assert b"/FontFile2" in data


def test_copy_to_clipboard(qtbot: QtBot, page: DashboardPage) -> None:
    clipboard = QApplication.clipboard()
    clipboard.clear()
    page.canvases["investment-by-park"].copy_action.trigger()
    image = clipboard.image()
    assert not image.isNull()
    assert (image.width(), image.height()) == (1889, 1181)  # a full-width Word figure
    assert "copied" in page.status.text()

    dialog = page.export_chart("funds", "png")
    qtbot.addWidget(dialog)
    dialog.size_box.setCurrentIndex(dialog.size_box.findData("word-half"))
    clipboard.clear()
    with qtbot.waitSignal(dialog.copied):
        dialog.copy_button.click()
    assert (clipboard.image().width(), clipboard.image().height()) == (944, 826)
