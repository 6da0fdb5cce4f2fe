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
