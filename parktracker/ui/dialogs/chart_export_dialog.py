"""Exporting dashboard charts for official documents: PNG (300 dpi), SVG or PDF.

One chart (Save as… from its menu): choose the format, a size — a full-width Word figure
(16 cm), a half-width one (8 cm) or a custom size in cm —, edit the title and the data-source
footnote, choose the file; or copy the chart to the clipboard. Every chart (Export all charts…):
a file each in a folder, or one multi-page PDF. Files are written by
:mod:`parktracker.charts.export` (temporary file, then renamed: a failed write never replaces an
existing file); a failure is shown in the dialog, which stays open with the user's choices.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.ui import number_display
from parktracker.ui.text import qt_tr

FORMATS = ("png", "svg", "pdf")
PRESET_NAMES = ("word-full", "word-half")
EXPORT_DPI = 300
SETTINGS_FOLDER = "dashboard/exportFolder"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def safe_file_name(text: str) -> str:
    """A file name made from a chart's title (no path separators or reserved characters)."""
    return _UNSAFE.sub("-", text).strip("-.") or "chart"


def copy_to_clipboard(data: Any, options: Any, dpi: int = EXPORT_DPI) -> QImage:
    """Put the chart on the clipboard as an image (as a PNG export would look)."""
    from parktracker.charts.build import build_figure
    from parktracker.charts.export import figure_bytes

    image = QImage.fromData(figure_bytes(build_figure(data, options, qt_tr), "png", dpi))
    QApplication.clipboard().setImage(image)
    return image


class ChartExportDialog(QDialog):
    """Export one chart (``mode="one"``) or all of them (``"folder"`` or ``"pdf"``)."""

    saved = Signal(list)  # the Paths written
    copied = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        *,
        charts: Mapping[str, Any],
        names: Mapping[str, str],
        mode: str = "one",
        fmt: str = "png",
        titles: Mapping[str, str] | None = None,
        as_of: dt.date | None = None,
        options: Callable[..., Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.charts = dict(charts)
        self.names = dict(names)
        self.mode = mode
        self.as_of = as_of
        self._options = options
        self.written: list[Path] = []
        first = next(iter(self.charts))
        if mode == "one":
            self.setWindowTitle(fill(self.tr("Export chart “%1”"), (self.names.get(first, first),)))
        elif mode == "pdf":
            self.setWindowTitle(self.tr("Export all charts to one PDF"))
        else:
            self.setWindowTitle(self.tr("Export all charts to a folder"))
        self.setMinimumWidth(660)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(form)
        self._build_format_and_size(form, fmt)
        self._build_texts_and_path(form, (titles or {}).get(first, ""))
        self._build_buttons(layout)
        self.format_box.currentIndexChanged.connect(lambda *_: self._format_changed())
        self.size_box.currentIndexChanged.connect(lambda *_: self._size_changed())
        self._size_changed()
        self._format_changed()

    def _build_format_and_size(self, form: QFormLayout, fmt: str) -> None:
        mode = self.mode

        self.format_box = QComboBox(self)
        for value, text in (
            ("png", self.tr("PNG image (300 dpi)")),
            ("svg", self.tr("SVG drawing")),
            ("pdf", self.tr("PDF document")),
        ):
            self.format_box.addItem(text, value)
        self.format_box.setCurrentIndex(max(FORMATS.index(fmt) if fmt in FORMATS else 0, 0))
        if mode != "pdf":
            form.addRow(self.tr("&Format"), self.format_box)
        else:
            self.format_box.setCurrentIndex(FORMATS.index("pdf"))
            self.format_box.hide()

        self.size_box = QComboBox(self)
        self.size_box.addItem(self.tr("Word page, full width (16 × 10 cm)"), "word-full")
        self.size_box.addItem(self.tr("Word page, half width (8 × 7 cm)"), "word-half")
        self.size_box.addItem(self.tr("Custom size"), "custom")
        form.addRow(self.tr("&Size"), self.size_box)
        self.width_box = self._cm_box(16.0)
        self.height_box = self._cm_box(10.0)
        size_row = QHBoxLayout()
        width_label = QLabel(self.tr("&Width"), self)
        width_label.setBuddy(self.width_box)
        height_label = QLabel(self.tr("H&eight"), self)
        height_label.setBuddy(self.height_box)
        size_row.addWidget(width_label)
        size_row.addWidget(self.width_box)
        size_row.addSpacing(12)
        size_row.addWidget(height_label)
        size_row.addWidget(self.height_box)
        size_row.addStretch(1)
        self.size_row = QWidget(self)
        self.size_row.setLayout(size_row)
        size_row.setContentsMargins(0, 0, 0, 0)
        form.addRow("", self.size_row)

        self.dpi_box = QSpinBox(self)
        self.dpi_box.setRange(72, 1200)
        self.dpi_box.setValue(EXPORT_DPI)
        self.dpi_box.setSuffix(" dpi")
        self.dpi_label = QLabel(self.tr("&Resolution"), self)
        self.dpi_label.setBuddy(self.dpi_box)
        form.addRow(self.dpi_label, self.dpi_box)

    def _build_texts_and_path(self, form: QFormLayout, title: str) -> None:
        mode = self.mode
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("The chart's own title"))
        if mode == "one":
            self.title_edit.setText(title)
            form.addRow(self.tr("&Title"), self.title_edit)
        else:
            self.title_edit.hide()
        self.source_edit = QLineEdit(self)
        self.source_edit.setText(self._default_source())
        self.source_edit.setCursorPosition(0)
        form.addRow(self.tr("Source &footnote"), self.source_edit)

        self.path_edit = QLineEdit(self)
        self.path_edit.setText(str(self._default_path()))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        path_label = QLabel(self.tr("Save &to") if mode != "folder" else self.tr("&Folder"), self)
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        self.message = QLabel(self)
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color:#b42318;")
        self.message.hide()
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.copy_button = self.buttons.addButton(
            self.tr("&Copy to clipboard"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setVisible(self.mode == "one")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _cm_box(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(3.0, 100.0)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setSuffix(" cm")
        box.setValue(value)
        return box

    # ---------------------------------------------------------------- defaults
    def _default_source(self) -> str:
        from parktracker.charts.options import default_source

        context = next(iter(self.charts.values())).context
        return default_source(context, qt_tr)

    def _folder(self) -> Path:
        stored = QSettings().value(SETTINGS_FOLDER)
        if stored and Path(str(stored)).is_dir():
            return Path(str(stored))
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _default_path(self) -> Path:
        folder = self._folder()
        stamp = "" if self.as_of is None else "-" + self.as_of.isoformat()
        if self.mode == "folder":
            return folder / safe_file_name(self.tr("Dashboard charts") + stamp)
        if self.mode == "pdf":
            return folder / (safe_file_name(self.tr("Dashboard charts") + stamp) + ".pdf")
        first = next(iter(self.charts))
        name = safe_file_name(self.names.get(first, first) + stamp)
        return folder / f"{name}.{self.fmt()}"

    # ---------------------------------------------------------------- choices
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def _format_changed(self) -> None:
        png = self.fmt() == "png"
        self.dpi_box.setEnabled(png)
        self.dpi_label.setEnabled(png)
        if self.mode == "one":
            path = Path(self.path_edit.text().strip() or str(self._default_path()))
            self.path_edit.setText(str(path.with_suffix("." + self.fmt())))

    def _size_changed(self) -> None:
        from parktracker.charts.style import PRESETS

        chosen = self.size_box.currentData()
        custom = chosen == "custom"
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)
        if not custom:
            size = PRESETS[str(chosen)]
            self.width_box.setValue(size.width_cm)
            self.height_box.setValue(size.height_cm)

    def chart_size(self) -> Any:
        from parktracker.charts.style import PRESETS, ChartSize

        chosen = str(self.size_box.currentData())
        if chosen in PRESETS:
            return PRESETS[chosen]
        return ChartSize(self.width_box.value(), self.height_box.value())

    def options_for(self, name: str) -> Any:
        title = self.title_edit.text().strip() if self.mode == "one" else ""
        source = self.source_edit.text().strip()
        changes: dict[str, Any] = {
            "size": self.chart_size(),
            "title": title or None,
            "source": source,
        }
        if self._options is not None:
            return self._options(name, **changes)
        from parktracker.charts.options import ChartOptions

        return ChartOptions(number_format=number_display.current(), **changes)

    def browse(self) -> None:
        current = self.path_edit.text().strip()
        if self.mode == "folder":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export charts to"), current)
        else:
            filters = {
                "png": self.tr("PNG images (*.png)"),
                "svg": self.tr("SVG drawings (*.svg)"),
                "pdf": self.tr("PDF documents (*.pdf)"),
            }
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save chart as"), current, filters[self.fmt()]
            )
        if chosen:
            self.path_edit.setText(chosen)

    # ---------------------------------------------------------------- actions
    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def save(self) -> None:
        from parktracker.charts.export import (
            ChartExportError,
            export_all,
            export_chart,
            export_pdf_book,
        )

        text = self.path_edit.text().strip()
        if not text:
            self._fail(self.tr("Choose where to save."))
            return
        path = Path(text).expanduser()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            options = {name: self.options_for(name) for name in self.charts}
            if self.mode == "one":
                name = next(iter(self.charts))
                if path.suffix.lower() != "." + self.fmt():
                    path = path.with_name(path.name + "." + self.fmt())
                written = [
                    export_chart(
                        self.charts[name],
                        path,
                        options=options[name],
                        tr=qt_tr,
                        fmt=self.fmt(),
                        dpi=self.dpi_box.value(),
                    )
                ]
            elif self.mode == "pdf":
                if path.suffix.lower() != ".pdf":
                    path = path.with_name(path.name + ".pdf")
                written = [
                    export_pdf_book(self.charts, path, options=options, tr=qt_tr, title=path.stem)
                ]
            else:
                written = export_all(
                    self.charts,
                    path,
                    fmt=self.fmt(),
                    options=options,
                    tr=qt_tr,
                    dpi=self.dpi_box.value(),
                )
        except ChartExportError as exc:
            self._fail(exc.render(qt_tr))
            return
        except ValueError as exc:  # a size out of range
            self._fail(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.written = written
        folder = path if self.mode == "folder" else path.parent
        QSettings().setValue(SETTINGS_FOLDER, str(folder))
        self.saved.emit(written)
        self.accept()

    def copy(self) -> None:
        name = next(iter(self.charts))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            copy_to_clipboard(self.charts[name], self.options_for(name), self.dpi_box.value())
        except ValueError as exc:
            self._fail(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.copied.emit()
        self.accept()
