"""File → Export: the table on show (with its filter) or the whole database, to .xlsx or CSV,
and fill-in templates for the parks. Only wiring: the work is done by services.export and
services.templates, with a busy cursor while it runs; failures are explained in a message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from parktracker.domain.i18n_markers import fill
from parktracker.ui.pages.base import Page
from parktracker.ui.text import qt_tr, storage_error_text

if TYPE_CHECKING:
    from parktracker.ui.main_window import MainWindow


class ExportActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.current_table = QAction(self.tr("&Current Table…"), window)
        self.current_table.setObjectName("exportCurrentTable")
        self.current_table.triggered.connect(self.export_current_table)
        self.whole_database = QAction(self.tr("&Whole Database…"), window)
        self.whole_database.setObjectName("exportWholeDatabase")
        self.whole_database.triggered.connect(self.export_whole_database)
        self.templates = QAction(self.tr("Export &Template for Parks…"), window)
        self.templates.setObjectName("exportTemplates")
        self.templates.triggered.connect(self.export_templates)

    def add_to(self, file_menu: QMenu) -> None:
        self.menu = file_menu.addMenu(self.tr("&Export"))
        self.menu.setObjectName("exportMenu")
        self.menu.addActions([self.current_table, self.whole_database])
        file_menu.addAction(self.templates)

    def apply_icons(self) -> None:
        from parktracker.ui.icons import action_icon

        self.menu.setIcon(action_icon("export"))
        for action in (self.current_table, self.whole_database):
            action.setIcon(action_icon("export"))

    def update(self, page: Page) -> None:
        self.current_table.setEnabled(page.can_export())

    # ---------------------------------------------------------------- slots
    def _start_folder(self) -> Path:
        return self.window.database_path().parent

    def _ask_file(self, title: str, name: str, *, csv: bool) -> Path | None:
        xlsx_filter = self.tr("Excel workbook (*.xlsx)")
        csv_filter = self.tr("CSV, UTF-8 (*.csv)")
        filters = f"{xlsx_filter};;{csv_filter}" if csv else xlsx_filter
        chosen, selected = QFileDialog.getSaveFileName(
            self.window, title, str(self._start_folder() / name), filters
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if selected == csv_filter else ".xlsx"))
        return path

    def _run(self, work: Callable[[], Any]) -> Any | None:
        """Run ``work`` under a busy cursor; explain a failure and return None."""
        from parktracker.io.safe_file import ExportError
        from parktracker.storage.errors import StorageError

        bar = self.window.statusBar()
        bar.showMessage(self.tr("Exporting…"))
        bar.repaint()  # seen before the work starts (it runs on this thread)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return work()
        except ExportError as exc:
            QMessageBox.warning(self.window, self.tr("Not exported"), exc.render(qt_tr))
        except StorageError as exc:
            QMessageBox.warning(self.window, self.tr("Not exported"), storage_error_text(exc))
        finally:
            QGuiApplication.restoreOverrideCursor()
            bar.clearMessage()
        return None

    def _done(self, path: object) -> None:
        self.window.statusBar().showMessage(fill(self.tr("Exported to %1"), (path,)), 10000)

    def export_current_table(self) -> None:
        from parktracker.io.export_layout import SHEET_NAMES
        from parktracker.services.export import export_table

        request = self.window.current_page().export_request()
        if request is None:
            return
        sheet = qt_tr(SHEET_NAMES[request.kind])
        name = f"{sheet}-{dt.date.today().isoformat()}.xlsx"
        path = self._ask_file(self.tr("Export Current Table"), name, csv=True)
        if path is None:
            return
        db = self.window.session.db
        written = self._run(
            lambda: export_table(db, kind=request.kind, path=path, scope=request.scope, tr=qt_tr)
        )
        if written is not None:
            self._done(written)

    def export_whole_database(self) -> None:
        from parktracker.services.export import ExportScope, export_database

        name = f"{self.window.database_path().stem}-{dt.date.today().isoformat()}.xlsx"
        path = self._ask_file(self.tr("Export Whole Database"), name, csv=False)
        if path is None:
            return
        db = self.window.session.db
        written = self._run(lambda: export_database(db, path=path, scope=ExportScope(), tr=qt_tr))
        if written is not None:
            self._done(written)

    def export_templates(self) -> None:
        from parktracker.services.parks import list_parks
        from parktracker.services.templates import (
            default_month,
            export_template,
            export_templates,
            template_file_name,
        )
        from parktracker.ui.dialogs.template_dialog import TemplateDialog

        db = self.window.session.db
        parks = list_parks(db)
        dialog = TemplateDialog(parks, default_month(), self.window)
        if not dialog.exec():
            return
        month = dialog.chosen_month()
        park_id = dialog.park_id()
        park = next((p for p in parks if p.id == park_id), None)
        if park is not None and park.id is not None:
            start = str(self._start_folder() / template_file_name(park, month))
            chosen, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Save Template"),
                start,
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return
            path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
            one = park.id
            written = self._run(
                lambda: export_template(db, park_id=one, month=month, path=path, tr=qt_tr)
            )
        else:
            folder = QFileDialog.getExistingDirectory(
                self.window, self.tr("Folder for the Templates"), str(self._start_folder())
            )
            if not folder:
                return
            written = self._run(
                lambda: export_templates(db, month=month, folder=Path(folder), tr=qt_tr)
            )
            if written is not None:
                written = folder
        if written is not None:
            self._done(written)
