"""Tables of the presentation model from computed content: the one place where figures are rounded."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from toteuma.core.money import percent, round_euros
from toteuma.core.periods import Period
from toteuma.core.report import GoalEntry, InvestmentGroup, UnitRef
from toteuma.core.statement import REFERENCE_COLUMNS, Column, StatementLine
from toteuma.core.structure import LineKind, Summary
from toteuma.reports import labels
from toteuma.reports.model import CellFormat, ColumnSpec, Row, Table, Value

_ZERO_PCT = Decimal("0.00")


def printed_pct(value: Decimal) -> Decimal:
    """A percentage as printed: a result that rounds to zero is 0.00, never -0.00."""
    return _ZERO_PCT if value.is_zero() else value


def statement_columns(
    period: Period, columns: Sequence[Column] = REFERENCE_COLUMNS
) -> tuple[ColumnSpec, ...]:
    return tuple(
        ColumnSpec(
            column.value,
            labels.statement_label(column, period),
            CellFormat.PERCENT if column is Column.PCT else CellFormat.EUROS,
        )
        for column in columns
    )


def _cell(line: StatementLine, column: Column) -> tuple[Value, int | None]:
    if column is Column.PCT:
        return (None if line.pct is None else printed_pct(line.pct)), None
    cents = line.money[column]
    return round_euros(cents), cents


def _heading(label: str, width: int) -> Row:
    return Row(label, LineKind.HEADING, (None,) * width, (None,) * width)


def statement_row(line: StatementLine, columns: Sequence[ColumnSpec], label: str = "") -> Row:
    """One printed line; a heading has no figures."""
    if line.kind is LineKind.HEADING:
        return _heading(label or line.label, len(columns))
    cells = [_cell(line, Column(spec.key)) for spec in columns]
    return Row(
        label or line.label,
        line.kind,
        tuple(value for value, _ in cells),
        tuple(exact for _, exact in cells),
    )


def statement_table(
    table_id: str, title: str, unit: UnitRef, lines: Sequence[StatementLine], period: Period
) -> Table:
    """The visible lines of a statement, in structure order."""
    columns = statement_columns(period)
    rows = tuple(statement_row(line, columns) for line in lines if line.visible)
    return Table(table_id, "statement", title, unit, columns, rows, labels.LABEL_HEADER)


def council_table(unit: UnitRef, lines: Sequence[StatementLine], summary: Summary, period: Period) -> Table:
    """TULOT, MENOT and NETTO: the statement lines the summary names, whether or not they are visible."""
    columns = statement_columns(period)
    by_key = {line.key: line for line in lines}
    keys = (summary.tulot, summary.menot, summary.netto)
    kinds = (LineKind.ROW, LineKind.ROW, LineKind.SUBTOTAL)
    rows = tuple(
        _council_row(by_key[key], kind, label, columns)
        for key, kind, label in zip(keys, kinds, labels.COUNCIL_ROWS, strict=True)
    )
    return Table("council", "council", labels.SECTION_COUNCIL, unit, columns, rows, labels.LABEL_HEADER)


def _council_row(line: StatementLine, kind: LineKind, label: str, columns: Sequence[ColumnSpec]) -> Row:
    row = statement_row(line, columns, label)
    return Row(row.label, kind, row.values, row.exact)


_INVESTMENT_KEYS = ("tp_prev", "budget", "tot", "deviation", "pct")


def investments_table(unit: UnitRef, groups: Sequence[InvestmentGroup], period: Period) -> Table:
    """Per group a heading and its lines; Poikkeama = TA − TOT, Toteuma % = TOT / TA × 100."""
    names = labels.investment_labels(period)
    columns = tuple(
        ColumnSpec(key, names[key], CellFormat.PERCENT if key == "pct" else CellFormat.EUROS)
        for key in _INVESTMENT_KEYS
    )
    rows: list[Row] = []
    for group in groups:
        rows.append(_heading(group.name, len(columns)))
        for line in group.lines:
            exact = (line.tp_prev, line.budget, line.tot, line.deviation)
            values: tuple[Value, ...] = (
                *(round_euros(cents) for cents in exact),
                printed_pct(percent(line.tot, line.budget)),
            )
            kind = LineKind.SUBTOTAL if line.label == "Netto" else LineKind.ROW
            rows.append(Row(line.label, kind, values, (*exact, None)))
    return Table(
        "investments",
        "investments",
        labels.SECTION_INVESTMENTS,
        unit,
        columns,
        tuple(rows),
        labels.LABEL_HEADER,
    )


_GOAL_FORMATS = {
    "aim": CellFormat.LIST,
    "goals": CellFormat.LIST,
    "metrics": CellFormat.LIST,
    "responsible": CellFormat.TEXT,
    "realisation": CellFormat.PARAGRAPHS,
    "status": CellFormat.STATUS,
}
_BINDING_KEYS = ("aim", "goals", "realisation", "status")
_PLAN_KEYS = ("aim", "goals", "metrics", "responsible", "realisation", "status")


def goals_table(unit: UnitRef, entries: Sequence[GoalEntry], period: Period, *, binding: bool) -> Table:
    """One row per strategic aim: the aim is the row's label, its sub-aims the first column's value."""
    names = labels.goals_labels(period, binding=binding)
    keys = _BINDING_KEYS if binding else _PLAN_KEYS
    columns = tuple(ColumnSpec(key, names[key], _GOAL_FORMATS[key]) for key in keys)
    rows = tuple(_goal_row(entry, keys) for entry in entries)
    if binding:
        return Table("goals-binding", "goals", labels.TABLE_BINDING_GOALS, unit, columns, rows)
    return Table("goals-plan", "goals", labels.SECTION_PLAN_GOALS, unit, columns, rows)


def _goal_row(entry: GoalEntry, keys: Sequence[str]) -> Row:
    cells: dict[str, Value] = {
        "aim": _items(entry.sub_aims),
        "goals": _items(entry.goals),
        "metrics": _items(entry.metrics),
        "responsible": entry.responsible.strip(),
        "realisation": _items(entry.realisation),
        "status": labels.STATUS_WORDS[entry.status] if entry.status else None,
    }
    # An empty text or list is an empty cell, the same for every renderer.
    values = tuple(cells[key] or None for key in keys)
    return Row(entry.aim, LineKind.ROW, values, (None,) * len(keys))


def _items(lines: Sequence[str]) -> tuple[str, ...]:
    """The non-blank lines of a cell, trimmed (a blank line in a goals file is no item)."""
    return tuple(line.strip() for line in lines if line.strip())
