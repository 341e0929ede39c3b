"""Tests of reports/charts.py: Vega-Lite specs as plain dicts (for the browser too) and their static SVG."""

from __future__ import annotations

import json
from decimal import Decimal

from toteuma.reports import charts


def area_spec() -> dict[str, object]:
    return charts.area_budget_chart(
        [("Vaalit", Decimal("265.5")), ("Tarkastustoimi", Decimal("1.0"))],
        Decimal("25.0"),
        title="Talousarviosta käytetty",
        axis="Käytetty, %",
        pace="Vuodesta kulunut 25,0 %",
    )


def test_specs_are_plain_json_vega_lite() -> None:
    spec = area_spec()
    assert spec["$schema"] == charts.SCHEMA
    assert json.loads(json.dumps(spec)) == spec
    pace = charts.sector_pace_chart(
        [("Tam", 500_946), ("Hel", 979_353)], [564_183, 1_128_367], title="Tahti", names=("A", "B", "Kk", "€")
    )
    values = pace["data"]["values"]  # type: ignore[index]
    assert values[0] == {"month": "Tam", "series": "A", "euros": 500_946}
    assert values[-1] == {"month": "Hel", "series": "B", "euros": 1_128_367}


def test_svg_is_static_deterministic_and_its_ids_are_prefixed() -> None:
    text = charts.spec_json(area_spec())
    first = charts.to_svg(text, "fi", "chart-a")
    assert first == charts.to_svg(text, "fi", "chart-a")
    assert first.startswith("<svg")
    assert "Vaalit" in first
    assert "<script" not in first
    assert 'id="' not in first.replace('id="chart-a-', "")


def test_png_for_word() -> None:
    assert charts.to_png(charts.spec_json(area_spec()), "en").startswith(b"\x89PNG")
