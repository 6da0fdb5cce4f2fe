"""The chart modules, imported for the dashboard off the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CODE = """
import sys, warnings
warnings.simplefilter("error")  # matplotlib's note about a missing 3-D toolkit is not shown
from parktracker.ui import chart_loader
chart_loader.import_modules()
assert "mpl_toolkits.mplot3d" not in sys.modules, "the 3-D toolkit was loaded"
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
figure = Figure()
figure.add_subplot().bar(["A", "B"], [3, 5])
FigureCanvasAgg(figure).draw()
import mpl_toolkits.mplot3d  # still importable by name
print("drawn")
"""

KWDOC = """
from parktracker.ui import chart_loader
chart_loader.import_modules()
import matplotlib.artist
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
# The import left the property lists out of the docstrings it wrote, nothing else: the real
# kwdoc is back, and the artists' set() takes every property as before.
assert "linewidth" in matplotlib.artist.kwdoc(Line2D)
line = Line2D([0, 1], [0, 1])
line.set(linewidth=3, color="red")
rect = Rectangle((0, 0), 1, 1)
rect.set(facecolor="blue", lw=2)
print(line.get_linewidth(), rect.get_linewidth())
"""


def test_the_charts_load_without_the_3d_toolkit_which_stays_importable() -> None:
    # A process of its own: matplotlib must not be loaded yet (other tests load it).
    done = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["drawn"]


def test_the_charts_load_with_matplotlib_s_kwdoc_back_and_every_setter_working() -> None:
    done = subprocess.run(
        [sys.executable, "-c", KWDOC], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3.0", "2.0"]


KEPT = """
from parktracker.ui import chart_loader
chart_loader.import_modules()
chart_loader.keep_text_work()  # as the import thread does
from parktracker.charts import screen_agg
from parktracker.charts.build import build_figure
from parktracker.charts.screen_agg import ScreenCanvasAgg
import sys
sys.path.insert(0, sys.argv[1])
import chart_samples
kept = len(screen_agg._metrics)
ScreenCanvasAgg(build_figure(chart_samples.investment())).draw()
print(kept, chart_loader.text_store_path().is_file())
"""


def test_the_text_work_of_one_session_is_there_at_the_next(tmp_path: Path) -> None:
    env = dict(os.environ, PARKTRACKER_DATA_DIR=str(tmp_path))
    samples = str(Path(__file__).parents[1] / "charts")
    runs = [
        subprocess.run(
            [sys.executable, "-c", KEPT, samples],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
        )
        for _ in range(2)
    ]
    for done in runs:
        assert done.returncode == 0, done.stderr
    first, second = (done.stdout.split() for done in runs)
    assert first == ["0", "False"]  # nothing kept yet; written when the first process ended
    assert int(second[0]) > 0 and second[1] == "True"
