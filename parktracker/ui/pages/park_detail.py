"""One park in detail (the Parks page's drill-down): its facts, its headline figures (the same as
its row in the parks table) and read-only lists of its projects, funds, monthly revenue,
platforms and enterprises. Editing happens on the dedicated pages; these lists follow every
change through :meth:`ParkDetailView.refresh`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.enums import Stage
from parktracker.domain.figures import stood_by
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Enterprise, Platform
from parktracker.domain.periods import date_text, months_elapsed_in_year
from parktracker.domain.reporting import T_LIST_SEPARATOR
from parktracker.services.park_overview import (
    FundLine,
    ParkDetail,
    ParkFigures,
    ProjectLine,
    RevenueLine,
    park_detail,
)
from parktracker.ui import number_display
from parktracker.ui.models.table_model import Column, Kind, RecordFilterProxy, RecordTableModel
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.table_copy import install_copy

MUTED = "color:#5f6b7a;"


class StageCell:
    """A stage shown in the user's language that sorts in pipeline order."""

    def __init__(self, stage: Stage) -> None:
        self.stage = stage

    def __str__(self) -> str:
        return qt_tr(self.stage.text)

    def __lt__(self, other: object) -> bool:
        return isinstance(other, StageCell) and self.stage.rank < other.stage.rank


class ListTab(QWidget):
    """A read-only, sortable list of records under one tab."""

    def __init__(self, columns: list[Column[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[Any] = RecordTableModel(columns, self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.note = QLabel(self)
        self.note.setStyleSheet(MUTED)
        self.note.hide()
        layout.addWidget(self.note)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(64)
        self.copy_action = install_copy(self.view)
        layout.addWidget(self.view, 1)
        self._sized = False

    def set_rows(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        if not self._sized and rows:
            self.view.resizeColumnsToContents()
            self._sized = True

    def fit_next_rows(self) -> None:
        """Size the columns to the next rows shown (another park's), not to the last ones."""
        self._sized = False

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def texts(self, column: int) -> list[str]:
        """What the list shows in ``column``, top to bottom (for tests and checks)."""
        return [str(self.proxy.index(row, column).data()) for row in range(self.proxy.rowCount())]


class _Tile(QFrame):
    """One headline figure: a caption above a large value, with an optional detail line."""

    def __init__(self, caption: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setStyleSheet(
            "#kpiTile{background:#ffffff;border:1px solid #d0d7de;border-radius:6px;}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet(MUTED)
        self.value = QLabel(self)
        self.value.setStyleSheet("font-size:18px;font-weight:600;color:#1f4e79;")
        self.detail = QLabel(self)
        self.detail.setStyleSheet(MUTED)
        for label in (self.caption, self.value, self.detail):
            label.setMinimumWidth(1)  # a narrow window clips rather than widening the page
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)

    def show_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)

    def text(self) -> str:
        return " ".join(t for t in (self.value.text(), self.detail.text()) if t)


class ParkDetailView(QWidget):
    back_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.park_id: int | None = None
        self.detail: ParkDetail | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(6)

        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the park list"), self)
        self.back_button.setToolTip(self.tr("Back to the park list (Alt+Left, Backspace)"))
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.heading = QLabel(self)
        self.heading.setObjectName("parkHeading")
        self.heading.setStyleSheet("font-size:20px;font-weight:600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setMinimumWidth(1)
        top.addWidget(self.heading, 1)
        self.as_of = QLabel(self)
        self.as_of.setStyleSheet(MUTED)
        self.as_of.setMinimumWidth(1)
        top.addWidget(self.as_of)
        outer.addLayout(top)

        outer.addLayout(self._build_facts())
        outer.addLayout(self._build_tiles())

        self.tabs = QTabWidget(self)
        self.projects = ListTab(self._project_columns(), self.tabs)
        self.funds = ListTab(self._fund_columns(), self.tabs)
        self.revenue = ListTab(self._revenue_columns(), self.tabs)
        self.platforms = ListTab(self._platform_columns(), self.tabs)
        self.enterprises = ListTab(self._enterprise_columns(), self.tabs)
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        outer.addWidget(self.tabs, 1)

        for key in (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), QKeySequence("Backspace")):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.back_requested)

    def _tabs(self) -> list[ListTab]:
        return [self.projects, self.funds, self.revenue, self.platforms, self.enterprises]

    # ---------------------------------------------------------------- layout
    def _build_facts(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        self.facts: dict[str, QLabel] = {}
        rows = [
            [("industry", self.tr("Industry:")), ("location", self.tr("Location:"))],
            [("listed", self.tr("Listed on:")), ("chain_leaders", self.tr("Chain leaders:"))],
            [("partner_parks", self.tr("Partner parks:"))],
            [("notes", self.tr("Notes:"))],
        ]
        for row, pairs in enumerate(rows):
            for index, (key, caption) in enumerate(pairs):
                label = QLabel(caption, self)
                label.setStyleSheet(MUTED)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value = QLabel(self)
                value.setObjectName(f"fact_{key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                span = 3 if len(pairs) == 1 else 1
                grid.addWidget(label, row, index * 2)
                grid.addWidget(value, row, index * 2 + 1, 1, span)
                self.facts[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def _build_tiles(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.tiles = {
            "under_construction": _Tile(self.tr("Under construction"), self),
            "signed": _Tile(self.tr("Awaiting start"), self),
            "in_production": _Tile(self.tr("In production"), self),
            "fund_count": _Tile(self.tr("Funds"), self),
            "provincial_platforms": _Tile(self.tr("Provincial+ platforms"), self),
            "enterprise_count": _Tile(self.tr("Enterprises"), self),
            "revenue_ytd": _Tile(self.tr("Revenue YTD"), self),
        }
        for tile in self.tiles.values():
            row.addWidget(tile)
        return row

    # ---------------------------------------------------------------- columns
    def _project_columns(self) -> list[Column[ProjectLine]]:
        return [
            Column(self.tr("Project"), lambda r: r.project.name, searchable=True),
            Column(self.tr("Stage"), lambda r: StageCell(r.project.stage)),
            Column(self.tr("Planned total (亿元)"), lambda r: r.project.planned_total, Kind.AMOUNT),
            Column(self.tr("Completed (亿元)"), lambda r: r.completed, Kind.AMOUNT),
            Column(self.tr("Signed"), lambda r: r.project.signed_date, Kind.DATE),
            Column(self.tr("Started"), lambda r: r.project.actual_start_date, Kind.DATE),
            Column(
                self.tr("Planned completion"),
                lambda r: r.project.planned_completion_date,
                Kind.DATE,
            ),
            Column(self.tr("In production since"), lambda r: r.project.production_date, Kind.DATE),
            Column(self.tr("Company"), lambda r: r.project.company, searchable=True),
        ]

    def _fund_columns(self) -> list[Column[FundLine]]:
        return [
            Column(self.tr("Fund"), lambda r: r.fund.name, searchable=True),
            Column(self.tr("Manager"), lambda r: r.fund.manager),
            Column(self.tr("Established"), lambda r: r.fund.established_date, Kind.DATE),
            Column(self.tr("Figures as of"), lambda r: r.latest and r.latest.date, Kind.DATE),
            Column(self.tr("Scale (亿元)"), lambda r: r.latest and r.latest.scale, Kind.AMOUNT),
            Column(self.tr("Paid-in (亿元)"), lambda r: r.latest and r.latest.paid_in, Kind.AMOUNT),
            Column(
                self.tr("Invested (亿元)"), lambda r: r.latest and r.latest.invested, Kind.AMOUNT
            ),
        ]

    def _revenue_columns(self) -> list[Column[RevenueLine]]:
        return [
            Column(self.tr("Month"), lambda r: str(r.month)),
            Column(self.tr("Monthly (亿元)"), lambda r: r.amount, Kind.AMOUNT),
            Column(self.tr("Year to date (亿元)"), lambda r: r.ytd, Kind.AMOUNT),
        ]

    def _platform_columns(self) -> list[Column[Platform]]:
        return [
            Column(self.tr("Platform"), lambda r: r.name, searchable=True),
            Column(self.tr("Level"), lambda r: qt_tr(r.level.text)),
            Column(self.tr("Kind"), lambda r: qt_tr(r.kind.text)),
            Column(self.tr("Recognised"), lambda r: r.recognized_date, Kind.DATE),
        ]

    def _enterprise_columns(self) -> list[Column[Enterprise]]:
        return [
            Column(self.tr("Enterprise"), lambda r: r.name, searchable=True),
            Column(self.tr("Tags"), _tag_text),
            Column(self.tr("Joined"), lambda r: r.joined_date, Kind.DATE),
        ]

    # ---------------------------------------------------------------- showing a park
    def show_park(self, park_id: int) -> bool:
        """Load ``park_id``; False when it does not exist (any more)."""
        if park_id != self.park_id:
            for tab in self._tabs():
                tab.fit_next_rows()
            self.tabs.setCurrentIndex(0)
        self.park_id = park_id
        return self.refresh()

    def refresh(self) -> bool:
        """Reload the shown park; False when it was deleted meanwhile."""
        if self.park_id is None:
            return False
        detail = park_detail(self.session.db, self.park_id)
        self.detail = detail
        if detail is None:
            return False
        park = detail.park
        self.heading.setText(park.name)
        day = detail.as_of
        self.as_of.setText(fill(self.tr("Figures as of %1"), (date_text(day, qt_tr),)))
        dash = "—"
        self.facts["industry"].setText(park.industry or dash)
        self.facts["location"].setText(park.location or dash)
        self.facts["listed"].setText(
            date_text(park.listed_date, qt_tr) if park.listed_date else dash
        )
        self.facts["chain_leaders"].setText("、".join(park.chain_leaders) or dash)
        self.facts["partner_parks"].setText("、".join(park.partner_parks) or dash)
        self.facts["notes"].setText(park.notes or dash)
        self._show_figures(detail.figures, day)
        self.projects.set_rows(detail.projects)
        self.funds.set_rows(detail.funds)
        self.revenue.set_rows(detail.revenue)
        self.platforms.set_rows(detail.platforms)
        self.enterprises.set_rows(detail.enterprises)
        self._show_revenue_note(detail)
        counts = [len(detail.projects), len(detail.funds), len(detail.revenue)]
        counts += [len(detail.platforms), len(detail.enterprises)]
        titles = [
            self.tr("Projects (%1)"),
            self.tr("Funds (%1)"),
            self.tr("Revenue (%1 months)"),
            self.tr("Platforms (%1)"),
            self.tr("Enterprises (%1)"),
        ]
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, fill(title, (count,)))
        # The lists show every record to date; beside them, what the tiles count as of the day.
        then = {
            3: sum(1 for p in detail.platforms if stood_by(p.recognized_date, day)),
            4: sum(1 for e in detail.enterprises if stood_by(e.joined_date, day)),
        }
        as_of_title = {3: self.tr("Platforms %1 (as of %2: %3)"),
                       4: self.tr("Enterprises %1 (as of %2: %3)")}  # fmt: skip
        for index, count in then.items():
            if count != counts[index]:
                self.tabs.setTabText(
                    index, fill(as_of_title[index], (counts[index], date_text(day, qt_tr), count))
                )
        self._show_project_note(detail)
        return True

    def _show_project_note(self, detail: ParkDetail) -> None:
        """When a project's stage changed after the as-of date, the list (current stages) and
        the tiles (stages on that date) differ: say so, with both counts."""
        figures = detail.figures
        then = {
            Stage.UNDER_CONSTRUCTION: figures.under_construction.count,
            Stage.SIGNED: figures.signed.count,
            Stage.IN_PRODUCTION: figures.in_production,
        }
        now = {stage: 0 for stage in then}
        for line in detail.projects:
            if line.project.stage in now:
                now[line.project.stage] += 1
        differing = [
            fill(self.tr("%1: %2 (%3 in the list)"), (qt_tr(stage.text), then[stage], now[stage]))
            for stage in then
            if then[stage] != now[stage]
        ]
        if not differing:
            self.projects.set_note("")
            return
        self.projects.set_note(
            fill(
                self.tr(
                    "The list shows every project in its stage today. As of %1, the figures"
                    " above count %2."
                ),
                (date_text(detail.as_of, qt_tr), qt_tr(T_LIST_SEPARATOR).join(differing)),
            )
        )

    def _show_figures(self, f: ParkFigures, as_of: dt.date) -> None:
        planned = self.tr("planned %1")
        tiles = self.tiles
        tiles["under_construction"].show_figure(
            str(f.under_construction.count),
            fill(planned, (number_display.current().amount(f.under_construction.planned_total),)),
        )
        tiles["signed"].show_figure(
            str(f.signed.count),
            fill(planned, (number_display.current().amount(f.signed.planned_total),)),
        )
        tiles["in_production"].show_figure(str(f.in_production))
        tiles["fund_count"].show_figure(
            str(f.funds.count),
            fill(self.tr("scale %1"), (number_display.current().amount(f.funds.scale),)),
        )
        tiles["provincial_platforms"].show_figure(str(f.platforms_provincial_or_above))
        tiles["enterprise_count"].show_figure(str(f.enterprises))
        tiles["revenue_ytd"].show_figure(
            number_display.current().amount(f.revenue_ytd), ytd_period(as_of)
        )

    def _show_revenue_note(self, detail: ParkDetail) -> None:
        if detail.revenue_year is None:
            self.revenue.set_note(self.tr("No revenue figures recorded for this park yet."))
            return
        note = fill(self.tr("Monthly revenue in %1"), (detail.revenue_year,))
        if detail.revenue_target is not None:
            note = fill(
                self.tr("Monthly revenue in %1 (target %2)"),
                (detail.revenue_year, number_display.current().amount(detail.revenue_target)),
            )
        self.revenue.set_note(note)

    def kpi_text(self) -> str:
        """The headline figures as one line of text (what the tiles show)."""
        return "  ".join(f"{tile.caption.text()} {tile.text()}" for tile in self.tiles.values())


def ytd_period(as_of: dt.date) -> str:
    """The months a year-to-date figure as of ``as_of`` covers: "2024, months 1–3"."""
    months = months_elapsed_in_year(as_of)
    if months == 0:
        return str(as_of.year)
    template = QCoreApplication.translate("ParkDetailView", "%1, months 1–%2")
    return fill(template, (as_of.year, months))


def _tag_text(enterprise: Enterprise) -> str:
    return "、".join(sorted(qt_tr(tag.text) for tag in enterprise.tags))
