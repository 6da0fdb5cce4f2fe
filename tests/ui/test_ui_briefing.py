"""File → Generate Briefing: the preview shows the text, the officer edits a park's paragraph
with the keyboard, saves, and the .docx holds the edit; the record of figures as issued."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot
from test_ui_date_entry import type_text as type_keys  # ASCII keys, 年月 as IME commits
from test_ui_parks import type_text  # Chinese typed as an input method commits it

from parktracker.app import install_translators
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.revenue_entry import RevenueCell, set_monthly, year_grid
from parktracker.storage import parks
from parktracker.storage.database import Database
from parktracker.ui.dialogs.briefing_dialog import BriefingDialog
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window

MARCH = YearMonth(2024, 3)


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def save(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.extend([title, start, filters])
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return asked


def dialog_on(qtbot: QtBot, db: Database) -> BriefingDialog:
    dialog = BriefingDialog(db, MARCH)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def labels(dialog: BriefingDialog) -> list[str]:
    return [w.text() for w in dialog.body.findChildren(QLabel)]


def test_preview_edit_and_save_docx(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = dialog_on(qtbot, demo_db)
    assert dialog.windowTitle() == "生成通报"
    shown = labels(dialog)
    assert shown[0] == "关于2024年1—3月新兴产业专业园区建设情况的通报"
    assert any(t.startswith("截至2024年3月底，8个新兴产业专业园区在建项目50个") for t in shown)
    assert not dialog.notice.isVisible()

    first = parks.all_parks(demo_db)[0]
    editor = dialog.findChild(QPlainTextEdit, f"edit:park:{first.name}")
    assert editor is not None
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(editor, "本月新开工项目")
    qtbot.keyClicks(editor, "2")
    type_text(editor, "个。")
    assert editor.toPlainText() == "本月新开工项目2个。"

    target = tmp_path / "通报.docx"
    asked = answer_save(monkeypatch, target)
    qtbot.mouseClick(dialog.save_docx, Qt.MouseButton.LeftButton)
    assert asked[0] == "保存通报"
    assert asked[2] == "Word 文档 (*.docx)"
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "本月新开工项目2个。" in texts
    assert not any(t.startswith("在建项目") and first.name in t for t in texts)
    assert tuple(demo_db.query("SELECT month, file_name FROM briefings")[0]) == (
        "2024-03",
        "通报.docx",
    )


def test_preview_shows_the_two_charts_above_their_captions(qtbot: QtBot, demo_db: Database) -> None:
    from parktracker.app import register_fonts
    from parktracker.services import briefing
    from parktracker.ui.dialogs.briefing_dialog import PREVIEW_DPI
    from parktracker.ui.text import qt_tr

    register_fonts()  # as the app does at start (the artefact below is looked at)
    dialog = dialog_on(qtbot, demo_db)
    drawn = briefing.chart_images(demo_db, month=MARCH, tr=qt_tr, dpi=PREVIEW_DPI)
    layout = dialog.body_layout
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    for name, caption in (
        ("revenue-progress", "图1"),
        ("investment-by-park", "图2"),
    ):
        label = dialog.body.findChild(QLabel, f"chart:{name}")
        assert isinstance(label, QLabel)
        pixmap = label.pixmap()
        assert not pixmap.isNull() and pixmap.width() >= 500
        expected = QImage.fromData(drawn[name], "PNG")
        assert pixmap.toImage().convertToFormat(expected.format()) == expected
        below = widgets[widgets.index(label) + 1]
        assert isinstance(below, QLabel) and below.text().startswith(caption)
    dialog.resize(1280, 720)
    qtbot.wait(50)
    scroll = dialog.body.parentWidget().parentWidget()
    scroll.ensureWidgetVisible(dialog.body.findChild(QLabel, "chart:revenue-progress"))
    qtbot.wait(50)
    out = Path("test-artifacts") / "briefing"
    out.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out / "preview_charts.png"))


def test_a_figure_changed_after_issue_is_noticed(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parktracker.services import briefing

    briefing.write_briefing(demo_db, month=MARCH, path=tmp_path / "b.pdf")
    park = parks.all_parks(demo_db)[0]
    assert park.id is not None
    before = year_grid(demo_db, 2024)[(park.id, 3)]
    set_monthly(demo_db, cells=[RevenueCell(park.id, MARCH, before + Money.yi(10))])
    dialog = dialog_on(qtbot, demo_db)
    assert dialog.notice.isVisible()
    assert dialog.notice.text().startswith(
        "3月通报后，以下数字已修改：累计营业收入（亿元）：250.9→260.9；"
    )


def test_menu_opens_the_dialog(qtbot: QtBot, demo_db: Database) -> None:
    window = build_window(Session(demo_db, demo=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    opened: list[BriefingDialog] = []

    def close_it() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, BriefingDialog)]
        opened.extend(found)
        for dialog in found:
            dialog.reject()

    QTimer.singleShot(0, close_it)
    window.menus.briefing.trigger()
    assert window.menus.briefing.text() == "生成通报(&G)…"
    assert len(opened) == 1


def test_printing_numbers_the_pages_odd_right_even_left(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from parktracker.ui.briefing_print import new_printer, print_blocks

    dialog = dialog_on(qtbot, demo_db)
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_blocks(dialog.current_blocks(), {}, printer)
    reader = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(reader.pages) >= 2
    numbers: list[tuple[str, float]] = []
    for index, page in enumerate(reader.pages, start=1):
        found: list[float] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            *_: object,
            n: int = index,
            into: list[float] = found,
        ) -> None:
            if "".join(text.split()) == f"—{n}—":  # Qt writes the spaces as tabs
                into.append(cm[0] * tm[4] + cm[4])  # x on the page, in points

        page.extract_text(visitor_text=visit)
        assert found, f"page {index} has no number"
        numbers.append((f"— {index} —", found[0]))
    width = float(reader.pages[0].mediabox.width)
    assert numbers[0][1] > width / 2  # odd page: right
    assert numbers[1][1] < width / 2  # even page: left


def retype(qtbot: QtBot, line: object, text: str) -> None:
    """Select the field's text and type ``text`` over it, then Enter."""
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[arg-type]
    type_keys(qtbot, line, text)  # type: ignore[arg-type]
    qtbot.keyClick(line, Qt.Key.Key_Return)  # type: ignore[arg-type]


def test_the_month_is_typed_as_people_write_it(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "2024年2月" and "2024-01" name months; the briefing follows each, and the file saved is
    recorded for the month typed. A text that is no month is said beside the field."""
    dialog = dialog_on(qtbot, demo_db)
    field = dialog.month_edit
    assert field.line.text() == "2024-03" and field.echo.text() == "2024年3月"
    retype(qtbot, field.line, "2024年2月")
    assert dialog.month() == YearMonth(2024, 2)
    assert field.echo.text() == "2024年2月"
    assert labels(dialog)[0] == "关于2024年1—2月新兴产业专业园区建设情况的通报"
    retype(qtbot, field.line, "2024-01")
    assert dialog.month() == YearMonth(2024, 1)
    assert labels(dialog)[0] == "关于2024年1月新兴产业专业园区建设情况的通报"
    retype(qtbot, field.line, "2024-13")  # no such month: said, and January stays
    assert dialog.month() == YearMonth(2024, 1)
    assert field.echo.text() == "2024-13不是有效日期"
    retype(qtbot, field.line, "202402")
    qtbot.keyClick(field.line, Qt.Key.Key_Down)  # one month earlier, as the old picker did
    assert field.line.text() == "2024-01" and dialog.month() == YearMonth(2024, 1)
    target = tmp_path / "一月.pdf"
    answer_save(monkeypatch, target)
    qtbot.mouseClick(dialog.save_pdf, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert [tuple(r) for r in demo_db.query("SELECT month, file_name FROM briefings")] == [
        ("2024-01", "一月.pdf")
    ]
