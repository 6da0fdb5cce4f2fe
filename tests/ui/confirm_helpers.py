"""Answering the fat-finger question ("…是否确认？") in GUI tests: a real QMessageBox, clicked
by qtbot once it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from parktracker.ui.confirm_amount import BOX_NAME


class Answerer:
    """Clicks Yes or No on each confirmation box that opens, and records its text."""

    def __init__(self, qtbot: QtBot, *, yes: bool) -> None:
        self.qtbot = qtbot
        self.yes = yes
        self.asked: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.objectName() == BOX_NAME
                and widget.isVisible()
            ):
                self.asked.append(widget.text())
                role = QMessageBox.ButtonRole.YesRole if self.yes else QMessageBox.ButtonRole.NoRole
                button = next(b for b in widget.buttons() if widget.buttonRole(b) == role)
                self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                return

    def stop(self) -> None:
        self.timer.stop()
