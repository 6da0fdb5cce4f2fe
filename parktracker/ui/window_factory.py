"""Builds the main window with its pages for a session."""

from __future__ import annotations

from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.base import Page
from parktracker.ui.pages.dashboard import DashboardPage
from parktracker.ui.pages.entities import EntitiesPage
from parktracker.ui.pages.funds import FundsPage
from parktracker.ui.pages.parks import ParksPage
from parktracker.ui.pages.projects import ProjectsPage
from parktracker.ui.pages.revenue import RevenuePage
from parktracker.ui.session import Session


def build_pages(session: Session) -> list[Page]:
    return [
        DashboardPage(session),
        ParksPage(session),
        ProjectsPage(session),
        FundsPage(session),
        RevenuePage(session),
        EntitiesPage(session),
    ]


def build_window(session: Session, *, created: bool = False) -> MainWindow:
    return MainWindow(session, build_pages(session), created=created)
