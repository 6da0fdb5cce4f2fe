"""Projects page benchmark on a large database (100,000 projects by default).

Prints, from one run, beside the targets:
  * the floor: showing an empty QTableView over a QStandardItemModel of 50 rows (to first paint);
  * the window as the app builds it (lazily: the dashboard, the default first page, is built
    after the first paint and its charts drawn, so matplotlib is loaded as in real use; then
    the Projects page is built ahead, the others when chosen), then the first screen after the
    Projects page is chosen in
    the navigation (to the table's first paint);
  * find-as-you-type: the update after each of 30 keystrokes (p50, p95, max), typed as a user
    would, Chinese included (a one-character and a two-character query among them), measured
    from the text change to the repainted table and footer, INCLUDING any typing debounce
    (the page's search timer fires as it does for a user; its delay is printed); the page's
    remembered answers (the finder's matches and the model's arrangements of them) are
    forgotten before every keystroke, so none is answered from memory; three runs, the run
    with the median p95 shown;
  * scrolling to the end of the table (and how many rows that fetched: no full load);
  * sorting by project name (informative);
  * the peak resident memory of the process (resource.getrusage): dashboard with its charts
    plus the Projects page, against the floor's: a process showing one matplotlib chart in a
    QMainWindow (Qt + matplotlib), measured the same way (target: <= 1.3x).

Usage:  python bench/projects_page.py [--db PATH] [--projects 100000] [--regenerate]
The database is generated (bench/large_db.py) when missing. Runs offscreen unless
--platform xcb is given with a DISPLAY.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

FIRST_SCREEN_TARGET_MS = 300
KEYSTROKE_P95_TARGET_MS = 50
MEMORY_RATIO_TARGET = 1.3
RUNS = 3

# The memory floor: Qt and matplotlib showing one chart; prints its peak resident memory (MB).
MEMORY_FLOOR_SCRIPT = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
figure = Figure()
figure.add_subplot().bar(["A", "B", "C", "D"], [3, 5, 2, 4])
window = QMainWindow()
window.resize(1280, 720)
window.setCentralWidget(FigureCanvasQTAgg(figure))
def drawn(_event):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
    QTimer.singleShot(0, app.quit)
window.centralWidget().mpl_connect("draw_event", drawn)
window.show()
app.exec()
"""


def peak_now() -> float:
    """The process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_floor_mb() -> float:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    runs = []
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", MEMORY_FLOOR_SCRIPT],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        runs.append(float(done.stdout.split()[-1]))
    return statistics.median(runs)


# What the search box holds after each keystroke: Chinese typed a character at a time (some
# input methods commit each one), ASCII letters, backspaces, and clearing the box.
KEYSTROKES = [
    "光", "光电", "光电传", "光电传感", "光电传感器", "光电传感", "光电传", "光电", "光", "",
    "A", "AI", "AI芯", "AI芯片", "AI芯片模", "AI芯片模组", "AI芯片模", "AI芯片", "AI", "",
    "氢", "氢能", "氢能重", "氢能重卡", "氢能", "", "基地", "基地项目", "智云", "",
]  # fmt: skip


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/parktracker-bench-100k.db"))
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--platform", default="offscreen")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    # Settings and the data folder of this run only: no remembered page (the dashboard is the
    # first page, as on a first start) and nothing written to the user's own folders.
    import tempfile

    sandbox = Path(tempfile.mkdtemp(prefix="parktracker-bench-projects-"))
    os.environ["XDG_CONFIG_HOME"] = str(sandbox / "config")
    os.environ["PARKTRACKER_DATA_DIR"] = str(sandbox / "data")
    if args.platform == "offscreen" or not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.regenerate or not args.db.exists():
        # In a child process, so the peak memory reported below is the page's alone.
        generator = Path(__file__).with_name("large_db.py")
        command = [sys.executable, str(generator), str(args.db), "--force"]
        subprocess.run([*command, "--projects", str(args.projects)], check=True)

    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication(sys.argv[:1])
    from parktracker.app import install_translators, register_fonts
    from parktracker.i18n import set_language

    set_language("zh_CN")
    install_translators(app, "zh_CN")
    register_fonts()

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    def until_painted(counter: PaintCounter, before: int) -> None:
        deadline = time.perf_counter() + 5
        while counter.count == before and time.perf_counter() < deadline:
            app.processEvents()
        app.processEvents()  # what the paint itself scheduled

    memory_floor = memory_floor_mb()

    # ------------------------------------------------------------ the window, Projects chosen
    # The app as it starts: the Controller opens the file (lock, background check and backup
    # when due) and builds the window lazily, the dashboard first.
    from parktracker.app import Controller
    from parktracker.ui import backup_runner
    from parktracker.ui.pages.dashboard.page import DashboardPage
    from parktracker.ui.pages.projects import SEARCH_DELAY_MS, ProjectsPage

    controller = Controller(app)
    assert controller.open(args.db)
    window = controller.window
    assert window is not None
    db = window.session.db
    projects_total = int(db.scalar("SELECT count(*) FROM projects"))
    window.resize(1280, 720)
    ready: list[object] = []
    window.first_page_shown.connect(
        lambda first: first.charts_ready.connect(lambda: ready.append(first))
    )
    deadline = time.perf_counter() + 120
    while not ready and time.perf_counter() < deadline:  # the first page: cards, charts drawn
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
    assert ready and isinstance(ready[0], DashboardPage), "the dashboard did not finish drawing"
    while backup_runner.running() and time.perf_counter() < deadline:  # check, daily backup
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
    stages = {"dashboard drawn": peak_now()}

    class ProjectsPaints(QObject):
        """Counts paints of the Projects table's viewport, the page built or not yet."""

        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                view = watched.parent()
                if isinstance(view, QTableView) and isinstance(view.parent(), ProjectsPage):
                    self.count += 1
            return False

    counter = ProjectsPaints()  # type: ignore[assignment]
    app.installEventFilter(counter)
    projects_row = next(
        i for i, spec in enumerate(window._specs) if spec.class_name == "ProjectsPage"
    )
    prebuilt = projects_row in window._built  # built ahead of its first showing
    started = time.perf_counter()
    window.nav.setCurrentRow(projects_row)
    until_painted(counter, 0)
    first_screen = (time.perf_counter() - started) * 1000
    page = window.current_page()
    assert isinstance(page, ProjectsPage)
    shown = page.model.rowCount()
    stages["projects shown"] = peak_now()

    # ------------------------------------------------------------ keystrokes
    def forget() -> None:
        """Forget the page's remembered answers: the finder's matches and the model's
        arrangements of them in the sort order (a query typed again would reuse both)."""
        page.model.finder.forget()
        page.model._arranged.clear()

    def type_all() -> tuple[list[float], list[bool]]:
        """Type the keystrokes once; nothing is answered from memory (forgotten each time)."""
        forget()
        page.model.refresh()
        app.processEvents()
        timings, remembered = [], []
        for text in KEYSTROKES:
            forget()
            query = dataclasses.replace(page.query(), search=text)
            remembered.append(page.model.finder.remembers(query))
            before = counter.count
            started = time.perf_counter()
            page.search.setText(text)  # starts the search timer, as typing does
            deadline = time.perf_counter() + 5
            while (
                counter.count == before or page.search_timer.isActive()
            ) and time.perf_counter() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 1)
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
        return timings, remembered

    def p95_of(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    # Three runs of the 30 keystrokes (the machine may be shared): each run's p95 is printed,
    # and the run with the median p95 is the one reported in detail.
    runs = [type_all() for _ in range(RUNS)]
    runs.sort(key=lambda run: p95_of(run[0]))
    run_p95s = [p95_of(run[0]) for run in runs]
    timings, remembered = runs[len(runs) // 2]
    p50 = statistics.median(timings)
    p95 = p95_of(timings)
    two_chars = timings[KEYSTROKES.index("光电")]
    fresh = [t for t, known in zip(timings, remembered, strict=True) if not known]
    fresh_p95 = p95_of(fresh)
    assert not any(remembered)

    stages["after typing"] = peak_now()

    # ------------------------------------------------------------ scroll to the end
    page.search.setText("")
    page.apply_filters()
    app.processEvents()
    cached_before = page.model.cached_rows
    before = counter.count
    started = time.perf_counter()
    page.view.scrollToBottom()
    until_painted(counter, before)
    scroll = (time.perf_counter() - started) * 1000
    last_row = page.model.texts(page.model.rowCount() - 1)
    fetched = page.model.cached_rows - cached_before

    before = counter.count
    started = time.perf_counter()
    page.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    until_painted(counter, before)
    sort_ms = (time.perf_counter() - started) * 1000

    peak_mb = peak_now()
    stages["after scroll and sort"] = peak_mb

    # ------------------------------------------------------------ floor (after the memory peak:
    # its views' buffers are not the page's)
    floors = []
    for _ in range(7):
        started = time.perf_counter()
        model = QStandardItemModel(50, 11)
        for row in range(50):
            for column in range(11):
                model.setItem(row, column, QStandardItem(f"项目 {row}-{column}"))
        view = QTableView()
        view.setModel(model)
        view.resize(1080, 640)
        counter = PaintCounter()
        view.viewport().installEventFilter(counter)
        view.show()
        until_painted(counter, 0)
        floors.append((time.perf_counter() - started) * 1000)
        view.close()
        view.deleteLater()
    floor = statistics.median(floors)

    # ------------------------------------------------------------ report
    def line(label: str, value: float, unit: str, target: str = "", note: str = "") -> None:
        print(f"  {label:<44} {value:9.1f} {unit:<3} {target:<16} {note}")

    def of(value: float, target: float) -> str:
        return f"{value / target:.2f} of target"

    print(f"ParkTracker Projects page on {args.db}")
    print(f"  {projects_total} projects, {shown} shown with the default filters")
    size = args.db.stat().st_size / 2**20
    built = "built ahead" if prebuilt else "not built"
    print(f"  file size {size:.0f} MiB; the dashboard (with charts) was shown first;")
    print(f"  the Projects page was {built}")
    print(
        f"  before it was chosen; keystrokes include the page's search delay"
        f" ({SEARCH_DELAY_MS} ms), none from memory"
    )
    line("floor: QTableView + 50-row QStandardItemModel", floor, "ms", "", "(median of 7)")
    line(
        "first screen after choosing the page",
        first_screen,
        "ms",
        f"target ≤ {FIRST_SCREEN_TARGET_MS} ms",
        f"{of(first_screen, FIRST_SCREEN_TARGET_MS)}, {first_screen / floor:.1f}× floor",
    )
    line("keystroke update p50", p50, "ms", "", f"{p50 / floor:.1f}× floor")
    line(
        "keystroke update p95",
        p95,
        "ms",
        f"target ≤ {KEYSTROKE_P95_TARGET_MS} ms",
        f"{of(p95, KEYSTROKE_P95_TARGET_MS)}, {p95 / floor:.1f}× floor",
    )
    line("keystroke update max", max(timings), "ms")
    print(f"    p95 of each run (ms): {', '.join(f'{v:.1f}' for v in run_p95s)}; median run shown")
    line(
        f"  the {len(fresh)} not answered from memory: p95",
        fresh_p95,
        "ms",
        f"target ≤ {KEYSTROKE_P95_TARGET_MS} ms",
        of(fresh_p95, KEYSTROKE_P95_TARGET_MS),
    )
    line("two-character query 光电", two_chars, "ms")
    line(
        "scroll to the end",
        scroll,
        "ms",
        "",
        f"fetched {fetched} rows; {page.model.cached_rows} rows cached in all",
    )
    line("sort by project name", sort_ms, "ms")
    line("memory floor: Qt + matplotlib, one chart", memory_floor, "MB", "", "(median of 3)")
    line(
        "peak resident memory (dashboard + projects)",
        peak_mb,
        "MB",
        f"target ≤ {MEMORY_RATIO_TARGET}× floor",
        f"{peak_mb / memory_floor:.2f}× floor",
    )
    print("  peak memory by stage (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in stages.items()))
    print("  keystrokes (ms, with the search delay; * = answered from memory):")
    marks = [
        f"{t!r}={v:.0f}{'*' if known else ''}"
        for t, v, known in zip(KEYSTROKES, timings, remembered, strict=True)
    ]
    for start in range(0, len(marks), 10):
        print("    " + ", ".join(marks[start : start + 10]))
    print(f"  last row: {last_row[:2] if last_row else None}")
    controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
