"""The Warnings page (预警): every red and yellow light as of a date with its reason, filtered
by park, by colour and by text; double-clicking a light opens its project or park."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.domain.warnings import Finding, Level
from parktracker.services.changes import Changes
from parktracker.services.parks import list_parks
from parktracker.services.summary import default_as_of
from parktracker.storage.errors import StorageError
from parktracker.ui.models.warnings_model import WarningRow, WarningsModel
from parktracker.ui.navigation import open_park, open_project
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session
from parktracker.ui.text import day_text, qt_tr, storage_error_text
from parktracker.ui.widgets.as_of_field import AsOfField, qdate


def changes_lights(changes: Changes) -> bool:
    """Whether ``changes`` can change a light."""
    return (
        changes.parks
        or changes.projects
        or changes.stages
        or changes.investment
        or changes.plans
        or changes.targets
        or changes.revenue
        or changes.funds
        or changes.problems
        or changes.settings
    )


def rows_of(found: list[Finding], *, park_itself: str, all_parks: str) -> list[WarningRow]:
    """The table's rows, translated (QCoreApplication.translate may run in any thread)."""
    translate = functools.cache(qt_tr)  # a handful of distinct texts for many rows
    rows = []
    for finding in found:
        cells = (
            translate(finding.level.text),
            finding.park or all_parks,
            finding.project or (park_itself if finding.park else ""),
            translate(finding.rule.text),
            finding.render(translate),
        )
        rows.append(WarningRow(finding, cells, "\n".join(cells[1:]).casefold()))
    return rows


class WarningsPage(Page):
    loaded = Signal()  # the lights of the chosen date are shown

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("warningsPage")
        self._loaded = False
        self._request = 0
        self._job: Any = None
        self.loading = False
        self.as_of: dt.date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._build_toolbar())
        self.summary = QLabel(self)
        self.summary.setObjectName("warningsSummary")
        self.summary.setStyleSheet("padding:2px 2px 6px 2px;color:#344054;")
        layout.addWidget(self.summary)
        layout.addWidget(self._build_view(), 1)
        self.search.textChanged.connect(self.apply_filters)
        self.park_filter.currentIndexChanged.connect(self.apply_filters)
        self.level_filter.currentIndexChanged.connect(self.apply_filters)
        self.date_edit.dateChanged.connect(self._date_changed)

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("warningsSearch")
        self.search.setPlaceholderText(self.tr("Find by park, project or reason…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        bar.addWidget(self.search)
        self.park_filter = QComboBox(self)
        self.park_filter.setObjectName("warningsPark")
        self.park_filter.setAccessibleName(self.tr("Park"))
        bar.addWidget(self.park_filter)
        self.level_filter = QComboBox(self)
        self.level_filter.setObjectName("warningsLevel")
        self.level_filter.setAccessibleName(self.tr("Colour"))
        self.level_filter.addItem(self.tr("Red and yellow"), None)
        self.level_filter.addItem(self.tr("Red only"), Level.RED)
        self.level_filter.addItem(self.tr("Yellow only"), Level.YELLOW)
        bar.addWidget(self.level_filter)
        bar.addWidget(QLabel(self.tr("As of"), self))
        self.date_edit = AsOfField(self)
        self.date_edit.setObjectName("warningsAsOf")
        bar.addWidget(self.date_edit)
        bar.addStretch(1)
        self.rules_button = QPushButton(self.tr("Warning rules…"), self)
        self.rules_button.setToolTip(self.tr("The thresholds of the lights, shared by the file"))
        self.rules_button.clicked.connect(self.edit_thresholds)
        bar.addWidget(self.rules_button)
        return bar

    def _build_view(self) -> QTableView:
        self.model = WarningsModel(
            [
                self.tr("Light"),
                self.tr("Park"),
                self.tr("Project"),
                self.tr("Rule"),
                self.tr("Reason"),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setObjectName("warningsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        # One line per light, long reasons elided (the tooltip has them whole): laying out
        # wrapped text was most of a keystroke's repaint.
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((56, 200, 220, 170)):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(self._double_clicked)
        return self.view

    def title(self) -> str:
        return self.tr("Warnings")

    # ---------------------------------------------------------------- loading
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def _fill_parks(self) -> None:
        current = self.park_filter.currentData()
        self.park_filter.blockSignals(True)
        self.park_filter.clear()
        self.park_filter.addItem(self.tr("All parks"), None)
        for park in list_parks(self.session.db):
            self.park_filter.addItem(park.name, park.id)
        index = self.park_filter.findData(current)
        self.park_filter.setCurrentIndex(max(index, 0))
        self.park_filter.blockSignals(False)

    def reload(self) -> None:
        """Work the lights out again, in a background thread on a connection of its own (on
        100,000 projects that takes a second or two); the rows replace the shown ones when
        they come, unless a newer request was made meanwhile."""
        from parktracker.services.warnings import findings_in_file
        from parktracker.ui.backup_runner import Job

        self._loaded = True
        if self.as_of is None:
            self.as_of = default_as_of(self.session.db)
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(qdate(self.as_of))
            self.date_edit.blockSignals(False)
        self._fill_parks()
        self._request += 1
        request, path, as_of = self._request, Path(self.session.db.path), self.as_of
        park_itself, all_parks = self.tr("(the park)"), self.tr("(all parks)")
        self.summary.setText(self.tr("Working out the warnings…"))
        self.loading = True

        def work() -> tuple[int, list[WarningRow]]:
            found = findings_in_file(path, as_of=as_of)
            return request, rows_of(found, park_itself=park_itself, all_parks=all_parks)

        self._job = Job(work)
        self._job.succeeded.connect(self._rows_ready)  # a bound slot: dropped with the page
        self._job.failed.connect(self._load_failed)
        self._job.begin()

    def _rows_ready(self, answer: tuple[int, list[WarningRow]]) -> None:
        request, rows = answer
        if request != self._request:
            return
        self.loading = False
        self.model.set_rows(rows)
        self.apply_filters()
        self.loaded.emit()

    def _load_failed(self, error: object) -> None:
        self.loading = False
        text = storage_error_text(error) if isinstance(error, StorageError) else str(error)
        self.summary.setText(text)

    def show_for(self, *, park_id: int | None, as_of: dt.date) -> None:
        """The lights of ``park_id`` (None: all) on ``as_of``, both colours, no search."""
        self.ensure_loaded()
        self.search.clear()
        self.level_filter.setCurrentIndex(0)
        self.park_filter.setCurrentIndex(max(self.park_filter.findData(park_id), 0))
        self.date_edit.setDate(QDate(as_of.year, as_of.month, as_of.day))

    def _date_changed(self, date: QDate) -> None:
        self.as_of = dt.date(date.year(), date.month(), date.day())
        self.reload()

    def apply_filters(self, *_: object) -> None:
        self.model.apply(
            text=self.search.text(),
            park_id=self.park_filter.currentData(),
            level=self.level_filter.currentData(),
        )
        self.count_changed.emit(len(self.model.rows))
        if self.loading:
            return  # "working out…" stays until the rows come
        red = self.model.red_count()
        self.summary.setText(
            fill(
                self.tr("As of %1: %2 red, %3 yellow (of %4 lights in all)"),
                (
                    "" if self.as_of is None else day_text(self.as_of),
                    red,
                    len(self.model.rows) - red,
                    len(self.model.all_rows),
                ),
            )
        )

    def on_data_changed(self, changes: Changes) -> None:
        if changes_lights(changes):
            if self._loaded and self.isVisible():
                self.reload()
            else:
                self._loaded = False

    def record_count(self) -> int:
        self.ensure_loaded()
        return len(self.model.rows)

    def print_table(self) -> tuple[str, str, QAbstractItemModel] | None:
        """The lights shown, under the date and counts, the park, the colours and the search."""
        self.ensure_loaded()
        filters = [self.park_filter.currentText(), self.level_filter.currentText()]
        search = self.search.text().strip()
        if search:
            filters.append(fill(self.tr("Search: %1"), (search,)))
        return self.title(), "    ".join([self.summary.text(), *filters]), self.model

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---------------------------------------------------------------- opening records
    def selected_finding(self) -> Finding | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _double_clicked(self, index: QModelIndex) -> None:
        self.open_finding(self.model.row_at(index.row()))

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.hasFocus():
            finding = self.selected_finding()
            if finding is not None:
                self.open_finding(finding)
            return
        super().keyPressEvent(event)

    def open_finding(self, finding: Finding) -> None:
        """A project's light opens the project's form; a park's (or a fund's) the park."""
        if finding.project_id is not None:
            open_project(self.session, finding.project_id, self)
        elif finding.park_id is not None:
            open_park(self, finding.park_id)

    def edit_thresholds(self) -> None:
        from parktracker.ui.dialogs.thresholds_dialog import ThresholdsDialog

        ThresholdsDialog(self.session, self).exec()
