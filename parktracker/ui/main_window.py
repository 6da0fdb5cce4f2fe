"""The main window: a thin shell that wires pages, menus and the status bar together."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from parktracker import __version__
from parktracker.domain.i18n_markers import fill
from parktracker.storage.database import Database
from parktracker.ui.overview import OverviewPage


class MainWindow(QMainWindow):
    def __init__(self, db: Database, *, created: bool = False, demo: bool = False) -> None:
        super().__init__()
        self.db = db
        self.demo = demo
        self.setWindowTitle(self.tr("ParkTracker — Park Project Investment Tracking"))
        self.resize(1280, 720)
        self.setMinimumSize(960, 600)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        if demo:
            banner = QLabel(
                self.tr(
                    "Sample data: this is a copy of the demo dataset; your own database is not touched."  # noqa: E501
                )
            )
            banner.setObjectName("sampleBanner")
            banner.setStyleSheet("background:#fff4ce;color:#5c4400;padding:6px 12px;")
            layout.addWidget(banner)
        self.overview = OverviewPage(db, self)
        layout.addWidget(self.overview, 1)
        self.setCentralWidget(central)

        self._build_menus()
        status = fill(self.tr("Database: %1"), (db.path,))
        if created and not demo:
            status += "  ·  " + self.tr("New database created with the eight parks.")
        self.db_label = QLabel(status)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.db_label, 1)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ParkTracker"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        text = fill(self.tr("ParkTracker %1\n\nDatabase: %2"), (__version__, self.db.path))
        QMessageBox.about(self, self.tr("About ParkTracker"), text)
