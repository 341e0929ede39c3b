"""A line's cumulative path over the year for the unit page's chart: actual, budget profile, forecast."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from toteuma.core import forecast as fc
from toteuma.core.forecast import Forecast, Method, ProfileSource
from toteuma.core.periods import Period
from toteuma.services.forecast_data import subtree

if TYPE_CHECKING:
    from toteuma.services.forecasts import MonthlySeries, UnitForecasts


def series(found: UnitForecasts, unit: str, line: str, costs: bool) -> MonthlySeries:
    """One line's cumulative path: actual, the budget profile, and the forecast towards the year end."""
    read = found.read
    under = set(subtree(read.tree, [unit]))
    months = line_months(found, line)
    actual, profile = [0] * read.period.month, [0] * 12
    for code, (own_actual, own_profile) in months.items():
        if code in under:
            actual = [a + b for a, b in zip(actual, own_actual, strict=True)]
            profile = [a + b for a, b in zip(profile, own_profile, strict=True)]
    return assemble(unit, line, costs, read.period, actual, profile, found.line(unit, line))


def line_months(found: UnitForecasts, line: str) -> dict[str, tuple[list[int], list[int]]]:
    """Per cost center: the line's actual of each month to the period, and its budget by profile,
    cumulative over the 12 months (report sign cents)."""
    read = found.read
    rows = read.structure.rows_under(line)
    found_months: dict[str, tuple[list[int], list[int]]] = {}
    for (code, row), data in read.this_year.items():
        if row in rows:
            actual, profile = found_months.setdefault(code, ([0] * read.period.month, [0] * 12))
            for month, cents in enumerate(data.actual):
                actual[month] += cents
            for month, cents in enumerate(data.profile().path(data.budget)):
                profile[month] += cents
    return found_months


def assemble(
    unit: str,
    line: str,
    costs: bool,
    period: Period,
    actual: Sequence[int],
    profile: Sequence[int],
    value: Forecast | None,
) -> MonthlySeries:
    """The chart's series from the line's actual of each month, its cumulative profile and forecast."""
    from toteuma.services.forecasts import MonthlySeries

    cumulative = [sum(actual[: month + 1]) for month in range(period.month)]
    value = value or Forecast(cumulative[-1], Method.RUN_RATE, ProfileSource.EVEN, 0, 0, 0, 0, 0, False)
    weights = _weights(profile, period.month)
    return MonthlySeries(
        unit,
        line,
        costs,
        period,
        tuple(cumulative) + (None,) * (12 - period.month),
        tuple(profile),
        _path(cumulative[-1], value.cents, weights),
        _path(cumulative[-1], value.low, weights),
        _path(cumulative[-1], value.high, weights),
        value.method,
        value.profile,
    )


def _weights(profile: Sequence[int], month: int) -> list[Fraction]:
    """How far along from the period to the year end each later month is, by the budget's profile
    (evenly where the profile expects nothing more)."""
    rest = profile[11] - profile[month - 1]
    if rest == 0:
        return [Fraction(later - month, max(12 - month, 1)) for later in range(month, 13)]
    return [Fraction(profile[later - 1] - profile[month - 1], rest) for later in range(month, 13)]


def _path(start: int, end: int, weights: Sequence[Fraction]) -> tuple[int | None, ...]:
    month = 13 - len(weights)
    tail = tuple(start + fc.round_cents((end - start) * weight) for weight in weights)
    return (None,) * (month - 1) + tail
