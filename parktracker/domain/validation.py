"""Validation rules of the domain.

Each rule yields :class:`Problem` records naming the field concerned, so a form can show the
message beside that field. Messages are English source texts marked for Qt Linguist; the UI and
the CLI show them in the user's language (Chinese by default). ``%1``-style placeholders are
filled by :func:`Problem.render`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from parktracker.domain.enums import Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.models import (
    Enterprise,
    Fund,
    FundUpdate,
    Park,
    Platform,
    Project,
    RevenueEntry,
    Target,
)
from parktracker.domain.money import MAX_AMOUNT_YUAN, Money
from parktracker.domain.periods import MessageArg, message_text

# The project date that reaching a stage sets (在谈 and 已终止 have none of their own).
STAGE_DATE_FIELD = {
    Stage.SIGNED: "signed_date",
    Stage.UNDER_CONSTRUCTION: "actual_start_date",
    Stage.IN_PRODUCTION: "production_date",
}

MIN_YEAR = 2000
MAX_YEAR = 2100
# Longest name accepted anywhere (projects, parks, funds, platforms, enterprises): far above
# real names (the longest official project names run to about 60 characters), low enough that
# a chart label, a table cell or a message stays readable.
MAX_NAME_LENGTH = 200


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"  # may be overridden, but only with a stated reason


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    message: Text
    severity: Severity = Severity.ERROR
    args: tuple[MessageArg, ...] = ()

    def render(self, translate: Callable[[Text], str] | None = None) -> str:
        """The message in the user's language; Text arguments (e.g. stage names) translated,
        dates and months written the language's way."""
        return message_text(self.message, self.args, translate)


class ValidationError(ValueError):
    """Raised by services when a record fails validation; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.render() for p in self.problems))


M_REQUIRED = QT_TRANSLATE_NOOP("Validation", "This field is required.")
M_NAME_TOO_LONG = QT_TRANSLATE_NOOP(
    "Validation", "A name can have at most %1 characters; this one has %2."
)
M_CONTROL_CHARACTERS = QT_TRANSLATE_NOOP(
    "Validation", "A name cannot contain control characters such as tabs or line breaks."
)
M_NEGATIVE = QT_TRANSLATE_NOOP("Validation", "The amount cannot be negative.")
M_OVER_CEILING = QT_TRANSLATE_NOOP(
    "Validation",
    "The amount is too large: no single figure may exceed %1 亿元 (1 万亿元). Check the unit.",
)
M_PAID_IN_OVER_SCALE = QT_TRANSLATE_NOOP(
    "Validation", "Paid-in (%1) cannot exceed the fund's total scale (%2)."
)
M_INVESTED_OVER_PAID_IN = QT_TRANSLATE_NOOP(
    "Validation", "Invested (%1) cannot exceed the paid-in capital (%2)."
)
M_START_BEFORE_SIGNED = QT_TRANSLATE_NOOP(
    "Validation", "The start date cannot be earlier than the signing date."
)
M_PRODUCTION_BEFORE_START = QT_TRANSLATE_NOOP(
    "Validation", "The production date cannot be earlier than the start date."
)
M_PRODUCTION_BEFORE_SIGNED = QT_TRANSLATE_NOOP(
    "Validation", "The production date cannot be earlier than the signing date."
)
M_COMPLETION_BEFORE_START = QT_TRANSLATE_NOOP(
    "Validation", "The planned completion date cannot be earlier than the planned start date."
)
M_OVER_PLAN = QT_TRANSLATE_NOOP(
    "Validation",
    "Completed investment (%1) exceeds the planned total (%2). Give a reason to keep it.",
)
M_DUPLICATE_NAME = QT_TRANSLATE_NOOP("Validation", "The name “%1” is already used in this park.")
M_SIGNED_NEEDS_DATE = QT_TRANSLATE_NOOP("Validation", "A signed project needs its signing date.")
M_STAGE_NEEDS_DATE = QT_TRANSLATE_NOOP(
    "Validation", "A project at the stage “%1” needs this date: it dates that stage."
)
M_YEAR_RANGE = QT_TRANSLATE_NOOP("Validation", "The year must be between %1 and %2.")
M_MONTH_RANGE = QT_TRANSLATE_NOOP("Validation", "The month must be between 1 and 12.")
M_UPDATE_BEFORE_FUND = QT_TRANSLATE_NOOP(
    "Validation", "The update date cannot be earlier than the date the fund was established."
)


def _required(field: str, value: str) -> list[Problem]:
    """A required name: not blank, at most MAX_NAME_LENGTH characters, one line of text."""
    if not value.strip():
        return [Problem(field, M_REQUIRED)]
    if len(value.strip()) > MAX_NAME_LENGTH:
        return [Problem(field, M_NAME_TOO_LONG, args=(str(MAX_NAME_LENGTH), str(len(value))))]
    if has_control_characters(value):
        return [Problem(field, M_CONTROL_CHARACTERS)]
    return []


def has_control_characters(text: str) -> bool:
    """Control and format characters (ESC, CR, NUL, tabs, line breaks...), never part of a name."""
    return any(unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"} for c in text)


def escape_controls(text: str) -> str:
    """``text`` safe to echo in a message or a terminal: control characters as ``\\x1b``."""
    return "".join(
        c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) == "Cc" else c
        for c in text
    )


def _non_negative(field: str, amount: Money | None) -> list[Problem]:
    """A valid amount: not negative and not above the ceiling (:data:`MAX_AMOUNT_YUAN`)."""
    if amount is None:
        return []
    if amount.yuan < 0:
        return [Problem(field, M_NEGATIVE)]
    return amount_ceiling(field, amount)


def amount_ceiling(field: str, amount: Money) -> list[Problem]:
    """The one ceiling every amount shares (forms, grids, services, import)."""
    if amount.yuan > MAX_AMOUNT_YUAN:
        return [Problem(field, M_OVER_CEILING, args=(str(MAX_AMOUNT_YUAN // 100_000_000),))]
    return []


def _unique(field: str, name: str, taken: Iterable[str]) -> list[Problem]:
    key = normalize_name(name)
    if key and any(normalize_name(other) == key for other in taken):
        return [Problem(field, M_DUPLICATE_NAME, args=(name.strip(),))]
    return []


def _not_before(
    field: str, later: dt.date | None, earlier: dt.date | None, message: Text
) -> list[Problem]:
    if later is not None and earlier is not None and later < earlier:
        return [Problem(field, message)]
    return []


def normalize_name(name: str) -> str:
    """Names compare equal regardless of surrounding spaces and full-/half-width brackets."""
    return name.strip().replace("（", "(").replace("）", ")").casefold()


def validate_year(year: int, field: str = "year") -> list[Problem]:
    if MIN_YEAR <= year <= MAX_YEAR:
        return []
    return [Problem(field, M_YEAR_RANGE, args=(str(MIN_YEAR), str(MAX_YEAR)))]


def validate_month_number(month: int, field: str = "month") -> list[Problem]:
    return [] if 1 <= month <= 12 else [Problem(field, M_MONTH_RANGE)]


def validate_park(park: Park, *, other_names: Iterable[str] = ()) -> list[Problem]:
    return [
        *_required("name", park.name),
        *_required("short_name", park.short_name),
        *_required("industry", park.industry),
        *_unique("name", park.name, other_names),
    ]


def validate_project(
    project: Project,
    *,
    other_names_in_park: Iterable[str] = (),
    completed_total: Money | None = None,
) -> list[Problem]:
    """Check a project. ``completed_total`` is its cumulative completed investment, if known."""
    problems = [
        *_required("name", project.name),
        *_non_negative("planned_total", project.planned_total),
        *_unique("name", project.name, other_names_in_park),
        *_not_before(
            "actual_start_date",
            project.actual_start_date,
            project.signed_date,
            M_START_BEFORE_SIGNED,
        ),
        *_not_before(
            "production_date",
            project.production_date,
            project.actual_start_date,
            M_PRODUCTION_BEFORE_START,
        ),
        *_not_before(
            "planned_completion_date",
            project.planned_completion_date,
            project.planned_start_date,
            M_COMPLETION_BEFORE_START,
        ),
    ]
    if project.actual_start_date is None:
        problems += _not_before(
            "production_date",
            project.production_date,
            project.signed_date,
            M_PRODUCTION_BEFORE_SIGNED,
        )
    problems += over_plan_warning(project, completed_total)
    return problems


def validate_stage_dates(project: Project, *, new: bool) -> list[Problem]:
    """The dates a project's stage stands on, as the project form asks for them: a signed
    project (已签约待开工) needs its signing date, and a ``new`` project the date of the stage
    it starts in, which dates its stage history (never today in its place; 在谈 has no date of
    its own). A project already under construction or in production may lack its signing date:
    the parks' older records often do, and its stage is dated by its own start or production."""
    problems = []
    if project.stage is Stage.SIGNED and project.signed_date is None:
        problems.append(Problem("signed_date", M_SIGNED_NEEDS_DATE))
    field = STAGE_DATE_FIELD.get(project.stage)
    if new and field not in (None, "signed_date") and getattr(project, field) is None:
        problems.append(Problem(field, M_STAGE_NEEDS_DATE, args=(project.stage.text,)))
    return problems


def over_plan_warning(project: Project, completed_total: Money | None) -> list[Problem]:
    """Completed investment above the planned total: a warning until a reason is given."""
    planned = project.planned_total
    if (
        planned is None
        or completed_total is None
        or completed_total.yuan <= planned.yuan
        or project.over_plan_reason.strip()
    ):
        return []
    return [
        Problem(
            "over_plan_reason",
            M_OVER_PLAN,
            Severity.WARNING,
            (completed_total.format(), planned.format()),
        )
    ]


def validate_completed_investment(amount: Money, year: int, month: int) -> list[Problem]:
    return [
        *_non_negative("completed", amount),
        *validate_year(year),
        *validate_month_number(month),
    ]


def validate_fund(fund: Fund, *, other_names_in_park: Iterable[str] = ()) -> list[Problem]:
    return [*_required("name", fund.name), *_unique("name", fund.name, other_names_in_park)]


def validate_fund_update(
    update: FundUpdate, *, established: dt.date | None = None
) -> list[Problem]:
    problems = [
        *_non_negative("scale", update.scale),
        *_non_negative("paid_in", update.paid_in),
        *_non_negative("invested", update.invested),
        *_not_before("date", update.date, established, M_UPDATE_BEFORE_FUND),
    ]
    if update.paid_in.yuan > update.scale.yuan:
        problems.append(
            Problem(
                "paid_in",
                M_PAID_IN_OVER_SCALE,
                args=(update.paid_in.format(), update.scale.format()),
            )
        )
    if update.invested.yuan > update.paid_in.yuan:
        problems.append(
            Problem(
                "invested",
                M_INVESTED_OVER_PAID_IN,
                args=(update.invested.format(), update.paid_in.format()),
            )
        )
    return problems


def validate_annual_plan(planned: Money, year: int) -> list[Problem]:
    return [*_non_negative("planned", planned), *validate_year(year)]


def validate_revenue(entry: RevenueEntry) -> list[Problem]:
    return [*_non_negative("amount", entry.amount), *validate_year(entry.month.year)]


def validate_target(target: Target) -> list[Problem]:
    return [*_non_negative("amount", target.amount), *validate_year(target.year)]


def validate_park_record(
    record: Platform | Enterprise, *, other_names_in_park: Iterable[str] = ()
) -> list[Problem]:
    """A platform's or an enterprise's own rule: a name, unique within its park."""
    return [*_required("name", record.name), *_unique("name", record.name, other_names_in_park)]


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]
