"""The problem log in the GUI: a problem typed into the form from the project form's section
lands in the database and on the Problems page; the filters; undo removes it again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from parktracker.services.projects import get_project
from parktracker.services.reference import seed_reference
from parktracker.storage.database import Database, create_database
from parktracker.ui.dialogs.problem_form import ProblemForm
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.problems import ProblemsPage
from parktracker.ui.session import Session
from parktracker.ui.window_factory import build_window
from tests.services.warning_db import build
from tests.ui.test_ui_projects import type_text


@pytest.fixture
def built(tmp_path: Path) -> Iterator[tuple[Database, dict[str, int]]]:
    db = create_database(tmp_path / "built.db", populate=seed_reference)
    ids = build(db)
    yield db, ids
    db.close()


@pytest.fixture
def window(qtbot: QtBot, built: tuple[Database, dict[str, int]]) -> MainWindow:
    win = build_window(Session(built[0]))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def drive(monkeypatch: pytest.MonkeyPatch, cls: type, steps: Callable[[object], None]) -> None:
    def fake_exec(dialog: object) -> int:
        dialog.show()  # type: ignore[attr-defined]
        steps(dialog)
        return int(dialog.result())  # type: ignore[attr-defined]

    monkeypatch.setattr(cls, "exec", fake_exec)


def texts(page: ProblemsPage, column: int) -> list[str]:
    model = page.view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_add_from_the_project_form_then_undo(
    qtbot: QtBot,
    window: MainWindow,
    built: tuple[Database, dict[str, int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, ids = built
    project = get_project(db, ids["overdue"])
    assert project is not None
    form = ProjectForm(window.session, project, parent=window)
    qtbot.addWidget(form)
    section = form.problems_section
    assert section.model.rowCount() == 0

    def fill_in(dialog: object) -> None:
        assert isinstance(dialog, ProblemForm)
        assert dialog.project.currentText() == "逾期未开工项目"  # preset to the project
        dialog.description.setFocus()
        type_text(qtbot, dialog.description, "施工许可证未办理")
        dialog.responsible_unit.setFocus()
        type_text(qtbot, dialog.responsible_unit, "市住建局")
        dialog.note.setFocus()
        type_text(qtbot, dialog.note, "已报送材料")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save.isEnabled()
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    drive(monkeypatch, ProblemForm, fill_in)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    rows = db.query("SELECT * FROM problems WHERE description = '施工许可证未办理'")
    assert [(r["project_id"], r["park_id"], r["responsible_unit"], r["status"]) for r in rows] == [
        (ids["overdue"], ids["park_a"], "市住建局", "open")
    ]
    assert db.scalar("SELECT note FROM problem_notes WHERE problem_id = ?", [rows[0]["id"]]) == (
        "已报送材料"
    )
    assert section.model.rowCount() == 1

    page = window.page_of(ProblemsPage)
    assert isinstance(page, ProblemsPage)
    window.show_page(page)
    assert sorted(texts(page, 2)) == ["施工许可证未办理", "电力增容未落实"]
    # one undo step removes the problem and its note
    window.session.undo()
    assert db.scalar("SELECT count(*) FROM problems") == 1
    assert db.scalar("SELECT count(*) FROM problem_notes") == 0
    assert texts(page, 2) == ["电力增容未落实"]
    assert section.model.rowCount() == 0


def test_blank_description_keeps_save_disabled(
    qtbot: QtBot, window: MainWindow, built: tuple[Database, dict[str, int]]
) -> None:
    db, ids = built
    form = ProblemForm(window.session, park_id=ids["park_a"], parent=window)
    qtbot.addWidget(form)
    form.show()
    type_text(qtbot, form.responsible_unit, "市住建局")
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert db.scalar("SELECT count(*) FROM problems") == 1  # the one build() made
    assert form.isVisible()  # still open, nothing lost
    form.responsible_unit.clear()  # back as it was: closes without asking


def test_filters_status_and_overdue(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page_of(ProblemsPage)
    assert isinstance(page, ProblemsPage)
    window.show_page(page)
    assert texts(page, 2) == ["电力增容未落实"]
    qtbot.mouseClick(page.overdue_box, Qt.MouseButton.LeftButton)
    assert texts(page, 2) == ["电力增容未落实"]  # due 2024-05-31: overdue today
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)  # solved only
    assert texts(page, 2) == []
    page.search.setFocus()
    page.status_filter.setCurrentIndex(0)
    type_text(qtbot, page.search, "供电")
    assert texts(page, 2) == ["电力增容未落实"]
    type_text(qtbot, page.search, "xyz")
    assert texts(page, 2) == []
