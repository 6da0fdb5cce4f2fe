"""Saving charts: PNG (300 dpi), SVG and PDF, one file or all of them, never half-written.

Every file is written as every export is (:func:`parktracker.io.safe_file.atomic_write`): next to
its destination under a temporary name, renamed over it only once complete, so a failed write
(full disk, no permission, a crash) leaves any existing file as it was. Failures raise
:class:`ChartExportError` (an :class:`~parktracker.io.safe_file.ExportError`) with a message for
the user.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from matplotlib.figure import Figure

from parktracker.charts.build import ChartData, build_figure
from parktracker.charts.fonts import RC_PARAMS, ensure_fonts
from parktracker.charts.options import ChartOptions, Translate
from parktracker.charts.style import EXPORT_DPI, PRESETS, ChartSize
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.io import safe_file
from parktracker.io.safe_file import ExportError

FORMATS = ("png", "svg", "pdf")
SOFTWARE = "ParkTracker"

T_CANNOT_WRITE = QT_TRANSLATE_NOOP("Charts", "Cannot write the chart to %1: %2")
T_UNKNOWN_FORMAT = QT_TRANSLATE_NOOP(
    "Charts", "Cannot save a chart as “%1”: choose a file ending in .png, .svg or .pdf."
)
T_UNKNOWN_PRESET = QT_TRANSLATE_NOOP("Charts", "Unknown size “%1”: use %2.")


class ChartExportError(ExportError):
    """A chart could not be saved; :meth:`render` gives the sentence for the user."""


def format_of(path: Path | str) -> str:
    """``png``/``svg``/``pdf`` from the file name; ChartExportError for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ChartExportError(T_UNKNOWN_FORMAT, Path(path).name)
    return suffix


def preset(name: str) -> ChartSize:
    """``word-full`` (16 cm wide) or ``word-half`` (8 cm wide)."""
    try:
        return PRESETS[name]
    except KeyError:
        raise ChartExportError(T_UNKNOWN_PRESET, name, ", ".join(PRESETS)) from None


def _metadata(fig: Figure, fmt: str) -> dict[str, Any]:
    title = fig.get_label() or None
    if fmt == "png":
        return {"Software": SOFTWARE, **({"Title": title} if title else {})}
    if fmt == "pdf":
        return {"Creator": SOFTWARE, **({"Title": title} if title else {})}
    return {"Creator": SOFTWARE, "Date": None, **({"Title": title} if title else {})}


def write_figure(fig: Figure, target: IO[bytes], fmt: str, dpi: float = EXPORT_DPI) -> None:
    """Render ``fig`` as ``fmt`` into an open binary file (fonts embedded, see fonts.py)."""
    import matplotlib as mpl

    ensure_fonts()
    with mpl.rc_context(RC_PARAMS):
        fig.savefig(target, format=fmt, dpi=dpi, facecolor="white", metadata=_metadata(fig, fmt))


def figure_bytes(fig: Figure, fmt: str = "png", dpi: float = EXPORT_DPI) -> bytes:
    """The file's bytes without touching the disk (copying to the clipboard)."""
    buffer = io.BytesIO()
    write_figure(fig, buffer, fmt, dpi)
    return buffer.getvalue()


def atomic_write(path: Path | str, write: Callable[[IO[bytes]], None]) -> Path:
    """The exports' one safe write (:func:`parktracker.io.safe_file.atomic_write`), failing
    with a :class:`ChartExportError` that names the chart."""
    return safe_file.atomic_write(path, write, message=T_CANNOT_WRITE, error=ChartExportError)


def save_figure(
    fig: Figure, path: Path | str, *, fmt: str | None = None, dpi: float = EXPORT_DPI
) -> Path:
    """Save a built figure; the format comes from the file name unless given."""
    chosen = fmt.lower() if fmt else format_of(path)
    if chosen not in FORMATS:
        raise ChartExportError(T_UNKNOWN_FORMAT, chosen)
    return atomic_write(path, lambda handle: write_figure(fig, handle, chosen, dpi))


def export_chart(
    data: ChartData,
    path: Path | str,
    *,
    options: ChartOptions | None = None,
    tr: Translate | None = None,
    fmt: str | None = None,
    dpi: float = EXPORT_DPI,
) -> Path:
    """Build and save one chart (size, title and footnote from ``options``)."""
    chosen = fmt.lower() if fmt else format_of(path)
    return save_figure(build_figure(data, options, tr), path, fmt=chosen, dpi=dpi)


def _options_for(
    name: str, options: ChartOptions | Mapping[str, ChartOptions] | None
) -> ChartOptions | None:
    if isinstance(options, Mapping):
        return options.get(name)
    return options


def export_all(
    charts: Mapping[str, ChartData],
    folder: Path | str,
    *,
    fmt: str = "png",
    options: ChartOptions | Mapping[str, ChartOptions] | None = None,
    tr: Translate | None = None,
    dpi: float = EXPORT_DPI,
) -> list[Path]:
    """Every chart into ``folder`` as ``<name>.<fmt>`` (the folder is made if missing).

    ``options`` is one ChartOptions for all, or one per chart name (missing names: defaults).
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ChartExportError(T_UNKNOWN_FORMAT, fmt)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise safe_file.os_error(
            folder, exc, message=T_CANNOT_WRITE, error=ChartExportError
        ) from exc
    return [
        export_chart(
            data,
            folder / f"{name}.{fmt}",
            options=_options_for(name, options),
            tr=tr,
            fmt=fmt,
            dpi=dpi,
        )
        for name, data in charts.items()
    ]


def export_pdf_book(
    charts: Mapping[str, ChartData],
    path: Path | str,
    *,
    options: ChartOptions | Mapping[str, ChartOptions] | None = None,
    tr: Translate | None = None,
    title: str | None = None,
) -> Path:
    """All charts in one PDF, a page each, in the mapping's order."""
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    figures = [build_figure(data, _options_for(name, options), tr) for name, data in charts.items()]

    def write(handle: IO[bytes]) -> None:
        metadata = {"Creator": SOFTWARE, **({"Title": title} if title else {})}
        with mpl.rc_context(RC_PARAMS), PdfPages(handle, metadata=metadata) as pdf:
            for fig in figures:
                pdf.savefig(fig, facecolor="white")

    ensure_fonts()
    return atomic_write(path, write)
