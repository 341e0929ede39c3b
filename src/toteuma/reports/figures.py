"""The report's charts and tie-out sentences from computed content, worded in the report's language."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from toteuma.core.money import round_euros
from toteuma.core.periods import Period
from toteuma.core.report import ReportContent, TieCheck, TieOut
from toteuma.core.statement import Column
from toteuma.reports import charts
from toteuma.reports.i18n import Catalogue
from toteuma.reports.model import Chart
from toteuma.reports.numbers import format_euros, format_percent
from toteuma.reports.tables import Frame, round_fraction


def _share(part: int, whole: int) -> Decimal:
    """part / whole × 100 to one decimal, 0 when whole is 0."""
    return round_fraction(Fraction(part * 100, whole) if whole else Fraction(0), 1)


def _year_share(content: ReportContent) -> Decimal:
    return _share(content.period.month, 12)


def area_chart(content: ReportContent, frame: Frame) -> Chart | None:
    """Each service area's operating margin: actual as a share of its budget, against the year gone."""
    if not content.areas:
        return None
    cat, lang = frame.cat, frame.cat.lang
    netto = content.summary.netto
    items = []
    for area in (item for item in content.areas if item.depth == 1):
        money = area.statement.line(netto).money
        items.append((area.unit.name, _share(money[Column.TOT], money[Column.BUDGET])))
    share = _year_share(content)
    share_text = format_percent(share, lang, 1)
    spec = charts.area_budget_chart(
        items,
        share,
        title=cat.get("charts", "area_title"),
        axis=cat.get("charts", "area_used"),
        pace=cat.get("charts", "area_pace", pct=share_text),
    )
    described = "; ".join(
        cat.get("charts", "area_item", name=name, value=format_percent(used, lang, 1)) for name, used in items
    )
    alt = cat.get("charts", "area_alt", items=described, pct=share_text)
    return Chart("chart-areas", cat.get("charts", "area_title"), alt, charts.spec_json(spec))


def sector_chart(content: ReportContent, frame: Frame) -> Chart | None:
    """The unit's cumulative net expenditure by month against its budget at an even pace."""
    if not content.monthly_net:
        return None
    cat, lang = frame.cat, frame.cat.lang
    budget = content.statement.statement.line(content.summary.netto).money[Column.BUDGET]
    # Net expenditure is the negative of the operating margin: a positive line for a unit that spends.
    months = [
        (cat.month_name(index + 1)[:3].capitalize(), -round_euros(c))
        for index, c in enumerate(content.monthly_net)
    ]
    paces = [-round_euros(budget * (index + 1) // 12) for index in range(len(months))]
    names = (
        cat.get("charts", "sector_actual"),
        cat.get("charts", "sector_pace"),
        cat.get("charts", "month"),
        cat.get("charts", "euros"),
    )
    spec = charts.sector_pace_chart(months, paces, title=cat.get("charts", "sector_title"), names=names)
    described = ", ".join(
        cat.get("charts", "sector_item", month=cat.month_name(i + 1), value=format_euros(v, lang))
        for i, (_, v) in enumerate(months)
    )
    alt = cat.get(
        "charts", "sector_alt", items=described, pace=format_euros(paces[-1], lang), month=len(months)
    )
    return Chart("chart-sector", cat.get("charts", "sector_title"), alt, charts.spec_json(spec))


def chart_specs(content: ReportContent, frame: Frame) -> dict[str, dict[str, Any]]:
    """The report's charts as Vega-Lite specs by name ("areas", "sector"), e.g. for vega-embed."""
    found = {"areas": area_chart(content, frame), "sector": sector_chart(content, frame)}
    return {name: json.loads(chart.spec) for name, chart in found.items() if chart is not None}


def tie_out_sentences(tie_out: TieOut | None, cat: Catalogue, period: Period) -> tuple[bool, tuple[str, ...]]:
    """Whether the figures tie out, and the sentences that say so or list what does not."""
    if tie_out is None:
        return True, ()
    lang, values = cat.lang, cat.period_values(period)

    def cents(value: int) -> str:
        return format_percent(Decimal(value) / 100, lang, 2) + "\u00a0€"

    def name(check: TieCheck) -> str:
        # A layout's own measure is named like the built-in one read the same way, with its year.
        if check.like:
            label = cat.get("columns", check.like, **{**values, "prev": check.year, "year": check.year})
        else:
            label = cat.get("columns", check.column, **values)
        return f"{label} ({check.what})"

    if tie_out.ok:
        what = "; ".join(f"{name(check)} {cents(check.ledger)}" for check in tie_out.checks)
        return True, (cat.text("tie_out_ok", what=what),)
    misses = tuple(
        f"{name(check)}: {cents(check.report)} ≠ {cents(check.ledger)}"
        for check in tie_out.checks
        if not check.ok
    )
    return False, (cat.text("tie_out_bad"), *misses)
