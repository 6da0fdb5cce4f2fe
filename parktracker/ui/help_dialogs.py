"""Help → User Guide (使用说明) and Help → About: both read what ships with the app, offline."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.i18n import current_language


def _resources() -> Path:
    from importlib import resources

    return Path(str(resources.files("parktracker.resources")))


def guide_path(language: str) -> Path:
    """The guide in ``language`` (Chinese for anything but English)."""
    name = "user-guide.en.md" if language == "en" else "user-guide.zh_CN.md"
    return _resources() / "guide" / name


class GuideDialog(QDialog):
    """The user guide, rendered from its Markdown file in a QTextBrowser (no network)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User Guide"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setMarkdown(guide_path(current_language()).read_text("utf-8"))
        self.browser.document().setDocumentMargin(16)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    """Version, where the database, backups and log are, and the bundled parts' licences."""

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6 import __version__ as pyside_version

        from parktracker.services.about import BUNDLED_PARTS, about_facts, details_text

        self.facts = about_facts(database=database)
        self.details = details_text(
            self.facts, qt_version=qVersion(), pyside_version=pyside_version
        )
        self.setWindowTitle(self.tr("About ParkTracker"))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        facts = self.facts
        rows = [
            (self.tr("Version"), f"{facts.version} (Qt {qVersion()}, PySide6 {pyside_version})"),
            (self.tr("Database"), str(facts.database)),
            (self.tr("Backups"), str(facts.backups)),
            (self.tr("Data folder"), str(facts.data_folder)),
            (self.tr("Log folder"), str(facts.log_folder)),
        ]
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        tagline = self.tr("Investment tracking for Qingdao’s emerging-industry parks.")
        self.header = QLabel(
            "<h2>ParkTracker · 园区项目投资跟踪</h2>"
            f"<p>{html.escape(tagline)}</p><table>{table}</table>",
            self,
        )
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header)
        self.licences = QTextBrowser(self)
        parts = "".join(
            f"<tr><td style='padding-right:16px'>{html.escape(p.name)}</td>"
            f"<td>{html.escape(p.licence)}</td></tr>"
            for p in BUNDLED_PARTS
        )
        folder = _resources() / "licenses"
        heading = self.tr("Bundled parts and their licences")
        where = fill(self.tr("The licence texts are in %1."), (folder,))
        self.licences.setHtml(
            f"<h3>{html.escape(heading)}</h3><table>{parts}</table><p>{html.escape(where)}</p>"
        )
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy details"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))
