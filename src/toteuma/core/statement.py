"""A statement of one unit at one month-end: exact cents per line and measure, and which lines show.

Rows carry the measures read for them; a subtotal adds its parts' measures (never printed figures).
Derived figures are computed per line afterwards (core/definition/figures.py), and rounded only where
a table is printed. `RowFigures`, `Column` and the `money`/`pct` views keep the reference's five
measures at hand for the dashboard and the example's generator.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from toteuma.core.money import percent
from toteuma.core.structure import Line, LineKind, Structure


class Column(StrEnum):
    """The reference report's figures; every other name is a measure or a layout's figure."""

    TP_PREV = "tp_prev"  # final accounts of the previous year
    TOT_PREV = "tot_prev"  # previous year, same months
    BUDGET_ORIGINAL = "budget_original"  # original budget of this year
    AMENDMENTS = "amendments"  # amendments decided by the period end
    BUDGET = "budget"  # original + amendments ("TA +muutos")
    TOT = "tot"  # this year up to the period end
    REMAINING = "remaining"  # budget - tot ("Jäljellä")
    PCT = "pct"  # tot / budget x 100 ("TOT-%")


MONEY_COLUMNS = tuple(column for column in Column if column is not Column.PCT)
REFERENCE_COLUMNS = (Column.TP_PREV, Column.TOT_PREV, Column.BUDGET, Column.TOT, Column.REMAINING, Column.PCT)


@dataclass(frozen=True)
class LineValues:
    """A line's measures: exact cents in report sign, and how many ledger or budget lines made each."""

    cents: Mapping[str, int] = field(default_factory=dict)
    lines: Mapping[str, int] = field(default_factory=dict)

    def __add__(self, other: LineValues) -> LineValues:
        cents, lines = dict(self.cents), dict(self.lines)
        for name, value in other.cents.items():
            cents[name] = cents.get(name, 0) + value
        for name, value in other.lines.items():
            lines[name] = lines.get(name, 0) + value
        return LineValues(cents, lines)

    def active(self, measures: Collection[str] | None = None) -> bool:
        """Whether any lines made the measures (all of them when None), even netting to zero."""
        return any(count for name, count in self.lines.items() if measures is None or name in measures)


@dataclass(frozen=True)
class RowFigures:
    """The reference's five measures of one row, as the example's generator and tests write them."""

    tp_prev: int = 0
    tot_prev: int = 0
    budget_original: int = 0
    amendments: int = 0
    tot: int = 0
    active: bool = False  # has ledger or budget lines in any period the statement covers

    def __add__(self, other: RowFigures) -> RowFigures:
        return RowFigures(
            self.tp_prev + other.tp_prev,
            self.tot_prev + other.tot_prev,
            self.budget_original + other.budget_original,
            self.amendments + other.amendments,
            self.tot + other.tot,
            self.active or other.active,
        )

    def values(self) -> LineValues:
        cents = {
            "tp_prev": self.tp_prev,
            "tot_prev": self.tot_prev,
            "budget_original": self.budget_original,
            "amendments": self.amendments,
            "budget": self.budget_original + self.amendments,
            "tot": self.tot,
        }
        return LineValues(cents, dict.fromkeys(cents, int(self.active)))


class RowRule(StrEnum):
    ACTIVITY = "activity"  # show a row that has postings or budget, even if they net to zero
    NONZERO = "nonzero"  # show a row only when a printed figure is not zero to the cent
    ALWAYS = "always"


@dataclass(frozen=True)
class Visibility:
    """Which lines a table shows. The default reproduces the reference report."""

    rows: RowRule = RowRule.ACTIVITY
    headings_always: bool = True
    subtotals_always: bool = False


@dataclass(frozen=True)
class StatementLine:
    key: str
    label: str
    kind: LineKind
    values: LineValues = field(default_factory=LineValues)
    visible: bool = True  # under the reference's visibility; tables decide their own
    depth: int = 0
    costs: bool = False
    printed: bool = True

    @property
    def money(self) -> dict[str, int]:
        """The measures' cents, with the reference's remaining (budget − tot) beside them."""
        found = dict(self.values.cents)
        found.setdefault("budget", found.get("budget_original", 0) + found.get("amendments", 0))
        found["remaining"] = found["budget"] - found.get("tot", 0)
        for name in ("tp_prev", "tot_prev", "budget_original", "amendments", "tot"):
            found.setdefault(name, 0)
        return found

    @property
    def pct(self) -> Decimal:
        money = self.money
        return percent(money["tot"], money["budget"])

    def value(self, column: Column) -> int | Decimal | None:
        if self.kind is LineKind.HEADING:
            return None
        return self.pct if column is Column.PCT else self.money[column]


@dataclass(frozen=True)
class Statement:
    lines: tuple[StatementLine, ...]

    def line(self, key: str) -> StatementLine:
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(key)

    @property
    def visible_lines(self) -> tuple[StatementLine, ...]:
        return tuple(line for line in self.lines if line.visible)


def line_values(structure: Structure, rows: Mapping[str, LineValues]) -> dict[str, LineValues]:
    """Every line's measures: a row's own, a subtotal the sum of its parts' exact cents."""
    found: dict[str, LineValues] = {}
    for key in structure.order:
        line = structure.line(key)
        if line.kind is LineKind.ROW:
            found[key] = rows.get(key, LineValues())
        elif line.kind is LineKind.SUBTOTAL:
            found[key] = added(found[part] for part in line.sum)
        else:
            found[key] = LineValues()
    return found


def added(parts: Iterable[LineValues]) -> LineValues:
    """The parts' measures added up (a subtotal's), in one pass."""
    cents: dict[str, int] = {}
    lines: dict[str, int] = {}
    for part in parts:
        for name, value in part.cents.items():
            cents[name] = cents.get(name, 0) + value
        for name, value in part.lines.items():
            lines[name] = lines.get(name, 0) + value
    return LineValues(cents, lines)


def compute_statement(
    structure: Structure,
    rows: Mapping[str, LineValues] | Mapping[str, RowFigures],
    visibility: Visibility | None = None,
) -> Statement:
    """Lines in structure order with their measures; visible as the reference shows them by default."""
    given = {key: item.values() if isinstance(item, RowFigures) else item for key, item in rows.items()}
    values = line_values(structure, given)
    rule = visibility or Visibility()

    def shown(line: StatementLine) -> bool:
        if rule.rows is RowRule.ALWAYS:
            return True
        if rule.rows is RowRule.ACTIVITY:
            return line.values.active()
        return any(line.money[name] != 0 for name in MONEY_COLUMNS)

    lines = tuple(_statement_line(line, values[line.key]) for line in structure.lines)
    keep = visible_keys(structure, {line.key: line for line in lines}, shown, rule)
    return Statement(tuple(_replace_visible(line, line.key in keep) for line in lines))


def _statement_line(line: Line, values: LineValues) -> StatementLine:
    return StatementLine(line.key, line.label, line.kind, values, True, line.depth, line.costs, line.printed)


def _replace_visible(line: StatementLine, visible: bool) -> StatementLine:
    return StatementLine(
        line.key, line.label, line.kind, line.values, visible, line.depth, line.costs, line.printed
    )


def visible_keys(
    structure: Structure,
    lines: Mapping[str, StatementLine],
    shown: Callable[[StatementLine], bool],
    rule: Visibility,
) -> set[str]:
    """The printed lines: rows by `shown`; a subtotal when a line of its `shown_by` shows (decision 3);
    headings always, or only above a visible row; an unprinted line never."""
    showing: dict[str, bool] = {}
    for key in structure.order:
        line = structure.line(key)
        if line.kind is LineKind.ROW:
            showing[key] = shown(lines[key])
        elif line.kind is LineKind.SUBTOTAL:
            showing[key] = rule.subtotals_always or any(showing[part] for part in line.shown_by)
    keep = {key for key, value in showing.items() if value and structure.line(key).printed}
    for index, line in enumerate(structure.lines):
        if (
            line.kind is LineKind.HEADING
            and line.printed
            and (rule.headings_always or _rows_follow(structure, index, keep))
        ):
            keep.add(line.key)
    return keep


def _rows_follow(structure: Structure, index: int, keep: set[str]) -> bool:
    """Whether a visible row follows the heading at `index` before the next heading."""
    for line in structure.lines[index + 1 :]:
        if line.kind is LineKind.HEADING:
            return False
        if line.kind is LineKind.ROW and line.key in keep:
            return True
    return False
