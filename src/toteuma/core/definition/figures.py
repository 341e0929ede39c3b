"""A layout's figures: measures and the expressions derived from them, checked and ordered at load time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from toteuma.core.expressions import Expr, ExpressionError, Kind, Value, evaluate, kind_of, names, parse
from toteuma.core.measures import Measure
from toteuma.core.problems import Problem, problem

# The reference's derived figures; a layout's [figures] add to them or replace them by name.
DEFAULT_FIGURES: dict[str, Any] = {
    "remaining": "budget - tot",
    "pct": "percent(tot, budget, 0)",
    "overrun": {"expr": "max(0, budget - tot)", "turn": False},
    # The year-end forecast's (docs/forecasting.md): its deviation from the budget and its share of it.
    "forecast_deviation": "budget - forecast",
    "forecast_pct": "percent(forecast, budget, 0)",
}


@dataclass(frozen=True)
class Formula:
    name: str
    text: str
    expr: Expr
    kind: Kind
    turn: bool = True  # money printed turned around on cost lines where a table prints costs positive


@dataclass(frozen=True)
class Figures:
    """Every name a column may print: the measures, and the formulas in the order they can be computed."""

    measures: tuple[Measure, ...]
    formulas: tuple[Formula, ...]
    broken: frozenset[str] = frozenset()  # declared, but with a problem of their own (reported once)

    def __contains__(self, name: object) -> bool:
        return any(m.name == name for m in self.measures) or any(f.name == name for f in self.formulas)

    def formula(self, name: str) -> Formula | None:
        return next((item for item in self.formulas if item.name == name), None)

    def measure(self, name: str) -> Measure | None:
        return next((item for item in self.measures if item.name == name), None)

    def kind(self, name: str) -> Kind:
        found = self.formula(name)
        return found.kind if found else Kind.MONEY

    def turns(self, name: str) -> bool:
        found = self.formula(name)
        return found.turn if found else True

    def _reach(self, wanted: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The formulas the named figures use (themselves included) and the measures under them."""
        return _reach(self, tuple(wanted))

    def _walk(self, wanted: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
        formulas: set[str] = set()
        measures: set[str] = set()
        todo = list(wanted)
        while todo:
            name = todo.pop()
            formula = self.formula(name)
            if formula is None:
                measures.add(name)
            elif name not in formulas:
                formulas.add(name)
                todo.extend(names(formula.expr))
        return frozenset(formulas), frozenset(measures)

    def needs(self, wanted: Iterable[str]) -> frozenset[str]:
        """The measures the named figures are computed from (a measure needs itself)."""
        return self._reach(wanted)[1]

    def values(self, cents: Mapping[str, int], wanted: Iterable[str]) -> dict[str, Value]:
        """The named figures of one line from its measures' exact cents (a missing measure is 0)."""
        wanted = tuple(wanted)
        formulas, measures = self._reach(wanted)
        env: dict[str, Value] = {name: cents.get(name, 0) for name in measures}
        for formula in self.formulas:
            if formula.name in formulas:
                env[formula.name] = evaluate(formula.expr, env)
        return {name: env[name] for name in wanted}


@lru_cache(maxsize=256)
def _reach(figures: Figures, wanted: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Remembered per set of figures and names: a table asks the same for every line."""
    return figures._walk(wanted)


def _declared(raw: Any) -> tuple[str, bool]:
    if isinstance(raw, dict):
        return str(raw.get("expr", "")), bool(raw.get("turn", True))
    return str(raw), True


def compile_figures(
    declared: Mapping[str, Any], measures: Iterable[Measure], where: str = ""
) -> tuple[Figures, list[Problem]]:
    """The figures in an order where each comes after what it uses; unknown names, cycles, bad
    expressions and kinds that do not combine are problems, each located by `figures.NAME`."""
    measures = tuple(measures)
    known = {m.name for m in measures}
    parsed: dict[str, tuple[str, Expr, bool]] = {}
    problems: list[Problem] = []
    for name, raw in declared.items():
        text, turn = _declared(raw)
        if name in known:
            problems.append(_p("layout.duplicate-name", "message", where, name))
            continue
        try:
            parsed[name] = (text, parse(text), turn)
        except ExpressionError as exc:
            problems.append(_p("layout.expression", exc.text, where, name, **exc.params))
    for name, (_, expr, _) in parsed.items():
        for used in sorted(names(expr) - known - set(parsed) - set(declared)):
            problems.append(_p("layout.unknown-name", "figure", where, name, name=used))
    order, cycle = _order({name: names(expr) & set(parsed) for name, (_, expr, _) in parsed.items()})
    if cycle:
        problems.append(_p("layout.cycle", "figures", where, cycle[0], path=" → ".join(cycle)))
    formulas = _kinds(parsed, order, known, problems, where)
    broken = frozenset(declared) - {formula.name for formula in formulas}
    return Figures(measures, formulas, broken), problems


def _kinds(
    parsed: Mapping[str, tuple[str, Expr, bool]],
    order: list[str],
    known: set[str],
    problems: list[Problem],
    where: str,
) -> tuple[Formula, ...]:
    kinds: dict[str, Kind] = dict.fromkeys(known, Kind.MONEY)
    found = []
    for name in order:
        text, expr, turn = parsed[name]
        if not names(expr) <= set(kinds):
            continue  # an unknown name or a cycle, reported above
        try:
            kinds[name] = kind_of(expr, kinds)
        except ExpressionError as exc:
            problems.append(_p("layout.expression", exc.text, where, name, **exc.params))
            continue
        found.append(Formula(name, text, expr, kinds[name], turn))
    return tuple(found)


def _order(edges: Mapping[str, Iterable[str]]) -> tuple[list[str], list[str]]:
    """A topological order of the names outside any circle, and one circle (a path back to its start)."""
    waiting = {name: set(uses) & set(edges) for name, uses in edges.items()}
    done: list[str] = []
    while True:
        ready = sorted(name for name, uses in waiting.items() if not uses)
        if not ready:
            break
        for name in ready:
            done.append(name)
            del waiting[name]
        for uses in waiting.values():
            uses.difference_update(ready)
    if not waiting:
        return done, []
    path = [min(waiting)]
    while path.count(path[-1]) < 2:
        path.append(min(waiting[path[-1]]))
    return done, path[path.index(path[-1]) :]


def _p(code: str, text: str, where: str, figure: str, /, **params: Any) -> Problem:
    """A problem of the figure `figure`; messages name it as {figure} (a duplicate's as {name})."""
    values = {"name": figure, **params} if code == "layout.duplicate-name" else {"figure": figure, **params}
    return problem(code, text, file=where, column=f"figures.{figure}", **values)
