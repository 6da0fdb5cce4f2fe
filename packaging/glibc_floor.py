"""The glibc floor of a Linux bundle: the highest GLIBC_x.y symbol version any binary in it needs.

    python packaging/glibc_floor.py dist/ParkTracker [--top 10]

A system whose glibc is older than the floor cannot start the bundle (the loader reports
"version `GLIBC_2.xx' not found"). It reads each ELF file's version needs with ``objdump -p``
(binutils); without binutils it falls back to the GLIBC_ names in the file's bytes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
_VERSION = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?")
_NEEDS = re.compile(r"^\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+\d+\s+GLIBC_(\d+)\.(\d+)(?:\.(\d+))?\s*$")

Version = tuple[int, int, int]


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == ELF_MAGIC
    except OSError:
        return False


def _version(groups: tuple[str | bytes | None, ...]) -> Version:
    major, minor, patch = (int(g) if g else 0 for g in groups)
    return (major, minor, patch)


def needed_versions(path: Path) -> set[Version]:
    """The GLIBC_ versions ``path`` requires from the C library (its version-needs section)."""
    objdump = shutil.which("objdump")
    if objdump is not None:
        out = subprocess.run(
            [objdump, "-p", str(path)], capture_output=True, text=True, check=False
        ).stdout
        if "Version References" in out or "Dynamic Section" in out:
            refs = out.split("Version References:", 1)[-1] if "Version References" in out else ""
            return {_version(m.groups()) for m in map(_NEEDS.match, refs.splitlines()) if m}
    return {_version(m.groups()) for m in _VERSION.finditer(path.read_bytes())}


def floor(bundle: Path) -> tuple[Version | None, list[tuple[Version, Path]]]:
    """The highest version needed in ``bundle`` and, per ELF file, its own highest."""
    per_file: list[tuple[Version, Path]] = []
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()):
        if not _is_elf(path):
            continue
        versions = needed_versions(path)
        if versions:
            per_file.append((max(versions), path.relative_to(bundle)))
    per_file.sort(reverse=True)
    return (per_file[0][0] if per_file else None), per_file


def text(version: Version | None) -> str:
    if version is None:
        return "none"
    major, minor, patch = version
    return f"GLIBC_{major}.{minor}" + (f".{patch}" if patch else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--top", type=int, default=8, help="list the files that need the most")
    args = parser.parse_args()
    highest, per_file = floor(args.bundle)
    print(f"glibc floor of {args.bundle}: {text(highest)} ({len(per_file)} ELF files)")
    for version, path in per_file[: args.top]:
        print(f"  {text(version):<12} {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
