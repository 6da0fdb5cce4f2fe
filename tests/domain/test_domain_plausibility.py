"""The fat-finger rule: 100 times or more above the reference figure asks for confirmation."""

from __future__ import annotations

from parktracker.domain.money import Money
from parktracker.domain.plausibility import (
    FACTOR,
    REF_USUAL_REVENUE,
    Reference,
    looks_mistyped,
    times,
    usual,
)


def test_one_hundred_times_the_reference_is_questioned() -> None:
    reference = Reference(Money.yi(10), REF_USUAL_REVENUE)
    assert FACTOR == 100
    assert looks_mistyped(Money.yi(1000), reference)
    assert looks_mistyped(Money.yi(99999), reference)
    assert not looks_mistyped(Money(Money.yi(1000).yuan - 1), reference)
    assert not looks_mistyped(Money.yi(50), reference)


def test_without_a_reference_nothing_is_questioned() -> None:
    assert not looks_mistyped(Money.yi(10**4), None)
    assert not looks_mistyped(Money.yi(10**4), Money.zero())
    assert not looks_mistyped(None, Money.yi(1))


def test_times_and_usual() -> None:
    assert times(Money.yi(2500), Money.yi(12)) == 208
    # The median of the positive months: one earlier slip does not become the reference.
    months = [Money.yi(9), Money.yi(12), Money.zero(), Money.yi(10), Money.yi(9000)]
    assert usual(months) == Money.yi(12)
    assert usual([Money.yi(9), Money.yi(10), Money.yi(11)]) == Money.yi(10)
    assert usual([]) is None
