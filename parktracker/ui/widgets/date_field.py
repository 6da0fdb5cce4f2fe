"""A date picker that may be left empty ("not set"), for optional project dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class DateField(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled_box = QCheckBox(self)
        self.enabled_box.setToolTip(self.tr("Set this date"))
        self.enabled_box.setAccessibleName(self.tr("Set this date"))
        self.editor = QDateEdit(self)
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("yyyy-MM-dd")
        self.editor.setDate(QDate.currentDate())
        if optional:
            layout.addWidget(self.enabled_box)
        else:
            self.enabled_box.setChecked(True)
            self.enabled_box.hide()
        layout.addWidget(self.editor, 1)
        self.setFocusProxy(self.editor)
        self.enabled_box.toggled.connect(self._toggled)
        self.editor.dateChanged.connect(self.edited)
        self._toggled(self.enabled_box.isChecked())

    def _toggled(self, on: bool) -> None:
        self.editor.setEnabled(on)
        self.edited.emit()

    def set_value(self, value: dt.date | None) -> None:
        self.enabled_box.setChecked(value is not None or self.enabled_box.isHidden())
        if value is not None:
            self.editor.setDate(QDate(value.year, value.month, value.day))

    def value(self) -> dt.date | None:
        if not self.enabled_box.isChecked():
            return None
        qd = self.editor.date()
        return dt.date(qd.year(), qd.month(), qd.day())
