"""A small mutation-testing pass: change one thing in the code, run its tests, see them fail.

    python tools/mutation_pass.py [TARGET ...] [--list] [--limit N] [--out FILE]

Each target (below) is a source file, optionally limited to some functions, with the tests that
cover it. Mutations, one at a time: flip a comparison (< and <=, > and >=, == and !=, in and
not in), swap an arithmetic operator (+ and -, * and //, / and *, % and //), swap and/or, add
one to an integer constant, drop a statement (replaced by ``pass``), drop a ``not``. The
mutated file is written in place (the original is always put back) and the tests run in a
forked child of this process, which has pytest and the heavy libraries imported already. A
mutant "survives" when the tests still pass. Slow (minutes): it is not part of the test run.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120  # seconds per mutant: an endless loop counts as killed

D = "tests/domain/"
TARGETS: dict[str, tuple[str, tuple[str, ...] | None, tuple[str, ...]]] = {
    # name: (file, functions or None for all, tests)
    "money": ("parktracker/domain/money.py", None, (D + "test_domain_money.py",)),
    "number_format": (
        "parktracker/domain/number_format.py",
        None,
        (D + "test_domain_number_format.py", D + "test_domain_money.py"),
    ),
    "periods": ("parktracker/domain/periods.py", None, (D + "test_domain_periods.py",)),
    "figures_as_of": (
        "parktracker/domain/figures.py",
        (
            "ratio",
            "stood_by",
            "same_date_last_year",
            "month_of_figures",
            "stages_as_of",
            "pipeline_of",
            "div_half_up",
            "div_up",
            "year_to_date",
            "run_rate_projection",
            "revenue_progress",
            "fund_totals_of",
            "platforms_of",
            "enterprises_of",
            "monthly_of",
        ),
        (D + "test_domain_figures.py", D + "test_domain_cards_and_chart_data.py"),
    ),
    "reporting": ("parktracker/domain/reporting.py", None, (D + "test_domain_reporting.py",)),
    "warnings": ("parktracker/domain/warnings.py", None, (D + "test_domain_warnings.py",)),
    "chart_investment": (
        "parktracker/charts/investment.py",
        ("investment_by_park_figure",),
        ("tests/charts/test_charts_drawn_values.py",),
    ),
    "chart_funds": (
        "parktracker/charts/funds.py",
        None,
        ("tests/charts/test_charts_drawn_values.py",),
    ),
    "chart_monthly": (
        "parktracker/charts/monthly.py",
        None,
        ("tests/charts/test_charts_drawn_values.py",),
    ),
}

COMPARE = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
BINOP = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult,
    ast.Mod: ast.FloorDiv,
}


@dataclass(frozen=True)
class Mutant:
    line: int
    what: str
    index: int  # which candidate node, in ast.walk order


def _in_functions(tree: ast.Module, names: tuple[str, ...] | None) -> set[int]:
    """The ids of the nodes inside the chosen functions (all nodes when ``names`` is None)."""
    chosen: set[int] = set()
    for node in ast.walk(tree):
        if names is None or (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in names
        ):
            chosen.update(id(n) for n in ast.walk(node))
    return chosen


def _is_docstring(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _candidates(tree: ast.Module, names: tuple[str, ...] | None) -> Iterator[tuple[ast.AST, str]]:
    inside = _in_functions(tree, names)
    top_level = {id(n) for n in tree.body}  # module constants: dropping one only breaks imports
    for node in ast.walk(tree):
        if id(node) not in inside:
            continue
        if isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                if type(op) in COMPARE:
                    yield node, f"compare#{k} {type(op).__name__}->{COMPARE[type(op)].__name__}"
        elif isinstance(node, ast.BinOp) and type(node.op) in BINOP:
            yield node, f"binop {type(node.op).__name__}->{BINOP[type(node.op)].__name__}"
        elif isinstance(node, ast.AugAssign) and type(node.op) in BINOP:
            yield node, f"augassign {type(node.op).__name__}->{BINOP[type(node.op)].__name__}"
        elif isinstance(node, ast.BoolOp):
            yield node, "boolop and<->or"
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "drop not"
        elif (
            isinstance(node, ast.Constant)
            and type(node.value) is int
            and not isinstance(node.value, bool)
        ):
            yield node, f"constant {node.value}->{node.value + 1}"
        droppable = isinstance(node, ast.stmt) and not isinstance(
            node, ast.FunctionDef | ast.ClassDef | ast.Import | ast.ImportFrom | ast.AnnAssign
        )
        if droppable and not _is_docstring(node) and id(node) not in top_level:
            yield node, f"drop {type(node).__name__}"


def mutants(source: str, names: tuple[str, ...] | None) -> list[Mutant]:
    tree = ast.parse(source)
    return [
        Mutant(getattr(node, "lineno", 0), what, index)
        for index, (node, what) in enumerate(_candidates(tree, names))
    ]


class _Apply(ast.NodeTransformer):
    def __init__(self, target: ast.AST, what: str) -> None:
        self.target, self.what = target, what

    def visit(self, node: ast.AST) -> ast.AST:
        if node is not self.target:
            return super().visit(node)
        what = self.what
        if what.startswith("compare#"):
            k = int(what.split()[0].split("#")[1])
            node.ops[k] = COMPARE[type(node.ops[k])]()  # type: ignore[attr-defined]
        elif what.startswith(("binop", "augassign")):
            node.op = BINOP[type(node.op)]()  # type: ignore[attr-defined]
        elif what.startswith("boolop"):
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()  # type: ignore[attr-defined]
        elif what == "drop not":
            return node.operand  # type: ignore[attr-defined,no-any-return]
        elif what.startswith("constant"):
            node.value = node.value + 1  # type: ignore[attr-defined]
        elif what.startswith("drop"):
            return ast.copy_location(ast.Pass(), node)
        return node


def mutated_source(source: str, names: tuple[str, ...] | None, mutant: Mutant) -> str:
    tree = ast.parse(source)
    target, what = list(_candidates(tree, names))[mutant.index]
    assert what == mutant.what
    tree = _Apply(target, what).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


def run_tests(tests: tuple[str, ...]) -> bool:
    """True when the tests pass (run in a forked child with a fresh import of parktracker)."""
    pid = os.fork()
    if pid == 0:  # the child
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            sys.dont_write_bytecode = True
            for name in [m for m in sys.modules if m.startswith("parktracker")]:
                del sys.modules[name]
            import pytest

            code = pytest.main([*tests, "-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"])
            os._exit(int(code))
        except BaseException:
            os._exit(99)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) == 0
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return False  # timed out: killed


def run_target(name: str, limit: int | None) -> dict[str, object]:
    file, names, tests = TARGETS[name]
    path = ROOT / file
    original = path.read_text(encoding="utf-8")
    found = mutants(original, names)[:limit]
    survivors: list[str] = []
    started = time.monotonic()
    try:
        assert run_tests(tests), f"{name}: the tests fail on the real code"
        for mutant in found:
            path.write_text(mutated_source(original, names, mutant), encoding="utf-8")
            os.utime(path)  # a new mtime: never a stale .pyc
            if run_tests(tests):
                survivors.append(f"{file}:{mutant.line}: {mutant.what}")
                print(f"  SURVIVED {file}:{mutant.line}: {mutant.what}", flush=True)
    finally:
        path.write_text(original, encoding="utf-8")
        os.utime(path)
    seconds = round(time.monotonic() - started, 1)
    print(f"{name}: {len(found)} mutants, {len(survivors)} survived ({seconds} s)", flush=True)
    return {"mutants": len(found), "survivors": survivors, "seconds": seconds}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", default=list(TARGETS), choices=[[], *TARGETS])
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts/mutation.json")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    # Stopped with SIGTERM (or Ctrl+C): the finally blocks put the original file back.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    import pytest  # noqa: F401 - imported once, before the forks (not hypothesis: pytest
    # must import its plugin itself, or it warns, and warnings are errors here)

    if args.list:
        for name in args.targets:
            file, names, _tests = TARGETS[name]
            for m in mutants((ROOT / file).read_text(encoding="utf-8"), names):
                print(f"{file}:{m.line}: {m.what}")
        return 0
    report = {name: run_target(name, args.limit) for name in args.targets}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
