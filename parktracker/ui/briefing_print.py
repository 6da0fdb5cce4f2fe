"""Printing the briefing: the same blocks as the .docx and the PDF, laid out by a QTextDocument
on a QPrinter (A4, GB/T 9704 margins, the body at 三号 with two-character indents).

The pages are painted one by one (QTextDocument.print() would put its own plain numbers at the
bottom right), each with "— 1 —" 7 mm below the text block in 宋体 四号: odd pages on the right,
even pages on the left, one character in, as in the .docx and the PDF. (The saved PDF is made
with reportlab, not with Qt: see docs/briefing.md for why.)
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from parktracker.domain.briefing import Block
from parktracker.io import briefing_layout as lay


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(
        QMarginsF(lay.LEFT_MM, lay.TOP_MM, lay.RIGHT_MM, lay.BOTTOM_MM), QPageLayout.Unit.Millimeter
    )
    return printer


def _families(*names: str) -> str:
    return ", ".join(f"'{n}'" for n in (*names, "Noto Sans SC"))


def blocks_html(blocks: Sequence[Block], images: Mapping[str, bytes]) -> str:
    body = f"font-family: {_families(lay.BODY_FONT, 'FangSong')}; font-size: {lay.BODY_PT}pt;"
    parts = [f'<html><body style="{body}">']
    indent = f"text-indent: {lay.BODY_PT * lay.INDENT_CHARS}pt; line-height: {lay.LINE_PT}pt;"
    for block in blocks:
        text = escape(block.text)
        if block.kind == "title":
            parts.append(
                f"<p align='center' style=\"font-family: {_families(lay.TITLE_FONT)};"
                f' font-size: {lay.TITLE_PT}pt; font-weight: bold;">{text}</p><p></p>'
            )
        elif block.kind == "heading1":
            parts.append(
                f'<p style="{indent} font-family: {_families(lay.HEADING1_FONT, "SimHei")};'
                f' font-weight: bold;">{text}</p>'
            )
        elif block.kind == "heading2":
            parts.append(
                f'<p style="{indent} font-family: {_families(lay.HEADING2_FONT, "KaiTi")};">'
                f"{text}</p>"
            )
        elif block.kind == "paragraph":
            for line in block.text.splitlines() or [""]:
                parts.append(f'<p style="{indent}">{escape(line)}</p>')
        elif block.kind == "caption":
            parts.append(f"<p align='center' style='font-size: {lay.TABLE_PT}pt;'>{text}</p>")
        elif block.kind == "table" and block.rows:
            header, *rows = block.rows
            cells = "".join(f"<th>{escape(v)}</th>" for v in header)
            parts.append(
                f"<table border='1' cellspacing='0' cellpadding='3' width='100%'"
                f" style='font-size: {lay.TABLE_PT}pt;'><tr>{cells}</tr>"
            )
            for row in rows:
                parts.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>")
            parts.append("</table>")
        elif block.kind == "chart" and block.chart in images:
            data = base64.b64encode(images[block.chart or ""]).decode("ascii")
            parts.append(
                f"<p align='center'><img src='data:image/png;base64,{data}' width='560'></p>"
            )
    parts.append("</body></html>")
    return "".join(parts)


def print_blocks(blocks: Sequence[Block], images: Mapping[str, bytes], printer: QPrinter) -> None:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)
    document.setHtml(blocks_html(blocks, images))
    body = printer.pageRect(QPrinter.Unit.DevicePixel)
    width, height = body.width(), body.height()
    document.setPageSize(QSizeF(width, height))
    dots_per_mm = printer.resolution() / 25.4
    number_font = QFont(lay.PAGE_NUMBER_FONT)
    number_font.setFamilies([lay.PAGE_NUMBER_FONT, "SimSun", "Noto Sans SC"])
    number_font.setPointSizeF(lay.PAGE_NUMBER_PT)
    inset = lay.PAGE_NUMBER_PT / 72 * printer.resolution()  # one character of 四号
    painter = QPainter(printer)
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * height)
            document.drawContents(painter, QRectF(0, index * height, width, height))
            painter.restore()
            page = index + 1
            painter.setFont(number_font)
            box = QRectF(inset, height + 7 * dots_per_mm - inset, width - 2 * inset, 2 * inset)
            side = Qt.AlignmentFlag.AlignRight if page % 2 else Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, side | Qt.AlignmentFlag.AlignVCenter, lay.page_number_text(page))
    finally:
        painter.end()
