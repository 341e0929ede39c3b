"""The dashboard's charts: their figures from the database, their definitions from the documents' charts."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Protocol

from toteuma import storage
from toteuma.core.mapping import RowResolver
from toteuma.core.messages import language, number, t
from toteuma.core.money import round_euros, to_report_sign
from toteuma.core.org import Unit
from toteuma.core.periods import Period
from toteuma.core.report import MetricSeries
from toteuma.core.statement import LineValues, line_values
from toteuma.reports import charts
from toteuma.services.common import default_mapping, default_structure

if TYPE_CHECKING:
    from toteuma.services.dashboard import Glance


def overview_chart(glances: Sequence[Glance], share: Decimal) -> dict[str, Any]:
    """Per unit: costs used of the budget against the share of the year gone: the documents' chart."""
    items = [(f"{item.unit.code} {item.unit.name}", item.pct or Decimal(0)) for item in glances]
    spec = charts.area_budget_chart(
        items,
        share,
        title=t("charts.overview_title"),
        axis=t("charts.overview_axis"),
        pace=t("charts.overview_pace", share=number(share)),
    )
    # The page's column, not a fixed 420 px plus labels (704 px on a 390 px phone).
    spec = {**spec, "width": "container", "autosize": {"type": "fit-x", "contains": "padding"}}
    spec["layer"][0]["encoding"]["y"]["axis"] = {"labelLimit": 150}
    return charts.localised(spec, language())


def _cumulative_costs(
    sums: dict[tuple[int, int, int], int], year: int, months: int, rows: RowResolver
) -> list[int]:
    """The costs line (Toimintakulut) from January to each month of `year`, report sign, exact cents."""
    structure = default_structure()
    by_month: dict[int, dict[str, int]] = {}
    for (at_year, month, account), cents in sums.items():
        row = rows.row_of(account) if at_year == year else None
        if row is not None:
            into = by_month.setdefault(month, {})
            into[row] = into.get(row, 0) + to_report_sign(cents)
    found, running = [], dict[str, int]()
    for month in range(1, months + 1):
        for row, cents in by_month.get(month, {}).items():
            running[row] = running.get(row, 0) + cents
        values = line_values(
            structure, {row: LineValues({"tot": c}, {"tot": 1}) for row, c in running.items()}
        )
        found.append(values[structure.summary.menot].cents.get("tot", 0))
    return found


def cumulative_data(
    unit: Unit,
    period: Period,
    rows: RowResolver | None = None,
    kept: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[dict[str, Any]]:
    """The unit's whole subtree this year and the previous: from the costs of each month a forecast run
    keeps (`kept`: the previous year's 12 months and this year's to the period; decision 64), else read
    through its own and descendant balances (two queries whatever its size)."""
    found = []
    by_year: tuple[tuple[int, list[int]], ...]
    if kept is not None:
        by_year = ((period.year - 1, list(accumulate(kept[0]))), (period.year, list(accumulate(kept[1]))))
    else:
        resolver = rows or RowResolver(default_structure(), default_mapping())
        sums = storage.monthly_sums_by_unit(unit.code, (period.year - 1, period.year))
        by_year = tuple(
            (year, _cumulative_costs(sums, year, months, resolver))
            for year, months in ((period.year - 1, 12), (period.year, period.month))
        )
    for year, costs in by_year:
        for month, cents in enumerate(costs, start=1):
            found.append({"month": month, "year": str(year), "euros": -round_euros(cents)})
    return found


def cumulative_chart(
    unit: Unit,
    period: Period,
    rows: RowResolver | None = None,
    kept: tuple[Sequence[int], Sequence[int]] | None = None,
) -> dict[str, Any]:
    """Costs cumulated month by month, this year against the previous, in whole euros."""
    storage.setup()
    spec = charts.cumulative_years_chart(
        cumulative_data(unit, period, rows, kept),
        title=t("charts.cumulative_title", unit=unit.name),
        month_axis=t("charts.month"),
        euro_axis=t("charts.costs_euros"),
        year_title=t("charts.year"),
    )
    return charts.localised(spec, language())


def metric_chart(series: MetricSeries) -> dict[str, Any]:
    """A metric's values by period and its target as a dashed line (the page lists the figures too)."""
    values = [{"period": point.period, "value": float(point.value)} for point in series.points]
    target = float(series.target) if series.target is not None else None
    measure = f", {series.measure}" if series.measure else ""
    spec = charts.metric_chart(
        values,
        title=f"{series.metric}{measure}",
        period_axis=t("charts.period"),
        value_axis=series.measure or "",
        target=target,
    )
    return charts.localised(spec, language())


class CumulativeSeries(Protocol):
    """A line's year month by month, report sign cents: what services.forecasts.monthly_series gives."""

    @property
    def costs(self) -> bool: ...
    @property
    def actual(self) -> tuple[int | None, ...]: ...
    @property
    def profile(self) -> tuple[int, ...]: ...
    @property
    def forecast(self) -> tuple[int | None, ...]: ...
    @property
    def low(self) -> tuple[int | None, ...]: ...
    @property
    def high(self) -> tuple[int | None, ...]: ...


def _shown(cents: int | None, costs: bool) -> int | None:
    """Whole euros as the chart draws them: costs upwards, as the other cumulative chart does."""
    return None if cents is None else round_euros(-cents if costs else cents)


def forecast_table(series: CumulativeSeries) -> list[dict[str, Any]]:
    """The chart's figures by month (whole euros; costs positive), for the table beside it."""
    rows = []
    for index, month in enumerate(range(1, 13)):
        rows.append(
            {
                "month": month,
                "actual": _shown(series.actual[index], series.costs),
                "profile": _shown(series.profile[index], series.costs),
                "forecast": _shown(series.forecast[index], series.costs),
                "low": _shown(series.low[index], series.costs),
                "high": _shown(series.high[index], series.costs),
            }
        )
    return rows


def forecast_chart(series: CumulativeSeries, unit: str, line: str) -> dict[str, Any]:
    """Actual, the budget by its profile and the forecast with its band, cumulated month by month."""
    table = forecast_table(series)
    names = {key: t(f"forecastweb.chart.{key}") for key in ("actual", "profile", "forecast")}
    values = [
        {"month": row["month"], "series": names[key], "euros": row[key]}
        for key in ("actual", "profile", "forecast")
        for row in table
        if row[key] is not None
    ]
    band = [
        row
        for row in table
        if row["low"] is not None and row["high"] is not None and row["low"] != row["high"]
    ]
    spec = charts.forecast_band_chart(
        values,
        [
            {"month": row["month"], "low": min(row["low"], row["high"]), "high": max(row["low"], row["high"])}
            for row in band
        ],
        title=t("forecastweb.chart.title", unit=unit, line=line.lower()),
        month_axis=t("charts.month"),
        euro_axis=t("forecastweb.chart.euros", line=line),
        series_title=t("forecastweb.chart.series"),
        band_label=t("forecastweb.chart.band"),
    )
    return charts.localised(spec, language())
