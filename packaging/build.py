"""Build the desktop application for the system this runs on, from a clean virtual environment.

    python packaging/build.py              # dist/ParkTracker/ (dist/ParkTracker.app on macOS)
    python packaging/build.py --archive    # also dist/ParkTracker-<version>-<os>-<cpu>.tar.gz/.zip
    python packaging/build.py --untrimmed  # every Qt module and plugin (for the size comparison)

Steps: a new venv in build/venv (deleted first), ``pip install ".[build]"`` into it (a normal,
non-editable install, exactly what a user's pip would install, plus PyInstaller), then
PyInstaller with packaging/parktracker.spec. At the end it prints the bundle's size on disk
and, on Linux, its glibc floor, and writes both to dist/build-info.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "parktracker.spec"


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def disk_size(folder: Path) -> int:
    """Bytes on disk (allocated blocks where the system reports them, as ``du`` does)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        stat = path.stat()
        blocks = getattr(stat, "st_blocks", None)
        total += blocks * 512 if blocks is not None else stat.st_size
    return total


def strip_symbols(bundle: Path) -> int:
    """Linux, trimmed builds: ``strip --strip-unneeded`` every library and extension module in
    ``_internal/`` that carries a symbol table or debug information (a Python built from source
    carries both: libpython shrinks from 23 MB to about 6 MB; the symbol tables of libicui18n,
    NumPy, python-calamine, matplotlib… are another 5 MB). Dynamic linking and ``dlsym`` use
    ``.dynsym``, which stays. Not stripped: the program itself (PyInstaller's bootloader with
    the Python archive appended) and the libraries that wheels vendor in ``*.libs/`` folders
    (patched by auditwheel: stripping breaks them). Returns the number of files stripped."""
    strip = shutil.which("strip")
    readelf = shutil.which("readelf")
    if strip is None or readelf is None:
        print("strip/readelf (binutils) not found: symbols and debug information kept")
        return 0
    stripped = 0
    for path in sorted((bundle / "_internal").rglob("*")):
        if path.is_symlink() or not path.is_file() or any(p.endswith(".libs") for p in path.parts):
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        sections = subprocess.run(
            [readelf, "-S", "-W", str(path)], capture_output=True, text=True, check=False
        ).stdout
        if ".symtab" in sections or ".debug_info" in sections:
            subprocess.run([strip, "--strip-unneeded", str(path)], check=True)
            stripped += 1
    return stripped


def trim_linux_binaries(bundle: Path) -> None:
    """Strip symbols, then replace ICU's data by the Chinese/English subset and check it
    (packaging/icu_trim.py; a wrong answer from the trimmed ICU stops the build)."""
    print(f"stripped symbols and debug information from {strip_symbols(bundle)} files")
    sys.path.insert(0, str(ROOT / "packaging"))
    from icu_trim import trim_bundle

    try:
        icu = trim_bundle(bundle)
    except FileNotFoundError as missing:  # no binutils: as strip_symbols does
        print(f"ICU data not trimmed: {missing} not found")
        return
    if icu is not None:
        print(f"ICU data: {icu[0] / 1e6:.1f} MB -> {icu[1] / 1e6:.1f} MB (checked)")


APP_ID = "cn.gov.qingdao.ParkTracker"


def add_linux_desktop_files(bundle: Path) -> None:
    """The menu entry, AppStream metadata, icons and install.sh beside the program."""
    linux = ROOT / "packaging" / "linux"
    share = bundle / "share"
    for sub, name in (("applications", ".desktop"), ("metainfo", ".metainfo.xml")):
        (share / sub).mkdir(parents=True, exist_ok=True)
        shutil.copy2(linux / f"{APP_ID}{name}", share / sub / f"{APP_ID}{name}")
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(icons / f"parktracker-{size}.png", folder / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / "parktracker.svg", scalable / f"{APP_ID}.svg")
    shutil.copy2(linux / "install.sh", bundle / "install.sh")


def bundle_path(dist: Path) -> Path:
    app = dist / "ParkTracker.app"
    return app if app.exists() else dist / "ParkTracker"


def run(command: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=cwd, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "venv")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument(
        "--reuse-venv", action="store_true", help="keep build/venv if it exists (faster rebuilds)"
    )
    parser.add_argument("--untrimmed", action="store_true", help="skip the Qt/plugin trimming")
    parser.add_argument("--archive", action="store_true", help="also pack the bundle")
    args = parser.parse_args()
    args.venv, args.dist, args.work = (p.resolve() for p in (args.venv, args.dist, args.work))
    started = time.monotonic()

    python = venv_python(args.venv)
    if not (args.reuse_venv and python.exists()):
        shutil.rmtree(args.venv, ignore_errors=True)
        print(f"+ python -m venv {args.venv}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(args.venv)
        run([str(python), "-m", "pip", "install", "-q", ".[build]"])
    else:  # the project itself is always installed afresh
        run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", "."])
    env = dict(os.environ, PARKTRACKER_UNTRIMMED="1" if args.untrimmed else "")
    # Not from the repository root: there `import parktracker` would find the source tree
    # (whose resources/ sits elsewhere) instead of the installed package.
    args.work.mkdir(parents=True, exist_ok=True)
    run(
        [
            str(python),
            "-m",
            "PyInstaller",
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(args.dist),
            "--workpath",
            str(args.work),
        ],
        cwd=args.work,
        env=env,
    )
    bundle = bundle_path(args.dist)
    if sys.platform.startswith("linux"):
        if not args.untrimmed:
            trim_linux_binaries(bundle)
        add_linux_desktop_files(bundle)
    info: dict[str, object] = {
        "bundle": str(bundle),
        "trimmed": not args.untrimmed,
        "size_bytes": disk_size(bundle),
        "system": platform.system(),
        "machine": platform.machine(),
        "build_seconds": round(time.monotonic() - started, 1),
    }
    if sys.platform.startswith("linux"):
        sys.path.insert(0, str(ROOT / "packaging"))
        from glibc_floor import floor, text

        info["glibc_floor"] = text(floor(bundle)[0])
    if args.archive:
        import tomllib

        pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
        __version__ = pyproject["project"]["version"]
        name = f"ParkTracker-{__version__}-{platform.system().lower()}-{platform.machine().lower()}"
        fmt = "zip" if os.name == "nt" else "gztar"
        info["archive"] = shutil.make_archive(
            str(args.dist / name), fmt, root_dir=bundle.parent, base_dir=bundle.name
        )
    (args.dist / "build-info.json").write_text(json.dumps(info, indent=2), "utf-8")
    size_mb = int(info["size_bytes"]) / 1e6  # type: ignore[call-overload]
    print(f"bundle: {bundle}  {size_mb:.1f} MB on disk", flush=True)
    if "glibc_floor" in info:
        print(f"glibc floor: {info['glibc_floor']}")
    print(f"built in {info['build_seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
