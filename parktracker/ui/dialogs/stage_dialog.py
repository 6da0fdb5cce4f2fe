"""Advancing a project's stage: signed → under construction → in production, negotiating →
signed, or terminated from any live stage. Asks for the date (today by default) and an optional
note; the change and its history entry are one undoable step."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Project
from parktracker.domain.validation import Problem, errors_only, validate_project
from parktracker.services.project_listing import other_project_names
from parktracker.services.projects import M_DATE_BEFORE_LAST, advance_stage, stage_history
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog

# The project date that reaching a stage fills in (as services.projects.advance_stage does).
DATE_FIELD = {
    Stage.SIGNED: "signed_date",
    Stage.UNDER_CONSTRUCTION: "actual_start_date",
    Stage.IN_PRODUCTION: "production_date",
}


def next_stages(stage: Stage) -> list[Stage]:
    """The stages a project in ``stage`` may move to, the usual next step first."""
    return [s for s in Stage if stage.can_advance_to(s)]


class StageDialog(FormDialog):
    """Moves ``project`` to a later stage; ``changed`` holds the stored change afterwards."""

    def __init__(self, session: Session, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(session, fill(self.tr("Advance stage of “%1”"), (project.name,)), parent)
        assert project.id is not None
        self.project = project
        self.project_id: int = project.id
        self.changed: object = None
        history = stage_history(session.db, project.id)
        self.last_date: dt.date | None = history[-1].date if history else None
        self._names = other_project_names(
            session.db, park_id=project.park_id, exclude_id=project.id
        )

        current = QLabel(qt_tr(project.stage.text), self)
        current.setObjectName("currentStage")
        self.form.addRow(self.tr("Current stage"), current)
        self.stage_box = QComboBox(self)
        for stage in next_stages(project.stage):
            self.stage_box.addItem(qt_tr(stage.text), stage)
        self.date = DateField(self, optional=False)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Optional, e.g. the reason for terminating"))
        self.add_field("stage", self.tr("New stage"), self.stage_box)
        self.add_field("date", self.tr("Date"), self.date)
        self.add_field("note", self.tr("Note"), self.note)
        self.save_button.setText(self.tr("Change stage"))
        if self.stage_box.count() == 0:
            self.stage_box.setEnabled(False)
        self.finish()

    def target(self) -> Stage | None:
        stage = self.stage_box.currentData()
        return stage if isinstance(stage, Stage) else None

    def problems(self) -> list[Problem]:
        target = self.target()
        day = self.date.value()
        if target is None or day is None:
            return []
        out: list[Problem] = []
        if self.last_date is not None and day < self.last_date:
            out.append(Problem("date", M_DATE_BEFORE_LAST, args=(self.last_date.isoformat(),)))
        changed = dataclasses.replace(self.project, stage=target)
        field = DATE_FIELD.get(target)
        if field:
            setattr(changed, field, day)
        for problem in errors_only(validate_project(changed, other_names_in_park=self._names)):
            # A date conflict caused by the new stage's date is shown beside the date chosen
            # (one message there at a time: the first found).
            if problem.field == field:
                if any(p.field == "date" for p in out):
                    continue
                problem = dataclasses.replace(problem, field="date")  # noqa: PLW2901
            out.append(problem)
        return out

    def store(self) -> None:
        target = self.target()
        day = self.date.value()
        if target is None or day is None:
            return
        note = self.note.text().strip()
        project_id = self.project_id
        self.changed = self.session.perform(
            fill(self.tr("Change stage of project “%1”"), (self.project.name,)),
            lambda db: advance_stage(db, project_id=project_id, stage=target, date=day, note=note),
        )
