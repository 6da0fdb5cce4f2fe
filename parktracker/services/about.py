"""What Help → About shows: where things are, which versions run, and the bundled parts'
licences (the desktop bundle ships all of these; the texts are in resources/licenses/)."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from parktracker import __version__
from parktracker.services.app_log import log_dir
from parktracker.services.workspace import data_dir
from parktracker.storage.backup import backup_folders


@dataclass(frozen=True)
class BundledPart:
    name: str
    licence: str
    distribution: str | None  # the pip distribution it comes from (None: not a Python package)


BUNDLED_PARTS: tuple[BundledPart, ...] = (
    BundledPart("Noto Sans SC (思源黑体)", "SIL Open Font License 1.1", None),
    BundledPart("Qt 6", "GNU LGPL 3.0", None),
    BundledPart("PySide6 (Qt for Python)", "GNU LGPL 3.0", "pyside6-essentials"),
    BundledPart("Shiboken6", "GNU LGPL 3.0", "shiboken6"),
    BundledPart("Python", "PSF License 2.0", None),
    BundledPart("matplotlib", "Matplotlib License (PSF-based)", "matplotlib"),
    BundledPart("DejaVu fonts (in matplotlib)", "Bitstream Vera / DejaVu licence", None),
    BundledPart("NumPy", "BSD 3-Clause", "numpy"),
    BundledPart("OpenBLAS (in NumPy)", "BSD 3-Clause", None),
    BundledPart("Pillow", "MIT-CMU (HPND)", "pillow"),
    BundledPart("fontTools", "MIT", "fonttools"),
    BundledPart("contourpy", "BSD 3-Clause", "contourpy"),
    BundledPart("cycler", "BSD 3-Clause", "cycler"),
    BundledPart("kiwisolver", "BSD 3-Clause", "kiwisolver"),
    BundledPart("pyparsing", "MIT", "pyparsing"),
    BundledPart("python-dateutil", "Apache 2.0 / BSD 3-Clause", "python-dateutil"),
    BundledPart("packaging", "Apache 2.0 / BSD 2-Clause", "packaging"),
    BundledPart("openpyxl", "MIT", "openpyxl"),
    BundledPart("et_xmlfile", "MIT", "et-xmlfile"),
    BundledPart("defusedxml", "PSF License 2.0", "defusedxml"),
    BundledPart("python-calamine (calamine)", "MIT", "python-calamine"),
    BundledPart("python-docx", "MIT", "python-docx"),
    BundledPart("lxml (libxml2, libxslt)", "BSD 3-Clause (libxml2, libxslt: MIT)", "lxml"),
    BundledPart("typing_extensions", "PSF License 2.0", "typing-extensions"),
    BundledPart("ReportLab", "BSD 3-Clause", "reportlab"),
    BundledPart("charset-normalizer", "MIT", "charset-normalizer"),
    BundledPart("sqlite-utils", "Apache 2.0", "sqlite-utils"),
    BundledPart("sqlite-fts4", "Apache 2.0", "sqlite-fts4"),
    BundledPart("click", "BSD 3-Clause", "click"),
    BundledPart("click-default-group", "BSD 3-Clause", "click-default-group"),
    BundledPart("tabulate", "MIT", "tabulate"),
    BundledPart("pluggy", "MIT", "pluggy"),
    BundledPart("platformdirs", "MIT", "platformdirs"),
    BundledPart("tzdata", "Apache 2.0", "tzdata"),
    BundledPart("six", "MIT", "six"),
    BundledPart("SQLite", "Public domain", None),
    BundledPart("ICU (in Qt)", "Unicode License v3", None),
    BundledPart("OpenSSL (in Python)", "Apache 2.0", None),
)


@dataclass(frozen=True)
class AboutFacts:
    version: str
    database: Path
    backups: Path
    data_folder: Path
    log_folder: Path
    python: str
    system: str
    frozen: bool


def about_facts(*, database: Path) -> AboutFacts:
    """Versions and locations for the open ``database``."""
    return AboutFacts(
        version=__version__,
        database=Path(database),
        backups=backup_folders(Path(database))[0],
        data_folder=data_dir(),
        log_folder=log_dir(),
        python=platform.python_version(),
        system=platform.platform(),
        frozen=bool(getattr(sys, "frozen", False)),
    )


def details_text(facts: AboutFacts, *, qt_version: str, pyside_version: str) -> str:
    """Plain text for a support request (not translated: it is read by whoever supports)."""
    build = "desktop bundle" if facts.frozen else "Python install"
    return "\n".join(
        (
            f"ParkTracker {facts.version} ({build})",
            f"Python {facts.python}, Qt {qt_version}, PySide6 {pyside_version}",
            f"System: {facts.system}",
            f"Database: {facts.database}",
            f"Backups: {facts.backups}",
            f"Data folder: {facts.data_folder}",
            f"Log folder: {facts.log_folder}",
        )
    )
