"""Forecasts of the year end: budget profiles, methods, backtests and the alert rules that use them.

Pure: standard library only, exact integer arithmetic (fractions), cents rounded half away from zero.
"""

from toteuma.core.forecast.alerts import RULES, Rule
from toteuma.core.forecast.backtest import (
    ALL_KINDS,
    DEFAULT,
    Case,
    Errors,
    Table,
    backtest,
    error_at,
    percent,
)
from toteuma.core.forecast.methods import COMPUTED, Method, RowData, budget_based, compute, run_rate, seasonal
from toteuma.core.forecast.profiles import MONTHS, Profile, ProfileSource, choose, even, round_cents
from toteuma.core.forecast.rows import Forecast, forecast_row, total, with_own
from toteuma.core.forecast.settings import DECLARED, AlertSettings, ForecastSettings, SettingError, read

__all__ = [
    "ALL_KINDS",
    "COMPUTED",
    "DECLARED",
    "DEFAULT",
    "MONTHS",
    "RULES",
    "AlertSettings",
    "Case",
    "Errors",
    "Forecast",
    "ForecastSettings",
    "Method",
    "Profile",
    "ProfileSource",
    "RowData",
    "Rule",
    "SettingError",
    "Table",
    "backtest",
    "budget_based",
    "choose",
    "compute",
    "error_at",
    "even",
    "forecast_row",
    "percent",
    "read",
    "round_cents",
    "run_rate",
    "seasonal",
    "total",
    "with_own",
]
