"""Composition root of the GUI: QApplication, fonts, translators, database, services, window.

Kept lean on the path to the first paint: matplotlib, openpyxl and sqlite-utils are not
imported here (the stdlib sqlite3 opens the file; sqlite-utils loads on the first write).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from parktracker import __version__
from parktracker.i18n import normalize_language, set_language
from parktracker.ui.main_window import MainWindow
from parktracker.ui.menus import remember_recent
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr, storage_error_text
from parktracker.ui.window_factory import build_window

if TYPE_CHECKING:
    from parktracker.services.workspace import OpenedDatabase

ORGANIZATION = "ParkTracker"
APPLICATION = "ParkTracker"
BENCH_ENV = "PARKTRACKER_BENCH_FIRST_PAINT"
# Imported only when first needed (charts, Excel, writes), never on the way to the first paint.
HEAVY_MODULES = ("matplotlib", "numpy", "openpyxl", "sqlite_utils")


def _resource_dir(name: str) -> Path:
    from importlib import resources

    return Path(str(resources.files("parktracker.resources").joinpath(name)))


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own (qtbase) and ParkTracker's translations for ``language``."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        ("qtbase_zh_CN", qt_dir),
        ("parktracker_zh_CN", str(_resource_dir("translations"))),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return translators


def register_fonts() -> None:
    """Register the bundled CJK font (if shipped) so Chinese renders without system fonts."""
    from PySide6.QtGui import QFontDatabase

    fonts = _resource_dir("fonts")
    if fonts.is_dir():
        for path in sorted(fonts.glob("*.[ot]t[fc]")):
            QFontDatabase.addApplicationFont(str(path))


class _FirstPaint(QObject):
    """Benchmark hook: print the wall-clock time of the window's first paint, then quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            heavy = ",".join(m for m in HEAVY_MODULES if m in sys.modules) or "none"
            print(f"first-paint {time.time():.6f} heavy-modules={heavy}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


class Controller(QObject):
    """Owns the open database, its session and the window; reopens or rebuilds them when the
    user opens another file or switches the language (the undo history survives a switch)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.translators: list[QTranslator] = []
        self.opened: OpenedDatabase | None = None
        self.session: Session | None = None
        self.window: MainWindow | None = None

    def open(
        self, path: Path | None, *, demo: bool = False, create: bool = False, readonly: bool = False
    ) -> bool:
        """Open ``path`` (or the default database, or a demo copy); False if refused."""
        from parktracker.services import workspace
        from parktracker.storage.errors import DatabaseExists, StorageError

        try:
            if demo:
                opened = workspace.OpenedDatabase(workspace.demo_copy(), True, None)
            else:
                target = path or workspace.default_database_path()
                if create and target.exists():
                    # Never replace a file from "New Database": it may hold someone's data.
                    raise DatabaseExists(target)
                opened = workspace.open_for_editing(target, readonly=readonly)
        except (StorageError, OSError) as exc:
            text = storage_error_text(exc) if isinstance(exc, StorageError) else str(exc)
            QMessageBox.critical(self.window, self.app.translate("App", "ParkTracker"), text)
            return False
        self._close_current()
        self.opened = opened
        reason = None
        if opened.readonly_reason is not None:
            reason = qt_tr(opened.readonly_reason, *opened.reason_args)
        elif opened.db.readonly:
            reason = ""
        self.session = Session(opened.db, readonly_reason=reason, demo=demo, parent=self)
        if not demo:
            remember_recent(opened.db.path)
        self._show(created=opened.created)
        return True

    def _show(self, *, created: bool = False) -> None:
        assert self.session is not None
        old = self.window
        self.window = build_window(self.session, created=created, lazy=True)
        self.window.restore_settings(QSettings())
        self.window.open_requested.connect(self.open)
        self.window.new_requested.connect(lambda p: self.open(p, create=True))
        self.window.language_requested.connect(self.set_language)
        if old is not None:
            old.save_settings(QSettings())
            old.hide()
            old.deleteLater()
        if os.environ.get(BENCH_ENV):
            self.window.installEventFilter(_FirstPaint(self.window))
        self.window.show()

    def set_language(self, language: str) -> None:
        QSettings().setValue("ui/language", language)
        for translator in self.translators:
            self.app.removeTranslator(translator)
        set_language(language)
        self.translators = install_translators(self.app, language)
        self._show()

    def _close_current(self) -> None:
        if self.window is not None:
            self.window.save_settings(QSettings())
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        if self.opened is not None:
            self.opened.close()
            self.opened = None

    def shutdown(self) -> None:
        self._close_current()


def run_gui(
    *, db_path: Path | None, demo: bool, language: str | None, readonly: bool = False
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    chosen = normalize_language(language or str(QSettings().value("ui/language", "zh_CN")))
    set_language(chosen)
    controller = Controller(app)
    controller.translators = install_translators(app, chosen)
    register_fonts()
    if not controller.open(db_path, demo=demo, readonly=readonly):
        return 2
    code = app.exec()
    controller.shutdown()
    return int(code)
