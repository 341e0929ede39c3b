"""Tables of the presentation model from computed content: the one place where figures are rounded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from toteuma.core.layout import Layout, LayoutColumn, Scale, figure_cents, percent_places, scaled
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.core.report import GoalEntry, InvestmentGroup, UnitRef
from toteuma.core.statement import Column, StatementLine
from toteuma.core.structure import LineKind, Summary
from toteuma.reports import labels
from toteuma.reports.i18n import Catalogue, catalogue
from toteuma.reports.model import CellFormat, ColumnSpec, Row, Table, Value

_MONEY_UNITS = {Scale.EUROS: "EUR", Scale.THOUSANDS: "1000 EUR"}


@dataclass(frozen=True)
class Frame:
    """What every table is built within: the period, the layout and the language."""

    period: Period
    layout: Layout = field(default_factory=lambda: Layout("reference"))
    cat: Catalogue = field(default_factory=catalogue)

    def money(self, cents: int) -> int:
        return scaled(cents, self.layout.scale)

    def pct(self, part: int, whole: int) -> Decimal:
        return percent_places(part, whole, self.layout.percent_decimals)

    def money_spec(self, key: str, label: str) -> ColumnSpec:
        return ColumnSpec(key, label, CellFormat.EUROS, _MONEY_UNITS[self.layout.scale])

    def pct_spec(self, key: str, label: str) -> ColumnSpec:
        return ColumnSpec(key, label, CellFormat.PERCENT, "%", self.layout.percent_decimals)


def statement_columns(frame: Frame) -> tuple[ColumnSpec, ...]:
    return tuple(_column_spec(column, frame) for column in frame.layout.columns)


def _column_spec(column: LayoutColumn, frame: Frame) -> ColumnSpec:
    label = labels.column_label(column, frame.period, frame.cat)
    if column.figure == Column.PCT.value:
        return frame.pct_spec(column.key, label)
    return frame.money_spec(column.key, label)


def _cell(line: StatementLine, column: ColumnSpec, frame: Frame) -> tuple[Value, int | None]:
    if column.format is CellFormat.PERCENT:
        return frame.pct(line.money[Column.TOT], line.money[Column.BUDGET]), None
    cents = figure_cents(line.money, column.key, frame.layout.remaining_sign)
    return frame.money(cents), cents


def _heading(label: str, width: int, key: str = "") -> Row:
    return Row(label, LineKind.HEADING, (None,) * width, (None,) * width, key)


def statement_row(line: StatementLine, columns: Sequence[ColumnSpec], frame: Frame, label: str = "") -> Row:
    """One printed line; a heading has no figures."""
    text = label or frame.cat.row(line.key, line.label)
    if line.kind is LineKind.HEADING:
        return _heading(text, len(columns), line.key)
    cells = [_cell(line, column, frame) for column in columns]
    return Row(text, line.kind, tuple(v for v, _ in cells), tuple(e for _, e in cells), line.key)


def statement_table(
    table_id: str, title: str, unit: UnitRef, lines: Sequence[StatementLine], frame: Frame
) -> Table:
    """The visible lines of a statement, in structure order."""
    columns = statement_columns(frame)
    rows = tuple(statement_row(line, columns, frame) for line in lines if line.visible)
    return Table(table_id, "statement", title, unit, columns, rows, frame.cat.text("label_header"))


def council_table(unit: UnitRef, lines: Sequence[StatementLine], summary: Summary, frame: Frame) -> Table:
    """TULOT, MENOT and NETTO (as the layout picks): the summary's lines, whether or not they are visible."""
    columns = statement_columns(frame)
    by_key = {line.key: line for line in lines}
    keys = {"tulot": summary.tulot, "menot": summary.menot, "netto": summary.netto}
    rows = []
    for name in frame.layout.council_rows:
        row = statement_row(by_key[keys[name]], columns, frame, frame.cat.get("council", name))
        kind = LineKind.SUBTOTAL if name == "netto" else LineKind.ROW
        rows.append(Row(row.label, kind, row.values, row.exact, name))
    title = frame.cat.get("sections", "council")
    return Table("council", "council", title, unit, columns, tuple(rows), frame.cat.text("label_header"))


_INVESTMENT_KEYS = ("tp_prev", "budget", "tot", "deviation", "pct")
NET_KEY = "netto"  # the investment group's net line, printed as a subtotal


def investments_table(unit: UnitRef, groups: Sequence[InvestmentGroup], frame: Frame) -> Table:
    """Per group a heading and its lines; Poikkeama = TA − TOT, Toteuma % = TOT / TA × 100."""
    names = labels.investment_labels(frame.period, frame.cat)
    columns = tuple(
        frame.pct_spec(key, names[key]) if key == "pct" else frame.money_spec(key, names[key])
        for key in _INVESTMENT_KEYS
    )
    rows: list[Row] = []
    for group in groups:
        rows.append(_heading(group.name, len(columns)))
        for line in group.lines:
            exact = (line.tp_prev, line.budget, line.tot, line.deviation)
            values: tuple[Value, ...] = (*(frame.money(c) for c in exact), frame.pct(line.tot, line.budget))
            kind = LineKind.SUBTOTAL if line.key == NET_KEY else LineKind.ROW
            label = frame.cat.get("investments", line.key)
            rows.append(Row(label, kind, values, (*exact, None), line.key))
    title = frame.cat.get("sections", "investments")
    return Table(
        "investments", "investments", title, unit, columns, tuple(rows), frame.cat.text("label_header")
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


def goals_table(unit: UnitRef, entries: Sequence[GoalEntry], frame: Frame, *, binding: bool) -> Table:
    """One row per strategic aim: the aim is the row's label, its sub-aims the first column's value."""
    names = labels.goals_labels(frame.period, binding=binding, cat=frame.cat)
    keys = _BINDING_KEYS if binding else _PLAN_KEYS
    columns = tuple(ColumnSpec(key, names[key], _GOAL_FORMATS[key]) for key in keys)
    words = labels.status_words(frame.cat)
    rows = tuple(_goal_row(entry, keys, _status_word(entry, words, frame)) for entry in entries)
    if binding:
        title = frame.cat.get("sections", "binding-goals-table")
        return Table("goals-binding", "goals", title, unit, columns, rows)
    return Table("goals-plan", "goals", frame.cat.get("sections", "plan-goals"), unit, columns, rows)


def _status_word(entry: GoalEntry, words: dict[GoalStatus, str], frame: Frame) -> str | None:
    """The status word; one carried from an earlier period says when it was given (decisions.md, 45)."""
    if entry.status is None:
        return None
    if entry.assessed and entry.assessed != str(frame.period):
        month, year = int(entry.assessed[5:]), entry.assessed[:4]
        return f"{words[entry.status]} ({frame.cat.text('assessed_at', period=f'{month}/{year}')})"
    return words[entry.status]


def _goal_row(entry: GoalEntry, keys: Sequence[str], status: str | None) -> Row:
    cells: dict[str, Value] = {
        "aim": _items(entry.sub_aims),
        "goals": _items(entry.goals),
        "metrics": _items(entry.metrics),
        "responsible": entry.responsible.strip(),
        "realisation": _items(entry.realisation),
        "status": status,
    }
    # An empty text or list is an empty cell, the same for every renderer.
    values = tuple(cells[key] or None for key in keys)
    return Row(entry.aim, LineKind.ROW, values, (None,) * len(keys))


def _items(lines: Sequence[str]) -> tuple[str, ...]:
    """The non-blank lines of a cell, trimmed (a blank line in a goals file is no item)."""
    return tuple(line.strip() for line in lines if line.strip())
