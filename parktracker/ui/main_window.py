"""The main window: a thin shell wiring the navigation, the pages, the menus and the status bar.

It holds no data logic: pages talk to services through the :class:`Session`; the menus
(:mod:`parktracker.ui.menus`) route Edit commands to the page that is showing; opening another
database or switching the language is handed to the application (signals below).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QMimeData, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFontMetrics, QPaintEvent
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

from parktracker.domain.i18n_markers import Text, fill
from parktracker.i18n import current_language
from parktracker.ui.menus import Menus
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session
from parktracker.ui.startup import when_complete, when_drawn
from parktracker.ui.text import qt_tr, storage_error_text
from parktracker.ui.widgets.hover_select import select_on_hover

if TYPE_CHECKING:
    from parktracker.ui.welcome import WelcomePanel


class MainWindow(QMainWindow):
    open_requested = Signal(object)  # Path of a database to open instead
    new_requested = Signal(object)  # Path of a new database to create and open
    language_requested = Signal(str)  # "zh_CN" or "en"
    first_page_shown = Signal(object)  # the Page shown first (lazy windows: after the first paint)
    welcome: WelcomePanel | None = None  # attached by window_factory.build_window

    def __init__(
        self,
        session: Session,
        specs: Sequence[PageSpecLike],
        *,
        created: bool = False,
        lazy: bool = False,
    ) -> None:
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
        self._specs = list(specs)
        self._built: dict[int, Page] = {}
        self._pending_states: dict[str, dict[str, object]] = {}
        titles = [qt_tr(spec.title) for spec in self._specs]
        for title in titles:
            QListWidgetItem(title, self.nav)
            self.stack.addWidget(QWidget(self.stack))  # replaced by the page when it is built
        # Wide enough for the longest page name in the current language (15px text + padding).
        font = self.nav.font()
        font.setPixelSize(15)
        metrics = QFontMetrics(font)
        nav_width = max(metrics.horizontalAdvance(t) for t in titles) + 44
        self.nav.setMinimumWidth(max(170, nav_width))
        self.nav.setMaximumWidth(max(260, nav_width))
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([max(200, nav_width), 1080])
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._page_changed)

        self.menus = Menus(self, titles)
        self._build_status_bar(created)
        session.saved.connect(self._saved)
        session.failed.connect(self._undo_failed)
        session.undo_stack.cleanChanged.connect(self._update_actions)
        self._show_banner()
        self._lazy = lazy
        if not lazy:
            self._build_now()
        self.nav.setCurrentRow(0)

    # ---------------------------------------------------------------- pages
    @property
    def pages(self) -> list[Page]:
        """Every page, in navigation order (building those not built yet)."""
        self.build_all_pages()
        return [self._built[i] for i in range(len(self._specs))]

    def page_at(self, index: int) -> Page:
        """The page at ``index``, built now if it was not yet."""
        page = self._built.get(index)
        if page is None:
            page = self._specs[index].build(self.session)
            placeholder = self.stack.widget(index)
            assert placeholder is not None
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._built[index] = page
            page.count_changed.connect(self._update_count)
            page.actions_changed.connect(self._update_actions)
            state = self._pending_states.pop(type(page).__name__, None)
            if state is not None:
                page.restore_state(state)
            self.menus.add_page_actions(page)
        return page

    def _build_now(self) -> None:
        """A window not shown lazily: its menus' icons and every page at once."""
        self.menus.apply_icons()
        self.build_all_pages()

    def build_all_pages(self) -> None:
        for index in range(len(self._specs)):
            self.page_at(index)

    def current_page(self) -> Page:
        return self.page_at(max(self.stack.currentIndex(), 0))

    def show_page(self, page: Page) -> None:
        index = next(i for i, p in self._built.items() if p is page)
        self.nav.setCurrentRow(index)

    def page_of(self, kind: type[Page]) -> Page | None:
        for index, spec in enumerate(self._specs):
            if spec.class_name == kind.__name__:
                page = self.page_at(index)
                return page if isinstance(page, kind) else None
        return None

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        if self._lazy:
            return  # not painted yet: the page is built right after the first paint
        self.page_at(row)
        self.stack.setCurrentIndex(row)
        self._update_count()
        self._update_actions()

    def pages_built(self) -> list[Page]:
        return list(self._built.values())

    @property
    def first_paint_pending(self) -> bool:
        """A lazy window not painted yet (its first page is built after the first paint)."""
        return self._lazy

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self._lazy:
            # The window is on screen (navigation, menus, status bar): now build the page it
            # shows (the others are built when chosen).
            self._lazy = False
            QTimer.singleShot(0, self._show_first_page)

    def _show_first_page(self) -> None:
        if not self.isVisible():  # closed, or replaced, before it got this far
            return
        self._page_changed(max(self.nav.currentRow(), 0))
        page = self.current_page()
        self.first_page_shown.emit(page)
        when_drawn(page, self.menus.apply_icons)
        when_complete(page, self._build_pages_ahead)

    def _build_pages_ahead(self) -> None:
        """Once the first page is complete (the dashboard: with its charts; pages built while
        it drew held its charts back), build the pages marked ``ahead``. The others are built
        when first chosen: built in idle time they held about 5 MB on 100,000 projects, shown
        or not, and built when chosen their first showing takes 20-80 ms more there (their
        figures are loaded when they show in either case)."""
        if not self.isVisible():  # closed, or replaced (another file, another language)
            return
        for index, spec in enumerate(self._specs):
            if spec.ahead:
                self.page_at(index)

    def _update_actions(self, *_: object) -> None:
        self.menus.update(self.current_page())

    # ---------------------------------------------------------------- status bar and banner
    def _build_status_bar(self, created: bool) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(fill(self.tr("Database: %1"), (self.session.db.path,)), self)
        self.db_label_select = select_on_hover(self.db_label, self.db_label)
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
            "" if count is None else fill(self.tr("%1: %n record(s)", None, count), (page.title(),))
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
    def _place_first_time(self) -> None:
        from parktracker.ui.window_placement import first_geometry

        screen = self.screen()
        geometry = None if screen is None else first_geometry(screen.availableGeometry())
        if geometry is not None:
            self.setGeometry(geometry)

    def restore_settings(self, settings: QSettings) -> None:
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._place_first_time()
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        for index, spec in enumerate(self._specs):
            state = settings.value(_page_key(spec.class_name))
            if isinstance(state, dict):
                if index in self._built:
                    self._built[index].restore_state(state)
                else:
                    self._pending_states[spec.class_name] = state
        row = settings.value("window/page", 0)
        try:
            self.nav.setCurrentRow(min(int(str(row)), len(self._specs) - 1))
        except ValueError:
            self.nav.setCurrentRow(0)

    def save_settings(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/page", self.nav.currentRow())
        for page in self._built.values():
            settings.setValue(_page_key(type(page).__name__), page.save_state())
        for name, state in self._pending_states.items():
            settings.setValue(_page_key(name), state)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        path = _dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.menus.start_import(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # Every change is already committed; only the window state is left to keep.
        self.save_settings(QSettings())
        super().closeEvent(event)

    def database_path(self) -> Path:
        return Path(self.session.db.path)


def _dropped_file(mime: QMimeData) -> Path | None:
    """The one local file a drag carries, or None."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) == 1 and urls[0].isLocalFile():
        return Path(urls[0].toLocalFile())
    return None


def _page_key(class_name: str) -> str:
    """Column widths depend on the language the headers are in, so they are kept per language."""
    return f"pages/{current_language()}/{class_name}"


class PageSpecLike(Protocol):
    @property
    def title(self) -> Text: ...

    @property
    def class_name(self) -> str: ...

    @property
    def ahead(self) -> bool: ...

    def build(self, session: Session) -> Page: ...
