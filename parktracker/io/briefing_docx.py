"""The briefing as a Word document (.docx, python-docx), laid out as GB/T 9704 gives it.

Every run names its East Asian font (``w:eastAsia``) as well as its Latin one, or Word and WPS
would set the Chinese in the theme's font. Page numbers are PAGE fields in odd and even footers
(``w:evenAndOddHeaders``): odd pages right, even pages left, one character in from the edge.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import IO, Any

from parktracker.domain.briefing import Block
from parktracker.io import briefing_layout as lay


def _fonts(run: Any, east_asian: str, size_pt: float, *, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = lay.LATIN_FONT
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), lay.LATIN_FONT)
    fonts.set(qn("w:hAnsi"), lay.LATIN_FONT)


def _paragraph_format(
    paragraph: Any,
    *,
    indent: bool,
    line_pt: float = lay.LINE_PT,
    size_pt: float = lay.BODY_PT,
    align: str = "justify",
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_pt)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(size_pt * lay.INDENT_CHARS) if indent else None
    paragraph.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]


def _text(document: Any, text: str, font: str, size: float, **fmt: Any) -> Any:
    paragraph = document.add_paragraph()
    _paragraph_format(paragraph, size_pt=size, **fmt)
    _fonts(paragraph.add_run(text), font, size)
    return paragraph


def _page_number_footer(footer: Any, *, odd: bool) -> None:
    """ "— PAGE —" in 宋体 四号, right on odd pages and left on even ones, 1 character in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = footer.paragraphs[0]
    _paragraph_format(
        paragraph, indent=False, line_pt=lay.PAGE_NUMBER_PT * 1.2, align="right" if odd else "left"
    )
    inset = Pt(lay.PAGE_NUMBER_PT)
    if odd:
        paragraph.paragraph_format.right_indent = inset
    else:
        paragraph.paragraph_format.left_indent = inset

    def run(text: str = "") -> Any:
        made = paragraph.add_run(text)
        _fonts(made, lay.PAGE_NUMBER_FONT, lay.PAGE_NUMBER_PT)
        return made

    run("— ")
    # begin, instruction, separate, the last result ("1", shown until the field is updated; Word
    # and WPS update PAGE fields in footers on every layout), end
    for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None)):
        made = run()
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            made._element.append(char)
        else:
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = instruction
            made._element.append(text)
    run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run()._element.append(end)
    run(" —")


def _table(document: Any, rows: Sequence[Sequence[str]]) -> None:
    """A grid table: the header row in 黑体, centred; the first column centred; the rest left.

    Each kind of cell is formatted once through python-docx and its paragraph and run
    properties copied into the others (formatting every cell through python-docx's object
    layer cost seconds for a list of 300 problems)."""
    from copy import deepcopy

    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.table import _Cell

    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    formats: dict[tuple[bool, bool], tuple[Any, Any]] = {}  # (header, centred) → (pPr, rPr)
    # The cells straight from the table's XML: table.cell(r, c) and row.cells work out every
    # cell of the table on each call.
    for r, (tr, values) in enumerate(zip(table._tbl.tr_lst, rows, strict=True)):
        for c, (tc, value) in enumerate(zip(tr.tc_lst, values, strict=True)):
            kind = (r == 0, r == 0 or c == 0)
            paragraph_element = tc.p_lst[0]
            known = formats.get(kind)
            if known is None:
                paragraph = _Cell(tc, table).paragraphs[0]
                _paragraph_format(
                    paragraph,
                    indent=False,
                    line_pt=lay.TABLE_LINE_PT,
                    size_pt=lay.TABLE_PT,
                    align="center" if kind[1] else "left",
                )
                font = lay.HEADING1_FONT if kind[0] else lay.BODY_FONT
                run = paragraph.add_run(value)
                _fonts(run, font, lay.TABLE_PT)
                formats[kind] = (paragraph_element.pPr, run._element.rPr)
                continue
            paragraph_properties, run_properties = known
            paragraph_element.insert(0, deepcopy(paragraph_properties))
            run_element = OxmlElement("w:r")
            run_element.append(deepcopy(run_properties))
            text = OxmlElement("w:t")
            text.set(qn("xml:space"), "preserve")
            text.text = value
            run_element.append(text)
            paragraph_element.append(run_element)


def write_docx(blocks: Sequence[Block], images: Mapping[str, bytes], target: IO[bytes]) -> None:
    """Write the briefing's ``blocks`` (charts from ``images``: name → PNG bytes)."""
    from docx import Document
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(lay.PAGE_WIDTH_MM), Mm(lay.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(lay.TOP_MM), Mm(lay.BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(lay.LEFT_MM), Mm(lay.RIGHT_MM)
    section.footer_distance = Mm(lay.FOOTER_FROM_BOTTOM_MM)
    section.header_distance = Mm(15)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, odd=True)
    _page_number_footer(section.even_page_footer, odd=False)
    normal = document.styles["Normal"]
    _fonts(normal, lay.BODY_FONT, lay.BODY_PT)

    for block in blocks:
        if block.kind == "title":
            _text(
                document,
                block.text,
                lay.TITLE_FONT,
                lay.TITLE_PT,
                indent=False,
                align="center",
                line_pt=lay.TITLE_PT * 1.6,
            )
            _text(document, "", lay.BODY_FONT, lay.BODY_PT, indent=False)  # one blank line
        elif block.kind == "heading1":
            _text(document, block.text, lay.HEADING1_FONT, lay.BODY_PT, indent=True)
        elif block.kind == "heading2":
            _text(document, block.text, lay.HEADING2_FONT, lay.BODY_PT, indent=True)
        elif block.kind == "paragraph":
            for line in block.text.splitlines() or [""]:
                _text(document, line, lay.BODY_FONT, lay.BODY_PT, indent=True)
        elif block.kind == "caption":
            _text(
                document,
                block.text,
                lay.BODY_FONT,
                lay.TABLE_PT,
                indent=False,
                align="center",
                line_pt=lay.TABLE_LINE_PT,
            )
        elif block.kind == "table" and block.rows:
            _table(document, block.rows)
        elif block.kind == "chart" and block.chart is not None and block.chart in images:
            paragraph = document.add_paragraph()
            _paragraph_format(paragraph, indent=False, align="center", line_pt=lay.LINE_PT)
            paragraph.paragraph_format.line_spacing = None  # a picture needs its own height
            paragraph.add_run().add_picture(
                io.BytesIO(images[block.chart]), width=Mm(lay.TEXT_WIDTH_MM)
            )
    document.save(target)
