"""A dashboard chart: the picture of a matplotlib Figure, with an export menu.

The Figure is built and drawn off the GUI thread (:mod:`parktracker.ui.chart_render`); the
card shows the finished picture (:class:`ChartImage`) and keeps the Figure (:attr:`figure`)
for the tests and the export dialog. matplotlib is never imported here, so a window holding
chart canvases paints before matplotlib loads; until the first picture comes the card shows a
"drawing…" placeholder. The mouse wheel over a chart scrolls the page around it (the charts do
not zoom), so a dashboard full of charts still scrolls wherever the pointer is.
Right-click on the chart, or its export button, offers Save as PNG / SVG
/ PDF and Copy to clipboard: the canvas only asks (signals); the page opens the export dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QImage, QPainter, QPaintEvent
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
        self.canvas: ChartImage | None = None  # once a figure is shown
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
        if self.placeholder.isVisible():  # laid out where the picture will be: its size
            return self.placeholder.width(), self.placeholder.height()
        layout = self.layout()
        horizontal = 16 if layout is None else layout.contentsMargins().left() * 2
        return max(self.width() - horizontal, 100), self._chart_height

    # ---------------------------------------------------------------- figure
    def add_header_widget(self, widget: QWidget) -> None:
        """Put a control (e.g. a counts / 亿元 switch) in the header, before the export button."""
        self.header.insertWidget(self.header.count() - 1, widget)

    def layout_seed(self) -> Any:
        """Where the plot sits in the figure shown now (its BandLayout seed), or None: the
        next figure of this chart likely fits there at once."""
        engine = None if self.figure is None else self.figure.get_layout_engine()
        seed = getattr(engine, "seed", None)
        return None if seed is None else seed.frozen()

    def device_pixel_ratio(self) -> float:
        return float(self.devicePixelRatioF())

    def show_rendered(self, figure: Figure, image: QImage) -> None:
        """Show a figure drawn elsewhere (:func:`parktracker.ui.chart_render.render`) in place
        of the previous one."""
        if self.canvas is None:
            self.canvas = self._make_canvas()
        self.figure = figure
        self.canvas.set_image(image)
        self.draw_count += 1
        self.drawn.emit()

    def set_figure(self, figure: Figure) -> None:
        """Draw ``figure`` here, in this thread, at the size of the drawing area."""
        from parktracker.ui.chart_render import render

        width, height = self.chart_area()
        seed = self.layout_seed()
        _, image = render(
            lambda: figure,
            width=width,
            height=height,
            ratio=self.device_pixel_ratio(),
            seed=seed,
        )
        self.show_rendered(figure, image)

    def _make_canvas(self) -> ChartImage:
        canvas = ChartImage(self)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # the card's menu
        canvas.installEventFilter(self)
        # The card decides the size: the picture's own size must not push the grid's columns.
        canvas.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        canvas.resize(QSize(*self.chart_area()))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.replaceWidget(self.placeholder, canvas)
        self.placeholder.hide()
        canvas.show()
        return canvas

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.canvas and event.type() == QEvent.Type.Wheel:
            # The scroll area around the card scrolls. (Qt would offer an ignored wheel event
            # to the parents, but only a spontaneous one.)
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

    # ---------------------------------------------------------------- menu
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        self.show_menu(event.globalPos())

    def show_menu(self, where: QPoint) -> None:
        self.menu.popup(where)


class ChartImage(QWidget):
    """A chart's picture, drawn elsewhere: painted at the top left of the drawing area (a
    resize shows the old picture until the page has drawn the chart at its new size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.image: QImage | None = None

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(event.rect(), Qt.GlobalColor.white)
        if self.image is not None:
            painter.drawImage(0, 0, self.image)
        painter.end()
