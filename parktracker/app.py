"""Composition root of the GUI: QApplication, fonts, translators, database, services, window.

Kept lean on the path to the first paint: matplotlib, openpyxl and sqlite-utils are not
imported here (the stdlib sqlite3 opens the file; sqlite-utils loads on the first write).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from parktracker import __version__
from parktracker.i18n import normalize_language, set_language
from parktracker.resource_files import resource_path
from parktracker.services import app_log
from parktracker.ui import startup
from parktracker.ui.dialogs.lock_dialog import ask_open_read_only
from parktracker.ui.error_dialog import ErrorReporter
from parktracker.ui.main_window import MainWindow
from parktracker.ui.menus import remember_recent
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr, storage_error_text
from parktracker.ui.window_factory import build_window

if TYPE_CHECKING:
    from parktracker.services.workspace import OpenedDatabase
    from parktracker.storage.errors import StorageError

ORGANIZATION = "ParkTracker"
# Title bars and the taskbar at up to 2x scaling (a 64 px taskbar icon at 2x is 128 px). Not
# the 512 and 1024 px pictures: the window system is sent every size the icon has (on X11,
# 5 MB of pixels at show(), 35 ms before the first paint); the Start menu and the desktop's
# menus take the large icons installers and bundles carry. The 256 px one only on macOS, whose
# Dock draws a process started from Python with its window icon (128 pt at 2x); on X11 it
# alone costs the first paint ~2 ms.
WINDOW_ICON_SIZES = (16, 24, 32, 48, 64, 128)
DOCK_ICON_SIZES = (256,)
APPLICATION = "ParkTracker"


def _resource_dir(name: str) -> Path:
    return resource_path(name)


def english_plurals(app: QCoreApplication) -> QTranslator | None:
    """Install the plural forms of English ("1 chain leader", "2 chain leaders"). English is
    the source language, but Qt only fills %n in: the forms come from a translation file of
    numerus messages (parktracker_en.qm)."""
    translator = QTranslator(app)
    if not translator.load("parktracker_en", str(_resource_dir("translations"))):
        return None
    app.installTranslator(translator)
    return translator


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own (qtbase) and ParkTracker's translations for ``language``."""
    translators: list[QTranslator] = []
    if language == "en":
        translator = english_plurals(app)
        return [] if translator is None else [translator]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        ("qtbase_zh_CN", qt_dir),
        ("parktracker_zh_CN", str(_resource_dir("translations"))),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
            app_log.log.info("translation %s loaded from %s", name, folder)
        else:
            app_log.log.warning("translation %s not found in %s", name, folder)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return translators


def set_window_icon(app: QApplication) -> None:
    """The application icon: every window's title bar, the taskbar and the dock."""
    from PySide6.QtGui import QIcon

    icons = _resource_dir("icons")
    icon = QIcon()
    dock = DOCK_ICON_SIZES if sys.platform == "darwin" else ()
    for size in (*WINDOW_ICON_SIZES, *dock):
        png = icons / f"parktracker-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    if not icon.isNull():
        app.setWindowIcon(icon)
    if sys.platform.startswith("linux"):
        app.setDesktopFileName("cn.gov.qingdao.ParkTracker")  # matches the installed .desktop


def register_fonts() -> None:
    """Register the bundled CJK font (if shipped) so Chinese renders without system fonts."""
    from PySide6.QtGui import QFontDatabase

    fonts = _resource_dir("fonts")
    if fonts.is_dir():
        for path in sorted(fonts.glob("*.[ot]t[fc]")):
            QFontDatabase.addApplicationFont(str(path))


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
        self.location_warning: QMessageBox | None = None
        self._recovering = False  # reopening a restored file: no second offer to restore

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
                holder = None if readonly else workspace.lock_holder(target)
                # No read of the whole file before the window shows: the integrity check,
                # when due, runs in the background afterwards (_start_check).
                # What reads and writes the data folder (leftovers, the session record) waits
                # as well: settle() in _background_work.
                if holder is None:
                    opened = workspace.open_for_editing(
                        target, readonly=readonly, verify=False, defer=True
                    )
                elif ask_open_read_only(target, holder, self.window):
                    opened = workspace.open_read_only(
                        target, holder=holder, verify=False, defer=True
                    )
                else:
                    return False  # cancelled: whatever was open stays open
        except (StorageError, OSError) as exc:
            return self._refused(exc, demo=demo, readonly=readonly)
        self._close_current()
        self.opened = opened
        app_log.log.info(
            "opened %s (%s)",
            "a demo copy" if demo else opened.db.path,
            "read-only" if opened.db.readonly else "for editing",
        )
        reason = None
        if opened.readonly_reason is not None:
            reason = qt_tr(opened.readonly_reason, *opened.reason_args)
        elif opened.db.readonly:
            reason = ""
        self.session = Session(opened.db, readonly_reason=reason, demo=demo, parent=self)
        self._show(created=opened.created)
        if not demo:
            # Saving the settings writes their file (~1.5 ms): after the first page is drawn.
            # The Open Recent menu is filled when it opens.
            self.once_first_page_drawn(lambda: remember_recent(opened.db.path))
        self.location_warning = None
        if not demo and not self.session.readonly:
            # Once per file: a network drive or a synced folder endangers the database. Over
            # the drawn window (and its mount table read after the first paint).
            self.once_first_page_drawn(lambda: self._warn_about_location(opened))
        return True  # what opening leaves to do follows the first page: see _show

    def _warn_about_location(self, opened: OpenedDatabase) -> None:
        if self.opened is not opened or self.window is None:
            return  # another file is open by now
        from parktracker.ui.location_warning import warn_about_location

        self.location_warning = warn_about_location(opened.db.path, self.window)

    def once_first_page_drawn(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the window's first page is drawn with its content (at once
        if it already is)."""
        self._once_first_page(startup.when_drawn, callback)

    def once_first_page_complete(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the window's first page is complete: drawn, and for the
        dashboard with its charts (:func:`~parktracker.ui.startup.when_complete`); at once if
        the first page was shown already."""
        self._once_first_page(startup.when_complete, callback)

    def _once_first_page(
        self,
        wait: Callable[[QObject, Callable[[], None]], None],
        callback: Callable[[], None],
    ) -> None:
        window = self.window
        if window is not None and window.first_paint_pending:
            window.first_page_shown.connect(
                lambda page: wait(page, callback), Qt.ConnectionType.SingleShotConnection
            )
        else:
            callback()

    def _background_work(self, opened: OpenedDatabase) -> None:
        if self.opened is not opened or opened.settled:
            return  # another file is open by now, or this one's work has begun already
        opened.settle()
        self._start_daily_backup(opened)
        self._start_check(opened)

    def _refused(self, exc: StorageError | OSError, *, demo: bool, readonly: bool) -> bool:
        """Say why a file was not opened; offer what can still be done. Returns whether a file
        was opened after all."""
        from parktracker.services.backups import is_recoverable
        from parktracker.storage.errors import ForeignSchema, StorageError

        if isinstance(exc, ForeignSchema):  # changed outside ParkTracker: never edited
            from parktracker.ui.dialogs.tampered_dialog import ask_open_tampered_read_only

            if not demo and not readonly and ask_open_tampered_read_only(exc, self.window):
                return self.open(exc.path, readonly=True)
            return False
        if not demo and not self._recovering and is_recoverable(exc):
            assert isinstance(exc, StorageError)
            return self._offer_recovery(exc)  # damaged, foreign, too new: restore?
        text = storage_error_text(exc) if isinstance(exc, StorageError) else str(exc)
        QMessageBox.critical(self.window, self.app.translate("App", "ParkTracker"), text)
        return False

    def _show(self, *, created: bool = False) -> None:
        assert self.session is not None
        old = self.window
        self.window = build_window(self.session, created=created, lazy=True)
        self.window.restore_settings(QSettings())
        self.window.open_requested.connect(self.open)
        self.window.new_requested.connect(lambda p: self.open(p, create=True))
        self.window.language_requested.connect(self.set_language)
        self.window.menus.restore_requested.connect(self.restore)
        if self.window.welcome is not None:
            self.window.welcome.demo_requested.connect(self._open_demo)
        if old is not None:
            old.save_settings(QSettings())
            old.hide()
            old.deleteLater()
        if startup.bench_hook_wanted():
            self.window.installEventFilter(
                startup.FirstPaint(self.window, "first-paint", quit_after=False)
            )
            self.window.first_page_shown.connect(startup.watch_page_paint)
        self.window.show()
        opened = self.opened
        if opened is not None and not opened.settled:
            # What opening leaves to do (the data folder's records, the daily backup and the
            # integrity check, which read the whole file) waits until the first page is
            # complete (the dashboard's charts drawn), so it does not compete with it. All of
            # it at once: a window closed before leaves the file's record as it was, so a check
            # that was due is still due next time. A window replaced meanwhile (another
            # language) hands it on to the new one.
            self.once_first_page_complete(lambda: self._background_work(opened))

    def _open_demo(self) -> None:
        self.open(None, demo=True)

    def set_language(self, language: str) -> None:
        QSettings().setValue("ui/language", language)
        for translator in self.translators:
            self.app.removeTranslator(translator)
        set_language(language)
        self.translators = install_translators(self.app, language)
        self._show()

    def _close_current(self) -> None:
        if self.window is not None:
            if self.opened is not None and not self.opened.check_failed:
                self._keep_figures(self.window)
            self.window.save_settings(QSettings())
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        if self.opened is not None:
            app_log.log.info("closed %s", self.opened.db.path)
            self.opened.close()
            self.opened = None

    @staticmethod
    def _keep_figures(window: MainWindow) -> None:
        """What the pages keep in the file for the next start (the dashboard: its cards). Only
        a help for the next start: a file that cannot take it is closed all the same."""
        from parktracker.storage.errors import StorageError

        for page in window.pages_built():
            try:
                page.keep_for_next_start()
            except (StorageError, OSError) as exc:
                app_log.log.warning("the dashboard's figures were not kept: %s", exc)

    def shutdown(self) -> None:
        from parktracker.ui import backup_runner

        if self.window is not None:
            self.window.hide()
        # The background check and backup finish reading first: the dashboard's figures are
        # kept at close with a write, which cannot commit while they read.
        backup_runner.wait_all()
        self._close_current()

    # ---------------------------------------------------------------- backups
    def _start_daily_backup(self, opened: OpenedDatabase) -> None:
        """At most once a day, in the background (its own thread and connection)."""
        from parktracker.services.backups import Reason
        from parktracker.ui import backup_runner

        if not opened.backup_due:
            return
        self.daily_backup = backup_runner.start_backup(opened.db.path, Reason.DAILY)
        self.daily_backup.succeeded.connect(self._daily_backup_done)
        self.daily_backup.failed.connect(self._daily_backup_failed)

    def _daily_backup_done(self, path: object) -> None:
        from parktracker.domain.i18n_markers import fill

        if self.window is not None:
            text = fill(self.tr("Daily backup saved to %1"), (path,))
            self.window.statusBar().showMessage(text, 8000)

    def _daily_backup_failed(self, error: object) -> None:
        from parktracker.domain.i18n_markers import fill
        from parktracker.storage.errors import StorageError

        problem = storage_error_text(error) if isinstance(error, StorageError) else str(error)
        if self.window is not None:
            text = fill(self.tr("The daily backup failed: %1"), (problem,))
            self.window.statusBar().showMessage(text, 30000)

    # ---------------------------------------------------------------- integrity check
    def _start_check(self, opened: OpenedDatabase) -> None:
        """SQLite's full integrity check, when one is due, in the background (its own thread
        and read-only connection) once the first page is drawn; damage found gets the same
        dialog and recovery offer as a file refused at open."""
        from parktracker.ui import check_runner

        if opened.check_reason is None:
            return
        if self.opened is not opened or getattr(self, "_checking", None) is opened:
            return
        self._checking = opened
        app_log.log.info("integrity check due (%s): %s", opened.check_reason, opened.db.path)
        self.integrity_check = check_runner.start_check(opened.db.path)
        self.integrity_check.succeeded.connect(lambda found: self._check_done(opened, found))
        self.integrity_check.failed.connect(
            lambda exc: app_log.log.warning("integrity check not run: %s", exc)
        )

    def _check_done(self, opened: OpenedDatabase, damage: object) -> None:
        from parktracker.services import file_check
        from parktracker.storage.errors import DatabaseDamaged

        if self.opened is not opened:
            return  # another file is open by now: the result is not about it
        if damage is None:
            file_check.record_result(db=opened.db, damage=None)
            app_log.log.info("integrity check ok: %s", opened.db.path)
            return
        assert isinstance(damage, DatabaseDamaged)
        app_log.log.error("integrity check failed: %s", damage)
        opened.check_failed = True  # the next open checks again
        if not self._recovering:
            self._offer_recovery(damage)

    def _offer_recovery(self, error: StorageError) -> bool:
        """Say what is wrong with the file; offer the newest good backup or another file."""
        from PySide6.QtWidgets import QFileDialog

        from parktracker.services.backups import newest_good_backup
        from parktracker.ui.dialogs.restore_dialog import RecoveryPrompt

        newest = newest_good_backup(error.path)
        prompt = RecoveryPrompt(self.window, storage_error_text(error), newest)
        prompt.exec()
        choice = prompt.choice()
        if choice == RecoveryPrompt.RESTORE and newest is not None:
            return self.restore(newest.path, error.path)
        if choice == RecoveryPrompt.OPEN_OTHER:
            name, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Open Database"),
                str(error.path.parent),
                self.tr("ParkTracker databases (*.db);;All files (*)"),
            )
            if name:
                return self.open(Path(name))
        return False

    def restore(self, backup: object, target: Path | None = None) -> bool:
        """Restore ``backup`` over ``target`` (default: the open database) and open it.

        The open database is closed first, so this session never writes to a replaced file;
        the current state is backed up (or kept, if damaged) before it is replaced."""
        from parktracker.domain.i18n_markers import fill
        from parktracker.services.backups import restore_backup
        from parktracker.storage.errors import StorageError
        from parktracker.ui import backup_runner

        current = Path(self.opened.db.path) if self.opened is not None else None
        path = Path(target) if target is not None else current
        if path is None:
            return False
        replacing_open_file = current is not None and current.resolve() == path.resolve()
        backup_runner.wait_all()  # no background backup may be reading the file
        if replacing_open_file:
            self._close_current()
        # A second or so on a large file (backing up the current state, checking, replacing):
        # the busy cursor says the click was taken.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            kept = restore_backup(path, Path(str(backup)))
        except (StorageError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            problem = storage_error_text(exc) if isinstance(exc, StorageError) else str(exc)
            text = fill(self.tr("The backup was not restored: %1"), (problem,))
            QMessageBox.critical(self.window, self.app.translate("App", "ParkTracker"), text)
            if replacing_open_file:
                self.open(path)
            return False
        except BaseException:
            QApplication.restoreOverrideCursor()
            raise
        QApplication.restoreOverrideCursor()
        self._recovering = True
        try:
            reopened = self.open(path)
        finally:
            self._recovering = False
        if reopened and self.window is not None:
            text = fill(
                self.tr("Restored %1. The previous state was kept in %2."),
                (Path(str(backup)).name, kept if kept is not None else "—"),
            )
            self.window.statusBar().showMessage(text, 20000)
        return reopened


def start_logging(app: QApplication, *, debug: bool) -> ErrorReporter:
    """The hooks that log and show unexpected errors, and the log: held in memory until
    :func:`open_log` opens the file (once the first page is drawn)."""
    from PySide6 import __version__ as pyside_version

    app_log.hold(debug=debug)
    app_log.log.info(
        "ParkTracker %s starting (Python %s, PySide6 %s, %s)",
        __version__,
        sys.version.split()[0],
        pyside_version,
        _system(),
    )
    reporter = ErrorReporter(app, app_log.log_dir)
    reporter.install()
    return reporter


def _system() -> str:
    """The system, its release and the machine, e.g. "Linux 6.1.0 x86_64". Not
    platform.platform(): it reads the interpreter's binary for the C library's version; not
    the platform module at all where os.uname() says the same (it compiles a dozen patterns)."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        info = uname()
        return f"{info.sysname} {info.release} {info.machine}"
    import platform

    return f"{platform.system()} {platform.release()} {platform.machine()}"


def open_log(*, debug: bool) -> None:
    """Write the log into its file from now on (with what was held until now)."""
    if app_log.held():
        app_log.configure(debug=debug)


def run_gui(
    *,
    db_path: Path | None,
    demo: bool,
    language: str | None,
    readonly: bool = False,
    debug: bool = False,
    smoke: Path | None = None,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    if smoke is not None:  # a demo copy, with settings kept in a temporary folder
        import tempfile

        from parktracker.ui.smoke import isolate_settings

        isolate_settings(Path(tempfile.mkdtemp(prefix="parktracker-smoke-")))
        demo = True
    set_window_icon(app)
    chosen = normalize_language(language or str(QSettings().value("ui/language", "zh_CN")))
    set_language(chosen)
    reporter = start_logging(app, debug=debug)
    controller = Controller(app)
    controller.translators = install_translators(app, chosen)
    register_fonts()
    try:
        opened = controller.open(db_path, demo=demo, readonly=readonly)
    except BaseException:
        gc.enable()
        open_log(debug=debug)
        raise
    if not opened:
        gc.enable()
        open_log(debug=debug)
        return 2
    controller.once_first_page_drawn(gc.enable)
    controller.once_first_page_drawn(lambda: open_log(debug=debug))
    shot = None
    if smoke is not None and controller.window is not None:
        from parktracker.ui.smoke import SmokeShot

        shot = SmokeShot(controller.window, smoke)
    code = app.exec()
    gc.enable()  # closed before its first page was drawn: on again for the shutdown
    if shot is not None:
        code = shot.exit_code
    open_log(debug=debug)  # closed before its first page was drawn
    controller.shutdown()
    reporter.uninstall()
    app_log.log.info("ParkTracker closed")
    return int(code)
