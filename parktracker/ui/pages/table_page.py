"""A page built around one sortable, filterable table: a search box and filters above it, and
a footer with the count and the sums of the visible rows (amounts in 亿元)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.money import Money
from parktracker.io.export_layout import TableKind
from parktracker.services.changes import Changes
from parktracker.services.export import ExportScope, TableExport
from parktracker.ui import number_display
from parktracker.ui.models.table_model import Column, Kind, RecordFilterProxy, RecordTableModel
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session
from parktracker.ui.widgets.table_copy import install_copy


class TablePage(Page):
    """Subclasses give columns and rows (from services) and the add/edit/delete behaviour."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model: RecordTableModel[Any] = RecordTableModel(self.columns(), self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.toolbar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find by name, company or notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.textChanged.connect(self._search_changed)
        self.toolbar.addWidget(self.search)
        self.add_filters(self.toolbar)
        self.toolbar.addStretch(1)
        layout.addLayout(self.toolbar)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows can be selected (Shift/Ctrl+click, Ctrl+A) to copy them; Edit and Delete
        # act on one selected record only.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.copy_action = install_copy(self.view)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.actions_changed.emit())
        layout.addWidget(self.view, 1)
        self.footer = QLabel(self)
        self.footer.setObjectName("totalsFooter")
        self.footer.setStyleSheet("padding:4px 2px;color:#344054;")
        layout.addWidget(self.footer)
        self.proxy.rowsInserted.connect(self._update_footer)
        self.proxy.rowsRemoved.connect(self._update_footer)
        self.proxy.modelReset.connect(self._update_footer)
        self.proxy.layoutChanged.connect(self._update_footer)
        # Rows are loaded when the page is first shown (or asked for them), not at start-up:
        # the window paints before pages nobody has opened yet fetch anything.
        self._loaded = False

    # ---------------------------------------------------------------- subclass hooks
    def columns(self) -> list[Column[Any]]:
        raise NotImplementedError

    def load_rows(self) -> list[Any]:
        raise NotImplementedError

    def add_filters(self, toolbar: QHBoxLayout) -> None:
        """Add filter widgets (park, stage, year, tags...) to the toolbar."""

    def shows(self, changes: Changes) -> bool:
        """Whether this page shows something ``changes`` changed: if so, it reloads."""
        return False

    def export_kind(self) -> TableKind | None:
        """The kind of records File → Export → Current Table writes (None: not exportable)."""
        return None

    def can_export(self) -> bool:
        return self.export_kind() is not None

    def export_request(self) -> TableExport | None:
        """The records the filters and search show, in the order shown."""
        kind = self.export_kind()
        if kind is None:
            return None
        self.ensure_loaded()
        ids = [record.id for record in self.proxy.visible_records()]
        return TableExport(kind, ExportScope(ids=ids))

    def print_table(self) -> tuple[str, str, QAbstractItemModel] | None:
        self.ensure_loaded()
        return self.title(), self.footer.text(), self.proxy

    # ---------------------------------------------------------------- behaviour
    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()
            self.fit_columns()

    def fit_columns(self) -> None:
        """Column widths once the rows are there (pages may size them their own way)."""
        self.view.resizeColumnsToContents()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.ensure_loaded()
        super().showEvent(event)

    def reload(self) -> None:
        self._loaded = True
        selected = self.selected_record()
        self.model.set_rows(self.load_rows())
        if selected is not None:
            self.select_where(lambda r: getattr(r, "id", None) == getattr(selected, "id", None))
        self.count_changed.emit(self.record_count())

    def on_data_changed(self, changes: Changes) -> None:
        if self.shows(changes):
            if self._loaded and self.isVisible():
                self.reload()
            else:
                self._loaded = False  # reload when next shown

    def record_count(self) -> int:
        self.ensure_loaded()
        return self.proxy.rowCount()

    def selected_record(self) -> Any | None:
        if not self._loaded:
            return None
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if len(rows) != 1:
            return None  # none, or several (to copy): Edit and Delete need exactly one
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_where(self, predicate: Any) -> None:
        self.ensure_loaded()
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if predicate(self.model.row_at(source)):
                self.view.selectRow(row)
                self.view.scrollTo(self.proxy.index(row, 0))
                return

    def can_edit(self) -> bool:
        return self.selected_record() is not None and not self.session.readonly

    def can_delete(self) -> bool:
        return self.can_edit()

    def can_add(self) -> bool:
        return not self.session.readonly

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self.count_changed.emit(self.record_count())

    def apply_filter(self, predicate: Any) -> None:
        self.proxy.set_predicate(predicate)
        self.count_changed.emit(self.record_count())

    def _double_clicked(self, _index: QModelIndex) -> None:
        if self.can_edit():
            self.edit()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.hasFocus():
            if self.can_edit():
                self.edit()
            return
        super().keyPressEvent(event)

    def _update_footer(self, *_: object) -> None:
        records = self.proxy.visible_records()
        parts = [self.tr("%n record(s)", None, len(records))]
        for column in self.model.columns:
            if column.total and column.kind is Kind.AMOUNT:
                total = Money.total([v for r in records if (v := column.value(r)) is not None])
                shown = number_display.current().amount(total, column.unit)
                parts.append(f"{column.header}: {shown}")
        self.footer.setText("    ".join(parts))

    def save_state(self) -> dict[str, object]:
        return {"header": self.view.horizontalHeader().saveState()}

    def restore_state(self, state: dict[str, object]) -> None:
        header = state.get("header")
        if isinstance(header, QByteArray):
            self.view.horizontalHeader().restoreState(header)
