"""The dashboard's word on the reporting status (报送情况): the note under the controls
("2024年4月：营收1/8个园区已报送……，显示截至2024年3月底") and the provisional mark on the
revenue card, both worded by :mod:`parktracker.services.reporting_text`."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from parktracker.services.reporting import AsOfReport
from parktracker.services.reporting_text import (
    T_PROVISIONAL_HEADLINE,
    T_PROVISIONAL_MARK,
    provisional_line,
    report_lines,
)
from parktracker.ui.pages.dashboard.card_text import CardContent
from parktracker.ui.text import qt_tr

_NOTE_STYLE = "#reportingNote{color:#344054;}"
_PROVISIONAL_STYLE = (
    "#reportingNote{color:#93370d;background:#fffaeb;border:1px solid #fedf89;"
    "border-radius:3px;padding:3px 8px;}"
)


def note_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("reportingNote")
    label.setWordWrap(True)
    label.setStyleSheet(_NOTE_STYLE)
    label.hide()
    return label


def show_note(label: QLabel, report: AsOfReport | None) -> None:
    """What the status says (nothing when every month shown and after is complete); amber when
    figures shown are provisional."""
    lines = [] if report is None else report_lines(report, qt_tr)
    label.setText("\n".join(lines))
    label.setStyleSheet(
        _PROVISIONAL_STYLE if report is not None and report.is_provisional else _NOTE_STYLE
    )
    label.setVisible(bool(lines))


def revenue_content(content: CardContent, report: AsOfReport | None) -> CardContent:
    """The revenue card, marked provisional (暂定) with the parks missing when it is."""
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
