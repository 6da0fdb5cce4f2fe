"""A dashboard chart: a matplotlib Figure shown in a FigureCanvasQTAgg, with an export menu.

matplotlib is imported only when the first figure is shown (:meth:`ChartCanvas.set_figure`), so
a window holding chart canvases paints before matplotlib loads; until then the canvas shows a
"drawing…" placeholder. The mouse wheel over a chart scrolls the page around it (the
charts do not zoom), so a dashboard full of charts still scrolls wherever the pointer is.
Right-click on the chart, or its export button, offers Save as PNG / SVG
/ PDF and Copy to clipboard: the canvas only asks (signals); the page opens the export dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = ("png", "svg", "pdf")


class ChartCanvas(QFrame):
    """One chart of the dashboard, with its export menu."""

    export_requested = Signal(str)  # "png" / "svg" / "pdf"
    copy_requested = Signal()
    drawn = Signal()  # the figure was rendered (after each draw)

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName("chartCard")
        self.setStyleSheet(
            "#chartCard{background:#ffffff;border:1px solid #d0d7de;border-radius:6px;}"
            "#chartTitle{font-size:14px;font-weight:600;color:#1f4e79;}"
            "#chartPlaceholder{color:#667085;font-size:13px;}"
            "#chartExport::menu-indicator{image:none;width:0px;}"
            "#chartExport{padding:2px 8px;}"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keyboard users reach the menu (Menu key)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)

        self.header = QHBoxLayout()
        self.header.setSpacing(6)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("chartTitle")
        self.title_label.setToolTip(title)
        # A long title is cut rather than widening the card (the figure carries the full title).
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.addWidget(self.title_label, 1)
        self.menu = QMenu(self)
        self.save_actions: dict[str, QAction] = {}
        for fmt, text in (
            ("png", self.tr("Save as &PNG…")),
            ("svg", self.tr("Save as &SVG…")),
            ("pdf", self.tr("Save as P&DF…")),
        ):
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _=False, f=fmt: self.export_requested.emit(f))
            self.save_actions[fmt] = action
        self.menu.addSeparator()
        self.copy_action = self.menu.addAction(self.tr("&Copy to clipboard"))
        self.copy_action.triggered.connect(self.copy_requested)
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("chartExport")
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this chart as PNG, SVG or PDF, or copy it"))
        self.export_button.setAccessibleName(self.tr("Export chart"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(self.menu)
        self.header.addWidget(self.export_button)
        layout.addLayout(self.header)

        self.placeholder = QLabel(self.tr("Drawing the chart…"), self)
        self.placeholder.setObjectName("chartPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.placeholder, 1)
        self.canvas: Any = None  # FigureCanvasQTAgg once a figure is shown
        self.figure: Figure | None = None
        self.draw_count = 0
        self.set_chart_height(320)

    # ---------------------------------------------------------------- size
    def set_chart_height(self, height: int) -> None:
        """The height of the drawing area (the card adds its header and margins)."""
        self._chart_height = height
        self.setFixedHeight(height + 44)

    def chart_area(self) -> tuple[int, int]:
        """The drawing area's size in pixels (the card less its margins and header)."""
        if self.canvas is not None and self.canvas.isVisible():
            return self.canvas.width(), self.canvas.height()
        layout = self.layout()
        horizontal = 16 if layout is None else layout.contentsMargins().left() * 2
        return max(self.width() - horizontal, 100), self._chart_height

    # ---------------------------------------------------------------- figure
    def add_header_widget(self, widget: QWidget) -> None:
        """Put a control (e.g. a counts / 亿元 switch) in the header, before the export button."""
        self.header.insertWidget(self.header.count() - 1, widget)

    def set_figure(self, figure: Figure) -> None:
        """Show ``figure`` in place of the previous one; it is drawn (once) in the next turn
        of the event loop, at the size of the drawing area.

        The FigureCanvasQTAgg is made for the first figure and kept: later figures move into
        it, so its renderer (and matplotlib's text-layout cache) is reused.
        """
        canvas = self.canvas
        if self.figure is not None:
            from parktracker.charts.band_layout import carry_layout

            carry_layout(self.figure, figure)  # the plot likely sits where it sat
        if canvas is None:
            canvas = self._make_canvas(figure)
        else:
            ratio = canvas.device_pixel_ratio
            figure.set_dpi(figure.dpi * ratio)
            figure.set_size_inches(
                canvas.width() * ratio / figure.dpi,
                canvas.height() * ratio / figure.dpi,
                forward=False,
            )
            figure.set_canvas(canvas)
            canvas.figure = figure
        canvas.mpl_connect("draw_event", self._drawn)  # callbacks belong to the figure
        self.figure = figure
        canvas.draw_idle()

    def _make_canvas(self, figure: Figure) -> Any:
        from matplotlib.backends import backend_qtagg

        qtagg: Any = backend_qtagg  # untyped
        canvas = qtagg.FigureCanvasQTAgg(figure)
        canvas.setParent(self)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # the card's menu
        # matplotlib takes every wheel event (as its scroll_event) and accepts it, so the page's
        # scroll area would never see it: the card passes it on to its parents instead.
        canvas.installEventFilter(self)
        # The card decides the size: the figure's own size must not push the grid's columns.
        canvas.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        # Sized before it shows, so its first draw is at the final size (no second draw).
        canvas.resize(QSize(*self.chart_area()))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.replaceWidget(self.placeholder, canvas)
        self.placeholder.hide()
        self.canvas = canvas
        canvas.show()
        return canvas

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.canvas and event.type() == QEvent.Type.Wheel:
            # Not for matplotlib: the scroll area around the card scrolls instead. (Qt would
            # offer an ignored wheel event to the parents, but only a spontaneous one.)
            area = self._scroll_area()
            if area is not None:
                QCoreApplication.sendEvent(area.viewport(), event)
            else:
                event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _scroll_area(self) -> QAbstractScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        return parent

    def _drawn(self, _event: object) -> None:
        self.draw_count += 1
        self.drawn.emit()

    # ---------------------------------------------------------------- menu
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        self.show_menu(event.globalPos())

    def show_menu(self, where: QPoint) -> None:
        self.menu.popup(where)
