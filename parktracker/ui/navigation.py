"""Opening a record from another page: a project in its form, a park in the Parks page's
detail view. Kept apart from the pages, which do not know each other."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from parktracker.ui.session import Session


def open_project(session: Session, project_id: int, parent: QWidget) -> bool:
    """Open the project's form (modal); False when it no longer exists."""
    from parktracker.services.projects import get_project
    from parktracker.ui.dialogs.project_form import ProjectForm

    project = get_project(session.db, project_id)
    if project is None:
        return False
    form = ProjectForm(session, project, parent=parent)
    form.exec()
    return True


def open_park(widget: QWidget, park_id: int) -> bool:
    """Show the park in the Parks page of the window holding ``widget``."""
    from parktracker.ui.main_window import MainWindow
    from parktracker.ui.pages.parks import ParksPage

    window = widget.window()
    if not isinstance(window, MainWindow):
        return False
    page = window.page_of(ParksPage)
    if not isinstance(page, ParksPage):
        return False
    window.show_page(page)
    page.open_park(park_id)
    return page.showing_detail()


def show_warnings(widget: QWidget, *, park_id: int | None, as_of: dt.date) -> bool:
    """Show the Warnings page of the window holding ``widget``, for one park (or all)."""
    from parktracker.ui.main_window import MainWindow
    from parktracker.ui.pages.warnings import WarningsPage

    window = widget.window()
    if not isinstance(window, MainWindow):
        return False
    page = window.page_of(WarningsPage)
    if not isinstance(page, WarningsPage):
        return False
    window.show_page(page)
    page.show_for(park_id=park_id, as_of=as_of)
    return True
