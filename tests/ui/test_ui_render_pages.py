"""Render every page in both languages at 1280×720 and keep the images as test artefacts
(test-artifacts/pages/, not committed) so people can look at them after a run."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from parktracker.app import Controller, install_translators, register_fonts
from parktracker.i18n import set_language

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pages"
CATALOG = Path(__file__).resolve().parents[2] / "resources/translations/parktracker_zh_CN.ts"


def catalog() -> dict[str, str]:
    """The UI's own strings: English source → Chinese translation (whole messages without
    placeholders or plural forms, which a widget shows verbatim)."""
    found: dict[str, str] = {}
    for message in ElementTree.parse(CATALOG).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if (
            message.get("numerus") == "yes"
            or "%" in source
            or translation is None
            or translation.get("type") == "unfinished"
            or not translation.text
        ):
            continue
        found[source] = translation.text
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_render_every_page(
    qapp: QApplication, qtbot: QtBot, demo_path: Path, language: str
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    strings = catalog()
    english = set(strings) - set(strings.values())  # sources whose translation differs
    chinese = set(strings.values()) - set(strings)
    set_language(language)
    controller = Controller(qapp)
    controller.translators = install_translators(qapp, language)
    register_fonts()
    try:
        assert controller.open(demo_path)
        window = controller.window
        assert window is not None
        window.resize(1280, 720)
        for index, page in enumerate(window.pages, start=1):
            window.show_page(page)
            qapp.processEvents()
            image = window.grab()
            path = ARTIFACTS / f"{language}-{index}-{type(page).__name__}.png"
            assert image.save(str(path))
            assert (image.width(), image.height()) == (1280, 720)
            title = window.nav.item(index - 1).text()
            # The page's own labels and buttons speak the chosen language (the Parks page's
            # drill-down included, which is made when a park is first opened).
            getattr(page, "detail", None)
            texts = [
                w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
            ]
            texts = [t for t in texts if t and any(c.isalpha() for c in t)]
            # Only the UI's own strings count (found in the catalog), not the demo's data,
            # which is Chinese in either language.
            shown, other = (english, chinese) if language == "en" else (chinese, english)
            own = [t for t in [*texts, title] if t in shown]
            wrong = [t for t in [*texts, title] if t in other]
            assert title in shown, title
            assert len(own) >= 3, (title, texts)  # the title and at least two of the page's
            assert wrong == [], (title, wrong)
    finally:
        controller.shutdown()
        for translator in controller.translators:
            qapp.removeTranslator(translator)
        set_language("zh_CN")
