"""`parktracker chart`: the headless export of the dashboard's charts from a database."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from defusedxml import ElementTree

from parktracker.cli import EXIT_ERROR, EXIT_OK, main
from parktracker.services.dashboard_figures import CHART_NAMES

SVG = "{http://www.w3.org/2000/svg}"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", "chart", *args])
    out, err = capsys.readouterr()
    return code, out, err


def svg_title(path: Path) -> str:
    root = ElementTree.fromstring(path.read_bytes())
    return root.findtext(f"{SVG}title") or ""


def test_list_prints_the_five_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--list")
    assert code == EXIT_OK
    assert out.split() == [
        "revenue-progress",
        "investment-by-park",
        "pipeline",
        "funds",
        "monthly-investment",
    ]
    assert tuple(out.split()) == CHART_NAMES
    assert err == ""


@pytest.mark.parametrize("name", CHART_NAMES)
def test_every_chart_as_png_svg_and_pdf(
    name: str, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo_template)
    png, svg, pdf = (tmp_path / f"{name}.{ext}" for ext in ("png", "svg", "pdf"))
    assert run(capsys, name, "--db", db, "--as-of", "2024-03-31", "--out", str(png))[0] == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1889, 1181)  # word-full: 16 cm at 300 dpi
    code, out, _err = run(capsys, name, "--db", db, "--out", str(svg), "--preset", "word-half")
    assert code == EXIT_OK
    assert str(svg) in out
    root = ElementTree.fromstring(svg.read_bytes())
    assert float(root.get("width", "0pt")[:-2]) == pytest.approx(8 / 2.54 * 72)
    assert "8 parks" in svg_title(svg)  # the default title names the scope
    assert run(capsys, name, "--db", db, "--out", str(pdf))[0] == EXIT_OK
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert b"/FontFile2" in pdf.read_bytes()


def test_one_park_custom_size_title_and_source(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ai.svg"
    code, _out, err = run(
        capsys,
        "pipeline",
        "--db",
        str(demo_template),
        "--park",
        "人工智能",
        "--measure",
        "amount",
        "--size",
        "12x9",
        "--source",
        "资料来源：人工智能产业园管委会",
        "--out",
        str(out),
    )
    assert (code, err) == (EXIT_OK, "")
    root = ElementTree.fromstring(out.read_bytes())
    assert float(root.get("width", "0pt")[:-2]) == pytest.approx(12 / 2.54 * 72)
    assert "人工智能产业园" in svg_title(out)
    assert "<!-- 资料来源：人工智能产业园管委会 -->" in out.read_text("utf-8")
    titled = tmp_path / "titled.svg"
    run(
        capsys, "funds", "--db", str(demo_template), "--title", "图2 产业基金", "--out", str(titled)
    )
    assert svg_title(titled) == "图2 产业基金"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "--out", "x.png"], "No chart named “nope”"),
        (["funds", "--out", "x.jpg"], "x.jpg"),
        (["funds", "--out", "x.png", "--size", "2x2"], "“2x2”"),
        (["funds", "--out", "x.png", "--park", "火星"], "No park matches “火星”"),
        (["funds"], "--out"),
    ],
)
def test_mistakes_get_one_line_and_no_file(
    args: list[str],
    message: str,
    *,
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *args, "--db", str(demo_template))
    assert code == EXIT_ERROR
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_destination_keeps_nothing_half_written(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "funds", "--db", str(demo_template), "--out", str(tmp_path / "no" / "x.png")
    )
    assert code == EXIT_ERROR
    assert "the folder does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys, "funds", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "x.png")
    )
    assert code == EXIT_ERROR
    assert "none.db" in err
    assert not (tmp_path / "x.png").exists()
