"""Alert rules that look forward, on one forecast row: each answers whether it fires and its figures.

Figures are report sign cents (income +, costs −). The rules and their thresholds
(settings.AlertSettings) are documented in docs/forecasting.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from toteuma.core.forecast.profiles import round_cents
from toteuma.core.forecast.rows import Forecast
from toteuma.core.forecast.settings import AlertSettings


class Rule(StrEnum):
    """The rules, most important first."""

    OVER_APPROPRIATION = "over-appropriation"  # a binding level forecast beyond its appropriation
    INCOME_SHORT = "income-short"  # income forecast short of its estimate
    AHEAD_OF_PROFILE = "ahead-of-profile"  # spending ahead of its budget profile
    PAST_YEAR_BUDGET = "past-year-budget"  # spending already past the whole year's budget
    NO_BUDGET = "no-budget"  # spending without a budget


Figures = Mapping[str, int]


def over_appropriation(row: Forecast, settings: AlertSettings) -> Figures | None:
    """The binding line's forecast below its budget (report sign: more cost or less net income) by more
    than the margin."""
    allowed = round_cents(abs(row.budget) * settings.appropriation_margin)
    if row.budget == 0 or row.cents >= row.budget - allowed:
        return None
    return {"budget": row.budget, "forecast": row.cents, "deviation": row.deviation, "actual": row.actual}


def income_short(row: Forecast, settings: AlertSettings) -> Figures | None:
    shortfall = row.budget - row.cents
    if row.budget <= 0 or shortfall < settings.min_cents or shortfall <= row.budget * settings.income_short:
        return None
    return {"budget": row.budget, "forecast": row.cents, "shortfall": shortfall, "actual": row.actual}


def ahead_of_profile(row: Forecast, settings: AlertSettings) -> Figures | None:
    """Costs beyond what the budget's profile expected by now, by more than the margin (percentage
    points of the year's budget) and the smallest amount."""
    excess = row.profile_to_date - row.actual
    if row.budget >= 0 or excess < settings.min_cents or excess <= -row.budget * settings.ahead_margin:
        return None
    return {
        "budget": row.budget,
        "profile_to_date": row.profile_to_date,
        "actual": row.actual,
        "excess": excess,
    }


def past_year_budget(row: Forecast, settings: AlertSettings) -> Figures | None:
    if row.budget >= 0 or row.actual >= row.budget:
        return None
    return {"budget": row.budget, "actual": row.actual, "excess": row.budget - row.actual}


def no_budget(row: Forecast, settings: AlertSettings) -> Figures | None:
    if row.budget != 0 or -row.actual < settings.min_cents:
        return None
    return {"actual": row.actual, "forecast": row.cents}


RULES: Mapping[Rule, Callable[[Forecast, AlertSettings], Figures | None]] = {
    Rule.OVER_APPROPRIATION: over_appropriation,
    Rule.INCOME_SHORT: income_short,
    Rule.AHEAD_OF_PROFILE: ahead_of_profile,
    Rule.PAST_YEAR_BUDGET: past_year_budget,
    Rule.NO_BUDGET: no_budget,
}
