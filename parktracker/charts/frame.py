"""What every chart carries around its plot: title, as-of date and unit, sample-data mark,
legend, notes and the data-source footnote, and the "no data" message.

The frame is measured when the figure is built: long titles and footnotes wrap (Chinese breaks
between characters), the legend takes as many columns as fit, and the header and footer heights
are fixed in inches. The plot takes what is left (:class:`BandLayout`), less what its tick
labels, data labels and axis labels need, so none of them is clipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from matplotlib import rcParams
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.textpath import text_to_path
from matplotlib.transforms import offset_copy

from parktracker.charts import style
from parktracker.charts.band_layout import BandLayout
from parktracker.charts.fonts import ensure_fonts
from parktracker.charts.glyphs import drawable
from parktracker.charts.labels import wrap
from parktracker.charts.screen_agg import ScreenRendererAgg, keep_width, kept_width
from parktracker.charts.style import ChartSize, Typography

PT = 1 / 72  # inches per point
MARGIN = 6 * PT  # white space between the figure's edge and any text
GAP = 4 * PT  # between blocks of the header and the footer
LINE_SPACING = 1.3


@dataclass(frozen=True)
class FrameTexts:
    """The words around a chart, already in the user's language."""

    title: str
    subtitle: str  # "截至2024年3月31日　单位：亿元"
    source: str  # data-source footnote
    sample_mark: str | None = None  # "示例数据" when the data is sample data
    notes: Sequence[str] = field(default_factory=tuple)


def _drawable_texts(texts: FrameTexts) -> FrameTexts:
    """Titles and notes may come from the user (an edited title, a park's name)."""
    return replace(
        texts,
        title=drawable(texts.title),
        subtitle=drawable(texts.subtitle),
        source=drawable(texts.source),
        notes=tuple(drawable(note) for note in texts.notes),
    )


class ChartFrame:
    """Builds a Figure of ``size`` with the frame; the builder then draws into :meth:`axes`."""

    def __init__(self, size: ChartSize, texts: FrameTexts) -> None:
        ensure_fonts()
        self.size = size
        self.type: Typography = style.typography(size)
        self.texts = texts = _drawable_texts(texts)
        self.figure = Figure(figsize=size.inches, dpi=100, facecolor="white")
        self.figure.set_label(texts.title)  # the exported file's title (PDF/PNG metadata)
        FigureCanvasAgg(self.figure)  # any canvas may replace it
        # Text is measured with a renderer that keeps each string's size for the next figure
        # (the same sizes as matplotlib's own; see screen_agg).
        width, height = self.figure.bbox.size
        self._renderer = ScreenRendererAgg(width, height, self.figure.dpi)
        self._width_in = size.inches[0] - 2 * MARGIN
        self._header_in = MARGIN
        self._footer_in = MARGIN
        self._legend_args: tuple[list[Any], list[str]] | None = None
        self.header: list[Text] = []
        self.footer: list[Text] = []

    # ------------------------------------------------------------ measuring
    def measure(self, text: str, size: float, weight: str = "normal") -> float:
        """Width of one line of ``text`` in inches, from the font's unhinted advances (what PDF
        and SVG use; hinted raster widths differ by a few per cent), plus a small allowance."""
        return _text_width(text, size, weight, tuple(rcParams["font.family"]))

    def measure_block(
        self, text: str, size: float, weight: str = "normal", linespacing: float = LINE_SPACING
    ) -> tuple[float, float]:
        """Width and height in inches of ``text`` (several lines) as matplotlib will lay it
        out: the height depends on the font's line metrics, which an estimate gets wrong."""
        probe = self.figure.text(
            0, 0, text, fontsize=size, fontweight=weight, linespacing=linespacing, parse_math=False
        )
        try:
            return self._extent_in(probe)
        finally:
            probe.remove()

    def _extent_in(self, artist: Any) -> tuple[float, float]:
        box = artist.get_window_extent(self._renderer)
        return box.width / self.figure.dpi, box.height / self.figure.dpi

    # ------------------------------------------------------------ header
    def _top_text(self, text: str, top_in: float, **kwargs: Any) -> Text:
        transform = offset_copy(
            self.figure.transFigure, fig=self.figure, x=MARGIN, y=-top_in, units="inches"
        )
        artist = self.figure.text(
            0,
            1,
            text,
            transform=transform,
            va="top",
            ha="left",
            parse_math=False,
            linespacing=LINE_SPACING,
            **kwargs,
        )
        self.header.append(artist)
        return artist

    def _build_header(self) -> None:
        t = self.type
        texts = self.texts
        mark_width = 0.0
        if texts.sample_mark:
            pad = 0.3
            mark = self.figure.text(
                1,
                1,
                texts.sample_mark,
                va="top",
                ha="right",
                parse_math=False,
                fontsize=t.subtitle,
                color=style.SAMPLE_RED,
                fontweight="bold",
                transform=offset_copy(
                    self.figure.transFigure,
                    fig=self.figure,
                    x=-(MARGIN + pad * t.subtitle * PT),
                    y=-(MARGIN + pad * t.subtitle * PT),
                    units="inches",
                ),
                bbox={
                    "boxstyle": f"square,pad={pad}",
                    "facecolor": "white",
                    "edgecolor": style.SAMPLE_RED,
                    "linewidth": 0.8,
                },
            )
            self.header.append(mark)
            mark_width = (
                self.measure(texts.sample_mark, t.subtitle, "bold")
                + (2 * pad * t.subtitle + 8) * PT
            )
        top = MARGIN
        if texts.title:  # an empty title leaves the line out (the dashboard titles its cards)
            title_lines = wrap(
                texts.title,
                self._width_in - mark_width,
                lambda s: self.measure(s, t.title, "bold"),
            )
            title = self._top_text(
                "\n".join(title_lines), top, fontsize=t.title, fontweight="bold", color=style.TEXT
            )
            top += self._extent_in(title)[1] + GAP * 0.75
        if texts.subtitle:
            room = self._width_in - (0.0 if texts.title else mark_width)
            sub_lines = wrap(texts.subtitle, room, lambda s: self.measure(s, t.subtitle))
            subtitle = self._top_text(
                "\n".join(sub_lines), top, fontsize=t.subtitle, color=style.MUTED
            )
            top += self._extent_in(subtitle)[1] + GAP
        if self._legend_args is not None:
            top += self._place_legend(top) + GAP
        self._header_in = top

    @property
    def body_height_in(self) -> float:
        """Height left for the plot (with its tick labels), once :meth:`finish` ran."""
        return self.size.inches[1] - self._header_in - self._footer_in

    def legend(self, handles: list[Any], labels: list[str]) -> None:
        """A one- or multi-row legend under the subtitle (columns as many as fit)."""
        self._legend_args = (handles, labels)

    def _place_legend(self, top_in: float) -> float:
        assert self._legend_args is not None
        handles, labels = self._legend_args
        transform = offset_copy(
            self.figure.transFigure, fig=self.figure, x=MARGIN, y=-top_in, units="inches"
        )
        legend = None
        for ncols in range(len(labels), 0, -1):
            if legend is not None:
                legend.remove()
            legend = self.figure.legend(
                handles,
                labels,
                loc="upper left",
                bbox_to_anchor=(0, 1),
                bbox_transform=transform,
                ncols=ncols,
                frameon=False,
                fontsize=self.type.label,
                borderaxespad=0,
                borderpad=0,
                handlelength=1.6,
                handletextpad=0.4,
                columnspacing=1.2,
                labelcolor=style.TEXT,
            )
            legend.set_in_layout(False)
            if self._extent_in(legend)[0] <= self._width_in or ncols == 1:
                break
        assert legend is not None
        return self._extent_in(legend)[1]

    # ------------------------------------------------------------ footer
    def _build_footer(self) -> None:
        t = self.type
        lines: list[str] = []
        for note in [*self.texts.notes, self.texts.source]:
            if note:
                lines.extend(wrap(note, self._width_in, lambda s: self.measure(s, t.note)))
        bottom = MARGIN
        if lines:
            transform = offset_copy(
                self.figure.transFigure, fig=self.figure, x=MARGIN, y=MARGIN, units="inches"
            )
            footer = self.figure.text(
                0,
                0,
                "\n".join(lines),
                transform=transform,
                va="bottom",
                ha="left",
                fontsize=t.note,
                color=style.MUTED,
                parse_math=False,
                linespacing=LINE_SPACING,
            )
            self.footer.append(footer)
            bottom += self._extent_in(footer)[1] + GAP
        self._footer_in = bottom

    # ------------------------------------------------------------ body
    def finish(self) -> Figure:
        """Lay the header and footer out and leave the band between them to the plot."""
        self._build_header()
        self._build_footer()
        self.figure.set_layout_engine(
            BandLayout(
                header_in=self._header_in,
                footer_in=self._footer_in,
                side_in=MARGIN,
                gap_in=2 * PT,
            )
        )
        return self.figure

    def plot_size_estimate(self, y_label_in: float, x_label_lines: int = 1) -> tuple[float, float]:
        """About how large the plot area will be (inches), for placing callouts before the
        layout runs: the band, less the value-axis labels and the category-axis tick labels."""
        width = self.size.inches[0] - 2 * MARGIN - y_label_in - 4 * PT
        height = self.body_height_in - x_label_lines * self.type.tick * LINE_SPACING * PT - 8 * PT
        return max(width, 0.1), max(height, 0.1)

    def axes(self) -> Axes:
        ax = self.figure.add_subplot()
        return ax

    def no_data(self, message: str) -> Axes:
        """An explicit message where the plot would be, instead of an empty axis."""
        ax = self.figure.add_subplot()
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            message,
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=self.type.message,
            color=style.MUTED,
            parse_math=False,
        )
        return ax


def style_axes(ax: Axes, typo: Typography, *, value_axis: Literal["x", "y"]) -> None:
    """Report look: no box, light grid on the value axis only, quiet tick labels."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(style.AXIS)
        ax.spines[side].set_linewidth(0.6)
    ax.set_axisbelow(True)
    ax.grid(axis=value_axis, color=style.GRID, linewidth=0.6)
    ax.tick_params(labelsize=typo.tick, colors=style.MUTED, width=0.6, length=2.5)
    category_axis: Literal["x", "y"] = "y" if value_axis == "x" else "x"
    ax.tick_params(axis=category_axis, length=0, pad=3)
    if value_axis == "x":
        ax.spines["bottom"].set_visible(False)
        ax.tick_params(axis="x", length=0)
    else:
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)


def _text_width(text: str, size: float, weight: str, family: tuple[str, ...]) -> float:
    """Measured once per text, size, weight and font family (kept with the screen's text work,
    :mod:`parktracker.charts.screen_agg`): redraws and line breaking measure the same titles,
    labels and their prefixes again and again. ``family`` is part of the key only: the
    measurement uses the current rcParams."""
    key = (text, size, weight, family)
    found = kept_width(key)
    if found is None:
        prop = FontProperties(size=size, weight=weight)
        width, _h, _d = text_to_path.get_text_width_height_descent(text, prop, ismath=False)
        found = float(width) * PT * 1.02
        keep_width(key, found)
    return found
