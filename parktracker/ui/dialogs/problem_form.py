"""The form of one problem (问题): park and project, description, responsible unit, raised and
due dates, status, and a new dated progress note; the notes so far are listed below."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from parktracker.domain.i18n_markers import fill
from parktracker.domain.problems import (
    ProblemNote,
    ProblemRecord,
    ProblemStatus,
    validate_note,
    validate_problem,
)
from parktracker.domain.validation import Problem
from parktracker.services.handles import Database
from parktracker.services.parks import list_parks
from parktracker.services.problems import (
    add_note,
    add_problem,
    notes_of,
    project_choices,
    update_problem,
)
from parktracker.ui.session import Session
from parktracker.ui.text import day_text, qt_tr
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog


class ProblemForm(FormDialog):
    """Adds a problem (``problem`` None; ``park_id``/``project_id`` preset) or edits one."""

    def __init__(
        self,
        session: Session,
        problem: ProblemRecord | None = None,
        *,
        park_id: int | None = None,
        project_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New problem") if problem is None else self.tr("Edit problem")
        super().__init__(session, title, parent)
        self.setObjectName("problemForm")
        self.problem = problem
        self.saved_id: int | None = None
        self.setMinimumWidth(620)
        self.park = QComboBox(self)
        for park in list_parks(session.db):
            self.park.addItem(park.name, park.id)
        self.project = QComboBox(self)
        self.add_field("park", self.tr("&Park"), self.park)
        self.add_field("project", self.tr("Pro&ject"), self.project)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.add_field("description", self.tr("&Description"), self.description)
        self.responsible_unit = QLineEdit(self)
        self.add_field("responsible_unit", self.tr("&Responsible unit"), self.responsible_unit)
        self.raised = DateField(self, optional=False)
        self.add_field("raised", self.tr("Raised &on"), self.raised)
        self.due = DateField(self)
        self.add_field("due", self.tr("D&ue by"), self.due)
        self.status = QComboBox(self)
        for status in ProblemStatus:
            self.status.addItem(qt_tr(status.text), status)
        self.add_field("status", self.tr("&Status"), self.status)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Progress today (optional), e.g. a meeting held"))
        self.add_field("note", self.tr("Progress &note"), self.note)
        self.history = QLabel(self)
        self.history.setObjectName("problemNotes")
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color:#475467;")
        self.form.addRow(self.tr("Notes so far"), self.history)
        self.park.currentIndexChanged.connect(self._fill_projects)
        start = problem or ProblemRecord(
            park_id=park_id or 0, description="", raised=dt.date.today(), project_id=project_id
        )
        self._load(start)
        self.finish()

    def _fill_projects(self, *_: object) -> None:
        current = self.project.currentData()
        self.project.blockSignals(True)
        self.project.clear()
        self.project.addItem(self.tr("(the park itself)"), None)
        park_id = self.park.currentData()
        if park_id is not None:
            for project_id, name in project_choices(self.session.db, park_id=int(park_id)):
                self.project.addItem(name, project_id)
        self.project.setCurrentIndex(max(self.project.findData(current), 0))
        self.project.blockSignals(False)
        self.revalidate()

    def _load(self, problem: ProblemRecord) -> None:
        self.park.setCurrentIndex(max(self.park.findData(problem.park_id), 0))
        self._fill_projects()
        self.project.setCurrentIndex(max(self.project.findData(problem.project_id), 0))
        self.description.setPlainText(problem.description)
        self.responsible_unit.setText(problem.responsible_unit)
        self.raised.set_value(problem.raised)
        self.due.set_value(problem.due)
        self.status.setCurrentIndex(max(self.status.findData(problem.status), 0))
        notes = [] if problem.id is None else notes_of(self.session.db, problem_id=problem.id)
        self.history.setText(
            "\n".join(f"{day_text(n.date)}  {n.note}" for n in notes) or self.tr("None yet")
        )

    def build(self) -> ProblemRecord:
        park_id = self.park.currentData()
        project_id = self.project.currentData()
        status = self.status.currentData()
        assert isinstance(status, ProblemStatus)
        return ProblemRecord(
            park_id=int(park_id) if park_id is not None else 0,
            project_id=None if project_id is None else int(project_id),
            description=self.description.toPlainText().strip(),
            responsible_unit=self.responsible_unit.text().strip(),
            raised=self.raised.value() or dt.date.today(),
            due=self.due.value(),
            status=status,
            id=None if self.problem is None else self.problem.id,
        )

    def problems(self) -> list[Problem]:
        found = validate_problem(self.build())
        if self.note.text().strip():
            found += validate_note(ProblemNote(0, dt.date.today(), self.note.text()))
        return found

    def store(self) -> None:
        problem = self.build()
        note = self.note.text().strip()
        today = dt.date.today()

        def save(db: Database) -> int:
            with db.atomic():  # the problem and its note: one step
                if problem.id is None:
                    problem_id = add_problem(db, problem=problem)
                else:
                    update_problem(db, problem=problem)
                    problem_id = problem.id
                if note:
                    add_note(db, note=ProblemNote(problem_id, today, note))
                return problem_id

        text = self.tr("Add problem") if problem.id is None else self.tr("Edit problem")
        short = problem.description[:20]
        self.saved_id = self.session.perform(fill(self.tr("%1 “%2”"), (text, short)), save)
        self.problem = dataclasses.replace(problem, id=self.saved_id)
