"""The Comparison page: two dates, what it shows after Compare, and its export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker.app import install_translators
from parktracker.domain.models import MonthlyInvestment
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.i18n import language_from_environment, set_language
from parktracker.services.projects import record_investment
from parktracker.services.reference import seed_reference
from parktracker.storage.database import create_database
from parktracker.ui.pages.comparison import ComparisonPage
from parktracker.ui.session import Session
from tests.services.test_services_comparison import changed


def test_compare_two_dates_and_export(qtbot: QtBot, tmp_path: Path) -> None:
    db = create_database(tmp_path / "built.db", populate=seed_reference)
    changed(db)
    page = ComparisonPage(Session(db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.first_edit.setDate(QDate(2024, 3, 31))
    page.second_edit.setDate(QDate(2024, 6, 30))
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert page.result is not None
    assert (page.result.first, page.result.second) == (dt.date(2024, 3, 31), dt.date(2024, 6, 30))
    assert page.summary.text() == (
        "From 2024-03-31 to 2024-06-30: 1 new and 1 terminated projects, 2 stage moves;"
        " investment completed in between 375.00 万元, revenue 150.00 万元."
    )
    model = page.views[1].model()
    names = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert "新签约项目" in names
    parks = page.views[0].model()
    assert parks.index(parks.rowCount() - 1, 0).data() == "All parks"
    written = page.export_to(tmp_path / "cmp")
    assert written == tmp_path / "cmp.xlsx"
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["Parks", "Projects", "Funds"]
    # second date before the first: a message, no table
    page.second_edit.setDate(QDate(2024, 1, 31))
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert page.result is None
    assert page.summary.text() == "The second date must be later than the first."
    db.close()


def test_the_two_dates_are_typed_as_people_type_them(qtbot: QtBot, tmp_path: Path) -> None:
    db = create_database(tmp_path / "typed.db", populate=seed_reference)
    changed(db)
    page = ComparisonPage(Session(db))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    for edit, typed in ((page.first_edit, "2024/3/31"), (page.second_edit, "20240630")):
        qtbot.mouseClick(edit.line, Qt.MouseButton.LeftButton)
        edit.line.selectAll()
        qtbot.keyClicks(edit.line, typed)
        qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert page.result is not None
    assert (page.result.first, page.result.second) == (dt.date(2024, 3, 31), dt.date(2024, 6, 30))


def test_chinese_summary_headers_and_export_use_the_product_formats(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """In Chinese the dates read 2024年3月31日 and the amounts carry the product's fixed decimals
    and unit, never a thousands separator ("4843025.00 万元", not "4,843,025万元")."""
    db = create_database(tmp_path / "zh.db", populate=seed_reference)
    ids = changed(db)
    # April of "green" becomes 4842750 万元 (was 100): a separator would show up here
    record_investment(
        db, entries=[MonthlyInvestment(ids["green"], YearMonth(2024, 4), Money.wan(4842750))]
    )
    set_language("zh_CN")
    translators = install_translators(qapp, "zh_CN")
    try:
        page = ComparisonPage(Session(db))
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        page.first_edit.setDate(QDate(2024, 3, 31))
        page.second_edit.setDate(QDate(2024, 6, 30))
        qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
        assert page.summary.text() == (
            "2024年3月31日至2024年6月30日：新增项目1个，终止项目1个，阶段变化2个；"
            "期间完成投资4843025.00 万元，营业收入150.00 万元。"
        )
        projects = page.views[1].model()
        headers = [projects.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        assert "2024年3月31日" in headers[2].replace("\n", "")
        assert "2024年6月30日" in headers[3].replace("\n", "")
        written = page.export_to(tmp_path / "对比")
        assert written is not None
        book = openpyxl.load_workbook(written)
        sheet = book["项目"]
        assert "2024年3月31日" in str(sheet["A1"].value)
        assert "2024-03-31" not in str(sheet["A1"].value)
        header = [c.value for c in sheet[2]]
        assert any("2024年6月30日" in str(v) for v in header), header
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_language(language_from_environment())
        db.close()
