"""Chart tests: warnings are errors (pyproject), so a "Glyph … missing" warning fails a test."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # chart_samples


@pytest.fixture
def english() -> Iterator[None]:
    from parktracker import i18n

    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)
