"""A line's cumulative path over the year for the unit page's chart: actual, budget profile, forecast."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from toteuma.core import forecast as fc
from toteuma.core.forecast import Forecast, Method, ProfileSource
from toteuma.services.forecast_data import subtree

if TYPE_CHECKING:
    from toteuma.services.forecasts import MonthlySeries, UnitForecasts


def series(found: UnitForecasts, unit: str, line: str, costs: bool) -> MonthlySeries:
    """One line's cumulative path: actual, the budget profile, and the forecast towards the year end."""
    from toteuma.services.forecasts import MonthlySeries

    read = found.read
    period = read.period
    rows = read.structure.rows_under(line)
    under = set(subtree(read.tree, [unit]))
    actual = [0] * period.month
    profile = [0] * 12
    for (code, row), data in read.this_year.items():
        if code in under and row in rows:
            for month, cents in enumerate(data.actual):
                actual[month] += cents
            for month, cents in enumerate(data.profile().path(data.budget)):
                profile[month] += cents
    cumulative = [sum(actual[: month + 1]) for month in range(period.month)]
    value = found.line(unit, line) or Forecast(
        cumulative[-1], Method.RUN_RATE, ProfileSource.EVEN, 0, 0, 0, 0, 0, False
    )
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
