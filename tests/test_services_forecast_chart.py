"""The unit page's forecast chart (services/dashboard_charts.py): actual, profile, forecast and its band."""

from __future__ import annotations

from dataclasses import dataclass

from toteuma.core.messages import use_language
from toteuma.services import dashboard_charts


@dataclass(frozen=True)
class Series:
    costs: bool
    actual: tuple[int | None, ...]
    profile: tuple[int, ...]
    forecast: tuple[int | None, ...]
    low: tuple[int | None, ...]
    high: tuple[int | None, ...]


# Costs in report sign (negative): March is the period; the forecast runs from March to December.
COSTS = Series(
    costs=True,
    actual=(-100_00, -250_00, -400_00, *(None,) * 9),
    profile=tuple(-100_00 * month for month in range(1, 13)),
    forecast=(None, None, -400_00, *(-400_00 - 90_00 * n for n in range(1, 10))),
    low=(None, None, -400_00, *(-400_00 - 80_00 * n for n in range(1, 10))),
    high=(None, None, -400_00, *(-400_00 - 100_00 * n for n in range(1, 10))),
)


def test_the_table_shows_costs_as_positive_whole_euros_by_month() -> None:
    table = dashboard_charts.forecast_table(COSTS)
    assert len(table) == 12
    assert table[0] == {
        "month": 1,
        "actual": 100,
        "profile": 100,
        "forecast": None,
        "low": None,
        "high": None,
    }
    assert table[2]["forecast"] == table[2]["actual"] == 400  # the forecast starts from the actual
    assert table[11] == {
        "month": 12,
        "actual": None,
        "profile": 1200,
        "forecast": 1210,
        "low": 1120,
        "high": 1300,
    }


def test_the_chart_names_its_lines_in_the_language_and_shades_the_band() -> None:
    with use_language("fi"):
        spec = dashboard_charts.forecast_chart(COSTS, "Hallinnon tukipalvelut", "Toimintakulut")
    area, lines = spec["layer"]
    names = {value["series"] for value in lines["data"]["values"]}
    assert names == {"Toteuma", "Talousarvio kuukausijaolla", "Ennuste"}
    assert all(value["euros"] is not None for value in lines["data"]["values"])
    assert [item["month"] for item in area["data"]["values"]] == list(range(4, 13))  # where low != high
    assert all(item["low"] <= item["high"] for item in area["data"]["values"])
    assert area["data"]["values"][0]["band"] == "Ennusteen vaihteluväli"
    assert "Hallinnon tukipalvelut: toimintakulut kumulatiivisesti" in spec["description"]
    assert lines["encoding"]["strokeDash"]["field"] == "series"  # not by colour alone
    with use_language("sv"):
        swedish = dashboard_charts.forecast_chart(
            COSTS, "Förvaltningens stödtjänster", "Verksamhetskostnader"
        )
    assert {value["series"] for value in swedish["layer"][1]["data"]["values"]} == {
        "Utfall",
        "Budget per månadsfördelning",
        "Prognos",
    }


def test_without_a_band_the_chart_has_only_its_lines() -> None:
    flat = Series(False, COSTS.actual, COSTS.profile, COSTS.forecast, COSTS.forecast, COSTS.forecast)
    with use_language("en"):
        spec = dashboard_charts.forecast_chart(flat, "Unit", "Operating margin")
    assert len(spec["layer"]) == 1
    assert spec["config"]["locale"]["number"]["decimal"] == "."
