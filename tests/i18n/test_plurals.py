"""Counts read right in both languages: "1 chain leader", "2 chain leaders", "链主企业1家".

English is the source language, but Qt only fills %n; the forms come from
parktracker_en.ts/.qm (numerus messages only), for the GUI (QTranslator) and the command line
(parktracker.i18n) alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parktracker import i18n
from parktracker.app import install_translators
from parktracker.cli import main
from parktracker.services.summary_text import N_CHAIN_LEADERS, N_ENTERPRISES
from parktracker.storage.database import Database
from parktracker.ui.pages.parks import ParksPage
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr

TS = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[object]:
    installed: list[object] = []

    def install(language: str) -> None:
        for old in installed:
            qapp.removeTranslator(old)  # type: ignore[arg-type]
        installed[:] = install_translators(qapp, language)
        i18n.set_language(language)

    yield install
    for old in installed:
        qapp.removeTranslator(old)  # type: ignore[arg-type]


def test_headless_plurals_in_english_and_chinese() -> None:
    i18n.set_language("en")
    assert i18n.tr(N_CHAIN_LEADERS, 1) == "1 chain leader"
    assert i18n.tr(N_CHAIN_LEADERS, 2) == "2 chain leaders"
    assert i18n.tr(N_CHAIN_LEADERS, 0) == "0 chain leaders"
    assert i18n.tr(N_ENTERPRISES, 1) == "1 enterprise"
    i18n.set_language("zh_CN")
    assert i18n.tr(N_CHAIN_LEADERS, 1) == "链主企业1家"
    assert i18n.tr(N_CHAIN_LEADERS, 2) == "链主企业2家"


def test_qt_plurals_in_english_and_chinese(translators: object) -> None:
    translators("en")  # type: ignore[operator]
    assert qt_tr(N_CHAIN_LEADERS, 1) == "1 chain leader"
    assert qt_tr(N_CHAIN_LEADERS, 3) == "3 chain leaders"
    assert QCoreApplication.translate("TablePage", "%n record(s)", None, 1) == "1 record"
    assert QCoreApplication.translate("TablePage", "%n record(s)", None, 2) == "2 records"
    translators("zh_CN")  # type: ignore[operator]
    assert qt_tr(N_CHAIN_LEADERS, 1) == "链主企业1家"
    assert QCoreApplication.translate("TablePage", "%n record(s)", None, 1) == "1条记录"


def test_summary_says_1_chain_leader(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", "--db", str(demo_template), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Leading enterprises: 214 enterprises, 1 chain leader, 7 little giants" in out
    assert main(["summary", "--db", str(demo_template), "--lang", "zh_CN"]) == 0
    out = capsys.readouterr().out
    assert "龙头集聚：企业214家，其中链主企业1家，专精特新“小巨人”企业7家" in out


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ("8 parks", "1 park")),
        ("zh_CN", ("园区 8 个", "园区 1 个")),
    ],
)
def test_the_parks_footer_counts_one_park(
    qtbot: QtBot, demo_db: Database, translators: object, language: str, texts: tuple[str, ...]
) -> None:
    eight, one = texts
    translators(language)  # type: ignore[operator]
    page = ParksPage(Session(demo_db))
    qtbot.addWidget(page)
    page.show()
    table = page.table
    assert table.footer.text().startswith(eight)
    table.search.setText("集成电路")  # (QTest types Latin-1 only)
    qtbot.waitUntil(lambda: table.proxy.rowCount() == 1)
    assert table.footer.text().startswith(one), table.footer.text()
    if language == "en":
        assert "1 parks" not in table.footer.text()


def test_one_word_for_fund_investment_in_chinese() -> None:
    """The cards say 对外投资; the fund chart, the funds page and the forms say the same."""
    text = (TS / "parktracker_zh_CN.ts").read_text("utf-8")
    assert "已投资" not in text
    assert "<source>Invested</source>\n        <translation>对外投资</translation>" in text
