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


class ButtonAnswerer:
    """Clicks ``button`` on each visible QMessageBox that offers it (a real box, shown by the
    code under test), recording the box's title and text."""

    def __init__(self, qtbot: QtBot, button: QMessageBox.StandardButton) -> None:
        self.qtbot = qtbot
        self.button = button
        self.asked: list[tuple[str, str]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                button = widget.button(self.button)
                if button is None:
                    continue
                self.asked.append((widget.windowTitle(), widget.text()))
                self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                return

    def stop(self) -> None:
        self.timer.stop()


def close_with_answer(
    qtbot: QtBot, form: object, button: QMessageBox.StandardButton
) -> list[tuple[str, str]]:
    """Press Escape on a shown form and answer its discard question with ``button``; returns
    the questions asked (title, text)."""
    answerer = ButtonAnswerer(qtbot, button)
    try:
        qtbot.keyClick(form, Qt.Key.Key_Escape)  # type: ignore[arg-type]
    finally:
        answerer.stop()
    return answerer.asked


DISCARD_QUESTION = (
    "Discard changes?",
    "This form has changes that are not saved. Discard them?",
)
