"""The options of File → Export Template for Parks…: which park (or every park, a file each)
and the month whose figures the parks fill in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.models import Park
from parktracker.domain.periods import YearMonth
from parktracker.ui.widgets.month_field import MonthField

EVERY_PARK = -1


class TemplateDialog(QDialog):
    def __init__(self, parks: list[Park], month: YearMonth, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Template for Parks"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Each template is an Excel workbook with the park's current projects and funds, and empty cells for the month's investment, revenue and fund figures. Park, project and fund names are protected (no password); the park fills in the rest and sends the file back for import."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setMinimumWidth(520)
        layout.addWidget(note)
        form = QFormLayout()
        self.park = QComboBox(self)
        self.park.setObjectName("templatePark")
        self.park.addItem(self.tr("Every park (one file each, into a folder)"), EVERY_PARK)
        for park in parks:
            self.park.addItem(park.name, park.id)
        form.addRow(self.tr("&Park:"), self.park)
        self.month = MonthField(self)
        self.month.setObjectName("templateMonth")
        self.month.set_month(month)
        form.addRow(self.tr("&Month of the figures:"), self.month)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def park_id(self) -> int | None:
        """The chosen park's id; None for every park."""
        value = self.park.currentData()
        return None if value == EVERY_PARK else int(value)

    def accept(self) -> None:
        """Export only for a month: a text that names none is said beside it, and the dialog
        stays open."""
        if not self.month.commit():
            self.month.line.setFocus()
            return
        super().accept()

    def chosen_month(self) -> YearMonth:
        chosen = self.month.month()
        assert chosen is not None  # set from the start, and only ever replaced by a month
        return chosen
