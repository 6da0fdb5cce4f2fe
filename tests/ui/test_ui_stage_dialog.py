"""The stage dialog with real keystrokes: the usual next stage is preselected, Enter never
terminates a project in production, the date is asked for (never today by default), and
terminating asks first and keeps its reason in the stage history."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from parktracker.domain.enums import Stage
from parktracker.domain.models import Project
from parktracker.services.projects import create_project, get_project, stage_history
from parktracker.storage.database import Database
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.dialogs.stage_dialog import M_REASON_REQUIRED, StageDialog
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr

D = dt.date
PARK = 1


class Answers:
    """QMessageBox.question answered from a list; the texts asked are kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.replies: list[QMessageBox.StandardButton] = []

        def question(_parent: object, title: str, text: str, *_: object) -> object:
            self.asked.append(f"{title}\n{text}")
            if self.replies:
                return self.replies.pop(0)
            return QMessageBox.StandardButton.Discard  # closing a dirty dialog at teardown

        monkeypatch.setattr(QMessageBox, "question", question)


def add(db: Database, project: Project, history: list[tuple[Stage, dt.date]]) -> Project:
    pid = create_project(db, project=project, history=history)
    stored = get_project(db, pid)
    assert stored is not None
    return stored


def in_production(db: Database) -> Project:
    return add(
        db,
        Project(
            PARK,
            "投产项目",
            Stage.IN_PRODUCTION,
            signed_date=D(2022, 3, 1),
            actual_start_date=D(2022, 9, 1),
            production_date=D(2024, 1, 15),
        ),
        [
            (Stage.SIGNED, D(2022, 3, 1)),
            (Stage.UNDER_CONSTRUCTION, D(2022, 9, 1)),
            (Stage.IN_PRODUCTION, D(2024, 1, 15)),
        ],
    )


def signed(db: Database, **dates: dt.date) -> Project:
    return add(
        db,
        Project(PARK, "签约项目", Stage.SIGNED, signed_date=D(2024, 1, 10), **dates),
        [(Stage.SIGNED, D(2024, 1, 10))],
    )


def open_dialog(qtbot: QtBot, db: Database, project: Project) -> StageDialog:
    dialog = StageDialog(Session(db), project)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def commit_text(widget: object, text: str) -> None:
    """Chinese typed through the input method (QTest cannot click those keys)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def test_enter_does_not_terminate_a_project_in_production(
    qtbot: QtBot, new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch)
    project = in_production(new_db)
    assert project.id is not None
    dialog = open_dialog(qtbot, new_db, project)
    assert dialog.target() is None  # nothing preselected: no forward stage is left
    assert dialog.stage_box.currentText() == ""
    assert dialog.date.line.text() == ""  # and no date either
    assert not dialog.save_button.isEnabled()
    for widget in (dialog.stage_box, dialog.date.line, dialog.note):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClick(widget, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert answers.asked == []
    assert get_project(new_db, project.id).stage is Stage.IN_PRODUCTION  # type: ignore[union-attr]
    assert len(stage_history(new_db, project.id)) == 3


def test_next_forward_stage_is_preselected_and_its_date_asked_for(
    qtbot: QtBot, new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    Answers(monkeypatch)
    project = signed(new_db)
    assert project.id is not None
    dialog = open_dialog(qtbot, new_db, project)
    assert dialog.target() is Stage.UNDER_CONSTRUCTION
    assert dialog.date.line.text() == ""  # never today by default
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert get_project(new_db, project.id).stage is Stage.SIGNED  # type: ignore[union-attr]

    qtbot.mouseClick(dialog.date.line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.date.line, "2024.6.3")
    assert dialog.date.echo.text() == "2024-06-03"
    assert dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    stored = get_project(new_db, project.id)
    assert stored is not None
    assert (stored.stage, stored.actual_start_date) == (Stage.UNDER_CONSTRUCTION, D(2024, 6, 3))
    last = stage_history(new_db, project.id)[-1]
    assert (last.stage, last.date) == (Stage.UNDER_CONSTRUCTION, D(2024, 6, 3))


def test_the_projects_own_date_for_the_stage_is_offered(
    qtbot: QtBot, new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    Answers(monkeypatch)
    project = signed(new_db, actual_start_date=D(2024, 4, 8))
    dialog = open_dialog(qtbot, new_db, project)
    assert dialog.target() is Stage.UNDER_CONSTRUCTION
    assert dialog.date.value() == D(2024, 4, 8)  # shown, and the user confirms it with Save
    dialog.stage_box.setCurrentIndex(dialog.stage_box.findData(Stage.IN_PRODUCTION))
    assert dialog.date.line.text() == ""  # no production date known: asked for
    dialog.stage_box.setCurrentIndex(dialog.stage_box.findData(Stage.UNDER_CONSTRUCTION))
    assert dialog.date.value() == D(2024, 4, 8)
    dialog.date.line.selectAll()
    qtbot.keyClicks(dialog.date.line, "2024-04-09")
    dialog.stage_box.setCurrentIndex(dialog.stage_box.findData(Stage.IN_PRODUCTION))
    assert dialog.date.value() == D(2024, 4, 9)  # a typed date is kept


def test_terminating_asks_first_and_records_the_reason(
    qtbot: QtBot, new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch)
    project = in_production(new_db)
    assert project.id is not None
    dialog = open_dialog(qtbot, new_db, project)
    qtbot.keyClick(dialog.stage_box, Qt.Key.Key_Down)  # the one choice: terminated
    assert dialog.target() is Stage.TERMINATED
    qtbot.keyClicks(dialog.date.line, "2024/5/6")
    note_message = dialog.messages["note"]
    assert note_message.isVisible() and note_message.text() == qt_tr(M_REASON_REQUIRED)
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.note, Qt.MouseButton.LeftButton)
    commit_text(dialog.note, "企业经营困难，项目停止")
    assert not note_message.isVisible()
    assert dialog.save_button.isEnabled()

    answers.replies = [QMessageBox.StandardButton.No]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(answers.asked) == 1
    assert "投产项目" in answers.asked[0] and "企业经营困难，项目停止" in answers.asked[0]
    assert dialog.isVisible()  # No: nothing saved, the dialog stays
    assert get_project(new_db, project.id).stage is Stage.IN_PRODUCTION  # type: ignore[union-attr]

    answers.replies = [QMessageBox.StandardButton.Yes]
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert len(answers.asked) == 2
    assert not dialog.isVisible()
    assert get_project(new_db, project.id).stage is Stage.TERMINATED  # type: ignore[union-attr]
    last = stage_history(new_db, project.id)[-1]
    assert (last.stage, last.date, last.note) == (
        Stage.TERMINATED,
        D(2024, 5, 6),
        "企业经营困难，项目停止",
    )

    # The reason shows in the project's stage history.
    fresh = get_project(new_db, project.id)
    form = ProjectForm(Session(new_db), fresh)
    qtbot.addWidget(form)
    form.show()
    rows = form.history.rowCount()
    assert [form.history.item(rows - 1, c).text() for c in range(3)] == [
        "2024-05-06",
        qt_tr(Stage.TERMINATED.text),
        "企业经营困难，项目停止",
    ]
