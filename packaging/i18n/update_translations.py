"""Refresh ParkTracker's Qt Linguist files from the source code.

    python packaging/i18n/update_translations.py            update the .ts, then build the .qm
    python packaging/i18n/update_translations.py --check    change nothing; exit 1 if out of date

Update runs pyside6-lupdate over every .py file under parktracker/ (listed one by one) into
resources/translations/parktracker_zh_CN.ts, then pyside6-lrelease into parktracker_zh_CN.qm.
New strings arrive as ``<translation type="unfinished">``: write the Chinese into the .ts, delete
``type="unfinished"``, and run this script again so that the .qm follows.

The .ts keeps no source locations (``-locations none``) and its messages are sorted within each
context (``-sort-messages``), so moving code around leaves the file unchanged: a diff of the .ts
shows only strings that were added, removed or re-translated. Strings no longer in the code are
dropped (``-no-obsolete``). The .qm leaves out unfinished translations (``-nounfinished``), as
parktracker.i18n does for the command line, so the GUI and the CLI show the same language.

English is the source language, but its plurals need a translation too: Qt fills ``%n`` in
"%n chain leader(s)" and picks a form only from a translator. So an English file of numerus
messages only (``-pluralonly``), parktracker_en.ts, is kept beside the Chinese one and built
into parktracker_en.qm: write the two English forms ("%n chain leader", "%n chain leaders")
into each new message there.

--check runs lupdate on a temporary copy of the .ts and fails, listing them, on any source string
that is new, still unfinished or no longer used, and when the committed .qm differs from what
lrelease makes of the committed .ts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "parktracker"
LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"
TRANSLATIONS = Path("resources", "translations")
TS_NAME = f"parktracker_{LANGUAGE}.ts"
QM_NAME = f"parktracker_{LANGUAGE}.qm"

LUPDATE_OPTIONS = (
    "-no-obsolete",
    "-locations",
    "none",
    "-sort-messages",
    "-source-language",
    SOURCE_LANGUAGE,
    "-target-language",
    LANGUAGE,
)
LRELEASE_OPTIONS = ("-nounfinished",)
PLURALS_LANGUAGE = "en"  # the source language's own plural forms (numerus messages only)
PLURALS_TS_NAME = f"parktracker_{PLURALS_LANGUAGE}.ts"
PLURALS_QM_NAME = f"parktracker_{PLURALS_LANGUAGE}.qm"
PLURALS_OPTIONS = (
    "-no-obsolete",
    "-locations",
    "none",
    "-sort-messages",
    "-pluralonly",
    "-source-language",
    SOURCE_LANGUAGE,
    "-target-language",
    PLURALS_LANGUAGE,
)


class ToolNotFound(RuntimeError):
    pass


def find_tool(name: str) -> Path:
    """``lupdate`` or ``lrelease`` of the running Python's PySide6.

    Looks for the ``pyside6-<name>`` launcher next to ``sys.executable`` (bin/ or Scripts/),
    then for the binary inside the PySide6 package, then on PATH.
    """
    suffix = ".exe" if os.name == "nt" else ""
    here = Path(sys.executable).parent  # not resolved: a venv's python is often a symlink
    candidates = [here / f"pyside6-{name}{suffix}", here / "Scripts" / f"pyside6-{name}{suffix}"]
    try:
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
        candidates.append(package / f"{name}{suffix}")
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    raise ToolNotFound(
        f"pyside6-{name} not found next to {sys.executable} or in the PySide6 package; "
        "install PySide6 (pyside6-essentials) into this Python"
    )


def source_files(root: Path = ROOT) -> list[Path]:
    """Every .py file of the package, relative to ``root``, in a stable order."""
    return sorted(
        path.relative_to(root)
        for path in (root / PACKAGE).rglob("*.py")
        if "__pycache__" not in path.parts
    )


def _run(command: Sequence[str | os.PathLike[str]], cwd: Path) -> None:
    result = subprocess.run(
        [os.fspath(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        shown = " ".join(os.fspath(part) for part in command)
        raise RuntimeError(
            f"{shown} failed ({result.returncode}):\n{result.stdout}{result.stderr}".rstrip()
        )


def run_lupdate(ts: Path, root: Path = ROOT, *, plurals_only: bool = False) -> None:
    """Merge the strings of the code into ``ts`` (created if missing); ``plurals_only``: the
    English file of numerus messages."""
    files = source_files(root)
    if not files:
        raise RuntimeError(f"no .py files under {root / PACKAGE}")
    options = PLURALS_OPTIONS if plurals_only else LUPDATE_OPTIONS
    _run([find_tool("lupdate"), "-silent", *files, *options, "-ts", ts.resolve()], root)


def run_lrelease(ts: Path, qm: Path) -> None:
    options = ["-silent", *LRELEASE_OPTIONS]
    _run([find_tool("lrelease"), *options, ts.resolve(), "-qm", qm.resolve()], ts.parent)


# ---------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str  # "" (finished), "unfinished", "obsolete", "vanished"...

    @property
    def finished(self) -> bool:
        return self.kind == "" and bool(self.translation)

    def describe(self) -> str:
        return f"[{self.context}] {self.source!r}"


def read_ts(ts: Path) -> list[Message]:
    """The messages of a .ts file, in file order (numerus forms joined with a newline)."""
    root = ElementTree.parse(ts).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            node = message.find("translation")
            if node is None:
                text, kind = "", "unfinished"
            else:
                forms = node.findall("numerusform")
                if forms:  # numerus: finished only when every form is written
                    texts = [f.text or "" for f in forms]
                    text = "\n".join(texts) if all(texts) else ""
                else:
                    text = node.text or ""
                kind = node.get("type", "")
            messages.append(Message(name, message.findtext("source", default=""), text, kind))
    return messages


# ---------------------------------------------------------------------------------- actions


def update(root: Path = ROOT) -> tuple[Path, Path]:
    """Refresh the .ts from the code and rebuild the .qm; returns both paths."""
    folder = root / TRANSLATIONS
    folder.mkdir(parents=True, exist_ok=True)
    ts, qm = folder / TS_NAME, folder / QM_NAME
    run_lupdate(ts, root)
    run_lrelease(ts, qm)
    plurals = folder / PLURALS_TS_NAME
    run_lupdate(plurals, root, plurals_only=True)
    run_lrelease(plurals, folder / PLURALS_QM_NAME)
    return ts, qm


def check(root: Path = ROOT) -> list[str]:
    """What ``update`` would change, as one line per problem; empty when all is up to date."""
    problems: list[str] = []
    for ts_name, qm_name, plurals_only in (
        (TS_NAME, QM_NAME, False),
        (PLURALS_TS_NAME, PLURALS_QM_NAME, True),
    ):
        problems += _check_one(root, ts_name, qm_name, plurals_only=plurals_only)
    return problems


def _check_one(root: Path, ts_name: str, qm_name: str, *, plurals_only: bool) -> list[str]:
    folder = root / TRANSLATIONS
    ts, qm = folder / ts_name, folder / qm_name
    problems: list[str] = []
    committed = {(m.context, m.source): m for m in read_ts(ts)} if ts.is_file() else {}
    if not ts.is_file():
        problems.append(f"missing: {ts.relative_to(root)}")
    with tempfile.TemporaryDirectory(prefix="parktracker-i18n-") as tmp:
        work = Path(tmp)
        updated_ts = work / ts_name
        if ts.is_file():
            shutil.copyfile(ts, updated_ts)
        run_lupdate(updated_ts, root, plurals_only=plurals_only)
        updated = read_ts(updated_ts)
        keys = {(m.context, m.source) for m in updated}
        for message in updated:
            if message.finished:
                continue
            is_new = (message.context, message.source) not in committed
            problems.append(f"{'new' if is_new else 'unfinished'}: {message.describe()}")
        problems += [
            f"no longer in the code: {m.describe()}"
            for key, m in committed.items()
            if key not in keys
        ]
        if ts.is_file():
            fresh_qm = work / qm_name
            run_lrelease(ts, fresh_qm)
            if not qm.is_file():
                problems.append(f"missing: {qm.relative_to(root)}")
            elif qm.read_bytes() != fresh_qm.read_bytes():
                problems.append(f"stale: {qm.relative_to(root)} does not match {ts_name}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 listing new, unfinished or unused strings and a stale .qm",
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            problems = check()
            for line in problems:
                print(line)
            if problems:
                print(
                    f"{len(problems)} translation problem(s). Run "
                    "`python packaging/i18n/update_translations.py`, translate the unfinished "
                    f"messages in {TRANSLATIONS / TS_NAME}, then run it again.",
                    file=sys.stderr,
                )
                return 1
            print("translations up to date")
            return 0
        ts, qm = update()
    except (ToolNotFound, RuntimeError) as exc:
        print(f"update_translations: {exc}", file=sys.stderr)
        return 2
    for path in (ts, ts.with_name(PLURALS_TS_NAME)):
        messages = read_ts(path)
        todo = [m for m in messages if not m.finished]
        print(f"{path.relative_to(ROOT)}: {len(messages)} message(s), {len(todo)} to translate")
        for message in todo:
            print(f"  {message.describe()}")
    print(f"{qm.relative_to(ROOT)}, {PLURALS_QM_NAME}: rebuilt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
