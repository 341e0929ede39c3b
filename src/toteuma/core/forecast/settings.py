"""The forecast's and the alerts' settings, declared once as data: name, type, default and help.

Services read them from `TOTEUMA_<NAME>` environment variables (upper case); docs/forecasting.md
lists every one, and a test fails when one is missing there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from toteuma.core.forecast.methods import COMPUTED, Method
from toteuma.core.messages import MessageError


@dataclass(frozen=True)
class Declared:
    name: str
    kind: str  # "percent", "euros", "methods", "years"
    default: str
    help: str


DECLARED: tuple[Declared, ...] = (
    Declared(
        "forecast_methods",
        "methods",
        "budget,seasonal,run-rate",
        "the default forecast: the first of these methods that can tell, in this order",
    ),
    Declared(
        "forecast_min_share",
        "percent",
        "5",
        "seasonal forecasts only once the earlier years had reached this share of the year",
    ),
    Declared("forecast_history_years", "years", "3", "how many earlier years profiles and backtests read"),
    Declared(
        "backtest_min_euros",
        "euros",
        "1000",
        "a backtest skips rows whose year ended closer to zero than this (their errors are noise)",
    ),
    Declared(
        "alert_appropriation_margin",
        "percent",
        "0",
        "a binding level's forecast may exceed its appropriation by this share before the alert",
    ),
    Declared(
        "alert_income_short",
        "percent",
        "5",
        "income forecast short of its estimate by more than this share raises the alert",
    ),
    Declared(
        "alert_ahead_margin",
        "percent",
        "10",
        "spending more than these percentage points of the year's budget ahead of its profile",
    ),
    Declared(
        "alert_min_euros",
        "euros",
        "1000",
        "the smallest amount (excess, shortfall, spending) a row alert is raised for",
    ),
)
DECLARED_BY_NAME: Mapping[str, Declared] = {item.name: item for item in DECLARED}


@dataclass(frozen=True)
class ForecastSettings:
    methods: tuple[Method, ...] = (Method.BUDGET, Method.SEASONAL, Method.RUN_RATE)
    min_share: Fraction = Fraction(5, 100)
    history_years: int = 3
    backtest_min_cents: int = 100_000


@dataclass(frozen=True)
class AlertSettings:
    appropriation_margin: Fraction = Fraction(0)
    income_short: Fraction = Fraction(5, 100)
    ahead_margin: Fraction = Fraction(10, 100)
    min_cents: int = 100_000


class SettingError(MessageError, ValueError):
    """A setting's value that cannot be read."""


def _parse(name: str, values: Mapping[str, str]) -> Decimal | tuple[Method, ...]:
    text = values.get(name, DECLARED_BY_NAME[name].default)
    kind = DECLARED_BY_NAME[name].kind
    try:
        if kind == "methods":
            methods = tuple(Method(part.strip()) for part in text.split(",") if part.strip())
            if not methods or any(method not in COMPUTED for method in methods):
                raise ValueError(text)
            return methods
        number = Decimal(text.strip().replace(",", "."))
        if number < 0 or (kind == "years" and (number != int(number) or not 1 <= number <= 10)):
            raise ValueError(text)
        return number
    except (ValueError, InvalidOperation) as exc:
        raise SettingError(
            "forecast.setting.bad", name=f"TOTEUMA_{name.upper()}", value=text, kind=kind
        ) from exc


def _number(name: str, values: Mapping[str, str]) -> Decimal:
    found = _parse(name, values)
    assert isinstance(found, Decimal)
    return found


def _share(name: str, values: Mapping[str, str]) -> Fraction:
    return Fraction(_number(name, values)) / 100


def _cents(name: str, values: Mapping[str, str]) -> int:
    return int(_number(name, values) * 100)


def read(values: Mapping[str, str]) -> tuple[ForecastSettings, AlertSettings]:
    """The settings from `values` (name -> text, e.g. the environment's TOTEUMA_* read by the caller);
    a name not given keeps its default."""
    methods = _parse("forecast_methods", values)
    assert isinstance(methods, tuple)
    forecast = ForecastSettings(
        methods,
        _share("forecast_min_share", values),
        int(_number("forecast_history_years", values)),
        _cents("backtest_min_euros", values),
    )
    alerts = AlertSettings(
        _share("alert_appropriation_margin", values),
        _share("alert_income_short", values),
        _share("alert_ahead_margin", values),
        _cents("alert_min_euros", values),
    )
    return forecast, alerts
