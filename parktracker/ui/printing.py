"""File → Print… and Print Preview… for the page that is showing.

A page with a table prints the table (the rows its filters show, in their order) as a
document that flows over as many sheets as it needs, with the page's title and summary on top;
any other page (the dashboard) is drawn as it looks, scaled to the sheet. Qt's own print
dialog and print preview do the rest (printer, paper, PDF).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QMarginsF, QModelIndex, QPoint, Qt
from PySide6.QtGui import QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from parktracker.ui.pages.base import Page

MAX_ROWS = 5000  # beyond this a printout is no use; the export is


def table_html(title: str, summary: str, model: QAbstractItemModel, note: str = "") -> str:
    """The model's rows (up to MAX_ROWS) as an HTML table with its headers."""
    columns = model.columnCount()
    head = "".join(
        "<th>"
        + html.escape(str(model.headerData(c, Qt.Orientation.Horizontal) or "")).replace(
            "\n", "<br>"
        )
        + "</th>"
        for c in range(columns)
    )
    body = []
    rows = min(model.rowCount(), MAX_ROWS)
    for r in range(rows):
        cells = []
        for c in range(columns):
            value = model.index(r, c, QModelIndex()).data()
            align = model.index(r, c, QModelIndex()).data(Qt.ItemDataRole.TextAlignmentRole)
            right = align is not None and int(align) & int(Qt.AlignmentFlag.AlignRight)
            style = ' align="right"' if right else ""
            cells.append(f"<td{style}>{html.escape('' if value is None else str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    parts = [
        "<html><body style='font-size:9pt'>",
        f"<h3>{html.escape(title)}</h3>",
        f"<p>{html.escape(summary)}</p>" if summary else "",
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>",
        f"<thead><tr>{head}</tr></thead>",
        "".join(body),
        "</table>",
        f"<p>{html.escape(note)}</p>" if note else "",
        "</body></html>",
    ]
    return "".join(parts)


def render(page: Page, printer: QPrinter) -> None:
    """Print ``page`` on ``printer``: its table as a document, or else the page as drawn."""
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    table = page.print_table()
    if table is not None:
        title, summary, model = table
        note = ""
        if model.rowCount() > MAX_ROWS:
            note = QCoreApplication.translate(
                "Printing", "Only the first %1 of %2 rows are printed; export the table for all."
            )
            note = note.replace("%1", str(MAX_ROWS)).replace("%2", str(model.rowCount()))
        document = QTextDocument()
        document.setHtml(table_html(title, summary, model, note))
        document.print_(printer)
        return
    widget = page.print_widget()
    painter = QPainter(printer)
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        scale = min(area.width() / max(widget.width(), 1), area.height() / max(widget.height(), 1))
        painter.scale(scale, scale)
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()


def print_page(page: Page, parent: QWidget) -> bool:
    """Qt's print dialog for ``page``; True when printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print %1").replace("%1", page.title())
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render(page, printer)
    return True


def preview_page(page: Page, parent: QWidget) -> QPrintPreviewDialog:
    """Qt's print preview of ``page`` (shown modally; returned for tests)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print Preview — %1").replace("%1", page.title())
    )
    dialog.paintRequested.connect(lambda p: render(page, p))
    dialog.resize(900, 700)
    dialog.exec()
    return dialog
