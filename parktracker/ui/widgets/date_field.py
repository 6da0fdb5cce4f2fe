"""A date field that reads what is typed or pasted, whole, and says what it understood.

The text goes through the one parser of the product (:func:`parktracker.domain.dates.parse_day`):
"2024-03-15", "2024/3/15", "2024.3.15", "20240315" and "2024年3月15日" all mean 15 March 2024.
Beside the text, a grey echo writes the day as the UI language writes it ("2024年3月15日" in
Chinese, "2024-03-15" in English). A text that is no day — "2024-02-30", "abc", or a month alone
where a day is needed — is an error the form shows beside the field, never another day.

An empty field is "not set" (``value()`` is None): nothing fills it with today. A required field
(``optional=False``) that is empty is an error. The button beside the text opens a calendar
(so does Alt+Down or F4 in the text); picking a day there writes it into the text.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.dates import MAX_YEAR, MIN_YEAR, DateParseError, normalise, parse_day
from parktracker.domain.periods import date_text
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.plain_style import set_text_style

# The widest day a field must show whole, typed and echoed.
WIDEST_DAY = "2024年12月31日"
ECHO_COLOR = "#475467"
# Text on its way to a day ("2024-0", "2024年3月", "202403"): while it is being typed, its
# problem keeps Save disabled but is not shown yet; it shows once the field is left.
_ON_THE_WAY = re.compile(
    r"^(\d{0,8}|\d{4}([-/.]\d{0,2}([-/.]\d?)?)?|\d{4}年(\d{1,2}(月(\d?)?)?)?)$"
)


class CalendarPopup(QFrame):
    """The calendar under a date field: a click (or Enter) on a day picks it."""

    picked = Signal(object)  # dt.date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setMinimumDate(QDate(MIN_YEAR, 1, 1))
        self.calendar.setMaximumDate(QDate(MAX_YEAR, 12, 31))
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(dt.date(day.year(), day.month(), day.day()))
        self.close()

    def open_at(self, anchor: QWidget, day: dt.date) -> None:
        """Show under ``anchor`` (above it when the screen ends below), on ``day``'s month."""
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.adjustSize()
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        screen = anchor.screen().availableGeometry()
        x = min(max(below.x(), screen.left()), screen.right() - self.width())
        y = below.y()
        if y + self.height() > screen.bottom():
            y = anchor.mapToGlobal(QPoint(0, 0)).y() - self.height()
        self.move(x, max(y, screen.top()))
        self.show()
        self.calendar.setFocus()


class DateField(QWidget):
    """Text + calendar button + echo. ``value()`` is the day typed, None when empty."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.line = QLineEdit(self)
        self.line.setObjectName("dateText")
        self.line.setPlaceholderText(self.tr("e.g. 2024-03-15"))
        self.line.setToolTip(
            self.tr(
                "Type or paste a date: 2024-03-15, 2024/3/15, 2024.3.15, 20240315 or 2024年3月15日"
            )
        )
        self.line.setAccessibleName(self.tr("Date"))
        widest = self.line.fontMetrics().horizontalAdvance(WIDEST_DAY)
        self.line.setMinimumWidth(widest + 16)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip(self.tr("Choose from a calendar (Alt+Down)"))
        self.calendar_button.setAccessibleName(self.tr("Choose from a calendar"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.echo = QLabel(self)
        self.echo.setObjectName("dateEcho")
        set_text_style(self.echo, ECHO_COLOR)
        self.echo.setMinimumWidth(self.echo.fontMetrics().horizontalAdvance(WIDEST_DAY) + 4)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.echo)
        self.setFocusProxy(self.line)
        self.popup: CalendarPopup | None = None
        self.line.textChanged.connect(self._text_changed)
        self.line.editingFinished.connect(self.edited)  # left: a pending problem shows
        self.line.installEventFilter(self)
        self.calendar_button.clicked.connect(self.open_calendar)
        self._text_changed()

    # ---------------------------------------------------------------- the value
    def value(self) -> dt.date | None:
        """The day the text names, None when empty; raises DateParseError for any other text."""
        text = self.line.text()
        if not normalise(text):
            return None
        return parse_day(text)

    def set_value(self, value: dt.date | None) -> None:
        self.line.setText("" if value is None else value.isoformat())

    def error(self) -> str | None:
        """The translated problem with the text, if any (not a day, or required and empty)."""
        try:
            value = self.value()
        except DateParseError as exc:
            return qt_tr(exc.message, *exc.args_text)
        if value is None and not self.optional:
            from parktracker.domain.validation import M_REQUIRED  # its rules load the models

            return qt_tr(M_REQUIRED)
        return None

    def incomplete(self) -> bool:
        """Whether the text is still being typed towards a day (its problem can wait)."""
        return self.line.hasFocus() and bool(_ON_THE_WAY.match(normalise(self.line.text())))

    def _text_changed(self) -> None:
        try:
            value = self.value()
        except DateParseError:
            value = None
        self.echo.setText("" if value is None else date_text(value, qt_tr))
        self.edited.emit()

    # ---------------------------------------------------------------- the calendar
    def open_calendar(self) -> None:
        if not self.line.isEnabled() or self.line.isReadOnly():
            return
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        try:
            shown = self.value() or dt.date.today()  # today only to show a month, not a value
        except DateParseError:
            shown = dt.date.today()
        self.popup.open_at(self, shown)

    def _picked(self, day: dt.date) -> None:
        self.set_value(day)
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)
        self.line.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.line
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and (
                event.key() == Qt.Key.Key_F4
                or (
                    event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier
                )
            )
        ):
            self.open_calendar()
            return True
        return super().eventFilter(watched, event)
