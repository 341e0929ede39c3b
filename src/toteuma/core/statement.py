"""A statement of one unit at one month-end: exact cents per line and column, and which lines show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from toteuma.core.money import percent
from toteuma.core.structure import LineKind, Structure


class Column(StrEnum):
    """Every figure a statement knows; a layout picks and orders the ones it prints."""

    TP_PREV = "tp_prev"  # final accounts of the previous year
    TOT_PREV = "tot_prev"  # previous year, same months
    BUDGET_ORIGINAL = "budget_original"  # original budget of this year
    AMENDMENTS = "amendments"  # amendments decided by the period end
    BUDGET = "budget"  # original + amendments ("TA +muutos")
    TOT = "tot"  # this year up to the period end
    REMAINING = "remaining"  # budget - tot ("Jäljellä")
    PCT = "pct"  # tot / budget x 100 ("TOT-%")


MONEY_COLUMNS = tuple(column for column in Column if column is not Column.PCT)

# The reference report's columns, in its order.
REFERENCE_COLUMNS = (
    Column.TP_PREV,
    Column.TOT_PREV,
    Column.BUDGET,
    Column.TOT,
    Column.REMAINING,
    Column.PCT,
)


@dataclass(frozen=True)
class RowFigures:
    """What the data says about one row of one unit: report sign, exact cents."""

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


class RowRule(StrEnum):
    ACTIVITY = "activity"  # show a row that has postings or budget, even if they net to zero
    NONZERO = "nonzero"  # show a row only when a printed column is not zero
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
    money: Mapping[Column, int] = field(default_factory=dict)  # exact cents, report sign
    pct: Decimal | None = None
    visible: bool = True

    def value(self, column: Column) -> int | Decimal | None:
        if self.kind is LineKind.HEADING:
            return None
        if column is Column.PCT:
            return self.pct
        return self.money[column]


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


def _money(figures: RowFigures) -> dict[Column, int]:
    budget = figures.budget_original + figures.amendments
    return {
        Column.TP_PREV: figures.tp_prev,
        Column.TOT_PREV: figures.tot_prev,
        Column.BUDGET_ORIGINAL: figures.budget_original,
        Column.AMENDMENTS: figures.amendments,
        Column.BUDGET: budget,
        Column.TOT: figures.tot,
        Column.REMAINING: budget - figures.tot,
    }


def _row_visible(figures: RowFigures, rule: RowRule) -> bool:
    if rule is RowRule.ALWAYS:
        return True
    if rule is RowRule.ACTIVITY:
        return figures.active
    return any(_money(figures)[column] != 0 for column in MONEY_COLUMNS)


def compute_statement(
    structure: Structure,
    figures: Mapping[str, RowFigures],
    visibility: Visibility | None = None,
) -> Statement:
    """Lines in structure order; subtotals from exact amounts, never from rounded ones."""
    rule = visibility or Visibility()
    totals: dict[str, RowFigures] = {}
    shown: dict[str, bool] = {}
    lines: list[StatementLine] = []
    for line in structure.lines:
        if line.kind is LineKind.HEADING:
            lines.append(StatementLine(line.key, line.label, line.kind, visible=rule.headings_always))
            continue
        if line.kind is LineKind.ROW:
            data = figures.get(line.key, RowFigures())
            visible = _row_visible(data, rule.rows)
        else:
            data = sum((totals[part] for part in line.sum), RowFigures())
            visible = rule.subtotals_always or any(shown[part] for part in line.shown_by)
        totals[line.key] = data
        shown[line.key] = visible
        money = _money(data)
        lines.append(
            StatementLine(
                line.key,
                line.label,
                line.kind,
                money=money,
                pct=percent(money[Column.TOT], money[Column.BUDGET]),
                visible=visible,
            )
        )
    if not rule.headings_always:
        lines = _hide_empty_headings(lines)
    return Statement(tuple(lines))


def _hide_empty_headings(lines: list[StatementLine]) -> list[StatementLine]:
    """A heading shows only when a visible row follows it before the next heading."""
    result = list(lines)
    for index, line in enumerate(lines):
        if line.kind is not LineKind.HEADING:
            continue
        following = []
        for after in lines[index + 1 :]:
            if after.kind is LineKind.HEADING:
                break
            following.append(after)
        has_rows = any(item.visible and item.kind is LineKind.ROW for item in following)
        result[index] = StatementLine(line.key, line.label, line.kind, visible=has_rows)
    return result
