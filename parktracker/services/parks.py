"""Park use cases."""

from __future__ import annotations

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.models import Park
from parktracker.domain.validation import Problem, ValidationError, validate_park
from parktracker.services.projects import M_NOT_FOUND
from parktracker.storage import parks
from parktracker.storage.database import Database

M_PARK_IN_USE = QT_TRANSLATE_NOOP(
    "Validation",
    "The park still has %1 project(s), %2 fund(s), %3 platform(s) and %4 enterprise(s)."
    " Move or delete them first.",
)


def list_parks(db: Database) -> list[Park]:
    return parks.all_parks(db)


def get_park(db: Database, park_id: int) -> Park | None:
    return parks.get(db, park_id)


def _check(db: Database, park: Park) -> None:
    others = [n for n in parks.names(db) if park.id is None or n != _name_of(db, park.id)]
    problems = validate_park(park, other_names=others)
    if problems:
        raise ValidationError(problems)


def _name_of(db: Database, park_id: int) -> str | None:
    park = parks.get(db, park_id)
    return None if park is None else park.name


def add_park(db: Database, *, park: Park) -> int:
    _check(db, park)
    with db.atomic():
        return parks.add(db, park)


def update_park(db: Database, *, park: Park) -> None:
    assert park.id is not None
    _check(db, park)
    with db.atomic():
        parks.save(db, park)


def delete_park(db: Database, *, park_id: int) -> None:
    """Delete a park that nothing refers to; otherwise explain what still belongs to it."""
    if parks.get(db, park_id) is None:
        raise ValidationError([Problem("name", M_NOT_FOUND)])
    used = parks.dependents(db, park_id)
    if any(used[t] for t in ("projects", "funds", "platforms", "enterprises")):
        raise ValidationError(
            [
                Problem(
                    "name",
                    M_PARK_IN_USE,
                    args=tuple(
                        str(used[t]) for t in ("projects", "funds", "platforms", "enterprises")
                    ),
                )
            ]
        )
    with db.atomic():
        parks.delete(db, park_id)
