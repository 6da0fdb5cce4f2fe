"""The packaging files: icons made from their SVG source, platform metadata that agrees with
pyproject.toml, a CI workflow that passes yamllint and names real actions, the trim rules."""

from __future__ import annotations

import plistlib
import re
import shutil
import subprocess
import sys
import tomllib
from configparser import ConfigParser
from pathlib import Path

import pytest
from defusedxml import ElementTree
from packaging_support import ROOT, load_script

APP_ID = "cn.gov.qingdao.ParkTracker"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
DISPLAY_NAME = "园区项目投资跟踪"


def test_committed_icons_are_made_from_the_svg(qapp: object, tmp_path: Path) -> None:
    build_icons = load_script("build_icons")
    fresh = build_icons.build(tmp_path)
    committed = ROOT / "resources" / "icons"
    stale = [p.name for p in fresh if (committed / p.name).read_bytes() != p.read_bytes()]
    assert stale == [], "run python packaging/icons/build_icons.py"


def test_ico_and_icns_hold_every_size() -> None:
    from PIL import Image

    with Image.open(ROOT / "resources" / "icons" / "parktracker.ico") as ico:
        assert {s[0] for s in ico.info["sizes"]} == {16, 24, 32, 48, 64, 128, 256}
    with Image.open(ROOT / "resources" / "icons" / "parktracker.icns") as icns:
        assert icns.size == (1024, 1024) or max(icns.info["sizes"])[0] >= 512


def test_window_icon_is_the_application_icon(qapp: object) -> None:
    from PySide6.QtWidgets import QApplication

    from parktracker.app import set_window_icon

    assert isinstance(qapp, QApplication)
    set_window_icon(qapp)
    sizes = {s.width() for s in qapp.windowIcon().availableSizes()}
    assert {16, 32, 48, 128} <= sizes
    # The Dock's size only where a Dock draws it (each size is sent to the window system).
    assert (256 in sizes) == (sys.platform == "darwin")
    assert max(sizes) <= 256


def test_macos_info_plist_has_identifier_version_and_chinese_name() -> None:
    text = (ROOT / "packaging" / "macos" / "Info.plist").read_text("utf-8")
    info = plistlib.loads(text.replace("@VERSION@", VERSION).encode("utf-8"))
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleDisplayName"] == DISPLAY_NAME
    assert info["CFBundleShortVersionString"] == VERSION
    assert info["CFBundleIconFile"] == "parktracker.icns"


def test_windows_version_resource_template_is_filled_from_pyproject() -> None:
    template = (ROOT / "packaging" / "windows" / "version_info.txt.in").read_text("utf-8")
    assert "@VERSION@" in template and "@VERSION_TUPLE@" in template
    assert DISPLAY_NAME in template and "ParkTracker.exe" in template
    spec = (ROOT / "packaging" / "parktracker.spec").read_text("utf-8")
    assert "version_info.txt.in" in spec and "version=" in spec


def test_windows_version_resource_is_a_valid_version_info_expression() -> None:
    """PyInstaller evaluates the file with its VSVersionInfo classes (Windows-only: they need
    pefile); the same names here record the structure instead."""
    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    scope = {n: (lambda *args, _n=n, **kwargs: (_n, args, kwargs)) for n in names}
    numbers = (*(int(n) for n in VERSION.split(".")), 0)
    template = (ROOT / "packaging" / "windows" / "version_info.txt.in").read_text("utf-8")
    text = template.replace("@VERSION_TUPLE@", repr(numbers)).replace("@VERSION@", VERSION)
    info = eval(text, scope)  # the file PyInstaller reads, evaluated the same way
    assert info[0] == "VSVersionInfo"
    assert info[2]["ffi"][2]["filevers"] == numbers
    table = info[2]["kids"][0][1][0][0][1]
    strings = {entry[1][0]: entry[1][1] for entry in table[1]}
    assert strings["ProductVersion"] == VERSION
    assert strings["ProductName"] == DISPLAY_NAME
    assert strings["OriginalFilename"] == "ParkTracker.exe"


def test_inno_setup_script_installs_the_bundle_with_a_start_menu_entry() -> None:
    raw = (ROOT / "packaging" / "windows" / "parktracker.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Inno Setup reads the Chinese name
    iss = raw.decode("utf-8-sig")
    assert 'Source: "dist\\ParkTracker\\*"' in iss
    assert "{group}\\" + DISPLAY_NAME in iss
    assert "SetupIconFile=resources\\icons\\parktracker.ico" in iss
    assert (ROOT / "resources" / "icons" / "parktracker.ico").is_file()
    assert "PrivilegesRequired=lowest" in iss


def test_linux_desktop_entry_and_metainfo() -> None:
    desktop = ConfigParser(interpolation=None, strict=True)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(ROOT / "packaging" / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Name[zh_CN]"] == DISPLAY_NAME and entry["Icon"] == APP_ID
    assert entry["Exec"] == "ParkTracker" and entry["Type"] == "Application"
    meta = ElementTree.parse(ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.find("launchable").text == f"{APP_ID}.desktop"
    assert meta.find("releases/release").get("version") == VERSION
    validate = shutil.which("desktop-file-validate")
    if validate:
        subprocess.run(
            [validate, str(ROOT / "packaging" / "linux" / f"{APP_ID}.desktop")], check=True
        )


def test_ci_workflow_passes_yamllint_and_names_real_actions() -> None:
    pytest.importorskip("yamllint")
    workflow = ROOT / ".github" / "workflows" / "desktop.yml"
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", str(workflow)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    text = workflow.read_text("utf-8")
    uses = set(re.findall(r"uses: (\S+)", text))
    assert uses == {"actions/checkout@v4", "actions/setup-python@v5", "actions/upload-artifact@v4"}
    assert "ubuntu-22.04" in text and "windows-2022" in text and "macos-14" in text
    assert "python packaging/build.py --archive" in text
    assert "not yet run" in (ROOT / "packaging" / "README.md").read_text("utf-8").lower()


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("libsqlite3.so.0", True),
    ],
)
def test_trim_rules_for_binaries(dest: str, kept: bool) -> None:
    assert load_script("bundle_trim").keep_binary(dest) is kept


def test_trim_rules_for_data() -> None:
    trim = load_script("bundle_trim")
    assert trim.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not trim.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert trim.keep_data("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf")
    assert not trim.keep_data("matplotlib/mpl-data/fonts/ttf/DejaVuSerif.ttf")
    assert not trim.keep_data("matplotlib/mpl-data/sample_data/goog.npz")
    assert trim.keep_data("matplotlib/mpl-data/matplotlibrc")
    assert trim.keep_data("parktracker/resources/fonts/NotoSansSC-Regular.ttf")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_glibc_floor_reads_version_needs(tmp_path: Path) -> None:
    import PySide6

    glibc_floor = load_script("glibc_floor")
    core = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Core.so.6"
    shutil.copy(core, tmp_path / core.name)
    (tmp_path / "notes.txt").write_text("GLIBC_9.99 is only text")
    highest, per_file = glibc_floor.floor(tmp_path)
    assert highest is not None and (2, 17, 0) <= highest < (3, 0, 0)
    assert [str(p) for _, p in per_file] == [core.name]
    assert glibc_floor.text((2, 28, 0)) == "GLIBC_2.28"
