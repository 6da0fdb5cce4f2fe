"""The dashboard's word on the reporting status (报送情况): the note under the controls
("2024年4月：营收1/8个园区已报送……，显示截至2024年3月底") and the provisional mark on the
revenue card, both worded by :mod:`parktracker.services.reporting_text`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from parktracker.ui.pages.dashboard.card_text import CardContent
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.plain_style import set_text_style

if TYPE_CHECKING:
    # Loaded with the figures, not for the first paint (which shows the note as kept).
    from parktracker.services.reporting import AsOfReport

_NOTE_COLOR = "#344054"
# Only while figures are provisional: a style sheet for the box (the plain note has none, as it
# is on the way to the first page drawn; see plain_style).
_PROVISIONAL_STYLE = (
    "#reportingNote{color:#93370d;background:#fffaeb;border:1px solid #fedf89;"
    "border-radius:3px;padding:3px 8px;}"
)


def note_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("reportingNote")
    label.setWordWrap(True)
    set_text_style(label, _NOTE_COLOR)
    label.hide()
    return label


def note_of(report: AsOfReport | None) -> tuple[list[str], bool]:
    """What the status says (nothing when every month shown and after is complete), and
    whether figures shown are provisional."""
    from parktracker.services.reporting_text import report_lines

    if report is None:
        return [], False
    return report_lines(report, qt_tr), report.is_provisional


def show_note(label: QLabel, lines: list[str], *, provisional: bool) -> None:
    """Show the status's ``lines``; amber when figures shown are ``provisional``."""
    label.setText("\n".join(lines))
    style = _PROVISIONAL_STYLE if provisional else ""
    if label.styleSheet() != style:
        label.setStyleSheet(style)
    label.setVisible(bool(lines))


def revenue_content(content: CardContent, report: AsOfReport | None) -> CardContent:
    """The revenue card, marked provisional (暂定) with the parks missing when it is."""
    from parktracker.services.reporting_text import (
        T_PROVISIONAL_HEADLINE,
        T_PROVISIONAL_MARK,
        provisional_line,
    )

    gap = None if report is None else report.revenue
    if gap is None:
        return content
    return CardContent(
        headline=qt_tr(T_PROVISIONAL_HEADLINE, content.headline)
        if content.headline
        else qt_tr(T_PROVISIONAL_MARK),
        lines=[provisional_line(gap, qt_tr), *content.lines],
        comparison=content.comparison,
    )
