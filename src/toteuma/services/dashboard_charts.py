"""Vega-Lite definitions of the dashboard's charts, with the figures they show as plain data.

The documents' chart module (toteuma.reports.charts) is being written in parallel; these two charts
are to move there on merge so the browser and the documents share one definition.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from toteuma import storage
from toteuma.core.money import to_report_sign
from toteuma.core.org import OrgTree, Unit
from toteuma.core.periods import Period
from toteuma.core.statement import Column, RowFigures, compute_statement
from toteuma.services.common import default_mapping, default_structure
from toteuma.storage import workflow

if TYPE_CHECKING:
    from toteuma.services.dashboard import Glance

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


def bullet_chart(glances: Sequence[Glance], share: Decimal) -> dict[str, Any]:
    """Per unit: costs used of the budget (bar) against the share of the year gone (tick), in percent."""
    values = [
        {
            "yksikko": f"{item.unit.code} {item.unit.name}",
            "kaytetty": float(item.pct) if item.pct is not None else 0.0,  # display only, never summed
            "vuotta": float(share),
        }
        for item in glances
    ]
    encoding_y = {"field": "yksikko", "type": "nominal", "sort": None, "title": None}
    return {
        "$schema": SCHEMA,
        "description": "Menot: käytetty osuus talousarviosta ja kulunut osuus vuodesta, prosenttia",
        "data": {"values": values},
        "width": "container",
        "layer": [
            {
                "mark": {"type": "bar", "color": "#e4e4e4"},
                "encoding": {"y": encoding_y, "x": {"datum": 100, "type": "quantitative"}},
            },
            {
                "mark": {"type": "bar", "color": "#1f5f8b", "height": 10},
                "encoding": {
                    "y": encoding_y,
                    "x": {"field": "kaytetty", "type": "quantitative", "title": "% talousarviosta"},
                    "tooltip": [{"field": "yksikko"}, {"field": "kaytetty", "title": "käytetty %"}],
                },
            },
            {
                "mark": {"type": "tick", "color": "#000", "thickness": 3},
                "encoding": {"y": encoding_y, "x": {"field": "vuotta", "type": "quantitative"}},
            },
        ],
    }


def _cumulative_costs(codes: list[str], year: int, months: int) -> list[int]:
    """The costs line (Toimintakulut) from January to each month, report sign, exact cents."""
    structure, mapping = default_structure(), default_mapping()
    sums = workflow.monthly_account_sums(codes, year)
    found, running = [], dict[str, int]()
    for month in range(1, months + 1):
        for (at, account), cents in sums.items():
            row = mapping.row_of(account)
            if at == month and row is not None:
                running[row] = running.get(row, 0) + to_report_sign(cents)
        figures = {key: RowFigures(tot=cents, active=True) for key, cents in running.items()}
        statement = compute_statement(structure, figures)
        found.append(statement.line(structure.summary.menot).money[Column.TOT])
    return found


def cumulative_data(tree: OrgTree, unit: Unit, period: Period) -> list[dict[str, Any]]:
    codes = [item.code for item in tree.descendants(unit.code)]
    rows = []
    for year, months in ((period.year - 1, 12), (period.year, period.month)):
        for month, cents in enumerate(_cumulative_costs(codes, year, months), start=1):
            rows.append({"kuukausi": month, "vuosi": str(year), "euroa": -cents // 100})
    return rows


def cumulative_chart(tree: OrgTree, unit: Unit, period: Period) -> dict[str, Any]:
    """Costs cumulated month by month, this year against the previous, in whole euros."""
    storage.setup()
    return {
        "$schema": SCHEMA,
        "description": f"{unit.name}: toimintakulut kumulatiivisesti kuukausittain, euroa",
        "data": {"values": cumulative_data(tree, unit, period)},
        "width": "container",
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "kuukausi", "type": "ordinal", "title": "Kuukausi"},
            "y": {"field": "euroa", "type": "quantitative", "title": "Toimintakulut, €"},
            "color": {"field": "vuosi", "type": "nominal", "title": "Vuosi"},
            "strokeDash": {"field": "vuosi", "type": "nominal"},
        },
    }
