"""Measures: the only numbers read from storage, each declared once with its source and time span.

A measure is exact cents per unit and statement row, report sign (income +, costs −). Every figure a
table prints is a measure or an expression over measures (core/expressions.py). Subtotals add
measures, never printed figures. A layout may declare more measures with the same fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from toteuma.core.periods import Period


class Source(StrEnum):
    LEDGER = "ledger"  # the monthly balances of the ledger lines
    BUDGET = "budget"  # the budget lines: the original and each amendment decision
    FORECAST = "forecast"  # a forecast method's expected year-end figure (supplied by a forecast method)


class Span(StrEnum):
    """Which months of its year a ledger measure covers."""

    TO_PERIOD_END = "to-period-end"  # January to the period's month
    YEAR = "year"  # the whole year: the final accounts of an earlier year
    MONTH = "month"  # the period's month alone


class BudgetPart(StrEnum):
    """Which budget decisions a budget measure adds up."""

    ORIGINAL = "original"
    AMENDMENTS = "amendments"  # every amendment decided by the cut-off
    IN_FORCE = "in-force"  # the original and the amendments decided by the cut-off
    AMENDMENT = "amendment"  # one decision: by its number in date order, or by its reference


@dataclass(frozen=True)
class Measure:
    """One measure: where its cents come from and which year and months (or decisions) they cover.

    `year` is relative to the period's year (0 this year, -1 the previous one). Budget decisions count
    when decided by the period's end in the period's year, and by the year's end in earlier years.
    """

    name: str
    source: Source
    year: int = 0
    span: Span = Span.TO_PERIOD_END
    budget: BudgetPart = BudgetPart.IN_FORCE
    number: int = 0  # of BudgetPart.AMENDMENT: the n-th decision of the year, in date order
    decision: str = ""  # of BudgetPart.AMENDMENT: the decision's reference, e.g. "Kv 14.6.2024 § 52"
    help: str = ""

    def months(self, period: Period) -> tuple[int, int]:
        """The ledger months (from, to) of the measure's year that it covers."""
        if self.span is Span.YEAR:
            return 1, 12
        if self.span is Span.MONTH:
            return period.month, period.month
        return 1, period.month

    def year_of(self, period: Period) -> int:
        return period.year + self.year


_L, _B = Source.LEDGER, Source.BUDGET

# The built-in measures, in the order a tie-out lists them. The names are the JSON's column keys.
BUILT_IN: tuple[Measure, ...] = (
    Measure("tot", _L, 0, Span.TO_PERIOD_END, help="actual, January to the period end"),
    Measure("tot_prev", _L, -1, Span.TO_PERIOD_END, help="actual of the previous year, the same months"),
    Measure("tot_prev2", _L, -2, Span.TO_PERIOD_END, help="actual two years back, the same months"),
    Measure("tp_prev", _L, -1, Span.YEAR, help="final accounts of the previous year (whole year)"),
    Measure("tp_prev2", _L, -2, Span.YEAR, help="final accounts two years back"),
    Measure("tot_month", _L, 0, Span.MONTH, help="actual of the period's month alone"),
    Measure("budget_original", _B, budget=BudgetPart.ORIGINAL, help="the original budget"),
    Measure("amendments", _B, budget=BudgetPart.AMENDMENTS, help="amendments decided by the period end"),
    Measure(
        "budget", _B, budget=BudgetPart.IN_FORCE, help="budget after amendments decided by the period end"
    ),
    Measure("budget_prev", _B, -1, budget=BudgetPart.IN_FORCE, help="the previous year's final budget"),
    Measure("forecast", Source.FORECAST, help="expected year-end figure of a forecast method"),
)
BUILT_IN_BY_NAME: Mapping[str, Measure] = {measure.name: measure for measure in BUILT_IN}
