"""Generate the Heinola 2024-Q1 example data: exact cents that reproduce every printed figure of the
reference, spread into a ledger, a budget workbook and the other input files. Byte-identical on every run.

    .venv/bin/python examples/heinola-2024-q1/generate.py [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from bounds import Model
from budget import budget_lines
from capital import investment_lines
from chart import account_rows, investment_rows, unit_rows
from check import mismatches
from figures import AREAS, PrintedTable, read_tables
from ledger import Line, row_lines, zero_pairs
from solve import Solution, proof, solve
from texts import commentary_rows, goal_rows, load, metric_rows
from writers import write_budget, write_csv, write_goals, write_ledger

from toteuma.core.mapping import load_mapping
from toteuma.core.statement import RowFigures
from toteuma.core.structure import load_structure

HERE = Path(__file__).parent
START, END = "<!-- contradictions:start -->", "<!-- contradictions:end -->"


def figures_of(model: Model, cents: dict[tuple[str, str, str], int]) -> dict[str, dict[str, RowFigures]]:
    """RowFigures per area and row from the solved cents and the printed budgets (report sign)."""
    return {
        area: {
            row: RowFigures(
                tp_prev=cents[area, row, "tp_prev"],
                tot_prev=cents[area, row, "tot_prev"],
                budget_original=model.budget[area, row],
                tot=cents[area, row, "tot"],
                active=True,
            )
            for row in model.rows[area]
        }
        for area in AREAS
    }


def ledger(model: Model, cents: dict[tuple[str, str, str], int]) -> list[Line]:
    lines = [line for area in AREAS for row in model.rows[area] for line in row_lines(cents, area, row)]
    lines += zero_pairs()
    own_work = next(line for line in lines if line.account == 3710)
    return lines + investment_lines(cents, own_work)


def contradiction_text(solution: Solution, figures: int) -> str:
    if not solution.conflicts:
        return f"None: all {figures} printed figures hold at once (checked by the generator on every run).\n"
    parts = []
    for number, conflict in enumerate(solution.conflicts, start=1):
        parts.append(f"{number}. Relaxed: {solution.relaxed[number - 1].where}\n")
        parts.extend(f"   {line}\n" for line in proof(conflict))
    return "".join(parts)


def update_readme(out: Path, text: str) -> None:
    """Rewrite the contradictions block of the README, when the output folder has one."""
    readme = out / "README.md"
    if not readme.exists():
        return
    content = readme.read_text("utf-8")
    head, rest = content.split(START, 1)
    _old, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{text}{END}{tail}", "utf-8")


def cents_rows(cents: dict[tuple[str, str, str], int]) -> Iterable[list[str]]:
    yield ["Yksikkö", "Rivi", "Sarake", "Sentit"]
    for (area, row, column), value in cents.items():
        yield [area, row or "Irtain omaisuus", column, str(value)]


def solved(model: Model, tables: dict[str, PrintedTable]) -> tuple[Solution, int]:
    """Exact cents for every cell, checked against every printed figure; and how many figures there are."""
    bounds = model.bounds()
    solution = solve(model.problem(), bounds)
    cents = solution.cents
    investments = (cents["inv", "", "tp_prev"], model.investment_budget, cents["inv", "", "tot"])
    skip = {bound.where for bound in solution.relaxed}
    wrong = mismatches(model.structure, tables, figures_of(model, cents), investments, skip)
    if wrong:
        raise SystemExit("the solved cents do not give the printed figures:\n" + "\n".join(wrong))
    return solution, sum(len(line.values) for table in tables.values() for line in table.lines)


def main(out: Path) -> None:
    structure = load_structure()
    tables = read_tables()
    model = Model(structure, tables)
    solution, printed = solved(model, tables)
    cents = solution.cents
    mapping = load_mapping(row_keys=structure.row_keys)
    accounts_row = {int(row[0]): mapping.row_of(int(row[0])) or "" for row in account_rows()[1:]}
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "units.csv", unit_rows())
    write_csv(out / "accounts.csv", account_rows())
    write_csv(out / "investments.csv", investment_rows())
    lines = ledger(model, cents)
    write_ledger(out, lines)
    printed_budget = {(area, row): model.budget[area, row] for area in AREAS for row in model.rows[area]}
    write_budget(out / "budget-2024.xlsx", budget_lines(printed_budget, accounts_row))
    data = load()
    write_goals(out / "goals.xlsx", goal_rows(data))
    write_csv(out / "commentary.csv", commentary_rows(data))
    write_csv(out / "metrics.csv", metric_rows(data))
    write_csv(out / "reference-cents.csv", cents_rows(cents))
    update_readme(out, contradiction_text(solution, printed))
    print(f"{len(lines)} ledger lines, {printed} printed figures, {len(solution.conflicts)} contradictions")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (default: this folder)")
    main(parser.parse_args().out)
    sys.exit(0)
