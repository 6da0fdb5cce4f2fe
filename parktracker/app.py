"""Composition root of the GUI: QApplication, fonts, translators, database, services, window.

Kept lean on the path to the first paint: matplotlib, openpyxl and sqlite-utils are not
imported here (the stdlib sqlite3 opens the file; sqlite-utils loads on the first write).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from parktracker import __version__
from parktracker.i18n import normalize_language, set_language

ORGANIZATION = "ParkTracker"
APPLICATION = "ParkTracker"
BENCH_ENV = "PARKTRACKER_BENCH_FIRST_PAINT"


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
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def run_gui(*, db_path: Path | None, demo: bool, language: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    settings = QSettings()
    chosen = normalize_language(language or str(settings.value("ui/language", "zh_CN")))
    set_language(chosen)
    install_translators(app, chosen)
    register_fonts()

    from parktracker.services import workspace
    from parktracker.storage.errors import StorageError
    from parktracker.ui.main_window import MainWindow
    from parktracker.ui.text import storage_error_text

    try:
        if demo:
            db, created = workspace.demo_copy(), True
        else:
            db, created = workspace.open_or_create(db_path or workspace.default_database_path())
    except StorageError as exc:
        QMessageBox.critical(None, app.translate("App", "ParkTracker"), storage_error_text(exc))
        return 2
    window = MainWindow(db, created=created, demo=demo)
    if os.environ.get(BENCH_ENV):
        hook = _FirstPaint(window)
        window.installEventFilter(hook)
    window.show()
    code = app.exec()
    db.close()
    return int(code)
