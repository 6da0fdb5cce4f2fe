"""Builds the main window. Pages are described here by title and module, so the window can show
its navigation at once and construct each page (importing its module) only when needed."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.ui.main_window import MainWindow
from parktracker.ui.pages.base import Page
from parktracker.ui.session import Session


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: its title (the same text the page's own title() translates)
    and where its class lives; ``ahead``: built once the first page is drawn, not when first
    chosen (the others: each page held memory, about 5 MB in all on 100,000 projects, whether
    shown or not)."""

    title: Text
    module: str
    class_name: str
    ahead: bool = False

    def build(self, session: Session) -> Page:
        page_class = getattr(import_module(self.module), self.class_name)
        page = page_class(session)
        assert isinstance(page, Page)
        return page


PAGES = (
    PageSpec(
        QT_TRANSLATE_NOOP("DashboardPage", "Dashboard"),
        "parktracker.ui.pages.dashboard.page",
        "DashboardPage",
    ),
    PageSpec(QT_TRANSLATE_NOOP("ParksPage", "Parks"), "parktracker.ui.pages.parks", "ParksPage"),
    PageSpec(  # the list an officer works in most: shown at once when chosen
        QT_TRANSLATE_NOOP("ProjectsPage", "Projects"),
        "parktracker.ui.pages.projects",
        "ProjectsPage",
        ahead=True,
    ),
    PageSpec(QT_TRANSLATE_NOOP("FundsPage", "Funds"), "parktracker.ui.pages.funds", "FundsPage"),
    PageSpec(
        QT_TRANSLATE_NOOP("RevenuePage", "Revenue"), "parktracker.ui.pages.revenue", "RevenuePage"
    ),
    PageSpec(
        QT_TRANSLATE_NOOP("PlatformsEnterprisesPage", "Platforms & Enterprises"),
        "parktracker.ui.pages.platforms_enterprises",
        "PlatformsEnterprisesPage",
    ),
    PageSpec(
        QT_TRANSLATE_NOOP("WarningsPage", "Warnings"),
        "parktracker.ui.pages.warnings",
        "WarningsPage",
    ),
    PageSpec(
        QT_TRANSLATE_NOOP("ProblemsPage", "Problems"),
        "parktracker.ui.pages.problems",
        "ProblemsPage",
    ),
    PageSpec(
        QT_TRANSLATE_NOOP("ComparisonPage", "Comparison"),
        "parktracker.ui.pages.comparison",
        "ComparisonPage",
    ),
)


def build_window(session: Session, *, created: bool = False, lazy: bool = False) -> MainWindow:
    """The main window; with ``lazy`` the first page is built after the window's first paint,
    and each other page when first shown."""
    from parktracker.ui.welcome import attach_welcome

    window = MainWindow(session, list(PAGES), created=created, lazy=lazy)
    window.welcome = attach_welcome(window)  # shown while the database holds nothing entered
    window.menus.welcome_requested.connect(window.welcome.show_again)
    window.welcome.set_import_action(window.menus.import_file)
    return window
