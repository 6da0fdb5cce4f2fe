"""The dashboard page (总览): the headline indicators in the report's four boxes.

The charts come with the dashboard issue; until then the page shows the KPI cards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.i18n_markers import fill
from parktracker.domain.stats import percent
from parktracker.services.summary import Summary, default_as_of, summarize
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


class _Card(QFrame):
    def __init__(self, title: str, lines: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#kpiCard{background:#ffffff;border:1px solid #d0d7de;border-radius:6px;}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(title, self)
        heading.setStyleSheet("font-size:16px;font-weight:600;color:#1f4e79;")
        layout.addWidget(heading)
        # Keep each amount with its unit on one line (non-breaking space).
        self.body = QLabel("\n".join(lines).replace(" 亿元", "\u00a0亿元"), self)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setStyleSheet("font-size:14px;line-height:150%;")
        layout.addWidget(self.body)
        layout.addStretch(1)


class DashboardPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("dashboardPage")
        self.setStyleSheet("#dashboardPage{background:#f5f7fa;}")
        self.setAutoFillBackground(True)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(24, 16, 24, 16)
        self.content: QWidget | None = None
        self.cards: list[_Card] = []
        self.rebuild()

    def title(self) -> str:
        return self.tr("Dashboard")

    def on_data_changed(self, tables: frozenset[str]) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        if self.content is not None:
            self.outer.removeWidget(self.content)
            self.content.deleteLater()
        content = QWidget(self)
        self.content = content
        self.outer.addWidget(content)
        db = self.session.db
        self.summary = summarize(db, as_of=default_as_of(db))
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 0, 0, 0)
        self._fill(outer, content)

    def _fill(self, outer: QVBoxLayout, content: QWidget) -> None:
        s = self.summary
        day = s.as_of
        title = self.tr("As of %1-%2-%3: the eight parks at a glance")
        title = fill(title, (day.year, day.month, day.day))
        self.heading = QLabel(title, content)
        self.heading.setStyleSheet("font-size:20px;font-weight:600;")
        outer.addWidget(self.heading)
        if s.sample_data:
            mark = QLabel(self.tr("示例数据 / Sample data"), content)
            mark.setObjectName("sampleMark")
            mark.setStyleSheet("color:#b54708;font-weight:600;")
            outer.addWidget(mark)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.cards = [
            _Card(self.tr("Projects"), self._project_lines(s), content),
            _Card(self.tr("Capital"), self._fund_lines(s), content),
            _Card(self.tr("Innovation"), self._platform_lines(s), content),
            _Card(self.tr("Leading enterprises"), self._enterprise_lines(s), content),
            _Card(self.tr("Revenue target"), self._revenue_lines(s), content),
        ]
        for index, card in enumerate(self.cards):
            grid.addWidget(card, index // 3, index % 3)
        outer.addLayout(grid)
        outer.addStretch(1)

    def _fmt(self, template: str, *args: object) -> str:
        return fill(template, args)

    def _project_lines(self, s: Summary) -> list[str]:
        uc, signed = s.pipeline[Stage.UNDER_CONSTRUCTION], s.pipeline[Stage.SIGNED]
        return [
            self._fmt(
                self.tr("Under construction: %1, planned %2"), uc.count, uc.planned_total.format()
            ),
            self._fmt(
                self.tr("Signed, awaiting start: %1, planned %2"),
                signed.count,
                signed.planned_total.format(),
            ),
            self._fmt(self.tr("In production: %1"), s.pipeline[Stage.IN_PRODUCTION].count),
        ]

    def _fund_lines(self, s: Summary) -> list[str]:
        f = s.funds
        return [
            self._fmt(self.tr("Funds: %1, total scale %2"), f.count, f.scale.format()),
            self._fmt(
                self.tr("Paid-in: %1 (%2 of scale)"),
                f.paid_in.format(),
                _pct(percent(f.paid_in_ratio, 1)),
            ),
            self._fmt(
                self.tr("Invested: %1 (%2 of paid-in)"),
                f.invested.format(),
                _pct(percent(f.invested_ratio, 1)),
            ),
        ]

    def _platform_lines(self, s: Summary) -> list[str]:
        return [
            self._fmt(self.tr("Provincial level or above: %1"), s.platforms_provincial_or_above),
            self._fmt(
                self.tr("National: %1  Provincial: %2"),
                s.platforms[PlatformLevel.NATIONAL],
                s.platforms[PlatformLevel.PROVINCIAL],
            ),
        ]

    def _enterprise_lines(self, s: Summary) -> list[str]:
        return [
            self._fmt(self.tr("Enterprises: %1"), s.enterprise_count),
            self._fmt(
                self.tr("Chain leaders: %1  Little giants: %2"),
                s.enterprise_tags[EnterpriseTag.CHAIN_LEADER],
                s.enterprise_tags[EnterpriseTag.LITTLE_GIANT],
            ),
        ]

    def _revenue_lines(self, s: Summary) -> list[str]:
        r = s.revenue
        if r.target is None:
            return [
                self._fmt(self.tr("%1: no target set; year to date %2"), r.year, r.ytd.format())
            ]
        return [
            self._fmt(self.tr("%1 target: %2"), r.year, r.target.format()),
            self._fmt(
                self.tr("Year to date: %1 (%2 of target)"),
                r.ytd.format(),
                _pct(percent(r.progress, 1)),
            ),
            self._fmt(self.tr("Share of the year elapsed: %1"), _pct(percent(r.time_elapsed, 1))),
        ]
