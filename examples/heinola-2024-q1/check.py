"""Recompute every printed figure from exact cents the way toteuma does, and list what differs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from figures import AREAS, COUNCIL_LINES, SECTOR, PrintedTable, statement_tables

from toteuma.core.money import percent, round_euros
from toteuma.core.statement import Column, RowFigures, Statement, compute_statement
from toteuma.core.structure import LineKind, Structure

Figures = Mapping[str, Mapping[str, RowFigures]]  # area -> row key -> figures (report sign)


def statements(structure: Structure, figures: Figures) -> dict[str, Statement]:
    """The sector's and every area's statement; the sector's rows are the exact sums of its areas'."""
    found = {area: compute_statement(structure, figures[area]) for area in AREAS}
    sector: dict[str, RowFigures] = {}
    for area in AREAS:
        for key, row in figures[area].items():
            sector[key] = sector.get(key, RowFigures()) + row
    found[SECTOR] = compute_statement(structure, sector)
    return found


def _printed(statement: Statement, key: str, column: str) -> int | Decimal:
    line = statement.line(key)
    value = line.value(Column(column))
    assert value is not None
    return value if column == "pct" else round_euros(int(value))


def statement_mismatches(table: PrintedTable, statement: Statement, skip: set[str]) -> Iterator[str]:
    visible = [(line.label, line.kind.value) for line in statement.visible_lines]
    printed = [(line.label, line.kind) for line in table.lines]
    if visible != printed:
        yield f"{table.id}: lines {visible} but the reference prints {printed}"
        return
    for line, shown in zip(table.lines, statement.visible_lines, strict=True):
        if shown.kind is LineKind.HEADING:
            continue
        for column, value in line.values.items():
            if line.where(column) not in skip and _printed(statement, shown.key, column) != value:
                yield f"{line.where(column)}: {_printed(statement, shown.key, column)} != printed {value}"


def mismatches(
    structure: Structure,
    tables: Mapping[str, PrintedTable],
    figures: Figures,
    investments: tuple[int, int, int],
    skip: set[str],
) -> list[str]:
    """Every printed figure that the exact amounts do not give, apart from `skip` (proven contradictions)."""
    computed = statements(structure, figures)
    found: list[str] = []
    for table in statement_tables(dict(tables)):
        found.extend(statement_mismatches(table, computed[table.unit], skip))
    for line in tables["council"].lines:
        for column, value in line.values.items():
            actual = _printed(computed[SECTOR], COUNCIL_LINES[line.label], column)
            if line.where(column) not in skip and actual != value:
                found.append(f"{line.where(column)}: {actual} != printed {value}")
    found.extend(investment_mismatches(tables["investments"], investments, skip))
    return found


def investment_mismatches(
    table: PrintedTable, figures: tuple[int, int, int], skip: set[str]
) -> Iterator[str]:
    """figures: (TP 2023, TA 2024, Toteuma 1-3) in report sign cents."""
    tp_prev, budget, tot = figures
    computed = {
        "tp_prev": round_euros(tp_prev),
        "budget": round_euros(budget),
        "tot": round_euros(tot),
        "deviation": round_euros(budget - tot),
        "pct": percent(tot, budget),
    }
    for line in table.lines[1:]:
        for column, value in line.values.items():
            if line.where(column) not in skip and computed[column] != value:
                yield f"{line.where(column)}: {computed[column]} != printed {value}"
