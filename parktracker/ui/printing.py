"""File → Print… and Print Preview… for the page that is showing.

A page with a table prints the table (the rows its filters show, in their order) as a
document that flows over as many sheets as it needs, with the page's title and summary (the
date, the filters, the totals) on top, the column headings repeated on every sheet and
"Page 1 of 3" at the foot of each; any other page (the dashboard) is drawn as it looks, scaled
to the sheet. Qt's own print
dialog and print preview do the rest (printer, paper, PDF).
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMarginsF,
    QModelIndex,
    QPoint,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from parktracker.ui.pages.base import Page

PORTRAIT_COLUMNS = 7  # wider tables are printed on landscape sheets
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
        print_document(document, printer)
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


def page_number_text(page: int, pages: int) -> str:
    return (
        QCoreApplication.translate("Printing", "Page %1 of %2")
        .replace("%1", str(page))
        .replace("%2", str(pages))
    )


def print_document(document: QTextDocument, printer: QPrinter) -> int:
    """Lay ``document`` out on ``printer``'s sheets and print each with "Page n of N" at its
    foot (a table's <thead> rows repeat on every sheet); returns the number of sheets."""
    painter = QPainter(printer)
    try:
        document.documentLayout().setPaintDevice(printer)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        footer = painter.fontMetrics().height() * 2
        body = QSizeF(area.width(), area.height() - footer)
        document.setPageSize(body)
        pages = document.pageCount()
        for page in range(pages):
            if page:
                printer.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            document.drawContents(
                painter, QRectF(0, page * body.height(), body.width(), body.height())
            )
            painter.restore()
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                page_number_text(page + 1, pages),
            )
    finally:
        painter.end()
    return pages


def new_printer(page: Page) -> QPrinter:
    """A printer for ``page``: landscape for a table wider than a portrait sheet holds."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    table = page.print_table()
    if table is not None and table[2].columnCount() > PORTRAIT_COLUMNS:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_page(page: Page, parent: QWidget) -> bool:
    """Qt's print dialog for ``page``; True when printed."""
    printer = new_printer(page)
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
    printer = new_printer(page)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print Preview — %1").replace("%1", page.title())
    )
    dialog.paintRequested.connect(lambda p: render(page, p))
    dialog.resize(900, 700)
    dialog.exec()
    return dialog
