"""Schedule pace (序时进度) of a project's annual investment, and stage ageing.

The revenue pace of the parks is :func:`parktracker.domain.cards.revenue_card` (its
``ahead_by`` and ``monthly_needed``); the investment pace here counts the same complete months
of the year, so both say the same thing about the same date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import Plural, translate
from parktracker.domain.money import Money
from parktracker.domain.periods import months_elapsed_in_year
from parktracker.domain.warnings import full_months_since


@dataclass(frozen=True, slots=True)
class InvestmentPace:
    """A project's investment of the year against its annual plan and the year elapsed."""

    plan: Money
    completed: Money  # the year's complete months up to the as-of date
    months_elapsed: int

    @property
    def time_elapsed(self) -> Fraction:
        return Fraction(self.months_elapsed, 12)

    @property
    def completion(self) -> Fraction | None:
        return None if self.plan.yuan <= 0 else Fraction(self.completed.yuan, self.plan.yuan)

    @property
    def ahead_by(self) -> Fraction | None:
        """Completion minus time elapsed: positive ahead of pace, negative behind."""
        completion = self.completion
        return None if completion is None else completion - self.time_elapsed

    @property
    def monthly_needed(self) -> Money | None:
        """What is left of the plan spread over the months not yet elapsed (rounded up to the
        yuan; zero once the plan is met; None in December's figures or without a plan)."""
        remaining = 12 - self.months_elapsed
        if self.plan.yuan <= 0 or remaining <= 0:
            return None
        left = max(0, self.plan.yuan - self.completed.yuan)
        return Money(-(-left // remaining))


def investment_pace(plan: Money, completed: Money, as_of: dt.date) -> InvestmentPace:
    return InvestmentPace(plan, completed, months_elapsed_in_year(as_of))


@dataclass(frozen=True, slots=True)
class StageAge:
    """How long a project has been in its stage on the as-of date."""

    project_id: int
    name: str
    park_id: int
    park: str
    stage: Stage
    since: dt.date  # the date of the stage-history entry that put it there
    as_of: dt.date

    @property
    def days(self) -> int:
        return max(0, (self.as_of - self.since).days)

    @property
    def months(self) -> int:
        """Whole months in the stage (2024-01-31 → 2024-02-29 is one)."""
        return full_months_since(self.since, self.as_of)


AGE_MONTHS = translate("Ageing", "%n month(s)", None, 0)
AGE_DAYS = translate("Ageing", "%n day(s)", None, 0)


def time_in_stage(since: dt.date, as_of: dt.date) -> tuple[Plural, int]:
    """How long since ``since`` on ``as_of``, as it is shown: whole months from one month on
    (2024-01-31 → 2024-02-29 is one), days before that (never negative)."""
    months = full_months_since(since, as_of)
    if months >= 1:
        return AGE_MONTHS, months
    return AGE_DAYS, max(0, (as_of - since).days)
