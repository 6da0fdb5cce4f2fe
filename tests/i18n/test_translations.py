"""The Chinese translation: complete, faithful to its placeholders, the same in Qt and the CLI.

The .ts/.qm pair is refreshed with ``python packaging/i18n/update_translations.py``; these tests
fail when a developer added a string and did not run it (or did not translate the new string).
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "i18n" / "update_translations.py"
TS = ROOT / "resources" / "translations" / "parktracker_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "parktracker_zh_CN.qm"

# Sources that may stay as they are in Chinese. Keep this list short: product names and the like.
IDENTICAL_ALLOWED = frozenset({"ParkTracker"})

PLACEHOLDER = re.compile(r"%(\d+)")
ASCII_LETTER = re.compile(r"[A-Za-z]")
CJK = r"\u3400-\u9fff"
HAS_CJK = re.compile(f"[{CJK}]")
# Half-width punctuation touching a Chinese character: Chinese text takes ，：；（）“”！？。
# File-dialog filters ("数据库文件 (*.db);;所有文件 (*)") need Qt's ASCII syntax.
FILE_FILTER = re.compile(r"\(\*[^)]*\)|;;")
HALF_WIDTH_BESIDE_CJK = re.compile(f"[{CJK}][,:;()!?\"']|[,:;()!?\"'][{CJK}]|[{CJK}]\\.(?!\\d)")
# Qt's convention for menu accelerators in CJK translations: 文件(&F).
ACCELERATOR = re.compile(r"\(&\w\)")


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


script = _load_script()


@pytest.fixture(scope="module")
def messages() -> list[object]:
    found = script.read_ts(TS)
    assert found, f"{TS} holds no messages"
    return found


def test_check_finds_nothing_new_unfinished_or_stale() -> None:
    problems = script.check(ROOT)
    assert problems == [], (
        "translations out of date; run `python packaging/i18n/update_translations.py` and "
        "translate the unfinished messages:\n" + "\n".join(problems)
    )


def test_every_message_is_finished(messages: list[object]) -> None:
    todo = [m.describe() for m in messages if not m.finished]
    assert todo == []


def test_placeholders_are_kept(messages: list[object]) -> None:
    wrong = [
        f"{m.describe()} -> {m.translation!r}"
        for m in messages
        if set(PLACEHOLDER.findall(m.source)) != set(PLACEHOLDER.findall(m.translation))
    ]
    assert wrong == []


def test_every_message_is_really_translated(messages: list[object]) -> None:
    untranslated = [
        m.describe()
        for m in messages
        if not m.translation.strip()
        or (
            ASCII_LETTER.search(m.source)
            and m.source not in IDENTICAL_ALLOWED
            and (m.translation == m.source or not HAS_CJK.search(m.translation))
        )
    ]
    assert untranslated == []


def test_chinese_punctuation(messages: list[object]) -> None:
    wrong = [
        f"{m.describe()} -> {m.translation!r}"
        for m in messages
        if HALF_WIDTH_BESIDE_CJK.search(FILE_FILTER.sub(" ", ACCELERATOR.sub("", m.translation)))
    ]
    assert wrong == []


def test_accelerators_are_kept(messages: list[object]) -> None:
    def count(text: str) -> int:
        return len(re.findall(r"&(?!&)\w", text))

    menus = [m for m in messages if m.context == "Menus" and count(m.source)]
    assert menus, "expected the main window's menus to carry accelerators"
    wrong = [m.describe() for m in menus if count(m.translation) != 1]
    assert wrong == []


def test_known_vocabulary(messages: list[object]) -> None:
    table = {(m.context, m.source): m.translation for m in messages}
    assert table[("Stage", "Under construction")] == "在建"
    assert table[("Stage", "Signed, awaiting start")] == "已签约待开工"
    assert table[("EnterpriseTag", "Little giant")] == "专精特新“小巨人”"
    assert table[("DashboardPage", "Share of the year elapsed: %1")] == "序时进度：%1"
    assert table[("Dates", "yyyy-MM-dd")] == "yyyy年M月d日"
    assert table[("Menus", "&File")] == "文件(&F)"


# ------------------------------------------------------------ lupdate sees every marked string


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _marker(call: ast.Call, context: str | None, where: str) -> tuple[str, str] | str | None:
    """(context, source) if ``call`` marks a string, a complaint if it marks one badly."""
    func = call.func
    args = [_literal(a) for a in call.args]
    literal = None not in args
    if isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP":
        found = args if len(args) == 2 and literal else "QT_TRANSLATE_NOOP needs two literals"
    elif (
        isinstance(func, ast.Attribute)
        and func.attr == "tr"
        and isinstance(func.value, ast.Name)
        and func.value.id == "self"
    ):
        numerus = len(args) == 3 and args[0] is not None and _is_none(call.args[1])
        if numerus:  # self.tr("%n record(s)", None, count)
            found = [context, args[0]]
        else:
            found = (
                [context, *args] if len(args) == 1 and literal else "self.tr() needs one literal"
            )
        if context is None and not isinstance(found, str):
            found = "self.tr() outside a class has no context"
    elif (
        isinstance(func, ast.Name | ast.Attribute)
        and (func.id if isinstance(func, ast.Name) else func.attr) == "translate"
        and len(args) == 4
        and args[0] is not None
        and args[1] is not None
        and _is_none(call.args[2])
    ):
        found = args[:2]  # translate("Summary", "%n chain leader(s)", None, 0): a numerus marker
    elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(args) == 2:
        if not literal:
            return None  # translate(text.context, text.source): a run-time lookup, not a marker
        found = args  # app.translate("App", "ParkTracker")
    else:
        return None
    if isinstance(found, str):
        return f"{where}: {found}"
    return (str(found[0]), str(found[1]))


def _marked_strings(path: Path) -> Iterator[tuple[str, str] | str]:
    """(context, source) of each marked string in ``path``, or a complaint for a bad marker."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    classes: dict[ast.AST, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for inner in ast.walk(node):
                classes[inner] = node.name  # ast.walk is breadth-first: the innermost class wins
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            item = _marker(node, classes.get(node), where)
            if item is not None:
                yield item


def test_lupdate_extracts_every_marked_string(messages: list[object]) -> None:
    """An independent reading of the code (Python's ast) against what lupdate put in the .ts."""
    extracted = {(m.context, m.source) for m in messages}
    marked: set[tuple[str, str]] = set()
    bad: list[str] = []
    for path in (ROOT / "parktracker").rglob("*.py"):
        if path.name == "i18n_markers.py":  # defines the marker
            continue
        for item in _marked_strings(path):
            if isinstance(item, str):
                bad.append(item)
            else:
                marked.add(item)
    assert bad == []
    assert len(marked) > 100
    assert sorted(marked - extracted) == []


# ------------------------------------------------------------ the two runtimes


@pytest.fixture
def language() -> Iterator[object]:
    from parktracker import i18n

    before = i18n.current_language()
    yield i18n
    i18n.set_language(before)


def test_headless_tr_in_chinese_and_english(language: ModuleType) -> None:
    from parktracker.domain.enums import Stage
    from parktracker.domain.periods import T_DATE, format_date
    from parktracker.storage.errors import DatabaseNotFound

    language.set_language("zh_CN")
    assert language.tr(Stage.UNDER_CONSTRUCTION.text) == "在建"
    assert format_date(dt.date(2024, 3, 31), language.tr(T_DATE)) == "2024年3月31日"
    assert DatabaseNotFound("/tmp/x.db").render(language.tr) == "在/tmp/x.db未找到数据库文件。"
    language.set_language("en")
    assert language.tr(Stage.UNDER_CONSTRUCTION.text) == "Under construction"
    assert format_date(dt.date(2024, 3, 31), language.tr(T_DATE)) == "2024-03-31"


@pytest.fixture
def translator(qapp: object) -> Iterator[object]:
    from PySide6.QtCore import QCoreApplication, QTranslator

    loaded = QTranslator()
    assert loaded.load(str(QM)), f"cannot load {QM}"
    assert QCoreApplication.installTranslator(loaded)
    yield loaded
    QCoreApplication.removeTranslator(loaded)


def test_qt_translator_uses_committed_qm(translator: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from parktracker.domain.enums import Stage
    from parktracker.ui.text import qt_tr

    assert QCoreApplication.translate("Menus", "&File") == "文件(&F)"
    assert QCoreApplication.translate("DashboardPage", "Projects") == "项目集聚"
    assert qt_tr(Stage.IN_PRODUCTION.text) == "已投产"


def test_qt_and_headless_agree(translator: object, messages: list[object]) -> None:
    """Every message reads the same through the .qm (GUI) and through the .ts (CLI)."""
    from parktracker import i18n

    before = i18n.current_language()
    i18n.set_language("zh_CN")
    try:
        differ = [
            m.describe()
            for m in messages
            if (
                "%n" not in m.source
                and (
                    translator.translate(m.context, m.source) != m.translation
                    or i18n._catalog("zh_CN").get((m.context, m.source)) != m.translation
                )
            )
            or (
                "%n" in m.source
                # QTranslator gives the form; QCoreApplication.translate fills %n in.
                and translator.translate(m.context, m.source, None, 7).replace("%n", "7")
                != i18n.tr(i18n.Plural(m.context, m.source), 7)
            )
        ]
    finally:
        i18n.set_language(before)
    assert differ == []
