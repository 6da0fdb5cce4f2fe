"""The problem log (问题清单): problems that stall a project or a park, who is to solve them, by
when, and the dated notes of their coordination."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text
from parktracker.domain.validation import (
    MAX_NAME_LENGTH,
    Problem,
    has_control_characters,
)

MAX_DESCRIPTION_LENGTH = 2000


class ProblemStatus(Enum):
    OPEN = "open"  # 待协调
    COORDINATING = "coordinating"  # 协调中
    SOLVED = "solved"  # 已解决

    @property
    def text(self) -> Text:
        return _STATUS_TEXT[self]


_STATUS_TEXT = {
    ProblemStatus.OPEN: QT_TRANSLATE_NOOP("Problems", "Open"),
    ProblemStatus.COORDINATING: QT_TRANSLATE_NOOP("Problems", "In coordination"),
    ProblemStatus.SOLVED: QT_TRANSLATE_NOOP("Problems", "Solved"),
}


@dataclass(frozen=True, slots=True)
class ProblemRecord:
    """One problem of a park, or of one of its projects (``project_id`` set)."""

    park_id: int
    description: str
    raised: dt.date
    responsible_unit: str = ""
    due: dt.date | None = None
    status: ProblemStatus = ProblemStatus.OPEN
    project_id: int | None = None
    id: int | None = None

    def overdue(self, as_of: dt.date) -> bool:
        """Not solved and past its due date on ``as_of``."""
        return self.status is not ProblemStatus.SOLVED and self.due is not None and self.due < as_of


@dataclass(frozen=True, slots=True)
class ProblemNote:
    """A dated note of progress on a problem."""

    problem_id: int
    date: dt.date
    note: str
    id: int | None = None


M_DESCRIPTION_REQUIRED = QT_TRANSLATE_NOOP("Problems", "Describe the problem.")
M_DESCRIPTION_TOO_LONG = QT_TRANSLATE_NOOP(
    "Problems", "A description can have at most %1 characters; this one has %2."
)
M_UNIT_TOO_LONG = QT_TRANSLATE_NOOP(
    "Problems", "The responsible unit can have at most %1 characters and no line breaks."
)
M_DUE_BEFORE_RAISED = QT_TRANSLATE_NOOP(
    "Problems", "The due date cannot be earlier than the date the problem was raised."
)
M_NOTE_REQUIRED = QT_TRANSLATE_NOOP("Problems", "Write the progress note.")


def validate_problem(problem: ProblemRecord) -> list[Problem]:
    found: list[Problem] = []
    text = problem.description.strip()
    if not text:
        found.append(Problem("description", M_DESCRIPTION_REQUIRED))
    elif len(text) > MAX_DESCRIPTION_LENGTH:
        found.append(
            Problem(
                "description",
                M_DESCRIPTION_TOO_LONG,
                args=(str(MAX_DESCRIPTION_LENGTH), str(len(text))),
            )
        )
    unit = problem.responsible_unit
    if len(unit.strip()) > MAX_NAME_LENGTH or has_control_characters(unit):
        found.append(Problem("responsible_unit", M_UNIT_TOO_LONG, args=(str(MAX_NAME_LENGTH),)))
    if problem.due is not None and problem.due < problem.raised:
        found.append(Problem("due", M_DUE_BEFORE_RAISED))
    return found


def validate_note(note: ProblemNote) -> list[Problem]:
    text = note.note.strip()
    if not text:
        return [Problem("note", M_NOTE_REQUIRED)]
    if len(text) > MAX_DESCRIPTION_LENGTH:
        return [
            Problem(
                "note", M_DESCRIPTION_TOO_LONG, args=(str(MAX_DESCRIPTION_LENGTH), str(len(text)))
            )
        ]
    return []
