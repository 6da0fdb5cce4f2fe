"""The chart modules, imported for the dashboard off the GUI thread."""

from __future__ import annotations

import subprocess
import sys

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


def test_the_charts_load_without_the_3d_toolkit_which_stays_importable() -> None:
    # A process of its own: matplotlib must not be loaded yet (other tests load it).
    done = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["drawn"]
