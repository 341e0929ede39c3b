"""Forecast blocks that pages of other parts include: the unit page's forecast chart, the alert counts."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import translation
from django.utils.html import format_html_join

from toteuma.core.messages import t
from toteuma.core.periods import Period
from toteuma.services import forecast_pages

register = template.Library()


@register.inclusion_tag("web/_unit_forecast.html")
def unit_forecast(unit_code: str, period: Period) -> dict[str, Any]:
    """The unit page's forecast: its costs' cumulative chart with the forecast's band, and the figures."""
    found = forecast_pages.unit_chart(unit_code, period, translation.get_language() or "fi")
    return {"code": unit_code, "period": period, "c": found}


@register.filter
def rule_name(code: str) -> str:
    """An alert rule's code in words, in the page's language."""
    return t(f"forecast.rule.{code}")


@register.filter
def alert_badges(rules: tuple[str, ...]) -> str:
    """The rules of a unit's alerts, each a badge in words; "–" without alerts (a filter, not an
    include per alert: the overview has hundreds)."""
    if not rules:
        return "–"
    return format_html_join(
        "",
        '<span class="alert"><span aria-hidden="true">⚠</span> {}</span>',
        ((rule_name(code),) for code in rules),
    )


@register.filter
def method_name(code: str) -> str:
    """A forecast method's code in words, in the page's language ("" stays "")."""
    return t(f"forecast.method.{code}") if code else ""
