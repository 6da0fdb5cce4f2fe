"""The monthly briefing (月度通报): its figures, its sentences and its document outline.

Pure functions from figures to text, in the standard forms of a Chinese government briefing
("截至2024年3月底，8个新兴产业专业园区在建项目50个、计划总投资1351.4亿元；…"). Every sentence
is a translatable template (English source, Chinese in the .ts) with each number filled in.
Services gather :class:`BriefingFigures` from the same functions the summary, the dashboard and
the parks table use, so a figure never differs between two places; the docx and PDF writers
lay out the :class:`Block` list that :func:`outline` makes.

Numbers: amounts in 亿元 with one decimal, rounded half up (:func:`yi_text`); percentages with
one decimal (:func:`parktracker.domain.number_format.percent_number`). The gap to the schedule
pace is the difference of the two percentages as printed, so the sentence adds up for its reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import DEFAULT_FORMAT
from parktracker.domain.number_format import percent_number as percent_text
from parktracker.domain.periods import YearMonth, date_text

Translate = Callable[[Text], str]
C = "Briefing"

T_TITLE = QT_TRANSLATE_NOOP(
    "Briefing", "Briefing on the emerging-industry specialised parks, January–%2 %1"
)
T_TITLE_JANUARY = QT_TRANSLATE_NOOP(
    "Briefing", "Briefing on the emerging-industry specialised parks, %2 %1"
)
T_H_OVERALL = QT_TRANSLATE_NOOP("Briefing", "1. Overall progress")
T_H_PARKS = QT_TRANSLATE_NOOP("Briefing", "2. The parks")
T_H_WARNINGS = QT_TRANSLATE_NOOP("Briefing", "3. Warnings")
T_H_PROBLEMS = QT_TRANSLATE_NOOP("Briefing", "4. Problems awaiting coordination")
T_H_NEXT = QT_TRANSLATE_NOOP("Briefing", "5. Next steps")
T_PARK_HEADING = QT_TRANSLATE_NOOP("Briefing", "(%1) %2")
# How the level-2 headings count, space-separated (Chinese: 一 二 三 …); beyond: Arabic numerals
T_NUMERALS = QT_TRANSLATE_NOOP("Briefing", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20")

T_HEADLINE = QT_TRANSLATE_NOOP(
    "Briefing",
    "As of the end of %2 %1, the %3 emerging-industry specialised parks had %4 projects under"
    " construction with a planned total investment of %5 亿元; %6 projects signed and awaiting"
    " start, with a planned total investment of %7 亿元.",
)
T_REVENUE_RANGE = QT_TRANSLATE_NOOP("Briefing", "months 1–%1")
T_REVENUE_SINGLE = QT_TRANSLATE_NOOP("Briefing", "%1")
T_REVENUE_BEHIND = QT_TRANSLATE_NOOP(
    "Briefing",
    "In %1 the parks' operating revenue totalled %2 亿元, %3% of the annual target,"
    " %4 percentage points behind the schedule pace.",
)
T_REVENUE_AHEAD = QT_TRANSLATE_NOOP(
    "Briefing",
    "In %1 the parks' operating revenue totalled %2 亿元, %3% of the annual target,"
    " %4 percentage points ahead of the schedule pace.",
)
T_REVENUE_ON_PACE = QT_TRANSLATE_NOOP(
    "Briefing",
    "In %1 the parks' operating revenue totalled %2 亿元, %3% of the annual target,"
    " in line with the schedule pace.",
)
T_REVENUE_NO_TARGET = QT_TRANSLATE_NOOP(
    "Briefing", "In %1 the parks' operating revenue totalled %2 亿元 (no annual target set)."
)
T_FUNDS = QT_TRANSLATE_NOOP(
    "Briefing",
    "Capital: %1 industry funds, with a total scale of %2 亿元, %3 亿元 paid in and %4 亿元"
    " invested.",
)
T_PLATFORMS = QT_TRANSLATE_NOOP(
    "Briefing",
    "Innovation: %1 innovation platforms at provincial level or above, %2 of them national.",
)
T_ENTERPRISES = QT_TRANSLATE_NOOP(
    "Briefing",
    "Leading enterprises: %1 enterprises, among them %2 chain leaders and %3 specialised"
    " “little giants”.",
)
T_PARK = QT_TRANSLATE_NOOP(
    "Briefing",
    "%1 projects under construction, planned total investment %2 亿元; %3 signed and awaiting"
    " start, planned total investment %4 亿元; operating revenue %5 亿元 in %6.",
)
T_PARK_TARGET = QT_TRANSLATE_NOOP(
    "Briefing",
    "%1 projects under construction, planned total investment %2 亿元; %3 signed and awaiting"
    " start, planned total investment %4 亿元; operating revenue %5 亿元 in %6, %7% of its"
    " annual target.",
)
T_WARNINGS = QT_TRANSLATE_NOOP(
    "Briefing", "As of the end of %2 %1 there are %3 red and %4 yellow warnings, by park below."
)
T_WARNINGS_ALL = QT_TRANSLATE_NOOP("Briefing", "The warnings are listed below.")
T_WARNINGS_FIRST = QT_TRANSLATE_NOOP(
    "Briefing",
    "The first %1 warnings (red first) are listed below; the other %2 are on the Warnings page.",
)
T_COL_RED = QT_TRANSLATE_NOOP("Briefing", "Red warnings")
T_COL_YELLOW = QT_TRANSLATE_NOOP("Briefing", "Yellow warnings")
T_TOTAL = QT_TRANSLATE_NOOP("Briefing", "Total")
# A document lists this many warnings at most; the counts by park cover them all.
WARNINGS_LISTED = 30
T_NO_WARNINGS = QT_TRANSLATE_NOOP(
    "Briefing", "As of the end of %2 %1 there are no red or yellow warnings."
)
T_PROBLEMS = QT_TRANSLATE_NOOP("Briefing", "%1 problems are awaiting coordination, listed below.")
T_NO_PROBLEMS = QT_TRANSLATE_NOOP("Briefing", "No problem is awaiting coordination.")
T_CLOSING = QT_TRANSLATE_NOOP(
    "Briefing",
    "Each park should speed up the start of signed projects, push the projects behind schedule"
    " forward and report its progress on time.",
)
T_CHART_REVENUE = QT_TRANSLATE_NOOP(
    "Briefing", "Figure 1: Operating revenue against the annual target"
)
T_CHART_INVESTMENT = QT_TRANSLATE_NOOP("Briefing", "Figure 2: Investment by park")

T_COL_NO = QT_TRANSLATE_NOOP("Briefing", "No.")
T_COL_LEVEL = QT_TRANSLATE_NOOP("Briefing", "Level")
T_COL_PARK = QT_TRANSLATE_NOOP("Briefing", "Park")
T_COL_PROJECT = QT_TRANSLATE_NOOP("Briefing", "Project")
T_COL_REASON = QT_TRANSLATE_NOOP("Briefing", "Reason")
T_COL_PROBLEM = QT_TRANSLATE_NOOP("Briefing", "Problem")
T_COL_UNIT = QT_TRANSLATE_NOOP("Briefing", "Responsible unit")
T_COL_DUE = QT_TRANSLATE_NOOP("Briefing", "Due")
T_COL_STATUS = QT_TRANSLATE_NOOP("Briefing", "Status")
T_RED = QT_TRANSLATE_NOOP("Briefing", "Red")
T_YELLOW = QT_TRANSLATE_NOOP("Briefing", "Yellow")
T_CITY = QT_TRANSLATE_NOOP("Briefing", "City-wide")

T_CHANGED = QT_TRANSLATE_NOOP("Briefing", "Since the %1 briefing, these figures have changed: %2")
T_CHANGE = QT_TRANSLATE_NOOP("Briefing", "%1 %2 → %3")
T_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Briefing", "; ")
T_TWO_SENTENCES = QT_TRANSLATE_NOOP("Briefing", "%1 %2")  # Chinese: no space between sentences

_MONTHS = (
    QT_TRANSLATE_NOOP("Briefing", "January"),
    QT_TRANSLATE_NOOP("Briefing", "February"),
    QT_TRANSLATE_NOOP("Briefing", "March"),
    QT_TRANSLATE_NOOP("Briefing", "April"),
    QT_TRANSLATE_NOOP("Briefing", "May"),
    QT_TRANSLATE_NOOP("Briefing", "June"),
    QT_TRANSLATE_NOOP("Briefing", "July"),
    QT_TRANSLATE_NOOP("Briefing", "August"),
    QT_TRANSLATE_NOOP("Briefing", "September"),
    QT_TRANSLATE_NOOP("Briefing", "October"),
    QT_TRANSLATE_NOOP("Briefing", "November"),
    QT_TRANSLATE_NOOP("Briefing", "December"),
)

# The figures a briefing records as issued: stable key → label (and the kind of value).
FigureKind = Literal["count", "amount"]
_LABELS: dict[str, tuple[Text, FigureKind]] = {
    "under_construction.count": (
        QT_TRANSLATE_NOOP("Briefing", "projects under construction"),
        "count",
    ),
    "under_construction.planned": (
        QT_TRANSLATE_NOOP("Briefing", "planned investment under construction (亿元)"),
        "amount",
    ),
    "signed.count": (QT_TRANSLATE_NOOP("Briefing", "signed projects awaiting start"), "count"),
    "signed.planned": (
        QT_TRANSLATE_NOOP("Briefing", "planned investment of signed projects (亿元)"),
        "amount",
    ),
    "revenue.ytd": (QT_TRANSLATE_NOOP("Briefing", "operating revenue to date (亿元)"), "amount"),
    "revenue.target": (QT_TRANSLATE_NOOP("Briefing", "annual revenue target (亿元)"), "amount"),
    "funds.count": (QT_TRANSLATE_NOOP("Briefing", "industry funds"), "count"),
    "funds.scale": (QT_TRANSLATE_NOOP("Briefing", "fund scale (亿元)"), "amount"),
    "funds.paid_in": (QT_TRANSLATE_NOOP("Briefing", "fund paid-in (亿元)"), "amount"),
    "funds.invested": (QT_TRANSLATE_NOOP("Briefing", "fund investment (亿元)"), "amount"),
    "platforms.provincial_or_above": (
        QT_TRANSLATE_NOOP("Briefing", "platforms at provincial level or above"),
        "count",
    ),
    "enterprises.count": (QT_TRANSLATE_NOOP("Briefing", "enterprises"), "count"),
}
_PARK_LABELS: dict[str, tuple[Text, FigureKind]] = {
    "under_construction.count": (
        QT_TRANSLATE_NOOP("Briefing", "%1: projects under construction"),
        "count",
    ),
    "under_construction.planned": (
        QT_TRANSLATE_NOOP("Briefing", "%1: planned investment under construction (亿元)"),
        "amount",
    ),
    "signed.count": (QT_TRANSLATE_NOOP("Briefing", "%1: signed projects awaiting start"), "count"),
    "revenue.ytd": (
        QT_TRANSLATE_NOOP("Briefing", "%1: operating revenue to date (亿元)"),
        "amount",
    ),
}


def yi_text(amount: Money) -> str:
    """An amount in 亿元 as briefings print it, one decimal rounded half up (the app's one
    number format at its default): 135_135_000_000 yuan → "1351.4"."""
    return DEFAULT_FORMAT.number(amount, Unit.YI)


def month_name(month: int, tr: Translate) -> str:
    return tr(_MONTHS[month - 1])


def period_text(month: YearMonth, tr: Translate) -> str:
    """The months a year-to-date figure covers: "1—3月" / "months 1–3"; "1月" alone."""
    if month.month == 1:
        return fill(tr(T_REVENUE_SINGLE), [month_name(1, tr)])
    return fill(tr(T_REVENUE_RANGE), [month.month])


# ------------------------------------------------------------------ figures


@dataclass(frozen=True, slots=True)
class ParkBrief:
    name: str
    under_construction: int
    under_construction_planned: Money
    signed: int
    signed_planned: Money
    revenue_ytd: Money
    revenue_target: Money | None = None


@dataclass(frozen=True, slots=True)
class WarningRow:
    red: bool
    park: str | None
    project: str | None
    reason: str  # already in the briefing's language


@dataclass(frozen=True, slots=True)
class WarningCount:
    park: str | None  # None: city-wide (a fund of no park)
    red: int
    yellow: int


def count_warnings(rows: Sequence[tuple[str | None, bool]]) -> list[WarningCount]:
    """(park, is red) of every warning → counts per park, in the order parks first appear."""
    counts: dict[str | None, list[int]] = {}
    for park, red in rows:
        pair = counts.setdefault(park, [0, 0])
        pair[0 if red else 1] += 1
    return [WarningCount(park, red, yellow) for park, (red, yellow) in counts.items()]


@dataclass(frozen=True, slots=True)
class ProblemRow:
    park: str | None
    project: str | None
    description: str
    responsible_unit: str
    due: dt.date | None
    status: str  # already in the briefing's language


@dataclass(frozen=True)
class BriefingFigures:
    """Every number of one month's briefing (all parks, as of the month's last day)."""

    month: YearMonth
    park_count: int
    under_construction: int
    under_construction_planned: Money
    signed: int
    signed_planned: Money
    revenue_ytd: Money
    revenue_target: Money | None
    time_elapsed: Fraction  # 序时进度: complete months / 12
    fund_count: int
    fund_scale: Money
    fund_paid_in: Money
    fund_invested: Money
    platforms_provincial_or_above: int
    platforms_national: int
    enterprises: int
    chain_leaders: int
    little_giants: int
    parks: list[ParkBrief] = field(default_factory=list)
    warnings: list[WarningRow] = field(default_factory=list)  # the first WARNINGS_LISTED
    warning_counts: list[WarningCount] = field(default_factory=list)  # every warning, by park
    problems: list[ProblemRow] = field(default_factory=list)

    @property
    def revenue_progress(self) -> Fraction | None:
        if self.revenue_target is None or self.revenue_target.yuan == 0:
            return None
        return Fraction(self.revenue_ytd.yuan, self.revenue_target.yuan)

    def record(self) -> dict[str, int]:
        """The figures as issued: stable keys → exact integers (counts, or yuan)."""
        values: dict[str, int] = {
            "under_construction.count": self.under_construction,
            "under_construction.planned": self.under_construction_planned.yuan,
            "signed.count": self.signed,
            "signed.planned": self.signed_planned.yuan,
            "revenue.ytd": self.revenue_ytd.yuan,
            "funds.count": self.fund_count,
            "funds.scale": self.fund_scale.yuan,
            "funds.paid_in": self.fund_paid_in.yuan,
            "funds.invested": self.fund_invested.yuan,
            "platforms.provincial_or_above": self.platforms_provincial_or_above,
            "enterprises.count": self.enterprises,
        }
        if self.revenue_target is not None:
            values["revenue.target"] = self.revenue_target.yuan
        for park in self.parks:
            values[f"park:{park.name}:under_construction.count"] = park.under_construction
            values[f"park:{park.name}:under_construction.planned"] = (
                park.under_construction_planned.yuan
            )
            values[f"park:{park.name}:signed.count"] = park.signed
            values[f"park:{park.name}:revenue.ytd"] = park.revenue_ytd.yuan
        return values


# ------------------------------------------------------------------ sentences


def headline(f: BriefingFigures, tr: Translate) -> str:
    """截至2024年3月底，8个新兴产业专业园区在建项目50个、计划总投资1351.4亿元；…"""
    return fill(
        tr(T_HEADLINE),
        [
            f.month.year,
            month_name(f.month.month, tr),
            f.park_count,
            f.under_construction,
            yi_text(f.under_construction_planned),
            f.signed,
            yi_text(f.signed_planned),
        ],
    )


def gap_points(progress: Fraction, time_elapsed: Fraction) -> Decimal:
    """Percentage points of the printed progress minus the printed pace (negative: behind)."""
    return Decimal(percent_text(progress)) - Decimal(percent_text(time_elapsed))


def revenue_sentence(f: BriefingFigures, tr: Translate) -> str:
    """1—3月累计实现营业收入250.9亿元，占年度目标的19.3%，慢于序时进度5.7个百分点。"""
    period = period_text(f.month, tr)
    ytd = yi_text(f.revenue_ytd)
    progress = f.revenue_progress
    if progress is None:
        return fill(tr(T_REVENUE_NO_TARGET), [period, ytd])
    gap = gap_points(progress, f.time_elapsed)
    share = percent_text(progress)
    if gap == 0:
        return fill(tr(T_REVENUE_ON_PACE), [period, ytd, share])
    template = T_REVENUE_BEHIND if gap < 0 else T_REVENUE_AHEAD
    return fill(tr(template), [period, ytd, share, abs(gap)])


def funds_sentence(f: BriefingFigures, tr: Translate) -> str:
    return fill(
        tr(T_FUNDS),
        [f.fund_count, yi_text(f.fund_scale), yi_text(f.fund_paid_in), yi_text(f.fund_invested)],
    )


def platforms_sentence(f: BriefingFigures, tr: Translate) -> str:
    return fill(tr(T_PLATFORMS), [f.platforms_provincial_or_above, f.platforms_national])


def enterprises_sentence(f: BriefingFigures, tr: Translate) -> str:
    return fill(tr(T_ENTERPRISES), [f.enterprises, f.chain_leaders, f.little_giants])


def park_paragraph(park: ParkBrief, month: YearMonth, tr: Translate) -> str:
    values: list[object] = [
        park.under_construction,
        yi_text(park.under_construction_planned),
        park.signed,
        yi_text(park.signed_planned),
        yi_text(park.revenue_ytd),
        period_text(month, tr),
    ]
    target = park.revenue_target
    if target is None or target.yuan == 0:
        return fill(tr(T_PARK), values)
    share = percent_text(Fraction(park.revenue_ytd.yuan, target.yuan))
    return fill(tr(T_PARK_TARGET), [*values, share])


def title(month: YearMonth, tr: Translate) -> str:
    template = T_TITLE if month.month > 1 else T_TITLE_JANUARY
    return fill(tr(template), [month.year, month_name(month.month, tr)])


# ------------------------------------------------------------------ changes since issued


@dataclass(frozen=True, slots=True)
class FigureChange:
    key: str
    label: str  # in the UI language
    issued: str  # as printed then
    now: str  # as it would be printed now


def figure_label(key: str, tr: Translate) -> str:
    if key.startswith("park:"):
        _, park, rest = key.split(":", 2)
        text, _kind = _PARK_LABELS.get(rest, (Text(C, key), "count"))
        return fill(tr(text), [park])
    text, _kind = _LABELS.get(key, (Text(C, key), "count"))
    return tr(text)


def _kind(key: str) -> FigureKind:
    rest = key.split(":", 2)[-1]
    table = _PARK_LABELS if key.startswith("park:") else _LABELS
    return table.get(rest, (Text(C, key), "count"))[1]


def value_text(key: str, value: int | None) -> str:
    if value is None:
        return "—"
    return yi_text(Money(value)) if _kind(key) == "amount" else str(value)


def changes(issued: Mapping[str, int], now: Mapping[str, int], tr: Translate) -> list[FigureChange]:
    """Figures that differ between the record as issued and the figures now, in issued order
    (then figures that are new)."""
    keys = [*issued, *(k for k in now if k not in issued)]
    return [
        FigureChange(
            key,
            figure_label(key, tr),
            value_text(key, issued.get(key)),
            value_text(key, now.get(key)),
        )
        for key in keys
        if issued.get(key) != now.get(key)
    ]


def changed_notice(month: YearMonth, found: Sequence[FigureChange], tr: Translate) -> str:
    """3月通报后，以下数字已修改：在建项目 50 → 51；…"""
    items = [fill(tr(T_CHANGE), [c.label, c.issued, c.now]) for c in found]
    return fill(tr(T_CHANGED), [month_name(month.month, tr), tr(T_LIST_SEPARATOR).join(items)])


# ------------------------------------------------------------------ outline


@dataclass(frozen=True, slots=True)
class Block:
    """One element of the document. ``key`` names a paragraph the officer may edit."""

    kind: Literal["title", "heading1", "heading2", "paragraph", "table", "chart", "caption"]
    text: str = ""
    key: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()  # table: header row first
    chart: str | None = None  # chart name (services.dashboard.CHART_NAMES)


def editable_defaults(f: BriefingFigures, tr: Translate) -> dict[str, str]:
    """The free paragraphs with their default text: one per park, and the closing one."""
    found = {f"park:{p.name}": park_paragraph(p, f.month, tr) for p in f.parks}
    found["closing"] = tr(T_CLOSING)
    return found


def _warning_table(f: BriefingFigures, tr: Translate) -> tuple[tuple[str, ...], ...]:
    header = tuple(tr(t) for t in (T_COL_NO, T_COL_LEVEL, T_COL_PARK, T_COL_PROJECT, T_COL_REASON))
    rows = [
        (str(i), tr(T_RED if w.red else T_YELLOW), w.park or tr(T_CITY), w.project or "—", w.reason)
        for i, w in enumerate(f.warnings, start=1)
    ]
    return (header, *rows)


def _count_table(f: BriefingFigures, tr: Translate) -> tuple[tuple[str, ...], ...]:
    header = tuple(tr(t) for t in (T_COL_NO, T_COL_PARK, T_COL_RED, T_COL_YELLOW))
    rows = [
        (str(i), c.park or tr(T_CITY), str(c.red), str(c.yellow))
        for i, c in enumerate(f.warning_counts, start=1)
    ]
    red = sum(c.red for c in f.warning_counts)
    yellow = sum(c.yellow for c in f.warning_counts)
    return (header, *rows, ("", tr(T_TOTAL), str(red), str(yellow)))


def _problem_table(f: BriefingFigures, tr: Translate) -> tuple[tuple[str, ...], ...]:
    header = tuple(
        tr(t)
        for t in (
            T_COL_NO,
            T_COL_PARK,
            T_COL_PROJECT,
            T_COL_PROBLEM,
            T_COL_UNIT,
            T_COL_DUE,
            T_COL_STATUS,
        )
    )
    rows = [
        (
            str(i),
            p.park or tr(T_CITY),
            p.project or "—",
            p.description,
            p.responsible_unit or "—",
            date_text(p.due, tr) if p.due else "—",
            p.status,
        )
        for i, p in enumerate(f.problems, start=1)
    ]
    return (header, *rows)


def outline(
    f: BriefingFigures, tr: Translate, edited: Mapping[str, str] | None = None
) -> list[Block]:
    """The whole briefing, in order; ``edited`` replaces free paragraphs by key."""
    free = editable_defaults(f, tr)
    free.update({k: v for k, v in (edited or {}).items() if k in free})
    red = sum(c.red for c in f.warning_counts)
    total = red + sum(c.yellow for c in f.warning_counts)
    month_args: list[object] = [f.month.year, month_name(f.month.month, tr)]
    blocks = [
        Block("title", title(f.month, tr)),
        Block("heading1", tr(T_H_OVERALL)),
        Block("paragraph", fill(tr(T_TWO_SENTENCES), [headline(f, tr), revenue_sentence(f, tr)])),
        Block("paragraph", funds_sentence(f, tr)),
        Block("paragraph", platforms_sentence(f, tr)),
        Block("paragraph", enterprises_sentence(f, tr)),
        Block("chart", chart="revenue-progress"),
        Block("caption", tr(T_CHART_REVENUE)),
        Block("chart", chart="investment-by-park"),
        Block("caption", tr(T_CHART_INVESTMENT)),
        Block("heading1", tr(T_H_PARKS)),
    ]
    for number, park in enumerate(f.parks, start=1):
        blocks.append(Block("heading2", fill(tr(T_PARK_HEADING), [numeral(number, tr), park.name])))
        blocks.append(Block("paragraph", free[f"park:{park.name}"], key=f"park:{park.name}"))
    blocks.append(Block("heading1", tr(T_H_WARNINGS)))
    if total:
        blocks.append(Block("paragraph", fill(tr(T_WARNINGS), [*month_args, red, total - red])))
        blocks.append(Block("table", rows=_count_table(f, tr)))
        listed = len(f.warnings)
        if listed < total:
            blocks.append(Block("paragraph", fill(tr(T_WARNINGS_FIRST), [listed, total - listed])))
        else:
            blocks.append(Block("paragraph", tr(T_WARNINGS_ALL)))
        blocks.append(Block("table", rows=_warning_table(f, tr)))
    else:
        blocks.append(Block("paragraph", fill(tr(T_NO_WARNINGS), month_args)))
    blocks.append(Block("heading1", tr(T_H_PROBLEMS)))
    if f.problems:
        blocks.append(Block("paragraph", fill(tr(T_PROBLEMS), [len(f.problems)])))
        blocks.append(Block("table", rows=_problem_table(f, tr)))
    else:
        blocks.append(Block("paragraph", tr(T_NO_PROBLEMS)))
    blocks.append(Block("heading1", tr(T_H_NEXT)))
    blocks.append(Block("paragraph", free["closing"], key="closing"))
    return blocks


def numeral(n: int, tr: Translate) -> str:
    """The ``n``-th numeral of :data:`T_NUMERALS` in the UI language (3 → 三 in Chinese)."""
    names = tr(T_NUMERALS).split()
    return names[n - 1] if 0 < n <= len(names) else str(n)
