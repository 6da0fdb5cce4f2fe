"""packaging/icu_trim.py: the bundle's smaller ICU data, made from PySide6's own ICU (the one in
this venv) and loaded by PySide6's own ICU libraries, as the bundle's QtCore loads it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import load_script

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle")

icu_trim = load_script("icu_trim")


def _pyside_icu() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found or not all(shutil.which(tool) for tool in ("as", "ld", "readelf")):
        pytest.skip("no ICU in the PySide6 wheel, or no binutils")
    return found[0]


@pytest.fixture(scope="module")
def icu_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with copies of PySide6's three ICU libraries."""
    data = _pyside_icu()
    folder = tmp_path_factory.mktemp("icu")
    for lib in data.parent.glob("libicu*.so.*"):
        shutil.copy2(lib, folder / lib.name)
    return folder


def _version(folder: Path) -> str:
    return next(folder.glob("libicudata.so.*")).name.rsplit(".", 1)[-1]


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("coll/zh.res", True),  # pinyin collation
        ("coll/root.res", True),
        ("coll/ucadata.icu", True),
        ("coll/de.res", False),
        ("zh_Hans_CN.res", True),
        ("en_GB.res", True),
        ("yue.res", False),
        ("fr.res", False),
        ("res_index.res", True),  # not a locale called "res"
        ("pool.res", True),
        ("zone/pool.res", True),
        ("supplementalData.res", True),
        ("zoneinfo64.res", True),
        ("gb18030.cnv", True),
        ("windows-936-2000.cnv", True),
        ("ibm-37_P100-1995.cnv", False),
        ("translit/root.res", False),
        ("brkitr/cjdict.dict", False),
        ("unames.icu", False),
        ("nfkc.nrm", True),
    ],
)
def test_which_items_stay(item: str, kept: bool) -> None:
    assert icu_trim.keep_item(item) is kept


def test_the_package_reader_and_writer_round_trip_exactly() -> None:
    library = _pyside_icu()
    _symbol, offset, size = icu_trim._symbol(library)
    package = library.read_bytes()[offset : offset + size]
    header, items = icu_trim.read_package(package)
    assert len(items) > 3000
    assert icu_trim.write_package(header, items) == package


def test_trimmed_data_answers_qt_s_calls_in_chinese_and_english(icu_copy: Path) -> None:
    before, after = icu_trim.trim_bundle(icu_copy)
    assert before > 25e6 and after < 6e6
    found = icu_trim.check(icu_copy, _version(icu_copy))
    assert found["collation zh_CN 张-李"] == "1"  # pinyin: lǐ before zhāng
    assert found["collation en_US 张-李"] == "-1"  # root order: U+5F20 before U+674E
    assert found["zone zh_CN"] == "中国标准时间"
    assert found["zone en_US"] == "China Standard Time"
    for name in ("GB18030", "GBK", "GB2312", "Big5", "windows-1252"):
        assert found[f"converter {name}"] == "ok"
    icupkg = shutil.which("icupkg")
    if icupkg:  # ICU's own tool reads (and byte-swaps, i.e. parses) every item
        library = icu_copy / f"libicudata.so.{_version(icu_copy)}"
        _symbol, offset, size = icu_trim._symbol(library)
        dat = icu_copy / f"icudt{_version(icu_copy)}l.dat"
        dat.write_bytes(library.read_bytes()[offset : offset + size])
        swapped = icu_copy / "swapped.dat"
        subprocess.run([icupkg, "-tb", str(dat), str(swapped)], check=True)


def test_without_the_chinese_items_the_check_sees_root_collation(tmp_path: Path) -> None:
    data = _pyside_icu()
    for lib in data.parent.glob("libicu*.so.*"):
        shutil.copy2(lib, tmp_path / lib.name)
    icu_trim.trim(tmp_path / data.name, languages=("en",))
    found = icu_trim.check(tmp_path, _version(tmp_path))
    assert found["collation zh_CN 张-李"] == "-1"
    with pytest.raises(RuntimeError, match="answers differently"):
        icu_trim.trim_bundle(tmp_path)
