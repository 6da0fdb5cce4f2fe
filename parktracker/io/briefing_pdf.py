"""The briefing as a PDF (reportlab), laid out like the .docx (GB/T 9704, briefing_layout.py).

Why reportlab (see docs/briefing.md for the comparison with Qt's QPdfWriter): it embeds a
TrueType font as subsets with a ToUnicode map, so every character is real, selectable and
searchable text, and it runs headless with no display and no office suite. Lines break between
CJK characters (``wordWrap="CJK"``), which also keeps full-width punctuation off a line's start.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import IO, Any
from xml.sax.saxutils import escape

from parktracker.domain.briefing import Block
from parktracker.io import briefing_layout as lay
from parktracker.io.briefing_fonts import FontFile, font_for

ROLES = ("title", "body", "heading1", "heading2", "page_number")


def _register(roles: Mapping[str, FontFile]) -> dict[str, str]:
    """Register each role's file with reportlab once; role → registered name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names: dict[str, str] = {}
    for role, font in roles.items():
        name = f"PT-{font.path.stem}-{font.subfont}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(font.path), subfontIndex=font.subfont))
        names[role] = name
    return names


def _styles(fonts: Mapping[str, str]) -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body",
        fontName=fonts["body"],
        fontSize=lay.BODY_PT,
        leading=lay.LINE_PT,
        firstLineIndent=lay.BODY_PT * lay.INDENT_CHARS,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts["title"],
            fontSize=lay.TITLE_PT,
            leading=lay.TITLE_PT * 1.6,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=lay.LINE_PT,
        ),
        "paragraph": body,
        "heading1": ParagraphStyle("heading1", parent=body, fontName=fonts["heading1"]),
        "heading2": ParagraphStyle("heading2", parent=body, fontName=fonts["heading2"]),
        "caption": ParagraphStyle(
            "caption",
            parent=body,
            fontSize=lay.TABLE_PT,
            leading=lay.TABLE_LINE_PT,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=lay.TABLE_LINE_PT / 2,
        ),
        "cell": ParagraphStyle(
            "cell", parent=body, fontSize=lay.TABLE_PT, leading=lay.TABLE_LINE_PT, firstLineIndent=0
        ),
        "header": ParagraphStyle(
            "header",
            parent=body,
            fontName=fonts["heading1"],
            fontSize=lay.TABLE_PT,
            leading=lay.TABLE_LINE_PT,
            firstLineIndent=0,
            alignment=TA_CENTER,
        ),
    }


def _table(rows: Sequence[Sequence[str]], styles: Mapping[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    width = lay.TEXT_WIDTH_MM * mm
    columns = len(rows[0])
    number = 16 * mm
    # the short columns share the width; the wordiest one (park, reason, problem) gets a double
    short = (width - number) / columns
    widths = [number] + [short] * (columns - 1)
    lengths = [sum(len(row[c]) for row in rows[1:]) for c in range(1, columns)]
    widths[1 + lengths.index(max(lengths))] += short
    data = [
        [Paragraph(escape(v), styles["header" if r == 0 else "cell"]) for v in values]
        for r, values in enumerate(rows)
    ]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def write_pdf(
    blocks: Sequence[Block],
    images: Mapping[str, bytes],
    target: IO[bytes],
    *,
    system_fonts: bool = True,
) -> None:
    """Write the briefing's ``blocks`` as an A4 PDF with embedded fonts into ``target``."""
    from reportlab import rl_config
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate

    # Binary streams: ASCII85-encoding the charts cost a tenth of the PDF's time in pure
    # Python and made the file 15% larger (the only PDFs this process writes are briefings).
    rl_config.useA85 = 0
    fonts = _register({role: font_for(role, system=system_fonts) for role in ROLES})
    styles = _styles(fonts)
    title = next((b.text for b in blocks if b.kind == "title"), "")
    doc = SimpleDocTemplate(
        target,
        pagesize=(lay.PAGE_WIDTH_MM * mm, lay.PAGE_HEIGHT_MM * mm),
        topMargin=lay.TOP_MM * mm,
        bottomMargin=lay.BOTTOM_MM * mm,
        leftMargin=lay.LEFT_MM * mm,
        rightMargin=lay.RIGHT_MM * mm,
        title=title,
        creator="ParkTracker",
        author="",
        subject="",
        invariant=1,
        initialFontName=fonts["body"],
        initialFontSize=lay.BODY_PT,
    )

    def page_number(canvas: Any, document: Any) -> None:
        page = canvas.getPageNumber()
        text = lay.page_number_text(page)
        canvas.saveState()
        canvas.setFont(fonts["page_number"], lay.PAGE_NUMBER_PT)
        y = lay.FOOTER_FROM_BOTTOM_MM * mm
        inset = lay.PAGE_NUMBER_PT
        if page % 2:  # odd: right, one character in
            canvas.drawRightString((lay.PAGE_WIDTH_MM - lay.RIGHT_MM) * mm - inset, y, text)
        else:
            canvas.drawString(lay.LEFT_MM * mm + inset, y, text)
        canvas.restoreState()

    story: list[Any] = []
    for block in blocks:
        if block.kind in ("title", "heading1", "heading2", "caption"):
            story.append(Paragraph(escape(block.text), styles[block.kind]))
        elif block.kind == "paragraph":
            for line in block.text.splitlines() or [""]:
                story.append(Paragraph(escape(line) or "&nbsp;", styles["paragraph"]))
        elif block.kind == "table" and block.rows:
            story.append(_table(block.rows, styles))
        elif block.kind == "chart" and block.chart is not None and block.chart in images:
            from reportlab.lib.utils import ImageReader

            data = images[block.chart]
            pixels_w, pixels_h = ImageReader(io.BytesIO(data)).getSize()
            width = lay.TEXT_WIDTH_MM * mm
            story.append(Image(io.BytesIO(data), width=width, height=width * pixels_h / pixels_w))
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
