"""Guard against a Qt binding that leaks or drops references to the objects it passes back.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns nothing, so a
long editing session ends in "Fatal Python error: none_dealloc". pyproject.toml excludes that
version; this test fails if an installed binding does it again.

From Python 3.12 on, None, True and False are immortal: their reference count never changes,
so counting them proves nothing there (and a dropped reference cannot free them). The tests
then check that they are immortal, and every version counts the references of an ordinary
(mortal) object passed through Qt and back, which a leaking or dropping binding would change.
"""

from __future__ import annotations

import ctypes
import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

IMMORTAL = sys.version_info >= (3, 12)


def _delta(obj: object, action: object, times: int = 2000) -> int:
    before = sys.getrefcount(obj)
    for _ in range(times):
        action()  # type: ignore[operator]
    return sys.getrefcount(obj) - before


class _Carrier(QObject):
    carried = Signal(object)


class _Payload:
    """An ordinary object: its reference count moves with every reference taken or dropped."""


@pytest.mark.skipif(IMMORTAL, reason="None, True and False are immortal (checked below)")
def test_calls_returning_nothing_keep_none_alive(qapp: object) -> None:
    owner = QObject()
    label = QLabel()
    assert abs(_delta(None, lambda: owner.setObjectName("x"))) < 50
    assert abs(_delta(None, lambda: label.setText("营收"))) < 50
    assert abs(_delta(None, label.buddy)) < 50  # returns None


@pytest.mark.skipif(IMMORTAL, reason="None, True and False are immortal (checked below)")
def test_bool_results_keep_true_and_false_alive(qapp: object) -> None:
    label = QLabel()
    assert abs(_delta(False, label.isVisible)) < 50
    assert abs(_delta(True, label.isEnabled)) < 50


@pytest.mark.skipif(not IMMORTAL, reason="None, True and False are counted before 3.12")
def test_none_true_and_false_are_immortal_here() -> None:
    """Why the counts above are skipped: holding 10,000 more references changes nothing."""
    for obj in (None, True, False):
        held = [obj] * 10_000
        assert _delta(obj, lambda: None, times=1) == 0
        before = sys.getrefcount(obj)
        held += [obj] * 10_000
        assert sys.getrefcount(obj) == before
        del held


def test_objects_passed_through_qt_and_back_keep_their_count(qapp: object) -> None:
    payload = _Payload()
    owner = QObject()
    carrier = _Carrier()
    received: list[object] = []
    carrier.carried.connect(received.append)

    def round_trip() -> None:
        owner.setProperty("payload", payload)
        assert owner.property("payload") is payload
        carrier.carried.emit(payload)
        received.clear()

    round_trip()  # the property now holds one reference
    assert _delta(payload, round_trip) == 0


def test_the_count_sees_a_leaked_reference() -> None:
    """The guard can fail: one reference leaked per call (as a faulty binding would) shows."""
    payload = _Payload()
    leak = ctypes.pythonapi.Py_IncRef
    leak.argtypes = [ctypes.py_object]
    assert _delta(payload, lambda: leak(payload), times=100) == 100
    drop = ctypes.pythonapi.Py_DecRef
    drop.argtypes = [ctypes.py_object]
    for _ in range(100):
        drop(payload)  # give them back
