"""File → Generate Briefing… (生成通报): pick the month, read the briefing, edit the free
paragraphs (one per park and the closing one), then save it as .docx or PDF, or print it.

The figures and sentences come from services.briefing; this dialog only shows them. A notice
above the text says which figures of a month already briefed have changed since.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.briefing import Block, BriefingFigures
from parktracker.domain.i18n_markers import fill
from parktracker.domain.periods import YearMonth
from parktracker.services.handles import Database
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.month_field import MonthField

PREVIEW_DPI = 96  # the charts in the dialog: 16 cm wide, about 600 px

_STYLE = {
    "title": "font-size: 20pt; font-weight: bold;",
    "heading1": "font-size: 13pt; font-weight: bold;",
    "heading2": "font-size: 12pt; font-weight: bold;",
    "paragraph": "font-size: 12pt;",
    "caption": "font-size: 10pt; color: #555;",
}


class BriefingDialog(QDialog):
    def __init__(
        self, db: Database, month: YearMonth, *, record: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.record = record
        self.facts: BriefingFigures | None = None
        self.saved_path: Path | None = None
        self.blocks: list[Block] = []
        self.editors: dict[str, QPlainTextEdit] = {}
        self._preview: dict[str, bytes] = {}
        self._preview_month: YearMonth | None = None
        self.setWindowTitle(self.tr("Generate Briefing"))
        self.resize(900, 680)

        self.month_edit = MonthField(self)
        self.month_edit.set_month(month)
        self.month_edit.setObjectName("briefingMonth")
        self.month_edit.dateChanged.connect(self._month_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:"), self))
        top.addWidget(self.month_edit)
        top.addStretch(1)

        self.notice = QLabel(self)
        self.notice.setObjectName("briefingNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #9a3412; background: #fff7ed; padding: 6px;")
        self.notice.hide()

        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)

        buttons = self._button_row()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.load(month)

    def _button_row(self) -> QHBoxLayout:
        self.save_docx = QPushButton(self.tr("Save as &Word…"), self)
        self.save_pdf = QPushButton(self.tr("Save as &PDF…"), self)
        self.preview_button = QPushButton(self.tr("Print Pre&view…"), self)
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.save_docx.clicked.connect(lambda: self._save("docx"))
        self.save_pdf.clicked.connect(lambda: self._save("pdf"))
        self.preview_button.clicked.connect(self._print_preview)
        self.print_button.clicked.connect(self._print)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.save_docx, self.save_pdf, self.preview_button, self.print_button):
            buttons.addWidget(button)
        for button in (
            self.save_docx,
            self.save_pdf,
            self.preview_button,
            self.print_button,
            close,
        ):
            # No default button: Enter in the month field loads that month, nothing more.
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    # ---------------------------------------------------------------- content
    def month(self) -> YearMonth:
        chosen = self.month_edit.month()
        assert chosen is not None  # set from the start, and only ever replaced by a month
        return chosen

    def _month_changed(self, _date: QDate) -> None:
        self.load(self.month())

    def load(self, month: YearMonth) -> None:
        """Gather the month's figures and show the briefing (edits of another month are
        dropped: its paragraphs say other things)."""
        from parktracker.services import briefing

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.facts = briefing.figures(self.db, month=month, tr=qt_tr)
            self.blocks = briefing.outline(self.facts, tr=qt_tr)
            notices = briefing.notices(self.db, month=month, tr=qt_tr)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        self._show_blocks()

    def _show_blocks(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the dialog now, not at the next event loop
                widget.deleteLater()
        self.editors = {}
        for block in self.blocks:
            if block.key is not None:
                editor = QPlainTextEdit(block.text, self.body)
                editor.setObjectName(f"edit:{block.key}")
                editor.setFixedHeight(80)
                editor.setStyleSheet("font-size: 12pt;")
                self.editors[block.key] = editor
                self.body_layout.addWidget(editor)
            elif block.kind == "table":
                self.body_layout.addWidget(self._table(block))
            elif block.kind == "chart":
                self.body_layout.addWidget(self._chart(block.chart or ""))
            else:
                label = QLabel(block.text, self.body)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setStyleSheet(_STYLE.get(block.kind, ""))
                if block.kind in ("title", "caption"):
                    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                self.body_layout.addWidget(label)
        self.body_layout.addStretch(1)

    def _chart(self, name: str) -> QLabel:
        """The chart as it goes into the file (drawn at screen resolution), centred."""
        label = QLabel(self.body)
        label.setObjectName(f"chart:{name}")
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        data = self._preview_images().get(name)
        pixmap = QPixmap()
        if data is None or not pixmap.loadFromData(data, "PNG"):
            label.setText(self.tr("(chart not available)"))
            return label
        label.setPixmap(pixmap)
        return label

    def _preview_images(self) -> dict[str, bytes]:
        """The month's charts at screen resolution, drawn once per month shown."""
        month = self.month()
        if self._preview_month != month:
            from parktracker.services import briefing

            self._preview = briefing.chart_images(self.db, month=month, tr=qt_tr, dpi=PREVIEW_DPI)
            self._preview_month = month
        return self._preview

    def _table(self, block: Block) -> QTableWidget:
        header, *rows = block.rows
        table = QTableWidget(len(rows), len(header), self.body)
        table.setHorizontalHeaderLabels(list(header))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        table.setMinimumHeight(min(60 + 30 * len(rows), 320))
        return table

    def edited(self) -> dict[str, str]:
        """The free paragraphs as the officer left them."""
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def current_blocks(self) -> list[Block]:
        from parktracker.services import briefing

        assert self.facts is not None
        return briefing.outline(self.facts, tr=qt_tr, edited=self.edited())

    # ---------------------------------------------------------------- output
    def _save(self, fmt: str) -> None:
        month = self.month()
        name = fill(self.tr("Briefing %1"), (str(month),)) + f".{fmt}"
        file_filter = (
            self.tr("Word document (*.docx)") if fmt == "docx" else self.tr("PDF document (*.pdf)")
        )
        start = str(Path(self.db.path).parent / name)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save Briefing"), start, file_filter)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        self.save_to(path)

    def save_to(self, path: Path) -> Path | None:
        """Write the briefing with the edits to ``path`` and record it; explain a failure."""
        from parktracker.io.safe_file import ExportError
        from parktracker.services import briefing
        from parktracker.storage.errors import StorageError

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = briefing.write_briefing(
                self.db,
                month=self.month(),
                path=path,
                tr=qt_tr,
                edited=self.edited(),
                record=self.record,
                facts=self.facts,
            )
        except ExportError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Briefing not saved"), exc.render(qt_tr))
            return None
        except StorageError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Briefing not saved"), exc.render(qt_tr))
            return None
        QGuiApplication.restoreOverrideCursor()
        self.saved_path = written
        self.notice.setText(fill(self.tr("Saved to %1"), (written,)))
        self.notice.show()
        return written

    def _print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from parktracker.ui.briefing_print import new_printer, print_blocks

        printer = new_printer()
        preview = QPrintPreviewDialog(printer, self)
        images = self._images()
        preview.paintRequested.connect(lambda p: print_blocks(self.current_blocks(), images, p))
        preview.exec()

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        from parktracker.ui.briefing_print import new_printer, print_blocks

        printer = new_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_blocks(self.current_blocks(), self._images(), printer)

    def _images(self) -> dict[str, bytes]:
        from parktracker.services import briefing

        return briefing.chart_images(self.db, month=self.month(), tr=qt_tr)


def default_month(db: Database) -> YearMonth:
    from parktracker.services import briefing

    return briefing.default_month(db)


__all__ = ["BriefingDialog", "default_month"]
