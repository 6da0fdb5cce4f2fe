"""The Platforms & Enterprises page (平台与企业): two tabs, innovation platforms and enterprises,
each a filterable table with its own search box. The Edit menu acts on the tab that shows.

What the tabs share (the park filter, the count as of a date, Add / Edit / Delete) is
:class:`_ParkFilteredTab`'s; each tab adds its columns, filters, footer and form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel
from parktracker.domain.figures import stood_by
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Enterprise, Platform
from parktracker.domain.periods import date_text
from parktracker.io.export_layout import TableKind
from parktracker.services.changes import Changes
from parktracker.services.export import TableExport
from parktracker.services.handles import Database
from parktracker.services.history import RecordKind, RecordRef
from parktracker.services.parks import list_parks
from parktracker.services.platforms_enterprises import delete_enterprise, delete_platform
from parktracker.services.platforms_enterprises_listing import (
    EnterpriseRow,
    PlatformRow,
    get_enterprise,
    get_platform,
    list_enterprises,
    list_platforms,
)
from parktracker.services.reporting import default_as_of
from parktracker.ui.dialogs.platform_enterprise_forms import EnterpriseForm, PlatformForm
from parktracker.ui.models.table_model import Column, Kind
from parktracker.ui.pages.base import Page
from parktracker.ui.pages.table_page import TablePage
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr

ALL = "all"
PROVINCIAL_OR_ABOVE = "provincial_or_above"


class _ParkFilteredTab(TablePage):
    """A tab's table with a park filter; subclasses add their own filters and predicate."""

    def keep_entry_order(self) -> None:
        """Rows in the order they were entered until the user sorts by a column."""
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.resizeSection(0, min(header.sectionSize(0), 320))
        # Narrower than on the other pages (three filters share the toolbar), but wide enough
        # for its placeholder to be read.
        self.search.setMinimumWidth(230)

    def add_park_filter(self, toolbar: QHBoxLayout) -> None:
        label = QLabel(self.tr("Park:"), self)
        self.park_filter = QComboBox(self)
        self.park_filter.setObjectName("parkFilter")
        self.park_filter.setMinimumWidth(80)
        label.setBuddy(self.park_filter)
        self._fill_park_filter()
        self.park_filter.currentIndexChanged.connect(self.refilter)
        toolbar.addWidget(label)
        toolbar.addWidget(self.park_filter)

    def add_choice_filter(
        self, toolbar: QHBoxLayout, label_text: str, choices: list[tuple[str, object]]
    ) -> QComboBox:
        label = QLabel(label_text, self)
        box = QComboBox(self)
        for text, value in choices:
            box.addItem(text, value)
        box.setMinimumWidth(70)
        label.setBuddy(box)
        box.currentIndexChanged.connect(self.refilter)
        toolbar.addWidget(label)
        toolbar.addWidget(box)
        return box

    def _fill_park_filter(self) -> None:
        current = self.park_filter.currentData()
        self.park_filter.blockSignals(True)
        self.park_filter.clear()
        self.park_filter.addItem(self.tr("All parks"), ALL)
        for park in list_parks(self.session.db):
            self.park_filter.addItem(park.short_name, park.id)
        self.park_filter.setCurrentIndex(max(self.park_filter.findData(current), 0))
        self.park_filter.blockSignals(False)

    def park_choice(self) -> int | None:
        """The park picked in the filter (None: all parks)."""
        value = self.park_filter.currentData()
        return None if value in (None, ALL) else int(value)

    def refilter(self) -> None:
        self.apply_filter(self.predicate())

    def record_date(self, row: Any) -> dt.date | None:
        """The date a record counts from (recognition, joining)."""
        raise NotImplementedError

    def count_as_of(self, as_of: dt.date) -> int:
        """The rows shown that stood by ``as_of``."""
        self.ensure_loaded()
        return sum(1 for r in self.proxy.visible_records() if stood_by(self.record_date(r), as_of))

    def predicate(self) -> Any:
        raise NotImplementedError

    def shows(self, changes: Changes) -> bool:
        return self.own_changes(changes) or changes.parks

    def own_changes(self, changes: Changes) -> bool:
        """Whether ``changes`` changed the records of this tab."""
        raise NotImplementedError

    def on_data_changed(self, changes: Changes) -> None:
        if changes.parks:
            self._fill_park_filter()
            self.refilter()
        super().on_data_changed(changes)

    def open_form(self, form: Any) -> None:
        form.exec()
        saved = form.saved_id
        if saved is not None:
            self.select_where(lambda r: r.id == saved)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---------------------------------------------------------------- what differs
    def new_form(self, record: Any | None, park_id: int | None) -> Any:
        """The tab's form: a new record (in ``park_id``) or ``record`` to edit."""
        raise NotImplementedError

    def get_record(self, record_id: int) -> Any | None:
        raise NotImplementedError

    def delete_texts(self, name: str) -> tuple[str, str]:
        """What the confirmation names (“the platform …”) and the undo step's text."""
        raise NotImplementedError

    def delete_record(self, db: Database, record_id: int) -> None:
        raise NotImplementedError

    # ---------------------------------------------------------------- the Edit menu
    def add(self) -> None:
        if self.can_add():
            self.open_form(self.new_form(None, self.park_choice()))

    def edit(self) -> None:
        row = self.selected_record()
        if row is None or not self.can_edit():
            return
        record = self.get_record(row.id)
        if record is None:
            self.reload()
            return
        self.open_form(self.new_form(record, None))

    def delete(self) -> None:
        row = self.selected_record()
        if row is None or not self.can_delete():
            return
        what, step = self.delete_texts(row.name)
        if self.confirm_delete(what):
            record_id = row.id
            self.run(step, lambda db: self.delete_record(db, record_id))


class PlatformsTab(_ParkFilteredTab):
    def record_date(self, row: Any) -> dt.date | None:
        assert isinstance(row, PlatformRow)
        return row.platform.recognized_date

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.search.setPlaceholderText(self.tr("Find by name, park, kind or notes…"))
        self.keep_entry_order()

    def title(self) -> str:
        return self.tr("Innovation platforms")

    def own_changes(self, changes: Changes) -> bool:
        return changes.platforms

    def export_kind(self) -> TableKind:
        return TableKind.PLATFORMS

    def columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("Platform"), lambda r: r.name, searchable=True),
            Column(self.tr("Park"), lambda r: r.park_name, searchable=True),
            Column(self.tr("Level"), lambda r: qt_tr(r.platform.level.text), searchable=True),
            Column(self.tr("Kind"), lambda r: qt_tr(r.platform.kind.text), searchable=True),
            Column(self.tr("Recognized"), lambda r: r.platform.recognized_date, Kind.DATE),
            Column(self.tr("Notes"), lambda r: r.platform.notes, searchable=True),
        ]

    def load_rows(self) -> list[Any]:
        return list(list_platforms(self.session.db))

    def add_filters(self, toolbar: QHBoxLayout) -> None:
        self.add_park_filter(toolbar)
        levels: list[tuple[str, object]] = [
            (self.tr("All levels"), ALL),
            (self.tr("Provincial or above"), PROVINCIAL_OR_ABOVE),
        ]
        levels += [(qt_tr(level.text), level) for level in PlatformLevel]
        self.level_filter = self.add_choice_filter(toolbar, self.tr("Level:"), levels)
        self.level_filter.setObjectName("levelFilter")
        kinds: list[tuple[str, object]] = [(self.tr("All kinds"), ALL)]
        kinds += [(qt_tr(kind.text), kind) for kind in PlatformKind]
        self.kind_filter = self.add_choice_filter(toolbar, self.tr("Kind:"), kinds)
        self.kind_filter.setObjectName("kindFilter")

    def predicate(self) -> Any:
        park = self.park_choice()
        level = self.level_filter.currentData()
        kind = self.kind_filter.currentData()

        def accept(row: PlatformRow) -> bool:
            p = row.platform
            if park is not None and p.park_id != park:
                return False
            if level == PROVINCIAL_OR_ABOVE and not p.level.provincial_or_above:
                return False
            if isinstance(level, PlatformLevel) and p.level is not level:
                return False
            return not (isinstance(kind, PlatformKind) and p.kind is not kind)

        return accept

    def _update_footer(self, *_: object) -> None:
        rows: list[PlatformRow] = self.proxy.visible_records()
        above = sum(1 for r in rows if r.platform.level.provincial_or_above)
        self.footer.setText(
            fill(
                self.tr("%1 platforms, of which %2 at provincial level or above"),
                (len(rows), above),
            )
        )

    def new_form(self, record: Any | None, park_id: int | None) -> PlatformForm:
        return PlatformForm(self.session, record, park_id=park_id, parent=self)

    def get_record(self, record_id: int) -> Platform | None:
        return get_platform(self.session.db, record_id)

    def delete_texts(self, name: str) -> tuple[str, str]:
        return (
            fill(self.tr("the platform “%1”"), (name,)),
            fill(self.tr("Delete platform “%1”"), (name,)),
        )

    def delete_record(self, db: Database, record_id: int) -> None:
        delete_platform(db, platform_id=record_id)


class EnterprisesTab(_ParkFilteredTab):
    def record_date(self, row: Any) -> dt.date | None:
        assert isinstance(row, EnterpriseRow)
        return row.enterprise.joined_date

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.search.setPlaceholderText(self.tr("Find by name, park, tag or notes…"))
        self.keep_entry_order()

    def title(self) -> str:
        return self.tr("Enterprises")

    def own_changes(self, changes: Changes) -> bool:
        return changes.enterprises

    def export_kind(self) -> TableKind:
        return TableKind.ENTERPRISES

    def columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("Enterprise"), lambda r: r.name, searchable=True),
            Column(self.tr("Park"), lambda r: r.park_name, searchable=True),
            Column(
                self.tr("Tags"),
                lambda r: "、".join(qt_tr(tag.text) for tag in r.tags),
                searchable=True,
            ),
            Column(self.tr("Joined"), lambda r: r.enterprise.joined_date, Kind.DATE),
            Column(self.tr("Notes"), lambda r: r.enterprise.notes, searchable=True),
        ]

    def load_rows(self) -> list[Any]:
        return list(list_enterprises(self.session.db))

    def add_filters(self, toolbar: QHBoxLayout) -> None:
        self.add_park_filter(toolbar)
        tags: list[tuple[str, object]] = [(self.tr("All tags"), ALL)]
        tags += [(qt_tr(tag.text), tag) for tag in EnterpriseTag]
        self.tag_filter = self.add_choice_filter(toolbar, self.tr("Tag:"), tags)
        self.tag_filter.setObjectName("tagFilter")

    def predicate(self) -> Any:
        park = self.park_choice()
        tag = self.tag_filter.currentData()

        def accept(row: EnterpriseRow) -> bool:
            e = row.enterprise
            if park is not None and e.park_id != park:
                return False
            return not (isinstance(tag, EnterpriseTag) and tag not in e.tags)

        return accept

    def _update_footer(self, *_: object) -> None:
        rows: list[EnterpriseRow] = self.proxy.visible_records()
        giants = sum(1 for r in rows if EnterpriseTag.LITTLE_GIANT in r.enterprise.tags)
        self.footer.setText(
            fill(self.tr("%1 enterprises, of which %2 little giants"), (len(rows), giants))
        )

    def new_form(self, record: Any | None, park_id: int | None) -> EnterpriseForm:
        return EnterpriseForm(self.session, record, park_id=park_id, parent=self)

    def get_record(self, record_id: int) -> Enterprise | None:
        return get_enterprise(self.session.db, record_id)

    def delete_texts(self, name: str) -> tuple[str, str]:
        return (
            fill(self.tr("the enterprise “%1”"), (name,)),
            fill(self.tr("Delete enterprise “%1”"), (name,)),
        )

    def delete_record(self, db: Database, record_id: int) -> None:
        delete_enterprise(db, enterprise_id=record_id)


class PlatformsEnterprisesPage(Page):
    """Two tabs; Add / Edit / Delete / Find and the record count follow the visible tab."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.platforms = PlatformsTab(session, self.tabs)
        self.enterprises = EnterprisesTab(session, self.tabs)
        self.tabs.addTab(self.platforms, self.platforms.title())
        self.tabs.addTab(self.enterprises, self.enterprises.title())
        layout.addWidget(self.tabs)
        for tab in (self.platforms, self.enterprises):
            tab.count_changed.connect(lambda _n, t=tab: self._tab_count_changed(t))
            tab.actions_changed.connect(lambda t=tab: self._tab_actions_changed(t))
        self.tabs.currentChanged.connect(self._tab_switched)
        # The counts in the tab titles need both tables: they are filled in on first show.

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self._update_tab_titles()
        super().showEvent(event)

    def title(self) -> str:
        return self.tr("Platforms & Enterprises")

    def can_export(self) -> bool:
        return True

    def export_request(self) -> TableExport | None:
        return self.current_tab().export_request()

    def history_record(self) -> tuple[RecordRef, str] | None:
        row = self.current_tab().selected_record()
        if isinstance(row, PlatformRow):
            return RecordRef(RecordKind.PLATFORM, row.id), row.platform.name
        if isinstance(row, EnterpriseRow):
            return RecordRef(RecordKind.ENTERPRISE, row.id), row.enterprise.name
        return None

    def current_tab(self) -> _ParkFilteredTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, _ParkFilteredTab)
        return tab

    def _tab_count_changed(self, tab: _ParkFilteredTab) -> None:
        self._update_tab_titles()
        if tab is self.current_tab():
            self.count_changed.emit(self.record_count())

    def _tab_actions_changed(self, tab: _ParkFilteredTab) -> None:
        if tab is self.current_tab():
            self.actions_changed.emit()

    def _tab_switched(self, _index: int) -> None:
        self.count_changed.emit(self.record_count())
        self.actions_changed.emit()

    def _update_tab_titles(self) -> None:
        """Each tab's count. The lists show every record to date; when some are dated after
        the dashboard's as-of date, the count as of that date stands beside it, so the tab and
        the dashboard's card agree ("企业 216（截至2024年3月31日：214）")."""
        as_of = default_as_of(self.session.db)
        for index, tab in enumerate((self.platforms, self.enterprises)):
            total = tab.record_count()
            then = tab.count_as_of(as_of)
            if then == total:
                text = fill(self.tr("%1 (%2)"), (tab.title(), total))
                tip = ""
            else:
                day = date_text(as_of, qt_tr)
                text = fill(self.tr("%1 %2 (as of %3: %4)"), (tab.title(), total, day, then))
                tip = fill(
                    self.tr(
                        "The list shows every record to date; %1 are dated on or before %2,"
                        " as the dashboard counts them."
                    ),
                    (then, day),
                )
            self.tabs.setTabText(index, text)
            self.tabs.setTabToolTip(index, tip)

    # ---------------------------------------------------------------- routed to the tab
    def record_count(self) -> int:
        return self.current_tab().record_count()

    def can_add(self) -> bool:
        return self.current_tab().can_add()

    def can_edit(self) -> bool:
        return self.current_tab().can_edit()

    def can_delete(self) -> bool:
        return self.current_tab().can_delete()

    def add(self) -> None:
        self.current_tab().add()

    def edit(self) -> None:
        self.current_tab().edit()

    def delete(self) -> None:
        self.current_tab().delete()

    def focus_search(self) -> None:
        self.current_tab().focus_search()

    def save_state(self) -> dict[str, object]:
        state: dict[str, object] = {"tab": self.tabs.currentIndex()}
        for tab in (self.platforms, self.enterprises):  # keyed by the kind of record shown
            state[tab.export_kind().value] = tab.view.horizontalHeader().saveState()
        return state

    def restore_state(self, state: dict[str, object]) -> None:
        for tab in (self.platforms, self.enterprises):
            header = state.get(tab.export_kind().value)
            if isinstance(header, QByteArray):
                tab.view.horizontalHeader().restoreState(header)
        try:
            index = int(str(state.get("tab", 0)))
        except ValueError:
            index = 0
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
