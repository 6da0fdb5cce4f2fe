"""File → Import…: a wizard from a park's spreadsheet to an applied, undoable import.

file → sheet and kind → columns → preview → summary. The file is read in a background thread
(it touches no database) with a busy bar and Cancel; the preview and the apply use the
window's own database connection on the GUI thread. Applying runs through
:meth:`Session.perform`, so the whole import is one Edit → Undo step.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from parktracker.domain.i18n_markers import Text, fill
from parktracker.domain.import_fields import FIELDS, ImportKind
from parktracker.domain.import_layout import Layout
from parktracker.domain.periods import YearMonth
from parktracker.services import importing
from parktracker.services.import_types import (
    FieldChange,
    ImportPreview,
    ImportSummary,
    RowStatus,
)
from parktracker.storage.errors import StorageError
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr, storage_error_text

FILE_FILTER = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt *.xml *.htm *.html"


def _shown(value: str | Text) -> str:
    return qt_tr(value) if isinstance(value, Text) else value


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr("A park's spreadsheet: xlsx, xls, ods, csv or tsv, as Excel or WPS saves it.")
        )
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("File to import"))
        self.path.textChanged.connect(self._changed)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel reading"))
        self.cancel.hide()
        self.cancel.clicked.connect(self._cancel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel)
        layout.addLayout(busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._job: object | None = None

    def _browse(self) -> None:
        kinds = self.tr("Spreadsheets")
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import"), self.path.text(), f"{kinds} ({FILE_FILTER});;* (*)"
        )
        if chosen:
            self.path.setText(chosen)

    def _changed(self) -> None:
        self.owner.loaded = None
        self.message.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.path.text().strip()) and self._job is None

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.owner.loaded is not None:
            return True
        self._start(Path(self.path.text().strip()))
        return False

    def _start(self, path: Path) -> None:
        from parktracker.ui.backup_runner import Job

        self.message.clear()
        self.progress.show()
        self.cancel.show()
        # No parent: a wizard closed while the thread runs must not delete a running QThread
        # (backup_runner keeps the job until it ends; its signals die with this page).
        job = Job(lambda: importing.load_file(path))
        job.succeeded.connect(self._read)
        job.failed.connect(self._failed)
        self._job = job
        self.completeChanged.emit()
        job.begin()

    def _finish_job(self) -> bool:
        """Whether the job that just ended is still wanted (not cancelled)."""
        wanted = self._job is not None
        self._job = None
        self.progress.hide()
        self.cancel.hide()
        self.completeChanged.emit()
        return wanted

    def _read(self, loaded: object) -> None:
        if self._finish_job() and isinstance(loaded, importing.LoadedFile):
            self.owner.loaded = loaded
            self.owner.next()

    def _failed(self, error: object) -> None:
        if not self._finish_job():
            return
        if isinstance(error, importing.ImportFailure):
            self.message.setText(error.render(qt_tr))
        else:
            self.message.setText(str(error))

    def _cancel(self) -> None:
        self._job = None  # the thread finishes on its own; its result is dropped
        self.progress.hide()
        self.cancel.hide()
        self.completeChanged.emit()


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Sheet and kind of records"))
        self.sheet = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Detect from the headers"), None)
        for kind in ImportKind:
            self.kind.addItem(qt_tr(kind.text), kind)
        self.as_of = QLineEdit()
        self.as_of.setPlaceholderText("YYYY-MM")
        self.as_of.setToolTip(
            self.tr("The month the figures are for; it dates stage changes that give no date.")
        )
        self.detected = QLabel()
        self.detected.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Sheet"), self.sheet)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&As of month"), self.as_of)
        form.addRow(self.detected)
        self.sheet.currentIndexChanged.connect(self._detect)
        self.kind.currentIndexChanged.connect(self._detect)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        loaded = self.owner.loaded
        assert loaded is not None
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(loaded.sheet_names)
        self.sheet.blockSignals(False)
        self.as_of.clear()
        self._detect()
        if self.owner.detected is not None and self.owner.detected.as_of is not None:
            self.as_of.setText(str(self.owner.detected.as_of))

    def _detect(self) -> None:
        loaded = self.owner.loaded
        if loaded is None:
            return
        try:
            sheet, layout = importing.detect(
                self.owner.session.db,
                loaded=loaded,
                sheet=self.sheet.currentText() or None,
                kind=self.kind.currentData(),
            )
        except importing.ImportFailure as exc:
            self.owner.detected = None
            self.detected.setText(exc.render(qt_tr))
        else:
            self.owner.detected = layout
            self.owner.sheet_name = sheet.name
            self.detected.setText(
                fill(
                    self.tr("Found: %1, header on row %2."),
                    (qt_tr(layout.kind.text), layout.header_last + 1),
                )
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.owner.detected is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        text = self.as_of.text().strip()
        if not text:
            self.owner.as_of = None
            return True
        try:
            self.owner.as_of = YearMonth.parse(text)
        except ValueError:
            self.detected.setText(
                fill(self.tr("“%1” is not a month: write it as 2024-03."), (text,))
            )
            return False
        return True


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr("Check what each column holds; correct it where the guess is wrong.")
        )
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Holds")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.missing)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        layout = self.owner.detected
        assert layout is not None
        self.table.setRowCount(len(layout.columns))
        self.combos = []
        for row, column in enumerate(layout.columns):
            self.table.setItem(row, 0, QTableWidgetItem(column.header))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for spec in FIELDS[layout.kind]:
                if spec.key != "seq":
                    combo.addItem(qt_tr(spec.label), spec.key)
            index = combo.findData(column.field)
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self._changed()

    def fields(self) -> dict[int, str | None]:
        layout = self.owner.detected
        assert layout is not None
        return {c.index: self.combos[n].currentData() for n, c in enumerate(layout.columns)}

    def _changed(self) -> None:
        layout = self.owner.detected
        assert layout is not None
        missing = layout.with_fields(self.fields()).missing()
        self.missing.setText(
            fill(self.tr("Still needed: %1"), (", ".join(missing),)) if missing else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        layout = self.owner.detected
        return layout is not None and not layout.with_fields(self.fields()).missing()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        layout = self.owner.detected
        assert layout is not None
        fields = self.fields()
        self.owner.fields = fields
        corrected = layout.with_fields(fields)
        if corrected.columns != layout.columns and not self.owner.session.readonly:
            # remembering is a convenience; the import itself goes on without it
            with contextlib.suppress(StorageError):
                importing.remember_mapping(self.owner.session.db, layout=corrected)
        return True


class PreviewPage(QWizardPage):
    CHECK, ROW, STATUS, RECORD, DETAILS = range(5)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr("Nothing is written yet. Untick the rows you do not want to import.")
        )
        self.counts = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Import"),
                self.tr("Row"),
                self.tr("Status"),
                self.tr("Record"),
                self.tr("Changes or reason"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._toggled)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.hide()
        self.cancel.clicked.connect(self._cancel)
        self._job: object | None = None
        self.save_problems = QPushButton(self.tr("Save problems as .xlsx…"))
        self.save_problems.clicked.connect(self._save_problems)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel)
        layout.addLayout(busy)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_problems)
        layout.addLayout(buttons)
        self.preview: ImportPreview | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        """Classify the rows in a background thread on a read-only connection of its own."""
        from parktracker.ui.backup_runner import Job

        owner = self.owner
        assert owner.loaded is not None
        self.preview = None
        self.table.setRowCount(0)
        self.counts.setText(self.tr("Comparing every row with the database…"))
        self.save_problems.setEnabled(False)
        self.progress.show()
        self.cancel.show()
        loaded, sheet, as_of, fields = owner.loaded, owner.sheet_name, owner.as_of, owner.fields
        kind = owner.detected.kind if owner.detected else None
        path = Path(owner.session.db.path)
        job = Job(
            lambda: importing.preview_on_own_connection(
                path, loaded=loaded, sheet=sheet, kind=kind, as_of=as_of, fields=fields
            )
        )  # no parent, as for reading the file
        job.succeeded.connect(self._previewed)
        job.failed.connect(self._failed)
        self._job = job
        self.completeChanged.emit()
        job.begin()

    def _end_job(self) -> bool:
        wanted = self._job is not None
        self._job = None
        self.progress.hide()
        self.cancel.hide()
        return wanted

    def _previewed(self, preview: object) -> None:
        if self._end_job() and isinstance(preview, ImportPreview):
            self.preview = preview
            self._fill()

    def _failed(self, error: object) -> None:
        if not self._end_job():
            return
        if isinstance(error, importing.ImportFailure):
            self.counts.setText(error.render(qt_tr))
        elif isinstance(error, StorageError):
            self.counts.setText(storage_error_text(error))
        else:
            self.counts.setText(str(error))
        self.completeChanged.emit()

    def _cancel(self) -> None:
        self._end_job()  # the thread finishes on its own; its result is dropped
        self.owner.back()

    def _fill(self) -> None:
        preview = self.preview
        assert preview is not None
        self.table.blockSignals(True)
        self.table.setRowCount(len(preview.rows))
        for n, row in enumerate(preview.rows):
            check = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            writable = row.status in (RowStatus.NEW, RowStatus.CHANGED)
            if writable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            check.setFlags(flags)
            check.setCheckState(Qt.CheckState.Checked if writable else Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, row.number)
            self.table.setItem(n, self.CHECK, check)
            self.table.setItem(n, self.ROW, QTableWidgetItem(str(row.number)))
            self.table.setItem(n, self.STATUS, QTableWidgetItem(qt_tr(row.status.text)))
            self.table.setItem(n, self.RECORD, QTableWidgetItem(row.record_text(qt_tr)))
            if row.problems:
                details = "；".join(
                    p.render(qt_tr, with_sheet=preview.sheet_count > 1) for p in row.problems
                )
            else:
                details = "；".join(self._change_text(c) for c in row.changes)
            item = QTableWidgetItem(details)
            item.setToolTip(details)
            self.table.setItem(n, self.DETAILS, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._update_counts()

    def _change_text(self, change: FieldChange) -> str:
        if change.old == "":  # a new record: its values only
            return fill(self.tr("%1: %2"), (qt_tr(change.label), _shown(change.new)))
        return fill(
            self.tr("%1: %2 → %3"), (qt_tr(change.label), _shown(change.old), _shown(change.new))
        )

    def excluded(self) -> frozenset[int]:
        result = set()
        for n in range(self.table.rowCount()):
            item = self.table.item(n, self.CHECK)
            if item is not None and item.checkState() != Qt.CheckState.Checked:
                result.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return frozenset(result)

    def _toggled(self, item: QTableWidgetItem) -> None:
        if item.column() == self.CHECK:
            self._update_counts()

    def _update_counts(self) -> None:
        preview = self.preview
        if preview is None:
            return
        chosen = self.excluded()
        counts = preview.counts()
        writing = sum(
            1
            for r in preview.rows
            if r.status in (RowStatus.NEW, RowStatus.CHANGED) and r.number not in chosen
        )
        self.counts.setText(
            fill(
                self.tr("%1 new, %2 changed, %3 unchanged, %4 invalid. %5 row(s) will be written."),
                (
                    counts[RowStatus.NEW],
                    counts[RowStatus.CHANGED],
                    counts[RowStatus.UNCHANGED],
                    counts[RowStatus.INVALID],
                    writing,
                ),
            )
        )
        self.save_problems.setEnabled(bool(counts[RowStatus.INVALID]))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.preview is not None and self._job is None

    def _save_problems(self) -> None:
        if self.preview is None:
            return
        start = (
            str(Path(self.owner.loaded.name if self.owner.loaded else "import").stem)
            + "-problems.xlsx"
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save problems"), start, "Excel (*.xlsx)"
        )
        if chosen:
            self.save_file(Path(chosen))

    def save_file(self, path: Path) -> None:
        assert self.preview is not None
        try:
            importing.save_problems(path, preview=self.preview, translate=qt_tr)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.strerror or str(exc))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        preview = self.preview
        assert preview is not None
        session = self.owner.session
        excluded = self.excluded()
        text = fill(self.tr("Import “%1”"), (preview.source_name,))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.owner.summary = session.perform(
                text,
                lambda db: importing.apply_import(
                    db, preview=preview, excluded=excluded, skip_invalid=True
                ),
            )
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not imported"), storage_error_text(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Imported"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        summary = self.owner.summary
        assert summary is not None
        lines = [
            fill(
                self.tr("%1 added, %2 changed, %3 unchanged, %4 skipped."),
                (summary.added, summary.changed, summary.unchanged, summary.skipped),
            )
        ]
        if summary.backup:
            lines.append(
                fill(self.tr("A backup of the database before the import: %1"), (summary.backup,))
            )
        if summary.added or summary.changed:
            lines.append(self.tr("Edit → Undo undoes the whole import."))
        self.text.setText("\n\n".join(lines))


class ImportWizard(QWizard):
    """The import wizard; ``path`` starts it on a file (a dropped file, say)."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded: importing.LoadedFile | None = None
        self.detected: Layout | None = None
        self.sheet_name: str | None = None
        self.as_of: YearMonth | None = None
        self.fields: dict[int, str | None] | None = None
        self.summary: ImportSummary | None = None
        self.setWindowTitle(self.tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.summary_page = SummaryPage(self)
        for page in (
            self.file_page,
            self.sheet_page,
            self.columns_page,
            self.preview_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.preview_page.setCommitPage(True)
        self.resize(960, 600)
        if path is not None:
            self.file_page.path.setText(str(path))
