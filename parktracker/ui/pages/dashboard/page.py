"""The dashboard page (总览): where the parks stand on a date, in the report's boxes and charts.

At the top, the as-of date and the scope (all parks or one); then the five KPI cards (项目集聚,
资本集聚, 创新集聚, 龙头集聚, 营收目标), each with its comparison to the same date a year
earlier; then the five charts, each the picture of a matplotlib Figure with an export menu.
Everything scrolls.

The cards are filled when the page is built from the figures the file keeps of the default
date over all parks, when the file still holds exactly the data they were computed from
(:mod:`parktracker.services.card_snapshot`; kept again when the window closes). The page paints
first; the cards' figures and the charts' data are then fetched in a thread of
its own, with a read-only connection of its own (on 100,000 projects that takes seconds), and
filled in when they come; matplotlib is imported once the cards have painted, in a background
thread too (:mod:`parktracker.ui.chart_loader`), and the charts drawn once it is there (the
dashboard is the first page: the start must stay quick and the window usable). The default
as-of date is worked out with the figures. Changes
anywhere in the app (session.changed: edits, undo, imports) redraw what they touch: changes are
coalesced by a zero-delay timer, what they touch is fetched again (keeping what the changes cannot
have moved: :mod:`parktracker.services.dashboard_carry`), then each touched chart is drawn in a
thread of its own, one after the other (visible charts first), and its picture shown: the window
keeps answering while charts are drawn. A chart whose numbers alone changed gets them in the
figure it shows (:mod:`parktracker.charts.refill`) instead of a new figure.
A chart whose data did not change is not rebuilt. While the page is hidden nothing is redrawn;
it catches up when shown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.chart_names import CHART_NAMES
from parktracker.domain.i18n_markers import fill
from parktracker.domain.number_format import EXACT, Formatter
from parktracker.i18n import current_language
from parktracker.services import card_faces
from parktracker.ui import number_display
from parktracker.ui.pages.base import Page
from parktracker.ui.pages.dashboard import card_text as texts
from parktracker.ui.pages.dashboard import kept_faces
from parktracker.ui.pages.dashboard import layout_memory as layouts
from parktracker.ui.pages.dashboard import reporting_note as reporting
from parktracker.ui.session import Session
from parktracker.ui.startup import when_drawn
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.as_of_field import AsOfField, qdate
from parktracker.ui.widgets.chart_canvas import ChartCanvas
from parktracker.ui.widgets.kpi_card import KpiCard
from parktracker.ui.widgets.plain_style import SEMIBOLD, Backdrop, set_text_style

if TYPE_CHECKING:
    # The figures and their queries load once the cards are painted: the first paint shows
    # the cards' words kept in the file (services.card_faces).
    from parktracker.domain.models import Park
    from parktracker.services.changes import Changes  # loads with the first write or fetch
    from parktracker.ui.pages.dashboard.fetching import Fetcher

# Changes announced in one turn of the event loop (a paste, an import, an undo of several rows)
# are coalesced by a zero timer: it fires once, after the last of them.
CHANGE_DELAY_MS = 0
CONTROL_DELAY_MS = 250  # typing a date: wait for a pause before redrawing
RESIZE_DELAY_MS = 200
# After an edit, the warnings beside the heading are counted again once the edits pause: on
# 100,000 projects a count takes about half a second. An edit made meanwhile waits for one
# chunk of its read to write (the file keeps a rollback journal: readers hold writers back),
# and stops it (services.warnings.counts_in_file): it is counted again after the redraw.
WARNINGS_AFTER_EDIT_MS = 1000
BACKDROP_COLOR = "#f5f7fa"  # behind the cards and charts
CHART_DPI = 100  # screen figures are built at the canvas size at this many pixels per inch
CM_PER_INCH = 2.54


class DashboardPage(Page):
    charts_ready = Signal()  # every chart due has been rebuilt (or found unchanged) and drawn
    _warnings_waiting = False  # a warning count is due once the charts are drawn
    _recompute_after_charts = False  # the kept cards are computed again once the charts are drawn
    _edited = False  # changed since the warnings were last counted
    _warnings_stop: Any = None  # set: the count under way ends (threading.Event)
    _has_target = True  # the scope's year has a revenue target (the charts' titles say so)
    cards_updated = Signal()
    warnings_counted = Signal()  # the warning counts beside the heading are up to date

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("dashboardPage")
        # The cards as the last session showed them, when the file still holds the data they
        # were of: shown in the first paint, before any figure or park is loaded.
        self._faces = card_faces.load(session.db, self._faces_key(), texts.CARD_KEYS)
        self.parks: list[Park] = []
        self._parks_due = True  # loaded once the cards kept are painted, or now
        if self._faces is not None:
            self.as_of: dt.date = card_faces.as_of(self._faces)
        else:
            self._load_parks()
            # The default date (the end of the latest month every park has reported) is
            # worked out with the first figures, in the background (on 100,000 projects that
            # takes seconds); until then, a first guess: the end of the latest month with any
            # figure.
            self.as_of = self._latest_data_day()
        self.follow_latest = True  # the as-of date follows new data until the user picks one
        self._default_as_of: dt.date | None = None  # as last worked out
        self.park: Park | None = None
        self.kpis: Any = None
        self.chart_data: dict[str, Any] = {}  # what each chart shows now
        self._built: dict[str, tuple[Any, ...]] = {}  # what each figure was built from
        self._fetcher: Fetcher | None = None
        self._cards_dirty = True
        self._data_dirty: set[str] = set(CHART_NAMES)
        self._queue: list[str] = []
        self._awaiting: set[str] = set()  # new figures not drawn yet
        self._rendering: tuple[int, str, tuple[Any, ...]] | None = None  # drawn in a thread now
        self._tickets = 0
        self._charts_enabled = False  # after the first paint, once matplotlib is imported
        self._loading = False
        self._load_when_shown = False
        self._paint_hooked = False
        self._charts_after_cards = False  # load matplotlib once the cards have painted
        self._columns = (0, 0)
        self.sample_label: QLabel | None = None
        self._kept_layouts: dict[str, layouts.Extents] = {}  # the plots' places last session
        self.export_dialog: Any = None

        self._build()
        self._change_timer = self._timer(self._refresh)
        self._chart_timer = self._timer(self._chart_step)
        self._resize_timer = self._timer(self._resized)
        self._generation = 0  # counts changes: a fetch started before one is not shown
        self._fetching: tuple[int, bool, frozenset[str]] | None = None  # in the background
        self._fetch_job: Any = None
        # What the last fetch shown worked out, and every change since (None: not known): the
        # next fetch keeps what those changes cannot have moved (services.dashboard_carry).
        self._carried: Any = None
        self._changes_since: Changes | None = None
        self._cards_stamp: int | None = None  # the data the cards shown were computed from
        self._shown_faces: card_faces.Faces | None = None  # the cards' words, to keep
        if self._faces is not None:
            self._show_faces(self._faces)
        else:
            self._fill_from_snapshot()

    @staticmethod
    def _timer(slot: Any) -> QTimer:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    # ---------------------------------------------------------------- building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("dashboardScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so that the cards keep their width when the charts' frames come in
        # under them after the first paint (see _build_charts) and the page grows taller.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # A viewport of our own, set before the content: asking the scroll area for its own
        # makes PySide6 look its type up among every widget class, creating each class and its
        # enums (about 10 ms before the first page is drawn).
        self.scroll_viewport = QWidget()
        self.scroll_area.setViewport(self.scroll_viewport)
        self.content = Backdrop(BACKDROP_COLOR)
        self.content.setObjectName("dashboardContent")
        self.scroll_area.setWidget(self.content)
        self.scroll_viewport.installEventFilter(self)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda *_: self._order_queue())
        outer.addWidget(self.scroll_area)

        self.layout_ = QVBoxLayout(self.content)
        # Compact, so that the first row of charts starts on screen at 1280×720.
        self.layout_.setContentsMargins(16, 8, 16, 16)
        self.layout_.setSpacing(8)
        self._build_header()
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(10)
        titles = texts.card_titles()
        self.cards = [KpiCard(titles[key], self.content) for key in texts.CARD_KEYS]
        self.card_by_key = dict(zip(texts.CARD_KEYS, self.cards, strict=True))
        self.layout_.addLayout(self.card_grid)
        self._build_charts()
        self.layout_.addStretch(1)
        self._reflow(force=True)
        self._set_tab_order()

    def _build_charts(self) -> None:
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(10)
        self.canvases: dict[str, ChartCanvas] = {}
        for name, title in self._chart_titles().items():
            canvas = ChartCanvas(name, title, self.content)
            # Shown with the charts' start (_enable_charts), after the cards' first paint: the
            # five frames' layout and style cost that paint ~5 ms, and they would only show
            # "loading" until matplotlib is in.
            canvas.setVisible(False)
            canvas.export_requested.connect(lambda fmt, n=name: self.export_chart(n, fmt))
            canvas.copy_requested.connect(lambda n=name: self.copy_chart(n))
            canvas.drawn.connect(lambda n=name: self._chart_drawn(n))
            self.canvases[name] = canvas
        self.measure_box = QComboBox(self.content)
        self.measure_box.addItem(self.tr("Count"), "count")
        self.measure_box.addItem(self.tr("亿元"), "amount")
        self.measure_box.setToolTip(
            self.tr("Show the number of projects, or their planned total investment in 亿元")
        )
        self.measure_box.setAccessibleName(self.tr("Show the pipeline as"))
        self.measure_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.measure_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.measure_box.currentIndexChanged.connect(lambda *_: self._measure_changed())
        self.canvases["pipeline"].add_header_widget(self.measure_box)
        self.layout_.addLayout(self.chart_grid)

    def _set_tab_order(self) -> None:
        self.setTabOrder(self.as_of_edit, self.latest_button)
        self.setTabOrder(self.latest_button, self.scope_box)
        self.setTabOrder(self.scope_box, self.export_all_button)
        previous: QWidget = self.export_all_button
        for name in CHART_NAMES:
            canvas = self.canvases[name]
            self.setTabOrder(previous, canvas)
            previous = canvas
            if name == "pipeline":
                self.setTabOrder(previous, self.measure_box)
                previous = self.measure_box
            self.setTabOrder(previous, canvas.export_button)
            previous = canvas.export_button

    def _build_header(self) -> None:
        """One row: the heading (scope and date), the sample-data mark, the as-of date and scope
        controls and Export all; under it a status line, shown only when it has something to
        say. One row, so the first charts start on screen at 1280×720."""
        top = QHBoxLayout()
        top.setSpacing(8)
        self.heading = QLabel(self.content)
        self.heading.setObjectName("dashboardHeading")
        set_text_style(self.heading, "#101828", pixel_size=16, weight=SEMIBOLD)
        self.heading.setWordWrap(True)
        self.heading.setMinimumWidth(160)
        top.addWidget(self.heading, 1)
        self.warnings_button = QPushButton(self.content)
        self.warnings_button.setObjectName("dashboardWarnings")
        self.warnings_button.setFlat(True)
        self.warnings_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.warnings_button.setToolTip(self.tr("Show the warnings with their reasons"))
        self.warnings_button.clicked.connect(self.show_warnings)
        self.warnings_button.hide()
        top.addWidget(self.warnings_button)
        self._warnings_timer = self._timer(self._refresh_warnings)
        self._warnings_request = 0
        self._warnings_job: Any = None
        self.layout_.addLayout(top)
        self._heading_row = top
        self._build_controls()

    def _build_controls(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        as_of_label = QLabel(self.tr("&As of"), self.content)
        self.as_of_edit = AsOfField(self.content)
        self.as_of_edit.setDate(qdate(self.as_of))
        self.as_of_edit.setAccessibleName(self.tr("As of"))
        as_of_label.setBuddy(self.as_of_edit)
        self.as_of_edit.dateChanged.connect(self._date_edited)
        self.latest_button = QPushButton(self.tr("&Latest"), self.content)
        self.latest_button.setToolTip(
            self.tr("The end of the latest month that every park has reported")
        )
        self.latest_button.clicked.connect(self.show_latest)
        scope_label = QLabel(self.tr("&Scope"), self.content)
        self.scope_box = QComboBox(self.content)
        self.scope_box.setAccessibleName(self.tr("Scope"))
        # As wide as "全部8个园区", not as the longest park name: the heading, the date and the
        # controls share one row at 1280 px; the list itself opens wide enough for every name.
        self.scope_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope_box.setMinimumContentsLength(10)
        scope_label.setBuddy(self.scope_box)
        self._fill_scope()
        self.scope_box.view().setMinimumWidth(self.scope_box.view().sizeHintForColumn(0) + 24)
        self.scope_box.currentIndexChanged.connect(self._scope_changed)
        self.export_all_button = QToolButton(self.content)
        self.export_all_button.setObjectName("exportAll")
        self.export_all_button.setStyleSheet(
            "#exportAll{padding:3px 10px;}#exportAll::menu-indicator{image:none;width:0px;}"
        )
        self.export_all_button.setText(self.tr("Export all charts…"))
        self.export_all_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_all_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.export_all_button)
        self.export_folder_action = menu.addAction(self.tr("To a &folder…"))
        self.export_folder_action.triggered.connect(lambda: self.export_all("folder"))
        self.export_pdf_action = menu.addAction(self.tr("To one &PDF…"))
        self.export_pdf_action.triggered.connect(lambda: self.export_all("pdf"))
        self.export_all_button.setMenu(menu)
        self.status = _StatusLine(self.content)
        self.status.setObjectName("dashboardStatus")
        set_text_style(self.status, "#475467")
        self.status.setWordWrap(True)
        self.status.hide()
        for widget in (as_of_label, self.as_of_edit, self.latest_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        bar.addWidget(scope_label)
        bar.addWidget(self.scope_box)
        bar.addSpacing(8)
        bar.addWidget(self.export_all_button)
        self._heading_row.addLayout(bar)
        self.layout_.addWidget(self.status)
        self.reporting_note = reporting.note_label(self.content)
        self.layout_.addWidget(self.reporting_note)

    def _chart_titles(self) -> dict[str, str]:
        """The charts' titles for the scope: one park's charts show its projects, stages and
        funds; a scope without a revenue target is not measured against one."""
        one_park = getattr(self, "park", None) is not None
        has_target = self._has_target
        titles = {
            "revenue-progress": self.tr("Revenue against the year's target")
            if has_target
            else self.tr("Revenue in the year"),
            "investment-by-park": self.tr("Investment progress by project")
            if one_park
            else self.tr("Investment progress by park"),
            "pipeline": self.tr("Project pipeline by stage")
            if one_park
            else self.tr("Project pipeline by park and stage"),
            "funds": self.tr("Fund deployment by fund")
            if one_park
            else self.tr("Fund deployment by park"),
            "monthly-investment": self.tr("Monthly completed investment"),
        }
        return {name: titles.get(name, name) for name in CHART_NAMES}

    def _retitle_charts(self) -> None:
        for name, title in self._chart_titles().items():
            canvas = self.canvases[name]
            if canvas.title_label.text() != title:
                canvas.title_label.setText(title)
                canvas.title_label.setToolTip(title)
                canvas.setAccessibleName(title)

    def _load_parks(self) -> None:
        from parktracker.services.parks import list_parks

        self.parks = list_parks(self.session.db)
        self._parks_due = False

    def _ensure_parks(self) -> None:
        """Load the parks (and list them in the scope box) if the first paint left them."""
        if self._parks_due:
            self._load_parks()
            self._fill_scope()

    def _latest_data_day(self) -> dt.date:
        from parktracker.services.reporting import latest_data_day

        return latest_data_day(self.session.db)

    def _fill_scope(self) -> None:
        chosen = None if self.park is None else self.park.id
        self.scope_box.blockSignals(True)
        self.scope_box.clear()
        if self._parks_due and self._faces is not None:
            all_parks = self._faces["scope"]  # as kept: the parks are loaded after the paint
        else:
            all_parks = fill(self.tr("All %1 parks"), (len(self.parks),))
        self.scope_box.addItem(all_parks, None)
        for park in self.parks:
            self.scope_box.addItem(park.short_name or park.name, park.id)
            self.scope_box.setItemData(
                self.scope_box.count() - 1, park.name, Qt.ItemDataRole.ToolTipRole
            )
        index = self.scope_box.findData(chosen)
        self.scope_box.setCurrentIndex(max(index, 0))
        self.scope_box.blockSignals(False)
        if index < 0:
            self.park = None

    # ---------------------------------------------------------------- layout
    def _reflow(self, *, force: bool = False) -> None:
        """Cards and charts in as many columns as the width allows (1280 and 1920 wide alike)."""
        width = self.scroll_viewport.width() - 32  # the content margins
        card_columns = 5 if width >= 1500 else 3 if width >= 900 else 2
        chart_columns = 3 if width >= 1560 else 2 if width >= 760 else 1
        if force or (card_columns, chart_columns) != self._columns:
            self._columns = (card_columns, chart_columns)
            for card in self.cards:
                self.card_grid.removeWidget(card)
            row = column = 0
            for key, card in self.card_by_key.items():
                # The revenue card has the most to say: in 3 columns it takes the last two.
                span = 2 if key == "revenue" and card_columns == 3 else 1
                if column + span > card_columns:
                    row, column = row + 1, 0
                self.card_grid.addWidget(card, row, column, 1, span)
                column += span
            for column in range(5):
                self.card_grid.setColumnStretch(column, 1 if column < card_columns else 0)
            for canvas in self.canvases.values():
                self.chart_grid.removeWidget(canvas)
            row = column = 0
            for name in CHART_NAMES:
                span = 2 if name == "monthly-investment" and chart_columns > 1 else 1
                if column + span > chart_columns:
                    row, column = row + 1, 0
                self.chart_grid.addWidget(self.canvases[name], row, column, 1, span)
                column += span
            for column in range(3):
                self.chart_grid.setColumnStretch(column, 1 if column < chart_columns else 0)
        spacing = self.chart_grid.spacing()
        column_width = (width - spacing * (chart_columns - 1)) // max(chart_columns, 1)
        height = max(280, min(460, round(column_width * 0.62)))
        for canvas in self.canvases.values():
            canvas.set_chart_height(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and watched is self.scroll_viewport:
            self._reflow()
            if self._charts_enabled:
                self._resize_timer.start(RESIZE_DELAY_MS)
        elif (
            event.type() == QEvent.Type.Paint
            and watched is self.window()
            and not self._charts_enabled
        ):
            watched.removeEventFilter(self)
            self._enable_charts_after_cards()
        elif event.type() == QEvent.Type.Paint and watched is self.cards[0]:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._enable_charts)
        return super().eventFilter(watched, event)

    def _enable_charts_after_cards(self) -> None:
        """matplotlib loads once the cards have painted with their figures (both are fetched
        or imported in the background, and would compete for the one interpreter)."""
        if not self.cards_pending:
            QTimer.singleShot(0, self._enable_charts)
        else:
            self._charts_after_cards = True

    def _resized(self) -> None:
        self._queue_charts(set(CHART_NAMES))

    # ---------------------------------------------------------------- page API
    def title(self) -> str:
        return self.tr("Dashboard")

    def print_widget(self) -> QWidget:
        return self.content  # the whole dashboard, not only what is scrolled into view

    def on_data_changed(self, changes: Changes) -> None:
        from parktracker.ui.pages.dashboard.fetching import cards_touched, charts_touched

        self._fetcher = None  # nothing fetched before the change may be shown after it
        self._generation += 1
        self._edited = True
        if self._changes_since is not None:
            self._changes_since = self._changes_since | changes
        if changes.parks:
            self._load_parks()
            self._fill_scope()
        if cards_touched(changes):
            self._cards_dirty = True
            self._stop_warnings()
        self._data_dirty |= charts_touched(changes, one_park=self.park is not None)
        if self.follow_latest:
            self._cards_dirty = True  # the fetch works out the default date again
        self._change_timer.start(CHANGE_DELAY_MS)

    def save_state(self) -> dict[str, object]:
        # Plain numbers: saving never imports matplotlib (the window may close while it loads).
        drawn = {n: layouts.extents_of(c.layout_seed()) for n, c in self.canvases.items()}
        layout = layouts.encode(
            {**self._kept_layouts, **{n: e for n, e in drawn.items() if e is not None}}
        )
        return {"pipeline": self.pipeline_measure(), "layout": layout}

    def restore_state(self, state: dict[str, object]) -> None:
        index = self.measure_box.findData(state.get("pipeline"))
        if index >= 0:
            self.measure_box.setCurrentIndex(index)
        self._kept_layouts = layouts.decode(state.get("layout"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._charts_enabled and not self._paint_hooked:
            self._paint_hooked = True
            self.window().installEventFilter(self)  # charts come after the first paint
        if self._load_when_shown:
            self._load_when_shown = False
            self._enable_charts()
        if self._cards_dirty or self._data_dirty:
            self._change_timer.start(0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._reflow()

    # ---------------------------------------------------------------- controls
    def _date_edited(self, value: QDate) -> None:
        day = dt.date(value.year(), value.month(), value.day())
        if day == self.as_of:
            return
        self.follow_latest = day == self._default_as_of
        self.as_of = day
        self._everything_changed(CONTROL_DELAY_MS)

    def show_latest(self) -> None:
        """Back to the end of the latest month every park has reported, following new data
        again."""
        self.follow_latest = True
        self._everything_changed(CHANGE_DELAY_MS)  # the fetch works out the date

    def set_scope(self, park: Park | None) -> None:
        self._ensure_parks()
        index = self.scope_box.findData(None if park is None else park.id)
        self.scope_box.setCurrentIndex(max(index, 0))

    def _scope_changed(self, index: int) -> None:
        park_id = self.scope_box.itemData(index)
        self.park = next((p for p in self.parks if p.id == park_id), None)
        self._everything_changed(0)

    def _measure_changed(self) -> None:
        self._queue_charts({"pipeline"})

    def pipeline_measure(self) -> str:
        return str(self.measure_box.currentData() or "count")

    def _everything_changed(self, delay: int) -> None:
        self._fetcher = None
        self._generation += 1
        self._cards_dirty = True
        self._data_dirty = set(CHART_NAMES)
        self._change_timer.start(delay)

    # ---------------------------------------------------------------- refreshing
    def _refresh(self) -> None:
        if not self.isVisible():
            return  # caught up in showEvent
        self._ensure_parks()  # left for after the first paint
        # The charts' data is fetched once matplotlib is loading (in parallel with it).
        due = self._data_dirty if self._charts_enabled or self._loading else set()
        if self._cards_dirty or due:
            self._fetch(cards=self._cards_dirty, charts=due)
        elif self._charts_enabled and self._queue:
            self._chart_timer.start(0)

    def _fetch(self, *, cards: bool, charts: set[str]) -> None:
        """Fetch the cards' figures and the charts' data in a thread of its own, with its own
        read-only connection (on 100,000 projects the queries take a second or more); the
        window keeps answering, and the figures are filled in when they come."""
        from parktracker.ui.backup_runner import Job
        from parktracker.ui.pages.dashboard.fetching import fetch, fetch_in_file

        if self._fetching is not None:
            return  # the fetch under way ends with a look at what is still due
        path = Path(self.session.db.path)
        # Following the latest data: the fetch works out the default date (with the cards).
        follow = self.follow_latest and cards
        as_of = None if follow else self.as_of
        park, names = self.park, frozenset(charts)
        self._fetching = (self._generation, cards, names)
        carried, changes = self._carried, self._changes_since
        if not path.is_file():  # a database in memory: no second connection can see it
            fetched = fetch(
                self.session.db,
                as_of,
                park,
                cards=cards,
                charts=names,
                carried=carried,
                changes=changes,
            )
            self._fetched(fetched)
            return
        self._fetch_job = Job(
            lambda: fetch_in_file(
                path, as_of, park, cards=cards, charts=names, carried=carried, changes=changes
            )
        )
        # Bound slots: Qt drops the connections if the page goes before the answer comes.
        self._fetch_job.succeeded.connect(self._fetched)
        self._fetch_job.failed.connect(self._fetch_failed)
        self._fetch_job.begin(QThread.Priority.NormalPriority)

    def _fetched(self, fetched: Any) -> None:
        if self._fetching is None:
            return
        generation, cards, names = self._fetching
        self._fetching = None
        self._fetch_job = None
        if generation == self._generation:  # nothing changed since it started
            from parktracker.services.changes import Changes

            self._carried, self._changes_since = fetched.carried, Changes()
            if fetched.as_of != self.as_of:  # the default date moved: fetched as of it
                self._default_as_of = fetched.as_of
                self._moved_to(fetched.as_of, cards=cards, names=names)
            elif cards and self.follow_latest:
                self._default_as_of = fetched.as_of
            for name, data in fetched.charts.items():
                self.chart_data[name] = data
                self._data_dirty.discard(name)
            if cards:
                self._show_cards(fetched.kpis, stamp=fetched.stamp)
            if names:
                self._queue_charts(set(names))
        self._refresh()  # whatever changed meanwhile (or was left for later)

    def _moved_to(self, day: dt.date, *, cards: bool, names: frozenset[str]) -> None:
        """Show ``day`` as the as-of date; what was not fetched as of it is fetched next."""
        self.as_of = day
        self.as_of_edit.blockSignals(True)
        self.as_of_edit.setDate(qdate(day))
        self.as_of_edit.blockSignals(False)
        self._fetcher = None
        self._cards_dirty = not cards
        self._data_dirty = set(CHART_NAMES) - names
        for name in self._data_dirty:
            self.chart_data.pop(name, None)

    def _fetch_failed(self, error: object) -> None:
        self._fetching = None
        self._fetch_job = None
        if isinstance(error, BaseException):
            raise error  # shown by the error reporter, as an error in the GUI thread is
        raise RuntimeError(str(error))

    def fetcher(self) -> Fetcher:
        """The queries of the current as-of date and scope, on the window's connection (made
        again after a change): for what the user asks for now (an export, a copy)."""
        from parktracker.ui.pages.dashboard.fetching import Fetcher

        if self._fetcher is None:
            self._fetcher = Fetcher(self.session.db, self.as_of, self.park)
        return self._fetcher

    # ---------------------------------------------------------------- the cards
    @property
    def cards_pending(self) -> bool:
        """Whether the cards wait for their figures (``cards_updated`` comes when they are
        filled); the cards kept from the last session count as filled."""
        return self.kpis is None and self._faces is None

    def _faces_key(self) -> str:
        """The language and decimals the cards' words are written in (the language as set,
        and as the translations installed say it)."""
        number_format = number_display.current()
        return "|".join(
            (
                current_language(),
                QCoreApplication.translate("DashboardPage", "Dashboard"),
                str(number_format.yi_places),
                str(number_format.wan_places),
            )
        )

    def _show_faces(self, faces: card_faces.Faces) -> None:
        """Before the first paint: the cards in the words the last session showed them in
        (kept in the file with the figures they were made from, while the file holds exactly
        that data). The figures are computed again in the background all the same, and the
        cards filled from them."""
        self.as_of = self._default_as_of = card_faces.as_of(faces)
        self.as_of_edit.blockSignals(True)
        self.as_of_edit.setDate(qdate(self.as_of))
        self.as_of_edit.blockSignals(False)
        for key, card in self.card_by_key.items():
            shown, exact = faces["cards"][key], faces["exact"][key]
            card.set_values(
                headline=shown["headline"],
                lines=shown["lines"],
                comparison=shown["comparison"],
                exact=texts.CardContent(exact["headline"], exact["lines"], exact["comparison"]),
            )
        self.heading.setText(faces["heading"])
        self._show_sample_mark(faces["sample"])
        reporting.show_note(self.reporting_note, faces["note"], provisional=faces["provisional"])
        self._has_target = faces["has_target"]
        self._retitle_charts()
        self._cards_dirty = False
        when_drawn(self, self._recompute_kept_cards)  # the parks load with the figures

    def _fill_from_snapshot(self) -> None:
        """Before the first paint, when no words were kept for this language: the cards made
        from the figures as last computed, when the file holds exactly the data they were
        computed from (kept in the file at the end of the last session). They are computed
        again in the background all the same, and replaced."""
        from parktracker.services import card_snapshot

        found = card_snapshot.load_stamped(self.session.db)
        if found is None:
            return
        kpis, stamp = found
        self.as_of = self._default_as_of = kpis.as_of
        self.as_of_edit.blockSignals(True)
        self.as_of_edit.setDate(qdate(kpis.as_of))
        self.as_of_edit.blockSignals(False)
        self._show_cards(kpis, stamp=stamp)  # kept again at the close, with their words
        self._cards_dirty = False
        self._warnings_timer.stop()  # counted once they are computed again
        # Computed again in the background, and replaced, once the page has painted them (a
        # fetch under way would compete with that paint for the interpreter).
        when_drawn(self, self._recompute_kept_cards)

    def _recompute_kept_cards(self) -> None:
        if self._redrawing():
            # After the first charts, not alongside: the kept figures are the file's own, and
            # computing them again competed with matplotlib's import and the drawing for the
            # interpreter (on 100,000 projects the charts came 0.2-0.3 s later).
            self._recompute_after_charts = True
            return
        self._cards_dirty = True
        self._change_timer.start(0)

    def keep_for_next_start(self) -> bool:
        """Keep the cards' figures, and their words as shown, in the file for the next start,
        if they are the default date's over all parks and the file still holds the data they
        were computed from."""
        from parktracker.services import card_snapshot

        if self.kpis is None or not self.follow_latest or self.park is not None:
            return False
        return card_snapshot.save(
            self.session.db, self.kpis, stamp=self._cards_stamp, faces=self._shown_faces
        )

    def _refresh_cards(self) -> None:
        """Fill the cards now, in this thread."""
        self._show_cards(self.fetcher().kpis())

    def _show_cards(self, kpis: Any, *, stamp: int | None = None) -> None:
        self._cards_stamp = stamp
        if self._charts_after_cards:
            self._charts_after_cards = False
            self.cards[0].installEventFilter(self)  # charts come after the cards' paint
            self.cards[0].update()
        sample_changed = self.kpis is not None and kpis.sample_data != self.kpis.sample_data
        self.kpis = kpis
        self._cards_dirty = False
        year_ago = kpis.year_ago

        def contents(fmt: Formatter) -> dict[str, texts.CardContent]:
            return {
                "projects": texts.projects_card(kpis.projects, year_ago, fmt),
                "capital": texts.capital_card(kpis.capital, year_ago, fmt),
                "innovation": texts.innovation_card(kpis.innovation, year_ago),
                "leaders": texts.leaders_card(kpis.leaders, year_ago),
                "revenue": reporting.revenue_content(
                    texts.revenue_card(kpis.revenue, fmt), kpis.reporting
                ),
            }

        exact = contents(EXACT)  # the stored figures, one hover away
        shown = contents(number_display.current())
        for key, content in shown.items():
            self.card_by_key[key].set_values(
                headline=content.headline,
                lines=content.lines,
                comparison=content.comparison,
                exact=exact[key],
            )
        scope = self.scope_box.currentText() if self.park is None else self.park.name
        self.heading.setText(fill(self.tr("%1, as of %2"), (scope, texts.date_text(self.as_of))))
        self._show_sample_mark(kpis.sample_data)
        note, provisional = reporting.note_of(kpis.reporting)
        reporting.show_note(self.reporting_note, note, provisional=provisional)
        self._has_target = kpis.revenue.target is not None
        self._retitle_charts()
        self._shown_faces = (
            None
            if self.park is not None or self.as_of != kpis.as_of
            else kept_faces.faces(
                key=self._faces_key(),
                as_of=kpis.as_of,
                heading=self.heading.text(),
                scope=self.scope_box.itemText(0),
                cards=shown,
                exact=exact,
                note=note,
                provisional=provisional,
                sample=kpis.sample_data,
                has_target=self._has_target,
            )
        )
        self._warnings_timer.start(0)  # after the cards are painted
        if sample_changed:
            self._data_dirty = set(CHART_NAMES)
        self.cards_updated.emit()

    def _refresh_warnings(self) -> None:
        """Count the red and yellow lights of the scope on the as-of date in the background
        (on 100,000 projects that takes about a second) and show them beside the heading.

        Once the charts due are drawn, not alongside: the count, the fetch and the drawing
        are Python threads sharing one interpreter lock, and the window waited for it (on
        100,000 projects a count beside the drawing stalled the window for 60-150 ms)."""
        import threading

        from parktracker.services.warnings import counts_in_file
        from parktracker.ui.backup_runner import Job

        if not self.isVisible():  # hidden, or the window closed: counted when next refreshed
            return
        if self._redrawing():
            self._warnings_waiting = True  # counted by _maybe_ready
            return
        self._warnings_waiting = False
        self._edited = False
        path, as_of = Path(self.session.db.path), self.as_of
        park_id = None if self.park is None else self.park.id
        self._warnings_request += 1  # only the latest request's answer is shown
        request = self._warnings_request
        stop = self._warnings_stop = threading.Event()
        self._warnings_job = Job(
            lambda: (
                request,
                counts_in_file(path, as_of=as_of, park_id=park_id, stop=stop.is_set),
            )
        )
        # A bound slot: Qt drops the connection if the page goes before the answer comes.
        self._warnings_job.succeeded.connect(self._show_warnings)
        self._warnings_job.begin()

    def _stop_warnings(self) -> None:
        """A change came: a count under way is stale. It ends at its next chunk of projects
        (it would share the interpreter with the redraw: on 100,000 projects a count takes
        about half a second) and its answer is not shown; the warnings are counted again
        after the redraw."""
        if self._warnings_stop is not None:
            self._warnings_stop.set()
            self._warnings_request += 1

    def _show_warnings(self, answer: tuple[int, Any]) -> None:
        request, lights = answer
        if request != self._warnings_request or lights is None:
            return
        self.warnings_button.setText(
            fill(self.tr("Warnings: %1 red, %2 yellow"), (lights.red, lights.yellow))
        )
        color = "#b42318" if lights.red else "#8a5a00" if lights.yellow else "#067647"
        self.warnings_button.setStyleSheet(
            f"#dashboardWarnings{{color:{color};font-weight:600;padding:2px 8px;"
            f"border:1px solid {color};border-radius:3px;}}"
        )
        self.warnings_button.show()
        self.warnings_counted.emit()

    def show_warnings(self) -> None:
        from parktracker.ui.navigation import show_warnings

        show_warnings(self, park_id=None if self.park is None else self.park.id, as_of=self.as_of)

    def _show_sample_mark(self, sample: bool) -> None:
        if sample and self.sample_label is None:
            self.sample_label = QLabel(self.tr("Sample data"), self.content)
            self.sample_label.setObjectName("sampleMark")
            self.sample_label.setToolTip(
                self.tr("The database holds sample data: the figures are illustrative.")
            )
            self.sample_label.setStyleSheet(
                "color:#b54708;background:#fff4e5;border:1px solid #f5c78a;"
                "border-radius:3px;padding:2px 8px;font-weight:600;"
            )
            self.sample_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self._heading_row.insertWidget(1, self.sample_label)  # beside the heading
        if self.sample_label is not None:
            # A copy of the demo dataset already says so in the window's banner: one mark.
            self.sample_label.setVisible(sample and not self.session.demo)

    # ---------------------------------------------------------------- charts
    def _enable_charts(self) -> None:
        """After the first paint: import matplotlib off the GUI thread and, meanwhile, fetch the
        charts' data (SQLite lets the interpreter go while it reads), then draw."""
        from parktracker.ui.chart_loader import load_charts

        if self._charts_enabled or self._loading:
            return
        if not self.isVisible():  # another page came first: load when this one shows
            self._load_when_shown = True
            return
        for canvas in self.canvases.values():
            canvas.setVisible(True)
        self.layout_.activate()  # their places now, not at the next turn of the event loop
        self._loading = True
        load_charts(self._charts_loaded)
        if self._data_dirty and not self._change_timer.isActive():
            self._refresh()  # the charts' data, fetched while matplotlib loads

    def _charts_loaded(self) -> None:
        self._loading = False
        if self._charts_enabled:
            return
        self._charts_enabled = True
        if not self.isVisible():
            return
        self._queue_charts(set(CHART_NAMES) | self._data_dirty)

    def _queue_charts(self, names: set[str]) -> None:
        if not self._charts_enabled:
            return
        for name in CHART_NAMES:
            if name in names and name not in self._queue:
                self._queue.append(name)
        self._order_queue()
        self._chart_timer.start(0)

    def _order_queue(self) -> None:
        """Charts on screen first."""
        visible = self.scroll_viewport.rect()
        offset = self.scroll_area.verticalScrollBar().value()

        def hidden(name: str) -> bool:
            geometry = self.canvases[name].geometry().translated(0, -offset)
            return not geometry.intersects(visible)

        self._queue.sort(key=hidden)

    def _chart_size(self, name: str) -> Any:
        from parktracker.charts.style import ChartSize

        canvas = self.canvases[name]
        width, height = canvas.chart_area()
        return ChartSize(
            round(min(max(width / CHART_DPI * CM_PER_INCH, 3), 100), 1),
            round(min(max(height / CHART_DPI * CM_PER_INCH, 3), 100), 1),
        )

    def chart_options(self, name: str, **changes: Any) -> Any:
        from parktracker.charts.options import ChartOptions

        measure = self.pipeline_measure() if name == "pipeline" else "count"
        changes.setdefault("number_format", number_display.current())
        return ChartOptions(pipeline_measure=measure, **changes)  # type: ignore[arg-type]

    def _chart_step(self) -> None:
        """Draw the next chart due: its figure is built and drawn in a thread of its own
        (:mod:`parktracker.ui.chart_render`), and the next step starts when it is shown, so
        the window keeps answering while charts are drawn."""
        if self._rendering is not None:
            return  # the next step starts when the chart being drawn is shown
        if not self.isVisible():
            return  # the rest are redrawn when the page shows again
        missing = {n for n in self._queue if n in self._data_dirty or n not in self.chart_data}
        if self._fetching is not None and (missing or self._fetching[2]):
            return  # the next step starts when the charts' data is there
        if missing:
            self._fetch(cards=self._cards_dirty, charts=missing)
            return
        while self._queue:
            name = self._queue.pop(0)
            data = self.data_of(name)
            # On screen the page carries the one sample-data mark; exports and copies keep theirs.
            options = self.chart_options(name, size=self._chart_size(name), mark_sample=False)
            key = (data, options)
            if self._built.get(name) != key:
                self._render(name, data, options, key)
                return
        self._maybe_ready()

    def _render(self, name: str, data: Any, options: Any, key: tuple[Any, ...]) -> None:
        from parktracker.charts.refill import refill_or_build
        from parktracker.ui.chart_render import RenderJob

        canvas = self.canvases[name]
        width, height = canvas.chart_area()
        seed = canvas.layout_seed()
        if seed is None:  # the first drawing: start where the plot sat last session
            seed = layouts.seed_from(self._kept_layouts.get(name))
        self._tickets += 1
        self._rendering = (self._tickets, name, key)
        self._awaiting.add(name)
        # The figure shown now gets the new numbers in place when only the numbers changed
        # (charts.refill: no figure built and none left to the garbage collector). It is drawn
        # in the job's thread alone: one chart is drawn at a time, and the GUI thread only
        # reads its title meanwhile.
        shown = canvas.figure
        job = RenderJob(
            self._tickets,
            lambda: refill_or_build(shown, data, options, qt_tr),
            width=width,
            height=height,
            ratio=canvas.device_pixel_ratio(),
            seed=seed,
        )
        # Bound slots: Qt drops the connections if the page goes before the picture comes.
        job.succeeded.connect(self._rendered)
        job.failed.connect(self._render_failed)
        job.begin()

    def _rendered(self, result: Any) -> None:
        if self._rendering is None or self._rendering[0] != result.ticket:
            return
        _, name, key = self._rendering
        self._rendering = None
        self._built[name] = key
        self.canvases[name].show_rendered(result.figure, result.image)  # ready, if the last
        if self._queue:
            self._chart_timer.start(0)

    def _render_failed(self, error: object) -> None:
        if self._rendering is not None:
            self._awaiting.discard(self._rendering[1])
        self._rendering = None
        self._chart_timer.start(0)
        if isinstance(error, BaseException):
            raise error  # shown by the error reporter, as an error in the GUI thread is
        raise RuntimeError(str(error))

    def _chart_drawn(self, name: str) -> None:
        self._awaiting.discard(name)
        self._maybe_ready()

    def _redrawing(self) -> bool:
        """Charts are not drawn yet (matplotlib loads after the first paint), or are being
        fetched or drawn (a fetch of the cards alone does not hold them)."""
        busy = self._queue or self._awaiting or self._rendering is not None
        return not self._charts_enabled or bool(busy or self._fetching_charts())

    def _fetching_charts(self) -> bool:
        return self._fetching is not None and bool(self._fetching[2])

    def _maybe_ready(self) -> None:
        if not self._redrawing() and self._charts_enabled:
            if self._warnings_waiting:
                self._warnings_timer.start(WARNINGS_AFTER_EDIT_MS if self._edited else 0)
            self.charts_ready.emit()
            if self._recompute_after_charts:  # after those waiting for the charts are told
                self._recompute_after_charts = False
                self._cards_dirty = True
                self._refresh()

    def data_of(self, name: str) -> Any:
        """The data chart ``name`` shows (fetched again if a change touched it)."""
        if name in self._data_dirty or name not in self.chart_data:
            self.chart_data[name] = self.fetcher().chart(name)
            self._data_dirty.discard(name)
        return self.chart_data[name]

    def charts_pending(self) -> bool:
        """Charts are still to be built or drawn (or wait for the first paint); a fetch of the
        cards alone leaves them as they are."""
        if not self._charts_enabled or self._change_timer.isActive():
            return True
        busy = self._rendering is not None or self._fetching_charts()
        return bool(self._queue or self._awaiting or busy)

    # ---------------------------------------------------------------- export
    def _dialog(self, names: list[str], mode: str, fmt: str = "png") -> Any:
        from parktracker.ui.dialogs.chart_export_dialog import ChartExportDialog

        titles = self._chart_titles()
        charts = {name: self.data_of(name) for name in names}
        figure_titles: dict[str, str] = {}
        for name in names:
            figure = self.canvases[name].figure
            if figure is not None:
                figure_titles[name] = str(figure.get_label())
        dialog = ChartExportDialog(
            self,
            charts=charts,
            names=titles,
            mode=mode,
            fmt=fmt,
            titles=figure_titles,
            as_of=self.as_of,
            options=self.chart_options,
        )
        dialog.saved.connect(self._exported)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def export_chart(self, name: str, fmt: str = "png") -> Any:
        """Open the export dialog for one chart (Save as PNG / SVG / PDF)."""
        return self._dialog([name], "one", fmt)

    def export_all(self, mode: str = "folder") -> Any:
        """Open the export dialog for every chart: ``folder`` (a file each) or ``pdf`` (one
        multi-page PDF)."""
        return self._dialog(list(CHART_NAMES), mode, "pdf" if mode == "pdf" else "png")

    def copy_chart(self, name: str) -> None:
        """Copy the chart, as a full-width Word figure at 300 dpi, to the clipboard."""
        from parktracker.ui.dialogs.chart_export_dialog import copy_to_clipboard

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            copy_to_clipboard(self.data_of(name), self.chart_options(name))
        finally:
            QApplication.restoreOverrideCursor()
        self.status.setText(
            fill(self.tr("“%1” copied to the clipboard."), (self._chart_titles()[name],))
        )

    def _exported(self, paths: list[Path]) -> None:
        if len(paths) == 1:
            self.status.setText(fill(self.tr("Saved %1"), (paths[0],)))
        elif paths:
            self.status.setText(
                fill(self.tr("Saved %1 files in %2"), (len(paths), paths[0].parent))
            )


class _StatusLine(QLabel):
    """What the page just did ("Saved …"): shown only while it has text."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self.setVisible(bool(text))
