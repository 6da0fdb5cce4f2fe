"""Build resources/data/demo.db, the demo file `parktracker --demo` starts from.

Run after any change to the demo data or the schema:

    python packaging/build_demo_db.py

tests/services/test_services_demo_shipped.py fails while the shipped file differs from what
``build_demo`` makes (ids of the database and times of the audit log aside).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "data" / "demo.db"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from parktracker.services.demo import build_demo, keep_cards
    from parktracker.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        built = Path(folder) / "demo.db"
        build_demo(built).close()
        TARGET.unlink(missing_ok=True)
        conn = sqlite3.connect(built)
        try:
            # A compact copy with no free pages; the copy keeps the journal mode and ids.
            conn.execute("VACUUM INTO ?", [str(TARGET)])
        finally:
            conn.close()
    # VACUUM INTO starts the copy's change counter again: the dashboard's figures are kept
    # anew, stamped for the copy (the first start of --demo shows them in its first paint).
    with open_database(TARGET, verify=False) as db:
        if not keep_cards(db):
            print("the dashboard's figures could not be kept", file=sys.stderr)
            return 1
    if not keep_words():
        print("the dashboard cards' words could not be kept", file=sys.stderr)
        return 1
    print(f"wrote {TARGET} ({TARGET.stat().st_size / 1024:.0f} KiB)")
    return 0


def keep_words() -> bool:
    """Keep the cards' words beside their figures, as the dashboard shows them in the default
    language with the default decimals (the window keeps them so at every close): the first
    start of --demo paints them without loading the figures' types."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from parktracker.app import install_translators
    from parktracker.i18n import DEFAULT_LANGUAGE, set_language
    from parktracker.storage.database import open_database
    from parktracker.ui.pages.dashboard.page import DashboardPage
    from parktracker.ui.session import Session
    from parktracker.ui.smoke import isolate_settings

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as settings:
        isolate_settings(Path(settings))  # the default decimals, not this computer's choice
        set_language(DEFAULT_LANGUAGE)
        translators = install_translators(app, DEFAULT_LANGUAGE)
        with open_database(TARGET, verify=False) as db:
            page = DashboardPage(Session(db))  # its cards from the figures just kept
            kept = page.keep_for_next_start()
            page.deleteLater()
        for translator in translators:
            app.removeTranslator(translator)
    return kept


if __name__ == "__main__":
    raise SystemExit(main())
