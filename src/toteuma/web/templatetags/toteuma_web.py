"""Template filters: Finnish money and percent text, status words, signed cents of ledger lines."""

from __future__ import annotations

from decimal import Decimal

from django import template

from toteuma.core.money import euros, round_euros, to_report_sign
from toteuma.reports.numbers import format_euros, format_percent

register = template.Library()


@register.filter
def eur(cents: int | None) -> str:
    """Exact cents as whole euros: "-1 365 906"."""
    return "" if cents is None else format_euros(round_euros(cents))


@register.filter
def cents(value: int | None) -> str:
    """Exact cents with two decimals: "-1 365 906,25"."""
    if value is None:
        return ""
    whole = format_euros(int(euros(abs(value))))
    return f"{'-' if value < 0 else ''}{whole},{abs(value) % 100:02d}"


@register.filter
def report_sign(value: int) -> int:
    return to_report_sign(value)


@register.filter
def pct(value: Decimal | None) -> str:
    return "" if value is None else format_percent(value)


@register.filter
def cell(value: object) -> str:
    """A presentation-model cell as printed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_euros(value)
    if isinstance(value, Decimal):
        return format_percent(value)
    return str(value)


@register.filter
def get(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key)


@register.filter
def minutes(value: object) -> int:
    """Whole minutes of a timedelta (the sign-in lockout), rounded up."""
    seconds = getattr(value, "total_seconds", lambda: 0)()
    return int(-(-seconds // 60))
