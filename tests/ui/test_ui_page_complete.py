"""What waits for the first page to be complete (its charts drawn), and the memory the
background jobs give back when the last of them ends."""

from __future__ import annotations

import ctypes
import sys
import threading

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from parktracker.ui import backup_runner, process_memory, startup


class ChartsPage(QWidget):
    """A page whose charts are drawn when the test says so (or never)."""

    charts_ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.pending = True

    def charts_pending(self) -> bool:
        return self.pending

    def draw_charts(self) -> None:
        self.pending = False
        self.charts_ready.emit()


def test_waits_for_the_charts_then_calls_back_once(qtbot: QtBot) -> None:
    page = ChartsPage()
    qtbot.addWidget(page)
    page.show()
    calls: list[str] = []
    startup.when_complete(page, lambda: calls.append("done"), patience_ms=300)
    qtbot.wait(100)  # drawn, the charts still pending
    assert calls == []
    page.draw_charts()
    assert calls == ["done"]
    qtbot.wait(400)  # the patience runs out: no second call
    assert calls == ["done"]


def test_charts_that_never_come_are_waited_for_no_longer_than_the_patience(
    qtbot: QtBot,
) -> None:
    page = ChartsPage()  # a chart that failed: charts_ready never comes
    qtbot.addWidget(page)
    page.show()
    calls: list[str] = []
    startup.when_complete(page, lambda: calls.append("done"), patience_ms=150)
    qtbot.wait(60)
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["done"], timeout=2000)
    page.draw_charts()  # late: nothing more
    assert calls == ["done"]


def test_a_page_without_charts_is_complete_once_drawn(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    calls: list[str] = []
    startup.when_complete(page, lambda: calls.append("done"))
    qtbot.waitUntil(lambda: calls == ["done"], timeout=2000)


def test_memory_is_given_back_once_the_last_background_job_ends(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[int] = []
    monkeypatch.setattr(process_memory, "give_back", lambda: given.append(len(given)))
    release = threading.Event()
    quick = backup_runner.Job(lambda: None)
    slow = backup_runner.Job(lambda: release.wait(5))
    slow.begin()
    quick.begin()
    qtbot.waitUntil(quick.isFinished, timeout=5000)
    qtbot.wait(50)  # its end reported: the slow one still runs
    assert given == []
    release.set()
    qtbot.waitUntil(lambda: backup_runner.running() == 0, timeout=5000)
    qtbot.waitUntil(lambda: given == [0], timeout=2000)


def _anon_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    raise AssertionError("no RssAnon")


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or process_memory._glibc("malloc_trim") is None,
    reason="malloc_trim: Linux with glibc only",
)
def test_give_back_returns_freed_blocks_in_the_middle_of_the_heap() -> None:
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = [libc.malloc(4000) for _ in range(8000)]  # ~32 MB, as SQLite's page caches
    for block in blocks:
        ctypes.memset(block, 1, 4000)
    kept = libc.malloc(4000)  # above them: the heap's top cannot shrink past it
    for block in blocks:
        libc.free(block)
    before = _anon_kib()
    process_memory.give_back()
    after = _anon_kib()
    libc.free(kept)
    assert before - after > 20_000  # KiB: most of the 32 MB freed went back
