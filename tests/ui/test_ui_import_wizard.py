"""File → Import…: the wizard walked with real clicks and keys — a column corrected, a row
excluded, the import applied and then undone in one step; and a file dropped on the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWizard
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators
from parktracker.domain.money import Money
from parktracker.storage import imports
from parktracker.storage.database import Database
from parktracker.ui.dialogs.import_wizard import ImportWizard
from parktracker.ui.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from import_support import dump, xlsx

HEADER = ["所属园区", "项目名称", "项目阶段", "投资额"]


def write_file(tmp_path: Path) -> Path:
    path = tmp_path / "march-report.xlsx"
    rows = [
        ["集成电路", "导入项目甲", "在谈", 12],
        ["集成电路", "导入项目乙", "已签约", 30],
        ["青岛市量子信息产业园", "量子项目", "在谈", 1],
    ]
    path.write_bytes(xlsx(HEADER, rows, title="2024年3月重点项目调度表"))
    return path


def click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def names(db: Database) -> set[str]:
    return {p.name for p in imports.all_projects(db)}


def test_walk_the_wizard_correct_exclude_apply_undo(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    file = write_file(tmp_path)
    session = Session(demo_db)
    before = dump(demo_db)
    wizard = ImportWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)

    # 1. the file, read in the background
    qtbot.keyClicks(wizard.file_page.path, str(file))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.sheet_page, timeout=10_000)

    # 2. sheet and kind as detected
    assert "Projects" in wizard.sheet_page.detected.text()
    assert wizard.sheet_page.as_of.text() == "2024-03"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.columns_page

    # 3. 投资额 was not recognised: the user says it is the planned total
    page = wizard.columns_page
    row = next(n for n in range(page.table.rowCount()) if page.table.item(n, 0).text() == "投资额")
    combo = page.table.cellWidget(row, 1)
    assert isinstance(combo, QComboBox) and combo.currentData() is None
    combo.setFocus()
    qtbot.keyClicks(combo, "Planned total")
    assert combo.currentData() == "planned_total"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.preview_page

    # 4. the preview (worked out in the background): two new rows and one invalid; the user
    # unticks 导入项目乙
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=10_000)
    table = preview.table
    assert [table.item(n, 2).text() for n in range(3)] == ["new", "new", "invalid"]
    assert "Planned total: 12 万元" in table.item(0, 4).text()
    assert "青岛市量子信息产业园 is not in the list of parks" in table.item(2, 4).text()
    assert "2 row(s) will be written" in preview.counts.text()
    table.setFocus()
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert table.item(1, 0).checkState() == Qt.CheckState.Unchecked
    assert "1 row(s) will be written" in preview.counts.text()
    assert dump(demo_db) == before  # nothing written before Import

    # 5. apply
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentPage() is wizard.summary_page
    assert "1 added, 0 changed, 0 unchanged, 2 skipped." in wizard.summary_page.text.text()
    assert "导入项目甲" in names(demo_db) and "导入项目乙" not in names(demo_db)
    added = next(p for p in imports.all_projects(demo_db) if p.name == "导入项目甲")
    assert added.planned_total == Money.wan(12)
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Import “march-report.xlsx”"

    # the corrected column is remembered for files of this layout
    assert wizard.detected is not None
    assert imports.load_mapping(demo_db, wizard.detected.signature) is not None

    # 6. Edit → Undo takes the whole import back in one step
    session.undo()
    assert dump(demo_db) == before


def test_a_bad_file_shows_why_on_the_first_page(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    bad = tmp_path / "report.xls"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    wizard = ImportWizard(Session(demo_db), path=bad)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: bool(wizard.file_page.message.text()), timeout=10_000)
    assert "not a spreadsheet" in wizard.file_page.message.text()
    assert wizard.currentPage() is wizard.file_page


def test_a_file_dropped_on_the_window_starts_the_wizard(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    from parktracker.ui.window_factory import build_window

    file = write_file(tmp_path)
    window = build_window(Session(demo_db))
    qtbot.addWidget(window)
    window.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(file))])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    wizard = window.menus.import_wizard
    assert isinstance(wizard, ImportWizard)
    assert wizard.file_page.path.text() == str(file)
    wizard.close()


def test_cancelling_the_preview_goes_back_and_writes_nothing(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    before = dump(demo_db)
    wizard = ImportWizard(Session(demo_db), path=write_file(tmp_path))
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.sheet_page, timeout=10_000)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    assert wizard.currentPage() is page and page.cancel.isVisible()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()

    qtbot.mouseClick(page.cancel, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.columns_page
    qtbot.wait(200)  # the background thread's late result is dropped
    assert page.preview is None
    assert dump(demo_db) == before


def test_closing_the_wizard_while_it_reads_is_safe(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    from parktracker.ui import backup_runner

    wizard = ImportWizard(Session(demo_db), path=write_file(tmp_path))
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    wizard.close()  # the page and its widgets go; the reading thread finishes on its own
    qtbot.waitUntil(lambda: backup_runner.running() == 0, timeout=10_000)


def test_a_monthly_figure_names_its_month_as_the_language_writes_it(
    qtbot: QtBot, qapp: QApplication, demo_db: Database, tmp_path: Path
) -> None:
    """The preview's record column reads "集成电路 · 2024年4月" in Chinese, not ISO text."""
    translators = install_translators(qapp, "zh_CN")
    try:
        path = tmp_path / "revenue.xlsx"
        header = ["所属园区", "1-4月累计营业收入（亿元）"]
        path.write_bytes(xlsx(header, [["集成电路", "45"]], title="2024年4月各园区营业收入"))
        wizard = ImportWizard(Session(demo_db), path=path)
        qtbot.addWidget(wizard)
        wizard.show()
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.sheet_page, timeout=10_000)
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
        assert wizard.currentPage() is wizard.columns_page
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
        preview = wizard.preview_page
        qtbot.waitUntil(lambda: preview.preview is not None, timeout=10_000)
        assert preview.table.item(0, preview.RECORD).text() == "集成电路 · 2024年4月"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
