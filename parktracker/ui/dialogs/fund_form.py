"""The fund form: a fund's name, park, manager, establishment date and notes; on adding, its
first figures (scale, paid-in, invested); on editing, its dated figures (read-only history)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Fund, FundUpdate
from parktracker.domain.money import Money
from parktracker.domain.validation import (
    M_UPDATE_BEFORE_FUND,
    Problem,
    ValidationError,
    validate_fund,
    validate_fund_update,
)
from parktracker.services.fund_listing import fund_history, fund_names_in_scope
from parktracker.services.funds import add_fund, delete_fund_figures, update_fund
from parktracker.services.parks import list_parks
from parktracker.services.plausibility import fund_reference
from parktracker.storage.errors import StorageError
from parktracker.ui.models.table_model import Column, Kind, RecordTableModel
from parktracker.ui.session import Session
from parktracker.ui.text import day_text, qt_tr, storage_error_text
from parktracker.ui.widgets.amount_edit import AmountEdit
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog

CITY_WIDE = 0  # the park box's value for a city-wide fund (park_id None)


class FundForm(FormDialog):
    """Adds a fund (``fund`` None) with its first figures, or edits one."""

    def __init__(
        self,
        session: Session,
        fund: Fund | None = None,
        *,
        park_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, "", parent)
        self.fund = fund
        self.saved_id: int | None = None
        self._names: dict[int | None, list[str]] = {}
        self.setWindowTitle(
            self.tr("New fund") if fund is None else fill(self.tr("Edit fund “%1”"), (fund.name,))
        )
        self.name = QLineEdit(self)
        self.park = QComboBox(self)
        self.park.addItem(self.tr("City-wide (no park)"), CITY_WIDE)
        for park in list_parks(session.db):
            self.park.addItem(park.short_name, park.id)
        self.manager = QLineEdit(self)
        self.established = DateField(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.add_field("name", self.tr("Fund name"), self.name)
        self.add_field("park", self.tr("Park"), self.park)
        self.add_field("manager", self.tr("Manager"), self.manager)
        self.add_field("established_date", self.tr("Established"), self.established)
        self.add_field("notes", self.tr("Notes"), self.notes)
        self.history: list[FundUpdate] = []
        if fund is None:
            self._add_first_figures_fields()
            self._select_park(park_id)
        else:
            self.name.setText(fund.name)
            self._select_park(fund.park_id)
            self.manager.setText(fund.manager)
            self.established.set_value(fund.established_date)
            self.notes.setPlainText(fund.notes)
            self._add_history()
        self.finish()

    # ---------------------------------------------------------------- building
    def _add_first_figures_fields(self) -> None:
        heading = QLabel(self.tr("First reported figures"), self)
        heading.setStyleSheet("font-weight:600;color:#1f4e79;padding-top:6px;")
        self.form.addRow(heading)
        self.figures_date = DateField(self, optional=False)
        self.scale = AmountEdit(self, required=True)
        self.paid_in = AmountEdit(self, required=True)
        self.invested = AmountEdit(self, required=True)
        reference = fund_reference(self.session.db)
        for edit in (self.scale, self.paid_in, self.invested):
            edit.reference = reference
        self.add_field("date", self.tr("Figures as of"), self.figures_date)
        self.add_field("scale", self.tr("Total scale"), self.scale)
        self.add_field("paid_in", self.tr("Paid-in"), self.paid_in)
        self.add_field("invested", self.tr("Invested"), self.invested)

    def _add_history(self) -> None:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(self.tr("Reported figures (oldest first)"), box)
        heading.setStyleSheet("font-weight:600;color:#1f4e79;")
        layout.addWidget(heading)
        columns: list[Column[FundUpdate]] = [
            Column(self.tr("Date"), lambda u: u.date, Kind.DATE),
            Column(self.tr("Total scale (亿元)"), lambda u: u.scale, Kind.AMOUNT),
            Column(self.tr("Paid-in (亿元)"), lambda u: u.paid_in, Kind.AMOUNT),
            Column(self.tr("Invested (亿元)"), lambda u: u.invested, Kind.AMOUNT),
            Column(self.tr("Note"), lambda u: u.note),
        ]
        self.history_model: RecordTableModel[FundUpdate] = RecordTableModel(columns, self)
        self.history_view = QTableView(box)
        self.history_view.setObjectName("fundHistory")
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().setVisible(False)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history_view.setMinimumHeight(130)
        layout.addWidget(self.history_view)
        row = QHBoxLayout()
        self.delete_figures_button = QPushButton(self.tr("Delete selected figures…"), box)
        self.delete_figures_button.clicked.connect(self._delete_figures)
        row.addWidget(self.delete_figures_button)
        row.addStretch(1)
        layout.addLayout(row)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(1, box, 1)
        self.history_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_history_buttons()
        )
        self._load_history()
        self.setMinimumWidth(640)

    def _load_history(self) -> None:
        assert self.fund is not None and self.fund.id is not None
        self.history = fund_history(self.session.db, self.fund.id)
        self.history_model.set_rows(self.history)
        self._update_history_buttons()

    def _update_history_buttons(self) -> None:
        selected = self.history_view.selectionModel().selectedRows()
        self.delete_figures_button.setEnabled(
            bool(selected) and len(self.history) > 1 and not self.session.readonly
        )

    def _select_park(self, park_id: int | None) -> None:
        index = self.park.findData(CITY_WIDE if park_id is None else park_id)
        self.park.setCurrentIndex(max(index, 0))

    # ---------------------------------------------------------------- the record
    def park_id(self) -> int | None:
        value = self.park.currentData()
        return None if value in (None, CITY_WIDE) else int(value)

    def build(self) -> Fund:
        original = self.fund
        return Fund(
            name=self.name.text().strip(),
            park_id=self.park_id(),
            manager=self.manager.text().strip(),
            established_date=self.established.value(),
            notes=self.notes.toPlainText().strip(),
            sample=False if original is None else original.sample,
            id=None if original is None else original.id,
        )

    def first_figures(self) -> FundUpdate:
        """The first figures as entered (call only when the fields hold no errors: the date is
        required, so it is given)."""
        date = self.figures_date.value()
        assert date is not None
        amounts = [w.value() or Money.zero() for w in (self.scale, self.paid_in, self.invested)]
        return FundUpdate(0, date, amounts[0], amounts[1], amounts[2], "")

    def _other_names(self, park_id: int | None) -> list[str]:
        if park_id not in self._names:
            exclude = None if self.fund is None else self.fund.id
            self._names[park_id] = fund_names_in_scope(self.session.db, park_id, exclude_id=exclude)
        return self._names[park_id]

    def problems(self) -> list[Problem]:
        fund = self.build()
        problems = validate_fund(fund, other_names_in_park=self._other_names(fund.park_id))
        established = fund.established_date
        if self.fund is None:
            problems += validate_fund_update(self.first_figures(), established=established)
        elif established is not None and any(u.date < established for u in self.history):
            problems.append(Problem("established_date", M_UPDATE_BEFORE_FUND))
        return problems

    def store(self) -> None:
        fund = self.build()
        if self.fund is None:
            figures = self.first_figures()
            self.saved_id = self.session.perform(
                fill(self.tr("Add fund “%1”"), (fund.name,)),
                lambda db: add_fund(db, fund=fund, first_figures=figures),
            )
        else:
            self.session.perform(
                fill(self.tr("Edit fund “%1”"), (fund.name,)),
                lambda db: update_fund(db, fund=fund),
            )
            self.saved_id = fund.id

    # ---------------------------------------------------------------- history actions
    def _delete_figures(self) -> None:
        rows = self.history_view.selectionModel().selectedRows()
        if not rows or self.fund is None:
            return
        update = self.history_model.row_at(rows[0].row())
        assert update.id is not None
        when = day_text(update.date)
        answer = QMessageBox.question(
            self,
            self.tr("Delete figures"),
            fill(
                self.tr(
                    "Delete the figures reported on %1? This takes effect at once; you can undo it with Edit → Undo."
                ),
                (when,),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        update_id = update.id
        try:
            self.session.perform(
                fill(self.tr("Delete figures of fund “%1” (%2)"), (self.fund.name, when)),
                lambda db: delete_fund_figures(db, update_id=update_id),
            )
        except ValidationError as exc:
            QMessageBox.warning(
                self, self.tr("Not possible"), "\n".join(p.render(qt_tr) for p in exc.problems)
            )
            return
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), storage_error_text(exc))
            return
        self._load_history()
        self.revalidate()
        self.history_view.setFocus(Qt.FocusReason.OtherFocusReason)
