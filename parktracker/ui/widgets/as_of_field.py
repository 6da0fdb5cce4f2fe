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
from parktracker.ui.widgets.date_field import ECHO_COLOR, DateField
from parktracker.ui.widgets.plain_style import set_text_style

PROBLEM_COLOR = "#b42318"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AsOfField(DateField):
    dateChanged = Signal(QDate)  # noqa: N815 - the QDateEdit name the page connects to

    def __init__(self, parent: QWidget | None = None, *, echo: bool = False) -> None:
        super().__init__(parent, optional=False)
        self._echo = echo
        self._committed: dt.date | None = None
        self.line.setObjectName("asOfText")
        # It holds an ISO date once committed: as wide as 2024-12-31 (the row is shared).
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("2024-12-31") + 20)
        self.line.setMaximumWidth(self.line.minimumWidth() + 40)
        # A page's heading says the date in words: there the echo only speaks up for a
        # problem; in a dialog (``echo``) it also says the value understood.
        self.echo.setVisible(echo)
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

    def commit(self) -> bool:
        """Take the text as the value in force (as Enter does); False, with the problem said
        beside the text, when it names no value (the one in force then stays)."""
        try:
            day = self.value()
        except DateParseError:
            self.echo.setText(self.error() or "")  # said where the day would be echoed
            self.echo.setToolTip(self.echo.text())  # whole, should the row be narrow
            set_text_style(self.echo, PROBLEM_COLOR)
            self.echo.show()
            return False
        if day is None:  # emptied: the date shown stays the one in force
            if self._committed is not None:
                self.set_value(self._committed)
            return True
        self._set_committed(day)
        return True

    def _commit(self) -> None:
        self.commit()

    def _text_changed(self) -> None:
        super()._text_changed()
        set_text_style(self.echo, ECHO_COLOR)  # a problem said on Enter goes as the text changes
        self.echo.setToolTip("")
        self.echo.setVisible(getattr(self, "_echo", False))

    def _set_committed(self, day: dt.date) -> None:
        if day == self._committed:
            return
        self._committed = day
        if not self.signalsBlocked():
            self.dateChanged.emit(qdate(day))
