"""The layout's figure tables: a unit's statement, the council table, the summary per unit, amendments.

Each cell is a measure or a layout figure of one statement line, computed from the line's exact
measures (core/definition/figures.py) and rounded once by the Frame, as the table's settings say:
scale, decimals, sign convention, blank zeros, visible rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from toteuma.core.definition import ColumnDef, LinePick, Sign, TableDef, label_in
from toteuma.core.definition.columns import line_is_bold
from toteuma.core.expressions import Kind, Value
from toteuma.core.report import UnitRef, UnitStatement
from toteuma.core.statement import LineValues, Statement, StatementLine, visible_keys
from toteuma.core.structure import LineKind
from toteuma.reports import labels
from toteuma.reports.model import ColumnSpec, Row, Table
from toteuma.reports.model import Value as Printed
from toteuma.reports.tables import Frame, heading, round_fraction


def column_specs(table: TableDef, frame: Frame) -> tuple[ColumnSpec, ...]:
    return tuple(_spec(column, table, frame) for column in table.columns)


def statement_columns(frame: Frame, kind: str = "statement") -> tuple[ColumnSpec, ...]:
    """The columns a kind of table prints, as the frame's layout sets them."""
    return column_specs(frame.definition.table(kind), frame)


def _spec(column: ColumnDef, table: TableDef, frame: Frame) -> ColumnSpec:
    label = labels.column_label(column, frame.period, frame.cat)
    group = labels.group_label(column, frame.period, frame.cat)
    if frame.definition.figures.kind(column.figure) is Kind.PERCENT:
        spec = frame.pct_spec(column.key, label, table, group)
    else:
        spec = frame.money_spec(column.key, label, table, group)
    decimals = spec.decimals if column.decimals is None else column.decimals
    return ColumnSpec(
        spec.key, spec.label, spec.format, spec.unit, decimals, spec.group, column.line, table.empty_mark
    )


def _cells(
    values: LineValues, costs: bool, table: TableDef, specs: Sequence[ColumnSpec], frame: Frame
) -> tuple[tuple[Printed, ...], tuple[int | None, ...]]:
    """A line's printed values and exact cents, column by column."""
    figures = frame.definition.figures
    found = figures.values(values.cents, [column.figure for column in table.columns])
    printed: list[Printed] = []
    exact: list[int | None] = []
    for column, spec in zip(table.columns, specs, strict=True):
        value, cents = _cell(found[column.figure], column, costs, table, spec, frame)
        printed.append(value)
        exact.append(cents)
    return tuple(printed), tuple(exact)


def _cell(
    value: Value, column: ColumnDef, costs: bool, table: TableDef, spec: ColumnSpec, frame: Frame
) -> tuple[Printed, int | None]:
    figures = frame.definition.figures
    if value is None:
        return None, None
    if figures.kind(column.figure) is Kind.PERCENT:
        return round_fraction(Fraction(value), spec.decimals), None
    cents = int(value)
    if table.sign is Sign.COSTS_POSITIVE and costs and figures.turns(column.figure):
        cents = -cents
    if cents == 0 and table.blank_zero:
        return None, 0
    return frame.money_round(cents, table, spec.decimals), cents


def _row(
    line: StatementLine,
    table: TableDef,
    specs: Sequence[ColumnSpec],
    frame: Frame,
    pick: LinePick | None = None,
) -> Row:
    label = (label_in(pick.labels, frame.cat.lang) if pick else None) or frame.cat.row(line.key, line.label)
    key = pick.key if pick else line.key
    if line.kind is LineKind.HEADING:
        return heading(label, len(specs), key, line.depth)
    values, exact = _cells(line.values, line.costs, table, specs, frame)
    bold = line_is_bold(pick, frame.definition.structure) if pick else line.kind is LineKind.SUBTOTAL
    return Row(label, LineKind.SUBTOTAL if bold else LineKind.ROW, values, exact, key, line.depth)


def shown_keys(statement: Statement, table: TableDef, frame: Frame) -> set[str]:
    """The lines the table prints by its rows rule (decision 3), over the measures it prints."""
    needs = frame.definition.figures.needs(table.figures())
    specs = column_specs(table, frame)

    def shown(line: StatementLine) -> bool:
        if table.rows.value == "always":
            return True
        if table.rows.value == "activity":
            return line.values.active(needs)
        _, exact = _cells(line.values, line.costs, table, specs, frame)
        return any(cents for cents in exact if cents is not None)

    lines = {line.key: line for line in statement.lines}
    return visible_keys(frame.definition.structure, lines, shown, table.visibility)


def statement_table(
    table_id: str, title: str, unit: UnitRef, statement: Statement, frame: Frame, kind: str = "statement"
) -> Table:
    """The visible lines of a statement: the structure's, or those the table picks, in order."""
    table = frame.definition.table(kind)
    specs = column_specs(table, frame)
    keep = shown_keys(statement, table, frame)
    if table.lines:
        rows = tuple(
            _row(statement.line(p.line), table, specs, frame, p) for p in table.lines if p.line in keep
        )
    else:
        rows = tuple(_row(line, table, specs, frame) for line in statement.lines if line.key in keep)
    header = frame.cat.text("label_header")
    return Table(
        table_id, "statement", frame.title(table, title, unit), unit, specs, rows, header, frame.note(table)
    )


def council_table(unit: UnitRef, statement: Statement, frame: Frame) -> Table:
    """TULOT, MENOT and NETTO (or the layout's own rows), whether or not the statement shows them."""
    table = frame.definition.table("council")
    specs = column_specs(table, frame)
    rows = []
    for pick in table.lines:
        own = label_in(pick.labels, frame.cat.lang)
        label = own or (frame.cat.get("council", pick.key) if frame.cat.has("council", pick.key) else "")
        row = _row(statement.line(pick.line), table, specs, frame, pick)
        rows.append(Row(label or row.label, row.kind, row.values, row.exact, pick.key))
    title = frame.title(table, frame.cat.get("sections", "council"), unit)
    header = frame.cat.text("label_header")
    return Table("council", "council", title, unit, specs, tuple(rows), header, frame.note(table))


def _line_of(column: ColumnDef, frame: Frame) -> str:
    return column.line or frame.definition.structure.summary.netto


def _unit_row(
    label: str,
    key: str,
    lines: Mapping[str, LineValues],
    table: TableDef,
    specs: Sequence[ColumnSpec],
    frame: Frame,
    bold: bool = False,
) -> Row:
    """A row of a table whose columns each take a figure of their own line."""
    printed, exact = [], []
    structure = frame.definition.structure
    for column, spec in zip(table.columns, specs, strict=True):
        line = _line_of(column, frame)
        one = TableDef(**{**table.__dict__, "columns": (column,)})
        values, cents = _cells(lines.get(line, LineValues()), structure.line(line).costs, one, (spec,), frame)
        printed.append(values[0])
        exact.append(cents[0])
    return Row(label, LineKind.SUBTOTAL if bold else LineKind.ROW, tuple(printed), tuple(exact), key)


def _lines(statement: Statement) -> dict[str, LineValues]:
    return {line.key: line.values for line in statement.lines}


def summary_table(unit: UnitRef, units: Sequence[UnitStatement], own: Statement, frame: Frame) -> Table:
    """One row per unit and a total: the rows' measures added, or the report's unit itself."""
    table = frame.definition.table("summary")
    specs = column_specs(table, frame)
    rows = [
        _unit_row(item.unit.name, item.unit.code, _lines(item.statement), table, specs, frame)
        for item in units
    ]
    if table.total != "none":
        total = _lines(own) if table.total == "unit" else _added([_lines(item.statement) for item in units])
        rows.append(_unit_row(frame.cat.text("total"), "total", total, table, specs, frame, bold=True))
    title = frame.title(table, frame.cat.get("sections", "summary"), unit)
    header = frame.cat.text("label_header")
    return Table("summary", "summary", title, unit, specs, tuple(rows), header, frame.note(table))


def _added(items: Sequence[Mapping[str, LineValues]]) -> dict[str, LineValues]:
    found: dict[str, LineValues] = {}
    for lines in items:
        for key, values in lines.items():
            found[key] = found.get(key, LineValues()) + values
    return found
