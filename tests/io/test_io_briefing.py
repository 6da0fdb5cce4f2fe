"""The briefing files: the .docx opened with python-docx (fonts, sizes, margins, page-number
field, tables) and the PDF read with pypdf (the headline as text, embedded fonts)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader

from parktracker.domain.periods import YearMonth
from parktracker.i18n import tr
from parktracker.services import briefing
from parktracker.storage.database import Database

MARCH = YearMonth(2024, 3)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "briefing"
HEADLINE = (
    "截至2024年3月底，8个新兴产业专业园区在建项目50个、计划总投资1351.4亿元；"
    "已签约待开工项目13个、计划总投资337.9亿元。"
)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> dict[str, Path]:
    from parktracker.storage.database import open_database

    folder = tmp_path_factory.mktemp("briefing")
    with open_database(demo_template, readonly=True) as db:
        return {
            fmt: briefing.write_briefing(
                db, month=MARCH, path=folder / f"b.{fmt}", tr=tr, record=False
            )
            for fmt in ("docx", "pdf")
        }


def east_asian(run: object) -> str | None:
    fonts = run._element.rPr.rFonts  # type: ignore[attr-defined]
    return fonts.get(qn("w:eastAsia"))  # type: ignore[no-any-return]


def test_docx_page_and_fonts(files: dict[str, Path]) -> None:
    doc = Document(str(files["docx"]))
    section = doc.sections[0]
    sizes = (
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    )
    assert [round(s.mm, 1) for s in sizes] == [210, 297, 37, 35, 28, 26]  # type: ignore[union-attr]
    paragraphs = [p for p in doc.paragraphs if p.text]
    title = paragraphs[0]
    assert title.text == "关于2024年1—3月新兴产业专业园区建设情况的通报"
    assert title.alignment == 1  # centred
    assert east_asian(title.runs[0]) == "方正小标宋简体"
    assert title.runs[0].font.size == Pt(22)
    heading = next(p for p in paragraphs if p.text == "一、总体情况")
    assert east_asian(heading.runs[0]) == "黑体" and heading.runs[0].font.size == Pt(16)
    level2 = next(p for p in paragraphs if p.text.startswith("（一）"))
    assert east_asian(level2.runs[0]) == "楷体_GB2312"
    body = next(p for p in paragraphs if p.text.startswith("截至2024年3月底"))
    assert body.text.startswith(HEADLINE)
    assert east_asian(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    assert body.paragraph_format.line_spacing == Pt(28.5)
    for paragraph in paragraphs:
        for run in paragraph.runs:
            assert east_asian(run), paragraph.text


def test_docx_page_numbers_tables_and_charts(files: dict[str, Path]) -> None:
    doc = Document(str(files["docx"]))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    for footer, side in ((section.footer, 2), (section.even_page_footer, 0)):  # right / left
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert paragraph.text == "— 1 —"  # the number is the PAGE field's result
        assert 'w:fldCharType="separate"' in xml and 'w:fldCharType="end"' in xml
        assert paragraph.alignment == side
        assert {east_asian(r) for r in paragraph.runs} == {"宋体"}
        assert {r.font.size for r in paragraph.runs} == {Pt(14)}
    assert len(doc.tables) == 2  # warnings by park, the list (the demo has no open problem)
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["序号", "园区", "红灯预警", "黄灯预警"]
    header = [c.text for c in doc.tables[1].rows[0].cells]
    assert header == ["序号", "预警等级", "园区", "项目", "原因"]
    assert len(doc.inline_shapes) == 2  # the two charts


def test_pdf_text_and_embedded_fonts(files: dict[str, Path]) -> None:
    reader = PdfReader(str(files["pdf"]))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert HEADLINE in text
    assert "— 1 —" in reader.pages[0].extract_text()
    assert "慢于序时进度5.7个百分点" in text
    # Searchable as written: no ideograph came out as a look-alike Kangxi radical (Qt's PDF
    # writer maps 月 to ⽉ with this font; see docs/briefing.md).
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # kept to look at after a run
    (ARTIFACTS / "briefing-2024-03.pdf").write_bytes(files["pdf"].read_bytes())
    (ARTIFACTS / "briefing-2024-03.docx").write_bytes(files["docx"].read_bytes())
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[font["/BaseFont"]] = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts and all(fonts.values()), fonts
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)


def test_wrong_ending_is_refused_before_writing(demo_db: Database, tmp_path: Path) -> None:
    from parktracker.io.safe_file import ExportError

    with pytest.raises(ExportError) as caught:
        briefing.write_briefing(demo_db, month=MARCH, path=tmp_path / "b.txt")
    assert (
        caught.value.render(tr) == "无法将通报保存为“b.txt”：请选择以 .docx 或 .pdf 结尾的文件名。"
    )
    assert not (tmp_path / "b.txt").exists()
    assert demo_db.scalar("SELECT count(*) FROM briefings") == 0


def test_pdf_bytes_are_a_pdf() -> None:
    from parktracker.domain.briefing import Block
    from parktracker.io.briefing_pdf import write_pdf

    buffer = io.BytesIO()
    write_pdf([Block("title", "标题"), Block("paragraph", "正文")], {}, buffer)
    assert buffer.getvalue().startswith(b"%PDF")


def test_every_table_cell_has_its_text_alignment_and_fonts() -> None:
    """A long table (the problem list of a large file): each cell formatted as the first of
    its kind, header in 黑体 centred, first column centred, the rest left, 仿宋 for the body."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from parktracker.domain.briefing import Block
    from parktracker.io.briefing_docx import write_docx

    rows = (
        ("序号", "园区", "问题"),
        *tuple((str(n), f"园区{n}", f"用地指标未落实（{n}）") for n in range(1, 301)),
    )
    out = io.BytesIO()
    write_docx([Block("table", rows=rows)], {}, out)
    out.seek(0)
    table = Document(out).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [list(r) for r in rows]
    for r in (0, 1, 150, 300):
        for c, cell in enumerate(table.rows[r].cells):
            paragraph = cell.paragraphs[0]
            centred = r == 0 or c == 0
            assert paragraph.alignment == (
                WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
            )
            (run,) = paragraph.runs
            assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == (
                "黑体" if r == 0 else "仿宋_GB2312"
            )
            assert run.font.size == Pt(14)  # 四号
