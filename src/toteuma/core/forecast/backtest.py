"""Backtests: each method replayed month by month over earlier years, and its errors against the
year's actual end (mean absolute percentage error and bias), by row kind and month.

The same errors give a forecast its band: the method's error at this month in earlier years.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from toteuma.core.forecast.methods import COMPUTED, RowData, compute, first_available
from toteuma.core.forecast.profiles import MONTHS
from toteuma.core.forecast.settings import ForecastSettings

ALL_KINDS = "all"
DEFAULT = "default"  # the default forecast (settings.methods, first that can tell), as a method name


@dataclass(frozen=True)
class Case:
    """One row of one cost center in one earlier year: its months and what was known before it."""

    kind: str  # the row's kind: "income", "costs" or "other"
    year: int
    months: tuple[int, ...]  # the year's 12 actual monthly amounts, report sign cents
    budget: int = 0
    monthly_budget: tuple[int, ...] = ()
    history: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # the years before `year`

    def at(self, month: int) -> RowData:
        """What a forecast made at the end of `month` of that year would have read."""
        return RowData(self.months[:month], self.budget, self.monthly_budget, self.history)


@dataclass(frozen=True)
class Errors:
    """A method's errors at one month: how many rows, their mean absolute and mean signed error as a
    share of the year's actual end. Positive bias: forecasts ended further from zero than the year."""

    count: int
    mape: Fraction
    bias: Fraction


Table = Mapping[tuple[str, str, int], Errors]  # (method, row kind or "all", month) -> errors


def percent(share: Fraction) -> Decimal:
    """A share as a percentage with one decimal, half away from zero."""
    value = Decimal(share.numerator) * 100 / Decimal(share.denominator)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) + 0


def _forecasts(case: Case, month: int, settings: ForecastSettings) -> dict[str, int]:
    data = case.at(month)
    found: dict[str, int] = {}
    for method in COMPUTED:
        value = compute(method, data, settings.min_share)
        if value is not None:
            found[method.value] = value
    found[DEFAULT] = first_available(settings.methods, data, settings.min_share)[1]
    return found


def backtest(
    cases: Iterable[Case], settings: ForecastSettings, months: Iterable[int] = range(1, MONTHS + 1)
) -> Table:
    """Each method's errors by row kind and month over the cases whose year ended at least
    `settings.backtest_min_cents` away from zero."""
    sums: dict[tuple[str, str, int], list[Fraction]] = {}  # -> [count, absolute, signed]
    wanted = tuple(months)
    for case in cases:
        actual = sum(case.months)
        if abs(actual) < settings.backtest_min_cents or actual == 0:
            continue
        for month in wanted:
            for method, value in _forecasts(case, month, settings).items():
                error = Fraction(value - actual, actual)
                for kind in (case.kind, ALL_KINDS):
                    cell = sums.setdefault((method, kind, month), [Fraction(0)] * 3)
                    cell[0] += 1
                    cell[1] += abs(error)
                    cell[2] += error
    return {
        key: Errors(int(count), total / count, signed / count) for key, (count, total, signed) in sums.items()
    }


def error_at(table: Table, method: str, kind: str, month: int) -> Fraction | None:
    """The method's mean absolute error at the month for this kind of row (all kinds where the kind
    has none); None where no backtest could tell."""
    found = table.get((method, kind, month)) or table.get((method, ALL_KINDS, month))
    return None if found is None else found.mape
