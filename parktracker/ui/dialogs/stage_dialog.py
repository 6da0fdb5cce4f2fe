"""Advancing a project's stage: signed → under construction → in production, negotiating →
signed, or terminated from any live stage. The change and its history entry are one undoable
step.

The usual next step is preselected; a project in production has none, so nothing is chosen
and Enter cannot terminate it. The date is never today by default: it starts as the project's
own date for the chosen stage (its start date for 在建, say) when the project has one, and
empty otherwise, and Save stays disabled until a day is given. Terminating needs a reason,
kept as the note of the stage history entry, and a confirmation."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QWidget

from parktracker.domain.dates import DateParseError
from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, fill
from parktracker.domain.models import Project
from parktracker.domain.validation import (
    M_REQUIRED,
    STAGE_DATE_FIELD,
    Problem,
    errors_only,
    validate_project,
)
from parktracker.services.project_listing import other_project_names
from parktracker.services.projects import M_DATE_BEFORE_LAST, advance_stage, stage_history
from parktracker.ui.session import Session
from parktracker.ui.text import day_text, qt_tr
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog

# The project date that reaching a stage fills in (as services.projects.advance_stage does).
DATE_FIELD = STAGE_DATE_FIELD

M_REASON_REQUIRED = QT_TRANSLATE_NOOP("StageDialog", "Give the reason for terminating.")


def next_stages(stage: Stage) -> list[Stage]:
    """The stages a project in ``stage`` may move to, the usual next step first."""
    return [s for s in Stage if stage.can_advance_to(s)]


def forward_stage(stage: Stage) -> Stage | None:
    """The usual next step of a project in ``stage``; None when only terminating is left."""
    return next((s for s in next_stages(stage) if s is not Stage.TERMINATED), None)


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
        self.stage_box.setObjectName("newStage")
        self.stage_box.setPlaceholderText(self.tr("Choose the new stage"))
        for stage in next_stages(project.stage):
            self.stage_box.addItem(qt_tr(stage.text), stage)
        forward = forward_stage(project.stage)
        self.stage_box.setCurrentIndex(self.stage_box.findData(forward) if forward else -1)
        self.date = DateField(self, optional=False)
        self.date.setObjectName("stageDate")
        self.note = QLineEdit(self)
        self.note.setObjectName("stageNote")
        self.add_field("stage", self.tr("New stage"), self.stage_box)
        self.add_field("date", self.tr("Date"), self.date)
        self.add_field("note", self.tr("Note"), self.note)
        self.save_button.setText(self.tr("Change stage"))
        if self.stage_box.count() == 0:
            self.stage_box.setEnabled(False)
        self._prefilled: dt.date | None = None
        self._stage_chosen()
        self.stage_box.currentIndexChanged.connect(self._stage_chosen)
        self.finish()
        if self.target() is None:  # nothing chosen: say so once the user tries or moves on
            self._quiet.add("stage")
            self.revalidate()

    def target(self) -> Stage | None:
        stage = self.stage_box.currentData()
        return stage if isinstance(stage, Stage) else None

    def _stage_chosen(self) -> None:
        """Offer the project's own date for the chosen stage (unless the user typed one), and
        ask for a reason when terminating."""
        target = self.target()
        field = DATE_FIELD.get(target) if target is not None else None
        own = getattr(self.project, field) if field else None
        own = own if isinstance(own, dt.date) else None
        try:
            untouched = self.date.value() == self._prefilled
        except DateParseError:
            untouched = False
        if untouched:
            self.date.set_value(own)
            self._prefilled = own
        terminating = target is Stage.TERMINATED
        self.note.setPlaceholderText(
            self.tr("Why the project is terminated (required)")
            if terminating
            else self.tr("Optional")
        )
        holder = self.messages["note"].parentWidget()
        label = self.form.labelForField(holder) if holder is not None else None
        text = self.tr("Reason") if terminating else self.tr("Note")
        if isinstance(label, QLabel):
            label.setText(text)
        self._labels["note"] = text

    def problems(self) -> list[Problem]:
        target = self.target()
        if target is None:
            return [Problem("stage", M_REQUIRED)]
        out: list[Problem] = []
        if target is Stage.TERMINATED and not self.note.text().strip():
            out.append(Problem("note", M_REASON_REQUIRED))
        day = self.date.value()
        if day is None:
            return out
        if self.last_date is not None and day < self.last_date:
            out.append(Problem("date", M_DATE_BEFORE_LAST, args=(day_text(self.last_date),)))
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
        if target is Stage.TERMINATED and not self._confirm_termination(note):
            raise _NotConfirmed
        project_id = self.project_id
        self.changed = self.session.perform(
            fill(self.tr("Change stage of project “%1”"), (self.project.name,)),
            lambda db: advance_stage(db, project_id=project_id, stage=target, date=day, note=note),
        )

    def _confirm_termination(self, reason: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Terminate project"),
            fill(
                self.tr("Terminate the project “%1”? Reason: %2"),
                (self.project.name, reason),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _save(self) -> None:
        with contextlib.suppress(_NotConfirmed):  # the dialog stays open, as it was
            super()._save()


class _NotConfirmed(Exception):
    """The user said No to terminating: nothing is saved and the dialog stays open."""
