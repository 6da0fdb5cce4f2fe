"""Projects → Monthly investment by park (按园区填报月度投资): one park's projects by the twelve
months of a year, in 万元, typed or pasted from Excel like the revenue grid.

Each typed cell, Delete of a selection, or paste is one undoable step through the session
(Ctrl+Z / Ctrl+Y work here too). A paste is all or nothing: a cell that is not an amount, or a
block that does not fit, refuses the whole paste with a message naming the cell; nothing is
stored. Messages stay until the next change is stored.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.domain.money import AmountParseError, Money, parse_amount
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import MAX_YEAR, MIN_YEAR, ValidationError
from parktracker.services.changes import Changes
from parktracker.services.park_investment import (
    InvestmentCell,
    park_investment_year,
    set_park_investment,
)
from parktracker.services.parks import list_parks
from parktracker.storage.errors import StorageError
from parktracker.ui.models.park_investment_model import UNIT, ParkInvestmentModel
from parktracker.ui.models.revenue_grid_model import MONTHS, month_name
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr, storage_error_text
from parktracker.ui.widgets.investment_sheet import InvestmentSheet
from parktracker.ui.widgets.revenue_grid import parse_block

ERROR_STYLE = "color:#b42318;"
INFO_STYLE = "color:#344054;"

Entry = tuple[int, int, str]  # row, column, text


class ParkInvestmentDialog(QDialog):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        park_id: int | None = None,
        year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("parkInvestmentDialog")
        self.setWindowTitle(self.tr("Monthly investment by park"))
        self.resize(1180, 620)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_controls(park_id, year))
        hint = QLabel(
            self.tr(
                "Type or paste figures from Excel; Enter moves down, Delete clears. "
                "Ctrl+Z undoes the last change."
            ),
            self,
        )
        hint.setStyleSheet(INFO_STYLE)
        layout.addWidget(hint)
        self.model = ParkInvestmentModel(self)
        self.model.editable = not session.readonly
        self.view = InvestmentSheet(self.model, self)
        self.view.setObjectName("parkInvestmentGrid")
        layout.addWidget(self.view, 1)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # The main window's Undo and Redo are out of reach while this window has the focus.
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, session.undo),
            (QKeySequence.StandardKey.Redo, session.redo),
            (QKeySequence("Ctrl+Y"), session.redo),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self.model.text_entered.connect(self._typed)
        self.view.paste_requested.connect(self.paste)
        self.view.clear_requested.connect(self.clear_selection)
        self.view.undo_requested.connect(session.undo)
        self.view.redo_requested.connect(session.redo)
        self.park_box.currentIndexChanged.connect(self.reload)
        self.year_box.valueChanged.connect(self.reload)
        session.changed.connect(self._data_changed)
        self.reload()

    def _build_controls(self, park_id: int | None, year: int | None) -> QHBoxLayout:
        controls = QHBoxLayout()
        park_label = QLabel(self.tr("&Park"), self)
        self.park_box = QComboBox(self)
        self.park_box.setObjectName("park")
        park_label.setBuddy(self.park_box)
        for park in list_parks(self.session.db):
            self.park_box.addItem(park.name, park.id)
        if park_id is not None and self.park_box.findData(park_id) >= 0:
            self.park_box.setCurrentIndex(self.park_box.findData(park_id))
        year_label = QLabel(self.tr("&Year"), self)
        self.year_box = QSpinBox(self)
        self.year_box.setObjectName("year")
        self.year_box.setRange(MIN_YEAR, MAX_YEAR)
        self.year_box.setValue(year or dt.date.today().year)
        year_label.setBuddy(self.year_box)
        unit = QLabel(fill(self.tr("Completed investment, in %1"), (UNIT.label,)), self)
        unit.setObjectName("unitNote")
        for widget in (park_label, self.park_box, year_label, self.year_box):
            controls.addWidget(widget)
        controls.addSpacing(16)
        controls.addWidget(unit)
        controls.addStretch(1)
        return controls

    # ---------------------------------------------------------------- showing
    @property
    def park_id(self) -> int:
        return int(self.park_box.currentData())

    @property
    def year(self) -> int:
        return self.year_box.value()

    def reload(self, *_: object) -> None:
        current = self.view.currentIndex()
        self.model.set_year(
            park_investment_year(self.session.db, park_id=self.park_id, year=self.year)
        )
        if current.isValid():
            self.view.go_to(current.row(), current.column())
        elif self.model.rowCount():
            self.view.go_to(0, 0)

    def _data_changed(self, changes: Changes) -> None:
        if changes.investment or changes.projects:
            self.reload()

    def say(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)

    # ---------------------------------------------------------------- writing
    def _typed(self, row: int, column: int, text: str) -> None:
        self.store([(row, column, text)], paste=False)

    def clear_selection(self) -> None:
        if self.session.readonly:
            return
        cells = [
            (r, c, "")
            for r, c in self.view.selected_cells()
            if self.model.is_entry_cell(r, c) and self.model.figure(r, c) is not None
        ]
        if cells:
            self.store(cells, paste=False)

    def paste(self) -> None:
        """Paste the clipboard's block at the selected cell: all of it, or nothing."""
        if self.session.readonly:
            self.say(self.tr("The database is read-only: nothing was pasted."), error=False)
            return
        text = QApplication.clipboard().text()
        if not text.strip():
            self.say(self.tr("The clipboard holds no figures to paste."), error=True)
            return
        block = parse_block(text)
        anchor = self.view.anchor()
        if anchor is None or not self.model.is_entry_cell(*anchor):
            self.say(self.tr("Select a project's month to paste into."), error=True)
            return
        row0, column0 = anchor
        rows, columns = len(block), max(len(line) for line in block)
        selection = [
            (r, c) for r, c in self.view.selected_cells() if self.model.is_entry_cell(r, c)
        ]
        if rows == 1 and columns == 1 and len(selection) > 1:
            entries = [(r, c, block[0][0]) for r, c in selection]  # one value fills them all
        elif row0 + rows > len(self.model.projects) or column0 + columns > MONTHS:
            self.say(
                fill(
                    self.tr(
                        "Nothing was pasted: the copied block (%1 rows × %2 columns) does not "
                        "fit from %3, %4; the grid ends at %5 and the last project."
                    ),
                    (rows, columns, self._name(row0), month_name(column0 + 1), month_name(MONTHS)),
                ),
                error=True,
            )
            return
        else:
            entries = [
                (row0 + i, column0 + j, cell)
                for i, line in enumerate(block)
                for j, cell in enumerate(line)
            ]
        self.store(entries, paste=True)

    def store(self, entries: list[Entry], *, paste: bool) -> bool:
        """Parse every entry, then store them all as one undoable step; True when stored."""
        if self.session.readonly:
            self.say(self.tr("The database is read-only: nothing was changed."), error=False)
            return False
        cells: list[InvestmentCell] = []
        for row, column, text in entries:
            project = self.model.project_at(row)
            assert project is not None and project.id is not None
            try:
                amount: Money | None = parse_amount(text, UNIT) if text.strip() else None
            except AmountParseError as exc:
                self._refuse(entries, (row, column, text), qt_tr(exc.message), paste=paste)
                return False
            cells.append(InvestmentCell(project.id, YearMonth(self.year, column + 1), amount))
        try:
            self.session.perform(
                self._step_name(entries, paste=paste),
                lambda db: set_park_investment(db, cells=cells),
            )
        except ValidationError as exc:
            problems = "\n".join(p.render(qt_tr) for p in exc.problems)
            self.say(fill(self.tr("Nothing was changed: %1"), (problems,)), error=True)
            return False
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), storage_error_text(exc))
            return False
        if paste:
            self.say(self.tr("Pasted %n cell(s).", None, len(cells)), error=False)
        else:
            self.say("", error=False)
        return True

    def _refuse(self, entries: list[Entry], bad: Entry, reason: str, *, paste: bool) -> None:
        row, column, text = bad
        where = (self._name(row), month_name(column + 1))
        if paste:
            first_row = min(r for r, _, _ in entries)
            first_column = min(c for _, c, _ in entries)
            message = fill(
                self.tr(
                    "Nothing was pasted: “%1” in row %2, column %3 of the copied block "
                    "(for %4, %5) is not an amount. %6"
                ),
                (text.strip(), row - first_row + 1, column - first_column + 1, *where, reason),
            )
        else:
            message = fill(
                self.tr("Not stored: “%1” for %2, %3 is not an amount. %4"),
                (text.strip(), *where, reason),
            )
            self.view.go_to(row, column)
            self.view.hold_position()  # Enter does not move on from a refused cell
        self.say(message, error=True)

    def _step_name(self, entries: list[Entry], *, paste: bool) -> str:
        park = self.park_box.currentText()
        if paste:
            return fill(self.tr("Paste monthly investment of %1 (%2 cells)"), (park, len(entries)))
        if len(entries) > 1:
            return fill(self.tr("Clear monthly investment of %1 (%2 cells)"), (park, len(entries)))
        row, column, _ = entries[0]
        return fill(
            self.tr("Enter investment of “%1”, %2-%3"),
            (self._name(row), self.year, f"{column + 1:02d}"),
        )

    def _name(self, row: int) -> str:
        project = self.model.project_at(row)
        return "" if project is None else project.name
