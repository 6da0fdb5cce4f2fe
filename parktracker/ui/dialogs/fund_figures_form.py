"""The form for a fund's newly reported figures: date, total scale, paid-in, invested, note."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Fund, FundUpdate
from parktracker.domain.money import Money
from parktracker.domain.validation import Problem, validate_fund_update
from parktracker.services.fund_listing import latest_figures
from parktracker.services.funds import record_fund_figures
from parktracker.services.plausibility import fund_reference
from parktracker.ui import number_display
from parktracker.ui.session import Session
from parktracker.ui.text import day_text
from parktracker.ui.widgets.amount_edit import AmountEdit
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog


class FundFiguresForm(FormDialog):
    """Records one dated report of a fund's figures (an undoable step)."""

    def __init__(self, session: Session, fund: Fund, parent: QWidget | None = None) -> None:
        super().__init__(session, "", parent)
        assert fund.id is not None
        self.fund = fund
        self.saved_id: int | None = None
        self.setWindowTitle(fill(self.tr("Record figures of fund “%1”"), (fund.name,)))
        self.latest = latest_figures(session.db, fund.id)
        heading = QLabel(fund.name, self)
        heading.setObjectName("fundName")
        heading.setWordWrap(True)
        heading.setStyleSheet("font-size:15px;font-weight:600;color:#1f4e79;")
        self.form.addRow(heading)
        self.latest_label = QLabel(self._latest_text(), self)
        self.latest_label.setObjectName("latestFigures")
        self.latest_label.setWordWrap(True)
        self.latest_label.setStyleSheet("color:#475467;")
        self.form.addRow(self.latest_label)
        self.date = DateField(self, optional=False)
        self.scale = AmountEdit(self, required=True)
        self.paid_in = AmountEdit(self, required=True)
        self.invested = AmountEdit(self, required=True)
        reference = fund_reference(self.session.db)
        for edit in (self.scale, self.paid_in, self.invested):
            edit.reference = reference
        self.note = QLineEdit(self)
        self.add_field("date", self.tr("Figures as of"), self.date)
        self.add_field("scale", self.tr("Total scale"), self.scale)
        self.add_field("paid_in", self.tr("Paid-in"), self.paid_in)
        self.add_field("invested", self.tr("Invested"), self.invested)
        self.add_field("note", self.tr("Note"), self.note)
        if self.latest is not None:
            self.scale.set_value(self.latest.scale)
            for edit, last in (
                (self.paid_in, self.latest.paid_in),
                (self.invested, self.latest.invested),
            ):
                edit.line.setPlaceholderText(fill(self.tr("Last reported: %1"), (last.format(),)))
        self.setMinimumWidth(560)
        self.finish()
        self.paid_in.setFocus()

    def _latest_text(self) -> str:
        last = self.latest
        if last is None:
            return self.tr("No figures reported yet.")
        text = fill(
            self.tr("Latest figures (%1): total scale %2, paid-in %3, invested %4."),
            (
                day_text(last.date),
                number_display.current().amount(last.scale),
                number_display.current().amount(last.paid_in),
                number_display.current().amount(last.invested),
            ),
        )
        return text.replace(" 亿元", "\u00a0亿元")  # keep each amount with its unit

    def build(self) -> FundUpdate:
        """The figures as entered (call only when the amount fields hold amounts)."""
        assert self.fund.id is not None
        amounts = [w.value() or Money.zero() for w in (self.scale, self.paid_in, self.invested)]
        date = self.date.value()
        assert date is not None
        return FundUpdate(
            self.fund.id, date, amounts[0], amounts[1], amounts[2], self.note.text().strip()
        )

    def problems(self) -> list[Problem]:
        return validate_fund_update(self.build(), established=self.fund.established_date)

    def store(self) -> None:
        update = self.build()
        self.saved_id = self.session.perform(
            fill(self.tr("Record figures of fund “%1”"), (self.fund.name,)),
            lambda db: record_fund_figures(db, update=update),
        )
