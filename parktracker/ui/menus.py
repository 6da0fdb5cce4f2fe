"""The main window's menus and shortcuts. Edit commands go to the page that is showing.

Shortcuts: Ctrl+N adds a record on the current page (the everyday "new"); a new database file
is Ctrl+Shift+N. Ctrl+O opens, Ctrl+Z/Ctrl+Y undo and redo, F2 or Enter edits, Delete deletes,
Ctrl+F finds, Ctrl+1…6 switch pages, Esc cancels a form.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from parktracker.domain.i18n_markers import fill
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import WAN_PLACES_CHOICES, YI_PLACES_CHOICES, NumberFormat
from parktracker.i18n import current_language
from parktracker.ui import number_display
from parktracker.ui.export_actions import ExportActions
from parktracker.ui.icons import apply_icons
from parktracker.ui.pages.base import Page
from parktracker.ui.text import storage_error_text

if TYPE_CHECKING:
    from parktracker.ui.main_window import MainWindow

RECENT_KEY = "files/recent"
MAX_RECENT = 8


def remember_recent(path: Path) -> None:
    recent = [str(p) for p in recent_files() if str(p) != str(path)]
    QSettings().setValue(RECENT_KEY, [str(path), *recent][:MAX_RECENT])


def recent_files() -> list[Path]:
    """The files opened last, newest first. A list of one comes back from the settings file as
    a plain string, and is read as one path, not as its characters."""
    value = QSettings().value(RECENT_KEY) or []
    items = value if isinstance(value, list) else [value]
    return [Path(str(p)) for p in items if p]


class Menus(QObject):
    restore_requested = Signal(object)  # Path of a confirmed backup: the application restores it
    welcome_requested = Signal()  # Help → Welcome: the window shows its welcome panel again

    def __init__(self, window: MainWindow, titles: list[str]) -> None:
        super().__init__(window)
        self.window = window
        self.titles = titles
        bar = window.menuBar()
        db_filter = self.tr("ParkTracker databases (*.db);;All files (*)")
        self.db_filter = db_filter
        self._build_file_menu(bar.addMenu(self.tr("&File")))
        self._build_edit_menu(bar.addMenu(self.tr("&Edit")))
        self._build_view_menu(bar.addMenu(self.tr("&View")))
        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide = self._action(
            self.tr("User &Guide"), QKeySequence.StandardKey.HelpContents, self._guide
        )
        self.welcome = self._action(self.tr("&Welcome"), None, self.welcome_requested)
        self.open_logs = self._action(self.tr("Open &Log Folder"), None, self._open_logs)
        self.about = self._action(self.tr("&About ParkTracker"), None, self._about)
        help_menu.addActions([self.guide, self.welcome])
        help_menu.addSeparator()
        help_menu.addActions([self.open_logs, self.about])
        # Until a page is shown there is nothing to add to, edit or delete.
        for action in (self.undo, self.redo, self.add, self.edit, self.delete):
            action.setEnabled(False)

    def apply_icons(self) -> None:
        """One bundled SVG set for every menu (ui/icons.py). A window shown lazily gives its
        menus their icons once its first page is drawn: the first icon loads Qt's SVG icon
        engine (~2 ms), and no menu can be open before then."""
        apply_icons(self)
        self.exports.apply_icons()

    def _build_file_menu(self, file_menu: QMenu) -> None:
        window = self.window
        self.new_db = self._action(self.tr("&New Database…"), "Ctrl+Shift+N", self._new_database)
        self.open_db = self._action(self.tr("&Open…"), QKeySequence.StandardKey.Open, self._open)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_copy = self._action(self.tr("Save a &Copy…"), "Ctrl+Shift+S", self._save_copy)
        self.import_file = self._action(self.tr("&Import…"), "Ctrl+I", self.start_import)
        self.import_file.setEnabled(not window.session.readonly)
        window.setAcceptDrops(not window.session.readonly)  # a dropped file starts the import
        self.back_up = self._action(self.tr("&Back Up Now"), None, self._back_up_now)
        self.restore_backup = self._action(
            self.tr("Res&tore from Backup…"), None, self._restore_from_backup
        )
        # Restoring replaces the file: not from a read-only window, nor over a demo copy.
        self.restore_backup.setEnabled(not window.session.readonly and not window.session.demo)
        self.quit = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, window.close)
        file_menu.addActions([self.new_db, self.open_db])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_file)
        file_menu.addSeparator()
        file_menu.addAction(self.save_copy)
        self.exports = ExportActions(window)
        self.exports.add_to(file_menu)
        self.export_templates = self.exports.templates
        self.briefing = self._action(self.tr("&Generate Briefing…"), "Ctrl+B", self._briefing)
        self.briefing.setObjectName("generateBriefing")
        file_menu.addAction(self.briefing)
        file_menu.addSeparator()
        self.print_action = self._action(
            self.tr("&Print…"), QKeySequence.StandardKey.Print, self._print
        )
        self.print_preview = self._action(self.tr("Print Pre&view…"), None, self._print_preview)
        file_menu.addActions([self.print_action, self.print_preview])
        file_menu.addSeparator()
        file_menu.addActions([self.back_up, self.restore_backup])
        file_menu.addSeparator()
        self.show_data_folder = self._action(
            self.tr("Show &Data Folder"), None, self._show_data_folder
        )
        file_menu.addAction(self.show_data_folder)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

    def _build_edit_menu(self, edit_menu: QMenu) -> None:
        window = self.window
        session = window.session
        self.undo = self._action(self.tr("&Undo"), QKeySequence.StandardKey.Undo, session.undo)
        self.redo = self._action(self.tr("&Redo"), QKeySequence.StandardKey.Redo, session.redo)
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.add = self._action(self.tr("&Add…"), QKeySequence.StandardKey.New, self._page_add)
        self.edit = self._action(self.tr("&Edit…"), "F2", self._page_edit)
        self.delete = self._action(
            self.tr("&Delete"), QKeySequence.StandardKey.Delete, self._page_delete
        )
        self.find = self._action(self.tr("&Find"), QKeySequence.StandardKey.Find, self._page_find)
        self.history = self._action(self.tr("&History…"), "Ctrl+H", self.show_history)
        self.history.setObjectName("historyAction")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add, self.edit, self.delete])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        edit_menu.addAction(self.history)
        edit_menu.addSeparator()
        self.warning_rules = self._action(self.tr("&Warning Rules…"), None, self._warning_rules)
        self.warning_rules.setObjectName("warningRules")
        edit_menu.addAction(self.warning_rules)
        stack = session.undo_stack
        # Bound slots (not lambdas): Qt drops them when this window goes away.
        stack.undoTextChanged.connect(self._stack_changed)
        stack.redoTextChanged.connect(self._stack_changed)

    def _build_view_menu(self, view_menu: QMenu) -> None:
        window = self.window
        for index, title in enumerate(self.titles):
            action = self._action(
                title, f"Ctrl+{index + 1}", lambda _=False, i=index: window.nav.setCurrentRow(i)
            )
            view_menu.addAction(action)
        # Pages add their own View actions (e.g. "show terminated projects") here when built.
        self.page_actions_anchor = view_menu.addSeparator()
        self.view_menu = view_menu
        self._build_decimals_menu(view_menu.addMenu(self.tr("&Decimals")))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(window)
        for code, label in (("zh_CN", "中文（简体）"), ("en", "English")):
            action = QAction(label, window, checkable=True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _=False, c=code: self._language(c))
            group.addAction(action)
            language_menu.addAction(action)

    def _build_decimals_menu(self, menu: QMenu) -> None:
        """How many decimals figures show: 亿元 with 1, 2 or 4, 万元 with 0 or 2 (the exact
        stored value stays one hover away). The choice is kept with the other preferences."""
        window = self.window
        chosen = number_display.current()
        self.decimal_actions: dict[tuple[str, int], QAction] = {}
        for unit, choices, current in (
            ("yi", YI_PLACES_CHOICES, chosen.yi_places),
            ("wan", WAN_PLACES_CHOICES, chosen.wan_places),
        ):
            group = QActionGroup(window)
            for places in choices:
                # What the choice looks like, e.g. "亿元: 1351.40" (no plural to get wrong).
                example = NumberFormat(
                    places if unit == "yi" else 1, places if unit == "wan" else 2
                )
                label = (
                    fill(self.tr("Amounts in 亿元: %1"), (example.number(Money.yi("1351.4")),))
                    if unit == "yi"
                    else fill(
                        self.tr("Amounts in 万元: %1"),
                        (example.number(Money.wan("12345.67"), Unit.WAN),),
                    )
                )
                action = QAction(label, window, checkable=True)
                action.setChecked(places == current)
                action.triggered.connect(lambda _=False, u=unit, p=places: self._set_decimals(u, p))
                group.addAction(action)
                menu.addAction(action)
                self.decimal_actions[(unit, places)] = action
            menu.addSeparator()

    def _set_decimals(self, unit: str, places: int) -> None:
        chosen = number_display.current()
        if unit == "yi":
            chosen = NumberFormat(places, chosen.wan_places)
        else:
            chosen = NumberFormat(chosen.yi_places, places)
        number_display.set_current(chosen)
        # Every page rebuilds its texts, as after a change of every kind of record.
        from parktracker.services.changes import Changes

        self.window.session.announce(Changes.everything())

    def _action(self, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif isinstance(shortcut, str):
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def add_page_actions(self, page: Page) -> None:
        extra = getattr(page, "view_actions", None)
        if callable(extra):
            actions = extra()
            if actions:
                self.view_menu.insertActions(self.page_actions_anchor, actions)
                self.view_menu.insertSeparator(self.page_actions_anchor)

    def _stack_changed(self, _text: str = "") -> None:
        self.update(self.window.current_page())

    def update(self, page: Page) -> None:
        """Enable what the current page and the session allow; name the undo/redo steps."""
        session = self.window.session
        stack = session.undo_stack
        if not shiboken6.isValid(stack):  # the stack signals while it is being destroyed
            return
        editable = not session.readonly
        self.undo.setEnabled(editable and stack.canUndo())
        self.redo.setEnabled(editable and stack.canRedo())
        self.undo.setText(
            fill(self.tr("&Undo %1"), (stack.undoText(),)) if stack.canUndo() else self.tr("&Undo")
        )
        self.redo.setText(
            fill(self.tr("&Redo %1"), (stack.redoText(),)) if stack.canRedo() else self.tr("&Redo")
        )
        self.add.setEnabled(editable and page.can_add())
        self.edit.setEnabled(editable and page.can_edit())
        self.delete.setEnabled(editable and page.can_delete())
        self.exports.update(page)

    # ---------------------------------------------------------------- edit commands
    def _page_add(self) -> None:
        page = self.window.current_page()
        if page.can_add() and not self.window.session.readonly:
            page.add()

    def _page_edit(self) -> None:
        page = self.window.current_page()
        if page.can_edit() and not self.window.session.readonly:
            page.edit()

    def _page_delete(self) -> None:
        page = self.window.current_page()
        if page.can_delete() and not self.window.session.readonly:
            page.delete()

    def _page_find(self) -> None:
        self.window.current_page().focus_search()

    def show_history(self) -> object:
        """Edit → History: the stored changes, of the record selected on the current page
        (if any) or of the whole database."""
        from parktracker.ui.dialogs.history_dialog import HistoryDialog

        chosen = self.window.current_page().history_record()
        record, name = chosen if chosen is not None else (None, "")
        dialog = HistoryDialog(self.window.session, self.window, record=record, record_name=name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dialog
        dialog.show()
        return dialog

    def _warning_rules(self) -> None:
        from parktracker.ui.dialogs.thresholds_dialog import ThresholdsDialog

        ThresholdsDialog(self.window.session, self.window).exec()

    # ---------------------------------------------------------------- printing
    def _print(self) -> None:
        from parktracker.ui.printing import print_page

        print_page(self.window.current_page(), self.window)

    def _print_preview(self) -> None:
        from parktracker.ui.printing import preview_page

        preview_page(self.window.current_page(), self.window)

    # ---------------------------------------------------------------- files
    def _open(self) -> None:
        start = str(self.window.database_path().parent)
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Database"), start, self.db_filter
        )
        if name:
            self.window.open_requested.emit(Path(name))

    def _new_database(self) -> None:
        start = str(self.window.database_path().parent / "parktracker-new.db")
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New Database"), start, self.db_filter
        )
        if name:
            self.window.new_requested.emit(Path(name))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [p for p in recent_files() if p != self.window.database_path()]
        if not files:
            empty = self.recent_menu.addAction(self.tr("No recent databases"))
            empty.setEnabled(False)
            return
        for path in files:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.window.open_requested.emit(p))

    def _save_copy(self) -> None:
        from parktracker.storage.errors import StorageError

        window = self.window
        start = str(window.database_path().with_name(window.database_path().stem + "-copy.db"))
        name, _ = QFileDialog.getSaveFileName(window, self.tr("Save a Copy"), start, self.db_filter)
        if not name:
            return
        try:
            from parktracker.services.files import save_copy

            save_copy(window.session.db, Path(name))
        except StorageError as exc:
            QMessageBox.warning(window, self.tr("Not saved"), storage_error_text(exc))
            return
        window.statusBar().showMessage(fill(self.tr("Copy saved to %1"), (name,)), 8000)

    def start_import(self, path: object = None) -> None:
        """File → Import…, or a file dropped on the window (``path``)."""
        from parktracker.ui.dialogs.import_wizard import ImportWizard

        window = self.window
        if window.session.readonly:
            return
        start = Path(path) if isinstance(path, str | Path) else None
        self.import_wizard = ImportWizard(window.session, window, path=start)
        self.import_wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_wizard.open()

    def _back_up_now(self) -> None:
        """Back up in the background (own connection, own thread); the window stays usable."""
        from parktracker.ui import backup_runner

        self.back_up.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Backing up…"))
        self.backup_job = backup_runner.start_backup(self.window.database_path())
        self.backup_job.succeeded.connect(self._backed_up)
        self.backup_job.failed.connect(self._backup_failed)

    def _backed_up(self, path: object) -> None:
        self.back_up.setEnabled(True)
        self.window.statusBar().showMessage(fill(self.tr("Backup saved to %1"), (path,)), 10000)

    def _backup_failed(self, error: object) -> None:
        from parktracker.storage.errors import StorageError

        self.back_up.setEnabled(True)
        self.window.statusBar().clearMessage()
        text = storage_error_text(error) if isinstance(error, StorageError) else str(error)
        QMessageBox.warning(self.window, self.tr("Not backed up"), text)

    def _restore_from_backup(self) -> None:
        from parktracker.services.backups import current_counts
        from parktracker.ui.dialogs.restore_dialog import RestoreDialog

        window = self.window
        dialog = RestoreDialog(window.database_path(), current_counts(window.session.db), window)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_requested.emit(dialog.chosen)

    def _briefing(self) -> None:
        from parktracker.ui.dialogs.briefing_dialog import BriefingDialog, default_month

        session = self.window.session
        dialog = BriefingDialog(
            session.db, default_month(session.db), record=not session.readonly, parent=self.window
        )
        dialog.exec()

    def _language(self, code: str) -> None:
        if code != current_language():
            self.window.language_requested.emit(code)

    def _open_logs(self) -> None:
        from parktracker.services.app_log import log_dir
        from parktracker.ui.error_dialog import open_folder

        if not open_folder(log_dir()):
            QMessageBox.information(
                self.window,
                self.tr("Open Log Folder"),
                fill(self.tr("The log folder is %1"), (log_dir(),)),
            )

    def _about(self) -> None:
        from parktracker.ui.help_dialogs import AboutDialog

        self.about_dialog = AboutDialog(self.window.database_path(), self.window)
        self.about_dialog.open()

    def _guide(self) -> None:
        from parktracker.ui.help_dialogs import GuideDialog

        self.guide_dialog = GuideDialog(self.window)
        self.guide_dialog.open()

    def _show_data_folder(self) -> None:
        """The data folder: the default database, its backups and the logs."""
        from parktracker.services.workspace import data_dir
        from parktracker.ui.error_dialog import open_folder

        folder = data_dir()
        if not open_folder(folder):
            QMessageBox.information(
                self.window,
                self.tr("Show Data Folder"),
                fill(self.tr("The data folder is %1"), (folder,)),
            )
