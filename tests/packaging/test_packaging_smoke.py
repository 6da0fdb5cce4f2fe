"""``parktracker --smoke OUT.png`` from the source install, and the checker that decides
whether a screenshot is a real rendering (used on the frozen bundle too)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import ROOT, load_script, source_smoke
from PIL import ImageDraw

check_screenshot = load_script("check_screenshot")

TOFU_SCRIPT = r"""
import sys
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication
app = QApplication([])
if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
    print("system has a Chinese font"); sys.exit(3)
image = QImage(sys.argv[1])
painter = QPainter(image)
painter.fillRect(4, 60, 192, 32, QColor("#1f4e79"))
font = QFont(); font.setPixelSize(15); painter.setFont(font)
painter.setPen(QColor("white"))
painter.drawText(18, 82, "总览")  # no font with these glyphs: boxes
painter.end()
image.save(sys.argv[2])
"""


@pytest.fixture(scope="module")
def source_shot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("smoke-home")
    out = home / "shots" / "dashboard.png"
    result = source_smoke(out, home)
    assert result.returncode == 0, result.stderr
    assert f"{out} (1280x800)" in result.stdout
    return out


def test_smoke_mode_saves_a_real_dashboard_rendering(source_shot: Path) -> None:
    results = check_screenshot.check(source_shot)
    assert all(ok for ok, _ in results), results
    assert check_screenshot._load(source_shot).size == (1280, 800)


def test_smoke_mode_leaves_the_users_data_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = source_smoke(tmp_path / "shot.png", home)
    assert result.returncode == 0, result.stderr
    assert not (home / "data" / "parktracker.db").exists()  # a demo copy, not the user's file
    assert not (home / "config" / "ParkTracker").exists()  # settings went to a temporary folder


def test_smoke_mode_fails_when_the_screenshot_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = source_smoke(blocker / "shot.png", tmp_path / "home")
    assert result.returncode == 1
    assert "parktracker --smoke" in result.stderr


def test_checker_rejects_missing_charts(source_shot: Path, tmp_path: Path) -> None:
    image = check_screenshot._load(source_shot)
    ImageDraw.Draw(image).rectangle((0, 580, 1280, 774), fill="white")
    blank = tmp_path / "no-charts.png"
    image.save(blank)
    results = dict((text.split(":")[0], ok) for ok, text in check_screenshot.check(blank))
    assert results["chart bar pixels"] is False


def test_checker_rejects_boxes_instead_of_chinese(source_shot: Path, tmp_path: Path) -> None:
    """A real missing-glyph rendering: Qt drawing 总览 without any font that has it."""
    tofu = tmp_path / "tofu.png"
    result = subprocess.run(
        [sys.executable, "-c", TOFU_SCRIPT, str(source_shot), str(tofu)],
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode == 3:
        pytest.skip("this system has a Chinese font, so Qt draws no boxes")
    assert result.returncode == 0, result.stderr
    boxes = check_screenshot.glyph_fill(check_screenshot._load(tofu))
    real = check_screenshot.glyph_fill(check_screenshot._load(source_shot))
    assert boxes < check_screenshot.MIN_GLYPH_FILL <= real, (boxes, real)
    results = dict((text.split(":")[0], ok) for ok, text in check_screenshot.check(tofu))
    assert results["navigation text ink across its width"] is False


def test_checker_compares_with_a_reference(source_shot: Path, tmp_path: Path) -> None:
    image = check_screenshot._load(source_shot)
    ImageDraw.Draw(image).rectangle((220, 60, 1260, 560), fill="white")  # the cards, gone
    changed = tmp_path / "changed.png"
    image.save(changed)
    same = check_screenshot.check(source_shot, source_shot)
    assert all(ok for ok, _ in same)
    assert check_screenshot.agreement(image, check_screenshot._load(source_shot)) < 0.98
    assert (ROOT / "packaging" / "check_screenshot.py").is_file()


def test_readme_screenshot_refresh_script(tmp_path: Path) -> None:
    out = tmp_path / "dashboard.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "refresh_screenshot.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert all(ok for ok, _ in check_screenshot.check(out))
    assert (ROOT / "docs" / "dashboard.png").is_file()  # the committed one the README shows
    assert "![" in (ROOT / "README.md").read_text("utf-8").split("\n## ", 1)[0]


def test_readme_build_command_is_run_by_ci() -> None:
    """The README's desktop-build command runs verbatim in .ci/run and in the workflow."""
    import re

    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = [b.strip() for b in re.findall(r"```sh\n(.*?)```", readme, flags=re.S)]
    builds = [b for b in blocks if "packaging/build.py" in b]
    assert builds == ["python packaging/build.py --archive"]
    assert builds[0] in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert f"run: {builds[0]}" in (ROOT / ".github" / "workflows" / "desktop.yml").read_text(
        "utf-8"
    )
