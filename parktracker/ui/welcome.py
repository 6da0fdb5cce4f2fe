"""The welcome panel: on a database with nothing entered yet, three ways to begin.

    Start entering data      -> the Projects page with the Add project form open
    Import a park's Excel…   -> the File → Import action, when the window has one
    Open the demo dataset    -> a fresh demo copy (the user's own file is not touched)

It sits at the top of the window and hides itself once the database holds data (any change
announced by the session is checked); Help → Welcome brings it back at any time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from parktracker.ui.icons import action_icon

if TYPE_CHECKING:
    from parktracker.ui.main_window import MainWindow

PROJECTS_PAGE = 2  # the navigation row of the Projects page (window_factory.PAGES)


class WelcomePanel(QFrame):
    demo_requested = Signal()  # the application opens a fresh demo copy
    import_requested = Signal()  # emitted as well as triggering the import action, if any

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_window = window
        self.setObjectName("welcome")
        self.setStyleSheet(
            "#welcome{background:#eaf2fb;border-bottom:1px solid #c7d9ee;}"
            "#welcomeTitle{font-size:17px;font-weight:bold;color:#1f4e79;}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        top = QHBoxLayout()
        self.title = QLabel(self.tr("Welcome to ParkTracker"), self)
        self.title.setObjectName("welcomeTitle")
        self.close_button = QPushButton(self.tr("Hide"), self)
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.text = QLabel(
            self.tr(
                "This database holds the eight parks and the 2024 revenue target, and nothing else yet. How would you like to begin?"
            ),
            self,
        )
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        # Their icons come when the panel first shows (showEvent): the first icon loads Qt's
        # SVG icon engine, which a window whose panel stays hidden need not wait for.
        self.enter_button = QPushButton(self.tr("&Start entering data (add a project)"), self)
        self.import_button = QPushButton(self.tr("&Import a park's Excel file…"), self)
        self.demo_button = QPushButton(self.tr("Open the &demo dataset"), self)
        self._icons_set = False
        for button in (self.enter_button, self.import_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.enter_button.clicked.connect(self._start_entering)
        self.import_button.clicked.connect(self._import)
        self.demo_button.clicked.connect(self.demo_requested)
        self.import_action: QAction | None = None
        self.import_button.hide()  # until the window has an import action
        self.enter_button.setEnabled(not window.session.readonly)
        window.session.changed.connect(self._data_changed)
        self.setVisible(self._should_show())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if not self._icons_set:
            self._icons_set = True
            self.enter_button.setIcon(action_icon("add"))
            self.import_button.setIcon(action_icon("document-open"))
            self.demo_button.setIcon(action_icon("welcome"))
        super().showEvent(event)

    def set_import_action(self, action: QAction | None) -> None:
        """Offer File → Import… in the panel (hidden while there is no such action)."""
        self.import_action = action
        self.import_button.setVisible(action is not None and not self.main_window.session.readonly)

    def _should_show(self) -> bool:
        from parktracker.services.first_run import is_empty

        session = self.main_window.session
        return not session.demo and is_empty(session.db)

    def _data_changed(self, _changes: object = None) -> None:
        if self.isVisible() and not self._should_show():
            self.hide()

    def show_again(self) -> None:
        """Help → Welcome: show the panel whatever the database holds."""
        self.show()

    def _start_entering(self) -> None:
        window = self.main_window
        window.nav.setCurrentRow(PROJECTS_PAGE)
        page = window.current_page()
        if page.can_add() and not window.session.readonly:
            # After this click returns: the form is modal.
            QTimer.singleShot(0, page.add)

    def _import(self) -> None:
        self.import_requested.emit()
        if self.import_action is not None:
            self.import_action.trigger()


def attach_welcome(window: MainWindow) -> WelcomePanel:
    """Put the panel under the window's banner (above the navigation and the pages)."""
    central = window.centralWidget()
    assert central is not None
    panel = WelcomePanel(window, central)
    layout = central.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(1, panel)
    panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    return panel
