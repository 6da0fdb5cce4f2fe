"""The project form: adds a project or edits one.

Left: park, name, company, responsible unit, contact, stage, planned total and flags. Right:
the dates, notes and, when completed investment exceeds the planned total, the reason for it.
On adding, the stage is chosen; on editing it is shown with an "Advance stage…" button (stage
changes have their own dialog, date and history entry). Below, the stage history.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Project
from parktracker.domain.money import Money
from parktracker.domain.plausibility import Reference
from parktracker.domain.progress import time_in_stage
from parktracker.domain.validation import Problem, validate_project, validate_stage_dates
from parktracker.services.parks import list_parks
from parktracker.services.plausibility import project_total_reference
from parktracker.services.project_listing import completed_total, other_project_names
from parktracker.services.projects import (
    create_project,
    get_project,
    stage_history,
    update_project,
)
from parktracker.ui.dialogs.stage_dialog import DATE_FIELD, StageDialog
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.amount_edit import AmountEdit
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog

NEW_PROJECT_STAGES = (
    Stage.NEGOTIATING,
    Stage.SIGNED,
    Stage.UNDER_CONSTRUCTION,
    Stage.IN_PRODUCTION,
)
DATE_FIELDS = (
    "signed_date",
    "planned_start_date",
    "actual_start_date",
    "planned_completion_date",
    "production_date",
)


def initial_history(project: Project, today: dt.date) -> list[tuple[Stage, dt.date]]:
    """The stage history of a new project: each stage on the way to its stage whose date the
    form gives, then its stage on its own date, never out of order. Only 在谈, which has no
    date of its own, is dated ``today`` (the form requires the date of every other stage)."""
    final_field = DATE_FIELD.get(project.stage)
    final_date = getattr(project, final_field) if final_field else None
    if final_field is not None and not isinstance(final_date, dt.date):
        raise ValueError(f"a new {project.stage.value} project needs its {final_field}")
    final = final_date if isinstance(final_date, dt.date) else today
    entries: list[tuple[Stage, dt.date]] = []
    for stage, field in DATE_FIELD.items():
        day = getattr(project, field)
        if stage.rank < project.stage.rank and isinstance(day, dt.date) and day <= final:
            entries.append((stage, day))
    entries.append((project.stage, final))
    return entries


class ProjectForm(FormDialog):
    """Adds a project (``project`` None) or edits one; ``saved_id`` is set once saved."""

    def __init__(
        self,
        session: Session,
        project: Project | None = None,
        *,
        park_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("New project")
            if project is None
            else fill(self.tr("Edit project “%1”"), (project.name,))
        )
        super().__init__(session, title, parent)
        self.project = project
        self.saved_id: int | None = None
        self._names: dict[int, list[str]] = {}
        self.completed: Money | None = (
            None
            if project is None or project.id is None
            else completed_total(session.db, project_id=project.id)
        )
        self.setMinimumWidth(900)
        self.right = self._two_columns()
        self._build_left(project)
        self._build_right()
        if project is not None:
            self._build_history()
            self._load(project)
        else:
            self._select_park(park_id)
        self._update_reason_row()
        self.finish()

    # ---------------------------------------------------------------- building
    def _two_columns(self) -> QFormLayout:
        """Put the base class's form on the left and a second form beside it."""
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        left = self.form
        outer.removeItem(left)
        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for form in (left, right):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)
            columns.addLayout(column, 1)
        outer.insertLayout(0, columns)
        return right

    def _in_right_column(self, name: str, label: str, widget: QWidget) -> QWidget:
        left = self.form
        self.form = self.right
        try:
            return self.add_field(name, label, widget)
        finally:
            self.form = left

    def _build_left(self, project: Project | None) -> None:
        self.park = QComboBox(self)
        self.park.setObjectName("park")
        for park in list_parks(self.session.db):
            self.park.addItem(park.short_name, park.id)
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.company = QLineEdit(self)
        self.responsible_unit = QLineEdit(self)
        self.contact = QLineEdit(self)
        self.add_field("park", self.tr("Park"), self.park)
        self.add_field("name", self.tr("Project name"), self.name)
        self.add_field("company", self.tr("Company"), self.company)
        self.add_field("responsible_unit", self.tr("Responsible unit"), self.responsible_unit)
        self.add_field("contact", self.tr("Contact"), self.contact)
        if project is None:
            self.stage = QComboBox(self)
            self.stage.setObjectName("stage")
            for stage in NEW_PROJECT_STAGES:
                self.stage.addItem(qt_tr(stage.text), stage)
            self.stage.setCurrentIndex(NEW_PROJECT_STAGES.index(Stage.SIGNED))
            self.add_field("stage", self.tr("Stage"), self.stage)
        else:
            row = QWidget(self)
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            self.stage_label = QLabel(qt_tr(project.stage.text), row)
            self.stage_label.setObjectName("stageLabel")
            self.advance_button = QPushButton(self.tr("Advance stage…"), row)
            self.advance_button.setObjectName("advanceStage")
            self.advance_button.clicked.connect(self.advance_stage)
            box.addWidget(self.stage_label, 1)
            box.addWidget(self.advance_button)
            self.form.addRow(self.tr("Stage"), row)
            self.stage_age = QLabel(self)
            self.stage_age.setObjectName("stageAge")
            self.form.addRow(self.tr("In current stage"), self.stage_age)
            self._update_advance_button()
        self.planned_total = AmountEdit(self)
        self.planned_total.setObjectName("plannedTotal")
        self.add_field("planned_total", self.tr("Planned total investment"), self.planned_total)
        self.is_key = QCheckBox(self.tr("Key project"), self)
        self.is_chain_leader = QCheckBox(self.tr("Chain-leader project"), self)
        self.add_field("is_key", "", self.is_key)
        self.add_field("is_chain_leader", "", self.is_chain_leader)

    def _build_right(self) -> None:
        self.dates: dict[str, DateField] = {name: DateField(self) for name in DATE_FIELDS}
        labels = {
            "signed_date": self.tr("Signed"),
            "planned_start_date": self.tr("Planned start"),
            "actual_start_date": self.tr("Actual start"),
            "planned_completion_date": self.tr("Planned completion"),
            "production_date": self.tr("In production"),
        }
        for name in DATE_FIELDS:
            self.dates[name].setObjectName(name)
            self._in_right_column(name, labels[name], self.dates[name])
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(84)
        self._in_right_column("notes", self.tr("Notes"), self.notes)
        self.over_plan_reason = QLineEdit(self)
        self.over_plan_reason.setObjectName("overPlanReason")
        self.over_plan_reason.setPlaceholderText(
            self.tr("Why completed investment exceeds the planned total")
        )
        self._in_right_column(
            "over_plan_reason", self.tr("Over-plan reason"), self.over_plan_reason
        )

    def _build_history(self) -> None:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        heading = QLabel(self.tr("Stage history"), box)
        heading.setStyleSheet("font-weight:600;color:#1f4e79;")
        layout.addWidget(heading)
        self.history = QTableWidget(0, 3, box)
        self.history.setObjectName("stageHistory")
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Stage"), self.tr("Note")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history.setFixedHeight(120)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.history)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        self._load_history()
        if self.project is None or self.project.id is None:
            outer.insertWidget(1, box)
            return
        from parktracker.ui.pages.problems import ProblemsSection

        # The stage history and the project's problems side by side: the form fits 720 px.
        row = QHBoxLayout()
        row.addWidget(box, 2)
        self.problems_section = ProblemsSection(
            self.session, park_id=self.project.park_id, project_id=self.project.id, parent=self
        )
        row.addWidget(self.problems_section, 3)
        outer.insertLayout(1, row)

    # ---------------------------------------------------------------- filling in
    def _select_park(self, park_id: int | None) -> None:
        index = self.park.findData(park_id) if park_id is not None else -1
        self.park.setCurrentIndex(max(index, 0))

    def _load(self, project: Project) -> None:
        self._select_park(project.park_id)
        self.name.setText(project.name)
        self.company.setText(project.company)
        self.responsible_unit.setText(project.responsible_unit)
        self.contact.setText(project.contact)
        self.planned_total.set_value(project.planned_total)
        for name in DATE_FIELDS:
            self.dates[name].set_value(getattr(project, name))
        self.is_key.setChecked(project.is_key)
        self.is_chain_leader.setChecked(project.is_chain_leader)
        self.notes.setPlainText(project.notes)
        self.over_plan_reason.setText(project.over_plan_reason)

    def _load_history(self) -> None:
        if self.project is None or self.project.id is None:
            return
        entries = stage_history(self.session.db, self.project.id)
        self._show_stage_age([entry.date for entry in entries])
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(
                (entry.date.isoformat(), qt_tr(entry.stage.text), entry.note)
            ):
                self.history.setItem(row, column, QTableWidgetItem(text))

    def _show_stage_age(self, dates: list[dt.date]) -> None:
        """ "In this stage for 5 months (since 2024-01-15)": from the latest history entry up
        to today (nothing without one)."""
        if not hasattr(self, "stage_age"):
            return
        today = dt.date.today()
        since = max((day for day in dates if day <= today), default=None)
        if since is None:
            self.stage_age.clear()
            return
        self.stage_age.setText(
            self.tr("%1 (since %2)")
            .replace("%1", qt_tr(*time_in_stage(since, today)))
            .replace("%2", since.isoformat())
        )

    # ---------------------------------------------------------------- the record
    def build(self) -> Project:
        """The project as the fields describe it (call only when the fields hold no errors)."""
        park_id = self.park.currentData()
        if self.project is None:
            stage = self.stage.currentData()
            assert isinstance(stage, Stage)
        else:
            stage = self.project.stage
        dates = {name: field.value() for name, field in self.dates.items()}
        return Project(
            park_id=int(park_id) if park_id is not None else 0,
            name=self.name.text().strip(),
            stage=stage,
            company=self.company.text().strip(),
            responsible_unit=self.responsible_unit.text().strip(),
            contact=self.contact.text().strip(),
            planned_total=self.planned_total.value(),
            signed_date=dates["signed_date"],
            planned_start_date=dates["planned_start_date"],
            actual_start_date=dates["actual_start_date"],
            planned_completion_date=dates["planned_completion_date"],
            production_date=dates["production_date"],
            is_key=self.is_key.isChecked(),
            is_chain_leader=self.is_chain_leader.isChecked(),
            notes=self.notes.toPlainText().strip(),
            over_plan_reason=self.over_plan_reason.text().strip(),
            sample=False if self.project is None else self.project.sample,
            id=None if self.project is None else self.project.id,
        )

    def amount_reference(self, name: str) -> Reference | None:
        """A planned total is compared with the largest of the chosen park's other projects."""
        park_id = self.park.currentData()
        if name != "planned_total" or park_id is None:
            return super().amount_reference(name)
        exclude = None if self.project is None else self.project.id
        return project_total_reference(
            self.session.db, park_id=int(park_id), exclude_project_id=exclude
        )

    def _names_in(self, park_id: int) -> list[str]:
        if park_id not in self._names:
            exclude = None if self.project is None else self.project.id
            self._names[park_id] = other_project_names(
                self.session.db, park_id=park_id, exclude_id=exclude
            )
        return self._names[park_id]

    def problems(self) -> list[Problem]:
        project = self.build()
        problems = validate_project(
            project,
            other_names_in_park=self._names_in(project.park_id),
            completed_total=self.completed,
        )
        return problems + validate_stage_dates(project, new=self.project is None)

    def revalidate(self) -> bool:
        self._update_reason_row()
        return super().revalidate()

    def _over_plan(self) -> bool:
        if self.completed is None or "planned_total" in self.field_errors():
            return False
        planned = self.planned_total.value()
        return planned is not None and self.completed.yuan > planned.yuan

    def _update_reason_row(self) -> None:
        reason = getattr(self, "over_plan_reason", None)
        if reason is None:
            return
        holder = self.messages["over_plan_reason"].parentWidget()
        assert holder is not None
        self.right.setRowVisible(holder, self._over_plan() or bool(reason.text().strip()))

    def store(self) -> None:
        project = self.build()
        if self.project is None:
            history = initial_history(project, dt.date.today())
            self.saved_id = self.session.perform(
                fill(self.tr("Add project “%1”"), (project.name,)),
                lambda db: create_project(db, project=project, history=history),
            )
        else:
            self.session.perform(
                fill(self.tr("Edit project “%1”"), (project.name,)),
                lambda db: update_project(db, project=project),
            )
            self.saved_id = project.id

    # ---------------------------------------------------------------- stage changes
    def _update_advance_button(self) -> None:
        project = self.project
        self.advance_button.setEnabled(
            project is not None
            and project.stage is not Stage.TERMINATED
            and not self.session.readonly
        )

    def advance_stage(self) -> None:
        """Open the stage dialog; the change is saved there (its own undo step)."""
        if self.project is None or self.project.id is None:
            return
        current = get_project(self.session.db, self.project.id)
        if current is None:
            return
        dialog = StageDialog(self.session, current, parent=self)
        if dialog.exec():
            self.stage_changed()

    def stage_changed(self) -> None:
        """Show the project's new stage and history; fill in the date the change set."""
        if self.project is None or self.project.id is None:
            return
        fresh = get_project(self.session.db, self.project.id)
        if fresh is None:
            return
        was_dirty = self.dirty
        self.project = fresh
        self.stage_label.setText(qt_tr(fresh.stage.text))
        self._update_advance_button()
        self._load_history()
        if was_dirty:
            field = DATE_FIELD.get(fresh.stage)
            if field:
                self.dates[field].set_value(getattr(fresh, field))
        else:
            self._load(fresh)
            self._initial = self.state()
        self.revalidate()
