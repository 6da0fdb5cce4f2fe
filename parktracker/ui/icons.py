"""The action icons: one bundled SVG set (resources/icons/actions/, 24 px grid, 2 px round
strokes in the app's navy), so menus look the same on every system instead of mixing the
platform's icon theme with Qt's built-in pictures."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QAction, QIcon

# Menu action attribute (on Menus) -> icon file name (without .svg). A new menu action gets a
# line here (tests/ui/test_ui_help.py fails while one has no icon); import.svg, export.svg
# and history.svg are ready for File → Import…/Export… and Edit → History.
ACTION_ICONS = {
    "new_db": "document-new",
    "open_db": "document-open",
    "import_file": "import",
    "save_copy": "save-copy",
    "export_templates": "export",
    "briefing": "briefing",
    "print_action": "print",
    "print_preview": "print-preview",
    "back_up": "backup",
    "restore_backup": "restore",
    "show_data_folder": "folder",
    "quit": "quit",
    "undo": "undo",
    "redo": "redo",
    "add": "add",
    "edit": "edit",
    "delete": "delete",
    "find": "find",
    "history": "history",
    "warning_rules": "rules",
    "guide": "guide",
    "welcome": "welcome",
    "open_logs": "log",
    "about": "about",
}


def icon_dir() -> Path:
    from parktracker.resource_files import resource_path

    return resource_path("icons", "actions")


@cache
def action_icon(name: str) -> QIcon:
    """The icon ``name`` from the bundled set (a null icon if the file is missing)."""
    path = icon_dir() / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def apply_icons(owner: object) -> None:
    """Give each QAction attribute of ``owner`` named in ACTION_ICONS its icon."""
    for attribute, name in ACTION_ICONS.items():
        action = getattr(owner, attribute, None)
        if isinstance(action, QAction):
            action.setIcon(action_icon(name))
