"""core/forecast: profiles, the three methods, backtests and the band, on small synthetic years."""

from __future__ import annotations

from fractions import Fraction

import pytest

from toteuma.core import forecast as fc
from toteuma.core.forecast import Method, ProfileSource, RowData
from toteuma.core.messages import use_language

# A year that spends in spring: what a quarter of the months carries, in euros; the year adds to 120.
SPRING = (5, 10, 30, 25, 10, 5, 5, 5, 5, 10, 5, 5)
FLAT = (10,) * 12
SETTINGS = fc.ForecastSettings()


def cents(pattern: tuple[int, ...], euros_per_unit: int) -> tuple[int, ...]:
    return tuple(value * euros_per_unit * 100 for value in pattern)


def test_seasonal_reproduces_the_year_end_of_a_known_seasonal_pattern_exactly() -> None:
    history = {2022: cents(SPRING, 1_000), 2023: cents(SPRING, 1_300)}
    year = cents(SPRING, 1_117)  # a year of the same shape, another size: 134 040 euros
    for month in range(2, 13):  # January's share (5/120) is below the 5 % the settings ask
        data = RowData(year[:month], history=history)
        assert fc.seasonal(data, SETTINGS.min_share) == sum(year), month


def test_seasonal_needs_earlier_years_and_a_share_big_enough() -> None:
    assert fc.seasonal(RowData(cents(SPRING, 1)[:3]), SETTINGS.min_share) is None
    data = RowData(cents(SPRING, 1)[:1], history={2023: cents(SPRING, 1)})
    assert fc.seasonal(data, SETTINGS.min_share) is None  # 5/120 of the year < 5 %
    assert fc.seasonal(data, Fraction(1, 100)) == sum(cents(SPRING, 1))


def test_run_rate_reproduces_the_year_end_of_a_flat_year_exactly_but_not_of_a_spring_one() -> None:
    year = cents(FLAT, 777)
    for month in range(1, 13):
        assert fc.run_rate(RowData(year[:month])) == sum(year), month
    spring = cents(SPRING, 1_000)
    assert fc.run_rate(RowData(spring[:3])) == 18_000_000  # 45 000 € in three months: 180 000 € a year
    assert sum(spring) == 12_000_000


def test_budget_based_adds_the_rest_of_the_budget_by_its_profile() -> None:
    monthly = cents(SPRING, 100)  # the imported monthly budget: 12 000 €
    data = RowData(cents(SPRING, 110)[:3], budget=1_200_000, monthly_budget=monthly)
    # 4 950 € spent; the budget expected 4 500 € by March, so 7 500 € of it remain: 12 450 €.
    assert data.profile().source is ProfileSource.MONTHLY_BUDGET
    assert fc.budget_based(data) == 495_000 + 750_000
    assert fc.budget_based(RowData((100,) * 3)) is None  # no budget


def test_profiles_come_from_an_imported_monthly_budget_first_then_history_then_even() -> None:
    history = {2023: cents(SPRING, 1)}
    assert fc.choose(history, ()).source is ProfileSource.HISTORY
    assert fc.choose(history, cents(FLAT, 1)).source is ProfileSource.MONTHLY_BUDGET
    assert fc.choose({2023: (0,) * 12}, ()).source is ProfileSource.EVEN
    even = fc.even()
    assert even.share(3) == Fraction(1, 4)
    assert even.path(-1_000_00)[2] == -25_000  # cumulative cents by March, report sign kept


def test_cents_round_half_away_from_zero() -> None:
    assert [fc.round_cents(Fraction(n, 2)) for n in (1, 3, -1, -3)] == [1, 2, -1, -2]
    assert fc.round_cents(Fraction(-7, 3)) == -2
    assert fc.run_rate(RowData((1,))) == 12
    assert fc.run_rate(RowData((1, 0, 0, 0, 0, 0, 0))) == 2  # 12/7 = 1.71 cents


def test_the_default_takes_the_first_method_that_can_tell() -> None:
    history = {2023: cents(SPRING, 1_000)}
    with_budget = RowData(cents(SPRING, 1_000)[:3], budget=-12_000_000, history=history)
    assert fc.forecast_row(with_budget, SETTINGS, "costs", {}).method is Method.BUDGET
    without = RowData(cents(SPRING, 1_000)[:3], history=history)
    assert fc.forecast_row(without, SETTINGS, "costs", {}).method is Method.SEASONAL
    nothing = RowData((5_00, 5_00))
    found = fc.forecast_row(nothing, SETTINGS, "costs", {})
    assert (found.method, found.cents, found.banded) == (Method.RUN_RATE, 6_000, False)


def test_backtest_errors_are_zero_for_a_repeating_pattern_and_measure_the_rest() -> None:
    cases = [
        fc.Case("costs", 2023, cents(SPRING, -1_000), -12_000_000, (), {2022: cents(SPRING, -900)}),
        fc.Case("income", 2023, cents(FLAT, 1_000), 0, (), {2022: cents(FLAT, 1_000)}),
    ]
    table = fc.backtest(cases, SETTINGS)
    assert table[("seasonal", "costs", 3)].mape == 0
    assert table[("run-rate", "income", 7)].mape == 0
    # Run-rate in March of a spring year: 180 000 € a year forecast for 120 000 €, 50 % too far from zero.
    assert table[("run-rate", "costs", 3)] == fc.Errors(1, Fraction(1, 2), Fraction(1, 2))
    assert fc.percent(table[("run-rate", "all", 3)].mape) == 25  # the two kinds' mean
    assert ("budget", "income", 3) not in table  # no budget: budget-based cannot tell


def test_the_band_is_the_methods_backtest_error_at_this_month() -> None:
    cases = [fc.Case("costs", 2023, cents(SPRING, -1_000), 0, (), {})]
    table = fc.backtest(cases, SETTINGS, months=(3,))
    found = fc.forecast_row(RowData(cents(SPRING, -1_000)[:3]), SETTINGS, "costs", table)
    assert found.cents == -18_000_000
    assert (found.low, found.high, found.banded) == (-27_000_000, -9_000_000, True)  # ± 50 %


def test_an_own_forecast_replaces_the_figure_and_keeps_the_bands_width() -> None:
    base = fc.Forecast(-1_000, Method.BUDGET, ProfileSource.EVEN, -300, -1_200, -300, -1_100, -900)
    own = fc.with_own(base, -1_500)
    assert (own.cents, own.method, own.low, own.high, own.deviation) == (
        -1_500,
        Method.OWN,
        -1_600,
        -1_400,
        300,
    )
    assert (base + own).method is Method.MIXED


def test_settings_are_read_from_text_and_a_bad_value_says_which_setting() -> None:
    forecast, alerts = fc.read({"forecast_methods": "seasonal, run-rate", "alert_min_euros": "250,50"})
    assert forecast.methods == (Method.SEASONAL, Method.RUN_RATE)
    assert alerts.min_cents == 25_050
    assert alerts.income_short == Fraction(5, 100)
    with pytest.raises(fc.SettingError) as caught:
        fc.read({"forecast_methods": "own"})
    with use_language("en"):
        assert str(caught.value) == (
            "setting TOTEUMA_FORECAST_METHODS has a bad value “own” (kind methods); see docs/forecasting.md"
        )
    with pytest.raises(fc.SettingError):
        fc.read({"forecast_history_years": "0"})
