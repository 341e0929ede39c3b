"""The dashboard's forecast page of a unit: each line's actual, budget, forecast with its method, profile
source and band, the approved own forecast, and (for those who see drafts) the own forecast's draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toteuma import storage
from toteuma.core.messages import t, use_language
from toteuma.core.org import Unit
from toteuma.core.periods import Period
from toteuma.core.structure import LineKind
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.services import dashboard_charts, forecast_store, forecasts, own_forecasts
from toteuma.services.access import Actor
from toteuma.services.common import default_structure
from toteuma.services.figure_cache import cached
from toteuma.services.measures import Reader
from toteuma.services.reporting import find_unit
from toteuma.storage.workflow import DraftInfo, OwnForecastInfo


@dataclass(frozen=True)
class ForecastLine:
    """One printed line of the unit's statement; money in report sign cents (income +, costs −)."""

    key: str
    label: str
    kind: str  # "row" or "subtotal"
    costs: bool
    actual: int
    budget: int
    forecast: int | None = None  # the year-end forecast; None where none is made
    low: int | None = None  # its band (from the method's backtest error at this month)
    high: int | None = None
    method: str = ""  # "seasonal", "run-rate", "budget", "own", "mixed"
    method_name: str = ""  # the method in the page's language
    profile: str = ""  # the budget profile's source: "history", "monthly-budget", "even", "mixed"
    profile_name: str = ""
    own: OwnForecastInfo | None = None  # the approved own forecast in force
    draft: DraftInfo | None = None  # the own forecast's draft (none for readers)

    @property
    def deviation(self) -> int | None:
        """Budget − forecast (Poikkeama)."""
        return None if self.forecast is None else self.budget - self.forecast

    @property
    def forecastable(self) -> bool:
        """An own forecast is made for a row; a subtotal adds its rows up."""
        return self.kind == LineKind.ROW.value


@dataclass(frozen=True)
class ForecastPage:
    unit: Unit
    period: Period
    path: tuple[Unit, ...]
    lines: tuple[ForecastLine, ...]

    @property
    def waiting(self) -> int:
        """Own forecasts sent for review."""
        return sum(1 for line in self.lines if line.draft is not None and line.draft.state == "ready")


def _path(unit: Unit) -> tuple[Unit, ...]:
    tree = storage.org_tree()
    found: list[Unit] = []
    parent = unit.parent
    while parent is not None:
        found.insert(0, tree[parent])
        parent = tree[parent].parent
    return tuple(found)


def forecast_page(who: Actor, unit_code: str, period: Period, lang: str = "fi") -> ForecastPage:
    """The unit's rows and subtotals with a forecast, each with the approved own forecast in force and
    (for those who see drafts) its draft."""
    storage.setup()
    lang = lang if lang in LANGUAGES else "fi"
    unit = find_unit(storage.org_tree(), unit_code)
    cat = catalogue(lang)
    own = own_forecasts.approved([unit.code], period)
    drafts = own_forecasts.forecast_drafts(who, unit.code, period)
    lines = []
    with use_language(lang):
        for row in forecasts.forecast_rows(unit.code, period, lang):
            lines.append(
                ForecastLine(
                    row.key,
                    cat.row(row.key, row.label),
                    row.kind.value,
                    row.costs,
                    row.actual,
                    row.budget,
                    row.cents,
                    row.low,
                    row.high,
                    row.method.value,
                    t(f"forecast.method.{row.method.value}"),
                    row.profile.value,
                    t(f"forecast.profile.{row.profile.value}"),
                    own=own.get((unit.code, row.key)),
                    draft=drafts.get(row.key),
                )
            )
    return ForecastPage(unit, period, _path(unit), tuple(lines))


@dataclass(frozen=True)
class UnitChart:
    """The unit page's forecast: the costs' cumulative chart and the year-end figures beside it."""

    line: str  # the charted line's label
    spec: dict[str, Any]
    table: list[dict[str, Any]]  # the chart's figures by month, whole euros, costs positive
    forecast: int | None  # year-end, report sign cents
    low: int | None
    high: int | None
    budget: int
    method_name: str
    profile_name: str

    @property
    def deviation(self) -> int | None:
        return None if self.forecast is None else self.budget - self.forecast


def unit_chart(unit_code: str, period: Period, lang: str = "fi") -> UnitChart:
    """The unit's costs (Toimintakulut) month by month: actual, budget by its profile, forecast and band."""
    storage.setup()
    lang = lang if lang in LANGUAGES else "fi"
    return cached(("forecast-chart", unit_code, period, lang), lambda: _unit_chart(unit_code, period, lang))


def _unit_chart(unit_code: str, period: Period, lang: str) -> UnitChart:
    reader = Reader.read()
    unit = find_unit(reader.tree, unit_code)
    structure = default_structure()
    key = structure.summary.menot
    label = catalogue(lang).row(key, structure.line(key).label)
    series = forecast_store.current(period, reader).series(unit.code)  # December's point is the year end
    with use_language(lang):
        spec = dashboard_charts.forecast_chart(series, unit.name_in(lang), label)
        method = t(f"forecast.method.{series.method.value}")
        profile = t(f"forecast.profile.{series.profile_source.value}")
    return UnitChart(
        label,
        spec,
        dashboard_charts.forecast_table(series),
        series.forecast[-1],
        series.low[-1],
        series.high[-1],
        series.profile[-1],
        method,
        profile,
    )
