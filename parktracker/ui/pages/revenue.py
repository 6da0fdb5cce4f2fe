"""The Revenue page (营收): the eight parks' monthly operating revenue for one year, entered like a
spreadsheet, against the year's target.

The upper grid takes figures in the chosen form — monthly (当月) or year-to-date (1–N月累计) —
by typing, Delete or pasting a block from Excel; the lower grid shows the other form, read-only.
Each edit, clear or paste is one undoable step. Above the grids: the year's target, the revenue
to date, the share of the target reached and 序时进度 (the share of the year elapsed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Park
from parktracker.domain.money import AmountParseError, Money, Unit, parse_amount
from parktracker.domain.number_format import percent_text
from parktracker.domain.periods import YearMonth
from parktracker.domain.plausibility import Reference
from parktracker.domain.reporting import Measure
from parktracker.domain.validation import MAX_YEAR, MIN_YEAR, ValidationError
from parktracker.io.export_layout import TableKind
from parktracker.services.changes import Changes
from parktracker.services.export import ExportScope, TableExport
from parktracker.services.parks import list_parks
from parktracker.services.plausibility import revenue_reference
from parktracker.services.reporting import year_status
from parktracker.services.reporting_text import month_count_line
from parktracker.services.revenue_entry import RevenueCell, set_monthly, set_year_to_date, year_grid
from parktracker.services.revenue_year import check_year_to_date, latest_revenue_year, year_progress
from parktracker.storage.errors import StorageError
from parktracker.ui import number_display
from parktracker.ui.confirm_amount import confirm_amount
from parktracker.ui.dialogs.park_targets_form import ParkTargetsForm
from parktracker.ui.dialogs.target_form import TargetForm
from parktracker.ui.models.reporting_model import ReportingGridModel
from parktracker.ui.models.revenue_grid_model import MONTHS, Form, RevenueGridModel, month_name
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr, storage_error_text
from parktracker.ui.widgets.reporting_grid import reporting_view
from parktracker.ui.widgets.revenue_grid import RevenueGridView, parse_block

ERROR_STYLE = "color:#b42318;padding-top:4px;"
INFO_STYLE = "color:#344054;padding-top:4px;"
NBSP = "\u00a0"


class _Write(Enum):
    EDIT = "edit"
    CLEAR = "clear"
    PASTE = "paste"


def _pct(value: Fraction | None) -> str:
    return percent_text(value)


def _amount(value: Money) -> str:
    return number_display.current().amount(value).replace(" ", NBSP)


class RevenuePage(Page):
    _reporting_stale = False  # the reporting grid is counted again when next shown
    _investment_counted = False  # the investment in the reporting grid is as last counted

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        db = session.db
        self.parks: list[Park] = list_parks(db)
        self.year = latest_revenue_year(db) or dt.date.today().year
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(self._build_toolbar())

        self.progress = QLabel(self)
        self.progress.setObjectName("revenueProgress")
        self.progress.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress.setStyleSheet(
            "#revenueProgress{background:#f5f7fa;border:1px solid #d0d7de;border-radius:4px;"
            "padding:4px 10px;font-size:14px;color:#1f2937;}"
        )
        self.progress.setWordWrap(True)
        self.target_button = QPushButton(self.tr("Set &target…"), self)
        self.target_button.clicked.connect(self.open_target_form)
        self.park_targets_button = QPushButton(self.tr("&Park targets…"), self)
        self.park_targets_button.setToolTip(self.tr("Each park's own revenue target for the year"))
        self.park_targets_button.clicked.connect(self.open_park_targets_form)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.target_button)
        progress_row.addWidget(self.park_targets_button)
        layout.addLayout(progress_row)
        # What an edit or paste did, or why it was refused: shown in place of the upper grid's
        # hint, so the grids keep their room.
        self.message = QLabel(self)
        self.message.setObjectName("revenueMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.entry_model = RevenueGridModel(Form.MONTHLY, self)
        self.other_model = RevenueGridModel(Form.YEAR_TO_DATE, self)
        self.entry_title, self.entry_hint, self.entry_view = self._grid(
            layout, self.entry_model, self.message
        )
        self.other_title, self.other_hint, self.other_view = self._grid(layout, self.other_model)
        self.other_view.setEditTriggers(RevenueGridView.EditTrigger.NoEditTriggers)
        self._build_lower_tabs(layout)
        layout.addStretch(0)
        self.entry_view.peers = [self.other_view]
        self.other_view.peers = [self.entry_view]

        self.entry_model.text_entered.connect(self._typed)
        self.entry_view.paste_requested.connect(self.paste)
        self.entry_view.clear_requested.connect(self.clear_selection)
        self.other_view.paste_requested.connect(self._refuse_other_grid)
        self.other_view.clear_requested.connect(self._refuse_other_grid)
        self.entry_view.selectionModel().selectionChanged.connect(
            lambda *_: self.actions_changed.emit()
        )
        self.setTabOrder(self.target_button, self.park_targets_button)
        self.setTabOrder(self.park_targets_button, self.entry_view)
        self.setTabOrder(self.entry_view, self.other_view)
        self.reload()
        self._retitle()
        if self.entry_model.rowCount():
            self.entry_view.go_to(0, 0)

    # ---------------------------------------------------------------- building
    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        year_label = QLabel(self.tr("&Year"), self)
        self.year_box = QSpinBox(self)
        self.year_box.setRange(MIN_YEAR, MAX_YEAR)
        self.year_box.setValue(self.year)
        self.year_box.setAccessibleName(self.tr("Year"))
        year_label.setBuddy(self.year_box)
        self.year_box.valueChanged.connect(self._year_changed)
        bar.addWidget(year_label)
        bar.addWidget(self.year_box)
        bar.addSpacing(16)

        bar.addWidget(QLabel(self.tr("Enter as:"), self))
        self.monthly_radio = QRadioButton(self.tr("&Monthly"), self)
        self.ytd_radio = QRadioButton(self.tr("Year to &date (1–N)"), self)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.monthly_radio)
        self.mode_group.addButton(self.ytd_radio)
        self.monthly_radio.setChecked(True)
        self.ytd_radio.toggled.connect(self._mode_changed)
        bar.addWidget(self.monthly_radio)
        bar.addWidget(self.ytd_radio)
        bar.addSpacing(16)

        unit_label = QLabel(self.tr("&Unit"), self)
        self.unit_box = QComboBox(self)
        for unit in (Unit.YI, Unit.WAN):
            self.unit_box.addItem(unit.label, unit)
        unit_label.setBuddy(self.unit_box)
        self.unit_box.currentIndexChanged.connect(self._unit_changed)
        bar.addWidget(unit_label)
        bar.addWidget(self.unit_box)
        bar.addStretch(1)
        return bar

    def _grid(
        self, layout: QVBoxLayout, model: RevenueGridModel, message: QLabel | None = None
    ) -> tuple[QLabel, QLabel, RevenueGridView]:
        heading = QHBoxLayout()
        title = QLabel(self)
        title.setStyleSheet("font-size:14px;font-weight:600;color:#1f4e79;padding-top:4px;")
        hint = QLabel(self)
        hint.setStyleSheet("color:#667085;padding-top:4px;")
        hint.setWordWrap(True)
        heading.addWidget(title)
        heading.addSpacing(12)
        heading.addWidget(hint, 1)
        if message is not None:
            heading.addWidget(message, 1)
        layout.addLayout(heading)
        view = RevenueGridView(self)
        view.setModel(model)
        title.setBuddy(view)
        layout.addWidget(view, 1)
        return title, hint, view

    def _build_lower_tabs(self, layout: QVBoxLayout) -> None:
        """The read-only grid shares its place with the reporting grid (报送情况), as tabs: the
        page has room for two grids at 1280×720, not three."""
        self.reporting_model = ReportingGridModel(self)
        self.reporting_view = reporting_view(self, self.reporting_model)
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setObjectName("revenueLowerTabs")
        layout.removeWidget(self.other_view)
        self.lower_tabs.addTab(self.other_view, "")
        self.lower_tabs.addTab(self.reporting_view, self.tr("Reporting status"))
        self.lower_tabs.setTabToolTip(
            1, self.tr("Which parks have reported each month's revenue and investment")
        )
        self.other_title.hide()
        layout.addWidget(self.lower_tabs, 1)
        self.lower_tabs.currentChanged.connect(lambda *_: self._retitle())

    # ---------------------------------------------------------------- page API
    def title(self) -> str:
        return self.tr("Revenue")

    def record_count(self) -> int:
        """Park-months with a figure in the year shown."""
        return len(self.entry_model.monthly)

    def on_data_changed(self, changes: Changes) -> None:
        if changes.revenue or changes.targets or changes.parks:
            # A change of revenue or targets only: the investment reported stays as counted.
            if dataclasses.replace(changes, revenue=False, targets=False):
                self._investment_counted = False
            self.reload()
        elif changes.projects or changes.stages or changes.investment:
            # Projects edited elsewhere: the reporting grid (which also shows the investment
            # of the projects under construction) is counted again, once the page shows (on
            # 100,000 projects a year of months takes a while).
            self._investment_counted = False
            self._reporting_stale = True
            if self.isVisible():
                self._refresh_reporting()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._reporting_stale:
            self._refresh_reporting()

    def _refresh_reporting(self) -> None:
        self._reporting_stale = False
        self._show_reporting()
        self._show_progress()

    def can_edit(self) -> bool:
        index = self.entry_view.currentIndex()
        return (
            not self.session.readonly
            and index.isValid()
            and self.entry_model.is_entry_cell(index.row(), index.column())
        )

    def can_delete(self) -> bool:
        return bool(self._editable_selection()) and not self.session.readonly

    def edit(self) -> None:
        if self.can_edit():
            self.entry_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.entry_view.edit(self.entry_view.currentIndex())

    def delete(self) -> None:
        self.clear_selection()

    def save_state(self) -> dict[str, object]:
        return {"unit": self.unit.value, "form": self.entry_model.form.value}

    def restore_state(self, state: dict[str, object]) -> None:
        if state.get("unit") == Unit.WAN.value:
            self.unit_box.setCurrentIndex(1)
        if state.get("form") == Form.YEAR_TO_DATE.value:
            self.ytd_radio.setChecked(True)

    # ---------------------------------------------------------------- showing
    @property
    def unit(self) -> Unit:
        unit = self.unit_box.currentData()
        assert isinstance(unit, Unit)
        return unit

    def reload(self) -> None:
        db = self.session.db
        self.parks = list_parks(db)
        monthly = year_grid(db, self.year)
        for model in (self.entry_model, self.other_model):
            model.set_figures(self.parks, monthly)
        self.entry_model.set_editable(not self.session.readonly)
        self.target_button.setEnabled(not self.session.readonly)
        self.park_targets_button.setEnabled(not self.session.readonly)
        if self.isVisible():
            self._show_reporting()
        else:
            # Counted when the page shows: on 100,000 projects a year's investment takes half
            # a second of SQLite work and 7 MB at its peak, which a page built but not shown
            # should not cost.
            self._reporting_stale = True
        self._show_progress()
        self.entry_view.fit()
        self.count_changed.emit(self.record_count())
        self.actions_changed.emit()

    def _show_progress(self) -> None:
        progress = year_progress(self.session.db, self.year, today=dt.date.today())
        months = int(progress.time_elapsed * 12)
        if progress.target is None:
            target = fill(self.tr("%1: no revenue target set"), (self.year,))
        else:
            target = fill(
                self.tr("%1 target (all parks): %2"), (self.year, _amount(progress.target))
            )
        if months:
            ytd = fill(self.tr("Months 1–%1: %2"), (months, _amount(progress.ytd)))
        else:
            ytd = fill(self.tr("Year to date: %1"), (_amount(progress.ytd),))
        parts = [
            target,
            ytd,
            fill(self.tr("Share of target: %1"), (_pct(progress.progress),)),
            fill(self.tr("Share of the year elapsed: %1"), (_pct(progress.time_elapsed),)),
        ]
        status = self.reporting_model.status
        if status is not None and status.months:
            count = status.count(status.months[-1], Measure.REVENUE)
            if not count.complete:
                parts.append(month_count_line(count, qt_tr))
        self.progress.setText("      ".join(parts))

    def _show_reporting(self) -> None:
        self._reporting_stale = False
        db = self.session.db
        rows = [(p.id, p.label) for p in self.parks if p.id is not None]
        before = self.reporting_model.status
        reuse = self._investment_counted and self.reporting_model.year == self.year
        status = year_status(db, year=self.year, investment_of=before if reuse else None)
        self._investment_counted = True
        self.reporting_model.set_status(self.year, status, rows)

    def _retitle(self) -> None:
        unit = self.unit.label
        titles = {
            Form.MONTHLY: fill(self.tr("Monthly revenue (%1)"), (unit,)),
            Form.YEAR_TO_DATE: fill(self.tr("Year-to-date revenue, months 1–N (%1)"), (unit,)),
        }
        self.entry_title.setText(titles[self.entry_model.form])
        self.other_title.setText(titles[self.other_model.form])
        if self.session.readonly:
            self.entry_hint.setText(self.tr("Read-only: figures cannot be changed."))
        else:
            self.entry_hint.setText(
                self.tr("Type or paste figures; Enter moves down, Delete clears.")
            )
        self.lower_tabs.setTabText(0, titles[self.other_model.form])
        if self.lower_tabs.currentIndex() == 1:
            self.other_hint.setText(
                self.tr(
                    "Revenue for every park; investment for each project under construction"
                    " throughout the month."
                )
            )
        else:
            self.other_hint.setText(self.tr("Calculated from the grid above; read-only."))

    def _say(self, text: str, *, error: bool) -> None:
        if not text and self.message.isHidden():
            return
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.entry_hint.setVisible(not text)

    # ---------------------------------------------------------------- toolbar
    def can_export(self) -> bool:
        return True

    def export_request(self) -> TableExport:
        """The year on show, every park, month by month (the stored monthly figures)."""
        return TableExport(TableKind.REVENUE, ExportScope(year=self.year))

    def _year_changed(self, year: int) -> None:
        self.year = year
        self.entry_model.clear_errors()  # they were the other year's cells
        self._say("", error=False)
        self.reload()

    def _mode_changed(self) -> None:
        ytd = self.ytd_radio.isChecked()
        self.entry_model.set_form(Form.YEAR_TO_DATE if ytd else Form.MONTHLY)
        self.other_model.set_form(Form.MONTHLY if ytd else Form.YEAR_TO_DATE)
        self._retitle()
        self.entry_view.fit()

    def _unit_changed(self) -> None:
        for model in (self.entry_model, self.other_model):
            model.set_unit(self.unit)
        self._retitle()
        self.entry_view.fit()

    def open_target_form(self) -> None:
        if self.session.readonly:
            return
        TargetForm(self.session, self, year=self.year).exec()

    def open_park_targets_form(self) -> None:
        if self.session.readonly:
            return
        ParkTargetsForm(self.session, self, year=self.year).exec()

    # ---------------------------------------------------------------- writing
    def _typed(self, row: int, column: int, text: str) -> None:
        self.store([(row, column, text)], _Write.EDIT)

    def _editable_selection(self) -> list[tuple[int, int]]:
        return [
            (r, c)
            for r, c in self.entry_view.selected_cells()
            if self.entry_model.is_entry_cell(r, c)
        ]

    def clear_selection(self) -> None:
        cells = self._editable_selection()
        if self.session.readonly:
            self._say(self.tr("The database is read-only: nothing was cleared."), error=False)
            return
        filled = [(r, c, "") for r, c in cells if self.entry_model.figure(r, c) is not None]
        if filled:
            self.store(filled, _Write.CLEAR)

    def _refuse_other_grid(self) -> None:
        self._say(
            self.tr("This grid is calculated from the one above: change the figures there."),
            error=False,
        )

    def paste(self) -> None:
        """Paste the clipboard's block at the selected cell: all of it, or nothing."""
        if self.session.readonly:
            self._say(self.tr("The database is read-only: nothing was pasted."), error=False)
            return
        text = QApplication.clipboard().text()
        if not text.strip():
            self._say(self.tr("The clipboard holds no figures to paste."), error=True)
            return
        block = parse_block(text)
        anchor = self.entry_view.anchor()
        if anchor is None or not self.entry_model.is_entry_cell(*anchor):
            self._say(self.tr("Select a park's month to paste into."), error=True)
            return
        row0, column0 = anchor
        selection = self._editable_selection()
        if len(block) == 1 and len(block[0]) == 1 and len(selection) > 1:
            entries = [(r, c, block[0][0]) for r, c in selection]  # one value fills the selection
        else:
            rows, columns = len(block), max(len(line) for line in block)
            if row0 + rows > len(self.parks) or column0 + columns > MONTHS:
                self._say(
                    fill(
                        self.tr(
                            "Nothing was pasted: the copied block (%1 rows × %2 columns) does not fit from %3, %4; the grid ends at %5 and the last park."
                        ),
                        (
                            rows,
                            columns,
                            self.parks[row0].short_name,
                            month_name(column0 + 1),
                            month_name(MONTHS),
                        ),
                    ),
                    error=True,
                )
                return
            entries = [
                (row0 + i, column0 + j, cell)
                for i, line in enumerate(block)
                for j, cell in enumerate(line)
            ]
            selection = []
        if self.store(entries, _Write.PASTE) and not selection:
            rows, columns = len(block), max(len(line) for line in block)
            self.entry_view.select_block(row0, column0, rows, columns)

    def store(self, entries: list[tuple[int, int, str]], kind: _Write) -> bool:
        """Parse and store (row, column, text) entries as one undoable step; True when stored."""
        if self.session.readonly:
            self._say(self.tr("The database is read-only: nothing was changed."), error=False)
            return False
        cells: list[RevenueCell] = []
        for row, column, text in entries:
            park = self.parks[row]
            try:
                amount = parse_amount(text, self.unit) if text.strip() else None
            except AmountParseError as exc:
                self._refuse_text(kind, entries, (row, column, text), qt_tr(exc.message))
                return False
            assert park.id is not None
            cells.append(RevenueCell(park.id, YearMonth(self.year, column + 1), amount))
        ytd = self.entry_model.form is Form.YEAR_TO_DATE
        if (ytd and self._ytd_refused(kind, entries, cells)) or not self._confirm_amounts(
            entries, cells
        ):
            return False
        service = set_year_to_date if ytd else set_monthly
        try:
            self.session.perform(
                self._step_name(kind, entries), lambda db: service(db, cells=cells)
            )
        except ValidationError as exc:
            problems = "\n".join(p.render(qt_tr) for p in exc.problems)
            self._refuse(kind, entries, problems)
            self._say(fill(self.tr("Nothing was changed: %1"), (problems,)), error=True)
            return False
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), storage_error_text(exc))
            return False
        for row, column, _ in entries:  # a stored cell is fixed
            self.entry_model.clear_error(row, column)
        if kind is _Write.PASTE:
            self._say(fill(self.tr("Pasted %1 cells."), (len(cells),)), error=False)
        elif kind is _Write.CLEAR and len(cells) > 1:
            self._say(fill(self.tr("Cleared %1 cells."), (len(cells),)), error=False)
        else:
            self._say("", error=False)
        self._remind_errors()
        return True

    def _ytd_refused(
        self, kind: _Write, entries: list[tuple[int, int, str]], cells: list[RevenueCell]
    ) -> bool:
        """Refuse year-to-date figures below the month before (saying why); True if refused."""
        refusal = check_year_to_date(self.session.db, cells=cells)
        if refusal is None:
            return False
        reason = refusal.problem.render(qt_tr)
        self._refuse(kind, entries, reason)
        self._say(
            fill(
                self.tr("Nothing was changed: %1, %2: %3"),
                (self._park_name(refusal.park_id), month_name(refusal.month), reason),
            ),
            error=True,
        )
        return True

    def _confirm_amounts(
        self, entries: list[tuple[int, int, str]], cells: list[RevenueCell]
    ) -> bool:
        """The fat-finger question for each figure 100 times or more above its park's usual
        monthly revenue (a year-to-date figure is compared with that many months of it)."""
        for (row, column, _), cell in zip(entries, cells, strict=True):
            if cell.amount is None:
                continue
            reference = revenue_reference(self.session.db, park_id=cell.park_id)
            if reference is not None and self.entry_model.form is Form.YEAR_TO_DATE:
                months = cell.month.month
                reference = Reference(Money(reference.amount.yuan * months), reference.what)
            what = fill(self.tr("%1, %2"), (self.parks[row].short_name, month_name(column + 1)))
            if not confirm_amount(self, what, cell.amount, reference, self.unit):
                self._say(self.tr("Nothing was changed."), error=False)
                if len(entries) == 1:
                    self.entry_view.go_to(row, column)
                    self.entry_view.hold_position()
                return False
        return True

    def _refuse(
        self,
        kind: _Write,
        entries: list[tuple[int, int, str]],
        reason: str,
        *,
        located: bool = False,
    ) -> None:
        """A typed cell that was refused keeps its text, in red, with the reason as tooltip,
        until it is fixed (later good entries elsewhere leave it marked). The reason names the
        cell (``located``) or gets its park and month in front."""
        if kind is _Write.EDIT:
            row, column, text = entries[0]
            if not located:
                reason = fill(
                    self.tr("Not stored: %1, %2: “%3”: %4"),
                    (self.parks[row].short_name, month_name(column + 1), text.strip(), reason),
                )
            self.entry_model.set_error(row, column, text.strip(), reason)
            self.entry_view.go_to(row, column)
            self.entry_view.hold_position()

    def _remind_errors(self) -> None:
        """After a good entry: say which refused cells still wait to be fixed."""
        errors = self.entry_model.errors
        if not errors:
            return
        _, (_, reason) = min(errors.items())
        self._say(
            fill(self.tr("Cells not stored, shown in red: %1. %2"), (len(errors), reason)),
            error=True,
        )

    def _refuse_text(
        self,
        kind: _Write,
        entries: list[tuple[int, int, str]],
        bad: tuple[int, int, str],
        reason: str,
    ) -> None:
        row, column, text = bad
        where = (self.parks[row].short_name, month_name(column + 1))
        if kind is _Write.PASTE:
            first_row = min(r for r, _, _ in entries)
            first_column = min(c for _, c, _ in entries)
            message = fill(
                self.tr(
                    "Nothing was pasted: “%1” in row %2, column %3 of the copied block (for %4, %5) is not an amount. %6"
                ),
                (text.strip(), row - first_row + 1, column - first_column + 1, *where, reason),
            )
        else:
            message = fill(
                self.tr("Not stored: “%1” for %2, %3 is not an amount. %4"),
                (text.strip(), *where, reason),
            )
        self._say(message, error=True)
        self._refuse(kind, entries, message, located=True)  # Enter stays on a refused cell

    def _step_name(self, kind: _Write, entries: list[tuple[int, int, str]]) -> str:
        if kind is _Write.PASTE:
            return fill(self.tr("Paste revenue (%1 cells)"), (len(entries),))
        if len(entries) > 1:
            return fill(self.tr("Clear revenue (%1 cells)"), (len(entries),))
        row, column, _ = entries[0]
        return fill(
            self.tr("Edit revenue (month %2 of %1, %3)"),
            (self.year, column + 1, self.parks[row].short_name),
        )

    def _park_name(self, park_id: int) -> str:
        return next((p.short_name for p in self.parks if p.id == park_id), str(park_id))
