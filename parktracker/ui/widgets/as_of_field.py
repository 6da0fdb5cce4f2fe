"""An "as of" date (the dashboard's, the warnings', the comparison's two): the product's one date field (typed text read whole, a calendar,
an echo of the day understood), committed when the officer presses Enter, leaves the field or
picks a day, never half-way through typing (2024-03-1 is a day, but not the one being typed).

It keeps the small QDateEdit-like API the page and its tests use: ``date()``, ``setDate()`` and
``dateChanged`` (emitted for a committed day that differs from the last one)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QWidget

from parktracker.domain.dates import DateParseError
from parktracker.ui.widgets.date_field import ECHO_STYLE, DateField

PROBLEM_STYLE = "color:#b42318;"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AsOfField(DateField):
    dateChanged = Signal(QDate)  # noqa: N815 - the QDateEdit name the page connects to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, optional=False)
        self._committed: dt.date | None = None
        self.line.setObjectName("asOfText")
        # It holds an ISO date once committed: as wide as 2024-12-31 (the row is shared).
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("2024-12-31") + 20)
        self.line.setMaximumWidth(self.line.minimumWidth() + 40)
        # The page's heading says the date in words: the echo only speaks up for a problem.
        self.echo.hide()
        self.line.editingFinished.connect(self._commit)
        self.line.returnPressed.connect(self._commit)

    def date(self) -> QDate:
        return QDate() if self._committed is None else qdate(self._committed)

    def setDate(self, value: QDate) -> None:  # noqa: N802 - QDateEdit's name
        day = dt.date(value.year(), value.month(), value.day())
        self.set_value(day)
        self._set_committed(day)

    def _picked(self, day: dt.date) -> None:
        super()._picked(day)
        self._commit()

    def _commit(self) -> None:
        try:
            day = self.value()
        except DateParseError:
            self.echo.setText(self.error() or "")  # said where the day would be echoed
            self.echo.setStyleSheet(PROBLEM_STYLE)
            self.echo.show()
            return
        if day is None:  # emptied: the date shown stays the one in force
            if self._committed is not None:
                self.set_value(self._committed)
            return
        self._set_committed(day)

    def _text_changed(self) -> None:
        super()._text_changed()
        self.echo.setStyleSheet(ECHO_STYLE)  # a problem said on Enter goes as the text changes
        self.echo.hide()

    def _set_committed(self, day: dt.date) -> None:
        if day == self._committed:
            return
        self._committed = day
        if not self.signalsBlocked():
            self.dateChanged.emit(qdate(day))
