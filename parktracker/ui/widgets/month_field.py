"""A month field (the briefing's month, the templates' month): the product's one date field
read as a month, so "2024-03", "2024/3", "202403" and "2024年3月" all mean March 2024 (a whole
day, such as 2024-03-15, names its month). Beside the text an echo writes the month as the UI
language writes it ("2024年3月" in Chinese); a text that is no month is said there instead.

As :class:`~parktracker.ui.widgets.as_of_field.AsOfField`, the month is committed on Enter,
on leaving the field or on a pick in the calendar (then ``dateChanged`` carries its first day);
Up and Down step one month, as the month picker this field replaces did.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from parktracker.domain.dates import normalise, parse_date
from parktracker.domain.periods import YearMonth, month_text
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.as_of_field import AsOfField, qdate

# The widest month a field must show whole, typed and echoed.
WIDEST_MONTH = "2024年12月"


class MonthField(AsOfField):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, echo=True)
        self.line.setObjectName("monthText")
        self.line.setPlaceholderText(self.tr("e.g. 2024-03"))
        self.line.setToolTip(self.tr("Type or paste a month: 2024-03, 2024/3, 202403 or 2024年3月"))
        self.line.setAccessibleName(self.tr("Month"))
        widest = self.line.fontMetrics().horizontalAdvance(WIDEST_MONTH)
        self.line.setMinimumWidth(widest + 20)
        self.line.setMaximumWidth(widest + 60)
        self.echo.setMinimumWidth(self.echo.fontMetrics().horizontalAdvance(WIDEST_MONTH) + 4)
        self._text_changed()  # the echo, now that the text is read as a month

    # ---------------------------------------------------------------- the value
    def value(self) -> dt.date | None:
        """The first day of the month the text names, None when empty; raises DateParseError
        for any other text."""
        text = self.line.text()
        if not normalise(text):
            return None
        return parse_date(text, allow_month=True).date.replace(day=1)

    def set_value(self, value: dt.date | None) -> None:
        self.line.setText("" if value is None else f"{value.year:04d}-{value.month:02d}")

    def month(self) -> YearMonth | None:
        """The month in force (the last one committed)."""
        day = self.date()
        return YearMonth(day.year(), day.month()) if day.isValid() else None

    def set_month(self, month: YearMonth) -> None:
        self.setDate(qdate(month.first_day))

    def _text_changed(self) -> None:
        super()._text_changed()
        try:
            day = self.value()
        except ValueError:
            day = None
        self.echo.setText("" if day is None else month_text(YearMonth.of(day), qt_tr))

    # ---------------------------------------------------------------- Up / Down
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.line
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and not event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.step(-1 if event.key() == Qt.Key.Key_Down else 1)
            return True
        return super().eventFilter(watched, event)

    def step(self, months: int) -> None:
        """The month ``months`` after the one typed (or in force), committed."""
        try:
            day = self.value()
        except ValueError:
            day = None
        current = YearMonth.of(day) if day is not None else self.month()
        if current is None:
            return
        moved = current.add(months)
        self.set_value(moved.first_day)
        self.commit()
