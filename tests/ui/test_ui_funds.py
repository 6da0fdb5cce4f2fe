"""The Funds page and its forms, driven through real widgets, checked on screen and in the DB."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from confirm_helpers import DISCARD_QUESTION, close_with_answer
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from parktracker.domain.models import Fund, FundUpdate
from parktracker.domain.money import Money
from parktracker.domain.number_format import DEFAULT_FORMAT
from parktracker.services.fund_listing import fund_history, get_fund, list_funds
from parktracker.services.funds import add_fund
from parktracker.storage.database import Database
from parktracker.ui.dialogs.fund_figures_form import FundFiguresForm
from parktracker.ui.dialogs.fund_form import FundForm
from parktracker.ui.pages.funds import FundsPage
from parktracker.ui.session import Session

AI_FUND = "青岛市人工智能产业投资基金（示例）"


def _page(qtbot: QtBot, db: Database) -> FundsPage:
    page = FundsPage(Session(db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def _row_texts(page: FundsPage, name: str) -> dict[str, str] | None:
    """The cells of the visible row of fund ``name``, by column header."""
    headers = [c.header for c in page.model.columns]
    for row in range(page.proxy.rowCount()):
        cells = [page.proxy.index(row, c).data() for c in range(len(headers))]
        if cells[0] == name:
            return dict(zip(headers, cells, strict=True))
    return None


def _select(page: FundsPage, name: str) -> None:
    page.select_where(lambda r: r.name == name)
    assert page.selected_record() is not None and page.selected_record().name == name


def _drive(monkeypatch: pytest.MonkeyPatch, cls: type, steps: Callable[[Any], None]) -> None:
    """Replace ``cls.exec`` with showing the real form and running ``steps`` on it."""

    def fake_exec(form: Any) -> int:
        form.show()
        steps(form)
        return int(form.result())

    monkeypatch.setattr(cls, "exec", fake_exec)


def _answer_questions(monkeypatch: pytest.MonkeyPatch, answer: Any) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> Any:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` as a user does: ASCII as key presses, Chinese as an input method commits it
    (QTest cannot synthesize key events for non-ASCII characters)."""
    chunk = ""
    for char in [*text, None]:
        if char is not None and not char.isascii():
            chunk += char
            continue
        if chunk:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)
            chunk = ""
        if char is not None:
            qtbot.keyClicks(widget, char)


def _type_amount(qtbot: QtBot, edit: Any, text: str) -> None:
    edit.line.clear()
    qtbot.keyClicks(edit.line, text)


def test_add_fund_with_first_figures_shows_in_table_footer_and_database(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db)
    assert "20 funds" in page.footer.text()
    assert "Total scale: 172.6 亿元" in page.footer.text()

    def fill_in(form: FundForm) -> None:
        _type(qtbot, form.name, "青岛测试产业基金")
        form.park.setCurrentIndex(form.park.findText("人工智能产业园"))
        _type(qtbot, form.manager, "青岛测试基金管理有限公司")
        _type_amount(qtbot, form.scale, "50")
        _type_amount(qtbot, form.paid_in, "20.5")
        _type_amount(qtbot, form.invested, "12.25")
        assert not form.save_button.isEnabled()  # the figures need their date, never today
        qtbot.keyClicks(form.figures_date.line, "2024-03-31")
        assert form.save_button.isEnabled()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    _drive(monkeypatch, FundForm, fill_in)
    page.add()

    row = _row_texts(page, "青岛测试产业基金")
    assert row is not None
    assert row["Park"] == "人工智能产业园"
    assert row["Manager"] == "青岛测试基金管理有限公司"
    assert (row["Total scale (亿元)"], row["Paid-in (亿元)"], row["Invested (亿元)"]) == (
        "50.0",
        "20.5",
        "12.3",  # one fixed decimal; the exact 12.25 is the cell's tooltip
    )
    assert row["Paid-in / scale"] == "41.0%"
    assert row["Invested / paid-in"] == "59.8%"
    assert row["Figures as of"] == "2024-03-31"
    footer = page.footer.text()
    assert "21 funds" in footer
    assert "Total scale: 222.6 亿元" in footer
    assert "Paid-in: 138.3 亿元" in footer
    assert "Invested: 119.1 亿元" in footer  # the exact sum 119.05, rounded once
    assert page.selected_record().name == "青岛测试产业基金"
    assert page.session.undo_stack.undoText() == "Add fund “青岛测试产业基金”"

    stored = next(r for r in list_funds(demo_db) if r.name == "青岛测试产业基金")
    assert stored.fund.manager == "青岛测试基金管理有限公司"
    assert stored.fund.park_id == 2
    history = fund_history(demo_db, stored.id)
    assert [(u.scale, u.paid_in, u.invested) for u in history] == [
        (Money.yi(50), Money.yi("20.5"), Money.yi("12.25"))
    ]


def test_paid_in_above_scale_is_shown_beside_paid_in_and_blocks_save(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)
    session = Session(demo_db)
    form = FundForm(session)
    qtbot.addWidget(form)
    form.show()
    _type(qtbot, form.name, "新基金")
    qtbot.keyClicks(form.figures_date.line, "20240331")
    _type_amount(qtbot, form.scale, "10")
    _type_amount(qtbot, form.paid_in, "12")
    _type_amount(qtbot, form.invested, "1")
    message = form.messages["paid_in"]
    assert message.isVisible()
    assert "12 亿元" in message.text() and "10 亿元" in message.text()
    assert not form.save_button.isEnabled()

    _type_amount(qtbot, form.paid_in, "8")
    assert not message.isVisible()
    assert form.save_button.isEnabled()

    _type_amount(qtbot, form.invested, "9")  # invested above paid-in
    assert form.messages["invested"].isVisible()
    assert "9 亿元" in form.messages["invested"].text()
    assert not form.save_button.isEnabled()
    _type_amount(qtbot, form.invested, "2")

    # Figures dated before the fund was established.
    qtbot.keyClicks(form.established.line, "2024-05-01")
    form.figures_date.line.clear()
    qtbot.keyClicks(form.figures_date.line, "2024-04-30")
    assert form.messages["date"].isVisible()
    assert not form.save_button.isEnabled()
    form.figures_date.line.clear()
    qtbot.keyClicks(form.figures_date.line, "2024-05-31")
    assert not form.messages["date"].isVisible()

    # A name already used by a fund of the same park; another park is fine.
    form.name.clear()
    _type(qtbot, form.name, AI_FUND)
    form.park.setCurrentIndex(form.park.findText("人工智能产业园"))
    assert form.messages["name"].isVisible()
    assert AI_FUND in form.messages["name"].text()
    assert not form.save_button.isEnabled()
    form.park.setCurrentIndex(form.park.findText("虚拟现实产业园"))
    assert not form.messages["name"].isVisible()
    assert form.save_button.isEnabled()
    assert len(list_funds(demo_db)) == 20  # nothing stored while editing


def test_record_new_figures_updates_latest_columns_and_history(
    qtbot: QtBot, new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, new_db)
    fund_id = page.session.perform(
        "setup",
        lambda db: add_fund(
            db,
            fund=Fund("青岛氢能基金", 8, established_date=dt.date(2023, 6, 1)),
            first_figures=FundUpdate(
                0, dt.date(2024, 1, 31), Money.yi(50), Money.yi(10), Money.yi(4)
            ),
        ),
    )
    row = _row_texts(page, "青岛氢能基金")
    assert row is not None and row["Figures as of"] == "2024-01-31"
    assert row["Paid-in (亿元)"] == "10.0"
    _select(page, "青岛氢能基金")
    assert page.figures_button.isEnabled()

    def fill_in(form: FundFiguresForm) -> None:
        assert form.scale.line.text() == "50"  # pre-filled with the latest scale
        assert "2024-01-31" in form.latest_label.text()
        assert form.date.value() is None  # never today by default: the date is asked for
        assert not form.save_button.isEnabled()
        qtbot.keyClicks(form.date.line, "2024/6/30")
        _type_amount(qtbot, form.paid_in, "30")
        _type_amount(qtbot, form.invested, "15")
        _type(qtbot, form.note, "2024年6月末")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    _drive(monkeypatch, FundFiguresForm, fill_in)
    qtbot.mouseClick(page.figures_button, Qt.MouseButton.LeftButton)

    row = _row_texts(page, "青岛氢能基金")
    assert row is not None
    assert row["Figures as of"] == "2024-06-30"
    assert (row["Total scale (亿元)"], row["Paid-in (亿元)"], row["Invested (亿元)"]) == (
        "50.0",
        "30.0",
        "15.0",
    )
    assert row["Paid-in / scale"] == "60.0%"
    assert row["Invested / paid-in"] == "50.0%"
    assert "Paid-in: 30.0 亿元" in page.footer.text()
    assert page.session.undo_stack.undoText() == "Record figures of fund “青岛氢能基金”"

    history = fund_history(new_db, fund_id)
    assert [(u.date, u.paid_in, u.note) for u in history] == [
        (dt.date(2024, 1, 31), Money.yi(10), ""),
        (dt.date(2024, 6, 30), Money.yi(30), "2024年6月末"),
    ]
    fund = get_fund(new_db, fund_id)
    assert fund is not None
    form = FundForm(page.session, fund, parent=page)
    assert form.history_model.rowCount() == 2
    assert form.history_model.index(1, 0).data() == "2024-06-30"
    assert form.history_model.index(1, 2).data() == "30.0"
    form.reject()


def test_delete_fund_then_undo_brings_back_fund_and_figures(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db)
    before = next(r for r in list_funds(demo_db) if r.name == AI_FUND)
    history_before = fund_history(demo_db, before.id)
    assert len(history_before) == 2
    _select(page, AI_FUND)
    asked = _answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    page.delete()

    assert len(asked) == 1 and AI_FUND in asked[0]
    assert _row_texts(page, AI_FUND) is None
    assert "19 funds" in page.footer.text()
    assert "Total scale: 162.2 亿元" in page.footer.text()
    assert get_fund(demo_db, before.id) is None
    assert fund_history(demo_db, before.id) == []
    assert page.session.undo_stack.undoText() == f"Delete fund “{AI_FUND}”"

    page.session.undo()
    assert _row_texts(page, AI_FUND) is not None
    assert "Total scale: 172.6 亿元" in page.footer.text()
    assert get_fund(demo_db, before.id) == before.fund
    assert fund_history(demo_db, before.id) == history_before

    page.session.redo()
    assert _row_texts(page, AI_FUND) is None
    assert get_fund(demo_db, before.id) is None


def test_delete_asks_first_and_no_keeps_the_fund(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db)
    _select(page, AI_FUND)
    _answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    page.delete()
    assert _row_texts(page, AI_FUND) is not None
    assert len(list_funds(demo_db)) == 20
    assert page.session.undo_stack.count() == 0


def test_edit_fund_then_undo_and_redo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db)
    _select(page, AI_FUND)

    def rename(form: FundForm) -> None:
        assert form.history_model.rowCount() == 2
        # Established after figures already reported: refused beside the date.
        form.established.line.clear()
        qtbot.keyClicks(form.established.line, "2024-04-01")
        assert form.messages["established_date"].isVisible()
        assert not form.save_button.isEnabled()
        assert form.fund is not None and form.fund.established_date is not None
        form.established.set_value(form.fund.established_date)
        assert not form.messages["established_date"].isVisible()
        form.name.clear()
        _type(qtbot, form.name, "青岛市人工智能母基金")
        form.manager.clear()
        _type(qtbot, form.manager, "青岛市引导基金管理公司")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    _drive(monkeypatch, FundForm, rename)
    page.edit()
    fund_id = next(r.id for r in list_funds(demo_db) if r.name == "青岛市人工智能母基金")
    assert _row_texts(page, AI_FUND) is None
    row = _row_texts(page, "青岛市人工智能母基金")
    assert row is not None and row["Manager"] == "青岛市引导基金管理公司"
    assert page.session.undo_stack.undoText() == "Edit fund “青岛市人工智能母基金”"

    page.session.undo()
    assert _row_texts(page, AI_FUND) is not None
    fund = get_fund(demo_db, fund_id)
    assert fund is not None and fund.name == AI_FUND and fund.manager == "（示例）基金管理有限公司"

    page.session.redo()
    assert _row_texts(page, "青岛市人工智能母基金") is not None
    fund = get_fund(demo_db, fund_id)
    assert fund is not None and fund.name == "青岛市人工智能母基金"


def test_find_as_you_type_with_two_chinese_characters(qtbot: QtBot, demo_db: Database) -> None:
    page = _page(qtbot, demo_db)
    expected = sorted(
        r.name for r in list_funds(demo_db) if "氢能" in r.name or "氢能" in (r.park_name or "")
    )
    assert expected  # the demo has hydrogen funds
    _type(qtbot, page.search, "氢能")
    shown = sorted(page.proxy.index(i, 0).data() for i in range(page.proxy.rowCount()))
    assert shown == expected
    assert page.record_count() == len(expected)
    assert f"{len(expected)} funds" in page.footer.text()
    page.search.clear()
    assert page.record_count() == 20


def test_park_filter_city_wide(qtbot: QtBot, demo_db: Database) -> None:
    page = _page(qtbot, demo_db)
    page.park_filter.setCurrentIndex(page.park_filter.findData(0))
    city_wide = [r for r in list_funds(demo_db) if r.fund.park_id is None]
    assert page.record_count() == len(city_wide) == 4
    parks = {page.proxy.index(i, 1).data() for i in range(page.proxy.rowCount())}
    assert parks == {"City-wide"}
    total = Money.total([r.scale for r in city_wide if r.scale is not None])
    assert f"Total scale: {DEFAULT_FORMAT.amount(total)}" in page.footer.text()


def test_read_only_session_disables_adding_editing_and_figures(
    qtbot: QtBot, demo_path: object
) -> None:
    from parktracker.storage.database import open_database

    db = open_database(demo_path, readonly=True)  # type: ignore[arg-type]
    try:
        page = _page(qtbot, db)
        _select(page, AI_FUND)
        assert not page.can_add()
        assert not page.can_edit()
        assert not page.can_delete()
        assert not page.figures_button.isEnabled()
        fund = get_fund(db, page.selected_record().id)
        assert fund is not None
        form = FundFiguresForm(page.session, fund, parent=page)
        _type_amount(qtbot, form.paid_in, "1")
        _type_amount(qtbot, form.invested, "1")
        assert not form.save_button.isEnabled()
        # What was typed cannot be saved, but closing still asks before throwing it away:
        # "Cancel" keeps the form open with the text, "Discard" closes it.
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        assert close_with_answer(qtbot, form, QMessageBox.StandardButton.Cancel) == [
            DISCARD_QUESTION
        ]
        assert form.isVisible()
        assert close_with_answer(qtbot, form, QMessageBox.StandardButton.Discard) == [
            DISCARD_QUESTION
        ]
        assert not form.isVisible()
    finally:
        db.close()


def test_delete_figures_from_the_fund_form_keeps_the_last_report(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db)
    row = next(r for r in list_funds(demo_db) if r.name == AI_FUND)
    fund = get_fund(demo_db, row.id)
    assert fund is not None
    form = FundForm(page.session, fund, parent=page)
    qtbot.addWidget(form)
    form.show()
    assert not form.delete_figures_button.isEnabled()  # nothing selected yet
    form.history_view.selectRow(1)  # the 2024-03-31 report
    assert form.delete_figures_button.isEnabled()
    asked = _answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(form.delete_figures_button, Qt.MouseButton.LeftButton)

    assert asked and "2024-03-31" in asked[0]
    assert [u.date for u in fund_history(demo_db, row.id)] == [fund.established_date]
    assert form.history_model.rowCount() == 1
    # The page now shows the remaining (establishment) figures as the latest.
    cells = _row_texts(page, AI_FUND)
    assert fund.established_date is not None
    assert cells is not None and cells["Figures as of"] == fund.established_date.isoformat()
    form.history_view.selectRow(0)
    assert not form.delete_figures_button.isEnabled()  # a fund keeps one report
    assert page.session.undo_stack.undoText() == f"Delete figures of fund “{AI_FUND}” (2024-03-31)"

    page.session.undo()
    assert len(fund_history(demo_db, row.id)) == 2
    cells = _row_texts(page, AI_FUND)
    assert cells is not None and cells["Figures as of"] == "2024-03-31"
    form.reject()
