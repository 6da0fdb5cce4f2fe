"""Guard against a Qt binding that leaks or drops references to None/True/False.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns nothing, so a
long editing session ends in "Fatal Python error: none_dealloc". pyproject.toml excludes that
version; this test fails if an installed binding does it again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel


def _delta(obj: object, action: object, times: int = 2000) -> int:
    before = sys.getrefcount(obj)
    for _ in range(times):
        action()  # type: ignore[operator]
    return sys.getrefcount(obj) - before


def test_calls_returning_nothing_keep_none_alive(qapp: object) -> None:
    owner = QObject()
    label = QLabel()
    assert abs(_delta(None, lambda: owner.setObjectName("x"))) < 50
    assert abs(_delta(None, lambda: label.setText("营收"))) < 50
    assert abs(_delta(None, label.buddy)) < 50  # returns None


def test_bool_results_keep_true_and_false_alive(qapp: object) -> None:
    label = QLabel()
    assert abs(_delta(False, label.isVisible)) < 50
    assert abs(_delta(True, label.isEnabled)) < 50
