"""Sizes, type and colours of ParkTracker's charts: a restrained government-report look.

Colours: one blue family for the data (darker = further along), a red only for the target and
the sample-data mark, greys for reference lines, text and grid. No shadows, no 3-D, no
backgrounds; light grid lines on the value axis only.
"""

from __future__ import annotations

from dataclasses import dataclass

CM_PER_INCH = 2.54


@dataclass(frozen=True)
class ChartSize:
    """A figure's size on paper, in centimetres."""

    width_cm: float
    height_cm: float

    def __post_init__(self) -> None:
        if not (3 <= self.width_cm <= 100 and 3 <= self.height_cm <= 100):
            raise ValueError(f"chart size out of range (3–100 cm): {self}")

    @property
    def inches(self) -> tuple[float, float]:
        return (self.width_cm / CM_PER_INCH, self.height_cm / CM_PER_INCH)

    @property
    def compact(self) -> bool:
        """Narrow figures (a half-width Word figure) get smaller type and fewer tick labels."""
        return self.width_cm < 11

    @classmethod
    def from_pixels(cls, width_px: float, height_px: float, dpi: float) -> ChartSize:
        """The size of an on-screen canvas (widths under 3 cm are raised to 3 cm)."""
        to_cm = CM_PER_INCH / dpi
        return cls(min(max(width_px * to_cm, 3.0), 100.0), min(max(height_px * to_cm, 3.0), 100.0))

    @classmethod
    def parse(cls, text: str) -> ChartSize:
        """``16x10`` or ``16×10`` (centimetres)."""
        parts = text.lower().replace("×", "x").replace("cm", "").split("x")
        if len(parts) != 2:
            raise ValueError(f"not a size WIDTHxHEIGHT in cm: {text!r}")
        return cls(float(parts[0]), float(parts[1]))


# A Word A4 page with 2.5–3.2 cm margins has a text width of about 15–16 cm.
WORD_FULL = ChartSize(16.0, 10.0)
WORD_HALF = ChartSize(8.0, 7.0)
PRESETS: dict[str, ChartSize] = {"word-full": WORD_FULL, "word-half": WORD_HALF}
EXPORT_DPI = 300


@dataclass(frozen=True)
class Typography:
    """Font sizes in points."""

    title: float
    subtitle: float
    tick: float
    label: float  # data labels, legend
    note: float  # notes and source footnote
    message: float  # "no data"


FULL_TYPE = Typography(title=11, subtitle=8.5, tick=8, label=7.5, note=7, message=11)
COMPACT_TYPE = Typography(title=9, subtitle=7, tick=6.5, label=6.5, note=6, message=9)


def typography(size: ChartSize) -> Typography:
    return COMPACT_TYPE if size.compact else FULL_TYPE


# ---------------------------------------------------------------- colours
TEXT = "#222222"
MUTED = "#595959"  # subtitle, notes, tick labels
GRID = "#D9D9D9"
AXIS = "#8C8C8C"
NAVY = "#1F4E79"
BLUE = "#2E75B6"
MID_BLUE = "#5B9BD5"
LIGHT_BLUE = "#9DC3E6"
PALE_BLUE = "#DEEBF7"
TARGET_RED = "#C00000"
PACE_GREY = "#7F7F7F"
EARLIER_GREY = "#A6A6A6"
SAMPLE_RED = "#C00000"
TERMINATED_GREY = "#BFBFBF"
