"""Exact cents that reproduce every printed figure: an integer program over the printed intervals.

Each printed figure is an interval on a sum of unknown cent amounts (bounds.py). The program keeps every
unknown near a natural-looking target (the printed euro plus deterministic pseudo-random cents) and
prefers exact zeros where a row prints 0. When the intervals cannot all hold, a deletion filter finds a
minimal set of conflicting figures and `proof` writes the argument out so a person can check it.
HiGHS searches in floating point; every amount is far below 2**53 cents, so its solution rounds to exact
integers, and those are checked against every interval in integer arithmetic before anything is written.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product

import numpy as np
from bounds import Bound, Problem, Var
from scipy.optimize import Bounds as VarBounds
from scipy.optimize import LinearConstraint, milp

SEED = "heinola-2024-q1"
WIDE = 10**11  # no unknown comes near a billion euros


def natural_targets(problem: Problem) -> dict[Var, int]:
    """Printed euros plus pseudo-random cents (never ,50), the same on every run."""
    rng = random.Random(SEED)
    return {var: problem.targets[var] + rng.randint(-44, 44) for var in problem.variables}


def _matrix(variables: Sequence[Var], bounds: Sequence[Bound]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    index = {var: i for i, var in enumerate(variables)}
    rows = [bound for bound in bounds if not bound.constant]
    matrix = np.zeros((len(rows), len(variables)))
    for r, bound in enumerate(rows):
        for var in bound.terms:
            matrix[r, index[var]] += 1
    return matrix, np.array([b.lo for b in rows], dtype=float), np.array([b.hi for b in rows], dtype=float)


def _box(problem: Problem, fix_zeros: bool) -> tuple[np.ndarray, np.ndarray]:
    """Bounds of each unknown: wide open, or exactly 0 where the cell prints 0 and zeros are asked for."""
    fixed = [fix_zeros and var in problem.zeros for var in problem.variables]
    return np.array([0 if f else -WIDE for f in fixed], float), np.array(
        [0 if f else WIDE for f in fixed], float
    )


def _run(
    problem: Problem, bounds: Sequence[Bound], objective: bool, fix_zeros: bool
) -> dict[Var, int] | None:
    """One integer program; None when infeasible. The float solution is rounded and checked in integers."""
    if any(not b.lo <= 0 <= b.hi for b in bounds if b.constant):
        return None
    matrix, lo, hi = _matrix(problem.variables, bounds)
    low, high = _box(problem, fix_zeros)
    if not objective:
        n = len(problem.variables)
        constraints = [LinearConstraint(matrix, lo, hi)]
        result = milp(
            np.zeros(n), constraints=constraints, integrality=np.ones(n), bounds=VarBounds(low, high)
        )
        return None if result.status != 0 else _rounded(problem.variables, result.x)
    return _natural(problem, (matrix, lo, hi), low, high)


def _natural(
    problem: Problem, system: tuple[np.ndarray, np.ndarray, np.ndarray], low: np.ndarray, high: np.ndarray
) -> dict[Var, int] | None:
    """Minimise the weighted distance to the natural targets: unknowns x, then d >= |x - target|."""
    matrix, lo, hi = system
    n = len(problem.variables)
    targets = natural_targets(problem)
    t = np.array([targets[v] for v in problem.variables], dtype=float)
    eye = np.eye(n)
    constraints = [
        LinearConstraint(np.hstack([matrix, np.zeros((len(lo), n))]), lo, hi),
        LinearConstraint(np.hstack([eye, -eye]), -np.inf, t),  # x - d <= t
        LinearConstraint(np.hstack([eye, eye]), t, np.inf),  # x + d >= t
    ]
    weights = np.array([1.0 + (i % 11) / 97 for i in range(n)])  # unequal weights make ties unlikely
    result = milp(
        np.concatenate([np.zeros(n), weights]),
        constraints=constraints,
        integrality=np.concatenate([np.ones(n), np.zeros(n)]),
        bounds=VarBounds(np.concatenate([low, np.zeros(n)]), np.concatenate([high, np.full(n, np.inf)])),
    )
    return None if result.status != 0 else _rounded(problem.variables, result.x[:n])


def _rounded(variables: Sequence[Var], values: Iterable[float]) -> dict[Var, int]:
    return {var: round(value) for var, value in zip(variables, values, strict=True)}


def satisfied(bound: Bound, cents: dict[Var, int]) -> bool:
    """Pure integer check of one figure."""
    return bound.lo <= sum(cents[var] for var in bound.terms) <= bound.hi


def feasible(problem: Problem, bounds: Sequence[Bound]) -> bool:
    return _run(problem, bounds, objective=False, fix_zeros=False) is not None


def minimal_conflict(problem: Problem, bounds: Sequence[Bound]) -> list[Bound]:
    """Deletion filter: drop each figure whose removal leaves the rest still infeasible."""
    kept = list(bounds)
    for bound in list(bounds):
        trial = [b for b in kept if b is not bound]
        if not feasible(problem, trial):
            kept = trial
    return kept


@dataclass(frozen=True)
class Solution:
    cents: dict[Var, int]
    conflicts: tuple[tuple[Bound, ...], ...]  # minimal conflicting sets, each relaxed by one figure
    relaxed: tuple[Bound, ...]  # the figures left out


def solve(problem: Problem, bounds: Sequence[Bound]) -> Solution:
    """Relax one figure of each minimal conflict until the rest holds, then choose natural amounts."""
    active = list(bounds)
    conflicts: list[tuple[Bound, ...]] = []
    relaxed: list[Bound] = []
    while not feasible(problem, active):
        conflict = minimal_conflict(problem, active)
        conflicts.append(tuple(conflict))
        relaxed.append(conflict[-1])
        active = [b for b in active if b is not conflict[-1]]
    cents = _run(problem, active, objective=True, fix_zeros=True)
    if cents is None:  # exact zeros are only a preference
        cents = _run(problem, active, objective=True, fix_zeros=False)
    assert cents is not None
    broken = [b.where for b in active if not satisfied(b, cents)]
    if broken:
        raise AssertionError(f"solver result fails the integer check at {broken}")
    return Solution(cents, tuple(conflicts), tuple(relaxed))


def proof(conflict: Sequence[Bound]) -> list[str]:
    """A checkable argument: signs s_i with sum s_i*E_i identically 0 while sum s_i*[lo_i, hi_i] misses 0."""
    lines = [f"- {b.where} prints {b.printed}: sum in [{b.lo}, {b.hi}] cents ({b.why})" for b in conflict]
    for signs in product((1, -1), repeat=len(conflict)):
        if signs[0] != 1:
            continue
        total: dict[Var, int] = {}
        for sign, bound in zip(signs, conflict, strict=True):
            for var in bound.terms:
                total[var] = total.get(var, 0) + sign
        if any(total.values()):
            continue
        lo = sum(b.lo if s > 0 else -b.hi for s, b in zip(signs, conflict, strict=True))
        hi = sum(b.hi if s > 0 else -b.lo for s, b in zip(signs, conflict, strict=True))
        if lo > 0 or hi < 0:
            combo = " ".join(f"{'+' if s > 0 else '-'}E{i + 1}" for i, s in enumerate(signs))
            lines.append(
                f"{combo} is identically 0, but the intervals give [{lo}, {hi}]: they cannot all hold."
            )
            return lines
    raise ValueError("no sign combination proves the conflict; it needs an integrality argument")
