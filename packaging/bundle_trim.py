"""What the trimmed bundle leaves out (used by parktracker.spec; everything else is kept).

Paths are the bundle's destination names, e.g. ``PySide6/Qt/plugins/imageformats/libqtiff.so``.
"""

from __future__ import annotations

import sys
from pathlib import PurePath

# Qt plugin folders the app needs. platforms: xcb/wayland (desktops), offscreen/minimal
# (smoke mode, CI), cocoa, windows; platformthemes: native file dialogs through the desktop
# portal (not qgtk3, which would drag the build machine's GTK, GLib and cairo into the
# bundle, to clash with the user's own); platforminputcontexts:
# Chinese input methods (ibus; fcitx5 answers on the ibus protocol); iconengines +
# imageformats/qsvg: the SVG action icons; styles: the native look on Windows and macOS;
# wayland*: Wayland windows. Not xcbglintegrations: a widget application draws without OpenGL.
KEEP_PLUGIN_DIRS = {
    "platforms",
    "platformthemes",
    "platforminputcontexts",
    "iconengines",
    "imageformats",
    "styles",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
}
KEEP_IMAGEFORMATS = ("qsvg", "qico", "qjpeg", "qgif")
# Qt libraries nothing in the app links against (pulled in by broad hooks).
DROP_QT_LIBS = (
    "Qt6Quick",
    "Qt6Qml",
    "Qt6Pdf",
    "Qt6Network",
    "Qt6OpenGLWidgets",
    "Qt6VirtualKeyboard",
    "Qt6Sql",
    "Qt6Test",
    "Qt6Designer",
    "Qt6Help",
    "Qt6EglFS",
    "Qt6EglFs",
)
# Qt's own translations: only Chinese (English is the source language).
KEEP_QT_TRANSLATIONS = ("qtbase_zh_CN.qm",)
# matplotlib data the app never reads: sample data, toolbar images, and every font but
# DejaVu Sans (the charts use DejaVu Sans and the bundled Noto Sans SC; no mathtext).
DROP_MPL = ("sample_data", "images")
DROP_MPL_FONTS = ("afm", "pdfcorefonts", "DejaVuSansMono", "DejaVuSerif", "cm", "STIX")
# DejaVu Sans's oblique faces too: no chart text is italic (and Noto Sans SC, the first family,
# has no italic either); DejaVu Sans regular and bold stay as matplotlib's fallback.
DROP_MPL_FONTS += ("DejaVuSans-Oblique", "DejaVuSans-BoldOblique")
# Data folders of other packages that nothing reads at run time: python-docx's unpacked
# template (the source of its default.docx, which is what it opens).
DROP_DATA_DIRS = ("default-docx-template",)
# Linux: libraries every desktop that can run Qt already has, taken from the system rather
# than from the build machine (a newer copy of these raises the glibc floor and can clash
# with the system's graphics drivers and GLib plugins). libsqlite3, libffi, libssl and
# libcrypto stay bundled: the app needs their versions (SQLite >= 3.35 features, and their
# sonames differ between distributions).
SYSTEM_LIBS = (
    "libstdc++.so",
    "libgcc_s.so",
    "libglib-2.0.so",
    "libgthread-2.0.so",
    "libX11.so",
    "libX11-xcb.so",
    "libfontconfig.so",
    "libfreetype.so",
    "libdbus-1.so",
    "libsystemd.so",
    "libgcrypt.so",
    "libgpg-error.so",
    "liblz4.so",
    "libzstd.so",
    "libpcre2-8.so",
    "libcap.so",
    "libexpat.so",
    "libbrotlicommon.so",
    "libbrotlidec.so",
    "libpng16.so",
    "libz.so",
    "libuuid.so",
    "liblzma.so",
    "libbz2.so",
    "libtinfo.so",
    "libreadline.so",
)


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


def _keep_plugin(folder: str, name: str) -> bool:
    if folder == "imageformats":
        return any(key in name for key in KEEP_IMAGEFORMATS)
    if folder == "platformthemes":
        return "gtk3" not in name
    if folder == "platforms":
        return not any(key in name for key in ("vnc", "eglfs", "linuxfb", "vkkhrdisplay"))
    return folder in KEEP_PLUGIN_DIRS


def keep_binary(dest: str) -> bool:
    parts = _parts(dest)
    name = parts[-1]
    if "plugins" in parts:
        at = parts.index("plugins")
        return _keep_plugin(parts[at + 1] if len(parts) > at + 2 else "", name)
    if sys.platform.startswith("linux") and name.startswith(SYSTEM_LIBS):
        return False
    return not any(name.startswith((lib, f"lib{lib}")) for lib in DROP_QT_LIBS)


def _keep_mpl(below: tuple[str, ...]) -> bool:
    """matplotlib's mpl-data, by the path below it."""
    if below and below[0] in DROP_MPL:
        return False
    if below[:1] == ("fonts",) and len(below) > 1:
        return not any(below[1] == key or below[-1].startswith(key) for key in DROP_MPL_FONTS)
    return True


def keep_data(dest: str) -> bool:
    parts = _parts(dest)
    if ".so" in parts[-1] or parts[-1].endswith((".dylib", ".dll")) or "plugins" in parts:
        return keep_binary(dest)  # links to libraries, plugins' files
    if "translations" in parts and parts[-1].endswith(".qm") and "PySide6" in parts:
        return parts[-1] in KEEP_QT_TRANSLATIONS
    if "mpl-data" in parts:
        return _keep_mpl(parts[parts.index("mpl-data") + 1 :])
    return not any(part in DROP_DATA_DIRS for part in parts)


def _needed(path: str) -> list[str]:
    """The libraries an ELF file names in its dynamic section (DT_NEEDED)."""
    import shutil
    import subprocess

    objdump = shutil.which("objdump")
    if objdump is None:
        return []
    out = subprocess.run([objdump, "-p", path], capture_output=True, text=True, check=False)
    lines = out.stdout.splitlines()
    return [line.split()[1] for line in lines if line.strip().startswith("NEEDED")]


def _is_root(dest: str) -> bool:
    """What is loaded directly (by Python's import, Qt's plugin loader or the bootloader)."""
    parts = _parts(dest)
    name = parts[-1]
    return (
        ".cpython-" in name
        or name.endswith(".abi3.so")
        or "lib-dynload" in parts
        or "plugins" in parts
        or name.startswith("libpython")
    )


def prune_unreachable(
    binaries: list[tuple[str, str, str]], datas: list[tuple[str, str, str]]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[str]]:
    """Linux: drop shared libraries that nothing kept needs any more (e.g. GTK, cairo and pango,
    needed only by the qgtk3 plugin left out above). Returns binaries, datas, dropped names."""
    import sys

    if not sys.platform.startswith("linux"):
        return binaries, datas, []
    by_name: dict[str, str] = {}
    for dest, src, typecode in binaries:
        if typecode != "SYMLINK":
            by_name.setdefault(_parts(dest)[-1], src)
    reachable: set[str] = set()
    todo = [src for dest, src, typecode in binaries if typecode != "SYMLINK" and _is_root(dest)]
    seen: set[str] = set()
    while todo:
        src = todo.pop()
        if src in seen:
            continue
        seen.add(src)
        for name in _needed(src):
            if name in by_name and name not in reachable:
                reachable.add(name)
                todo.append(by_name[name])

    def keep(entry: tuple[str, str, str]) -> bool:
        dest, src, typecode = entry
        if typecode == "SYMLINK":  # src is the link's target inside the bundle
            return _parts(src)[-1] in reachable or _is_root(src)
        return _is_root(dest) or _parts(dest)[-1] in reachable

    kept = [e for e in binaries if keep(e)]
    dropped = sorted({_parts(e[0])[-1] for e in binaries if not keep(e)})
    kept_datas = [e for e in datas if e[2] != "SYMLINK" or keep(e)]
    return kept, kept_datas, dropped
