"""The park targets form: each park's own revenue target for a year, on one form.

Every park has a line with its stored target filled in; an emptied line removes the park's
target. Beneath, the parks' sum beside the all-parks target. Saving stores every change as one
undoable step ("设置各园区营收目标（2024年）"), audited like every write.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from parktracker.domain.enums import Metric
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Target
from parktracker.domain.money import AmountParseError, Money, Unit
from parktracker.domain.validation import MAX_YEAR, MIN_YEAR, Problem, validate_target
from parktracker.services.parks import list_parks
from parktracker.services.targets import get_target, park_targets, set_park_targets
from parktracker.ui.session import Session
from parktracker.ui.widgets.amount_edit import AmountEdit
from parktracker.ui.widgets.form import FormDialog


class ParkTargetsForm(FormDialog):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        year: int,
        metric: Metric = Metric.REVENUE,
    ) -> None:
        super().__init__(session, "", parent)
        self.setWindowTitle(self.tr("Park Revenue Targets"))
        self.target_metric = metric
        self.parks = [p for p in list_parks(session.db) if p.id is not None]
        self.year_box = QSpinBox(self)
        self.year_box.setRange(MIN_YEAR, MAX_YEAR)
        self.year_box.setValue(year)
        self.add_field("year", self.tr("&Year"), self.year_box)
        self.amounts: dict[int, AmountEdit] = {}
        for park in self.parks:
            assert park.id is not None
            edit = AmountEdit(self, unit=Unit.YI)
            edit.line.setAccessibleName(park.short_name)
            edit.line.setPlaceholderText(self.tr("no target"))
            self.amounts[park.id] = edit
            self.add_field(f"park_{park.id}", park.short_name or park.name, edit)
            edit.edited.connect(self._show_total)
        self.total = QLabel(self)
        self.total.setObjectName("parkTargetsTotal")
        self.total.setStyleSheet("color:#475467;")
        self.total.setWordWrap(True)
        self.form.addRow("", self.total)
        self._stored: dict[int, Money] = {}
        self.year_box.valueChanged.connect(self._load)
        self._load()
        self.finish()

    @property
    def year(self) -> int:
        return self.year_box.value()

    def _load(self) -> None:
        """The stored targets of the chosen year."""
        self._stored = park_targets(self.session.db, year=self.year, metric=self.target_metric)
        for park_id, edit in self.amounts.items():
            edit.line.blockSignals(True)
            edit.set_value(self._stored.get(park_id))
            edit.line.blockSignals(False)
        self._show_total()
        self.revalidate()

    def values(self) -> dict[int, Money | None] | None:
        """Each park's target as typed (None: none); None when a line is not an amount."""
        out: dict[int, Money | None] = {}
        for park_id, edit in self.amounts.items():
            try:
                out[park_id] = edit.value()
            except AmountParseError:
                return None
        return out

    def changes(self) -> dict[int, Money | None]:
        values = self.values() or {}
        return {pid: v for pid, v in values.items() if v != self._stored.get(pid)}

    def _show_total(self) -> None:
        values = self.values()
        if values is None:
            self.total.setText("")
            return
        total = Money.total([v for v in values.values() if v is not None])
        overall = get_target(self.session.db, year=self.year, metric=self.target_metric)
        if overall is None:
            text = fill(self.tr("Parks together: %1; no all-parks target for %2"),
                        (total.format(Unit.YI), self.year))  # fmt: skip
        else:
            text = fill(
                self.tr("Parks together: %1; all-parks target for %2: %3"),
                (total.format(Unit.YI), self.year, overall.amount.format(Unit.YI)),
            )
        self.total.setText(text)

    # ---------------------------------------------------------------- FormDialog hooks
    def problems(self) -> list[Problem]:
        values = self.values() or {}
        return [
            replace(p, field="year" if p.field == "year" else f"park_{pid}")
            for pid, amount in values.items()
            if amount is not None
            for p in validate_target(Target(self.year, self.target_metric, amount, park_id=pid))
        ]

    def store(self) -> None:
        changes = self.changes()
        if not changes:
            return
        year, metric = self.year, self.target_metric
        self.session.perform(
            fill(self.tr("Set park revenue targets (%1)"), (year,)),
            lambda db: set_park_targets(db, year=year, metric=metric, amounts=changes),
        )
