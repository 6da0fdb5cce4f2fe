"""Read-only queries behind the Projects page, fast on 100,000 projects.

Filtering, searching and the footer sums scan ``project_listing``, a narrow table that triggers
keep in step with ``projects`` and ``project_monthly_investment`` (schema migration 0002): one
pass returns the matching ids (in id order) and their count and sums. Sort orders are computed
once per sort key over every project; the page merges them with the matches. Display rows are
read for the ids on screen only, in batches.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import sqlite3
import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from parktracker.domain.enums import Stage
from parktracker.domain.money import Money
from parktracker.storage.as_of_figures import latest_stage_entry_sql
from parktracker.storage.database import Database
from parktracker.storage.parallel_scan import scan_in_parts
from parktracker.storage.rows import date_in


class SortKey(Enum):
    """What the projects list can be ordered by (ties are broken by id)."""

    ID = "id"
    PARK = "park"
    NAME = "name"
    COMPANY = "company"
    STAGE = "stage"
    PLANNED = "planned"
    COMPLETED = "completed"
    PERCENT = "percent"
    SIGNED = "signed"
    START = "start"
    PRODUCTION = "production"
    KEY = "key"
    STAGE_AGE = (
        "stage_age"  # time in the current stage: the latest stage-history date, newest first
    )


@dataclass(frozen=True, slots=True)
class ListingQuery:
    """The page's filters. ``search``: every whitespace-separated word must appear in the
    name, company or notes (ASCII letters match in either case)."""

    park_id: int | None = None
    stage: Stage | None = None
    signed_year: int | None = None
    key_only: bool = False
    show_terminated: bool = False
    search: str = ""


if TYPE_CHECKING:
    _IntArray = array[int]
else:
    _IntArray = array  # not subscriptable at run time before Python 3.12


# Project ids count up from 1: four bytes hold every id a file will have. A file whose ids
# do not fit (written by another program) gets eight bytes an id instead.
SMALL_IDS = "i"  # a C int: 32 bits on every platform ParkTracker runs on
LARGE_IDS = "q"


class IdList(_IntArray):
    """Project ids as machine integers: 4 bytes an id (8 if one is past 32 bits) instead of
    ~36 for a list of Python ints (92,000 matches: 0.4 MB instead of 3.3 MB, for each answer
    the page remembers). Equal to a list or tuple of the same ids."""

    def __new__(cls, ids: Sequence[int] = ()) -> IdList:
        if isinstance(ids, array):
            return super().__new__(cls, ids.typecode, ids)
        try:
            return super().__new__(cls, SMALL_IDS, ids)
        except OverflowError:
            return super().__new__(cls, LARGE_IDS, ids)

    @classmethod
    def from_json(cls, text: str) -> IdList:
        """The ids of a ``json_group_array`` of integer keys (a list of integers). With numpy
        loaded (the dashboard's charts load it) they are read straight into machine integers:
        92,000 ids in 1.7 ms instead of 6.9 ms, and no Python int is made for each (about
        3 MB of the heap in passing, which the process then kept)."""
        numpy = sys.modules.get("numpy")  # not worth loading for this alone (~60 ms)
        if numpy is None or len(text) < 3:
            return cls(json.loads(text))
        values = numpy.fromstring(text[1:-1], dtype=numpy.int64, sep=",")
        if len(values) != text.count(",") + 1:  # not integers only: never for a table's keys
            return cls(json.loads(text))
        if values.min() >= -(2**31) and values.max() < 2**31:
            values = values.astype(numpy.int32)
            return super().__new__(cls, SMALL_IDS, values.tobytes())
        return super().__new__(cls, LARGE_IDS, values.tobytes())

    @classmethod
    def joined(cls, lists: Sequence[IdList]) -> IdList:
        """The ids of ``lists`` one after the other."""
        typecode = LARGE_IDS if any(ids.typecode == LARGE_IDS for ids in lists) else SMALL_IDS
        joined = array(typecode)
        for ids in lists:
            joined.extend(ids if ids.typecode == typecode else array(typecode, ids))
        return cls(joined)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, list | tuple):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None


@dataclass(frozen=True, slots=True)
class Matches:
    ids: IdList  # ascending
    planned_total: Money
    completed_total: Money

    @property
    def count(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class ProjectListRow:
    id: int
    park_short_name: str
    name: str
    company: str
    stage: Stage
    planned_total: Money | None
    completed: Money
    signed_date: dt.date | None
    actual_start_date: dt.date | None
    production_date: dt.date | None
    is_key: bool
    is_chain_leader: bool
    stage_since: dt.date | None = None  # the stage-history entry that put it in its stage


_ASCII_LOWER = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
)  # SQLite's lower() folds ASCII only; fold the words typed the same way


def search_words(text: str) -> list[str]:
    return [w.translate(_ASCII_LOWER) for w in text.split()]


def _where(query: ListingQuery) -> tuple[str, list[Any]]:
    terms: list[str] = []
    params: list[Any] = []
    if query.park_id is not None:
        terms.append("park_id = ?")
        params.append(query.park_id)
    if query.stage is not None:
        terms.append("stage = ?")
        params.append(query.stage.value)
    elif not query.show_terminated:
        terms.append("stage != ?")
        params.append(Stage.TERMINATED.value)
    if query.signed_year is not None:
        terms.append("signed_year = ?")
        params.append(query.signed_year)
    if query.key_only:
        terms.append("is_key = 1")
    for word in search_words(query.search):
        terms.append("instr(search, ?) > 0")
        params.append(word)
    return (" WHERE " + " AND ".join(terms)) if terms else "", params


def matching(db: Database, query: ListingQuery, *, within: Sequence[int] | None = None) -> Matches:
    """The ids of the projects the query selects, with the sums of their amounts: one scan
    (split over the cores on a large file, see :mod:`parallel_scan`), or, given ``within``
    (ids known to include every match), a look at those rows only."""
    where, params = _where(query)
    if within is not None:
        where = (where + " AND" if where else " WHERE") + (
            " project_id IN (SELECT value FROM json_each(?))"
        )
        params.append(json.dumps(list(within)))
        return _matches([_match(db.conn, where, params)])
    where = (where + " AND" if where else " WHERE") + " project_id BETWEEN ? AND ?"
    parts = scan_in_parts(
        db,
        table="project_listing",
        key="project_id",
        scan=lambda conn, low, high: _match(conn, where, [*params, low, high]),
    )
    return _matches(parts)


def _match(conn: sqlite3.Connection, where: str, params: list[Any]) -> tuple[str, int, int]:
    # In id order whatever index the planner reads (the dashboard's covering index of park and
    # stage would otherwise hand the ids over grouped by park).
    ids, planned, completed = conn.execute(
        "SELECT json_group_array(project_id), sum(planned_yuan), sum(completed_yuan) FROM"
        " (SELECT project_id, planned_yuan, completed_yuan FROM project_listing"
        + where
        + " ORDER BY project_id)",
        params,
    ).fetchone()
    return ids, int(planned or 0), int(completed or 0)


def _matches(parts: list[tuple[str, int, int]]) -> Matches:
    """One answer from the answers of consecutive id ranges, in order."""
    lists = [IdList.from_json(ids) for ids, _, _ in parts]
    ids = lists[0] if len(lists) == 1 else IdList.joined(lists)
    return Matches(
        ids,
        Money(_sql_sum(planned for _, planned, _ in parts)),
        Money(_sql_sum(completed for _, _, completed in parts)),
    )


def _sql_sum(values: Iterable[int]) -> int:
    """The sum of the ranges' sums, failing past 64 bits with the error SQLite's one
    ``sum()`` over the whole table raises, so a split scan fails as one scan does."""
    total = sum(values)
    if not -(2**63) <= total < 2**63:
        raise sqlite3.OperationalError("integer overflow")
    return total


_STAGE_RANK = " ".join(f"WHEN '{s.value}' THEN {s.rank}" for s in Stage)
_ORDER: dict[SortKey, str] = {
    SortKey.ID: "p.id",
    SortKey.PARK: "k.sort_order, k.id",
    SortKey.NAME: "p.name",
    SortKey.COMPANY: "p.company",
    SortKey.STAGE: f"CASE p.stage {_STAGE_RANK} END",
    SortKey.PLANNED: "p.planned_total_yuan",
    SortKey.COMPLETED: "l.completed_yuan",
    SortKey.PERCENT: "CAST(l.completed_yuan AS REAL) / nullif(l.planned_yuan, 0)",
    SortKey.SIGNED: "p.signed_date",
    SortKey.START: "p.actual_start_date",
    SortKey.PRODUCTION: "p.production_date",
    SortKey.KEY: "p.is_key",
    # Ascending: the shortest time in the stage first (the latest entry date), none first.
    SortKey.STAGE_AGE: "since IS NOT NULL, since DESC",
}


def sort_order(db: Database, key: SortKey, *, as_of: dt.date | None = None) -> IdList:
    """Every project's id, ordered by ``key`` ascending (empty values first), then by id.
    ``as_of`` (the time in the stage only): the day the stage history is read up to."""
    joins = ""
    params: list[Any] = []
    if key is SortKey.PARK:
        joins = " JOIN parks k ON k.id = p.park_id"
    elif key in (SortKey.COMPLETED, SortKey.PERCENT):
        joins = " JOIN project_listing l ON l.project_id = p.id"
    elif key is SortKey.STAGE_AGE:
        params.append((as_of or dt.date.today()).isoformat())
    since = latest_stage_entry_sql("date", "p.id", "?") + " AS since" if params else "NULL"
    row = db.conn.execute(
        f"SELECT json_group_array(id) FROM (SELECT p.id AS id, {since} FROM projects p"
        + joins
        + f" ORDER BY {_ORDER[key]}, p.id)",
        params,
    ).fetchone()
    return IdList.from_json(row[0])


def max_id(db: Database) -> int:
    return int(db.scalar("SELECT coalesce(max(id), 0) FROM projects"))


def rows(
    db: Database, ids: Sequence[int], *, as_of: dt.date | None = None
) -> dict[int, ProjectListRow]:
    """The display rows of the projects ``ids`` (missing ones are left out), each with the
    date of the stage-history entry in force on ``as_of`` (default today)."""
    day = (as_of or dt.date.today()).isoformat()
    out: dict[int, ProjectListRow] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for r in db.query(
            "SELECT p.id, k.short_name, p.name, p.company, p.stage, p.planned_total_yuan,"
            " coalesce(l.completed_yuan, 0) AS completed, p.signed_date, p.actual_start_date,"
            " p.production_date, p.is_key, p.is_chain_leader, "
            + latest_stage_entry_sql("date", "p.id", "?")
            + " FROM projects p JOIN parks k ON k.id = p.park_id"
            " LEFT JOIN project_listing l ON l.project_id = p.id"
            f" WHERE p.id IN ({marks})",
            [day, *chunk],
        ):
            out[r[0]] = ProjectListRow(
                id=r[0],
                park_short_name=r[1],
                name=r[2],
                company=r[3],
                stage=Stage(r[4]),
                planned_total=None if r[5] is None else Money(int(r[5])),
                completed=Money(int(r[6])),
                signed_date=date_in(r[7]),
                actual_start_date=date_in(r[8]),
                production_date=date_in(r[9]),
                is_key=bool(r[10]),
                is_chain_leader=bool(r[11]),
                stage_since=date_in(r[12]),
            )
    return out


def signed_years(db: Database) -> list[int]:
    """The years in which projects were signed, latest first."""
    return [
        int(r[0])
        for r in db.query(
            "SELECT DISTINCT signed_year FROM project_listing WHERE signed_year IS NOT NULL"
            " ORDER BY signed_year DESC"
        )
    ]
