"""A row's forecast with everything shown beside it: method, profile source, profile to date, band."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction

from toteuma.core.forecast.backtest import Table, error_at
from toteuma.core.forecast.methods import Method, RowData, first_available
from toteuma.core.forecast.profiles import ProfileSource, round_cents
from toteuma.core.forecast.settings import ForecastSettings


@dataclass(frozen=True)
class Forecast:
    """One row's year-end forecast; report sign cents (income +, costs −)."""

    cents: int
    method: Method
    profile: ProfileSource
    actual: int  # to the period end
    budget: int  # the whole year's, in force at the period end
    profile_to_date: int  # the budget's share by the period end, by the profile
    low: int  # the band from the method's backtest error at this month (low <= cents <= high)
    high: int
    banded: bool = True  # False where no backtest could tell: low and high are the forecast itself

    @property
    def deviation(self) -> int:
        """Budget − forecast (Poikkeama), report sign: positive where costs overrun or income falls short."""
        return self.budget - self.cents

    def __add__(self, other: Forecast) -> Forecast:
        return Forecast(
            self.cents + other.cents,
            self.method if self.method is other.method else Method.MIXED,
            self.profile if self.profile is other.profile else ProfileSource.MIXED,
            self.actual + other.actual,
            self.budget + other.budget,
            self.profile_to_date + other.profile_to_date,
            self.low + other.low,
            self.high + other.high,
            self.banded and other.banded,
        )


def total(forecasts: Iterable[Forecast]) -> Forecast | None:
    found: Forecast | None = None
    for item in forecasts:
        found = item if found is None else found + item
    return found


def _band(cents: int, error: Fraction | None) -> tuple[int, int, bool]:
    if error is None:
        return cents, cents, False
    half = round_cents(abs(cents) * error)
    return cents - half, cents + half, True


def forecast_row(data: RowData, settings: ForecastSettings, kind: str, errors: Table) -> Forecast:
    """The default forecast of one row: the first method of the settings' order that can tell, with
    the band its backtest error at this month gives."""
    method, cents = first_available(settings.methods, data, settings.min_share)
    profile = data.profile()
    low, high, banded = _band(cents, error_at(errors, method.value, kind, data.month))
    return Forecast(
        cents,
        method,
        profile.source,
        data.to_date,
        data.budget,
        profile.to_date(data.budget, data.month),
        low,
        high,
        banded,
    )


def with_own(forecast: Forecast, cents: int) -> Forecast:
    """The forecast replaced by an approved own forecast: its band keeps the default's width."""
    return replace(
        forecast,
        cents=cents,
        method=Method.OWN,
        low=cents - (forecast.cents - forecast.low),
        high=cents + (forecast.high - forecast.cents),
    )
