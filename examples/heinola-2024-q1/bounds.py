"""Every printed figure as an exact interval on a sum of unknown cent amounts (the solver's constraints)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import ceil, floor

from figures import AREAS, COUNCIL_LINES, SECTOR, PrintedLine, PrintedTable, statement_tables

from toteuma.core.structure import LineKind, Structure

# An unknown: (area, row key, column) in report sign, exact cents; the investments use area "inv".
Var = tuple[str, str, str]
ACTUALS = ("tp_prev", "tot_prev", "tot")
INVESTMENTS = "inv"
# Half a euro is avoided on purpose: a printed euro v is met by v*100-49 ... v*100+49 cents.
SLACK = 49


@dataclass(frozen=True)
class Bound:
    """One printed figure: lo <= sum(terms) <= hi. Without terms it is a check on known budget amounts."""

    where: str
    printed: str
    terms: tuple[Var, ...]
    lo: int
    hi: int
    why: str = ""

    @property
    def constant(self) -> bool:
        return not self.terms


def euro_interval(euros: int) -> tuple[int, int]:
    return euros * 100 - SLACK, euros * 100 + SLACK


def pct_interval(pct: Decimal, budget: int) -> tuple[int, int]:
    """Cents X with round_half_away(X / budget x 100, 2) == pct; both ends of the half-open range left out."""
    hundredths = int(pct * 100)
    ends = sorted(Fraction((2 * hundredths + side) * budget, 20000) for side in (-1, 1))
    return floor(ends[0]) + 1, ceil(ends[1]) - 1


def leaves(structure: Structure, key: str) -> tuple[str, ...]:
    line = structure.line(key)
    if line.kind is LineKind.ROW:
        return (key,)
    return tuple(leaf for part in line.sum for leaf in leaves(structure, part))


@dataclass(frozen=True)
class Problem:
    variables: tuple[Var, ...]
    targets: dict[Var, int]  # the printed euro of the unknown's own cell, in cents
    zeros: frozenset[Var]  # unknowns whose own cell prints 0: exactly 0 is preferred


class Model:
    """The printed tables, the rows each area prints, and the budget those rows define."""

    def __init__(self, structure: Structure, tables: dict[str, PrintedTable]) -> None:
        self.structure = structure
        self.tables = tables
        self.keys = {line.label: line.key for line in structure.lines}
        self.rows: dict[str, tuple[str, ...]] = {}
        self.budget: dict[tuple[str, str], int] = {}
        for code in AREAS:
            printed = [line for line in tables[f"statement-{code}"].lines if line.kind == "row"]
            self.rows[code] = tuple(self.keys[line.label] for line in printed)
            for line in printed:
                self.budget[code, self.keys[line.label]] = int(line.values["budget"]) * 100
        investments = tables["investments"].lines[1]
        self.investment_budget = int(investments.values["budget"]) * 100

    def problem(self) -> Problem:
        """The unknowns, each aimed at the printed euro of its own cell; printed zeros preferred exact."""
        labels = {line.key: line.label for line in self.structure.lines}
        targets: dict[Var, int] = {}
        for var in self.variables():
            area, row, column = var
            if area == INVESTMENTS:
                line = self.tables["investments"].lines[1]
            else:
                line = next(x for x in self.tables[f"statement-{area}"].lines if x.label == labels[row])
            targets[var] = int(line.values[column]) * 100
        zeros = frozenset(var for var, cents in targets.items() if cents == 0 and var[0] != INVESTMENTS)
        return Problem(tuple(targets), targets, zeros)

    def variables(self) -> list[Var]:
        found = [(area, row, column) for area in AREAS for row in self.rows[area] for column in ACTUALS]
        return [*found, (INVESTMENTS, "", "tp_prev"), (INVESTMENTS, "", "tot")]

    def cells(self, unit: str, key: str) -> list[tuple[str, str]]:
        """The (area, row) cells a line of a unit's statement adds up."""
        areas = AREAS if unit == SECTOR else (unit,)
        return [(a, row) for a in areas for row in leaves(self.structure, key) if row in self.rows[a]]

    def bounds(self) -> list[Bound]:
        found: list[Bound] = []
        for table in statement_tables(self.tables):
            for line in table.lines:
                if line.kind != "heading":
                    found.extend(self._line_bounds(line, table.unit, self.keys[line.label]))
        for line in self.tables["council"].lines:
            found.extend(self._line_bounds(line, SECTOR, COUNCIL_LINES[line.label]))
        for line in self.tables["investments"].lines[1:]:
            found.extend(self._investment_bounds(line))
        return found

    def _line_bounds(self, line: PrintedLine, unit: str, key: str) -> Iterator[Bound]:
        cells = self.cells(unit, key)
        budget = sum(self.budget.get(cell, 0) for cell in cells)
        for column in ACTUALS:
            terms = tuple((a, row, column) for a, row in cells)
            yield Bound(
                line.where(column), _show(line, column), terms, *euro_interval(int(line.values[column]))
            )
        tot = tuple((a, row, "tot") for a, row in cells)
        defines_budget = unit != SECTOR and line.kind == "row"
        if not defines_budget:
            yield _known(line, "budget", budget, int(line.values["budget"]))
        yield from _tot_bounds(line, tot, budget, "remaining")

    def _investment_bounds(self, line: PrintedLine) -> Iterator[Bound]:
        for column in ("tp_prev", "tot"):
            terms = ((INVESTMENTS, "", column),)
            yield Bound(
                line.where(column), _show(line, column), terms, *euro_interval(int(line.values[column]))
            )
        if line.label != "Menot":
            yield _known(line, "budget", self.investment_budget, int(line.values["budget"]))
        yield from _tot_bounds(line, ((INVESTMENTS, "", "tot"),), self.investment_budget, "deviation")


def _show(line: PrintedLine, column: str) -> str:
    value = line.values[column]
    return f"{value:.2f}".replace(".", ",") if column == "pct" else f"{value:,}".replace(",", " ")


def _known(line: PrintedLine, column: str, cents: int, euros: int) -> Bound:
    """A check on an amount that the printed row budgets fix: the sum must print as printed."""
    lo, hi = euro_interval(euros)
    why = f"the rows' printed budgets add up to {cents / 100:.0f}"
    return Bound(line.where(column), _show(line, column), (), lo - cents, hi - cents, why)


def _tot_bounds(line: PrintedLine, tot: tuple[Var, ...], budget: int, remaining: str) -> Iterator[Bound]:
    """Jäljellä/Poikkeama = budget - TOT and TOT-% = TOT / budget, both as intervals on TOT."""
    lo, hi = euro_interval(int(line.values[remaining]))
    yield Bound(
        line.where(remaining), _show(line, remaining), tot, budget - hi, budget - lo, f"budget {budget} cents"
    )
    pct = Decimal(line.values["pct"])
    if budget == 0:
        ok = 0 if pct == 0 else 1
        yield Bound(line.where("pct"), _show(line, "pct"), (), ok, ok, "budget 0 prints 0,00")
    else:
        yield Bound(
            line.where("pct"), _show(line, "pct"), tot, *pct_interval(pct, budget), f"of {budget} cents"
        )
