"""Small report contents under a layout, and their tables as plain tuples, for cell-by-cell comparisons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from toteuma.core.definition import Definition, load_definition
from toteuma.core.periods import Period
from toteuma.core.report import ReportContent, UnitRef, UnitStatement
from toteuma.core.statement import LineValues, Statement, compute_statement
from toteuma.reports.model import Document, Table
from toteuma.reports.presentation import build_document

SECTOR = UnitRef("1000", "Sektori")

Rows = Mapping[str, Mapping[str, int]]  # row -> measure -> cents


def values(**cents: int) -> LineValues:
    """A row's measures (cents), each made by one line (so the row has activity)."""
    if "budget" not in cents and ("budget_original" in cents or "amendments" in cents):
        cents["budget"] = cents.get("budget_original", 0) + cents.get("amendments", 0)
    return LineValues(dict(cents), dict.fromkeys(cents, 1))


def statement(definition: Definition, rows: Mapping[str, LineValues]) -> Statement:
    return compute_statement(definition.structure, rows)


def content(
    definition: Definition,
    rows: Mapping[str, LineValues],
    period: Period,
    areas: tuple[tuple[UnitRef, Mapping[str, LineValues], int], ...] = (),
    **extra: Any,
) -> ReportContent:
    """The sector's statement from `rows`, each area's from its own rows (unit, rows, depth)."""
    own = statement(definition, rows)
    return ReportContent(
        title="",
        period=period,
        unit=SECTOR,
        municipality="Kunta",
        summary=definition.structure.summary,
        statement=UnitStatement(SECTOR, own, depth=0),
        areas=tuple(
            UnitStatement(unit, statement(definition, lines), depth=depth) for unit, lines, depth in areas
        ),
        **extra,
    )


def document(definition: Definition | str, item: ReportContent, lang: str = "fi") -> Document:
    chosen = load_definition(definition) if isinstance(definition, str) else definition
    return build_document(item, chosen, lang)


def table(found: Document, table_id: str) -> Table:
    return next(item for item in found.tables if item.id == table_id)


def cells(found: Table) -> list[tuple[object, ...]]:
    """Each row as (label, kind, depth, *values): what a reader sees, cell by cell."""
    return [(row.label, row.kind.value, row.depth, *row.values) for row in found.rows]


def headers(found: Table) -> list[str]:
    return [column.label for column in found.columns]


def with_values(definition: Definition, **changes: Any) -> Definition:
    return replace(definition, **changes)
