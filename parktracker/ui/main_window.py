"""The main window: a thin shell wiring the navigation, the pages, the menus and the status bar.

It holds no data logic: pages talk to services through the :class:`Session`; the menus
(:mod:`parktracker.ui.menus`) route Edit commands to the page that is showing; opening another
database or switching the language is handed to the application (signals below).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontMetrics
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.i18n import current_language
from parktracker.ui.menus import Menus
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session
from parktracker.ui.text import storage_error_text


class MainWindow(QMainWindow):
    open_requested = Signal(object)  # Path of a database to open instead
    new_requested = Signal(object)  # Path of a new database to create and open
    language_requested = Signal(str)  # "zh_CN" or "en"

    def __init__(self, session: Session, pages: list[Page], *, created: bool = False) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(fill(self.tr("ParkTracker — %1"), (session.db.path.name,)))
        self.setMinimumSize(960, 600)
        self.resize(1280, 720)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QLabel(central)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff4ce;color:#5c4400;padding:6px 12px;")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.nav = QListWidget(self.splitter)
        self.nav.setObjectName("navigation")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setMinimumWidth(170)
        self.nav.setMaximumWidth(260)
        self.nav.setStyleSheet(
            "#navigation{font-size:15px;border:none;background:#eef2f6;}"
            "#navigation::item{padding:10px 14px;}"
            "#navigation::item:selected{background:#1f4e79;color:white;}"
        )
        self.stack = QStackedWidget(self.splitter)
        self.pages = pages
        for page in pages:
            QListWidgetItem(page.title(), self.nav)
            self.stack.addWidget(page)
            page.count_changed.connect(self._update_count)
            page.actions_changed.connect(self._update_actions)
        # Wide enough for the longest page name in the current language (15px text + padding).
        font = self.nav.font()
        font.setPixelSize(15)
        metrics = QFontMetrics(font)
        nav_width = max(metrics.horizontalAdvance(p.title()) for p in pages) + 44
        self.nav.setMinimumWidth(max(170, nav_width))
        self.nav.setMaximumWidth(max(260, nav_width))
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([max(200, nav_width), 1080])
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._page_changed)

        self.menus = Menus(self)
        self._build_status_bar(created)
        session.saved.connect(self._saved)
        session.failed.connect(self._undo_failed)
        session.undo_stack.cleanChanged.connect(self._update_actions)
        self._show_banner()
        self.nav.setCurrentRow(0)

    # ---------------------------------------------------------------- pages
    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def show_page(self, page: Page) -> None:
        self.nav.setCurrentRow(self.pages.index(page))

    def page_of(self, kind: type[Page]) -> Page | None:
        return next((p for p in self.pages if isinstance(p, kind)), None)

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self._update_count()
        self._update_actions()

    def _update_actions(self, *_: object) -> None:
        self.menus.update(self.current_page())

    # ---------------------------------------------------------------- status bar and banner
    def _build_status_bar(self, created: bool) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(fill(self.tr("Database: %1"), (self.session.db.path,)), self)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label = QLabel(self)
        self.saved_label = QLabel(self)
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.saved_label)
        if created and not self.session.demo:
            self.saved_label.setText(self.tr("New database created with the eight parks."))

    def _update_count(self, *_: object) -> None:
        page = self.current_page()
        count = page.record_count()
        self.count_label.setText(
            "" if count is None else fill(self.tr("%1: %2 records"), (page.title(), count))
        )

    def _saved(self, when: object) -> None:
        text = when.strftime("%H:%M:%S") if hasattr(when, "strftime") else str(when)
        self.saved_label.setText(fill(self.tr("Saved at %1"), (text,)))
        self._update_actions()

    def _undo_failed(self, error: object) -> None:
        from PySide6.QtWidgets import QMessageBox

        from parktracker.storage.errors import StorageError

        text = storage_error_text(error) if isinstance(error, StorageError) else str(error)
        QMessageBox.warning(self, self.tr("Not saved"), text)

    def _show_banner(self) -> None:
        parts = []
        if self.session.demo:
            parts.append(
                self.tr(
                    "Sample data: this is a copy of the demo dataset; your own database is not touched."
                )
            )
        if self.session.readonly:
            parts.append(
                self.session.readonly_reason or self.tr("Read-only: changes cannot be saved.")
            )
        self.banner.setText("\n".join(parts))
        self.banner.setVisible(bool(parts))

    # ---------------------------------------------------------------- state
    def restore_settings(self, settings: QSettings) -> None:
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        for page in self.pages:
            state = settings.value(_page_key(page))
            if isinstance(state, dict):
                page.restore_state(state)
        row = settings.value("window/page", 0)
        try:
            self.nav.setCurrentRow(min(int(str(row)), len(self.pages) - 1))
        except ValueError:
            self.nav.setCurrentRow(0)

    def save_settings(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/page", self.nav.currentRow())
        for page in self.pages:
            settings.setValue(_page_key(page), page.save_state())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # Every change is already committed; only the window state is left to keep.
        self.save_settings(QSettings())
        super().closeEvent(event)

    def database_path(self) -> Path:
        return Path(self.session.db.path)


def _page_key(page: Page) -> str:
    """Column widths depend on the language the headers are in, so they are kept per language."""
    return f"pages/{current_language()}/{type(page).__name__}"
