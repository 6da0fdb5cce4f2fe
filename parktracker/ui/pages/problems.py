"""The Problems page (问题清单): every problem of the parks and their projects, filterable by
park, status and overdue; add, edit (with progress notes) and delete, each undoable. The same
table, narrowed to one project, sits in the project form (:class:`ProblemsSection`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.domain.problems import ProblemStatus
from parktracker.services.changes import Changes
from parktracker.services.parks import list_parks
from parktracker.services.problems import ProblemRow, delete_problem, list_problems
from parktracker.ui.dialogs.problem_form import ProblemForm
from parktracker.ui.models.table_model import Column, Kind, RecordFilterProxy, RecordTableModel
from parktracker.ui.pages.table_page import TablePage
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr


def changes_problems(changes: Changes) -> bool:
    """Whether ``changes`` changes a problem or what a problem's row names (project, park)."""
    return changes.problems or changes.projects or changes.parks


OVERDUE_STYLE = "color:#b42318;"


def problem_columns(*, with_park: bool = True) -> list[Column[ProblemRow]]:
    today = dt.date.today()

    def status(r: ProblemRow) -> str:
        text = qt_tr(r.problem.status.text)
        return (
            fill(QCoreApplication.translate("ProblemColumns", "%1 (overdue)"), (text,))
            if r.problem.overdue(today)
            else text
        )

    columns: list[Column[ProblemRow]] = []
    if with_park:
        columns.append(
            Column(
                QCoreApplication.translate("ProblemColumns", "Park"),
                lambda r: r.park,
                searchable=True,
            )
        )
        columns.append(
            Column(
                QCoreApplication.translate("ProblemColumns", "Project"),
                lambda r: (
                    r.project or QCoreApplication.translate("ProblemColumns", "(the park itself)")
                ),
                searchable=True,
            )
        )
    columns += [
        Column(
            QCoreApplication.translate("ProblemColumns", "Problem"),
            lambda r: r.problem.description,
            searchable=True,
        ),
        Column(
            QCoreApplication.translate("ProblemColumns", "Responsible unit"),
            lambda r: r.problem.responsible_unit,
            searchable=True,
        ),
        Column(
            QCoreApplication.translate("ProblemColumns", "Raised"),
            lambda r: r.problem.raised,
            Kind.DATE,
        ),
        Column(
            QCoreApplication.translate("ProblemColumns", "Due"), lambda r: r.problem.due, Kind.DATE
        ),
        Column(QCoreApplication.translate("ProblemColumns", "Status"), status),
        Column(
            QCoreApplication.translate("ProblemColumns", "Latest progress"),
            lambda r: r.latest_note,
            searchable=True,
        ),
    ]
    return columns


def delete_with_confirmation(page: Any, row: ProblemRow) -> None:
    """Ask, then delete the problem with its notes (one undo step)."""
    problem_id = row.problem.id
    if problem_id is None or not page.confirm_delete(f"“{row.problem.description[:30]}”"):
        return
    page.run(
        fill(
            page.QCoreApplication.translate("ProblemColumns", "Delete problem “%1”"),
            (row.problem.description[:20],),
        ),
        lambda db: delete_problem(db, problem_id=problem_id),
    )


class ProblemsPage(TablePage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("problemsPage")
        self.search.setPlaceholderText(self.tr("Find by problem, unit, project or note…"))

    def title(self) -> str:
        return self.tr("Problems")

    def columns(self) -> list[Column[Any]]:
        return problem_columns()

    def shows(self, changes: Changes) -> bool:
        return changes_problems(changes)

    def add_filters(self, toolbar: QHBoxLayout) -> None:
        self.park_filter = QComboBox(self)
        self.park_filter.setObjectName("problemsPark")
        self.park_filter.setAccessibleName(self.tr("Park"))
        self.park_filter.addItem(self.tr("All parks"), None)
        for park in list_parks(self.session.db):
            self.park_filter.addItem(park.name, park.id)
        toolbar.addWidget(self.park_filter)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("problemsStatus")
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("Not solved"), "unsolved")
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in ProblemStatus:
            self.status_filter.addItem(qt_tr(status.text), status)
        toolbar.addWidget(self.status_filter)
        self.overdue_box = QCheckBox(self.tr("&Overdue only"), self)
        self.overdue_box.setObjectName("problemsOverdue")
        toolbar.addWidget(self.overdue_box)
        self.add_button = QPushButton(self.tr("&Add problem…"), self)
        self.add_button.clicked.connect(self.add)
        toolbar.addWidget(self.add_button)
        self.park_filter.currentIndexChanged.connect(self._filters_changed)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.overdue_box.toggled.connect(self._filters_changed)
        self.proxy.set_predicate(self._predicate())

    def _filters_changed(self, *_: object) -> None:
        self.apply_filter(self._predicate())

    def _predicate(self) -> Any:
        park_id = self.park_filter.currentData()
        status = self.status_filter.currentData()
        overdue = self.overdue_box.isChecked()
        today = dt.date.today()

        def keep(r: ProblemRow) -> bool:
            p = r.problem
            if park_id is not None and p.park_id != park_id:
                return False
            if status == "unsolved" and p.status is ProblemStatus.SOLVED:
                return False
            if isinstance(status, ProblemStatus) and p.status is not status:
                return False
            return not overdue or p.overdue(today)

        return keep

    def load_rows(self) -> list[Any]:
        return list(list_problems(self.session.db))

    def fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in (2, 7):  # the problem and its latest note: readable, not endless
            header.resizeSection(column, min(header.sectionSize(column), 320))

    def add(self) -> None:
        park = self.park_filter.currentData()
        form = ProblemForm(self.session, park_id=None if park is None else int(park), parent=self)
        form.exec()
        if form.saved_id is not None:
            self.select_where(lambda r: r.problem.id == form.saved_id)

    def edit(self) -> None:
        row = self.selected_record()
        if isinstance(row, ProblemRow):
            ProblemForm(self.session, row.problem, parent=self).exec()

    def delete(self) -> None:
        row = self.selected_record()
        if isinstance(row, ProblemRow):
            delete_with_confirmation(self, row)


class ProblemsSection(QWidget):
    """The problems of one project, in its form: the list, Add and Edit."""

    def __init__(self, session: Session, *, park_id: int, project_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("projectProblems")
        self.session = session
        self.park_id = park_id
        self.project_id = project_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Problems needing coordination"), self)
        heading.setStyleSheet("font-weight:600;color:#1f4e79;")
        top.addWidget(heading)
        top.addStretch(1)
        self.add_button = QPushButton(self.tr("Add problem…"), self)
        self.add_button.clicked.connect(self.add)
        self.add_button.setEnabled(not session.readonly)
        self.edit_button = QPushButton(self.tr("Edit problem…"), self)
        self.edit_button.clicked.connect(self.edit)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        self.model: RecordTableModel[ProblemRow] = RecordTableModel(
            problem_columns(with_park=False), self
        )
        proxy = RecordFilterProxy(self)
        proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setFixedHeight(120)  # as high as the stage history beside it
        self.view.doubleClicked.connect(lambda *_: self.edit())
        layout.addWidget(self.view)
        session.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(list_problems(self.session.db, project_id=self.project_id))
        self.view.resizeColumnsToContents()
        self.edit_button.setEnabled(bool(self.model.rows))

    def _changed(self, changes: Changes) -> None:
        if changes_problems(changes):
            self.reload()

    def _selected(self) -> ProblemRow | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            proxy = self.view.model()
            assert isinstance(proxy, RecordFilterProxy)
            return self.model.row_at(proxy.mapToSource(rows[0]).row())
        return self.model.rows[0] if len(self.model.rows) == 1 else None

    def add(self) -> None:
        ProblemForm(
            self.session, park_id=self.park_id, project_id=self.project_id, parent=self
        ).exec()

    def edit(self) -> None:
        row = self._selected()
        if row is not None:
            ProblemForm(self.session, row.problem, parent=self).exec()
