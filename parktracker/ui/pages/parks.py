"""The Parks page (园区): the eight parks with their headline figures, and a drill-down into one
park (double-click, Enter or "Open park"; back with the button, Alt+Left or Backspace).

The figures are those of the dashboard split by park, as of the end of the latest month with
data. Parks are added, edited and deleted through the Edit menu (Ctrl+N, F2, Del) with the park
form; every change is one undoable step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.domain.money import Money
from parktracker.services.changes import Changes
from parktracker.services.history import RecordKind, RecordRef
from parktracker.services.park_overview import (
    ParkFigures,
    ParksOverview,
    overview,
    records_in_park,
)
from parktracker.services.parks import M_PARK_IN_USE, delete_park, get_park
from parktracker.ui import number_display
from parktracker.ui.dialogs.park_form import ParkForm
from parktracker.ui.models.table_model import Column, Kind
from parktracker.ui.pages.base import Page
from parktracker.ui.pages.park_detail import MUTED, ParkDetailView, ytd_period
from parktracker.ui.pages.table_page import TablePage
from parktracker.ui.session import Session
from parktracker.ui.text import day_text, qt_tr


def changes_figures(changes: Changes) -> bool:
    """Whether ``changes`` may change a park's figures (the "as of" date follows revenue and
    investment figures; plans, problems and settings feed the warning counts)."""
    return (
        changes.parks
        or changes.projects
        or changes.stages
        or changes.investment
        or changes.funds
        or changes.platforms
        or changes.enterprises
        or changes.revenue
        or changes.targets
        or changes.plans
        or changes.problems
        or changes.settings
    )


HEADER_PADDING = 24  # the header's margins, and room for the sort arrow


def _money_sum(values: list[Money]) -> str:
    return number_display.current().amount(Money.total(values))


class ParksTable(TablePage):
    """The list of parks with one row of figures each; Enter or double-click opens a park."""

    open_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.data: ParksOverview | None = None
        self.form: ParkForm | None = None
        self.lights: dict[int | None, Any] = {}
        super().__init__(session, parent)
        self.setObjectName("parksTable")
        self.search.setPlaceholderText(self.tr("Find a park by name, industry or location…"))
        self.search.setMinimumWidth(300)
        self.footer.setWordWrap(True)  # the page must still fit a narrow window
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(56)
        header.setSectionsMovable(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the parks' own order
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def fit_columns(self) -> None:
        """Widths from the contents and the longest line of each (multi-line) header: Qt's own
        header size hint reserves room for a sort arrow and more, which would push the figures
        past the right edge at 1280×720."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            longest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            width = max(self.view.sizeHintForColumn(column), longest + HEADER_PADDING)
            header.resizeSection(column, max(width, header.minimumSectionSize()))

    # ---------------------------------------------------------------- TablePage hooks
    def columns(self) -> list[Column[Any]]:
        def amount(header: str, value: Any) -> Column[ParkFigures]:
            return Column(header, value, Kind.AMOUNT, total=True)

        def count(header: str, value: Any) -> Column[ParkFigures]:
            return Column(header, value, Kind.COUNT)

        return [
            Column(self.tr("Park"), lambda r: r.park.name, searchable=True),
            count(self.tr("Under\nconstruction\n(count)"), lambda r: r.under_construction.count),
            amount(
                self.tr("Under\nconstruction\n(亿元)"), lambda r: r.under_construction.planned_total
            ),
            count(self.tr("Signed,\nnot started\n(count)"), lambda r: r.signed.count),
            amount(self.tr("Signed,\nnot started\n(亿元)"), lambda r: r.signed.planned_total),
            count(self.tr("In\nproduction\n(count)"), lambda r: r.in_production),
            count(self.tr("Funds\n(count)"), lambda r: r.funds.count),
            amount(self.tr("Fund\nscale\n(亿元)"), lambda r: r.funds.scale),
            count(
                self.tr("Platforms\n(provincial\nor above)"),
                lambda r: r.platforms_provincial_or_above,
            ),
            count(self.tr("Enterprises\n(count)"), lambda r: r.enterprises),
            amount(self.tr("Revenue\nYTD\n(亿元)"), lambda r: r.revenue_ytd),
            Column(self.tr("Warnings\n(red/yellow)"), self._warning_text),
            Column(self.tr("Short name"), lambda r: r.park.short_name, searchable=True),
            Column(self.tr("Industry"), lambda r: r.park.industry, searchable=True),
            Column(self.tr("Location"), lambda r: r.park.location, searchable=True),
        ]

    def _warning_text(self, row: ParkFigures) -> str:
        lights = self.lights.get(row.park.id)
        if lights is None or not lights.total:
            return self.tr("none")
        return fill(self.tr("%1 red / %2 yellow"), (lights.red, lights.yellow))

    def load_rows(self) -> list[Any]:
        from parktracker.services.warnings import counts_by_park

        self.data = overview(self.session.db)
        day = self.data.as_of
        self.lights = counts_by_park(self.session.db, as_of=day)
        self.as_of_label.setText(
            fill(
                self.tr("Figures as of %1 · revenue: %2, year to date"),
                (day_text(day), ytd_period(day)),
            )
        )
        return list(self.data.rows)

    def add_filters(self, toolbar: QHBoxLayout) -> None:
        self.open_button = QPushButton(self.tr("&Open park"), self)
        self.open_button.setToolTip(self.tr("Show the selected park in detail (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        toolbar.addWidget(self.open_button)
        self.as_of_label = QLabel(self)
        self.as_of_label.setStyleSheet(MUTED)
        self.as_of_label.setMinimumWidth(1)  # a narrow window clips it rather than widening
        toolbar.addWidget(self.as_of_label)  # its full width when there is room

    def shows(self, changes: Changes) -> bool:
        return changes_figures(changes)

    def _update_footer(self, *_: object) -> None:
        rows: list[ParkFigures] = self.proxy.visible_records()
        projects = [
            self.tr("%n park(s)", None, len(rows)),
            fill(
                self.tr(
                    "Under construction: %n project(s), planned %1",
                    None,
                    sum(r.under_construction.count for r in rows),
                ),
                (_money_sum([r.under_construction.planned_total for r in rows]),),
            ),
            fill(
                self.tr(
                    "Signed, awaiting start: %n project(s), planned %1",
                    None,
                    sum(r.signed.count for r in rows),
                ),
                (_money_sum([r.signed.planned_total for r in rows]),),
            ),
            fill(self.tr("In production: %1"), (sum(r.in_production for r in rows),)),
        ]
        funds = fill(
            self.tr("Funds: %1, scale %2"),
            (sum(r.funds.count for r in rows), _money_sum([r.funds.scale for r in rows])),
        )
        city = None if self.data is None else self.data.city_funds
        if city is not None and city.count and len(rows) == self.model.rowCount():
            funds += " " + fill(
                self.tr("(plus %1 city-wide funds, scale %2)"),
                (city.count, number_display.current().amount(city.scale)),
            )
        others = [
            funds,
            fill(
                self.tr("Platforms at provincial level or above: %1"),
                (sum(r.platforms_provincial_or_above for r in rows),),
            ),
            fill(self.tr("Enterprises: %1"), (sum(r.enterprises for r in rows),)),
            fill(
                self.tr("Revenue year to date: %1"),
                (_money_sum([r.revenue_ytd for r in rows]),),
            ),
        ]
        self.footer.setText("    ".join(projects) + "\n" + "    ".join(others))

    # ---------------------------------------------------------------- opening a park
    def _selection_changed(self, *_: object) -> None:
        self.open_button.setEnabled(self.selected_record() is not None)

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.open_selected()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.hasFocus():
            self.open_selected()
            return
        super().keyPressEvent(event)

    def open_selected(self) -> None:
        record = self.selected_record()
        if isinstance(record, ParkFigures) and record.park.id is not None:
            self.open_requested.emit(record.park.id)

    def select_park(self, park_id: int) -> None:
        self.select_where(lambda r: r.park.id == park_id)

    # ---------------------------------------------------------------- add / edit / delete
    def add(self) -> None:
        self._open_form(None)

    def edit(self) -> None:
        record = self.selected_record()
        if isinstance(record, ParkFigures) and record.park.id is not None:
            self.edit_park(record.park.id)

    def delete(self) -> None:
        record = self.selected_record()
        if isinstance(record, ParkFigures) and record.park.id is not None:
            self.delete_park(record.park.id)

    def edit_park(self, park_id: int) -> None:
        self._open_form(park_id)

    def _open_form(self, park_id: int | None) -> None:
        """Open the park form (window-modal, without a nested event loop)."""
        if self.session.readonly:
            return
        park = None if park_id is None else get_park(self.session.db, park_id)
        if park_id is not None and park is None:
            return
        if self.form is not None:
            self.form.close()
        form = ParkForm(self.session, park, self.window())
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: self._form_saved(form))
        form.destroyed.connect(lambda *_: self._forget_form(form))
        self.form = form
        form.open()

    def _form_saved(self, form: ParkForm) -> None:
        if form.saved_id is not None:
            self.select_park(form.saved_id)
        self.view.setFocus()

    def _forget_form(self, form: ParkForm) -> None:
        if self.form is form:
            self.form = None

    def delete_park(self, park_id: int) -> bool:
        """Delete a park that holds no records, after confirmation; True when deleted."""
        if self.session.readonly:
            return False
        park = get_park(self.session.db, park_id)
        if park is None:
            return False
        remaining = records_in_park(self.session.db, park_id)
        if any(remaining.values()):
            counts = list(remaining.values())  # projects, funds, platforms, enterprises
            QMessageBox.information(
                self,
                self.tr("Park not deleted"),
                fill(self.tr("“%1” cannot be deleted."), (park.name,))
                + "\n"
                + qt_tr(M_PARK_IN_USE, *counts),
            )
            return False
        if not self.confirm_delete(fill(self.tr("the park “%1”"), (park.name,))):
            return False
        return self.run(
            fill(self.tr("Delete park “%1”"), (park.name,)),
            lambda db: delete_park(db, park_id=park_id),
        )


class ParksPage(Page):
    """The parks table and, in its place, one park's detail view."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.table = ParksTable(session, self.stack)
        self.stack.addWidget(self.table)
        self._detail: ParkDetailView | None = None  # made when a park is first opened
        self.table.open_requested.connect(self.open_park)
        self.table.count_changed.connect(self.count_changed)
        self.table.actions_changed.connect(self.actions_changed)
        self.setFocusProxy(self.table.view)

    @property
    def detail(self) -> ParkDetailView:
        """One park's detail view, made when first needed (its tabs and tables cost memory
        in every session, and most sessions never open a park)."""
        if self._detail is None:
            self._detail = ParkDetailView(self.session, self.stack)
            self.stack.addWidget(self._detail)
            self._detail.back_requested.connect(self.show_list)
        return self._detail

    def title(self) -> str:
        return self.tr("Parks")

    # ---------------------------------------------------------------- navigation
    def showing_detail(self) -> bool:
        return self._detail is not None and self.stack.currentWidget() is self._detail

    def open_park(self, park_id: int) -> None:
        if not self.detail.show_park(park_id):
            return
        self.table.select_park(park_id)
        self.stack.setCurrentWidget(self.detail)
        self.detail.tabs.setFocus()
        self.actions_changed.emit()

    def show_list(self) -> None:
        park_id = None if self._detail is None else self._detail.park_id
        self.stack.setCurrentWidget(self.table)
        if park_id is not None:
            self.table.select_park(park_id)
        self.table.view.setFocus()
        self.actions_changed.emit()

    def on_data_changed(self, changes: Changes) -> None:
        if self.showing_detail() and changes_figures(changes) and not self.detail.refresh():
            self.show_list()  # the park was deleted (or its addition undone)

    def print_table(self) -> tuple[str, str, QAbstractItemModel] | None:
        return None if self.showing_detail() else self.table.print_table()

    # ---------------------------------------------------------------- Edit menu
    def record_count(self) -> int:
        return self.table.record_count()

    def history_record(self) -> tuple[RecordRef, str] | None:
        park_id = self._current_park_id()
        if park_id is None:
            return None
        park = get_park(self.session.db, park_id)
        return RecordRef(RecordKind.PARK, park_id), "" if park is None else park.name

    def _current_park_id(self) -> int | None:
        if self.showing_detail():
            return self.detail.park_id
        record = self.table.selected_record()
        return record.park.id if isinstance(record, ParkFigures) else None

    def can_add(self) -> bool:
        return self.table.can_add()

    def can_edit(self) -> bool:
        return not self.session.readonly and self._current_park_id() is not None

    def can_delete(self) -> bool:
        return self.can_edit()

    def add(self) -> None:
        self.table.add()

    def edit(self) -> None:
        park_id = self._current_park_id()
        if park_id is not None:
            self.table.edit_park(park_id)

    def delete(self) -> None:
        park_id = self._current_park_id()
        if park_id is not None and self.table.delete_park(park_id) and self.showing_detail():
            self.show_list()

    def focus_search(self) -> None:
        if self.showing_detail():
            self.show_list()
        self.table.focus_search()

    def save_state(self) -> dict[str, object]:
        return self.table.save_state()

    def restore_state(self, state: dict[str, object]) -> None:
        self.table.restore_state(state)
