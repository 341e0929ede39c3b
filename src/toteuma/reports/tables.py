"""Tables of the presentation model from computed content: the one place where figures are rounded.

`Frame` carries what every table is built within (period, layout, language) and rounds: money from
exact cents to the table's scale and decimals, percentages from exact fractions, half away from zero.
Goal and investment tables live here; the layout's figure tables in reports/figure_tables.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cache

from toteuma.core.definition import Definition, Scale, TableDef, label_in, load_definition
from toteuma.core.definition.model import SCALE_DIVISORS
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.core.report import GoalEntry, InvestmentGroup, UnitRef
from toteuma.core.structure import LineKind
from toteuma.reports import labels
from toteuma.reports.i18n import Catalogue, catalogue
from toteuma.reports.model import CellFormat, ColumnSpec, Row, Table, Value

MONEY_UNITS = {
    Scale.CENTS: "EUR",
    Scale.EUROS: "EUR",
    Scale.THOUSANDS: "1000 EUR",
    Scale.MILLIONS: "1000000 EUR",
}
UNITS_NOTES = {
    Scale.CENTS: "figures_in_cents",
    Scale.EUROS: "figures_in",
    Scale.THOUSANDS: "figures_in_thousands",
    Scale.MILLIONS: "figures_in_millions",
}


@cache
def default_definition() -> Definition:
    return load_definition(None)


def round_fraction(value: Fraction, places: int) -> Decimal:
    """The exact value rounded once to `places` decimals, half away from zero (never -0)."""
    scaled = value * 10**places
    whole, rest = divmod(abs(scaled.numerator), scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    return Decimal(whole if scaled >= 0 else -whole).scaleb(-places)


def round_money(cents: int, scale: Scale, decimals: int) -> int | Decimal:
    """Cents in the scale's unit with `decimals` places: an int when whole, else a Decimal."""
    unit, step = SCALE_DIVISORS[scale], 10**decimals
    if unit % step:  # finer than a cent: exactly, through a fraction
        return round_fraction(Fraction(cents, unit), decimals)
    whole, rest = divmod(abs(cents), unit // step)  # integers only: the common case, and fast
    whole += 2 * rest >= unit // step
    signed = whole if cents >= 0 else -whole
    return signed if decimals == 0 else Decimal(signed).scaleb(-decimals)


@dataclass(frozen=True)
class Frame:
    """What every table is built within: the period, the layout and the language."""

    period: Period
    definition: Definition = field(default_factory=default_definition)
    cat: Catalogue = field(default_factory=catalogue)

    @property
    def layout(self) -> Definition:
        return self.definition

    def money(self, cents: int, table: TableDef | None = None) -> int | Decimal:
        chosen = table or self.definition.table("statement")
        return round_money(cents, chosen.scale, chosen.decimals)

    def money_round(self, cents: int, table: TableDef, decimals: int) -> int | Decimal:
        return round_money(cents, table.scale, decimals)

    def pct(self, part: int, whole: int, table: TableDef | None = None) -> Decimal:
        """part / whole × 100 rounded once from the exact cents; 0 when whole is 0 (the reference's)."""
        places = (table or self.definition.table("statement")).percent_decimals
        return round_fraction(Fraction(part * 100, whole) if whole else Fraction(0), places)

    def money_spec(self, key: str, label: str, table: TableDef | None = None, group: str = "") -> ColumnSpec:
        chosen = table or self.definition.table("statement")
        return ColumnSpec(key, label, CellFormat.EUROS, MONEY_UNITS[chosen.scale], chosen.decimals, group)

    def pct_spec(self, key: str, label: str, table: TableDef | None = None, group: str = "") -> ColumnSpec:
        places = (table or self.definition.table("statement")).percent_decimals
        return ColumnSpec(key, label, CellFormat.PERCENT, "%", places, group)

    def title(self, table: TableDef, default: str, unit: UnitRef | None = None) -> str:
        """The table's own title in the language, filled in: the period's placeholders, {area}, and
        {name} for the unit the table is of; else `default`. An unknown placeholder stays as written."""
        own = label_in(table.title, self.cat.lang)
        if not own:
            return default
        values = {**self.cat.words(), **self.cat.period_values(self.period)}
        return own.format_map(_Kept({**values, "name": unit.name if unit else ""}))

    def note(self, table: TableDef) -> str:
        """The table's unit, when it differs from the document's (the statement table's)."""
        own = self.definition.table("statement").scale
        return "" if table.scale is own else self.cat.text(UNITS_NOTES[table.scale])


class _Kept(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def heading(label: str, width: int, key: str = "", depth: int = 0) -> Row:
    return Row(label, LineKind.HEADING, (None,) * width, (None,) * width, key, depth)


_INVESTMENT_KEYS = ("tp_prev", "budget", "tot", "deviation", "pct")
NET_KEY = "netto"  # the investment group's net line, printed as a subtotal


def investments_table(unit: UnitRef, groups: Sequence[InvestmentGroup], frame: Frame) -> Table:
    """Per group a heading and its lines; Poikkeama = TA − TOT, Toteuma % = TOT / TA × 100."""
    names = labels.investment_labels(frame.period, frame.cat)
    table = frame.definition.table("investments")
    columns = tuple(
        frame.pct_spec(key, names[key], table) if key == "pct" else frame.money_spec(key, names[key], table)
        for key in _INVESTMENT_KEYS
    )
    rows: list[Row] = []
    for group in groups:
        rows.append(heading(group.name, len(columns)))
        for line in group.lines:
            exact = (line.tp_prev, line.budget, line.tot, line.deviation)
            money = tuple(frame.money(cents, table) for cents in exact)
            values: tuple[Value, ...] = (*money, frame.pct(line.tot, line.budget, table))
            kind = LineKind.SUBTOTAL if line.key == NET_KEY else LineKind.ROW
            label = frame.cat.get("investments", line.key)
            rows.append(Row(label, kind, values, (*exact, None), line.key))
    title = frame.cat.get("sections", "investments")
    header = frame.cat.text("label_header")
    return Table("investments", "investments", title, unit, columns, tuple(rows), header, frame.note(table))


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
