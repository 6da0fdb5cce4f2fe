"""The Funds page (基金): every industry fund with its latest figures, filtered by park, with
totals of scale, paid-in and invested (exact, 亿元) for the funds shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Fund
from parktracker.domain.money import Money, Unit
from parktracker.io.export_layout import TableKind
from parktracker.services.changes import Changes
from parktracker.services.fund_listing import FundRow, fund_history, get_fund, list_funds
from parktracker.services.funds import delete_fund
from parktracker.services.history import RecordKind, RecordRef
from parktracker.services.parks import list_parks
from parktracker.ui import number_display
from parktracker.ui.dialogs.fund_figures_form import FundFiguresForm
from parktracker.ui.dialogs.fund_form import FundForm
from parktracker.ui.models.table_model import Column, Kind
from parktracker.ui.pages.table_page import TablePage
from parktracker.ui.session import Session

ALL_PARKS = -1
CITY_WIDE = 0


class FundsPage(TablePage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.search.setPlaceholderText(self.tr("Find by fund name, park or manager…"))
        # Wide when there is room, but narrow windows may squeeze the toolbar.
        self.search.setMinimumWidth(160)
        self.figures_button = QPushButton(self.tr("Record new figures…"), self)
        self.figures_button.setObjectName("recordFigures")
        self.figures_button.setToolTip(
            self.tr("Record the selected fund's newly reported scale, paid-in and invested amounts")
        )
        self.figures_button.clicked.connect(self.record_figures)
        self.figures_button.setMinimumWidth(90)
        self.toolbar.addWidget(self.figures_button)
        self._build_context_menu()
        # Rows in the order they were entered until the user sorts by a column.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        for column, widest in ((0, 250), (1, 130), (8, 200)):
            header.resizeSection(column, min(header.sectionSize(column), widest))
        self.actions_changed.connect(self._update_buttons)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Funds")

    def shows(self, changes: Changes) -> bool:
        return changes.funds or changes.parks

    def export_kind(self) -> TableKind:
        return TableKind.FUNDS

    # ---------------------------------------------------------------- table
    def columns(self) -> list[Column[Any]]:
        city_wide = self.tr("City-wide")
        return [
            Column(self.tr("Fund"), lambda r: r.name, searchable=True),
            Column(
                self.tr("Park"),
                lambda r: city_wide if r.park_name is None else r.park_name,
                searchable=True,
            ),
            Column(self.tr("Total scale (亿元)"), lambda r: r.scale, Kind.AMOUNT),
            Column(self.tr("Paid-in (亿元)"), lambda r: r.paid_in, Kind.AMOUNT),
            Column(self.tr("Invested (亿元)"), lambda r: r.invested, Kind.AMOUNT),
            Column(self.tr("Paid-in / scale"), lambda r: r.paid_in_percent, Kind.PERCENT),
            Column(self.tr("Invested / paid-in"), lambda r: r.invested_percent, Kind.PERCENT),
            Column(self.tr("Figures as of"), lambda r: r.figures_date, Kind.DATE),
            # Secondary facts last, so the figures fit beside the name on a laptop screen.
            Column(self.tr("Manager"), lambda r: r.fund.manager, searchable=True),
            Column(self.tr("Established"), lambda r: r.fund.established_date, Kind.DATE),
        ]

    def history_record(self) -> tuple[RecordRef, str] | None:
        row = self.selected_record()
        if not isinstance(row, FundRow):
            return None
        return RecordRef(RecordKind.FUND, row.id), row.name

    def load_rows(self) -> list[Any]:
        return list(list_funds(self.session.db))

    def add_filters(self, toolbar: QHBoxLayout) -> None:
        label = QLabel(self.tr("Park:"), self)
        self.park_filter = QComboBox(self)
        self.park_filter.setObjectName("parkFilter")
        self.park_filter.setMinimumWidth(90)
        label.setBuddy(self.park_filter)
        self._fill_park_filter()
        self.park_filter.currentIndexChanged.connect(self._filter_changed)
        toolbar.addWidget(label)
        toolbar.addWidget(self.park_filter)

    def _fill_park_filter(self) -> None:
        current = self.park_filter.currentData()
        self.park_filter.blockSignals(True)
        self.park_filter.clear()
        self.park_filter.addItem(self.tr("All parks"), ALL_PARKS)
        self.park_filter.addItem(self.tr("City-wide (no park)"), CITY_WIDE)
        for park in list_parks(self.session.db):
            self.park_filter.addItem(park.short_name, park.id)
        self.park_filter.setCurrentIndex(max(self.park_filter.findData(current), 0))
        self.park_filter.blockSignals(False)

    def _filter_changed(self) -> None:
        choice = self.park_filter.currentData()
        if choice in (None, ALL_PARKS):
            self.apply_filter(None)
        elif choice == CITY_WIDE:
            self.apply_filter(lambda r: r.fund.park_id is None)
        else:
            self.apply_filter(lambda r: r.fund.park_id == choice)

    def on_data_changed(self, changes: Changes) -> None:
        if changes.parks:
            self._fill_park_filter()
            self._filter_changed()
        super().on_data_changed(changes)

    def _update_footer(self, *_: object) -> None:
        rows: list[FundRow] = self.proxy.visible_records()

        def total(attribute: str) -> str:
            amounts = [v for r in rows if (v := getattr(r, attribute)) is not None]
            return number_display.current().amount(Money.total(amounts), Unit.YI)

        self.footer.setText(
            "    ".join(
                [
                    fill(self.tr("%1 funds"), (len(rows),)),
                    fill(self.tr("Total scale: %1"), (total("scale"),)),
                    fill(self.tr("Paid-in: %1"), (total("paid_in"),)),
                    fill(self.tr("Invested: %1"), (total("invested"),)),
                ]
            )
        )

    # ---------------------------------------------------------------- actions
    def _build_context_menu(self) -> None:
        self.edit_action = QAction(self.tr("Edit…"), self)
        self.edit_action.triggered.connect(self.edit)
        self.figures_action = QAction(self.tr("Record new figures…"), self)
        self.figures_action.triggered.connect(self.record_figures)
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.delete_action.triggered.connect(self.delete)
        self.view.addActions([self.edit_action, self.figures_action, self.delete_action])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _update_buttons(self) -> None:
        editable = self.can_edit()
        self.figures_button.setEnabled(editable)
        for action in (self.edit_action, self.figures_action, self.delete_action):
            action.setEnabled(editable)

    def _park_choice(self) -> int | None:
        """The park picked in the filter, as the default for a new fund (None: city-wide)."""
        choice = self.park_filter.currentData()
        if choice in (None, ALL_PARKS, CITY_WIDE):
            return None
        return int(choice)

    def add(self) -> None:
        if not self.can_add():
            return
        form = FundForm(self.session, park_id=self._park_choice(), parent=self)
        form.exec()
        self._select_saved(form.saved_id)

    def _selected_fund(self) -> Fund | None:
        """The selected fund as stored now (None: nothing selected, read-only, or deleted
        meanwhile, in which case the list is reloaded)."""
        row = self.selected_record()
        if row is None or not self.can_edit():
            return None
        fund = get_fund(self.session.db, row.id)
        if fund is None:
            self.reload()
        return fund

    def edit(self) -> None:
        fund = self._selected_fund()
        if fund is None:
            return
        form = FundForm(self.session, fund, parent=self)
        form.exec()
        self._select_saved(form.saved_id)

    def record_figures(self) -> None:
        fund = self._selected_fund()
        if fund is None:
            return
        FundFiguresForm(self.session, fund, parent=self).exec()
        self._select_saved(fund.id)

    def delete(self) -> None:
        row = self.selected_record()
        if row is None or not self.can_delete():
            return
        reports = len(fund_history(self.session.db, row.id))
        what = fill(self.tr("the fund “%1” and its %2 reported figures"), (row.name, reports))
        if self.confirm_delete(what):
            fund_id = row.id
            self.run(
                fill(self.tr("Delete fund “%1”"), (row.name,)),
                lambda db: delete_fund(db, fund_id=fund_id),
            )

    def _select_saved(self, fund_id: int | None) -> None:
        if fund_id is not None:
            self.select_where(lambda r: r.id == fund_id)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
