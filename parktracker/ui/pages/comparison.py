"""The Comparison page (对比): pick two as-of dates and see what changed in between, per park
(with the total), per project and per fund; export the three tables to .xlsx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.comparison import Comparison, FundChange, ParkChange
from parktracker.domain.i18n_markers import fill
from parktracker.domain.money import Unit
from parktracker.domain.periods import YearMonth, date_text
from parktracker.domain.validation import ValidationError
from parktracker.io.safe_file import ExportError
from parktracker.services.changes import Changes
from parktracker.services.comparison import change_kind, compare_dates, export_comparison
from parktracker.services.parks import get_park, list_parks
from parktracker.services.summary import default_as_of
from parktracker.ui import number_display
from parktracker.ui.models.table_model import Column, Kind, RecordFilterProxy, RecordTableModel
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.as_of_field import AsOfField, qdate


def changes_comparison(changes: Changes) -> bool:
    """Whether ``changes`` can change a figure the comparison shows."""
    return (
        changes.parks
        or changes.projects
        or changes.stages
        or changes.investment
        or changes.revenue
        or changes.funds
    )


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ComparisonPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("comparisonPage")
        self.result: Comparison | None = None
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._build_toolbar())
        self.summary = QLabel(self)
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("padding:2px 2px 6px 2px;color:#344054;")
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.parks_model: RecordTableModel[Any] = RecordTableModel(self._park_columns(), self)
        self.projects_model: RecordTableModel[Any] = RecordTableModel([], self)
        self.funds_model: RecordTableModel[Any] = RecordTableModel([], self)
        self.views: list[QTableView] = []
        for model, title in (
            (self.parks_model, self.tr("Parks")),
            (self.projects_model, self.tr("Projects")),
            (self.funds_model, self.tr("Funds")),
        ):
            self.tabs.addTab(self._table(model), title)
        layout.addWidget(self.tabs, 1)

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From"), self))
        self.first_edit = AsOfField(self)
        self.first_edit.setObjectName("comparisonFirst")
        bar.addWidget(self.first_edit)
        bar.addWidget(QLabel(self.tr("to"), self))
        self.second_edit = AsOfField(self)
        self.second_edit.setObjectName("comparisonSecond")
        bar.addWidget(self.second_edit)
        self.park_filter = QComboBox(self)
        self.park_filter.setAccessibleName(self.tr("Park"))
        bar.addWidget(self.park_filter)
        self.compare_button = QPushButton(self.tr("&Compare"), self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self.refresh)
        bar.addWidget(self.compare_button)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("comparisonExport")
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.export_button)
        return bar

    def _table(self, model: RecordTableModel[Any]) -> QTableView:
        proxy = RecordFilterProxy(self)
        proxy.setSourceModel(model)
        view = QTableView(self)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        self.views.append(view)
        return view

    def title(self) -> str:
        return self.tr("Comparison")

    # ---------------------------------------------------------------- columns
    def _park_columns(self) -> list[Column[Any]]:
        def count(header: str, value: Any) -> Column[ParkChange]:
            return Column(header, value, Kind.COUNT)

        def amount(header: str, value: Any) -> Column[ParkChange]:
            return Column(header, value, Kind.AMOUNT, Unit.WAN)

        return [
            Column(self.tr("Park"), lambda r: r.park or self.tr("All parks")),
            count(self.tr("New\nprojects"), lambda r: r.new),
            count(self.tr("Terminated"), lambda r: r.terminated),
            count(self.tr("Stage\nmoves"), lambda r: r.moved),
            count(self.tr("Started\nconstruction"), lambda r: r.started),
            count(self.tr("Into\nproduction"), lambda r: r.in_production),
            amount(self.tr("Investment\nin between\n(万元)"), lambda r: r.invested),
            amount(self.tr("Revenue\nin between\n(万元)"), lambda r: r.revenue),
            amount(self.tr("Fund paid-in\nchange\n(万元)"), lambda r: r.paid_in_change),
            amount(self.tr("Fund invested\nchange\n(万元)"), lambda r: r.fund_invested_change),
        ]

    def _project_columns(self, first: str, second: str) -> list[Column[Any]]:
        def stage(value: Any) -> str:
            return qt_tr(value.text) if value is not None else self.tr("(not yet entered)")

        return [
            Column(self.tr("Park"), lambda r: r.park),
            Column(self.tr("Project"), lambda r: r.name),
            Column(fill(self.tr("Stage on %1"), (first,)), lambda r: stage(r.before)),
            Column(fill(self.tr("Stage on %1"), (second,)), lambda r: stage(r.after)),
            Column(self.tr("Change"), lambda r: qt_tr(change_kind(r))),
            Column(
                self.tr("Investment in between (万元)"), lambda r: r.invested, Kind.AMOUNT, Unit.WAN
            ),
        ]

    def _fund_columns(self, first: str, second: str) -> list[Column[Any]]:
        def amount(header: str, value: Any) -> Column[FundChange]:
            return Column(header, value, Kind.AMOUNT, Unit.WAN)

        return [
            Column(self.tr("Fund"), lambda r: r.name),
            amount(fill(self.tr("Paid-in on %1 (万元)"), (first,)), lambda r: r.paid_in_before),
            amount(fill(self.tr("Paid-in on %1 (万元)"), (second,)), lambda r: r.paid_in_after),
            amount(self.tr("Paid-in change (万元)"), lambda r: r.paid_in_change),
            amount(fill(self.tr("Invested on %1 (万元)"), (first,)), lambda r: r.invested_before),
            amount(fill(self.tr("Invested on %1 (万元)"), (second,)), lambda r: r.invested_after),
            amount(self.tr("Invested change (万元)"), lambda r: r.invested_change),
        ]

    # ---------------------------------------------------------------- loading
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if not self._loaded:
            self._loaded = True
            self._fill_parks()
            second = default_as_of(self.session.db)
            first = YearMonth.of(second).add(-1).last_day
            self.set_dates(first, second)
        super().showEvent(event)

    def _fill_parks(self) -> None:
        self.park_filter.clear()
        self.park_filter.addItem(self.tr("All parks"), None)
        for park in list_parks(self.session.db):
            self.park_filter.addItem(park.name, park.id)

    def set_dates(self, first: dt.date, second: dt.date) -> None:
        self.first_edit.setDate(qdate(first))
        self.second_edit.setDate(qdate(second))
        self.refresh()

    def refresh(self) -> None:
        first, second = _date(self.first_edit.date()), _date(self.second_edit.date())
        park_id = self.park_filter.currentData()
        park = None if park_id is None else get_park(self.session.db, int(park_id))
        try:
            result = compare_dates(self.session.db, first=first, second=second, park=park)
        except ValidationError as exc:
            self.summary.setText("\n".join(p.render(qt_tr) for p in exc.problems))
            self.result = None
            for model in (self.parks_model, self.projects_model, self.funds_model):
                model.set_rows([])
            return
        self.show_result(result)

    def show_result(self, result: Comparison) -> None:
        self.result = result
        one, two = date_text(result.first, qt_tr), date_text(result.second, qt_tr)
        self.projects_model.columns = self._project_columns(one, two)
        self.funds_model.columns = self._fund_columns(one, two)
        self.parks_model.set_rows([*result.parks, result.total])
        self.projects_model.set_rows(list(result.projects))
        self.funds_model.set_rows(list(result.funds))
        total = result.total
        shown = number_display.current()
        self.summary.setText(
            fill(
                self.tr(
                    "From %1 to %2: %3 new and %4 terminated projects, %5 stage moves;"
                    " investment completed in between %6, revenue %7."
                ),
                (
                    one,
                    two,
                    total.new,
                    total.terminated,
                    total.moved,
                    shown.amount(total.invested, Unit.WAN),
                    shown.amount(total.revenue, Unit.WAN),
                ),
            )
        )
        for view in self.views[1:]:
            view.resizeColumnsToContents()
        header = self.views[0].horizontalHeader()  # the parks' figures share the width
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.count_changed.emit(len(result.projects))

    def print_table(self) -> tuple[str, str, QAbstractItemModel] | None:
        view = self.views[self.tabs.currentIndex()]
        model = view.model()
        title = f"{self.title()} — {self.tabs.tabText(self.tabs.currentIndex())}"
        return title.replace("&", ""), self.summary.text(), model

    def record_count(self) -> int | None:
        return None if self.result is None else len(self.result.projects)

    def on_data_changed(self, changes: Changes) -> None:
        if self._loaded and changes_comparison(changes):
            self.refresh()

    # ---------------------------------------------------------------- export
    def export(self) -> None:
        if self.result is None:
            return
        name = fill(
            self.tr("comparison %1 to %2.xlsx"),
            (self.result.first.isoformat(), self.result.second.isoformat()),
        )
        start = str(Path(self.session.db.path).parent / name)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Comparison"), start, self.tr("Excel workbooks (*.xlsx)")
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> Path | None:
        if self.result is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            written = export_comparison(self.result, path=path, tr=qt_tr)
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), exc.render(qt_tr))
            return None
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(fill(self.tr("Exported to %1"), (written,)), 8000)
        return written
