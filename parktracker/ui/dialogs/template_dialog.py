"""The options of File → Export Template for Parks…: which park (or every park, a file each)
and the month whose figures the parks fill in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.models import Park
from parktracker.domain.periods import YearMonth

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
        self.month = QDateEdit(self)
        self.month.setObjectName("templateMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setDate(QDate(month.year, month.month, 1))
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

    def chosen_month(self) -> YearMonth:
        day: dt.date = self.month.date().toPython()  # type: ignore[assignment]
        return YearMonth(day.year, day.month)
