"""Red, yellow and green lights for projects and parks, each with a plain reason.

Pure rules over small fact records that services fetch; the dashboard, the parks list, the
warnings page, the briefing and the ``warnings`` command all light the same lamps from here.
The default thresholds follow common practice on government project platforms (yellow at 10–30
percentage points behind the schedule pace, red beyond; yellow once the planned start month has
passed and red three months later; yellow six months after signing without a start); they can be
changed per database (:class:`Thresholds`).

Schedule pace (序时进度) is the share of the year elapsed in complete months, as the parks report
(:func:`parktracker.domain.periods.time_elapsed_fraction`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from fractions import Fraction

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill
from parktracker.domain.money import Money
from parktracker.domain.number_format import percent_number
from parktracker.domain.periods import (
    YearMonth,
    message_args,
    months_elapsed_in_year,
    time_elapsed_fraction,
)


class Level(Enum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def text(self) -> Text:
        return _LEVEL_TEXT[self]


_RANK = {Level.GREEN: 0, Level.YELLOW: 1, Level.RED: 2}
_LEVEL_TEXT = {
    Level.GREEN: QT_TRANSLATE_NOOP("Warnings", "Green"),
    Level.YELLOW: QT_TRANSLATE_NOOP("Warnings", "Yellow"),
    Level.RED: QT_TRANSLATE_NOOP("Warnings", "Red"),
}


class Rule(Enum):
    """What a light is about; the value is the stable name the ``warnings --json`` output uses."""

    START_OVERDUE = "start_overdue"
    SIGNED_NOT_STARTED = "signed_not_started"
    INVESTMENT_BEHIND_PACE = "investment_behind_pace"
    REVENUE_BEHIND_PACE = "revenue_behind_pace"
    FUND_PAID_IN_LOW = "fund_paid_in_low"
    PROBLEM_OVERDUE = "problem_overdue"

    @property
    def text(self) -> Text:
        return _RULE_TEXT[self]


_RULE_TEXT = {
    Rule.START_OVERDUE: QT_TRANSLATE_NOOP("Warnings", "Start overdue"),
    Rule.SIGNED_NOT_STARTED: QT_TRANSLATE_NOOP("Warnings", "Signed, not started"),
    Rule.INVESTMENT_BEHIND_PACE: QT_TRANSLATE_NOOP("Warnings", "Investment behind pace"),
    Rule.REVENUE_BEHIND_PACE: QT_TRANSLATE_NOOP("Warnings", "Revenue behind pace"),
    Rule.FUND_PAID_IN_LOW: QT_TRANSLATE_NOOP("Warnings", "Fund paid-in low"),
    Rule.PROBLEM_OVERDUE: QT_TRANSLATE_NOOP("Warnings", "Problem overdue"),
}


R_START_OVERDUE = QT_TRANSLATE_NOOP(
    "Warnings", "Planned to start in %1; %2 month(s) overdue and not started"
)
R_SIGNED_NOT_STARTED = QT_TRANSLATE_NOOP("Warnings", "Signed %1 months ago and not yet started")
R_INVESTMENT_BEHIND = QT_TRANSLATE_NOOP(
    "Warnings", "Annual investment %1% complete, %2 percentage points behind schedule pace"
)
R_REVENUE_BEHIND = QT_TRANSLATE_NOOP(
    "Warnings", "Park revenue %1 percentage points behind schedule pace"
)
R_FUND_PAID_IN_LOW = QT_TRANSLATE_NOOP("Warnings", "Fund “%1”: paid-in %2% of its scale, below %3%")
R_PROBLEM_OVERDUE = QT_TRANSLATE_NOOP(
    "Warnings", "Problem “%1” is past its due date %2 and not solved"
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The rules' limits, stored in the database so every officer on a file sees the same
    lights. Points are percentage points behind the schedule pace."""

    behind_yellow_points: int = 10
    behind_red_points: int = 30
    start_overdue_red_months: int = 3
    signed_yellow_months: int = 6
    fund_paid_in_yellow_percent: int = 50

    def problems(self) -> list[str]:
        """Names of the fields that are out of order (empty when the set is usable)."""
        wrong: list[str] = []
        if not 0 < self.behind_yellow_points < self.behind_red_points <= 100:
            wrong.append("behind_red_points")
        if not 1 <= self.start_overdue_red_months <= 60:
            wrong.append("start_overdue_red_months")
        if not 1 <= self.signed_yellow_months <= 120:
            wrong.append("signed_yellow_months")
        if not 0 < self.fund_paid_in_yellow_percent <= 100:
            wrong.append("fund_paid_in_yellow_percent")
        return wrong


@dataclass(frozen=True, slots=True)
class Finding:
    """One light with its reason. ``project`` is None for a park's (or a fund's) own finding;
    ``park`` is None for a city-wide fund."""

    level: Level
    rule: Rule
    park: str | None
    project: str | None
    reason: Text
    args: tuple[object, ...] = ()
    project_id: int | None = None
    park_id: int | None = None

    def render(self, tr: Callable[[Text], str]) -> str:
        """The reason in the UI language; months are written as the language writes them."""
        values = [_arg_text(a, tr) for a in self.args]
        return fill(tr(self.reason), values)


def _arg_text(value: object, tr: Callable[[Text], str]) -> str:
    if isinstance(value, str | Text | dt.date | YearMonth):
        return message_args((value,), tr)[0]
    if isinstance(value, Fraction):
        return percent_number(value)
    return str(value)


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    """What the project rules look at, as of a date."""

    project_id: int
    name: str
    park_id: int
    park: str
    stage: Stage  # as of the date
    signed_date: dt.date | None = None
    planned_start_date: dt.date | None = None
    annual_plan: Money | None = None  # the planned investment of the as-of date's year
    completed_this_year: Money = field(default_factory=Money.zero)


@dataclass(frozen=True, slots=True)
class ParkFacts:
    park_id: int
    park: str
    revenue_target: Money | None  # the park's own target for the year; None: no light
    revenue_ytd: Money = field(default_factory=Money.zero)


@dataclass(frozen=True, slots=True)
class FundFacts:
    name: str
    park_id: int | None
    park: str | None
    scale: Money
    paid_in: Money


@dataclass(frozen=True, slots=True)
class ProblemFacts:
    description: str
    due: dt.date | None
    solved: bool
    park_id: int | None
    park: str | None
    project_id: int | None = None
    project: str | None = None
    problem_id: int | None = None
    responsible_unit: str = ""
    raised: dt.date | None = None
    coordinating: bool = False  # status "in coordination" (else open, or solved)


def months_between(start: YearMonth, end: YearMonth) -> int:
    return start.months_until(end)


def full_months_since(day: dt.date, as_of: dt.date) -> int:
    """Whole months from ``day`` to ``as_of``: 2024-01-31 → 2024-07-30 is 5, → 07-31 is 6."""
    months = (as_of.year - day.year) * 12 + (as_of.month - day.month)
    if as_of.day < day.day and as_of != YearMonth.of(as_of).last_day:
        months -= 1
    return max(0, months)


def _behind_level(points: Fraction, limits: Thresholds) -> Level:
    """Points behind pace → its light: yellow from the yellow limit, red beyond the red one."""
    if points > limits.behind_red_points:
        return Level.RED
    if points >= limits.behind_yellow_points:
        return Level.YELLOW
    return Level.GREEN


def project_findings(
    facts: ProjectFacts, as_of: dt.date, limits: Thresholds = Thresholds()
) -> list[Finding]:
    """The lights of one project as of ``as_of`` (green projects give none)."""
    return all_project_findings([facts], as_of, limits)


def all_project_findings(
    facts: Iterable[ProjectFacts], as_of: dt.date, limits: Thresholds = Thresholds()
) -> list[Finding]:
    """The lights of many projects: :func:`project_findings` of each, the as-of date's
    figures worked out once."""
    facts = list(facts)
    return project_findings_from_rows(
        (
            (
                f.project_id,
                f.name,
                f.park_id,
                f.stage.value,
                f.signed_date,
                f.planned_start_date,
                None if f.annual_plan is None else f.annual_plan.yuan,
                f.completed_this_year.yuan,
            )
            for f in facts
        ),
        as_of,
        limits,
        park_names={f.park_id: f.park for f in facts},
    )


# A project's facts as plain values, as storage reads them for many projects at once:
# (id, name, park id, stage value, signing date, planned start date (each a date or its ISO
# text, or None), the year's planned investment in yuan (or None), completed this year).
ProjectRow = tuple[
    int, str, int, str, "dt.date | str | None", "dt.date | str | None", "int | None", int
]

_NEGOTIATING, _SIGNED, _BUILDING = (
    Stage.NEGOTIATING.value,
    Stage.SIGNED.value,
    Stage.UNDER_CONSTRUCTION.value,
)


def _as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def each_project_finding(
    rows: Iterable[ProjectRow],
    as_of: dt.date,
    limits: Thresholds = Thresholds(),
    *,
    park_names: Mapping[int, str],
) -> Iterator[Finding]:
    """The lights of many projects given as plain rows (100,000 are checked in a fraction
    of a second), ``park_names`` naming their parks: the rules of the module docstring,
    each date's month figures worked out once per distinct date. One at a time, so that
    counting them never holds them all (or the rows, when ``rows`` is a cursor)."""
    elapsed = months_elapsed_in_year(as_of)
    as_of_month = as_of.year * 12 + as_of.month
    red_months = limits.start_overdue_red_months
    signed_months = limits.signed_yellow_months
    yellow_points, red_points = limits.behind_yellow_points, limits.behind_red_points
    starts: dict[object, tuple[int, YearMonth]] = {}  # planned start → (months overdue, month)
    signings: dict[object, int] = {}  # signing date → whole months since
    red, yellow = Level.RED, Level.YELLOW
    for project_id, name, park_id, stage, signed, start, plan, completed in rows:
        park = park_names[park_id]
        if stage in (_NEGOTIATING, _SIGNED):
            if start is not None:
                known = starts.get(start)
                if known is None:
                    day = _as_date(start)
                    month = YearMonth(day.year, day.month)
                    known = starts[start] = (as_of_month - day.year * 12 - day.month, month)
                overdue = known[0]
                if overdue >= 1:
                    yield Finding(
                        red if overdue >= red_months else yellow,
                        Rule.START_OVERDUE,
                        park,
                        name,
                        R_START_OVERDUE,
                        (known[1], overdue),
                        project_id,
                        park_id,
                    )
            if stage == _SIGNED and signed is not None:
                months = signings.get(signed)
                if months is None:
                    months = signings[signed] = full_months_since(_as_date(signed), as_of)
                if months >= signed_months:
                    yield Finding(
                        yellow,
                        Rule.SIGNED_NOT_STARTED,
                        park,
                        name,
                        R_SIGNED_NOT_STARTED,
                        (months,),
                        project_id,
                        park_id,
                    )
        elif stage == _BUILDING and plan is not None and plan > 0:
            # points behind = (elapsed/12 − completed/plan) × 100, compared in whole numbers:
            # points ≥ limit  ⇔  (elapsed × plan − 12 × completed) × 100 ≥ limit × 12 × plan
            behind = (elapsed * plan - 12 * completed) * 100
            scale = 12 * plan
            if behind >= yellow_points * scale:
                completion = Fraction(completed, plan)
                points = Fraction(elapsed * plan - 12 * completed, scale)
                yield Finding(
                    red if behind > red_points * scale else yellow,
                    Rule.INVESTMENT_BEHIND_PACE,
                    park,
                    name,
                    R_INVESTMENT_BEHIND,
                    (completion, points),
                    project_id,
                    park_id,
                )


def project_findings_from_rows(
    rows: Iterable[ProjectRow],
    as_of: dt.date,
    limits: Thresholds = Thresholds(),
    *,
    park_names: Mapping[int, str],
) -> list[Finding]:
    """:func:`each_project_finding` as a list."""
    return list(each_project_finding(rows, as_of, limits, park_names=park_names))


def park_findings(
    facts: ParkFacts, as_of: dt.date, limits: Thresholds = Thresholds()
) -> list[Finding]:
    """A park's own lights: its revenue against its own target's schedule pace."""
    target = facts.revenue_target
    if target is None or target.yuan <= 0:
        return []
    progress = Fraction(facts.revenue_ytd.yuan, target.yuan)
    points = (time_elapsed_fraction(as_of) - progress) * 100
    level = _behind_level(points, limits)
    if level is Level.GREEN:
        return []
    finding = Finding(
        level,
        Rule.REVENUE_BEHIND_PACE,
        facts.park,
        None,
        R_REVENUE_BEHIND,
        (points / 100,),
        None,
        facts.park_id,
    )
    return [finding]


def fund_findings(funds: Iterable[FundFacts], limits: Thresholds = Thresholds()) -> list[Finding]:
    """Funds whose paid-in capital is below the limit's share of their scale."""
    found: list[Finding] = []
    for fund in funds:
        if fund.scale.yuan <= 0:
            continue
        share = Fraction(fund.paid_in.yuan, fund.scale.yuan)
        if share * 100 < limits.fund_paid_in_yellow_percent:
            args = (fund.name, share, limits.fund_paid_in_yellow_percent)
            found.append(
                Finding(
                    Level.YELLOW,
                    Rule.FUND_PAID_IN_LOW,
                    fund.park,
                    None,
                    R_FUND_PAID_IN_LOW,
                    args,
                    None,
                    fund.park_id,
                )
            )
    return found


def problem_findings(problems: Iterable[ProblemFacts], as_of: dt.date) -> list[Finding]:
    """An open problem past its due date is a yellow reason on its project (or park)."""
    return [
        Finding(
            Level.YELLOW,
            Rule.PROBLEM_OVERDUE,
            p.park,
            p.project,
            R_PROBLEM_OVERDUE,
            (p.description, p.due),
            p.project_id,
            p.park_id,
        )
        for p in problems
        if not p.solved and p.due is not None and p.due < as_of
    ]


def level_of(findings: Sequence[Finding]) -> Level:
    """The light that a set of findings gives: the worst of them, green without any."""
    return max((f.level for f in findings), key=lambda level: level.rank, default=Level.GREEN)


def sort_key(finding: Finding) -> tuple[int, str, str, str]:
    """Red first, then yellow; by park, project and rule within a colour."""
    return (
        _SORT_RANK[finding.level],
        finding.park or "",
        finding.project or "",
        _RULE_NAME[finding.rule],
    )


# Looked up rather than read through the enums' properties (sorting 40,000 lights).
_SORT_RANK = {level: -rank for level, rank in _RANK.items()}
_RULE_NAME = {rule: rule.value for rule in Rule}
