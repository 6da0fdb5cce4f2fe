"""A database on a network drive or in a synced folder is warned about once per file."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators
from parktracker.i18n import set_language
from parktracker.services import locations
from parktracker.services.locations import Mount
from parktracker.storage.lock import hostname, lock_path
from parktracker.ui.dialogs.lock_dialog import LockDialog
from parktracker.ui.location_warning import SETTINGS_KEY, LocationWarning


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[Controller]:
    QSettings().remove(SETTINGS_KEY)
    set_language("zh_CN")
    ctrl = Controller(qapp)
    ctrl.translators = install_translators(qapp, "zh_CN")
    yield ctrl
    ctrl.shutdown()
    for translator in ctrl.translators:
        qapp.removeTranslator(translator)
    QSettings().remove(SETTINGS_KEY)


def copy_to(demo_path: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(demo_path.read_bytes())
    return target


def nfs_at(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    table = [Mount(str(folder), "nfs4", "nas.local:/export")]
    monkeypatch.setattr(locations, "mount_table", lambda platform=None: table)


def shown_warning(qtbot: QtBot, controller: Controller) -> LocationWarning | None:
    """The warning shown for the file just opened: asked once the window's first page is
    drawn (the warning comes then, over the drawn window)."""
    drawn: list[bool] = []
    controller.once_first_page_drawn(lambda: drawn.append(True))
    qtbot.waitUntil(lambda: bool(drawn), timeout=10_000)
    box = controller.location_warning
    if box is None:
        return None
    assert isinstance(box, LocationWarning) and box.isVisible()
    return box


def test_network_drive_is_warned_once(
    controller: Controller,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    nfs_at(monkeypatch, tmp_path / "nas")
    path = copy_to(demo_path, tmp_path / "nas" / "园区.db")

    assert controller.open(path)
    box = shown_warning(qtbot, controller)
    assert box is not None
    assert box.parent() is controller.window and box.isModal()  # window-modal, not blocking
    assert "nfs4" in box.text() and str(path) in box.informativeText()
    assert controller.session is not None and not controller.session.readonly  # still usable
    box.button(QMessageBox.StandardButton.Ok).click()

    assert controller.open(path)
    assert shown_warning(qtbot, controller) is None  # remembered for this file
    # Another file in the same place is warned about on its own.
    other = copy_to(demo_path, tmp_path / "nas" / "备份.db")
    assert controller.open(other)
    assert shown_warning(qtbot, controller) is not None


def test_synced_folder_names_the_service(
    controller: Controller,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    monkeypatch.setattr(locations, "mount_table", lambda platform=None: [])
    path = copy_to(demo_path, tmp_path / "OneDrive - 青岛市发展和改革委员会" / "园区.db")
    assert controller.open(path)
    box = shown_warning(qtbot, controller)
    assert box is not None and "OneDrive" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert os.path.normcase(str(path)) in [
        os.path.normcase(p) for p in QSettings().value(SETTINGS_KEY, [], type=list)
    ]


def test_a_warning_closed_without_answer_comes_back(
    controller: Controller,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    nfs_at(monkeypatch, tmp_path)
    assert controller.open(demo_path)
    assert shown_warning(qtbot, controller) is not None
    controller.shutdown()  # the window (and the warning with it) went away unanswered
    assert controller.open(demo_path)
    assert shown_warning(qtbot, controller) is not None


def test_local_folder_is_not_warned(
    controller: Controller, demo_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(locations, "mount_table", lambda platform=None: [])
    assert controller.open(demo_path)
    assert shown_warning(qtbot, controller) is None


def test_read_only_opens_are_not_warned(
    controller: Controller,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    nfs_at(monkeypatch, tmp_path)
    assert controller.open(demo_path, readonly=True)
    assert shown_warning(qtbot, controller) is None
    # Nor when another ParkTracker holds it and the user chose read-only.
    lock = {"host": hostname(), "user": "wang.fang", "pid": os.getppid(), "since": "2024-05-06"}
    lock_path(demo_path).write_text(json.dumps(lock), "utf-8")

    def read_only(dialog: LockDialog) -> int:
        dialog.read_only_button.click()
        return 0

    monkeypatch.setattr(LockDialog, "exec", read_only)
    assert controller.open(demo_path)
    assert controller.session is not None and controller.session.readonly
    assert shown_warning(qtbot, controller) is None


def test_demo_copies_are_not_warned(
    controller: Controller, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(locations, "mount_table", lambda platform=None: [Mount("/", "nfs")])
    assert controller.open(None, demo=True)
    assert shown_warning(qtbot, controller) is None
