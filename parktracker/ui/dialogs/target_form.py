"""The target form: a yearly target for all parks or one park, for revenue or annual investment.

Choosing a year, scope and metric shows the target already stored for them (and fills it in
to be changed); saving stores it as one undoable step ("设置目标（2024年营业收入）").
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from parktracker.domain.enums import Metric
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Target
from parktracker.domain.money import AmountParseError, Money, Unit
from parktracker.domain.plausibility import Reference
from parktracker.domain.validation import MAX_YEAR, MIN_YEAR, Problem, validate_target
from parktracker.services.parks import list_parks
from parktracker.services.plausibility import target_reference
from parktracker.services.targets import get_target, set_target
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.amount_edit import AmountEdit
from parktracker.ui.widgets.form import FormDialog


class TargetForm(FormDialog):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        year: int,
        park_id: int | None = None,
        metric: Metric = Metric.REVENUE,
    ) -> None:
        super().__init__(session, "", parent)
        self.setWindowTitle(self.tr("Set Target"))
        self.parks = {p.id: p for p in list_parks(session.db)}
        self._loaded: tuple[str, str] = ("", "")

        self.year_box = QSpinBox(self)
        self.year_box.setRange(MIN_YEAR, MAX_YEAR)
        self.year_box.setValue(year)
        self.scope_box = QComboBox(self)
        self.scope_box.addItem(self.tr("All parks"), None)
        for park in self.parks.values():
            self.scope_box.addItem(park.short_name, park.id)
        self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(park_id)))
        self.metric_box = QComboBox(self)
        for choice in Metric:
            self.metric_box.addItem(qt_tr(choice.text), choice)
        self.metric_box.setCurrentIndex(self.metric_box.findData(metric))
        self.amount = AmountEdit(self, unit=Unit.YI, required=True)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("e.g. strive to exceed 1300 亿元"))
        self.current = QLabel(self)
        self.current.setObjectName("currentTarget")
        self.current.setStyleSheet("color:#667085;")

        self.add_field("year", self.tr("&Year"), self.year_box)
        self.add_field("park_id", self.tr("&Scope"), self.scope_box)
        self.add_field("metric", self.tr("&Metric"), self.metric_box)
        self.add_field("amount", self.tr("&Target"), self.amount)
        self.form.addRow("", self.current)
        self.add_field("note", self.tr("&Note"), self.note)
        self.year_box.valueChanged.connect(self._load_existing)
        self.scope_box.currentIndexChanged.connect(self._load_existing)
        self.metric_box.currentIndexChanged.connect(self._load_existing)
        self._load_existing()
        self.finish()

    # ---------------------------------------------------------------- the record
    @property
    def year(self) -> int:
        return self.year_box.value()

    @property
    def park_id(self) -> int | None:
        value = self.scope_box.currentData()
        return value if isinstance(value, int) else None

    @property
    def chosen_metric(self) -> Metric:
        value = self.metric_box.currentData()
        assert isinstance(value, Metric)
        return value

    def amount_reference(self, name: str) -> Reference | None:
        """A target is compared with the largest target of the same measure stored."""
        if name != "amount":
            return super().amount_reference(name)
        return target_reference(self.session.db, metric=self.chosen_metric)

    def _target(self) -> Target | None:
        try:
            amount = self.amount.value()
        except AmountParseError:
            return None
        if amount is None:
            return None
        return Target(
            year=self.year,
            metric=self.chosen_metric,
            amount=amount,
            park_id=self.park_id,
            note=self.note.text().strip(),
        )

    def _load_existing(self) -> None:
        """Show the stored target for the chosen year, scope and metric; fill it in unless the
        user has already typed something else."""
        existing = get_target(
            self.session.db, year=self.year, metric=self.chosen_metric, park_id=self.park_id
        )
        if existing is None:
            self.current.setText(
                self.tr("No target is stored for this year, scope and metric yet.")
            )
            loaded = ("", "")
        else:
            self.current.setText(
                fill(self.tr("Stored target: %1"), (existing.amount.format(Unit.YI),))
            )
            loaded = (self._amount_text(existing.amount), existing.note)
        if (self.amount.line.text(), self.note.text()) in (("", ""), self._loaded):
            self.amount.line.setText(loaded[0])
            self.note.setText(loaded[1])
        self._loaded = loaded

    def _amount_text(self, amount: Money) -> str:
        return amount.format(self.amount.unit, with_unit=False)

    # ---------------------------------------------------------------- FormDialog hooks
    def problems(self) -> list[Problem]:
        target = self._target()
        return [] if target is None else validate_target(target)

    def store(self) -> None:
        target = self._target()
        assert target is not None  # Save is enabled only for a valid form
        self.session.perform(self.step_name(target), lambda db: set_target(db, target=target))

    def step_name(self, target: Target) -> str:
        metric = qt_tr(target.metric.text)
        park = self.parks.get(target.park_id) if target.park_id is not None else None
        if park is None:
            return fill(self.tr("Set target (%1, %2)"), (target.year, metric))
        return fill(self.tr("Set target (%1, %2, %3)"), (target.year, metric, park.short_name))
