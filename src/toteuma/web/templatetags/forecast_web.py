"""Forecast blocks that pages of other parts include: the unit page's forecast chart, the alert counts."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("web/_unit_forecast.html")
def unit_forecast(unit_code: str, period: object) -> dict[str, Any]:
    """The unit page's forecast section: a link to the forecast page (the chart comes with the forecasts)."""
    return {"code": unit_code, "period": period}
