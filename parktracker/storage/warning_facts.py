"""The facts the warning rules look at, as of a date: one set-based query per kind of rule,
so that 100,000 projects cost a few scans rather than a query per project.

Stage as of a date comes from :func:`parktracker.storage.as_of_figures.stage_as_of_sql` and fund
figures from :func:`parktracker.storage.as_of_figures.funds_as_of`, the same rules the summary, the
cards and the charts use. Year-to-date amounts count the complete months of the as-of date's
year, as the schedule pace (序时进度) does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from parktracker.domain.enums import Metric, Stage
from parktracker.domain.money import Money
from parktracker.domain.periods import months_elapsed_in_year
from parktracker.domain.warnings import (
    FundFacts,
    ParkFacts,
    ProblemFacts,
    ProjectFacts,
    ProjectRow,
)
from parktracker.storage.as_of_figures import funds_as_of, stage_as_of_sql
from parktracker.storage.database import Database
from parktracker.storage.rows import date_in, money_in

_NOT_STARTED = (Stage.NEGOTIATING.value, Stage.SIGNED.value)


def _through_month(as_of: dt.date) -> str:
    """The last complete month of ``as_of``'s year as stored ("2024-00" when none is)."""
    return f"{as_of.year:04d}-{months_elapsed_in_year(as_of):02d}"


def project_facts(
    db: Database, as_of: dt.date, *, park_id: int | None = None
) -> list[ProjectFacts]:
    """:func:`project_fact_rows` as fact records."""
    stages = {s.value: s for s in Stage}
    day = dt.date.fromisoformat
    names = park_names(db)
    return [
        ProjectFacts(
            r[0],
            r[1],
            r[2],
            names[r[2]],
            stages[r[3]],
            None if r[4] is None else day(str(r[4])),
            None if r[5] is None else day(str(r[5])),
            None if r[6] is None else Money(r[6]),
            Money(r[7]),
        )
        for r in project_fact_rows(db, as_of, park_id=park_id)
    ]


def project_fact_rows(
    db: Database, as_of: dt.date, *, park_id: int | None = None
) -> list[ProjectRow]:
    """:func:`each_project_fact_row`, all at once, by park and project name: the order the
    lights are listed in (so that sorting them is quick)."""
    return db.tuples(*_project_fact_query(as_of, park_id, ordered=True))


def each_project_fact_row(
    db: Database, as_of: dt.date, *, park_id: int | None = None
) -> Iterator[ProjectRow]:
    """Facts of the projects that a project rule may light on ``as_of``, as plain rows
    (:data:`parktracker.domain.warnings.ProjectRow`, dates as ISO text): not started with a
    planned start before the as-of month or a signing date, or under construction with a
    plan for the year. Projects that did not exist yet (no stage on that date) are left out;
    the park is given by its id (:func:`park_names`). In no set order and one at a time, for
    counting the lights without holding every row (on 100,000 projects ~6 MB at once)."""
    return db.each_tuple(*_project_fact_query(as_of, park_id, ordered=False))


def project_fact_chunks(
    db: Database, as_of: dt.date, *, park_id: int | None = None, size: int = 2_500
) -> Iterator[list[ProjectRow]]:
    """The rows of :func:`each_project_fact_row`, for the projects ``size`` ids at a time,
    each chunk read whole by a statement of its own: between two chunks, and while the caller
    works on one, the file is not being read, so a write waits for one chunk's read at most
    (the file keeps a rollback journal: a reader holds writers back; on 100,000 projects the
    whole read took about 250 ms, and a count of the lights about 450). A write between two
    chunks shows in the later ones only: for a background count that a change makes stale
    anyway."""
    low, high = db.tuples("SELECT min(id), max(id) FROM projects")[0]
    if low is None:
        return
    sql, params = _project_fact_query(as_of, park_id, ordered=False, chunked=True)
    for after in range(int(low) - 1, int(high), size):
        yield db.tuples(sql, {**params, "after": after, "upto": after + size})


def _project_fact_query(
    as_of: dt.date, park_id: int | None, *, ordered: bool, chunked: bool = False
) -> tuple[str, dict[str, object]]:
    params: dict[str, object] = {
        "day": as_of.isoformat(),
        "month_start": as_of.replace(day=1).isoformat(),
        "year": as_of.year,
        "first": f"{as_of.year:04d}-01",
        "through": _through_month(as_of),
        "park": park_id,
        "negotiating": Stage.NEGOTIATING.value,
        "signed": Stage.SIGNED.value,
        "building": Stage.UNDER_CONSTRUCTION.value,
    }
    park_filter = "" if park_id is None else " AND p.park_id = :park"
    # A chunk of ids: the lists of projects moved since and with a plan hold its ids only
    # (read through the project indexes; a list of all ids read a whole table each time).
    within = "project_id > :after AND project_id <= :upto" if chunked else ""
    if chunked:
        park_filter += " AND p.id > :after AND p.id <= :upto"
    stage = stage_as_of_sql("p.id", ":day", current_stage="p.stage", within=within)
    # x is materialised: flattened into the outer query, its stage would be worked out once
    # per mention of x.stage. Only what a rule needs comes back (making Python values of the
    # rows is most of the cost on 100,000 projects).
    sql = (
        "WITH x AS MATERIALIZED (SELECT p.id, p.name, p.park_id, p.signed_date,"
        " p.planned_start_date, " + stage + " AS stage FROM projects p"
        " WHERE (p.planned_start_date < :month_start OR p.signed_date <= :day"
        "  OR p.id IN (SELECT project_id FROM project_annual_plan WHERE year = :year"
        "   AND planned_yuan > 0"
        + (f" AND {within}" if within else "")
        + "))"
        + park_filter
        + ") SELECT x.id, x.name, x.park_id, x.stage, x.signed_date, x.planned_start_date,"
        " a.planned_yuan,"
        " CASE WHEN x.stage = :building AND a.planned_yuan > 0 THEN"
        "  (SELECT coalesce(sum(i.completed_yuan), 0) FROM project_monthly_investment i"
        "   WHERE i.project_id = x.id AND i.month >= :first AND i.month <= :through)"
        " ELSE 0 END"
        " FROM x JOIN parks k ON k.id = x.park_id"
        " LEFT JOIN project_annual_plan a ON a.project_id = x.id AND a.year = :year"
        " WHERE x.stage IN (:negotiating, :signed, :building)"
        " AND ((x.stage <> :building AND x.planned_start_date IS NOT NULL"
        "       AND x.planned_start_date < :month_start)"
        "   OR (x.stage = :signed AND x.signed_date IS NOT NULL AND x.signed_date <= :day)"
        "   OR (x.stage = :building AND a.planned_yuan > 0))"
    )
    return (sql + " ORDER BY k.name, x.name" if ordered else sql), params


def park_names(db: Database) -> dict[int, str]:
    return {int(r[0]): str(r[1]) for r in db.query("SELECT id, name FROM parks")}


def park_facts(db: Database, as_of: dt.date, *, park_id: int | None = None) -> list[ParkFacts]:
    """Each park's revenue target of the year (None without one) and its revenue over the
    year's complete months up to ``as_of``."""
    rows = db.query(
        "SELECT k.id, k.name,"
        " (SELECT t.amount_yuan FROM targets t WHERE t.year = :year AND t.park_id = k.id"
        "  AND t.metric = :metric),"
        " (SELECT coalesce(sum(r.amount_yuan), 0) FROM revenue r WHERE r.park_id = k.id"
        "  AND r.month >= :first AND r.month <= :through)"
        " FROM parks k"
        + ("" if park_id is None else " WHERE k.id = :park")
        + " ORDER BY k.sort_order, k.id",
        {
            "year": as_of.year,
            "metric": Metric.REVENUE.value,
            "first": f"{as_of.year:04d}-01",
            "through": _through_month(as_of),
            "park": park_id,
        },
    )
    return [ParkFacts(int(r[0]), str(r[1]), money_in(r[2]), Money(int(r[3]))) for r in rows]


def fund_facts(db: Database, as_of: dt.date, *, park_id: int | None = None) -> list[FundFacts]:
    """Funds established by ``as_of`` with their latest reported scale and paid-in capital."""
    names = {
        int(r[0]): (str(r[1]), None if r[2] is None else str(r[2]))
        for r in db.query(
            "SELECT f.id, f.name, k.name FROM funds f LEFT JOIN parks k ON k.id = f.park_id"
        )
    }
    return [
        FundFacts(names[f.fund_id][0], f.park_id, names[f.fund_id][1], f.scale, f.paid_in)
        for f in funds_as_of(db, as_of, park_id=park_id)
    ]


def problem_facts(
    db: Database, as_of: dt.date, *, park_id: int | None = None, open_only: bool = True
) -> list[ProblemFacts]:
    """Problems raised by ``as_of`` (only the unsolved ones with ``open_only``), by park order,
    due date and id."""
    rows = db.query(
        "SELECT q.id, q.description, q.due_date, q.status, q.park_id, k.name, q.project_id,"
        " p.name, q.responsible_unit, q.raised_date"
        " FROM problems q JOIN parks k ON k.id = q.park_id"
        " LEFT JOIN projects p ON p.id = q.project_id"
        " WHERE q.raised_date <= :day"
        + (" AND q.status <> 'solved'" if open_only else "")
        + ("" if park_id is None else " AND q.park_id = :park")
        + " ORDER BY k.sort_order, k.id, coalesce(q.due_date, '9999'), q.id",
        {"day": as_of.isoformat(), "park": park_id},
    )
    return [
        ProblemFacts(
            description=str(r[1]),
            due=date_in(r[2]),
            solved=r[3] == "solved",
            park_id=int(r[4]),
            park=str(r[5]),
            project_id=None if r[6] is None else int(r[6]),
            project=None if r[7] is None else str(r[7]),
            problem_id=int(r[0]),
            responsible_unit=str(r[8]),
            raised=date_in(r[9]),
            coordinating=r[3] == "coordinating",
        )
        for r in rows
    ]
