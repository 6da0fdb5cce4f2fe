"""Linux: replace the bundle's ICU data library (``libicudata.so.NN``, 32 MB, every locale of
the world) by one with only what Qt can reach for a Chinese/English application (about 3 MB).

Why this is safe. QtCore is the only library in the bundle that calls ICU, and
``nm -D --undefined-only libQt6Core.so.6`` shows all it calls: ``u_strToUpper``/``u_strToLower``
(case mapping: ICU's code, no data file), ``ucol_*`` (collation: the Qt file dialog sorts with
QCollator), ``ucal_open``/``ucal_getCanonicalTimeZoneID``/``ucal_getTimeZoneDisplayName``
(time-zone names) and ``ucnv_*`` (QStringConverter for encodings Qt does not implement itself).
So the new data keeps, from the original package:

* every item that is not tied to a locale (normalisation, time-zone rules, likely subtags,
  plural rules, the collation root ``ucadata.icu``, the converter alias table, the resource
  pools and indexes…);
* the locale items of ``root``, ``en*`` and ``zh*`` in every tree (top level, ``coll/``,
  ``zone/``, ``curr/``, ``lang/``, ``region/``, ``unit/``, ``rbnf/``, ``brkitr/``); for any
  other locale ICU falls back to ``root`` as it does for a locale it has never heard of;
* the converters for Chinese and Western encodings (GB18030, GBK, GB2312, Big5,
  windows-1252; UTF-* and ISO-8859-1 are ICU code, not data).

Left out: other locales, the transliterator rules (``translit/``: Qt never opens one), the
break-iterator dictionaries (``*.dict``: Qt finds word and line breaks itself), the character
names ``unames.icu`` and every other converter table.

How. The data library is an ELF shared object with one symbol, ``icudtNN_dat``, holding an
ICU "common data" package (a table of contents of named items, then the items). This module
reads that package from the library, writes a package with the kept items (same header, the
same sorted names, each item 16-byte aligned as ICU's ``icupkg`` writes them), and links it
into a new ``libicudata.so.NN`` with the GNU assembler and linker (binutils, which the build
already needs for ``strip`` and ``objdump``), as ICU's own ``pkgdata`` does. :func:`check`
then loads the bundle's ICU with ctypes and makes the calls Qt makes.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("en", "zh")
# Converter tables kept (file stems; the alias table cnvalias.icu maps names such as "GBK",
# "GB2312", "Big5", "cp1252" to them).
KEEP_CONVERTERS = (
    "gb18030",
    "windows-936-2000",  # GBK, CP936
    "ibm-1386_P100-2001",  # GBK (IBM)
    "ibm-1383_P110-1999",  # GB2312, EUC-CN
    "ibm-5478_P100-1995",  # GB_2312-80 (ISO-2022-CN)
    "windows-950-2000",  # Big5 (an extension of the next table)
    "ibm-1373_P100-2002",  # windows-950
    "ibm-5348_P100-1997",  # windows-1252
)
# Trees nothing in Qt's calls opens: transliterators, break iterators (Qt finds word and line
# breaks itself), currency and unit names, number spell-out rules.
DROP_TREES = ("translit", "brkitr", "curr", "unit", "rbnf")
# Character names (u_charName), string preparation (IDNA2003; Qt's QUrl has its own IDNA).
DROP_ITEMS = ("unames.icu",)
DROP_SUFFIXES = ("spp",)
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
_NOT_LOCALES = ("res_index", "pool", "root")


def keep_item(name: str, languages: tuple[str, ...] = KEEP_LANGUAGES) -> bool:
    """Whether the package item ``name`` (e.g. ``coll/zh.res``, without the ``icudt73l/``
    prefix) stays in the trimmed data."""
    tree, _, base = name.rpartition("/")
    stem, _, suffix = base.rpartition(".")
    if tree in DROP_TREES or base in DROP_ITEMS or suffix in DROP_SUFFIXES:
        return False
    if suffix == "cnv":
        return stem in KEEP_CONVERTERS
    if suffix == "res" and stem not in _NOT_LOCALES and _LOCALE.match(stem):
        return stem.split("_")[0] in languages
    return True


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """An ICU common-data package: (header, [(item name, item bytes)]) in table order."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    if blob[8] != 0:  # UDataInfo.isBigEndian
        raise ValueError("big-endian ICU data is not handled")
    (count,) = struct.unpack_from("<I", blob, header_size)
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + data for _, data in entries] + [len(blob)]
    items = []
    for i, (name_at, _) in enumerate(entries):
        at = header_size + name_at
        name = blob[at : blob.index(b"\0", at)].decode("ascii")
        items.append((name, blob[starts[i] : starts[i + 1]]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package with ``items`` (names sorted as given; ICU looks them up by bisection)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_at = _align(toc_size + len(names))
    toc = bytearray(struct.pack("<I", len(items)))
    body = bytearray()
    name_at = toc_size
    for name, data in items:
        toc += struct.pack("<II", name_at, data_at + len(body))
        name_at += len(name) + 1
        body += data + b"\0" * (_align(len(data)) - len(data))
    table = bytes(toc) + names
    return header + table + b"\xaa" * (data_at - len(table)) + bytes(body)  # as icupkg pads


def _align(n: int) -> int:
    return (n + 15) // 16 * 16


def _symbol(library: Path) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of the icudtNN_dat data in the library."""
    readelf = shutil.which("readelf")
    if readelf is None:
        raise FileNotFoundError("readelf (binutils)")
    syms = subprocess.run(
        [readelf, "-W", "--dyn-syms", str(library)], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(
        r"\s([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)", syms
    )
    if match is None:
        raise ValueError(f"{library}: no icudtNN_dat symbol")
    address, size = int(match[1], 16), int(match[2], 0)
    sections = subprocess.run(
        [readelf, "-W", "-S", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in sections.splitlines():
        fields = line.split("]", 1)[-1].split()
        if len(fields) >= 5 and fields[0] == ".rodata":
            section_address, section_offset = int(fields[2], 16), int(fields[3], 16)
            return match[4], address - section_address + section_offset, size
    raise ValueError(f"{library}: no .rodata section")


def link_library(package: bytes, symbol: str, soname: str, out: Path) -> None:
    """A shared library exporting ``symbol`` = ``package`` (16-byte aligned, read-only)."""
    assembler, linker = shutil.which("as"), shutil.which("ld")
    if assembler is None or linker is None:
        raise FileNotFoundError("as/ld (binutils)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "data.dat").write_bytes(package)
        (work / "data.s").write_text(
            '\t.section .note.GNU-stack,"",@progbits\n'
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol},@object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{work / "data.dat"}"\n'
            f"\t.size {symbol}, .-{symbol}\n",
            "ascii",
        )
        subprocess.run([assembler, "-o", str(work / "data.o"), str(work / "data.s")], check=True)
        subprocess.run(
            [linker, "-shared", "-soname", soname, "-o", str(out), str(work / "data.o")],
            check=True,
        )


def trim(
    library: Path, out: Path | None = None, languages: tuple[str, ...] = KEEP_LANGUAGES
) -> tuple[int, int]:
    """Rewrite the ICU data ``library`` (in place, or to ``out``) with the kept items only.
    Returns (bytes before, bytes after)."""
    blob = library.read_bytes()
    symbol, offset, size = _symbol(library)
    header, items = read_package(blob[offset : offset + size])
    prefix = items[0][0].split("/", 1)[0] + "/"  # icudt73l/
    kept = [(n, d) for n, d in items if keep_item(n.removeprefix(prefix), languages)]
    target = out or library
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / library.name
        link_library(write_package(header, kept), symbol, library.name, built)
        shutil.copyfile(built, target)
        target.chmod(0o755)
    return len(blob), target.stat().st_size


# Run in a child process (the calling process may have another ICU loaded, e.g. PySide6's):
# loads libicui18n from the given folder (its RUNPATH $ORIGIN finds the data library beside it)
# and makes the calls QtCore makes. Prints one line per result; exits 1 on an ICU error.
_CHECK = r"""
import ctypes, sys
folder, version = sys.argv[1], sys.argv[2]
i18n = ctypes.CDLL(f"{folder}/libicui18n.so.{version}")
uc = ctypes.CDLL(f"{folder}/libicuuc.so.{version}")
def f(lib, name, res, *args):
    fn = getattr(lib, f"{name}_{version}")
    fn.restype, fn.argtypes = res, list(args)
    return fn
P, I, S = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
err = ctypes.c_int(0)
E = ctypes.POINTER(ctypes.c_int)
def ok(what):
    if err.value > 0:
        print(f"{what}: ICU error {err.value}"); sys.exit(1)
    err.value = 0
ucol_open = f(i18n, "ucol_open", P, S, E)
strcoll = f(i18n, "ucol_strcoll", I, P, S, I, S, I)
def utf16(s):  # ICU's UChar is UTF-16: pass the raw bytes
    return s.encode("utf-16-le") + b"\0\0"
for loc in ("zh_CN", "en_US", "de_DE"):
    coll = ucol_open(loc.encode(), ctypes.byref(err)); ok(f"ucol_open {loc}")
    # pinyin order (zh): li < zhang; code-point order (root): 张 U+5F20 < 李 U+674E
    print(f"collation {loc} 张-李\t{strcoll(coll, utf16('张'), -1, utf16('李'), -1)}")
cnv_open = f(uc, "ucnv_open", P, S, E)
for name in ("GB18030", "GBK", "GB2312", "Big5", "windows-1252", "UTF-8", "ISO-8859-1"):
    cnv_open(name.encode(), ctypes.byref(err)); ok(f"ucnv_open {name}")
    print(f"converter {name}\tok")
ucal_open = f(i18n, "ucal_open", P, S, I, S, I, E)
name = ctypes.create_string_buffer(256)
display = f(i18n, "ucal_getTimeZoneDisplayName", I, P, I, S, P, I, E)
for loc in ("zh_CN", "en_US"):
    cal = ucal_open(utf16("Asia/Shanghai"), -1, loc.encode(), 0, ctypes.byref(err)); ok("ucal_open")
    n = display(cal, 0, loc.encode(), name, 128, ctypes.byref(err)); ok("display name")
    print(f"zone {loc}\t" + name.raw[: 2 * n].decode("utf-16-le"))
"""


def check(folder: Path, version: str) -> dict[str, str]:
    """Load the ICU in ``folder`` (a child process) and make Qt's calls. Returns
    {what: result}, e.g. ``{"collation zh_CN 张-李": "1", "zone zh_CN": "中国标准时间"}``;
    raises RuntimeError if ICU reports an error."""
    result = subprocess.run(
        [sys.executable, "-c", _CHECK, str(folder), version],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    if result.returncode != 0:
        raise RuntimeError(f"ICU check failed: {result.stdout}{result.stderr}")
    found = {}
    for line in result.stdout.splitlines():
        what, _, value = line.partition("\t")
        found[what] = value
    return found


def trim_bundle(bundle: Path) -> tuple[int, int] | None:
    """Trim the bundle's ICU data and check it; None if the bundle has no ICU data library."""
    libraries = sorted(p for p in bundle.rglob("libicudata.so.*") if not p.is_symlink())
    if not libraries:
        return None
    library = libraries[0]
    version = library.name.rsplit(".", 1)[-1]
    before, after = trim(library)
    found = check(library.parent, version)
    expected = {
        "collation zh_CN 张-李": "1",  # zhāng after lǐ: the Chinese (pinyin) collation is there
        "collation en_US 张-李": "-1",
        "zone zh_CN": "中国标准时间",
        "zone en_US": "China Standard Time",
    }
    wrong = {k: (found.get(k), v) for k, v in expected.items() if found.get(k) != v}
    if wrong:
        raise RuntimeError(f"trimmed ICU data answers differently (found, expected): {wrong}")
    return before, after


if __name__ == "__main__":
    lib = Path(sys.argv[1])
    print(trim(lib, Path(sys.argv[2])))
