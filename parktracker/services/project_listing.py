"""The Projects page's read side: which projects a filter selects, in what order, their sums,
and the rows on screen. Built to stay quick on 100,000 projects (ids plus rows fetched for
the visible range, as Anki's browser does); no write happens here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from array import array
from collections.abc import Sequence

from parktracker.domain.money import Money
from parktracker.storage import investment, project_listing, projects
from parktracker.storage.database import Database
from parktracker.storage.project_listing import (
    SMALL_IDS,
    IdList,
    ListingQuery,
    Matches,
    ProjectListRow,
    SortKey,
    search_words,
)

__all__ = [
    "IdList",
    "ListingQuery",
    "Matches",
    "ProjectFinder",
    "ProjectListRow",
    "SortKey",
    "SortOrder",
    "completed_total",
    "find_projects",
    "listing_rows",
    "other_project_names",
    "search_words",
    "signed_years",
    "sort_order",
]


# A table of positions by id is used while the largest id is under 4 times the number of
# projects (deletions leave gaps), plus some slack for small files.
DENSE_IDS = 4
DENSE_SLACK = 100_000


class SortOrder:
    """Every project's id in the order of one sort key, and each id's position in it (kept as
    machine integers: 4 bytes an id instead of a Python int and a list slot, ~36 bytes).

    Positions are a table indexed by id while the ids count up from 1, as ParkTracker makes
    them; ids far apart or below zero (a file another program wrote) get a dict instead, so
    an id of 10**12 does not ask for a table of 10**12 entries."""

    def __init__(self, ids: Sequence[int], *, size: int) -> None:
        self.ids = ids if isinstance(ids, IdList) else IdList(ids)  # as read: not copied
        self.position: array[int] | dict[int, int]
        dense = size < DENSE_IDS * len(self.ids) + DENSE_SLACK and (
            not self.ids or min(self.ids) >= 0
        )
        if dense:
            self.position = array(SMALL_IDS, bytes(array(SMALL_IDS).itemsize * (size + 1)))
            for index, project_id in enumerate(self.ids):
                self.position[project_id] = index
        else:
            self.position = {project_id: index for index, project_id in enumerate(self.ids)}

    def arrange(self, matches: Sequence[int], *, descending: bool = False) -> array[int]:
        """``matches`` (any order) in this order, reversed if ``descending``.

        A few matches are sorted by position; many are picked out of the whole order through
        a byte mask, which costs one pass over it instead of a sort.
        """
        position = self.position
        size = len(position)
        if isinstance(position, dict):  # ids far apart: always sorted by position
            known: Sequence[int] = [m for m in matches if m in position]
            few = True
        else:
            known = (
                matches if not matches or max(matches) < size else [m for m in matches if m < size]
            )
            few = len(known) * 3 < len(self.ids)
        if few:
            out = array(self.ids.typecode, sorted(known, key=position.__getitem__))
        else:
            mask = bytearray(size)
            for project_id in known:
                mask[project_id] = 1
            out = array(self.ids.typecode, filter(mask.__getitem__, self.ids))
        if descending:
            out.reverse()
        return out


def find_projects(db: Database, *, query: ListingQuery) -> Matches:
    """The ids (ascending) of the projects the filters select, and their count and sums."""
    return project_listing.matching(db, query)


NARROW_LIMIT = 20_000  # earlier matches looked through instead of a scan, when the share is unknown
NARROW_SHARE = 3  # ...or when they are at most a third of the projects the filters select


def refines(new: ListingQuery, old: ListingQuery) -> bool:
    """True when everything ``new`` matches is also matched by ``old``: the same filters, and
    each of ``old``'s search words inside one of ``new``'s (光电 → 光电传感器, AI → AI 芯片)."""
    if (new.park_id, new.stage, new.signed_year, new.key_only, new.show_terminated) != (
        old.park_id,
        old.stage,
        old.signed_year,
        old.key_only,
        old.show_terminated,
    ):
        return False
    new_words = search_words(new.search)
    return all(any(w in n for n in new_words) for w in search_words(old.search))


class ProjectFinder:
    """Answers listing queries for one database, remembering the last few answers: a query
    asked again (backspacing, clearing the search) costs nothing, and a search that adds to
    an earlier one with few matches looks only at those. Call :meth:`forget` after any write."""

    def __init__(self, db: Database, *, memory: int = 24) -> None:
        self.db = db
        self.memory = memory
        self._answers: dict[ListingQuery, Matches] = {}

    def find(self, query: ListingQuery) -> Matches:
        known = self._answers.pop(query, None)
        if known is None:
            base = min(
                (m for q, m in self._answers.items() if refines(query, q)),
                key=lambda m: m.count,
                default=None,
            )
            within = base.ids if base is not None and self._few(base, query) else None
            known = project_listing.matching(self.db, query, within=within)
        self._answers[query] = known  # most recently used last
        while len(self._answers) > self.memory:
            del self._answers[next(iter(self._answers))]
        return known

    def _few(self, base: Matches, query: ListingQuery) -> bool:
        """Whether looking through ``base``'s matches beats a scan (json_each lookups cost
        about three times a scanned row)."""
        unsearched = self._answers.get(dataclasses.replace(query, search=""))
        if unsearched is None:
            return base.count <= NARROW_LIMIT
        return base.count * NARROW_SHARE <= unsearched.count

    def remembers(self, query: ListingQuery) -> bool:
        return query in self._answers

    def forget(self) -> None:
        self._answers.clear()


def sort_order(db: Database, *, key: SortKey, as_of: dt.date | None = None) -> SortOrder:
    """All project ids ordered by ``key`` (computed once; the page reuses it per keystroke).
    ``as_of``: the day the time in the stage is counted to (default today)."""
    ids = project_listing.sort_order(db, key, as_of=as_of)
    return SortOrder(ids, size=project_listing.max_id(db))


def listing_rows(
    db: Database, *, ids: Sequence[int], as_of: dt.date | None = None
) -> dict[int, ProjectListRow]:
    """The rows of ``ids``, each with the date its stage began as of ``as_of`` (default today)."""
    return project_listing.rows(db, ids, as_of=as_of)


def signed_years(db: Database) -> list[int]:
    return project_listing.signed_years(db)


def other_project_names(db: Database, *, park_id: int, exclude_id: int | None = None) -> list[str]:
    """Names already used in a park (for the form's duplicate-name check)."""
    return projects.names_in_park(db, park_id, exclude_id=exclude_id)


def completed_total(db: Database, *, project_id: int) -> Money:
    """A project's cumulative completed investment."""
    return investment.completed_total(db, project_id)
