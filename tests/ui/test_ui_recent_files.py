"""File → Open Recent: the files opened last, newest first, each once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from parktracker.ui.menus import MAX_RECENT, RECENT_KEY, recent_files, remember_recent


def test_files_opened_one_after_another_are_listed_newest_first(
    qapp: QApplication, tmp_path: Path
) -> None:
    first, second, third = (tmp_path / f"园区{n}.db" for n in (1, 2, 3))
    remember_recent(first)
    assert recent_files() == [first]
    # The next start reads a list of one back from the settings file as a plain string.
    QSettings().setValue(RECENT_KEY, str(first))
    remember_recent(second)
    assert recent_files() == [second, first]
    remember_recent(third)
    remember_recent(first)  # opened again: moves to the top, listed once
    assert recent_files() == [first, third, second]


def test_only_the_last_few_are_kept(qapp: QApplication, tmp_path: Path) -> None:
    paths = [tmp_path / f"{n}.db" for n in range(MAX_RECENT + 3)]
    for path in paths:
        remember_recent(path)
    assert recent_files() == paths[::-1][:MAX_RECENT]
