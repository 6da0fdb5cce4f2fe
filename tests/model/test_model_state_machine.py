"""Model-based test: random sequences of writes, undo and redo against the services, compared
with an in-memory model after every step.

Each write runs through the GUI's own :class:`parktracker.ui.session.Session`
(``Session.perform``; its QUndoStack drops a redo tail on a new write), and undo and redo are
``Session.undo`` and ``Session.redo``: the machine keeps only the models before and after each
step, and checks the session's undo-stack index and that no undo or redo failed. The model
predicts, for
every write, whether the services accept or refuse it (a refused write must change nothing) and
what the database then holds: parks, projects with their stage, stage-history length, planned
total and monthly investment (and the trigger-kept project listing), funds with their number of
reported figures, and the revenue cells. After every step: ``PRAGMA integrity_check`` is ok,
``services.check.check_database`` finds no blocking problem, and the database equals the model.
Undoing everything gives back the starting database row for row; redoing everything gives back
the latest one.

The number of examples and steps run is written to test-artifacts/model/state_machine.json.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from parktracker.domain.enums import Stage
from parktracker.domain.models import Fund, FundUpdate, MonthlyInvestment, Park, Project
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.domain.validation import ValidationError
from parktracker.services import funds, parks, projects, revenue_entry
from parktracker.services.check import check_database, is_blocking
from parktracker.services.reference import seed_reference
from parktracker.services.revenue_entry import RevenueCell
from parktracker.storage import funds as fund_store
from parktracker.storage import integrity
from parktracker.storage.database import Database, create_database, open_database
from parktracker.ui.session import Session

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "model"
EXAMPLES = 200
STEPS = 30
START = dt.date(2024, 1, 10)

# Small pools, so that names collide and the uniqueness rules are exercised; "" is refused.
PARK_NAMES = ["青岛市测试产业园", "青岛市未来产业园", " 青岛市未来产业园 ", "青岛市海洋产业园", " "]
PROJECT_NAMES = [
    "光电模组项目",
    "储能电池项目 ",
    "（一期）芯片封测项目",
    "(一期)芯片封测项目",
    "Pilot Line",
    "pilot line",
    "",
]
FUND_NAMES = [
    "产业引导基金",
    "天使投资基金",
    "集成电路基金",
    "新材料基金",
    "Angel Fund",
    "angel fund ",
    "",
]
FIGURES = st.tuples(st.integers(0, 500_000), st.integers(-5, 110), st.integers(-5, 110))
MONTHS = [YearMonth(2024, m) for m in range(1, 7)]

STATS: Counter[str] = Counter()


def norm(name: str) -> str:
    """As domain.validation.normalize_name (kept separate, so the model is an independent
    statement of the rule)."""
    return name.strip().replace("（", "(").replace("）", ")").casefold()


# ---------------------------------------------------------------- the model


@dataclass
class ProjectModel:
    park_id: int
    name: str
    stage: Stage
    history: int
    last_date: dt.date
    planned: int | None
    reason: str = ""
    months: dict[str, int] = field(default_factory=dict)

    @property
    def completed(self) -> int:
        return sum(self.months.values())


@dataclass
class FundModel:
    name: str
    park_id: int | None
    figures: int


@dataclass
class Model:
    parks: dict[int, str]
    projects: dict[int, ProjectModel] = field(default_factory=dict)
    funds: dict[int, FundModel] = field(default_factory=dict)
    revenue: dict[tuple[int, str], int] = field(default_factory=dict)


Tables = dict[str, list[tuple[Any, ...]]]


def everything(db: Database) -> Tables:
    """Every row of every table but the audit log (which records undo and redo as well)."""
    names = [
        r[0]
        for r in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit_log'"
            " ORDER BY name"
        )
    ]
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM [{t}] ORDER BY rowid")] for t in names}


_TEMPLATE: Path | None = None


def template() -> Path:
    """A new database with the reference data (eight parks, the 2024 target), built once."""
    global _TEMPLATE  # noqa: PLW0603 - built lazily, once per test session
    if _TEMPLATE is None:
        folder = Path(tempfile.mkdtemp(prefix="parktracker-model-template-"))
        create_database(folder / "template.db", populate=seed_reference).close()
        _TEMPLATE = folder / "template.db"
    return _TEMPLATE


# ---------------------------------------------------------------- the machine


class ParkTrackerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        STATS["examples"] += 1
        self.folder = Path(tempfile.mkdtemp(prefix="parktracker-model-"))
        path = self.folder / "model.db"
        shutil.copyfile(template(), path)
        self.db = open_database(path)
        self.model = Model(parks={p.id: p.name for p in parks.list_parks(self.db) if p.id})
        self.start = everything(self.db)
        self.session = Session(self.db)
        self.failures: list[object] = []
        self.session.failed.connect(self.failures.append)
        self.steps: list[tuple[Model, Model]] = []  # the models before and after each undo step
        self.index = 0  # steps done; steps[index:] can be redone
        self.reports = 0  # fund reports made, for their dates

    def teardown(self) -> None:
        self.session.undo_stack.clear()
        self.session.deleteLater()
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------ helpers

    def write(self, kind: str, action: Any, *, accepted: bool, after: Model | None = None) -> Any:
        """Run ``action(db)`` through ``Session.perform``; check the predicted outcome."""
        STATS["steps"] += 1
        before_rows = everything(self.db) if not accepted else None
        stack = self.session.undo_stack
        count = stack.count()
        try:
            result = self.session.perform(kind, action)
        except ValidationError:
            STATS[f"{kind} refused"] += 1
            assert not accepted, f"{kind} was refused but the model accepts it"
            assert stack.count() == count, "a refused write made an undo step"
            assert stack.index() == self.index
            assert everything(self.db) == before_rows, "a refused write changed the database"
            return None
        assert accepted, f"{kind} was accepted but the model refuses it"
        STATS[kind] += 1
        if stack.index() != self.index:  # the write changed rows: one new undo step
            assert after is not None
            assert stack.index() == self.index + 1 == stack.count(), "the redo tail stays"
            del self.steps[self.index :]
            self.steps.append((copy.deepcopy(self.model), after))
            self.index += 1
        return result

    def pick(self, keys: Any, index: int) -> Any:
        ordered = sorted(keys)
        return ordered[index % len(ordered)]

    def project(self, project_id: int) -> Project:
        found = projects.get_project(self.db, project_id)
        assert found is not None
        return found

    # ------------------------------------------------------------ parks

    @rule(name=st.sampled_from(PARK_NAMES))
    def add_park(self, name: str) -> None:
        accepted = bool(name.strip()) and norm(name) not in {
            norm(n) for n in self.model.parks.values()
        }
        after = copy.deepcopy(self.model)
        park = Park(name=name, short_name=name.strip()[-5:] or "测试", industry="测试")
        new_id = self.write(
            "add park", lambda db: parks.add_park(db, park=park), accepted=accepted, after=after
        )
        if accepted:
            after.parks[new_id] = name.strip()  # names are stored trimmed
            self.model = after

    @precondition(lambda self: self.model.parks)
    @rule(index=st.integers(0, 50), name=st.sampled_from(PARK_NAMES))
    def rename_park(self, index: int, name: str) -> None:
        park_id = self.pick(self.model.parks, index)
        others = {norm(n) for i, n in self.model.parks.items() if i != park_id}
        accepted = bool(name.strip()) and norm(name) not in others
        park = parks.get_park(self.db, park_id)
        assert park is not None
        changed = dataclasses.replace(park, name=name)
        after = copy.deepcopy(self.model)
        after.parks[park_id] = name.strip()
        self.write(
            "rename park",
            lambda db: parks.update_park(db, park=changed),
            accepted=accepted,
            after=after,
        )
        if accepted:
            self.model = after

    @precondition(lambda self: self.model.parks)
    @rule(index=st.integers(0, 50))
    def delete_park(self, index: int) -> None:
        park_id = self.pick(self.model.parks, index)
        in_use = any(p.park_id == park_id for p in self.model.projects.values()) or any(
            f.park_id == park_id for f in self.model.funds.values()
        )
        after = copy.deepcopy(self.model)
        del after.parks[park_id]
        after.revenue = {k: v for k, v in after.revenue.items() if k[0] != park_id}
        self.write(
            "delete park",
            lambda db: parks.delete_park(db, park_id=park_id),
            accepted=not in_use,
            after=after,
        )
        if not in_use:
            self.model = after

    # ------------------------------------------------------------ projects

    @precondition(lambda self: self.model.parks)
    @rule(
        index=st.integers(0, 50),
        name=st.sampled_from(PROJECT_NAMES),
        stage=st.sampled_from(list(Stage)),
        planned=st.none() | st.integers(0, 5_000_000_000),
    )
    def add_project(self, index: int, name: str, stage: Stage, planned: int | None) -> None:
        park_id = self.pick(self.model.parks, index)
        taken = {norm(p.name) for p in self.model.projects.values() if p.park_id == park_id}
        accepted = bool(name.strip()) and norm(name) not in taken
        project = Project(
            park_id, name, stage, planned_total=None if planned is None else Money(planned)
        )
        after = copy.deepcopy(self.model)
        new_id = self.write(
            "add project",
            lambda db: projects.create_project(db, project=project, history=[(stage, START)]),
            accepted=accepted,
            after=after,
        )
        if accepted:
            after.projects[new_id] = ProjectModel(park_id, name.strip(), stage, 1, START, planned)
            self.model = after

    @precondition(lambda self: self.model.projects)
    @rule(
        index=st.integers(0, 50),
        name=st.sampled_from(PROJECT_NAMES),
        planned=st.none() | st.integers(0, 5_000_000_000),
        reason=st.sampled_from(["", "追加投资，已报批"]),
    )
    def edit_project(self, index: int, name: str, planned: int | None, reason: str) -> None:
        project_id = self.pick(self.model.projects, index)
        mine = self.model.projects[project_id]
        taken = {
            norm(p.name)
            for i, p in self.model.projects.items()
            if p.park_id == mine.park_id and i != project_id
        }
        over_plan = planned is not None and mine.completed > planned and not reason.strip()
        accepted = bool(name.strip()) and norm(name) not in taken and not over_plan
        changed = dataclasses.replace(
            self.project(project_id),
            name=name,
            planned_total=None if planned is None else Money(planned),
            over_plan_reason=reason,
        )
        after = copy.deepcopy(self.model)
        edited = after.projects[project_id]
        edited.name, edited.planned, edited.reason = name.strip(), planned, reason
        self.write(
            "edit project",
            lambda db: projects.update_project(db, project=changed),
            accepted=accepted,
            after=after,
        )
        if accepted:
            self.model = after

    @precondition(lambda self: self.model.projects)
    @rule(
        index=st.integers(0, 50),
        stage=st.none() | st.sampled_from(list(Stage)),
        days=st.integers(-3, 60),
    )
    def advance_stage(self, index: int, stage: Stage | None, days: int) -> None:
        """To ``stage``, or (None) to the next stage along the pipeline if there is one."""
        project_id = self.pick(self.model.projects, index)
        mine = self.model.projects[project_id]
        if stage is None:
            ahead = [s for s in Stage if s.rank > mine.stage.rank]
            stage = min(ahead, key=lambda s: s.rank) if ahead else Stage.TERMINATED
        date = mine.last_date + dt.timedelta(days=days)
        accepted = mine.stage.can_advance_to(stage) and date >= mine.last_date
        after = copy.deepcopy(self.model)
        moved = after.projects[project_id]
        moved.stage, moved.history, moved.last_date = stage, moved.history + 1, date
        self.write(
            "advance stage",
            lambda db: projects.advance_stage(db, project_id=project_id, stage=stage, date=date),
            accepted=accepted,
            after=after,
        )
        if accepted:
            self.model = after

    @precondition(lambda self: self.model.projects)
    @rule(index=st.integers(0, 50))
    def delete_project(self, index: int) -> None:
        project_id = self.pick(self.model.projects, index)
        after = copy.deepcopy(self.model)
        del after.projects[project_id]
        self.write(
            "delete project",
            lambda db: projects.delete_project(db, project_id=project_id),
            accepted=True,
            after=after,
        )
        self.model = after

    @precondition(lambda self: self.model.projects)
    @rule(
        index=st.integers(0, 50),
        month=st.sampled_from(MONTHS),
        amount=st.integers(0, 2_000_000_000),
    )
    def record_investment(self, index: int, month: YearMonth, amount: int) -> None:
        project_id = self.pick(self.model.projects, index)
        entry = MonthlyInvestment(project_id, month, Money(amount))
        after = copy.deepcopy(self.model)
        after.projects[project_id].months[str(month)] = amount
        self.write(
            "record investment",
            lambda db: projects.record_investment(db, entries=[entry]),
            accepted=True,
            after=after,
        )
        self.model = after

    # ------------------------------------------------------------ funds

    @rule(
        index=st.integers(0, 50),
        city_wide=st.booleans(),
        name=st.sampled_from(FUND_NAMES),
        figures=FIGURES,
    )
    def add_fund(
        self, index: int, city_wide: bool, name: str, figures: tuple[int, int, int]
    ) -> None:
        park_id = None if city_wide or not self.model.parks else self.pick(self.model.parks, index)
        update, valid = self.figures(0, figures)
        taken = {norm(f.name) for f in self.model.funds.values() if f.park_id == park_id}
        accepted = bool(name.strip()) and norm(name) not in taken and valid
        fund = Fund(name=name, park_id=park_id)
        after = copy.deepcopy(self.model)
        new_id = self.write(
            "add fund",
            lambda db: funds.add_fund(db, fund=fund, first_figures=update),
            accepted=accepted,
            after=after,
        )
        if accepted:
            after.funds[new_id] = FundModel(name.strip(), park_id, 1)
            self.model = after

    def figures(self, fund_id: int, figures: tuple[int, int, int]) -> tuple[FundUpdate, bool]:
        """Scale, paid-in and invested (in 万元) from a scale and two percentages: paid-in as a
        share of the scale, invested as a share of paid-in. Above 100 % or below 0 makes an
        invalid report (paid-in above scale, invested above paid-in, negative amounts)."""
        scale, paid_pct, invested_pct = figures
        paid = scale * paid_pct // 100
        invested = paid * invested_pct // 100
        valid = 0 <= invested <= paid <= scale
        self.reports += 1
        day = START + dt.timedelta(days=self.reports)
        update = FundUpdate(fund_id, day, Money.wan(scale), Money.wan(paid), Money.wan(invested))
        return update, valid

    @precondition(lambda self: self.model.funds)
    @rule(
        index=st.integers(0, 50),
        figures=FIGURES,
    )
    def record_fund_figures(self, index: int, figures: tuple[int, int, int]) -> None:
        fund_id = self.pick(self.model.funds, index)
        update, valid = self.figures(fund_id, figures)
        after = copy.deepcopy(self.model)
        after.funds[fund_id].figures += 1
        self.write(
            "record fund figures",
            lambda db: funds.record_fund_figures(db, update=update),
            accepted=valid,
            after=after,
        )
        if valid:
            self.model = after

    @precondition(lambda self: self.model.funds)
    @rule(index=st.integers(0, 50), which=st.integers(0, 10))
    def delete_fund_figures(self, index: int, which: int) -> None:
        fund_id = self.pick(self.model.funds, index)
        reports = fund_store.updates(self.db, fund_id)
        update_id = reports[which % len(reports)].id
        assert update_id is not None
        accepted = self.model.funds[fund_id].figures > 1  # the last report stays
        after = copy.deepcopy(self.model)
        after.funds[fund_id].figures -= 1
        self.write(
            "delete fund figures",
            lambda db: funds.delete_fund_figures(db, update_id=update_id),
            accepted=accepted,
            after=after,
        )
        if accepted:
            self.model = after

    @precondition(lambda self: self.model.funds)
    @rule(index=st.integers(0, 50))
    def delete_fund(self, index: int) -> None:
        fund_id = self.pick(self.model.funds, index)
        after = copy.deepcopy(self.model)
        del after.funds[fund_id]
        self.write(
            "delete fund",
            lambda db: funds.delete_fund(db, fund_id=fund_id),
            accepted=True,
            after=after,
        )
        self.model = after

    # ------------------------------------------------------------ revenue

    @precondition(lambda self: self.model.parks)
    @rule(
        index=st.integers(0, 50),
        month=st.sampled_from(MONTHS),
        amount=st.none() | st.integers(0, 30_000_000_000),
    )
    def set_revenue(self, index: int, month: YearMonth, amount: int | None) -> None:
        park_id = self.pick(self.model.parks, index)
        cell = RevenueCell(park_id, month, None if amount is None else Money(amount))
        after = copy.deepcopy(self.model)
        if amount is None:
            after.revenue.pop((park_id, str(month)), None)
        else:
            after.revenue[(park_id, str(month))] = amount
        self.write(
            "set revenue",
            lambda db: revenue_entry.set_monthly(db, cells=[cell]),
            accepted=True,
            after=after,
        )
        self.model = after

    # ------------------------------------------------------------ undo and redo

    @precondition(lambda self: self.index > 0)
    @rule()
    def undo(self) -> None:
        STATS["steps"] += 1
        STATS["undo"] += 1
        self.session.undo()
        self.index -= 1
        before, _after = self.steps[self.index]
        self.model = copy.deepcopy(before)

    @precondition(lambda self: self.index < len(self.steps))
    @rule()
    def redo(self) -> None:
        STATS["steps"] += 1
        STATS["redo"] += 1
        self.session.redo()
        _before, after = self.steps[self.index]
        self.index += 1
        self.model = copy.deepcopy(after)

    @precondition(lambda self: self.index > 0)
    @rule()
    def undo_everything_then_redo_everything(self) -> None:
        """Undo is exact: back to the starting database row for row, and forward again."""
        STATS["steps"] += 1
        STATS["undo all, redo all"] += 1
        latest, index = everything(self.db), self.index
        while self.session.undo_stack.canUndo():
            self.session.undo()
        assert self.session.undo_stack.index() == 0
        assert everything(self.db) == self.start
        while self.session.undo_stack.index() < index:
            self.session.redo()
        assert self.session.undo_stack.count() == len(self.steps)  # the redo tail is kept
        assert everything(self.db) == latest

    # ------------------------------------------------------------ after every step

    @invariant()
    def session_agrees(self) -> None:
        assert self.failures == [], "an undo or redo failed"
        assert self.session.undo_stack.index() == self.index
        assert self.session.undo_stack.count() == len(self.steps)

    @invariant()
    def database_is_sound(self) -> None:
        assert integrity.sqlite_problems(self.db) == []
        blocking = [f.render() for f in check_database(self.db) if is_blocking(f)]
        assert blocking == []

    @invariant()
    def database_equals_model(self) -> None:
        db, model = self.db, self.model
        assert {r["id"]: r["name"] for r in db.query("SELECT id, name FROM parks")} == model.parks
        rows = db.query(
            "SELECT p.id, p.park_id, p.name, p.stage, p.planned_total_yuan, p.over_plan_reason,"
            " (SELECT count(*) FROM project_stage_history h WHERE h.project_id = p.id),"
            " (SELECT max(date) FROM project_stage_history h WHERE h.project_id = p.id)"
            " FROM projects p"
        )
        assert {r[0]: tuple(r)[1:] for r in rows} == {
            i: (
                p.park_id,
                p.name,
                p.stage.value,
                p.planned,
                p.reason,
                p.history,
                p.last_date.isoformat(),
            )
            for i, p in model.projects.items()
        }
        months = db.query(
            "SELECT project_id, month, completed_yuan FROM project_monthly_investment"
        )
        assert {(r[0], r[1]): r[2] for r in months} == {
            (i, m): a for i, p in model.projects.items() for m, a in p.months.items()
        }
        listing = db.query(
            "SELECT project_id, park_id, stage, planned_yuan, completed_yuan FROM project_listing"
        )
        assert {r[0]: tuple(r)[1:] for r in listing} == {
            i: (p.park_id, p.stage.value, p.planned, p.completed) for i, p in model.projects.items()
        }
        rows = db.query(
            "SELECT f.id, f.name, f.park_id,"
            " (SELECT count(*) FROM fund_updates u WHERE u.fund_id = f.id) FROM funds f"
        )
        assert {r[0]: tuple(r)[1:] for r in rows} == {
            i: (f.name, f.park_id, f.figures) for i, f in model.funds.items()
        }
        cells = db.query("SELECT park_id, month, amount_yuan FROM revenue")
        assert {(r[0], r[1]): r[2] for r in cells} == model.revenue


def test_random_writes_undo_and_redo_match_the_model(qapp: object) -> None:
    STATS.clear()
    run_state_machine_as_test(
        ParkTrackerMachine,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    summary = {"examples": STATS["examples"], "steps": STATS["steps"], "by_kind": dict(STATS)}
    (ARTIFACTS / "state_machine.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2), "utf-8"
    )
    print(f"\nstate machine: {STATS['examples']} examples, {STATS['steps']} steps")
    # A state machine that ran a handful of examples, or never undid, would prove little.
    # (Which rules ran how often varies from run to run; the artefact lists them.)
    assert STATS["examples"] >= EXAMPLES, summary
    assert STATS["undo all, redo all"] > 0 and STATS["undo"] > 0 and STATS["redo"] > 0
    assert sum(v for k, v in STATS.items() if k.endswith("refused")) > 0


def test_a_fixed_sequence_through_the_machine(qapp: object) -> None:
    """Every kind of step at least once, whatever the random runs happened to draw."""
    STATS.clear()
    machine = ParkTrackerMachine()

    def step(rule_name: str, **kwargs: Any) -> None:
        getattr(machine, rule_name)(**kwargs)
        machine.session_agrees()
        machine.database_is_sound()
        machine.database_equals_model()

    try:
        step("add_park", name="青岛市测试产业园")
        step("add_park", name=" 青岛市测试产业园 ")  # refused: the name is taken
        step("add_project", index=0, name="光电模组项目", stage=Stage.SIGNED, planned=10**9)
        step("add_project", index=0, name=" 光电模组项目", stage=Stage.NEGOTIATING, planned=None)
        step("record_investment", index=0, month=MONTHS[0], amount=2 * 10**9)
        step("edit_project", index=0, name="光电模组项目", planned=10**9, reason="")  # over plan
        step("edit_project", index=0, name="光电模组二期", planned=10**9, reason="追加投资")
        step("advance_stage", index=0, stage=None, days=5)
        step("advance_stage", index=0, stage=Stage.SIGNED, days=5)  # refused: backwards
        step("advance_stage", index=0, stage=Stage.TERMINATED, days=-1)  # refused: earlier
        step("add_fund", index=0, city_wide=True, name="Angel Fund", figures=(1000, 50, 50))
        step("add_fund", index=0, city_wide=True, name="angel fund ", figures=(1000, 50, 50))
        step("record_fund_figures", index=0, figures=(1000, 120, 50))  # refused: paid > scale
        step("record_fund_figures", index=0, figures=(2000, 60, 40))
        step("delete_fund_figures", index=0, which=0)
        step("delete_fund_figures", index=0, which=0)  # refused: the last report stays
        step("set_revenue", index=3, month=MONTHS[2], amount=123_456_789)
        step("set_revenue", index=3, month=MONTHS[2], amount=None)
        step("delete_park", index=0)  # refused: it has the project
        step("delete_project", index=0)
        step("delete_fund", index=0)
        step("undo")
        step("undo")
        step("redo")
        step("undo_everything_then_redo_everything")
        step("delete_park", index=0)
        assert {k: v for k, v in STATS.items() if k not in ("examples", "steps")} == {
            "add park": 1,
            "add park refused": 1,
            "add project": 1,
            "add project refused": 1,
            "record investment": 1,
            "edit project refused": 1,
            "edit project": 1,
            "advance stage": 1,
            "advance stage refused": 2,
            "add fund": 1,
            "add fund refused": 1,
            "record fund figures refused": 1,
            "record fund figures": 1,
            "delete fund figures": 1,
            "delete fund figures refused": 1,
            "set revenue": 2,
            "delete park refused": 1,
            "delete project": 1,
            "delete fund": 1,
            "undo": 2,
            "redo": 1,
            "undo all, redo all": 1,
            "delete park": 1,
        }
    finally:
        machine.teardown()
