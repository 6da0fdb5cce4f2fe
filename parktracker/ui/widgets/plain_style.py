"""Colours and fonts set on widgets directly (their palette and font, or painted), not with
style sheets, for widgets on the way to the first page drawn.

A style sheet makes Qt polish the widget and each of its children through QStyleSheetStyle
whenever they are shown: the dashboard's cards and backdrop paid about 4.5 ms of the first
page's 35 ms for theirs, for a white box with a border and four coloured labels.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

# CSS's font-weight:600, as the style sheets said it.
SEMIBOLD = QFont.Weight.DemiBold


def set_text_style(
    widget: QWidget,
    color: str,
    *,
    pixel_size: int | None = None,
    weight: QFont.Weight | None = None,
) -> None:
    """The text colour (and size and weight, when given) of a label or any widget that draws
    its text in the palette's WindowText."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    widget.setPalette(palette)
    if pixel_size is None and weight is None:
        return
    font = widget.font()
    if pixel_size is not None:
        font.setPixelSize(pixel_size)
    if weight is not None:
        font.setWeight(weight)
    widget.setFont(font)


def set_fill(widget: QWidget, color: str) -> None:
    """Fill the widget's own background with ``color`` (its children keep their palette's)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(color))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


class Backdrop(QWidget):
    """A plain widget painted in one colour. Unlike a palette set on it, the colour is not
    handed down to the children."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = QColor(color)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._color)
