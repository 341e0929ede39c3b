"""services/forecasts.py and services/alerts.py on a tiny organisation with two earlier years:
profiles from history, the alerts each rule raises, own forecasts, and reads flat in the units."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from toteuma import services, storage
from toteuma.core.forecast import Method, ProfileSource, Rule
from toteuma.core.org import UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import BudgetRecord, LedgerRecord, MonthlyBudgetRecord, UnitRecord
from toteuma.services import alerts, forecasts

pytestmark = pytest.mark.django_db

Q1 = Period(2024, 3)
SPRING = (5, 10, 30, 25, 10, 5, 5, 5, 5, 10, 5, 5)  # the elections area's year, thousands of euros: 120
FLAT = (1,) * 12
EURO = 100
_files = iter(range(1, 1000))


def months(unit: str, account: int, year: int, amounts: Iterable[int]) -> list[LedgerRecord]:
    """One ledger line a month (debit +, cents), the 15th."""
    return [
        LedgerRecord(date(year, month, 15), "T", account, unit, cents, "")
        for month, cents in enumerate(amounts, start=1)
        if cents
    ]


def load(lines: list[LedgerRecord], budget: Iterable[BudgetRecord] = ()) -> None:
    number = next(_files)
    storage.load_ledger(lines, file_name=f"l{number}.csv", sha256=f"{number:064d}")
    if budget:
        storage.load_budget(budget, file_name=f"b{number}.csv", sha256=f"{number:064d}")


def thousands(pattern: Iterable[int], scale: int = 1) -> list[int]:
    return [value * 1_000 * EURO * scale for value in pattern]


@pytest.fixture
def history(tiny_org: object) -> None:
    """Vaalit's 110010 spends in spring and follows its earlier years in 2024; Tarkastustoimi's 120010
    spends evenly, and in 2024 overspends its costs and falls short of its income."""
    lines = []
    for year in (2022, 2023):
        lines += months("110010", 4300, year, thousands(SPRING))
        lines += months("120010", 4300, year, thousands(FLAT))
        lines += months("120010", 3000, year, thousands(FLAT, -4))
    lines += months("110010", 4300, 2024, thousands(SPRING[:3]))  # 45 000 €: 37,5 % of the year by March
    lines += months("120010", 4300, 2024, thousands((4, 4, 4)))  # 12 000 € of a 10 000 € year
    lines += months("120010", 3000, 2024, thousands((-1, -1, -1)))  # 3 000 € of 50 000 € income
    budget = [
        BudgetRecord(2024, "110010", 4300, 120_000 * EURO),
        BudgetRecord(2024, "120010", 4300, 10_000 * EURO),
        BudgetRecord(2024, "120010", 3000, -50_000 * EURO),
    ]
    load(lines, budget)


def rules(found: list[alerts.Alert]) -> set[tuple[Rule, str, str]]:
    return {(item.rule, item.unit, item.row) for item in found}


def test_a_spend_in_spring_unit_following_its_profile_is_not_ahead(history: None) -> None:
    found = rules(alerts.alerts(Q1))
    assert not {item for item in found if item[1] in ("1100", "110010")}
    row = next(item for item in forecasts.forecast_rows("1100", Q1) if item.key == "palvelujen_ostot")
    assert (row.actual, row.budget, row.profile_to_date) == (-45_000_00, -120_000_00, -45_000_00)
    assert (row.cents, row.method, row.profile) == (-120_000_00, Method.BUDGET, ProfileSource.HISTORY)


def test_a_spend_in_spring_unit_spending_beyond_its_profile_is_ahead(history: None) -> None:
    load(months("110010", 4300, 2024, [0, 0, 20_000 * EURO]))  # March 50 000 € instead of 30 000 €
    found = alerts.alerts(Q1)
    ahead = [item for item in found if item.rule is Rule.AHEAD_OF_PROFILE and item.unit.startswith("11")]
    assert [(item.unit, item.row) for item in ahead] == [("1100", "palvelujen_ostot")]
    assert ahead[0].figures == {
        "budget": -120_000_00,
        "profile_to_date": -45_000_00,
        "actual": -65_000_00,
        "excess": 20_000_00,  # beyond 10 % of the year's budget (12 000 €)
    }
    assert ahead[0].message == (
        "Vaalit: Palvelujen ostot toteuma 65 000,00 € on 20 000,00 € edellä jaksotusta "
        "(45 000,00 € tähän mennessä, vuoden talousarvio 120 000,00 €)"
    )


def test_a_cost_center_past_its_whole_year_budget_and_an_income_shortfall_raise_their_alerts(
    history: None,
) -> None:
    found = rules(alerts.alerts(Q1))
    assert (Rule.PAST_YEAR_BUDGET, "120010", "toimintakulut") in found
    assert (Rule.PAST_YEAR_BUDGET, "1200", "palvelujen_ostot") in found
    assert (Rule.INCOME_SHORT, "1200", "myyntituotot") in found
    short = next(item for item in alerts.alerts(Q1) if item.rule is Rule.INCOME_SHORT and item.unit == "1200")
    # 3 000 € by March + three quarters of the 50 000 € budget: 40 500 €, 9 500 € short.
    assert short.figures == {
        "budget": 50_000_00,
        "forecast": 40_500_00,
        "shortfall": 9_500_00,
        "actual": 3_000_00,
    }


def test_a_binding_level_forecast_over_its_appropriation_alerts_and_prints_in_the_document(
    history: None,
) -> None:
    over = [item for item in alerts.alerts(Q1) if item.rule is Rule.OVER_APPROPRIATION]
    assert [(item.unit, item.level) for item in over] == [("1000", "binding"), ("1200", "operating-plan")]
    sector = over[0]
    # Vaalit on budget; Tarkastustoimi's costs 12 000 + 7 500 € (19 500 €), its income 40 500 €.
    assert sector.figures == {
        "budget": -80_000_00,
        "forecast": -99_000_00,
        "deviation": 19_000_00,
        "actual": -54_000_00,
    }
    layout = services.get_layout("quarterly-forecast")
    content = services.build_report("1000", Q1, layout, date(2024, 4, 15))
    report = json.loads(services.render_report(content, "json", layout))
    council = next(table for table in report["tables"] if table["id"] == "council")
    keys = [column["key"] for column in council["columns"]]
    assert keys == ["budget", "tot", "pct", "forecast", "forecast_deviation"]
    netto = next(row for row in council["rows"] if row["key"] == "netto")
    assert netto["exact"][3:] == [-99_000_00, 19_000_00]
    assert [column["label"] for column in council["columns"]][3:] == ["Ennuste 2024", "Poikkeama"]


def test_an_approved_own_forecast_replaces_the_default_and_adds_up(
    history: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = forecasts.OwnForecast(
        -30_000_00, "Lisenssit tulevat syksyllä", "talous", datetime(2024, 4, 10, tzinfo=UTC)
    )
    monkeypatch.setattr(
        forecasts, "approved_own_forecasts", lambda units, period: {("1200", "palvelujen_ostot"): own}
    )
    rows = {row.key: row for row in forecasts.forecast_rows("1200", Q1)}
    assert (rows["palvelujen_ostot"].cents, rows["palvelujen_ostot"].method) == (-30_000_00, Method.OWN)
    assert rows["palvelujen_ostot"].reason == "Lisenssit tulevat syksyllä"
    sector = forecasts.unit_forecasts(["1000"], Q1).line("1000", "toimintakate")
    assert sector is not None
    assert sector.cents == -120_000_00 + 40_500_00 - 30_000_00
    assert sector.method is Method.MIXED
    measure = services.measures.read_rows(
        services.measures.Reader.read(), ["1000"], Q1, services.measures.measures_named(["forecast"])
    )
    assert measure["1000"]["palvelujen_ostot"].cents["forecast"] == -150_000_00


def test_the_monthly_series_runs_from_the_actual_to_the_forecast_by_the_profile(history: None) -> None:
    found = forecasts.monthly_series("1100", Q1)
    assert found.actual[:4] == (-5_000_00, -15_000_00, -45_000_00, None)
    assert found.profile[2] == -45_000_00
    assert found.profile[11] == -120_000_00
    assert found.forecast[:2] == (None, None)
    assert found.forecast[2] == -45_000_00
    assert found.forecast[11] == -120_000_00
    assert found.forecast[3] == -70_000_00  # April takes 25 of the 75 thousands left
    assert found.low[11] is not None
    assert found.high[11] is not None


def test_an_imported_monthly_budget_shapes_the_profile_before_history(history: None) -> None:
    records = [
        MonthlyBudgetRecord(2024, month, "110010", 4300, cents)
        for month, cents in enumerate(thousands((40, 40, 40, 0, 0, 0, 0, 0, 0, 0, 0, 0)), start=1)
    ]
    storage.load_monthly_budget(records, file_name="kk.csv", sha256="c" * 64)
    row = next(item for item in forecasts.forecast_rows("110010", Q1) if item.key == "palvelujen_ostot")
    assert (row.profile, row.profile_to_date) == (ProfileSource.MONTHLY_BUDGET, -120_000_00)
    assert row.cents == -45_000_00  # all the budget's months are gone: the year ends where it is


def test_forecasts_read_a_fixed_number_of_queries_whatever_the_number_of_units(history: None) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            alerts.alerts(Q1)
        return len(captured)

    few = queries()
    more = [UnitRecord(f"1300{n:02d}", f"Kp {n}", UnitKind.COST_CENTER, "1200", order=n) for n in range(30)]
    storage.load_units(more)
    lines = [line for unit in more for line in months(unit.code, 4300, 2023, thousands(FLAT))]
    load(lines + [line for unit in more for line in months(unit.code, 4300, 2024, thousands((1, 1, 1)))])
    assert queries() == few
