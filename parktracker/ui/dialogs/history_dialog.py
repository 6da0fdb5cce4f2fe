"""Edit → History (修改记录): every stored change, newest first — for the record selected on the
current page, or for the whole database — filtered by date range, user and kind of record.

Reads through :mod:`parktracker.services.history`; the table fetches further pages as it is
scrolled. The dialog is not modal: it can stay open beside the window and is refreshed after
each change the session announces.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.services.history import HistoryFilter, RecordKind, RecordRef, history_users
from parktracker.ui.models.history_model import HistoryModel
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.as_of_field import AsOfField, qdate
from parktracker.ui.widgets.table_copy import install_copy

COLUMN_WIDTHS = (150, 90, 120, 220, 70)
# Once the first rows are in, each column but the last (the changes, which takes the rest) is
# sized to what it and its heading show, up to this much: a long project name with its date or
# month is read whole instead of elided, and short columns leave their room to the changes.
COLUMN_MAX_WIDTHS = (170, 140, 140, 420, 90)


class HistoryDialog(QDialog):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        record: RecordRef | None = None,
        record_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.record = record
        self.setWindowTitle(self.tr("History"))
        self.setObjectName("historyDialog")
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        self.only_record = QCheckBox(self)
        self.only_record.setObjectName("onlyRecord")
        if record is not None:
            self.only_record.setText(
                fill(
                    self.tr("Only %1 “%2”"),
                    (qt_tr(record.kind.text), record_name or f"#{record.id}"),
                )
            )
            self.only_record.setChecked(True)
        else:
            self.only_record.setText(self.tr("Only the selected record (none selected)"))
            self.only_record.setEnabled(False)
        layout.addWidget(self.only_record)
        layout.addLayout(self._build_filters())
        self.model = HistoryModel(session.db, self)
        self.view = self._build_view()
        layout.addWidget(self.view, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in a date field applies the date; Esc closes
        close.setDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        for signal in (
            self.only_record.toggled,
            self.use_from.toggled,
            self.use_to.toggled,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
            self.user_box.currentIndexChanged,
            self.kind_box.currentIndexChanged,
        ):
            signal.connect(self.refresh)
        self.model.rowsInserted.connect(self._count)
        self.model.modelReset.connect(self._count)
        self._fitted = False  # the columns fitted to the first rows shown (once: then the user's)
        self.model.modelReset.connect(self._fit_columns)
        self.model.rowsInserted.connect(self._fit_columns)
        session.changed.connect(self._data_changed)
        self.refresh()

    def _build_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("historyTable")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        install_copy(view)
        return view

    def _build_filters(self) -> QVBoxLayout:
        row = QHBoxLayout()
        today = dt.date.today()
        self.use_from = QCheckBox(self.tr("&From"), self)
        self.date_from = self._date_edit("dateFrom", dt.date(today.year, 1, 1))
        self.use_to = QCheckBox(self.tr("&To"), self)
        self.date_to = self._date_edit("dateTo", today)
        user_label = QLabel(self.tr("&User"), self)
        self.user_box = QComboBox(self)
        self.user_box.setObjectName("userFilter")
        user_label.setBuddy(self.user_box)
        self.user_box.addItem(self.tr("All users"), None)
        for user in history_users(self.session.db):
            self.user_box.addItem(user, user)
        kind_label = QLabel(self.tr("&Kind of record"), self)
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("kindFilter")
        kind_label.setBuddy(self.kind_box)
        self.kind_box.addItem(self.tr("All kinds"), None)
        for kind in RecordKind:
            self.kind_box.addItem(qt_tr(kind.text), kind)
        # The dates on a row of their own: each says the day understood (or a problem) beside it.
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            row.addWidget(widget)
        row.addStretch(1)
        others = QHBoxLayout()
        for other in (user_label, self.user_box, kind_label, self.kind_box):
            others.addWidget(other)
        others.addStretch(1)
        rows = QVBoxLayout()
        rows.addLayout(row)
        rows.addLayout(others)
        return rows

    def _date_edit(self, name: str, day: dt.date) -> AsOfField:
        """The product's date field, read on Enter, on leaving it or on a calendar pick."""
        edit = AsOfField(self, echo=True)
        edit.setObjectName(name)
        edit.setDate(qdate(day))
        return edit

    # ---------------------------------------------------------------- filtering
    def current_filter(self) -> HistoryFilter:
        def day(edit: AsOfField) -> dt.date:
            value = edit.date()
            return dt.date(value.year(), value.month(), value.day())

        record = self.record if self.only_record.isChecked() else None
        return HistoryFilter(
            kind=self.kind_box.currentData(),
            user=self.user_box.currentData(),
            date_from=day(self.date_from) if self.use_from.isChecked() else None,
            date_to=day(self.date_to) if self.use_to.isChecked() else None,
            record=record,
        )

    def refresh(self, *_: object) -> None:
        self.date_from.setEnabled(self.use_from.isChecked())
        self.date_to.setEnabled(self.use_to.isChecked())
        self.model.set_filter(self.current_filter())

    def _data_changed(self, _changes: object) -> None:
        if self.isVisible():
            self.refresh()

    def _count(self, *_: object) -> None:
        shown = self.model.rowCount()
        more = self.model.canFetchMore()
        self.count_label.setText(
            fill(self.tr("%1 changes shown, more as you scroll"), (shown,))
            if more
            else self.tr("%n change(s)", None, shown)
        )

    def _fit_columns(self) -> None:
        if self._fitted or self.model.rowCount() == 0:
            return
        self._fitted = True
        header = self.view.horizontalHeader()
        for column, most in enumerate(COLUMN_MAX_WIDTHS):
            wanted = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted + 12, most))

    def row_texts(self, row: int) -> list[str]:
        """What row ``row`` shows, column by column (for tests and checks)."""
        return [self.model.text(row, c) for c in range(self.model.columnCount())]
