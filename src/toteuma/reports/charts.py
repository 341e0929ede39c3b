"""Chart definitions as Vega-Lite specs (plain dicts, for documents and the browser) and their static SVG."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_FORMAT_LOCALES: dict[str, Any] = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}
_INK, _ACCENT, _MUTED = "#1b1f24", "#0b4a75", "#4a5563"
_CONFIG: dict[str, Any] = {
    "font": "DejaVu Sans, Arial, sans-serif",
    "axis": {"labelColor": _INK, "titleColor": _INK, "labelFontSize": 11, "titleFontSize": 11},
    "legend": {"labelColor": _INK, "titleColor": _INK, "orient": "bottom"},
    "view": {"stroke": None},
}


def area_budget_chart(
    items: Sequence[tuple[str, Decimal]], year_share: Decimal, *, title: str, axis: str, pace: str
) -> dict[str, Any]:
    """Per service area, the share of the budget used (bars) against the share of the year gone (a rule)."""
    values = [{"area": name, "used": float(used)} for name, used in items]
    return {
        "$schema": SCHEMA,
        "description": title,
        "width": 420,
        "height": {"step": 22},
        "config": _CONFIG,
        "layer": [
            {
                "data": {"values": values},
                "mark": {"type": "bar", "color": _ACCENT},
                "encoding": {
                    "y": {
                        "field": "area",
                        "type": "nominal",
                        "sort": None,
                        "title": None,
                        "axis": {"labelLimit": 260},
                    },
                    "x": {"field": "used", "type": "quantitative", "title": axis},
                },
            },
            {
                "data": {"values": [{"share": float(year_share), "label": pace}]},
                "mark": {"type": "rule", "color": _INK, "strokeDash": [4, 3], "strokeWidth": 2},
                "encoding": {"x": {"field": "share", "type": "quantitative"}},
            },
            {
                "data": {"values": [{"share": float(year_share), "label": pace}]},
                "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "y": 0, "color": _INK},
                "encoding": {"x": {"field": "share", "type": "quantitative"}, "text": {"field": "label"}},
            },
        ],
    }


def sector_pace_chart(
    months: Sequence[tuple[str, int]], paces: Sequence[int], *, title: str, names: tuple[str, str, str, str]
) -> dict[str, Any]:
    """The cumulative monthly actual (a line) against the budget at an even pace (a dashed line), in euros."""
    actual, pace, month_axis, euro_axis = names
    values = [{"month": month, "series": actual, "euros": euros} for month, euros in months]
    values += [
        {"month": month, "series": pace, "euros": euros}
        for (month, _), euros in zip(months, paces, strict=True)
    ]
    return {
        "$schema": SCHEMA,
        "description": title,
        "width": 420,
        "height": 220,
        "config": _CONFIG,
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {
                "field": "month",
                "type": "ordinal",
                "sort": None,
                "title": month_axis,
                "axis": {"labelAngle": 0},
            },
            "y": {"field": "euros", "type": "quantitative", "title": euro_axis},
            "color": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": [actual, pace], "range": [_ACCENT, _MUTED]},
            },
            "strokeDash": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": [actual, pace], "range": [[1, 0], [6, 4]]},
            },
        },
    }


def cumulative_years_chart(
    values: Sequence[dict[str, Any]], *, title: str, month_axis: str, euro_axis: str, year_title: str
) -> dict[str, Any]:
    """A figure cumulated month by month, one line per year; `values` rows hold month, year and euros."""
    return {
        "$schema": SCHEMA,
        "description": title,
        "width": "container",
        "config": _CONFIG,
        "data": {"values": list(values)},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": month_axis, "axis": {"labelAngle": 0}},
            "y": {"field": "euros", "type": "quantitative", "title": euro_axis},
            "color": {"field": "year", "type": "nominal", "title": year_title},
            "strokeDash": {"field": "year", "type": "nominal", "title": year_title},
        },
    }


# A legend's entries one under another: side by side they ran past a 390 px phone's screen.
_STACKED: dict[str, Any] = {"direction": "vertical", "columns": 1}


def forecast_band_chart(
    values: Sequence[dict[str, Any]],
    band: Sequence[dict[str, Any]],
    *,
    title: str,
    month_axis: str,
    euro_axis: str,
    series_title: str,
    band_label: str,
) -> dict[str, Any]:
    """Cumulative lines by month (`values`: month, series, euros), the forecast's band as a shaded area
    (`band`: month, low, high). Lines differ by dash as well as colour; the band is named in the legend."""
    lines = {
        "data": {"values": list(values)},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": month_axis, "axis": {"labelAngle": 0}},
            "y": {"field": "euros", "type": "quantitative", "title": euro_axis},
            "color": {
                "field": "series",
                "type": "nominal",
                "title": series_title,
                "sort": None,
                "legend": _STACKED,
            },
            "strokeDash": {
                "field": "series",
                "type": "nominal",
                "title": series_title,
                "sort": None,
                "legend": _STACKED,
            },
        },
    }
    area = {
        "data": {"values": [{**item, "band": band_label} for item in band]},
        "mark": {"type": "area", "opacity": 0.25, "color": _MUTED},
        "encoding": {
            "x": {"field": "month", "type": "ordinal"},
            "y": {"field": "low", "type": "quantitative"},
            "y2": {"field": "high"},
            "fill": {
                "field": "band",
                "type": "nominal",
                "title": None,
                "scale": {"range": [_MUTED]},
                "legend": _STACKED,
            },
        },
    }
    return {
        "$schema": SCHEMA,
        "description": title,
        "width": "container",
        "config": _CONFIG,
        "layer": [area, lines] if band else [lines],
        "resolve": {"scale": {"color": "independent", "strokeDash": "independent"}},
    }


# Numbers on axes and in tooltips the language's way ("6 000 000", not "6,000,000"): d3-format
# locales, which Vega-Lite takes in its config, in the browser and in vl-convert alike.
NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "fi": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0€"], "minus": "−"},
    "sv": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0€"], "minus": "−"},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}


def localised(spec: dict[str, Any], lang: str) -> dict[str, Any]:
    """The spec with the language's number format in its config (the dashboard draws it in the browser)."""
    config = {**spec.get("config", {}), "locale": {"number": NUMBER_LOCALES[lang]}}
    return {**spec, "config": config}


def metric_chart(
    values: Sequence[dict[str, Any]], *, title: str, period_axis: str, value_axis: str, target: float | None
) -> dict[str, Any]:
    """A metric's measured values by period as a line, its target level as a dashed rule."""
    line = {
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "period", "type": "ordinal", "title": period_axis, "axis": {"labelAngle": 0}},
            "y": {"field": "value", "type": "quantitative", "title": value_axis, "scale": {"zero": False}},
        },
    }
    layers: list[dict[str, Any]] = [line]
    if target is not None:
        layers.append(
            {
                "data": {"values": [{"target": target}]},
                "mark": {"type": "rule", "strokeDash": [6, 4]},
                "encoding": {"y": {"field": "target", "type": "quantitative"}},
            }
        )
    return {
        "$schema": SCHEMA,
        "description": title,
        "width": "container",
        "height": 160,
        "config": _CONFIG,
        "data": {"values": list(values)},
        "layer": layers,
    }


def spec_json(spec: dict[str, Any]) -> str:
    """A spec as canonical JSON text: the form the presentation model carries (hashable, deterministic)."""
    return json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_ID = re.compile(r'\bid="([^"]+)"')


def to_svg(spec_text: str, lang: str, prefix: str) -> str:
    """Static SVG; ids get `prefix` so that several charts can live in one page."""
    import vl_convert  # imported here: starting its JavaScript engine is only paid by documents with charts

    svg: str = vl_convert.vegalite_to_svg(json.loads(spec_text), format_locale=_FORMAT_LOCALES[lang])
    ids = set(_ID.findall(svg))
    for name in sorted(ids, key=len, reverse=True):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}-{name}"').replace(
            f"url(#{name})", f"url(#{prefix}-{name})"
        )
    return svg


def to_png(spec_text: str, lang: str) -> bytes:
    """A PNG for formats that take no SVG (DOCX)."""
    import vl_convert

    png: bytes = vl_convert.vegalite_to_png(
        json.loads(spec_text), scale=2, format_locale=_FORMAT_LOCALES[lang]
    )
    return png
