"""The Projects page (项目): every project in one sortable table, filtered by park, stage,
signing year and key flag, found as you type (Chinese included), with a footer of the count,
planned total and completed investment of what is shown (summed in SQL, exact, 亿元).

Terminated projects are hidden unless "Show terminated" (also in the View menu) is on or the
stage filter asks for them. The page loads when first shown, and stays quick on 100,000
projects: see :mod:`parktracker.ui.models.projects_model`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import fill
from parktracker.io.export_layout import TableKind
from parktracker.services.changes import Changes
from parktracker.services.export import ExportScope, TableExport
from parktracker.services.history import RecordKind, RecordRef
from parktracker.services.parks import list_parks
from parktracker.services.project_listing import ListingQuery, signed_years
from parktracker.services.projects import delete_project, get_project
from parktracker.ui import number_display
from parktracker.ui.dialogs.investment_grid import InvestmentGrid
from parktracker.ui.dialogs.park_investment_dialog import ParkInvestmentDialog
from parktracker.ui.dialogs.project_form import ProjectForm
from parktracker.ui.dialogs.stage_dialog import StageDialog
from parktracker.ui.models.projects_model import ProjectsModel
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.table_copy import install_copy

# A keystroke's search runs once the keystrokes already waiting have been read: no pause is
# waited for (a search takes 15-45 ms on 100,000 projects), and keys typed while a search ran
# arrive together and run one search, for the last of them.
SEARCH_DELAY_MS = 0
COLUMN_WIDTHS = (120, 220, 140, 80, 72, 80, 80, 64, 86, 86, 86, 56)


class ProjectsPage(Page):
    key_only: QCheckBox
    show_terminated: QCheckBox

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = ProjectsModel(session.db, self)
        self._stale = True
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._build_filters())
        second = QHBoxLayout()
        for box in (self.key_only, self.show_terminated):
            second.addWidget(box)
        second.addStretch(1)
        second.addLayout(self._build_buttons())
        layout.addLayout(second)
        self.view = self._build_view()
        layout.addWidget(self.view, 1)
        self.footer = QLabel(self)
        self.footer.setObjectName("totalsFooter")
        self.footer.setStyleSheet("padding:4px 2px;color:#344054;")
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.footer)
        self._build_actions()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.actions_changed.connect(self._update_buttons)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Projects")

    def print_table(self) -> tuple[str, str, QAbstractItemModel] | None:
        """The rows the filters select, in the order shown, under a line saying the date, the
        filters and the totals."""
        if self.search_timer.isActive():
            self.apply_filters()  # the last keystroke counts
        self.ensure_loaded()
        return self.title(), "    ".join([self.filter_text(), self.footer.text()]), self.model

    def filter_text(self) -> str:
        """The date and the filters in force, in words (for a printout)."""
        query = self.query()
        parts = [fill(self.tr("As of %1"), (self.model.today.isoformat(),))]
        for caption, combo in (
            (self.tr("Park:"), self.park_filter),
            (self.tr("Stage:"), self.stage_filter),
            (self.tr("Signed in:"), self.year_filter),
        ):
            parts.append(caption + combo.currentText())
        if query.key_only:
            parts.append(self.key_only.text())
        if query.show_terminated:
            parts.append(self.show_terminated.text())
        if query.search.strip():
            parts.append(fill(self.tr("Search: %1"), (query.search.strip(),)))
        return self.tr(", ").join(parts)

    # ---------------------------------------------------------------- building
    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("projectSearch")
        self.search.setPlaceholderText(self.tr("Find by name, company or notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        row.addWidget(self.search, 1)
        self.park_filter = self._combo("parkFilter", self.tr("Park:"), row)
        self.stage_filter = self._combo("stageFilter", self.tr("Stage:"), row)
        self.stage_filter.addItem(self.tr("All stages"), None)
        for stage in Stage:
            self.stage_filter.addItem(qt_tr(stage.text), stage)
        self.year_filter = self._combo("yearFilter", self.tr("Signed in:"), row)
        self.park_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.park_filter.setMinimumContentsLength(9)
        self.key_only = QCheckBox(self.tr("Key projects only"), self)
        self.key_only.setObjectName("keyOnly")
        self.key_only.toggled.connect(self.apply_filters)
        self.show_terminated = QCheckBox(self.tr("Show terminated"), self)
        self.show_terminated.setObjectName("showTerminated")
        self._fill_parks()
        self._fill_years()
        for combo in (self.park_filter, self.stage_filter, self.year_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        return row

    def _combo(self, name: str, label: str, row: QHBoxLayout) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption = QLabel(label, self)
        caption.setBuddy(combo)
        row.addWidget(caption)
        row.addWidget(combo)
        return combo

    def _build_buttons(self) -> QHBoxLayout:
        """Add, and the two project commands that have no standard key; Edit and Delete are
        also in the Edit menu (F2/Enter, Del) and the table's context menu."""
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add project…"), self)
        self.stage_button = QPushButton(self.tr("Advance stage…"), self)
        self.investment_button = QPushButton(self.tr("Monthly investment…"), self)
        self.park_investment_button = QPushButton(self.tr("Monthly investment by park…"), self)
        self.park_investment_button.setToolTip(
            self.tr("A park's projects by month: type or paste a whole month at once")
        )
        for button, name, slot in (
            (self.add_button, "addProject", self.add),
            (self.stage_button, "advanceStage", self.advance_stage),
            (self.investment_button, "monthlyInvestment", self.edit_investment),
            (self.park_investment_button, "parkInvestment", self.edit_park_investment),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def _build_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("projectsTable")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows can be selected to copy them (Ctrl+C); the project commands need one.
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        vertical = view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        metrics = header.fontMetrics()
        # The stage column fits the longest stage name in the UI language.
        stage_width = max(view.fontMetrics().horizontalAdvance(qt_tr(s.text)) for s in Stage) + 16
        # The park column fits the longest park name shown (the names are not cut off).
        park_width = max(
            (
                view.fontMetrics().horizontalAdvance(self.park_filter.itemText(i))
                for i in range(1, self.park_filter.count())
            ),
            default=0,
        )
        for column, width in enumerate(COLUMN_WIDTHS):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            longest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            needed = max(width, longest + 28)
            if column == 0:
                needed = max(needed, park_width + 16)
            header.resizeSection(column, max(needed, stage_width) if column == 3 else needed)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        view.doubleClicked.connect(self._double_clicked)
        view.selectionModel().selectionChanged.connect(lambda *_: self.actions_changed.emit())
        view.installEventFilter(self)
        return view

    def _build_actions(self) -> None:
        self.show_terminated_action = QAction(self.tr("Show Terminated Projects"), self)
        self.show_terminated_action.setCheckable(True)
        self.show_terminated_action.toggled.connect(self.show_terminated.setChecked)
        self.show_terminated.toggled.connect(self.show_terminated_action.setChecked)
        self.show_terminated.toggled.connect(self.apply_filters)
        self.edit_action = QAction(self.tr("Edit…"), self)
        self.edit_action.triggered.connect(self.edit)
        self.stage_action = QAction(self.tr("Advance stage…"), self)
        self.stage_action.triggered.connect(self.advance_stage)
        self.investment_action = QAction(self.tr("Monthly investment…"), self)
        self.investment_action.triggered.connect(self.edit_investment)
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.delete_action.triggered.connect(self.delete)
        self.copy_action = install_copy(self.view)
        self.view.addActions(
            [self.edit_action, self.stage_action, self.investment_action, self.delete_action]
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def view_actions(self) -> list[QAction]:
        """For the View menu: the switch that shows terminated projects."""
        return [self.show_terminated_action]

    # ---------------------------------------------------------------- filters
    def _fill_parks(self) -> None:
        current = self.park_filter.currentData()
        self.park_filter.blockSignals(True)
        self.park_filter.clear()
        self.park_filter.addItem(self.tr("All parks"), None)
        for park in list_parks(self.session.db):
            self.park_filter.addItem(park.short_name, park.id)
        self.park_filter.setCurrentIndex(max(self.park_filter.findData(current), 0))
        self.park_filter.blockSignals(False)

    def _fill_years(self) -> None:
        current = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), None)
        for year in signed_years(self.session.db):
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(current), 0))
        self.year_filter.blockSignals(False)

    def query(self) -> ListingQuery:
        park = self.park_filter.currentData()
        stage = self.stage_filter.currentData()
        year = self.year_filter.currentData()
        return ListingQuery(
            park_id=None if park is None else int(park),
            stage=stage if isinstance(stage, Stage) else None,
            signed_year=None if year is None else int(year),
            key_only=self.key_only.isChecked(),
            show_terminated=self.show_terminated.isChecked(),
            search=self.search.text(),
        )

    def apply_filters(self) -> None:
        """Run the current filters and search now (typing runs this once the keys already typed
        have been read)."""
        self.search_timer.stop()
        if self._stale:
            self.ensure_loaded()
            return
        selected = self.selected_id()
        self.model.set_query(self.query())
        self._after_query(selected)

    def _after_query(self, selected: int | None) -> None:
        if selected is not None:
            self.select_project(selected)
        self._update_footer()
        self.count_changed.emit(self.model.rowCount())
        self.actions_changed.emit()

    def _update_footer(self) -> None:
        matches = self.model.matches
        self.footer.setText(
            "    ".join(
                [
                    fill(self.tr("%1 projects"), (matches.count,)),
                    fill(
                        self.tr("Planned total: %1"),
                        (number_display.current().amount(matches.planned_total),),
                    ),
                    fill(
                        self.tr("Completed: %1"),
                        (number_display.current().amount(matches.completed_total),),
                    ),
                ]
            )
        )

    # ---------------------------------------------------------------- loading
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        """Load (or reload after changes made while hidden) the first time it is needed."""
        if self._stale and not self._loading:
            self.reload()

    def reload(self) -> None:
        self._loading = True
        try:
            self._stale = False
            selected = self.selected_id()
            self._fill_years()
            self.model.refresh_with(self.query())
            self._after_query(selected)
        finally:
            self._loading = False

    def on_data_changed(self, changes: Changes) -> None:
        if not (
            changes.projects
            or changes.stages
            or changes.investment
            or changes.plans
            or changes.parks
        ):
            return
        if changes.parks:
            self._fill_parks()
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    # ---------------------------------------------------------------- selection
    def can_export(self) -> bool:
        return True

    def export_request(self) -> TableExport:
        """The projects the filters and search select, in the order shown."""
        self.ensure_loaded()
        return TableExport(TableKind.PROJECTS, ExportScope(ids=list(self.model.ids)))

    def selected_id(self) -> int | None:
        model = self.view.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.project_id(rows[0].row()) if len(rows) == 1 else None

    def history_record(self) -> tuple[RecordRef, str] | None:
        project_id = self.selected_id()
        if project_id is None:
            return None
        project = get_project(self.session.db, project_id)
        name = project.name if project is not None else ""
        return RecordRef(RecordKind.PROJECT, project_id), name

    def select_project(self, project_id: int) -> bool:
        row = self.model.row_of(project_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def record_count(self) -> int:
        self.ensure_loaded()
        return self.model.rowCount()

    def can_add(self) -> bool:
        return not self.session.readonly

    def can_edit(self) -> bool:
        return self.selected_id() is not None and not self.session.readonly

    def can_delete(self) -> bool:
        return self.can_edit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_buttons(self) -> None:
        editable = self.can_edit()
        self.add_button.setEnabled(self.can_add())
        for widget in (
            self.stage_button,
            self.investment_button,
            self.edit_action,
            self.stage_action,
            self.investment_action,
            self.delete_action,
        ):
            widget.setEnabled(editable)

    def _double_clicked(self, _index: QModelIndex) -> None:
        if self.can_edit():
            self.edit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                if self.can_edit():
                    self.edit()
                return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- commands
    def _current_project(self) -> Any:
        project_id = self.selected_id()
        if project_id is None:
            return None
        project = get_project(self.session.db, project_id)
        if project is None:  # deleted meanwhile (e.g. undone elsewhere)
            self.reload()
        return project

    def add(self) -> None:
        if not self.can_add():
            return
        park = self.park_filter.currentData()
        form = ProjectForm(self.session, park_id=None if park is None else int(park), parent=self)
        form.exec()
        self._select_saved(form.saved_id)

    def edit(self) -> None:
        if not self.can_edit():
            return
        project = self._current_project()
        if project is None:
            return
        form = ProjectForm(self.session, project, parent=self)
        form.exec()
        self._select_saved(form.saved_id or project.id)

    def advance_stage(self) -> None:
        if not self.can_edit():
            return
        project = self._current_project()
        if project is None:
            return
        if project.stage is Stage.TERMINATED:
            QMessageBox.information(
                self, self.tr("Advance stage"), self.tr("A terminated project cannot change stage.")
            )
            return
        StageDialog(self.session, project, parent=self).exec()
        self._select_saved(project.id)

    def edit_investment(self) -> None:
        if not self.can_edit():
            return
        project = self._current_project()
        if project is None:
            return
        InvestmentGrid(self.session, project, parent=self).exec()
        self._select_saved(project.id)

    def edit_park_investment(self) -> ParkInvestmentDialog:
        """Open the projects × months grid of the park chosen in the filter (or of the selected
        project's park)."""
        park_id = self.park_filter.currentData()
        if park_id is None:
            project = self._current_project()
            park_id = None if project is None else project.park_id
        dialog = ParkInvestmentDialog(self.session, self, park_id=park_id)
        self.park_investment_dialog = dialog
        dialog.open()
        return dialog

    def delete(self) -> None:
        if not self.can_delete():
            return
        project = self._current_project()
        if project is None:
            return
        what = fill(
            self.tr("the project “%1” with its stage history and investment figures"),
            (project.name,),
        )
        if self.confirm_delete(what):
            project_id = project.id
            self.run(
                fill(self.tr("Delete project “%1”"), (project.name,)),
                lambda db: delete_project(db, project_id=project_id),
            )

    def _select_saved(self, project_id: int | None) -> None:
        if project_id is not None:
            self.ensure_loaded()
            self.select_project(project_id)

    # ---------------------------------------------------------------- window state
    def save_state(self) -> dict[str, object]:
        return {
            "header": self.view.horizontalHeader().saveState(),
            "show_terminated": self.show_terminated.isChecked(),
        }

    def restore_state(self, state: dict[str, object]) -> None:
        header = state.get("header")
        if isinstance(header, QByteArray):
            self.view.horizontalHeader().restoreState(header)
        shown = state.get("show_terminated")
        if isinstance(shown, bool | str):
            self.show_terminated.setChecked(shown in (True, "true"))
