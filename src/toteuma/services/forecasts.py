"""Year-end forecasts of units and rows, their monthly path, and the backtest: the public use cases.

Read once per use case, flat in the number of units: the ledger month by month for this year and
the earlier years the profiles use, the budget once per year (services.measures' storage functions).
Forecasts are made per cost center and statement row and added up the organisation; an approved own
forecast (`approved_own_forecasts`) replaces the default method's wherever one exists.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from toteuma import storage
from toteuma.core import forecast as fc
from toteuma.core.forecast import Forecast, Method, ProfileSource
from toteuma.core.periods import Period
from toteuma.core.structure import LineKind
from toteuma.reports.i18n import catalogue
from toteuma.services import forecast_data, forecast_series
from toteuma.services.common import ServiceError
from toteuma.services.forecast_data import Key, Read
from toteuma.services.measures import Reader, register_forecast
from toteuma.storage import workflow


@dataclass(frozen=True)
class OwnForecast:
    """A responsible person's approved own forecast (oma ennuste) of one unit's row."""

    cents: int  # the year-end figure, report sign (income +, costs −)
    reason: str
    by: str  # who approved it
    at: datetime  # when


def approved_own_forecasts(unit_codes: Sequence[str], period: Period) -> dict[tuple[str, str], OwnForecast]:
    """(unit code, statement row key) -> the approved own forecast in force at `period`, of these units.

    Filled by own forecasts (decision 59): the latest approved for a period of the year up to `period`;
    a draft, or one under review, is never here. One query."""
    from toteuma.storage import workflow  # the workflow app is set up with the storage

    found = workflow.approved_forecasts(unit_codes, str(period))
    return {
        key: OwnForecast(item.amount_cents, item.reason, item.approved_by, item.approved_at)
        for key, item in found.items()
    }


def settings() -> tuple[fc.ForecastSettings, fc.AlertSettings]:
    """The forecast's and the alerts' settings from the TOTEUMA_* environment (docs/forecasting.md)."""
    values = {
        item.name: os.environ[f"TOTEUMA_{item.name.upper()}"]
        for item in fc.DECLARED
        if f"TOTEUMA_{item.name.upper()}" in os.environ
    }
    return fc.read(values)


@dataclass(frozen=True)
class ForecastRow:
    """One line of a unit's forecast table; money in report sign cents (income +, costs −)."""

    key: str
    label: str
    kind: LineKind  # row or subtotal
    costs: bool  # a cost line
    forecast: Forecast
    reason: str = ""  # the own forecast's reason, where the method is "own"

    @property
    def actual(self) -> int:
        return self.forecast.actual

    @property
    def budget(self) -> int:
        return self.forecast.budget

    @property
    def profile_to_date(self) -> int:
        return self.forecast.profile_to_date

    @property
    def cents(self) -> int:
        return self.forecast.cents

    @property
    def low(self) -> int:
        return self.forecast.low

    @property
    def high(self) -> int:
        return self.forecast.high

    @property
    def method(self) -> Method:
        return self.forecast.method

    @property
    def profile(self) -> ProfileSource:
        return self.forecast.profile

    @property
    def deviation(self) -> int:
        return self.forecast.deviation


@dataclass(frozen=True)
class UnitForecasts:
    """Every asked unit's forecast per statement row (rows only; subtotals add them), and the reasons
    of the own forecasts in force."""

    read: Read
    rows: Mapping[str, Mapping[str, Forecast]]  # unit -> row -> forecast (its whole subtree)
    reasons: Mapping[tuple[str, str], str]
    placed: Mapping[Key, int]  # cents per (cost center, row) that add up to `rows`

    def line(self, unit: str, key: str) -> Forecast | None:
        """A row's or a subtotal's forecast (the sum of its rows); None where no row has one."""
        rows = self.rows.get(unit, {})
        return fc.total(rows[row] for row in sorted(self.read.structure.rows_under(key)) if row in rows)


def unit_forecasts(units: Sequence[str], period: Period, reader: Reader | None = None) -> UnitForecasts:
    """The forecasts of these units and every unit under them, from one read."""
    forecast_settings, _ = settings()
    read = forecast_data.read(reader or Reader.read(), units, period, forecast_settings)
    own = approved_own_forecasts(read.units, period)
    rows, placed = forecast_data.roll_up(
        read, forecast_data.cost_center_forecasts(read, forecast_settings), own
    )
    return UnitForecasts(read, rows, {key: item.reason for key, item in own.items()}, placed)


def forecast_rows(unit_code: str, period: Period, lang: str = "fi") -> list[ForecastRow]:
    """The unit's forecast table: every row and subtotal of the statement with a forecast, in order."""
    found = unit_forecasts([unit_code], period)
    table = []
    for line in found.read.structure.lines:
        if line.kind is LineKind.HEADING or not line.printed:
            continue
        value = found.line(unit_code, line.key)
        if value is not None:
            reason = found.reasons.get((unit_code, line.key), "") if value.method is Method.OWN else ""
            label = line.label_in(lang) or catalogue(lang).row(line.key, line.label)
            table.append(ForecastRow(line.key, label, line.kind, line.costs, value, reason))
    return table


@dataclass(frozen=True)
class MonthlySeries:
    """A line's cumulative path over the year, report sign cents; None where a month has no value."""

    unit: str
    line: str
    costs: bool
    period: Period
    actual: tuple[int | None, ...]  # 12 months: cumulative actual to each month-end, None after the period
    profile: tuple[int, ...]  # 12 months: the year's budget by its profile, cumulative
    forecast: tuple[int | None, ...]  # 12 months: None before the period; from it, towards the year end
    low: tuple[int | None, ...]  # the band's edges on the same path
    high: tuple[int | None, ...]
    method: Method
    profile_source: ProfileSource


def monthly_series(unit_code: str, period: Period, line: str | None = None) -> MonthlySeries:
    """The cumulative chart of one line of a unit (default: the costs, `toimintakulut`): actual per
    month, the budget profile per month, and the forecast's path from the period to the year end with
    its band."""
    found = unit_forecasts([unit_code], period)
    structure = found.read.structure
    key = line or structure.summary.menot
    return forecast_series.series(found, unit_code, key, structure.line(key).costs)


@dataclass(frozen=True)
class Backtest:
    """Each method's errors replaying the earlier years that `period`'s forecasts read (all units)."""

    period: Period
    years: tuple[int, ...]  # the years replayed (those with ledger lines)
    cases: int  # (cost center, row, year) replayed, before the smallest are left out
    table: fc.Table


def latest_period() -> Period:
    """The newest month-end with ledger lines."""
    storage.setup()
    found = workflow.balance_periods()
    if not found:
        raise ServiceError("services.dashboard.no_ledger")
    return Period.parse(found[0])


def backtest(period: Period | None = None) -> Backtest:
    """Replay the earlier years month by month with each method (default: before the newest period)."""
    chosen = period or latest_period()
    forecast_settings, _ = settings()
    reader = Reader.read()
    roots = [unit.code for unit in reader.tree.children(None)]
    read = forecast_data.read(reader, roots, chosen, forecast_settings)
    cases = forecast_data.cases(read)
    years = tuple(sorted({case.year for case in cases}))
    return Backtest(chosen, years, len(cases), fc.backtest(cases, forecast_settings))


def _measure(roots: Sequence[str], period: Period) -> dict[tuple[str, int], tuple[int, int]]:
    """The `forecast` measure: year-end cents (debit +) per cost center and account of the subtrees."""
    found = unit_forecasts(list(roots), period)
    return forecast_data.measure_sums(found.read, found.placed)


register_forecast(_measure)
