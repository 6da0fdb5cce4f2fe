"""A KPI card of the dashboard: one of the report's boxes (项目集聚, 资本集聚 …).

A card shows a heading, a headline figure, a few detail lines and a comparison with the same
date last year. Amounts keep their unit on the same line (a non-breaking space joins number and
unit). Sample data is marked once, by the page, not on every card.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from parktracker.ui.widgets.hover_select import select_on_hover
from parktracker.ui.widgets.plain_style import SEMIBOLD, set_fill, set_text_style

NBSP = "\u00a0"
WORD_JOINER = "\u2060"  # no line break between 亿 and 元 (Chinese may break between any two)
UNITS = {" 亿元": NBSP + "亿" + WORD_JOINER + "元", " 万元": NBSP + "万" + WORD_JOINER + "元"}

# The card's look, painted and set on its labels (no style sheet: see plain_style).
CARD_FILL = "#ffffff"
CARD_BORDER = "#d0d7de"
CARD_RADIUS = 6.0
RULE_COLOR = "#eaecf0"


def keep_units(text: str) -> str:
    """Keep every amount and its unit on one line: a non-breaking space before the unit and a
    word joiner inside it."""
    for unit, kept in UNITS.items():
        text = text.replace(unit, kept)
    return text


class KpiCard(QFrame):
    """One box of headline indicators. Fill it with :meth:`set_values`."""

    _fit_due = False  # filled while hidden: its height is fitted to the text when shown

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.setFrameShape(QFrame.Shape.NoFrame)  # the rounded border is painted
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(13, 9, 13, 9)  # 12, 8 inside the 1 px border
        layout.setSpacing(3)

        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("kpiTitle")
        set_text_style(self.title_label, "#1f4e79", pixel_size=15, weight=SEMIBOLD)
        layout.addWidget(self.title_label)

        self.headline = self._label("kpiHeadline")
        set_text_style(self.headline, "#101828", pixel_size=18, weight=SEMIBOLD)
        self.body = self._label("kpiBody")
        set_text_style(self.body, "#1f2937", pixel_size=13)
        self.rule = QFrame(self)
        self.rule.setObjectName("kpiRule")
        self.rule.setFixedHeight(1)
        set_fill(self.rule, RULE_COLOR)
        self.comparison = self._label("kpiComparison")
        set_text_style(self.comparison, "#475467", pixel_size=12)
        layout.addWidget(self.headline)
        layout.addWidget(self.body)
        layout.addSpacing(2)
        layout.addWidget(self.rule)
        layout.addSpacing(2)
        layout.addWidget(self.comparison)
        layout.addStretch(1)
        # Selectable for copying figures, from the moment the mouse enters the card: a
        # selectable label lays its wrapped text out as a whole document at every width.
        self.hover_select = select_on_hover(self, self.headline, self.body, self.comparison)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def set_values(
        self,
        *,
        headline: str,
        lines: Sequence[str],
        comparison: Sequence[str] = (),
        exact: Any = None,
    ) -> None:
        """``exact``, when given, is the same content with the exact stored figures: shown as
        the tooltip of each part (the card shows them rounded to the chosen decimals)."""
        self.headline.setText(keep_units(headline))
        self.headline.setVisible(bool(headline))
        self.body.setText(keep_units("\n".join(lines)))
        self.body.setVisible(bool(lines))
        self.comparison.setText(keep_units("\n".join(comparison)))
        self.comparison.setVisible(bool(comparison))
        self.rule.setVisible(bool(comparison))
        if exact is not None:
            self.headline.setToolTip(exact.headline)
            self.body.setToolTip("\n".join(exact.lines))
            self.comparison.setToolTip("\n".join(exact.comparison))
        self.setAccessibleDescription(self.text())
        if self.isVisible():
            self._fit_height()
        else:  # filled before it shows (the first page): fitted once it has its width
            self._fit_due = True

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(CARD_BORDER))
        painter.setBrush(QColor(CARD_FILL))
        # On the pixel grid's centres: a crisp 1 px border inside the card's rectangle.
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawRoundedRect(box, CARD_RADIUS, CARD_RADIUS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._fit_due:
            self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped text at the card's width: a grid row alone would give
        it the height of its unwrapped text and cut the last lines off."""
        self._fit_due = False
        layout = self.layout()
        if layout is None:
            return
        width = self.width()
        needed = (
            layout.heightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def text(self) -> str:
        """Everything the card shows, as plain text (headline, details, comparison)."""
        parts = [self.title_label.text()]
        parts += [
            label.text()
            for label in (self.headline, self.body, self.comparison)
            if not label.isHidden()
        ]
        return "\n".join(p for p in parts if p).replace(WORD_JOINER, "")
