"""The Projects page's table model: the ids the filters select, in the chosen order, plus a
cache of display rows fetched in batches for the range on screen (as Anki's browser does).

Nothing here loads every project: a keystroke in the search box costs one scan of the narrow
listing table (ids, count and sums) and a merge with the sort order, which is computed once
per sort column and reused until the data changes. Scrolling to the end fetches only the rows
that come into view.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from parktracker.domain.enums import Stage
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import exact_text, share_text
from parktracker.domain.progress import time_in_stage
from parktracker.services.handles import Database
from parktracker.services.project_listing import (
    IdList,
    ListingQuery,
    Matches,
    ProjectFinder,
    ProjectListRow,
    SortKey,
    SortOrder,
    listing_rows,
    sort_order,
)
from parktracker.ui import number_display
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.header_text import one_line, two_lines
from parktracker.ui.widgets.table_copy import COPY_ROLE

Index = QModelIndex | QPersistentModelIndex

BATCH_BEFORE = 10  # rows fetched above the one asked for...
BATCH_AFTER = 50  # ...and below it (a screen holds about 25; scrolling down is common)
CACHE_LIMIT = 4000  # display rows kept; the oldest fetched are dropped first
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
TERMINATED_COLOR = QColor("#8a94a6")
ARRANGED_LIMIT = 8  # recent (query, sort) arrangements kept, so backspacing costs nothing
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole


class CachedRow(NamedTuple):
    texts: tuple[str, ...]
    terminated: bool
    tips: tuple[str, ...]  # the tooltips: the exact stored amount where the cell rounds it
    plain: tuple[str, ...]  # Ctrl+C: amounts as their exact plain number, else the text


@dataclass(frozen=True)
class ProjectColumn:
    key: SortKey
    header: str
    align: int = ALIGN_LEFT


def percent_of(part: Money, whole: Money | None) -> str:
    """``part`` as a share of ``whole`` with one decimal (exact arithmetic), or "" if none."""
    return share_text(part, whole)


class ProjectsModel(QAbstractTableModel):
    """Rows are project ids; ``data`` reads cached rows, fetching a batch when one is missing."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.columns = [
            ProjectColumn(SortKey.PARK, self.tr("Park")),
            ProjectColumn(SortKey.NAME, self.tr("Project")),
            ProjectColumn(SortKey.COMPANY, self.tr("Company")),
            ProjectColumn(SortKey.STAGE, self.tr("Stage")),
            ProjectColumn(SortKey.STAGE_AGE, self.tr("In current stage"), ALIGN_RIGHT),
            ProjectColumn(SortKey.PLANNED, self.tr("Planned total (亿元)"), ALIGN_RIGHT),
            ProjectColumn(SortKey.COMPLETED, self.tr("Completed (亿元)"), ALIGN_RIGHT),
            ProjectColumn(SortKey.PERCENT, self.tr("Completed of plan (%)"), ALIGN_RIGHT),
            ProjectColumn(SortKey.SIGNED, self.tr("Signed"), ALIGN_RIGHT),
            ProjectColumn(SortKey.START, self.tr("Started"), ALIGN_RIGHT),
            ProjectColumn(SortKey.PRODUCTION, self.tr("In production"), ALIGN_RIGHT),
            ProjectColumn(SortKey.KEY, self.tr("Key project"), ALIGN_CENTER),
        ]
        self._aligns = [c.align for c in self.columns]
        self._yes = self.tr("Yes")
        self._stage_text = {stage: qt_tr(stage.text) for stage in Stage}
        self.finder = ProjectFinder(db)
        self.query = ListingQuery()
        self.sort_key = SortKey.PARK
        self.descending = False
        self.matches = Matches(IdList(), Money.zero(), Money.zero())
        self.ids: Sequence[int] = IdList()  # machine integers: 4 bytes a row
        self._orders: dict[SortKey, SortOrder] = {}
        self._arranged: OrderedDict[tuple[ListingQuery, SortKey, bool], array[int]] = OrderedDict()
        self._cache: OrderedDict[int, CachedRow] = OrderedDict()
        self.loaded = False  # nothing is read until the page is first shown
        self.today = dt.date.today()  # the time in the stage is counted to this day

    # ---------------------------------------------------------------- loading
    def set_query(self, query: ListingQuery) -> None:
        """Apply new filters: one scan for the matches (or none, if asked recently), then a
        merge with the sort order."""
        self.query = query
        self.matches = self.finder.find(query)
        self._arrange()

    def refresh_with(self, query: ListingQuery) -> None:
        """(Re)load: forget cached rows, answers and sort orders, and run ``query``."""
        self.finder.forget()
        self.today = dt.date.today()
        self._orders.clear()
        self._arranged.clear()
        self._cache.clear()
        self.loaded = True
        self.set_query(query)

    def refresh(self) -> None:
        """The data changed: run the same query again on fresh data."""
        self.refresh_with(self.query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].key if 0 <= column < len(self.columns) else SortKey.ID
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.loaded:
            self._arrange()

    def _arrange(self) -> None:
        self.beginResetModel()
        key = (self.query, self.sort_key, self.descending)
        ids = self._arranged.pop(key, None)
        if ids is None:
            matches = self.matches.ids
            if self.sort_key is SortKey.ID:
                ids = array(matches.typecode, reversed(matches) if self.descending else matches)
            else:
                ids = self._order(self.sort_key).arrange(matches, descending=self.descending)
        self._arranged[key] = ids
        while len(self._arranged) > ARRANGED_LIMIT:
            self._arranged.popitem(last=False)
        self.ids = ids
        self.endResetModel()

    def _order(self, key: SortKey) -> SortOrder:
        order = self._orders.get(key)
        if order is None:
            order = self._orders[key] = sort_order(self.db, key=key, as_of=self.today)
        return order

    # ---------------------------------------------------------------- lookups
    def project_id(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, project_id: int) -> int | None:
        try:
            return self.ids.index(project_id)
        except ValueError:
            return None

    def texts(self, row: int) -> tuple[str, ...] | None:
        """What row ``row`` shows, column by column."""
        cached = self._cached(row)
        return None if cached is None else cached.texts

    def _cached(self, row: int) -> CachedRow | None:
        project_id = self.project_id(row)
        if project_id is None:
            return None
        cached = self._cache.get(project_id)
        if cached is None:
            self._fetch_around(row)
            cached = self._cache.get(project_id)
        return cached

    def _fetch_around(self, row: int) -> None:
        start = max(0, row - BATCH_BEFORE)
        wanted = [i for i in self.ids[start : row + BATCH_AFTER] if i not in self._cache]
        for project_id, record in listing_rows(self.db, ids=wanted, as_of=self.today).items():
            texts = tuple(self.text(record, column) for column in range(len(self.columns)))
            tips = tuple(self.tip(record, column, texts[column]) for column in range(len(texts)))
            plain = tuple(self.plain(record, column, texts[column]) for column in range(len(texts)))
            self._cache[project_id] = CachedRow(
                texts, record.stage is Stage.TERMINATED, tips, plain
            )
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)

    @property
    def cached_rows(self) -> int:
        return len(self._cache)

    # ---------------------------------------------------------------- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return two_lines(column.header)
            if role == Qt.ItemDataRole.ToolTipRole:
                return one_line(column.header)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return column.align
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell: keep the common paths short.
        if role == DISPLAY:
            cached = self._cached(index.row())
            return None if cached is None else cached.texts[index.column()]
        if role == TOOLTIP:
            cached = self._cached(index.row())
            return None if cached is None else cached.tips[index.column()]
        if role == ALIGNMENT:
            return self._aligns[index.column()]
        if role == COPY_ROLE:
            cached = self._cached(index.row())
            return None if cached is None else cached.plain[index.column()]
        if role == FOREGROUND:
            cached = self._cached(index.row())
            if cached is not None and cached.terminated:
                return TERMINATED_COLOR
        return None

    def age_text(self, since: dt.date | None) -> str:
        """ "5 months" / "12 days" in the stage up to :attr:`today` ("" without a history)."""
        return "" if since is None else qt_tr(*time_in_stage(since, self.today))

    def tip(self, row: ProjectListRow, column: int, text: str) -> str:
        """The exact stored amount for an amount cell (shown rounded), else the cell's text."""
        key = self.columns[column].key
        if key is SortKey.STAGE_AGE and row.stage_since is not None:
            return self.tr("In this stage since %1").replace("%1", row.stage_since.isoformat())
        value = {SortKey.PLANNED: row.planned_total, SortKey.COMPLETED: row.completed}.get(key)
        return text if value is None else exact_text(value)

    def plain(self, row: ProjectListRow, column: int, text: str) -> str:
        """What Ctrl+C copies: an amount's exact number in 亿元, without unit or separators."""
        key = self.columns[column].key
        value = {SortKey.PLANNED: row.planned_total, SortKey.COMPLETED: row.completed}.get(key)
        return text if value is None else value.format(Unit.YI, with_unit=False)

    def text(self, row: ProjectListRow, column: int) -> str:  # noqa: PLR0911
        key = self.columns[column].key
        if key is SortKey.PARK:
            return row.park_short_name
        if key is SortKey.NAME:
            return row.name
        if key is SortKey.COMPANY:
            return row.company
        if key is SortKey.STAGE:
            return self._stage_text[row.stage]
        if key is SortKey.STAGE_AGE:
            return self.age_text(row.stage_since)
        if key is SortKey.PLANNED:
            return _amount(row.planned_total)
        if key is SortKey.COMPLETED:
            return _amount(row.completed)
        if key is SortKey.PERCENT:
            return share_text(row.completed, row.planned_total)
        if key is SortKey.SIGNED:
            return _date(row.signed_date)
        if key is SortKey.START:
            return _date(row.actual_start_date)
        if key is SortKey.PRODUCTION:
            return _date(row.production_date)
        if key is SortKey.KEY:
            return self._yes if row.is_key else ""
        return ""


def _amount(value: Money | None) -> str:
    """Fixed decimals, no separators (the application's one number format)."""
    return "" if value is None else number_display.current().number(value, Unit.YI)


def _date(value: object) -> str:
    return "" if value is None else str(value)
