"""One project's monthly completed investment, a year at a time, edited in place.

Twelve rows (January–December of the chosen year): the month's completed investment (editable;
clearing a cell deletes that month), the cumulative total since the project's first month and
its share of the planned total. The unit (万元 or 亿元) applies to entry and display. Below:
the year's planned investment. Edits of several years are saved together as one undoable step.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import MonthlyInvestment, Project
from parktracker.domain.money import AmountParseError, Money, Unit, parse_amount
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import amount_ceiling
from parktracker.services.plausibility import investment_reference, project_total_reference
from parktracker.services.projects import annual_plans, edit_investment, monthly_investment
from parktracker.ui import number_display
from parktracker.ui.confirm_amount import confirm_amount
from parktracker.ui.models.projects_model import percent_of
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.amount_edit import AmountEdit
from parktracker.ui.widgets.form import WARNING_STYLE, FormDialog

MONTH_COLUMN, AMOUNT_COLUMN, CUMULATIVE_COLUMN, SHARE_COLUMN = range(4)
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class InvestmentGrid(FormDialog):
    """Edits ``project``'s monthly completed investment and yearly planned investment."""

    def __init__(
        self,
        session: Session,
        project: Project,
        *,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session, fill(self.tr("Completed investment of “%1”"), (project.name,)), parent
        )
        assert project.id is not None
        self.project = project
        self.project_id: int = project.id
        self.saved: dict[YearMonth, Money] = {
            m.month: m.completed for m in monthly_investment(session.db, project.id)
        }
        self.saved_plans: dict[int, Money] = {
            p.year: p.planned for p in annual_plans(session.db, project.id)
        }
        self.edits: dict[YearMonth, Money | None] = {}  # None: cleared
        self.bad: dict[YearMonth, str] = {}  # cells whose text is not an amount
        self.plan_edits: dict[int, Money | None] = {}
        self._filling = False
        self.setMinimumWidth(640)

        self._build_controls()
        self._build_grid()

        if year is not None and self.year_box.findData(year) >= 0:
            self.year_box.setCurrentIndex(self.year_box.findData(year))
        self.year_box.currentIndexChanged.connect(self._show_year)
        self.unit_box.currentIndexChanged.connect(self._unit_changed)
        self.grid.itemChanged.connect(self._cell_changed)
        self.plan.edited.connect(self._plan_changed)
        self._plan_unit = self.plan.unit
        self.save_button.setEnabled(False)
        self._show_year()
        self.finish()

    # ---------------------------------------------------------------- building
    def _build_controls(self) -> None:
        controls = QWidget(self)
        row = QHBoxLayout(controls)
        row.setContentsMargins(0, 0, 0, 0)
        self.year_box = QComboBox(controls)
        self.year_box.setObjectName("year")
        for choice in self._years():
            self.year_box.addItem(str(choice), choice)
        self.unit_box = QComboBox(controls)
        self.unit_box.setObjectName("unit")
        self.unit_box.setAccessibleName(self.tr("Unit"))
        for unit in (Unit.WAN, Unit.YI):
            self.unit_box.addItem(unit.label, unit)
        year_label = QLabel(self.tr("Year"), controls)
        year_label.setBuddy(self.year_box)
        unit_label = QLabel(self.tr("Unit"), controls)
        unit_label.setBuddy(self.unit_box)
        row.addWidget(year_label)
        row.addWidget(self.year_box)
        row.addSpacing(16)
        row.addWidget(unit_label)
        row.addWidget(self.unit_box)
        row.addStretch(1)
        self.form.addRow(controls)

    def _build_grid(self) -> None:
        self.grid = QTableWidget(12, 4, self)
        self.grid.setObjectName("investmentGrid")
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        rows = self.grid.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setFixedHeight(
            12 * rows.defaultSectionSize()
            + self.grid.horizontalHeader().sizeHint().height()
            + 2 * self.grid.frameWidth()
            + 2
        )
        # The grid spans the dialog's width; its message (a cell that is not an amount) below.
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.grid)
        message = QLabel(holder)
        message.setObjectName("message_months")
        message.setWordWrap(True)
        message.hide()
        box.addWidget(message)
        self.form.addRow(holder)
        self.fields["months"] = self.grid
        self.messages["months"] = message
        self.plan = AmountEdit(self)
        self.plan.setObjectName("annualPlan")
        self.add_field("annual_plan", self.tr("Planned investment this year"), self.plan)
        self.summary = QLabel(self)
        self.summary.setObjectName("investmentSummary")
        self.summary.setWordWrap(True)
        self.form.addRow(self.summary)

    # ---------------------------------------------------------------- what is shown
    def _years(self) -> list[int]:
        today = dt.date.today().year
        years = {m.year for m in self.saved} | set(self.saved_plans) | {today}
        start = self.project.actual_start_date or self.project.signed_date
        if start is not None and start.year <= today:
            years |= set(range(start.year, today + 1))
        return sorted(years, reverse=True)

    @property
    def year(self) -> int:
        value = self.year_box.currentData()
        return int(value) if value is not None else dt.date.today().year

    @property
    def unit(self) -> Unit:
        unit = self.unit_box.currentData()
        assert isinstance(unit, Unit)
        return unit

    def value(self, month: YearMonth) -> Money | None:
        """The month's amount as it would be saved."""
        if month in self.edits:
            return self.edits[month]
        return self.saved.get(month)

    def values(self) -> dict[YearMonth, Money]:
        months = set(self.saved) | set(self.edits)
        return {m: v for m in sorted(months) if (v := self.value(m)) is not None}

    def _show_year(self) -> None:
        self._filling = True
        try:
            unit = self.unit.label
            self.grid.setHorizontalHeaderLabels(
                [
                    self.tr("Month"),
                    fill(self.tr("Completed (%1)"), (unit,)),
                    fill(self.tr("Cumulative (%1)"), (unit,)),
                    self.tr("Of planned total"),
                ]
            )
            for index in range(12):
                month = YearMonth(self.year, index + 1)
                label = QTableWidgetItem(str(month))
                label.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.grid.setItem(index, MONTH_COLUMN, label)
                cell = QTableWidgetItem(self._cell_text(month))
                cell.setTextAlignment(ALIGN_RIGHT)
                if self.session.readonly:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.grid.setItem(index, AMOUNT_COLUMN, cell)
            self.plan.blockSignals(True)
            plan = self.plan_edits.get(self.year, self.saved_plans.get(self.year))
            self.plan.set_value(plan)
            self.plan.blockSignals(False)
            self._plan_unit = self.plan.unit
        finally:
            self._filling = False
        self._update_totals()
        self.revalidate()

    def _cell_text(self, month: YearMonth) -> str:
        if month in self.bad:
            return self.bad[month]
        value = self.value(month)
        return "" if value is None else value.format(self.unit, with_unit=False)

    def _update_totals(self) -> None:
        self._filling = True
        try:
            values = self.values()
            planned = self.project.planned_total
            running = Money.total([v for m, v in values.items() if m.year < self.year])
            first = min(values, default=None)
            last = max(values, default=None)
            for index in range(12):
                month = YearMonth(self.year, index + 1)
                running = running + values.get(month, Money.zero())
                has_data = first is not None and last is not None and first <= month <= last
                cumulative = QTableWidgetItem(
                    number_display.current().number(running, self.unit) if has_data else ""
                )
                share = QTableWidgetItem(percent_of(running, planned) if has_data else "")
                for item in (cumulative, share):
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setTextAlignment(ALIGN_RIGHT)
                self.grid.setItem(index, CUMULATIVE_COLUMN, cumulative)
                self.grid.setItem(index, SHARE_COLUMN, share)
        finally:
            self._filling = False
        total = Money.total(list(self.values().values()))
        year_total = Money.total([v for m, v in self.values().items() if m.year == self.year])
        parts = [
            fill(
                self.tr("Completed in %1: %2"),
                (self.year, number_display.current().amount(year_total)),
            ),
            fill(self.tr("Cumulative: %1"), (number_display.current().amount(total),)),
        ]
        planned = self.project.planned_total
        if planned is not None:
            parts.append(
                fill(
                    self.tr("%1 of the planned total of %2"),
                    (percent_of(total, planned) or "—", number_display.current().amount(planned)),
                )
            )
        text = "    ".join(parts)
        if planned is not None and total.yuan > planned.yuan:
            text += "\n" + self.tr(
                "Completed investment exceeds the planned total: give the reason in the project form."
            )
            self.summary.setStyleSheet(WARNING_STYLE)
        else:
            self.summary.setStyleSheet("")
        self.summary.setText(text)

    # ---------------------------------------------------------------- editing
    def _unit_changed(self) -> None:
        # Amounts are exact: switching the unit only changes how they are written.
        self._show_year()

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != AMOUNT_COLUMN:
            return
        month = YearMonth(self.year, item.row() + 1)
        text = item.text().strip()
        self.bad.pop(month, None)
        if not text:
            value: Money | None = None
        else:
            try:
                value = parse_amount(text, self.unit)
            except AmountParseError:
                self.bad[month] = text
                self._update_totals()
                self.revalidate()
                return
        if value == self.saved.get(month):
            self.edits.pop(month, None)
        else:
            self.edits[month] = value
        self._update_totals()
        self.revalidate()

    def _plan_changed(self) -> None:
        if self.plan.error():
            return
        value = self.plan.value()
        if value == self.saved_plans.get(self.year):
            self.plan_edits.pop(self.year, None)
        else:
            self.plan_edits[self.year] = value
        self.revalidate()

    def set_month(self, month: int, text: str) -> None:
        """Type ``text`` into a month's cell of the year shown (as the user would)."""
        item = self.grid.item(month - 1, AMOUNT_COLUMN)
        assert item is not None
        item.setText(text)

    # ---------------------------------------------------------------- form hooks
    def state(self) -> object:
        return (
            tuple(sorted(self.edits.items())),
            tuple(sorted(self.bad.items())),
            tuple(sorted(self.plan_edits.items())),
        )

    def field_errors(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.bad:
            month, text = min(self.bad.items())
            try:
                parse_amount(text, self.unit)
                message = ""
            except AmountParseError as exc:
                message = qt_tr(exc.message)
            out["months"] = fill(self.tr("Month %1: %2"), (str(month), message))
        plan_error = self.plan.error()
        if plan_error:
            out["annual_plan"] = plan_error
        for month, value in sorted(self.edits.items()):
            for problem in [] if value is None else amount_ceiling("months", value):
                out.setdefault(
                    "months", fill(self.tr("Month %1: %2"), (str(month), problem.render(qt_tr)))
                )
        return out

    def confirm_amounts(self) -> bool:
        """Before saving: the annual plan against the park's largest project, each month
        against the largest monthly investment reported in the park (fat-finger question)."""
        db = self.session.db
        park_id = self.project.park_id
        self.plan.reference = project_total_reference(db, park_id=park_id)
        if not super().confirm_amounts():
            return False
        reference = investment_reference(db, park_id=park_id)
        for month, value in sorted(self.edits.items()):
            what = fill(self.tr("Month %1"), (str(month),))
            if not confirm_amount(self, what, value, reference, self.unit):
                return False
        return True

    def revalidate(self) -> bool:
        valid = super().revalidate()
        if not self.dirty:
            self.save_button.setEnabled(False)
        return valid

    def store(self) -> None:
        entries = [
            MonthlyInvestment(self.project_id, month, value)
            for month, value in sorted(self.edits.items())
            if value is not None
        ]
        cleared = [m for m, v in sorted(self.edits.items()) if v is None and m in self.saved]
        plans = sorted(self.plan_edits.items())
        project_id = self.project_id
        self.session.perform(
            fill(self.tr("Enter completed investment of “%1”"), (self.project.name,)),
            lambda db: edit_investment(
                db, project_id=project_id, entries=entries, cleared=cleared, annual_plans=plans
            ),
        )
