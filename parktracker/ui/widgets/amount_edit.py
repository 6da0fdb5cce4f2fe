"""An amount field: exact decimal text with its unit (亿元 or 万元) chosen beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from parktracker.domain.money import AmountParseError, Money, Unit, parse_amount
from parktracker.domain.plausibility import Reference
from parktracker.domain.validation import amount_ceiling
from parktracker.ui.text import qt_tr


class AmountEdit(QWidget):
    """Line edit + unit selector. ``value()`` is exact; bad text reports a translated error.

    Accepts "1,234.5", full-width digits and a trailing unit word; rejects "abc" and amounts
    above the ceiling with a message the form shows beside the field. An empty field means
    "not given" (None). A stored amount is shown exact, without separators.
    """

    edited = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, unit: Unit = Unit.YI, required: bool = False
    ) -> None:
        super().__init__(parent)
        self.required = required
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.line = QLineEdit(self)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.line.setPlaceholderText(self.tr("e.g. 1,234.5"))
        self.unit_box = QComboBox(self)
        for choice in (Unit.YI, Unit.WAN):
            self.unit_box.addItem(choice.label, choice)
        self.unit_box.setCurrentIndex(0 if unit is Unit.YI else 1)
        self.unit_box.setAccessibleName(self.tr("Unit"))
        layout.addWidget(self.line, 1)
        layout.addWidget(self.unit_box)
        self.setFocusProxy(self.line)
        # The figure a saved amount is compared with (fat-finger question), set by the form.
        self.reference: Reference | None = None
        self.line.textChanged.connect(self.edited)
        self.unit_box.currentIndexChanged.connect(self._unit_changed)
        self._last_unit = unit

    @property
    def unit(self) -> Unit:
        unit = self.unit_box.currentData()
        assert isinstance(unit, Unit)
        return unit

    def _unit_changed(self) -> None:
        """Switching the unit converts a valid amount rather than reinterpreting its digits."""
        try:
            value = (
                parse_amount(self.line.text(), self._last_unit)
                if self.line.text().strip()
                else None
            )
        except AmountParseError:
            value = None
        self._last_unit = self.unit
        if value is not None:
            self.line.blockSignals(True)
            self.line.setText(value.format(self.unit, with_unit=False))
            self.line.blockSignals(False)
        self.edited.emit()

    def set_value(self, value: Money | None) -> None:
        self.line.setText("" if value is None else value.format(self.unit, with_unit=False))

    def value(self) -> Money | None:
        """The amount, None when empty; raises AmountParseError for text that is not one."""
        text = self.line.text().strip()
        if not text:
            return None
        return parse_amount(text, self.unit)

    def error(self) -> str | None:
        """The translated problem with the current text, if any (required, not a number, or
        above the ceiling every amount shares)."""
        try:
            value = self.value()
        except AmountParseError as exc:
            return qt_tr(exc.message)
        if value is None and self.required:
            return self.tr("This field is required.")
        if value is not None:
            for problem in amount_ceiling("amount", value):
                return problem.render(qt_tr)
        return None
