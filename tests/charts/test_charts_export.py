"""Exported files read back: PNG header and pixel size, SVG as XML, PDF with an embedded font;
written atomically, with clear messages when they cannot be."""

from __future__ import annotations

import errno
import os
import re
import struct
import zlib
from pathlib import Path

import chart_samples as samples
import pytest
from defusedxml import ElementTree

from parktracker.charts import export
from parktracker.charts.export import (
    ChartExportError,
    export_all,
    export_chart,
    export_pdf_book,
    figure_bytes,
    preset,
    save_figure,
)
from parktracker.charts.options import ChartOptions
from parktracker.charts.style import WORD_FULL, WORD_HALF, ChartSize
from parktracker.i18n import tr
from parktracker.io import safe_file

TITLE = "各园区项目计划总投资与累计完成投资"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def png_dpi(data: bytes) -> float:
    """Pixels per metre from the pHYs chunk, as dpi."""
    at = data.index(b"pHYs")
    per_metre = struct.unpack(">I", data[at + 4 : at + 8])[0]
    return per_metre * 0.0254


def pdf_streams(data: bytes) -> list[bytes]:
    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            out.append(match.group(1))
    return out


def pixels_at_300_dpi(size: ChartSize) -> tuple[int, int]:
    """matplotlib truncates: 16 cm = 6.299 in × 300 dpi = 1889.8 → 1889 px."""
    return int(size.width_cm / 2.54 * 300), int(size.height_cm / 2.54 * 300)


@pytest.mark.parametrize(
    ("size", "pixels"),
    [(WORD_FULL, (1889, 1181)), (WORD_HALF, (944, 826)), (ChartSize(12, 9), (1417, 1062))],
)
def test_png_at_300_dpi_in_the_preset_size(tmp_path: Path, size: ChartSize, pixels: tuple) -> None:
    out = export_chart(
        samples.investment(), tmp_path / "chart.png", options=ChartOptions(size=size, title=TITLE)
    )
    data = out.read_bytes()
    assert png_size(data) == pixels  # 16 cm = 6.30 in × 300 dpi
    assert png_dpi(data) == pytest.approx(300, abs=0.1)


def test_svg_is_well_formed_and_carries_the_chinese_title_as_paths(tmp_path: Path) -> None:
    out = export_chart(
        samples.investment(), tmp_path / "chart.svg", options=ChartOptions(title=TITLE)
    )
    text = out.read_text("utf-8")
    root = ElementTree.fromstring(text.encode("utf-8"))
    assert root.tag.endswith("svg")
    assert float(root.get("width", "0pt")[:-2]) == pytest.approx(16 / 2.54 * 72)
    # Text is drawn as glyph outlines (no font needed in Word/WPS); each run is labelled with
    # its string in a comment, and the glyphs are defined once from Noto Sans SC.
    assert f"<!-- {TITLE} -->" in text
    assert not root.findall(".//{http://www.w3.org/2000/svg}text")
    glyphs = [
        el.get("id", "")
        for el in root.iter("{http://www.w3.org/2000/svg}path")
        if "NotoSansSC" in el.get("id", "")
    ]
    assert len(glyphs) >= len(set(TITLE))
    assert any(g.startswith("NotoSansSC-Bold-") for g in glyphs)  # the title's weight
    assert root.findtext("{http://www.w3.org/2000/svg}title") == TITLE


def test_pdf_embeds_the_font_as_truetype(tmp_path: Path) -> None:
    out = export_chart(
        samples.investment(), tmp_path / "chart.pdf", options=ChartOptions(title=TITLE)
    )
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/FontFile2" in data  # an embedded TrueType font program (Type 42)
    assert re.search(rb"/BaseFont /[A-Z]{6}\+NotoSansSC-Bold", data)  # subset, bold title
    assert re.search(rb"/BaseFont /[A-Z]{6}\+NotoSansSC-Regular", data)
    assert b"/Type3" not in data
    assert (TITLE.encode("utf-16-be")) in data or any(
        TITLE.encode("utf-16-be") in s for s in pdf_streams(data)
    )
    # a subset, not the 9.7 MB font
    assert len(data) < 400_000


def test_pdf_and_svg_page_sizes_follow_the_preset(tmp_path: Path) -> None:
    out = export_chart(samples.funds(), tmp_path / "half.pdf", options=ChartOptions(size=WORD_HALF))
    box = re.search(rb"/MediaBox \[ ?0 0 ([\d.]+) ([\d.]+) ?\]", out.read_bytes())
    assert box is not None
    assert float(box.group(1)) == pytest.approx(8 / 2.54 * 72, abs=0.01)
    assert float(box.group(2)) == pytest.approx(7 / 2.54 * 72, abs=0.01)


def test_presets_by_name() -> None:
    assert preset("word-full").width_cm == 16
    assert preset("word-half").width_cm == 8
    with pytest.raises(ChartExportError) as caught:
        preset("a4")
    assert "word-full" in caught.value.render(tr)


def test_unknown_format_is_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(ChartExportError) as caught:
        export_chart(samples.funds(), tmp_path / "chart.jpg")
    assert "chart.jpg" in caught.value.render(tr)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "chart.png"
    target.write_bytes(b"the officer's earlier chart")

    def half_then_fail(fig: object, handle: object, fmt: str, dpi: float = 300) -> None:
        handle.write(b"\x89PNG half a file")  # type: ignore[attr-defined]
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(export, "write_figure", half_then_fail)
    with pytest.raises(RuntimeError):
        export_chart(samples.funds(), target)
    assert target.read_bytes() == b"the officer's earlier chart"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png"]  # no temp file left


def test_a_failed_rename_is_reported_and_cleaned_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "chart.pdf"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_file.os, "replace", refuse)
    with pytest.raises(ChartExportError) as caught:
        export_chart(samples.funds(), target)
    message = caught.value.render(tr)
    assert str(target) in message
    # as for every export: a file that cannot be replaced is open elsewhere (a PDF viewer)
    assert message == tr(safe_file.T_LOCKED, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.pdf"]


def test_disk_full_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "chart.svg"

    def full(fig: object, handle: object, fmt: str, dpi: float = 300) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "write_figure", full)
    with pytest.raises(ChartExportError) as caught:
        export_chart(samples.funds(), target)
    assert tr(safe_file.T_DISK_FULL) in caught.value.render(tr)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_folder_in_the_way(tmp_path: Path) -> None:
    with pytest.raises(ChartExportError) as caught:
        export_chart(samples.funds(), tmp_path / "nowhere" / "chart.png")
    assert tr(safe_file.T_NO_FOLDER) in caught.value.render(tr)
    (tmp_path / "chart.png").mkdir()
    with pytest.raises(ChartExportError) as caught:
        export_chart(samples.funds(), tmp_path / "chart.png")
    assert tr(safe_file.T_IS_FOLDER) in caught.value.render(tr)


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        out = export_chart(samples.funds(), tmp_path / "chart.png")
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_replacing_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    export_chart(samples.funds(), target)
    assert png_size(target.read_bytes()) == pixels_at_300_dpi(WORD_FULL)


def test_export_all_to_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "简报图表"
    written = export_all(samples.all_charts(), folder, fmt="png")
    assert [p.name for p in written] == [f"{name}.png" for name in samples.all_charts()]
    for path in written:
        assert png_size(path.read_bytes()) == pixels_at_300_dpi(WORD_FULL)
    svgs = export_all(
        samples.all_charts(),
        folder,
        fmt="svg",
        options={"funds": ChartOptions(size=WORD_HALF, title="基金")},
    )
    assert len(svgs) == 5
    funds_svg = (folder / "funds.svg").read_text("utf-8")
    assert "<!-- 基金 -->" in funds_svg
    width = ElementTree.fromstring(funds_svg.encode("utf-8")).get("width", "0pt")
    assert float(width[:-2]) == pytest.approx(8 / 2.54 * 72)
    with pytest.raises(ChartExportError):
        export_all(samples.all_charts(), folder, fmt="gif")


def test_all_charts_in_one_multipage_pdf(tmp_path: Path) -> None:
    out = export_pdf_book(samples.all_charts(), tmp_path / "charts.pdf", title="园区图表")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type /Page\b", data)) == 5
    assert b"/FontFile2" in data
    assert list(tmp_path.iterdir()) == [out]


def test_figure_bytes_for_the_clipboard() -> None:
    from parktracker.charts.build import build_figure

    fig = build_figure(samples.revenue(), ChartOptions(size=WORD_HALF))
    assert png_size(figure_bytes(fig, "png", dpi=100)) == (314, 275)
    assert figure_bytes(fig, "svg").startswith(b"<?xml")


def test_save_figure_honours_an_explicit_format(tmp_path: Path) -> None:
    from parktracker.charts.build import build_figure

    out = save_figure(build_figure(samples.funds()), tmp_path / "chart.bin", fmt="pdf")
    assert out.read_bytes().startswith(b"%PDF-")


def test_chart_size_parsing() -> None:
    assert ChartSize.parse("12x8") == ChartSize(12, 8)
    assert ChartSize.parse("12.5×9cm") == ChartSize(12.5, 9)
    assert ChartSize.from_pixels(960, 480, 96) == ChartSize(25.4, 12.7)
    for bad in ("12", "axb", "1x8", "200x10"):
        with pytest.raises(ValueError):
            ChartSize.parse(bad)
