"""The Projects page's read side, checked against plain Python over every project.

Most tests run on a generated database of a few thousand projects (bench/large_db.py with a
small size), so the SQL filters, sums, sort orders and the narrowing of repeated searches are
compared with a brute-force answer on realistic data. Others check that the trigger-kept
listing table follows every write, undo and redo, and that migration 0002 fills it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
import sqlite_utils

from parktracker.domain.enums import Stage
from parktracker.domain.models import MonthlyInvestment, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services import projects
from parktracker.services.project_listing import (
    NARROW_LIMIT,
    IdList,
    ListingQuery,
    ProjectFinder,
    SortKey,
    SortOrder,
    find_projects,
    listing_rows,
    refines,
    signed_years,
    sort_order,
)
from parktracker.storage import investment, parallel_scan
from parktracker.storage import parks as park_store
from parktracker.storage.changes import apply_forward, apply_inverse, recording
from parktracker.storage.database import Database, open_database, open_reader
from parktracker.storage.schema import migrations

ROOT = Path(__file__).resolve().parents[2]
GENERATED_PROJECTS = 3000


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("large_db", ROOT / "bench" / "large_db.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


large_db = _load_bench()


@pytest.fixture(scope="module")
def generated_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "generated.db"
    large_db.build_large_db(path, projects=GENERATED_PROJECTS, seed=11).close()
    return path


@pytest.fixture
def generated(generated_path: Path) -> Iterator[Database]:
    db = open_database(generated_path, readonly=True)
    yield db
    db.close()


@dataclass(frozen=True)
class Plain:
    """A project as plain Python sees it, for the brute-force answers."""

    id: int
    park_id: int
    park_order: tuple[int, int]
    name: str
    company: str
    notes: str
    stage: Stage
    signed: dt.date | None
    started: dt.date | None
    production: dt.date | None
    planned: int | None
    completed: int
    is_key: bool


def everything(db: Database) -> list[Plain]:
    out = []
    for park in park_store.all_parks(db):
        assert park.id is not None
        for p in projects.projects.in_park(db, park.id):
            assert p.id is not None
            out.append(
                Plain(
                    p.id,
                    park.id,
                    (park.sort_order, park.id),
                    p.name,
                    p.company,
                    p.notes,
                    p.stage,
                    p.signed_date,
                    p.actual_start_date,
                    p.production_date,
                    None if p.planned_total is None else p.planned_total.yuan,
                    investment.completed_total(db, p.id).yuan,
                    p.is_key,
                )
            )
    return out


def brute(rows: list[Plain], query: ListingQuery) -> list[Plain]:
    def fold(text: str) -> str:
        return "".join(c.lower() if c.isascii() else c for c in text)

    def keep(p: Plain) -> bool:
        if query.park_id is not None and p.park_id != query.park_id:
            return False
        if query.stage is not None:
            if p.stage is not query.stage:
                return False
        elif not query.show_terminated and p.stage is Stage.TERMINATED:
            return False
        if query.signed_year is not None and (
            p.signed is None or p.signed.year != query.signed_year
        ):
            return False
        if query.key_only and not p.is_key:
            return False
        haystacks = [fold(p.name), fold(p.company), fold(p.notes)]
        return all(any(fold(w) in h for h in haystacks) for w in query.search.split())

    return sorted((p for p in rows if keep(p)), key=lambda p: p.id)


QUERIES = [
    ListingQuery(),
    ListingQuery(show_terminated=True),
    ListingQuery(search="光电"),
    ListingQuery(search="光"),
    ListingQuery(search="光电传感器"),
    ListingQuery(search="光电 有限公司"),
    ListingQuery(search="AI"),
    ListingQuery(search="ai芯片"),
    ListingQuery(search="没有这样的项目"),
    ListingQuery(park_id=4, stage=Stage.UNDER_CONSTRUCTION),
    ListingQuery(stage=Stage.TERMINATED),
    ListingQuery(signed_year=2023, key_only=True),
    ListingQuery(park_id=6, search="传感器", show_terminated=True),
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_matches_and_sums_equal_the_brute_force_answer(
    generated: Database, query: ListingQuery
) -> None:
    expected = brute(everything(generated), query)
    found = find_projects(generated, query=query)
    assert found.ids == [p.id for p in expected]
    assert found.count == len(expected)
    assert found.planned_total == Money(sum(p.planned or 0 for p in expected))
    assert found.completed_total == Money(sum(p.completed for p in expected))


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_a_scan_split_over_four_cores_gives_the_same_answer(
    generated: Database, query: ListingQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On 100,000 projects a search is split over the cores; here a few thousand are split
    into four ranges of ids, each read on a connection of its own but the first."""
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(parallel_scan, "ROWS_PER_PART", GENERATED_PROJECTS // 8)
    readers: list[Path] = []

    def counted(path: Path) -> Database:
        readers.append(path)
        return open_reader(path)

    monkeypatch.setattr(parallel_scan, "open_reader", counted)
    expected = brute(everything(generated), query)
    found = find_projects(generated, query=query)
    assert readers == [generated.path] * 3
    assert found.ids == [p.id for p in expected]
    assert found.planned_total == Money(sum(p.planned or 0 for p in expected))
    assert found.completed_total == Money(sum(p.completed for p in expected))


@pytest.mark.parametrize("cores", [1, 4])
def test_sums_past_64_bits_fail_alike_split_or_not(
    generated_path: Path, tmp_path: Path, cores: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's sum() over the whole table fails with "integer overflow"; the ranges' sums
    added in Python fail the same way."""
    path = tmp_path / "huge.db"
    path.write_bytes(generated_path.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE project_listing SET planned_yuan = 4611686018427387904 WHERE project_id IN"
        " ((SELECT min(project_id) FROM project_listing),"
        " (SELECT max(project_id) FROM project_listing))"
    )
    conn.commit()
    conn.close()
    monkeypatch.setattr(parallel_scan.os, "cpu_count", lambda: cores)
    monkeypatch.setattr(parallel_scan, "ROWS_PER_PART", GENERATED_PROJECTS // 8)
    db = open_database(path, readonly=True, verify=False)
    try:
        with pytest.raises(sqlite3.OperationalError, match="integer overflow"):
            find_projects(db, query=ListingQuery(show_terminated=True))
    finally:
        db.close()


def test_generated_data_is_realistic(generated: Database) -> None:
    rows = everything(generated)
    assert len(rows) == GENERATED_PROJECTS
    assert len({p.park_id for p in rows}) == 8
    assert {p.stage for p in rows} == set(Stage)
    optical = [p for p in rows if "光电" in p.name + p.company + p.notes]
    assert 0 < len(optical) < len(rows) / 3
    assert sum(p.completed for p in rows) > 0
    # Every project has a history that ends in its stage.
    conn = generated.conn
    last = dict(
        conn.execute(
            "SELECT project_id, stage FROM project_stage_history h WHERE id ="
            " (SELECT id FROM project_stage_history WHERE project_id = h.project_id"
            " ORDER BY date DESC, id DESC LIMIT 1)"
        ).fetchall()
    )
    assert all(last[p.id] == p.stage.value for p in rows)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        (SortKey.PARK, lambda p: p.park_order),
        (SortKey.NAME, lambda p: p.name),
        (SortKey.PLANNED, lambda p: (p.planned is not None, p.planned or 0)),
        (SortKey.COMPLETED, lambda p: p.completed),
        (SortKey.SIGNED, lambda p: (p.signed is not None, p.signed or dt.date.min)),
        (SortKey.STAGE, lambda p: p.stage.rank),
        (SortKey.KEY, lambda p: p.is_key),
    ],
    ids=lambda v: v.name if isinstance(v, SortKey) else "",
)
def test_sort_orders_follow_the_column(generated: Database, key: SortKey, value: object) -> None:
    rows = {p.id: p for p in everything(generated)}
    order = sort_order(generated, key=key)
    expected = sorted(rows.values(), key=lambda p: (value(p), p.id))  # type: ignore[operator]
    assert list(order.ids) == [p.id for p in expected]
    matches = find_projects(generated, query=ListingQuery(search="光电")).ids
    arranged = order.arrange(matches)
    assert list(arranged) == [i for i in order.ids if i in set(matches)]
    assert order.arrange(matches, descending=True) == arranged[::-1]
    many = find_projects(generated, query=ListingQuery(show_terminated=True)).ids
    assert order.arrange(many) == order.ids  # the byte-mask path


def test_ids_take_four_bytes_unless_one_needs_eight() -> None:
    ids = IdList([3, 1, 2])
    assert ids == [3, 1, 2] and ids.itemsize == 4
    assert IdList(ids).itemsize == 4
    # Written by another program: ids past 32 bits are kept whole, eight bytes each.
    for large in ([1, 2**31], [-(2**31) - 1, 7], [2**40]):
        wide = IdList(large)
        assert wide == large and wide.itemsize == 8
    order = SortOrder([3, 1, 2], size=3)
    assert order.ids.itemsize == order.position.itemsize == 4
    assert order.arrange([2, 3]) == IdList([3, 2])
    assert order.arrange([1, 2, 3], descending=True) == IdList([2, 1, 3])


@pytest.mark.parametrize("numpy_loaded", [True, False], ids=["numpy", "json"])
def test_ids_read_from_sqlites_json_whichever_parser(
    numpy_loaded: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy  # noqa: F401 - loaded, or hidden below

    if not numpy_loaded:
        monkeypatch.delitem(sys.modules, "numpy")
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    cases = [[], [7], list(range(1, 5001)), [-(2**31), 2**31 - 1], [1, 2**31], [-(2**40), 2**62]]
    for ids in cases:
        conn.execute("DELETE FROM t")
        conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in ids])
        text = conn.execute("SELECT json_group_array(id) FROM (SELECT id FROM t ORDER BY id)")
        read = IdList.from_json(text.fetchone()[0])
        assert read == sorted(ids)
        assert read.itemsize == (4 if all(-(2**31) <= i < 2**31 for i in ids) else 8)


def test_ids_another_program_set_far_apart_or_below_zero_still_sort(new_db: Database) -> None:
    """A file written by another program may hold an id of 10**12 or -7: the order is kept
    in a dict then (a table indexed by id would ask for 10**12 entries)."""
    display = park_store.find(new_db, "新型显示")
    assert display is not None and display.id is not None
    made = [
        projects.create_project(
            new_db,
            project=Project(
                display.id,
                name,
                Stage.SIGNED,
                planned_total=Money.yi(1),
                signed_date=dt.date(2024, 1, 5),
            ),
        )
        for name in ("丙项目", "甲项目", "乙项目")
    ]
    new_db.conn.execute("PRAGMA foreign_keys = OFF")
    for old, new in zip(made[1:], (10**12, -7), strict=True):
        for table, column in (("projects", "id"), ("project_stage_history", "project_id")):
            new_db.conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
        new_db.conn.execute(
            "UPDATE project_listing SET project_id = ? WHERE project_id = ?", (new, old)
        )
    new_db.conn.commit()
    by_name = sort_order(new_db, key=SortKey.NAME)
    assert isinstance(by_name.position, dict)
    assert list(by_name.ids) == [made[0], -7, 10**12]  # 丙, 乙, 甲 in code-point order
    matches = find_projects(new_db, query=ListingQuery()).ids
    assert sorted(matches) == [-7, made[0], 10**12]
    assert by_name.arrange(matches) == IdList([made[0], -7, 10**12])
    assert by_name.arrange(matches, descending=True) == IdList([10**12, -7, made[0]])
    assert by_name.arrange([10**12, 99]) == IdList([10**12])  # an id it does not know: left out


def test_finder_remembers_and_narrows_without_changing_answers(generated: Database) -> None:
    finder = ProjectFinder(generated)
    sequence = ["光", "光电", "光电传感器", "光电传感", "光电", "", "A", "AI", "AI 项目", "项目"]
    for text in sequence:
        query = ListingQuery(search=text)
        assert finder.find(query) == find_projects(generated, query=query), text
    assert refines(ListingQuery(search="光电传感器"), ListingQuery(search="光电"))
    assert refines(ListingQuery(search="ai 芯片"), ListingQuery(search="AI"))
    assert not refines(ListingQuery(search="光"), ListingQuery(search="光电"))
    assert not refines(ListingQuery(search="光电", park_id=1), ListingQuery(search="光"))
    assert find_projects(generated, query=ListingQuery(search="光")).count < NARROW_LIMIT


def test_rows_and_years(generated: Database) -> None:
    ids = find_projects(generated, query=ListingQuery(search="光电传感器")).ids[:5]
    rows = listing_rows(generated, ids=ids)
    assert sorted(rows) == sorted(ids)
    plain = {p.id: p for p in everything(generated)}
    for project_id, row in rows.items():
        assert row.name == plain[project_id].name
        assert row.completed.yuan == plain[project_id].completed
        assert "光电传感器" in row.name + row.company
    years = signed_years(generated)
    assert years == sorted({p.signed.year for p in plain.values() if p.signed}, reverse=True)


# ---------------------------------------------------------------- the listing table follows writes


def listing(db: Database) -> list[tuple[object, ...]]:
    return [tuple(r) for r in db.query("SELECT * FROM project_listing ORDER BY project_id")]


def rebuilt(db: Database) -> list[tuple[object, ...]]:
    return [
        tuple(r)
        for r in db.query(
            "SELECT p.id, p.park_id, p.stage, CAST(substr(p.signed_date, 1, 4) AS INTEGER),"
            " p.is_key, p.planned_total_yuan, coalesce((SELECT sum(completed_yuan) FROM"
            " project_monthly_investment i WHERE i.project_id = p.id), 0),"
            " lower(p.name || char(10) || p.company || char(10) || p.notes)"
            " FROM projects p ORDER BY p.id"
        )
    ]


def test_listing_table_follows_writes_undo_and_redo(new_db: Database) -> None:
    display = park_store.find(new_db, "新型显示")
    assert display is not None and display.id is not None
    project_id = projects.create_project(
        new_db,
        project=Project(
            display.id,
            "Micro LED 光电项目",
            Stage.SIGNED,
            company="青岛ABC光电有限公司",
            planned_total=Money.yi(10),
            signed_date=dt.date(2024, 1, 5),
        ),
    )
    steps = [
        lambda db: projects.advance_stage(
            db, project_id=project_id, stage=Stage.UNDER_CONSTRUCTION, date=dt.date(2024, 3, 1)
        ),
        lambda db: projects.record_investment(
            db,
            entries=[
                MonthlyInvestment(project_id, YearMonth(2024, 3), Money.wan(2500)),
                MonthlyInvestment(project_id, YearMonth(2024, 4), Money.wan(1200)),
            ],
        ),
        lambda db: projects.edit_investment(
            db,
            project_id=project_id,
            entries=[MonthlyInvestment(project_id, YearMonth(2024, 4), Money.wan(1300))],
            cleared=[YearMonth(2024, 3)],
            annual_plans=[(2024, Money.yi(2))],
        ),
        lambda db: projects.update_project(
            db,
            project=Project(
                display.id,
                "Micro LED 显示项目",
                Stage.UNDER_CONSTRUCTION,
                notes="重点",
                is_key=True,
                planned_total=Money.yi(12),
                signed_date=dt.date(2023, 12, 30),
                actual_start_date=dt.date(2024, 3, 1),
                id=project_id,
            ),
        ),
        lambda db: projects.delete_project(db, project_id=project_id),
    ]
    assert listing(new_db) == rebuilt(new_db) != []
    for step in steps:
        before = listing(new_db)
        with recording(new_db) as change_set:
            step(new_db)
        after = listing(new_db)
        assert after == rebuilt(new_db)
        apply_inverse(new_db, change_set)
        assert listing(new_db) == before == rebuilt(new_db)
        apply_forward(new_db, change_set)
        assert listing(new_db) == after == rebuilt(new_db)
    assert listing(new_db) == []
    assert new_db.query("SELECT * FROM project_annual_plan") == []


def test_edit_investment_clears_months_and_plans(new_db: Database) -> None:
    park = park_store.find(new_db, "氢能")
    assert park is not None and park.id is not None
    project_id = projects.create_project(
        new_db,
        project=Project(
            park.id,
            "加氢站项目",
            Stage.UNDER_CONSTRUCTION,
            signed_date=dt.date(2023, 12, 1),
            actual_start_date=dt.date(2024, 3, 1),
        ),
    )
    march, april = YearMonth(2024, 3), YearMonth(2024, 4)
    projects.edit_investment(
        new_db,
        project_id=project_id,
        entries=[MonthlyInvestment(project_id, march, Money.wan(5))],
        annual_plans=[(2024, Money.yi(1))],
    )
    projects.edit_investment(
        new_db, project_id=project_id, cleared=[march, april], annual_plans=[(2024, None)]
    )
    assert projects.monthly_investment(new_db, project_id) == []
    assert projects.annual_plans(new_db, project_id) == []


def test_migration_0002_fills_the_listing_of_an_older_file(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    su = sqlite_utils.Database(conn)
    migrations.apply(su, stop_before="0002_project_listing")
    conn.execute("PRAGMA application_id = 1347114066")
    conn.execute("INSERT INTO parks (id, name, short_name, industry) VALUES (1, '园', '园', '业')")
    conn.execute(
        "INSERT INTO projects (id, park_id, name, stage, company, notes, planned_total_yuan,"
        " signed_date, is_key)"
        " VALUES (7, 1, 'AB光电项目', 'signed', 'Co', '注', 500, '2023-02-01', 1)"
    )
    conn.execute(
        "INSERT INTO project_monthly_investment (project_id, month, completed_yuan)"
        " VALUES (7, '2024-01', 100), (7, '2024-02', 50)"
    )
    conn.commit()
    conn.close()
    with open_database(path) as db:
        assert listing(db) == [(7, 1, "signed", 2023, 1, 500, 150, "ab光电项目\nco\n注")]
        assert find_projects(db, query=ListingQuery(search="光电")).ids == [7]
