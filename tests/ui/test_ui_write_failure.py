"""A write that fails (here: the disk is full) leaves the data as it was, tells the user, and
keeps what they typed in the form so the save can be retried."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from parktracker.storage.database import Database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.session import Session

NAME = "青岛光电磁盘已满测试项目"


def _tables(db: Database) -> dict[str, int]:
    return {
        t: int(db.scalar(f"SELECT count(*) FROM {t}"))
        for t in ("projects", "project_stage_history", "audit_log")
    }


def test_disk_full_keeps_the_form_and_the_data(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(demo_db)
    form = ProjectForm(session)
    qtbot.addWidget(form)
    form.show()
    form.park.setCurrentIndex(form.park.findText("新型显示产业园"))
    form.name.setText(NAME)
    form.notes.setPlainText("备注" * 20_000)  # needs new pages in the file
    qtbot.keyClicks(form.planned_total.line, "3.5")
    qtbot.keyClicks(form.dates["signed_date"].line, "2024-03-15")  # a signed project's date
    assert form.save_button.isEnabled()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(str(args[2])))
    before = _tables(demo_db)
    pages = int(demo_db.scalar("PRAGMA page_count"))
    demo_db.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert len(warnings) == 1
    assert "未能保存" in warnings[0] or "could not be saved" in warnings[0]
    assert form.isVisible()  # the form stays open...
    assert form.name.text() == NAME  # ...with what the user typed
    assert form.planned_total.line.text() == "3.5"
    assert _tables(demo_db) == before  # nothing half-written
    assert demo_db.scalar("PRAGMA integrity_check") == "ok"
    assert not session.undo_stack.canUndo()

    demo_db.conn.execute("PRAGMA max_page_count = 1073741823")  # space again: retry works
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert demo_db.scalar("SELECT count(*) FROM projects WHERE name = ?", [NAME]) == 1
    assert session.undo_stack.canUndo()
