"""Fat fingers: an amount far above the largest comparable figure already stored.

The classic slip is yuan typed into a 亿元 field (10^8 times too large), or 万元 into 亿元
(10^4). An amount :data:`FACTOR` times or more above the reference figure (the park's largest
project for a planned total, its usual monthly revenue for revenue...) is not refused — it may be
right — but the user is asked to confirm it before it is saved. Forms, the revenue grid and the
import preview all use :func:`looks_mistyped`; services supply the reference figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.money import Money

FACTOR = 100

M_CONFIRM_TITLE = QT_TRANSLATE_NOOP("Plausibility", "Confirm the amount")
M_CONFIRM = QT_TRANSLATE_NOOP(
    "Plausibility",
    "%1: %2 is %3 times the %4 (%5). Was it typed in the wrong unit? Confirm?",
)
REF_LARGEST_PROJECT = QT_TRANSLATE_NOOP("Plausibility", "largest planned total in this park")
REF_USUAL_REVENUE = QT_TRANSLATE_NOOP("Plausibility", "park's usual monthly revenue")
REF_LARGEST_INVESTMENT = QT_TRANSLATE_NOOP(
    "Plausibility", "largest monthly investment reported in this park"
)
REF_LARGEST_FUND = QT_TRANSLATE_NOOP("Plausibility", "largest fund scale reported")
REF_LARGEST_TARGET = QT_TRANSLATE_NOOP("Plausibility", "largest target stored")


@dataclass(frozen=True, slots=True)
class Reference:
    """The figure an amount is compared with, and what it is (for the question)."""

    amount: Money
    what: Text


def looks_mistyped(amount: Money | None, reference: Reference | Money | None) -> bool:
    """True when ``amount`` is :data:`FACTOR` times or more the (positive) reference figure."""
    if isinstance(reference, Reference):
        reference = reference.amount
    if amount is None or reference is None or reference.yuan <= 0:
        return False
    return amount.yuan >= FACTOR * reference.yuan


def times(amount: Money, reference: Money) -> int:
    """How many times the reference the amount is (rounded down), for the question."""
    return amount.yuan // reference.yuan if reference.yuan > 0 else 0


def usual(amounts: Iterable[Money]) -> Money | None:
    """The usual figure of a series: the median of its positive amounts (the upper one of an
    even count), so that one earlier slip does not become the reference."""
    positive = sorted(a.yuan for a in amounts if a.yuan > 0)
    return Money(positive[len(positive) // 2]) if positive else None
